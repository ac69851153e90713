#include "onewindow/printer/EscPosDocument.h"

#include <QTest>

using ow::printer::EscPosDocument;
using ow::printer::MonoBitmap;
using ow::printer::PrinterProfile;
using ow::printer::QrErrorCorrection;

class TestEscPosDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commands_data();
    void commands();
    void chineseDoubleByte_data();
    void chineseDoubleByte();
    void qrAfterChineseLeavesDoubleByte();
    void nativeQr_data();
    void nativeQr();
    void rasterQrWhenNoNative();
    void imageBandsFitBuffer_data();
    void imageBandsFitBuffer();
    void wrapping_data();
    void wrapping();
    void controlCharactersDropped();
    void qrErrors_data();
    void qrErrors();
    void profiles_data();
    void profiles();
};

void TestEscPosDocument::commands_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("initialize") << 0 << QByteArray::fromHex("1b401c2e1b7400");
    QTest::newRow("center") << 1 << QByteArray::fromHex("1b6101");
    QTest::newRow("bold") << 2 << QByteArray::fromHex("1b4501");
    QTest::newRow("double size") << 3 << QByteArray::fromHex("1d21111c210c");
    QTest::newRow("feed") << 4 << QByteArray::fromHex("1b6403");
    QTest::newRow("cut partial") << 5 << QByteArray::fromHex("1d564204");
    QTest::newRow("ascii line") << 6 << QByteArray("Hi\n");
    QTest::newRow("initialize, code page 16") << 7 << QByteArray::fromHex("1b401c2e1b7410");
}

void TestEscPosDocument::commands()
{
    QFETCH(int, which);
    QFETCH(QByteArray, expected);
    PrinterProfile profile;
    if (which == 7)
        profile.codePage = 16;
    EscPosDocument doc(profile);
    switch (which) {
    case 0: doc.initialize(); break;
    case 1: doc.align(EscPosDocument::Align::Center); break;
    case 2: doc.bold(true); break;
    case 3: doc.doubleSize(true); break;
    case 4: doc.feed(3); break;
    case 5: doc.cut(); break;
    case 6: doc.line(QStringLiteral("Hi")); break;
    case 7: doc.initialize(); break;
    }
    QCOMPARE(doc.bytes().toHex(), expected.toHex());
}

void TestEscPosDocument::chineseDoubleByte_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    const int gb = int(PrinterProfile::Chinese::Gb18030DoubleByte);
    const int gbk = int(PrinterProfile::Chinese::GbkDoubleByte);
    const int none = int(PrinterProfile::Chinese::None);
    QTest::newRow("chinese only") << gb << QString::fromUtf8("受理") << QByteArray::fromHex("1c26cadcc0ed1c2e");
    QTest::newRow("mixed") << gb << QString::fromUtf8("No.1号")
                           << QByteArray::fromHex("4e6f2e31") + QByteArray::fromHex("1c26bac51c2e");
    QTest::newRow("ascii between chinese")
        << gb << QString::fromUtf8("一A二") << QByteArray::fromHex("1c26d2bb1c2e411c26b6fe1c2e");
    QTest::newRow("four-byte with gb18030") << gb << QString::fromUtf8("𠀀") << QByteArray::fromHex("1c26953282361c2e");
    QTest::newRow("four-byte with gbk font") << gbk << QString::fromUtf8("𠀀") << QByteArray::fromHex("1c263f1c2e");
    QTest::newRow("no chinese font") << none << QString::fromUtf8("受理") << QByteArray("??");
}

void TestEscPosDocument::chineseDoubleByte()
{
    QFETCH(int, mode);
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    PrinterProfile p;
    p.chinese = PrinterProfile::Chinese(mode);
    EscPosDocument doc(p);
    doc.text(text);
    QCOMPARE(doc.bytes().toHex(), expected.toHex());
}

