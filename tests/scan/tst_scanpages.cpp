#include "TestPages.h"

#include "onewindow/pdf/PdfFilePages.h"
#include "onewindow/scan/BarcodeReader.h"
#include "onewindow/scan/JpegStructure.h"
#include "onewindow/scan/PageImporter.h"
#include "onewindow/scan/PageNormaliser.h"
#include "onewindow/scan/PdfAssembler.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImageWriter>
#include <QPainter>
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

// A PDF's page drawn back at `dpi` (QtPdf), on white.
QImage renderBack(const QByteArray &pdf, int page, double dpi, QSizeF *points = nullptr)
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("back.pdf")));
    if (!f.open(QIODevice::WriteOnly) || f.write(pdf) != pdf.size())
        qFatal("cannot write the PDF back");
    f.close();
    QPdfDocument doc;
    if (doc.load(f.fileName()) != QPdfDocument::Error::None)
        return {};
    const QSizeF pt = doc.pagePointSize(page);
    if (points)
        *points = pt;
    const QImage img = doc.render(page, QSize(int(pt.width() / 72 * dpi), int(pt.height() / 72 * dpi)));
    QImage flat(img.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    QPainter painter(&flat);
    painter.drawImage(0, 0, img);
    painter.end();
    return flat;
}

// Pixels of `img` inside `mm` (a rectangle on the page, the picture covering the whole page)
// that are red: hue within 20° of red, saturated, not pale.
int redPixels(const QImage &img, const QRectF &mm, double pageWidthMm)
{
    const double f = img.width() / pageWidthMm;
    const QRect r =
        QRect(int(mm.x() * f), int(mm.y() * f), int(mm.width() * f), int(mm.height() * f)).intersected(img.rect());
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = QColor::fromRgb(img.pixel(x, y)).toHsv();
            const int hue = c.hsvHue();
            n += (hue >= 0 && (hue <= 20 || hue >= 340)) && c.hsvSaturation() >= 110 && c.value() >= 120;
        }
    }
    return n;
}

QByteArray withoutChunk(const QByteArray &png, const QByteArray &type)
{
    QByteArray out = png.left(8);
    qsizetype at = 8;
    while (at + 12 <= png.size()) {
        const quint32 length = (quint32(uchar(png.at(at))) << 24) | (quint32(uchar(png.at(at + 1))) << 16)
            | (quint32(uchar(png.at(at + 2))) << 8) | quint32(uchar(png.at(at + 3)));
        if (png.mid(at + 4, 4) != type)
            out += png.mid(at, 12 + qsizetype(length));
        at += 12 + qsizetype(length);
    }
    return out;
}

} // namespace

class TestScanPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // As onewindow-tool does; the client sets the same from its PDF plugin (ui::PdfPlugin).
        ow::pdf::PdfFilePages::startPdfium();
        PageImporter::setPdfOpener(&ow::pdf::PdfFilePages::open);
    }

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

    // Without the PDF support (the client's plugin missing), a PDF is refused with the reason,
    // never read as nothing; pictures are still imported.
    void pdfWithoutPdfSupportIsRefusedWithTheReason()
    {
        const QImage page = testpages::a4Page(100, {}, testpages::sampleText());
        const auto pdf = PdfAssembler::assemble({Page {page, 100, {}, 1}}, QStringLiteral("t"));
        QVERIFY(pdf.ok());
        PageImporter::setPdfOpener(nullptr, QStringLiteral("onewindow-pdf.so is missing"));
        const auto pages = PageImporter::importBytes(pdf.value(), QStringLiteral("licence.pdf"));
        const auto picture = PageImporter::importBytes(encode(page, "png"), QStringLiteral("page.png"));
        PageImporter::setPdfOpener(&ow::pdf::PdfFilePages::open);
        QVERIFY(!pages.ok());
        QVERIFY2(pages.error().contains(QLatin1String("licence.pdf")), qPrintable(pages.error()));
        QVERIFY2(pages.error().contains(QLatin1String("onewindow-pdf.so is missing")), qPrintable(pages.error()));
        QVERIFY2(picture.ok(), qPrintable(picture.error()));
        QVERIFY(PageImporter::importBytes(pdf.value(), QStringLiteral("licence.pdf")).ok());
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

    // Issue 19: auto mode turned a red company seal and a colour ID copy black and white.
    void autoKeepsColour_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<double>("dpi");
        QTest::newRow("seal, 300 dpi") << QStringLiteral("seal") << 300.0;
        QTest::newRow("seal, 200 dpi") << QStringLiteral("seal") << 200.0;
        QTest::newRow("ID copy, 300 dpi") << QStringLiteral("id") << 300.0;
    }
    void autoKeepsColour()
    {
        QFETCH(QString, kind);
        QFETCH(double, dpi);
        const bool seal = kind == QLatin1String("seal");
        const QImage page = seal ? testpages::sealedPage(dpi) : testpages::idCopyPage(dpi);
        const QRectF where = seal ? testpages::sealRectMm() : testpages::idCardRectMm();
        // Through the real path: a scanner's JPEG, imported, normalised (Auto), assembled.
        const auto imported = PageImporter::importBytes(encode(page, "jpeg", 85), QStringLiteral("colour.jpg"));
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->first().dpi, dpi);
        qInfo("colour share %.5f", PageNormaliser::colourShare(imported->first().image, dpi));
        const Page out = PageNormaliser::normalise(imported->first());
        QCOMPARE(out.image.format(), QImage::Format_RGB32);
        QCOMPARE(out.dpi, 150.0);
        const auto pdf = PdfAssembler::assemble({out}, QStringLiteral("colour"));
        QVERIFY(pdf.ok());
        qInfo("%s at %g dpi: %lld bytes in the PDF", qPrintable(kind), dpi, qlonglong(pdf->size()));
        // OW_SCAN_DUMP=DIR keeps the PDFs, to look at them (pdftoppm).
        if (const QString dump = qEnvironmentVariable("OW_SCAN_DUMP"); !dump.isEmpty()) {
            QFile f(dump + QStringLiteral("/colour-%1-%2dpi.pdf").arg(kind).arg(dpi));
            if (f.open(QIODevice::WriteOnly))
                f.write(pdf.value());
        }
        QVERIFY2(pdf->size() <= 700 * 1024, qPrintable(QString::number(pdf->size())));
        // The page drawn back: the seal (or the card's emblem) is still red, as much of it as
        // on the original drawn at the same resolution; the text is still black.
        const QImage back = renderBack(pdf.value(), 0, 100);
        const QImage original = page.scaled(back.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const int expected = redPixels(original, where, 210), kept = redPixels(back, where, 210);
        qInfo("red pixels: %d of %d", kept, expected);
        QVERIFY(expected > 100);
        QVERIFY2(kept >= expected * 8 / 10, qPrintable(QStringLiteral("%1 of %2").arg(kept).arg(expected)));
        const double ink = inkShare(back) / inkShare(original);
        QVERIFY2(ink > 0.7 && ink < 1.4, qPrintable(QString::number(ink)));
    }

    // What Auto must not take for colour: a text page scanned in colour on cream or bluish
    // paper, with colour fringes along the strokes and sensor noise, stays a 1-bit page of at
    // most 120 KB; so does a grey scan.
    void colourScanOfTextStaysBilevel_data()
    {
        QTest::addColumn<double>("dpi");
        QTest::addColumn<uint>("paper");
        QTest::addColumn<int>("fringe");
        QTest::addColumn<int>("noise");
        QTest::newRow("300 dpi, white, grey scan") << 300.0 << uint(0) << 0 << 0;
        QTest::newRow("300 dpi, cream, fringe 1, noise 12") << 300.0 << uint(qRgb(246, 236, 212)) << 1 << 12;
        QTest::newRow("200 dpi, cream, fringe 1, noise 12") << 200.0 << uint(qRgb(246, 236, 212)) << 1 << 12;
        QTest::newRow("300 dpi, blue-grey, fringe 2, noise 8") << 300.0 << uint(qRgb(222, 232, 240)) << 2 << 8;
        QTest::newRow("200 dpi, blue-grey, fringe 2, noise 8") << 200.0 << uint(qRgb(222, 232, 240)) << 2 << 8;
    }
    void colourScanOfTextStaysBilevel()
    {
        QFETCH(double, dpi);
        QFETCH(uint, paper);
        QFETCH(int, fringe);
        QFETCH(int, noise);
        const QImage text = testpages::a4Page(dpi, {}, testpages::sampleText());
        const QImage scan = paper ? testpages::colourScan(text, QRgb(paper), fringe, noise) : text;
        const auto imported = PageImporter::importBytes(encode(scan, "jpeg", 85), QStringLiteral("text.jpg"));
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        qInfo("colour share %.5f", PageNormaliser::colourShare(imported->first().image, dpi));
        const Page out = PageNormaliser::normalise(imported->first());
        QCOMPARE(out.image.depth(), 1);
        const auto pdf = PdfAssembler::assemble({out}, QStringLiteral("text"));
        QVERIFY(pdf.ok());
        qInfo("%lld bytes in the PDF", qlonglong(pdf->size()));
        QVERIFY2(pdf->size() <= 120 * 1024, qPrintable(QString::number(pdf->size())));
    }

    // Issue 19: a phone's 72 dpi, a PNG without pHYs or a TIFF without a unit made 65 × 93 cm
    // pages. They are sized to the paper they came from.
    void untaggedImagesAreSizedToPaper_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QSize>("pixels");
        QTest::addColumn<double>("taggedDpi"); // 0: no resolution in the file
        QTest::addColumn<QSizeF>("pageMm");
        const QSizeF a4(210, 297);
        QTest::newRow("JPEG 2480x3508 at 72 dpi") << QStringLiteral("jpeg") << QSize(2480, 3508) << 72.0 << a4;
        QTest::newRow("PNG 2480x3508 without pHYs") << QStringLiteral("png") << QSize(2480, 3508) << 0.0 << a4;
        QTest::newRow("TIFF 2480x3508 without a unit") << QStringLiteral("tiff") << QSize(2480, 3508) << 0.0 << a4;
        QTest::newRow("JPEG phone 3024x4032 at 72 dpi")
            << QStringLiteral("jpeg") << QSize(3024, 4032) << 72.0 << QSizeF(210, 280);
        QTest::newRow("PNG landscape A4 1754x1240 without pHYs")
            << QStringLiteral("png") << QSize(1754, 1240) << 0.0 << a4.transposed();
        QTest::newRow("PNG letter 2550x3300 without pHYs")
            << QStringLiteral("png") << QSize(2550, 3300) << 0.0 << QSizeF(215.9, 279.4);
        // A resolution that makes a paper-sized page is kept.
        QTest::newRow("JPEG A4 at 72 dpi, 595x842") << QStringLiteral("jpeg") << QSize(595, 842) << 72.0 << a4;
        QTest::newRow("PNG A5 at 300 dpi") << QStringLiteral("png") << QSize(1748, 2480) << 300.0 << QSizeF(148, 210);
    }
    void untaggedImagesAreSizedToPaper()
    {
        QFETCH(QString, format);
        QFETCH(QSize, pixels);
        QFETCH(double, taggedDpi);
        QFETCH(QSizeF, pageMm);
        // A text page drawn at the picture's size (a4Page at the dpi that gives its width).
        QImage picture = testpages::a4Page(300, {}, testpages::sampleText())
                             .scaled(pixels, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        QByteArray bytes;
        if (format == QLatin1String("tiff")) {
            picture.setDotsPerMeterX(int(std::lround(300 / 0.0254)));
            picture.setDotsPerMeterY(int(std::lround(300 / 0.0254)));
            bytes = testpages::multiPageTiff({picture}, 1); // a resolution, but no unit
        } else {
            if (taggedDpi > 0) {
                picture.setDotsPerMeterX(int(std::lround(taggedDpi / 0.0254)));
                picture.setDotsPerMeterY(int(std::lround(taggedDpi / 0.0254)));
            }
            bytes = encode(picture, format.toLatin1().constData(), 85);
            if (format == QLatin1String("png") && taggedDpi <= 0) {
                bytes = withoutChunk(bytes, "pHYs");
                QVERIFY(!bytes.contains("pHYs"));
            }
        }
        const auto pages = PageImporter::importBytes(bytes, QStringLiteral("photo.") + format);
        QVERIFY2(pages.ok(), qPrintable(pages.error()));
        QCOMPARE(pages->first().image.size(), pixels);
        const Page out = PageNormaliser::normalise(pages->first());
        const auto pdf = PdfAssembler::assemble({out}, QStringLiteral("photo"));
        QVERIFY(pdf.ok());
        QSizeF points;
        QVERIFY(!renderBack(pdf.value(), 0, 20, &points).isNull());
        const QSizeF mm = points * (25.4 / 72);
        qInfo("%d x %d px, %g dpi imported -> %.1f x %.1f mm", pixels.width(), pixels.height(), pages->first().dpi,
            mm.width(), mm.height());
        QVERIFY2(std::abs(mm.width() - pageMm.width()) <= 1 && std::abs(mm.height() - pageMm.height()) <= 1,
            qPrintable(QStringLiteral("%1 x %2 mm").arg(mm.width()).arg(mm.height())));
        QVERIFY(pages->first().dpi >= 72 && pages->first().dpi <= 600);
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
