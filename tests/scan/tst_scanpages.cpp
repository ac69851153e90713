#include "TestPages.h"

#include "onewindow/scan/BarcodeReader.h"
#include "onewindow/scan/JpegStructure.h"
#include "onewindow/scan/PageImporter.h"
#include "onewindow/scan/PageNormaliser.h"
#include "onewindow/scan/PdfAssembler.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImageWriter>
#include <QPdfDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::scan;

namespace {

QByteArray encode(const QImage &img, const char *format, int quality = -1)
{
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    QImageWriter w(&buf, format);
    if (quality >= 0)
        w.setQuality(quality);
    if (!w.write(img))
        qFatal("cannot encode test image");
    return bytes;
}

double inkShare(const QImage &img)
{
    const QImage g = img.convertToFormat(QImage::Format_Grayscale8);
    qint64 ink = 0;
    for (int y = 0; y < g.height(); ++y) {
        const uchar *r = g.constScanLine(y);
        for (int x = 0; x < g.width(); ++x)
            ink += r[x] < 128;
    }
    return double(ink) / (qint64(g.width()) * g.height());
}

} // namespace

class TestScanPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jpegStructure_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("complete");
        const QImage img = testpages::a4Page(50, {}, testpages::sampleText());
        const QByteArray jpeg = encode(img, "jpeg", 80);
        QTest::newRow("whole") << jpeg << true << true;
        QTest::newRow("truncated") << jpeg.left(jpeg.size() * 2 / 3) << true << false;
        QTest::newRow("header only") << jpeg.left(200) << false << false;
        QTest::newRow("no SOI") << jpeg.mid(2) << false << false;
        QTest::newRow("empty") << QByteArray() << false << false;
        QTest::newRow("SOI EOI") << QByteArray("\xFF\xD8\xFF\xD9", 4) << false << false;
    }
    void jpegStructure()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QFETCH(bool, complete);
        const JpegStructure s = JpegStructure::inspect(bytes);
        QCOMPARE(s.valid, valid);
        QCOMPARE(s.complete, complete);
    }

    void importsEveryFormat()
    {
        const QImage page = testpages::a4Page(100, {}, testpages::sampleText());
        for (const char *format : {"jpeg", "png", "tiff"}) {
            const auto pages = PageImporter::importBytes(encode(page, format), QStringLiteral("page.x"));
            QVERIFY2(pages.ok(), qPrintable(pages.error()));
            QCOMPARE(pages->size(), 1);
            QCOMPARE(pages->first().image.size(), page.size());
            QCOMPARE(pages->first().dpi, 100.0);
        }
    }

    void importsMultiPageTiff()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("batch.tif"));
        QList<QImage> images;
        for (int i = 0; i < 3; ++i)
            images.append(testpages::a4Page(60 + 10 * i, {}, {QStringLiteral("第 %1 页").arg(i + 1)}));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(testpages::multiPageTiff(images));
        file.close();
        const auto pages = PageImporter::importFile(path);
        QVERIFY2(pages.ok(), qPrintable(pages.error()));
        QCOMPARE(pages->size(), 3);
        QCOMPARE(pages->at(2).originPage, 3);
        QCOMPARE(pages->at(2).dpi, 80.0);
    }

    void importsPdfPages()
    {
        const QImage page = testpages::a4Page(100, {}, testpages::sampleText());
        const auto pdf =
            PdfAssembler::assemble({Page {page, 100, {}, 1}, Page {page, 100, {}, 2}}, QStringLiteral("t"));
        QVERIFY(pdf.ok());
        const auto pages = PageImporter::importBytes(pdf.value(), QStringLiteral("two.pdf"));
        QVERIFY2(pages.ok(), qPrintable(pages.error()));
        QCOMPARE(pages->size(), 2);
        // Rendered at 200 dpi: an A4 page is 1654 × 2339.
        QVERIFY(std::abs(pages->first().image.width() - 1654) <= 2);
        QVERIFY(std::abs(pages->first().image.height() - 2339) <= 2);
    }

    void appliesExifOrientation()
    {
        QImage page = testpages::a4Page(50, {}, {QStringLiteral("上")});
        QByteArray bytes;
        QBuffer buf(&bytes);
        buf.open(QIODevice::WriteOnly);
        QImageWriter w(&buf, "jpeg");
        w.setTransformation(QImageIOHandler::TransformationRotate90);
        QVERIFY(w.write(page));
        const auto pages = PageImporter::importBytes(bytes, QStringLiteral("camera.jpg"));
        QVERIFY(pages.ok());
        // Stored as written, shown turned: the EXIF tag is applied, the page comes out landscape.
        QCOMPARE(pages->first().image.size(), page.size().transposed());
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const QImage page = testpages::a4Page(80, {}, testpages::sampleText());
        const QByteArray jpeg = encode(page, "jpeg", 80);
        const QByteArray png = encode(page, "png");
        const QImage small = testpages::a4Page(40, {}, {QStringLiteral("x")});
        QByteArray pdf = PdfAssembler::assemble({Page {small, 40, {}, 1}}, QStringLiteral("t")).value();
        QTest::newRow("0 bytes") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("truncated jpeg") << jpeg.left(jpeg.size() / 2) << QStringLiteral("cut short");
        QTest::newRow("truncated png") << png.left(png.size() / 2) << QStringLiteral("damaged");
        QTest::newRow("corrupt pdf") << pdf.left(40) + QByteArray(400, 'x') << QStringLiteral("damaged PDF");
        QTest::newRow("text file") << QByteArray("hello") << QStringLiteral("not a supported file");
    }
    void refusesBadFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const auto pages = PageImporter::importBytes(bytes, QStringLiteral("材料.bin"));
        QVERIFY(!pages.ok());
        QVERIFY2(pages.error().contains(QStringLiteral("材料.bin")), qPrintable(pages.error()));
        QVERIFY2(pages.error().contains(expected), qPrintable(pages.error()));
    }

    void refusesHugePngWithoutDecodingIt()
    {
        // A real 20,000 × 20,000 PNG (1-bit, so making it is cheap); importing it must stop at
        // the header instead of allocating 1.6 GB for the pixels.
        QImage huge(20000, 20000, QImage::Format_Mono);
        huge.fill(0);
        const QByteArray png = encode(huge, "png");
        huge = QImage();
        const auto pages = PageImporter::importBytes(png, QStringLiteral("huge.png"));
        QVERIFY(!pages.ok());
        QVERIFY2(pages.error().contains(QLatin1String("huge.png")), qPrintable(pages.error()));
        QVERIFY2(pages.error().contains(QLatin1String("20000")), qPrintable(pages.error()));
    }

    void deskewsSmallAngles_data()
    {
        QTest::addColumn<double>("degrees");
        QTest::newRow("+2.5") << 2.5;
        QTest::newRow("-1.5") << -1.5;
        QTest::newRow("+4") << 4.0;
        QTest::newRow("0") << 0.0;
    }
    void deskewsSmallAngles()
    {
        QFETCH(double, degrees);
        const QImage page = testpages::a4Page(100, {}, testpages::sampleText());
        const QImage turned = testpages::rotated(page, degrees);
        const double found = PageNormaliser::estimateSkew(turned);
        QVERIFY2(std::abs(found - degrees) <= 0.2, qPrintable(QString::number(found)));
        const Page out = PageNormaliser::normalise(Page {turned, 100, {}, 1});
        QVERIFY2(std::abs(PageNormaliser::estimateSkew(out.image.convertToFormat(QImage::Format_Grayscale8))) <= 0.2,
            "the normalised page is still askew");
    }

    void textPageTurnsBilevelAndSmall_data()
    {
        QTest::addColumn<double>("dpi");
        QTest::addColumn<int>("noise");
        QTest::newRow("200 dpi clean") << 200.0 << 0;
        QTest::newRow("200 dpi noisy, blurred") << 200.0 << 12;
        QTest::newRow("300 dpi noisy") << 300.0 << 12;
    }
    void textPageTurnsBilevelAndSmall()
    {
        QFETCH(double, dpi);
        QFETCH(int, noise);
        // Fine print for legibility: a Code 128 with 0.33 mm bars must still read after the trip.
        const QList<testpages::Symbol> fine {
            {ZXing::BarcodeFormat::Code128, QStringLiteral("LEGIBLE-0033"), {20, 250}, 0.33, 8}};
        QImage page = testpages::a4Page(dpi, fine, testpages::sampleText());
        if (noise)
            page = testpages::noisy(testpages::blurred(testpages::rotated(page, 1.2)), noise);
        const Page out = PageNormaliser::normalise(Page {page, dpi, {}, 1});
        QCOMPARE(out.image.depth(), 1);
        QCOMPARE(out.dpi, 200.0);
        const auto pdf = PdfAssembler::assemble({out}, QStringLiteral("lease"));
        QVERIFY(pdf.ok());
        qInfo("A4 text page, %g dpi scan, noise %d: %lld bytes in the PDF", dpi, noise, qlonglong(pdf->size()));
        // OW_SCAN_DUMP=DIR keeps the PDFs, to look at them (pdftoppm).
        if (const QString dump = qEnvironmentVariable("OW_SCAN_DUMP"); !dump.isEmpty()) {
            QFile f(dump + QStringLiteral("/text-%1dpi-noise%2.pdf").arg(dpi).arg(noise));
            if (f.open(QIODevice::WriteOnly))
                f.write(pdf.value());
        }
        QVERIFY2(pdf->size() <= 120 * 1024, qPrintable(QString::number(pdf->size())));
        // Still legible: the text renders back close to the clean original.
        const auto back = PageImporter::importBytes(pdf.value(), QStringLiteral("lease.pdf"));
        QVERIFY(back.ok());
        const QImage clean = testpages::a4Page(200, fine, testpages::sampleText());
        const double ratio = inkShare(back->first().image) / inkShare(clean);
        qInfo("ink after the trip: %.2f of the clean page's", ratio);
        QVERIFY2(ratio > 0.6 && ratio < 2.0, qPrintable(QString::number(ratio)));
        const QList<Barcode> codes = BarcodeReader::read(back->first().image);
        QVERIFY(std::any_of(
            codes.begin(), codes.end(), [](const Barcode &b) { return b.text == QLatin1String("LEGIBLE-0033"); }));
    }

    void photoPageStaysGray()
    {
        QImage photo(800, 1131, QImage::Format_Grayscale8);
        for (int y = 0; y < photo.height(); ++y)
            for (int x = 0; x < photo.width(); ++x)
                photo.scanLine(y)[x] = uchar((x * 255 / photo.width() + y / 8) % 256);
        const Page out = PageNormaliser::normalise(Page {photo, 96, {}, 1});
        QCOMPARE(out.image.format(), QImage::Format_Grayscale8);
    }

    void pdfKeepsPageSizeAndOrder()
    {
        const Page a {testpages::a4Page(200, {}, {QStringLiteral("第一页")}), 200, {}, 1};
        QImage landscape = testpages::quarterTurns(a.image, 1);
        const Page b {landscape, 200, {}, 2};
        const auto pdf = PdfAssembler::assemble({a, b}, QStringLiteral("lease"));
        QVERIFY(pdf.ok());
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("x.pdf")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pdf.value());
        f.close();
        QPdfDocument doc;
        QCOMPARE(doc.load(f.fileName()), QPdfDocument::Error::None);
        QCOMPARE(doc.pageCount(), 2);
        QVERIFY(std::abs(doc.pagePointSize(0).width() - 595.3) < 2);
        QVERIFY(std::abs(doc.pagePointSize(0).height() - 841.9) < 2);
        QVERIFY(std::abs(doc.pagePointSize(1).width() - 841.9) < 2);
        QVERIFY(!PdfAssembler::assemble({}, QStringLiteral("x")).ok());
    }
};

QTEST_MAIN(TestScanPages)
#include "tst_scanpages.moc"
