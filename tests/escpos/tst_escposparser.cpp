#include "onewindow/escpossim/EscPosParser.h"
#include "onewindow/printer/EscPosDocument.h"
#include "onewindow/printer/TestPage.h"

#include <QTest>

using ow::escpossim::EscPosItem;
using ow::escpossim::EscPosPage;
using ow::escpossim::EscPosParser;
using ow::printer::EscPosDocument;
using ow::printer::PrinterProfile;

class TestEscPosParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builderRoundTrip_data();
    void builderRoundTrip();
    void incrementalEqualsWhole();
    void styles();
    void wrapsLikePrinter();
    void statusRequests();
    void rasterBitmap();
    void malformed_data();
    void malformed();
};

void TestEscPosParser::builderRoundTrip_data()
{
    QTest::addColumn<QString>("profileId");
    QTest::addColumn<int>("qrMode");
    QTest::addColumn<int>("qrItems");
    QTest::addColumn<int>("rasterItems");
    QTest::newRow("58 mm raster") << "generic-58" << int(EscPosDocument::QrMode::Auto) << 0 << 1;
    QTest::newRow("58 mm forced native") << "generic-58" << int(EscPosDocument::QrMode::Native) << 1 << 0;
    QTest::newRow("80 mm native") << "epson-tm-t88v" << int(EscPosDocument::QrMode::Auto) << 1 << 0;
    QTest::newRow("80 mm forced raster, small buffer")
        << "zijiang-zj-5890" << int(EscPosDocument::QrMode::Raster) << 0 << 2;
}

void TestEscPosParser::builderRoundTrip()
{
    QFETCH(QString, profileId);
    QFETCH(int, qrMode);
    QFETCH(int, qrItems);
    QFETCH(int, rasterItems);
    const PrinterProfile profile = PrinterProfile::byId(profileId);
    const QByteArray stream = ow::printer::TestPage::build(profile, EscPosDocument::QrMode(qrMode)).bytes();
    QVERIFY(!stream.isEmpty());
    const auto page = EscPosParser::parse(stream, profile.dotsPerLine);
    QVERIFY2(page.ok(), qPrintable(page.error()));
    QCOMPARE(page->count(EscPosItem::Kind::Qr), qrItems);
    QVERIFY(page->count(EscPosItem::Kind::Raster) >= rasterItems);
    QCOMPARE(page->count(EscPosItem::Kind::Cut), 1);
    const QString text = page->text();
    QVERIFY2(text.contains(QStringLiteral("一窗受理")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("粗体 Bold 受理编号 2026-000123")));
    QVERIFY(text.contains(QStringLiteral("扫码查询办理进度")));
    if (qrItems > 0) {
        for (const EscPosItem &item : page->items) {
            if (item.kind == EscPosItem::Kind::Qr)
                QCOMPARE(item.qrData, QByteArray(ow::printer::TestPage::QrPayload));
        }
    }
}

void TestEscPosParser::incrementalEqualsWhole()
{
    const QByteArray stream = ow::printer::TestPage::build(PrinterProfile::defaultProfile()).bytes();
    const auto whole = EscPosParser::parse(stream);
    QVERIFY(whole.ok());
    for (int piece : {1, 3, 7, 64, 1000}) {
        EscPosParser parser;
        for (qsizetype i = 0; i < stream.size(); i += piece)
            QVERIFY2(parser.feed(QByteArrayView(stream).sliced(i, qMin<qsizetype>(piece, stream.size() - i))),
                qPrintable(parser.error()));
        QVERIFY(parser.finish());
        QCOMPARE(parser.page().text(), whole->text());
        QCOMPARE(parser.page().items.size(), whole->items.size());
        QCOMPARE(parser.bytesConsumed(), stream.size());
    }
}

void TestEscPosParser::styles()
{
    EscPosDocument doc;
    doc.initialize().align(EscPosDocument::Align::Center).bold(true).doubleSize(true).line(QStringLiteral("受理A"));
    const auto page = EscPosParser::parse(doc.bytes());
    QVERIFY(page.ok());
    QCOMPARE(page->items.size(), 1);
    const EscPosItem &line = page->items.first();
    QCOMPARE(line.align, 1);
    QCOMPARE(line.runs.size(), 1);
    QCOMPARE(line.runs.first().text, QStringLiteral("受理A"));
    QVERIFY(line.runs.first().style.bold);
    QCOMPARE(line.runs.first().style.widthScale, 2);
    QCOMPARE(line.runs.first().style.heightScale, 2);
}