void TestEscPosDocument::qrAfterChineseLeavesDoubleByte()
{
    PrinterProfile p;
    p.nativeQr = true;
    EscPosDocument doc(p);
    doc.text(QString::fromUtf8("受理")).qr(QStringLiteral("x"));
    const QByteArray bytes = doc.bytes();
    const qsizetype exit = bytes.indexOf(QByteArray::fromHex("1c2e"));
    const qsizetype qr = bytes.indexOf(QByteArray::fromHex("1d286b"));
    QVERIFY(exit > 0);
    QVERIFY(qr > exit);
}

void TestEscPosDocument::nativeQr_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<int>("moduleSize");
    QTest::addColumn<int>("ec");
    QTest::newRow("url M 6") << "https://example.invalid/c/1" << 6 << int(QrErrorCorrection::M);
    QTest::newRow("chinese H 4") << QString::fromUtf8("受理编号：2026-000123") << 4 << int(QrErrorCorrection::H);
    QTest::newRow("long L 3") << QString(300, u'9') << 3 << int(QrErrorCorrection::L);
}

void TestEscPosDocument::nativeQr()
{
    QFETCH(QString, content);
    QFETCH(int, moduleSize);
    QFETCH(int, ec);
    PrinterProfile p = PrinterProfile::generic80();
    p.nativeQr = true;
    EscPosDocument doc(p);
    EscPosDocument::QrOptions o;
    o.moduleSize = moduleSize;
    o.errorCorrection = QrErrorCorrection(ec);
    doc.qr(content, o);
    const QByteArray payload = content.toUtf8();
    const int storeLen = int(payload.size()) + 3;
    QByteArray expected = QByteArray::fromHex("1d286b0400314132001d286b03003143");
    expected += char(moduleSize);
    expected += QByteArray::fromHex("1d286b03003145");
    expected += char(0x30 + ec);
    expected +=
        QByteArray::fromHex("1d286b") + char(storeLen & 0xFF) + char(storeLen >> 8) + QByteArray::fromHex("315030");
    expected += payload;
    expected += QByteArray::fromHex("1d286b0300315130") + '\n';
    QCOMPARE(doc.bytes().toHex(), expected.toHex());
}

void TestEscPosDocument::rasterQrWhenNoNative()
{
    EscPosDocument doc; // default profile: no native QR
    doc.align(EscPosDocument::Align::Center).qr(QStringLiteral("hello"));
    const QByteArray bytes = doc.bytes();
    QVERIFY(!bytes.contains(QByteArray::fromHex("1d286b")));
    const qsizetype raster = bytes.indexOf(QByteArray::fromHex("1d7630"));
    QVERIFY(raster > 0);
    // Raster sent left-aligned (the centring is in the bitmap), then the alignment comes back.
    QVERIFY(bytes.lastIndexOf(QByteArray::fromHex("1b6100"), raster) > 0);
    QVERIFY(bytes.endsWith(QByteArray::fromHex("1b6101")));
}

void TestEscPosDocument::imageBandsFitBuffer_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("buffer");
    QTest::newRow("576 x 2000, 4 KiB") << 576 << 2000 << 4096;
    QTest::newRow("384 x 1000, 1 KiB") << 384 << 1000 << 1024;
    QTest::newRow("wider than paper is clipped") << 800 << 100 << 1024;
    QTest::newRow("one row") << 100 << 1 << 1024;
}

void TestEscPosDocument::imageBandsFitBuffer()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, buffer);
    PrinterProfile p = PrinterProfile::generic80();
    p.receiveBufferBytes = buffer;
    MonoBitmap bmp(width, height);
    for (int y = 0; y < height; ++y)
        bmp.setPixel(y % width, y, true);
    EscPosDocument doc(p);
    doc.image(bmp);
    const auto blocks = doc.blocks();
    QVERIFY(blocks.ok());
    int rows = 0;
    const int rowBytes = (qMin(width, p.dotsPerLine) + 7) / 8;
    for (const QByteArray &b : blocks.value()) {
        QVERIFY(b.size() <= buffer);
        QVERIFY(b.startsWith(QByteArray::fromHex("1d763000")));
        const int x = quint8(b[4]) | quint8(b[5]) << 8;
        const int y = quint8(b[6]) | quint8(b[7]) << 8;
        QCOMPARE(x, rowBytes);
        QCOMPARE(b.size(), 8 + x * y);
        rows += y;
    }
    QCOMPARE(rows, height);
}

