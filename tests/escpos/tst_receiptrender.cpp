#include "ReceiptCheck.h"

#include "onewindow/escpossim/ReceiptRenderer.h"
#include "onewindow/printer/EscPosDocument.h"
#include "onewindow/printer/TestPage.h"
#include "onewindow/scanner/ScanText.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using ow::escpossim::ReceiptRenderer;
using ow::printer::EscPosDocument;
using ow::printer::PrinterProfile;

class TestReceiptRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fontHasChinese();
    void receipt_data();
    void receipt();
    void widths_data();
    void widths();
    void malformedStream();
    void nativeQrBytesAsReceived_data();
    void nativeQrBytesAsReceived();
    void feedsAreBounded();
};

void TestReceiptRender::fontHasChinese()
{
    // Distinct characters give distinct glyphs: the font is there, not tofu boxes.
    const QImage a = receiptcheck::glyph(QChar(0x53D7)); // 受
    const QImage b = receiptcheck::glyph(QChar(0x7406)); // 理
    QVERIFY(receiptcheck::darkPixels(a) > 20);
    QVERIFY(a != b);
}

void TestReceiptRender::receipt_data()
{
    QTest::addColumn<QString>("profileId");
    QTest::addColumn<int>("qrMode");
    QTest::addColumn<QString>("payload");
    const QString chinese = QString::fromUtf8("受理编号：2026-000123 一窗受理 https://example.invalid/q");
    for (const char *profile : {"generic-58", "generic-80"}) {
        QTest::addRow("%s native", profile) << profile << int(EscPosDocument::QrMode::Native) << chinese;
        QTest::addRow("%s raster", profile) << profile << int(EscPosDocument::QrMode::Raster) << chinese;
    }
    QTest::newRow("long payload raster") << "generic-80" << int(EscPosDocument::QrMode::Raster)
                                         << QString(20, QChar(0x7A97)) + QString(200, u'7');
}

void TestReceiptRender::receipt()
{
    QFETCH(QString, profileId);
    QFETCH(int, qrMode);
    QFETCH(QString, payload);
    const PrinterProfile profile = PrinterProfile::byId(profileId);
    EscPosDocument doc(profile);
    EscPosDocument::QrOptions qr;
    qr.mode = EscPosDocument::QrMode(qrMode);
    qr.moduleSize = 4;
    doc.initialize()
        .align(EscPosDocument::Align::Center)
        .doubleSize(true)
        .line(QStringLiteral("受理回执"))
        .doubleSize(false)
        .align(EscPosDocument::Align::Left)
        .rule()
        .line(QStringLiteral("事项：营业执照变更登记"))
        .align(EscPosDocument::Align::Center)
        .qr(payload, qr)
        .cut();
    const auto image = ReceiptRenderer::renderStream(doc.bytes(), profile.dotsPerLine);
    QVERIFY2(image.ok(), qPrintable(image.error()));
    QCOMPARE(image->width(), profile.dotsPerLine);
    for (QChar c : QStringLiteral("事项营业执照变更登记"))
        QVERIFY2(receiptcheck::containsGlyph(*image, c), qPrintable(QString(c)));
    QVERIFY(!receiptcheck::containsGlyph(*image, QChar(0x732B))); // 猫 is not on the receipt
    const QList<QByteArray> codes = receiptcheck::decodeQrCodes(*image);
    QCOMPARE(codes.size(), 1);
    QCOMPARE(codes.first(), payload.toUtf8());
    QCOMPARE(ow::scanner::ScanText::decode(codes.first()).text, payload);
}

void TestReceiptRender::widths_data()
{
    QTest::addColumn<int>("dots");
    QTest::newRow("58 mm") << 384;
    QTest::newRow("80 mm") << 576;
}

void TestReceiptRender::widths()
{
    QFETCH(int, dots);
    const QByteArray line = QByteArray(dots / 12, 'M') + '\n';
    const auto image = ReceiptRenderer::renderStream(line, dots);
    QVERIFY(image.ok());
    QCOMPARE(image->width(), dots);
    // The line fills the paper: ink in the last 12-dot cell, and only one text line.
    const QImage lastCell = image->copy(dots - 12, 0, 12, image->height());
    QVERIFY(receiptcheck::darkPixels(lastCell) > 0);
    const auto overflow = ReceiptRenderer::renderStream(QByteArray(dots / 12 + 1, 'M') + '\n', dots);
    QVERIFY(overflow->height() > image->height());
}

void TestReceiptRender::malformedStream()
{
    const auto image = ReceiptRenderer::renderStream(QByteArray("ok\x1b\xfe", 4));
    QVERIFY(!image.ok());
    QVERIFY(image.error().contains(QStringLiteral("Byte offset 2")));
}

void TestReceiptRender::nativeQrBytesAsReceived_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("UTF-8 Chinese") << QString::fromUtf8("一窗受理 最多跑一次").toUtf8();
    QTest::newRow("GB18030 bytes") << QByteArray("\xd2\xbb\xb4\xb0\xca\xdc\xc0\xed");
    QTest::newRow("ASCII") << QByteArray("OW1;k=R;n=330106-W03-20261127-0001");
}

void TestReceiptRender::nativeQrBytesAsReceived()
{
    // A printer stores the GS ( k bytes and prints them in one byte-mode segment, with no ECI:
    // an independent reader (zbar) gets the very bytes back.
    QFETCH(QByteArray, bytes);
    EscPosDocument::QrOptions qr;
    qr.mode = EscPosDocument::QrMode::Native;
    qr.moduleSize = 6;
    EscPosDocument doc(PrinterProfile::byId(QStringLiteral("generic-80")));
    doc.initialize().qrBytes(bytes, qr).cut();
    const auto image = ReceiptRenderer::renderStream(doc.bytes(), 576);
    QVERIFY2(image.ok(), qPrintable(image.error()));
    const QList<QByteArray> codes = receiptcheck::decodeQrCodes(*image);
    QCOMPARE(codes.size(), 1);
    QCOMPARE(codes.first(), bytes);
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("qr.png"));
    QVERIFY(image->save(png));
    QProcess zbar;
    zbar.start(
        QStringLiteral("zbarimg"), {QStringLiteral("-q"), QStringLiteral("--raw"), QStringLiteral("-Sbinary"), png});
    QVERIFY2(zbar.waitForStarted(10000), "zbarimg (zbar-tools) is not installed");
    QVERIFY(zbar.waitForFinished(20000));
    QByteArray read = zbar.readAllStandardOutput();
    if (read.endsWith('\n') && !bytes.endsWith('\n'))
        read.chop(1);
    QCOMPARE(read, bytes);
}

void TestReceiptRender::feedsAreBounded()
{
    // 1,000 x ESC d 255 is 3 KB asking for 7.6 million dots (950 m) of paper: refused, saying so,
    // without drawing it.
    QByteArray stream("\x1b@");
    for (int i = 0; i < 1000; ++i)
        stream += QByteArray("\x1b\x64\xff", 3);
    const auto image = ReceiptRenderer::renderStream(stream, 384);
    QVERIFY(!image.ok());
    QVERIFY2(image.error().contains(QStringLiteral("7650032 dots")), qPrintable(image.error()));
    QVERIFY2(image.error().contains(QStringLiteral("m of paper")), qPrintable(image.error()));
    // A long receipt within the bound still renders.
    QByteArray longer("\x1b@");
    for (int i = 0; i < 4; ++i)
        longer += QByteArray("\x1b\x64\xff", 3);
    QVERIFY(ReceiptRenderer::renderStream(longer, 384).ok());
}

QTEST_MAIN(TestReceiptRender)
#include "tst_receiptrender.moc"