void TestEscPosParser::wrapsLikePrinter()
{
    // 33 ASCII characters on 384 dots: the printer wraps after 32 by itself.
    const auto page = EscPosParser::parse(QByteArray(33, 'x') + '\n');
    QVERIFY(page.ok());
    QCOMPARE(page->text(), QString(32, u'x') + u'\n' + u'x');
}

void TestEscPosParser::statusRequests()
{
    EscPosParser parser;
    QVERIFY(parser.feed(QByteArray::fromHex("100401") + "ab" + QByteArray::fromHex("10040210")));
    QCOMPARE(parser.takeStatusRequests(), (QList<int> {1, 2}));
    QVERIFY(parser.feed(QByteArray::fromHex("04")));
    QVERIFY(parser.takeStatusRequests().isEmpty()); // DLE EOT still incomplete
    QVERIFY(parser.feed(QByteArray::fromHex("04")));
    QCOMPARE(parser.takeStatusRequests(), (QList<int> {4}));
    QVERIFY(parser.takeStatusRequests().isEmpty());
}

void TestEscPosParser::rasterBitmap()
{
    // 16 x 2 dots: a diagonal-ish pattern.
    const QByteArray cmd = QByteArray::fromHex("1d7630000200020080010180");
    const auto page = EscPosParser::parse(cmd);
    QVERIFY2(page.ok(), qPrintable(page.error()));
    QCOMPARE(page->items.size(), 1);
    const auto &bmp = page->items.first().bitmap;
    QCOMPARE(bmp.width(), 16);
    QCOMPARE(bmp.height(), 2);
    QVERIFY(bmp.pixel(0, 0));
    QVERIFY(bmp.pixel(15, 0));
    QVERIFY(!bmp.pixel(1, 0));
    QVERIFY(bmp.pixel(7, 1));
    QVERIFY(bmp.pixel(8, 1));
}

void TestEscPosParser::malformed_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("messageContains");
    QTest::newRow("unknown ESC") << QByteArray("AB\x1b\xfe", 4) << qint64(2) << "unknown command ESC 0xfe";
    QTest::newRow("unknown GS") << QByteArray("\x1b@\x1d\x01", 4) << qint64(2) << "unknown command GS 0x01";
    QTest::newRow("control byte") << QByteArray("xyz\x07") << qint64(3) << "control byte 0x07";
    QTest::newRow("empty raster") << QByteArray("\x1b@\x1dv0\x00\x00\x00\x01\x00", 10) << qint64(2) << "empty raster";
    QTest::newRow("raster wider than paper")
        << QByteArray("A\x1dv0\x00\x40\x00\x01\x00", 9) << qint64(1) << "512 dots wide";
    QTest::newRow("truncated raster") << QByteArray("\x1dv0\x00\x01\x00\x04\x00\xff", 9) << qint64(0)
                                      << "ends inside a command";
    QTest::newRow("truncated double-byte") << QByteArray("\x1c&\xb0", 3) << qint64(2) << "ends inside";
    QTest::newRow("bad GB18030") << QByteArray("\x1c&\xb0\x20", 4) << qint64(2) << "invalid GB18030";
    QTest::newRow("QR print without data")
        << QByteArray("\x1d(k\x03\x00\x31\x51\x30", 8) << qint64(0) << "without stored data";
    QTest::newRow("QR module size 32") << QByteArray("ok\x1d(k\x03\x00\x31\x43\x20", 10) << qint64(2)
                                       << "module size 32";
    QTest::newRow("QR other symbol") << QByteArray("\x1d(k\x03\x00\x30\x41\x30", 8) << qint64(0) << "only QR";
    QTest::newRow("bad status request") << QByteArray("\x10\x04\x09", 3) << qint64(0) << "DLE EOT 9";
    QTest::newRow("bad cut") << QByteArray("\x1dV\x07", 3) << qint64(0) << "not a cut mode";
    QTest::newRow("bad alignment") << QByteArray("\x1b\x61\x05", 3) << qint64(0) << "not an alignment";
}

void TestEscPosParser::malformed()
{
    QFETCH(QByteArray, stream);
    QFETCH(qint64, offset);
    QFETCH(QString, messageContains);
    EscPosParser parser;
    const bool ok = parser.feed(stream) && parser.finish();
    QVERIFY(!ok);
    QCOMPARE(parser.errorOffset(), offset);
    QVERIFY2(parser.error().contains(messageContains), qPrintable(parser.error()));
    QVERIFY(parser.error().contains(QStringLiteral("Byte offset %1").arg(offset)));
    // Once failed, the parser stays failed.
    QVERIFY(!parser.feed(QByteArray("more")));
}

QTEST_GUILESS_MAIN(TestEscPosParser)
#include "tst_escposparser.moc"