void TestEscPosDocument::wrapping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("doubleSize");
    QTest::addColumn<int>("lineFeeds");
    QTest::newRow("32 ascii fit") << QString(32, u'a') << false << 0;
    QTest::newRow("33 ascii wrap") << QString(33, u'a') << false << 1;
    QTest::newRow("16 chinese fit") << QString(16, QChar(0x53D7)) << false << 0;
    QTest::newRow("17 chinese wrap") << QString(17, QChar(0x53D7)) << false << 1;
    QTest::newRow("double size halves") << QString(17, u'a') << true << 1;
}

void TestEscPosDocument::wrapping()
{
    QFETCH(QString, text);
    QFETCH(bool, doubleSize);
    QFETCH(int, lineFeeds);
    EscPosDocument doc; // 58 mm, 32 columns
    if (doubleSize)
        doc.doubleSize(true);
    doc.text(text);
    QCOMPARE(doc.bytes().count('\n'), lineFeeds);
}

void TestEscPosDocument::controlCharactersDropped()
{
    EscPosDocument doc;
    doc.text(QStringLiteral("a\x1b@b\x1dV\tc"));
    QCOMPARE(doc.bytes(), QByteArray("a@bV c"));
}

void TestEscPosDocument::qrErrors_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<int>("dots");
    QTest::addColumn<QString>("messageContains");
    QTest::newRow("empty") << "" << 384 << "needs content";
    QTest::newRow("too long for H") << QString(1300, u'x') << 576 << "at most 1273";
    QTest::newRow("too wide for paper") << QString(1200, u'x') << 100 << "too large";
}

void TestEscPosDocument::qrErrors()
{
    QFETCH(QString, content);
    QFETCH(int, dots);
    QFETCH(QString, messageContains);
    PrinterProfile p;
    p.dotsPerLine = dots;
    EscPosDocument doc(p);
    EscPosDocument::QrOptions o;
    o.errorCorrection = QrErrorCorrection::H;
    doc.line(QStringLiteral("before")).qr(content, o);
    const auto blocks = doc.blocks();
    QVERIFY(!blocks.ok());
    QVERIFY2(blocks.error().contains(messageContains), qPrintable(blocks.error()));
    QVERIFY(doc.bytes().isEmpty());
}

void TestEscPosDocument::profiles_data()
{
    QTest::addColumn<int>("vid");
    QTest::addColumn<int>("pid");
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("dots");
    QTest::addColumn<bool>("nativeQr");
    QTest::newRow("unknown → default") << 0x1234 << 0x5678 << "generic-58" << 384 << false;
    QTest::newRow("epson") << 0x04b8 << 0x0202 << "epson-tm-t88v" << 576 << true;
    QTest::newRow("zijiang") << 0x0fe6 << 0x811e << "zijiang-zj-5890" << 384 << false;
}

void TestEscPosDocument::profiles()
{
    QFETCH(int, vid);
    QFETCH(int, pid);
    QFETCH(QString, id);
    QFETCH(int, dots);
    QFETCH(bool, nativeQr);
    const PrinterProfile p = PrinterProfile::forUsbId(quint16(vid), quint16(pid));
    QCOMPARE(p.id, id);
    QCOMPARE(p.dotsPerLine, dots);
    QCOMPARE(p.nativeQr, nativeQr);
    QCOMPARE(p.vendorId, quint16(vid));
    QCOMPARE(p.columns(), dots / 12);
}

QTEST_APPLESS_MAIN(TestEscPosDocument)
#include "tst_escposdocument.moc"
