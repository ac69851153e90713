#include "onewindow/scanner/ScanText.h"
#include "onewindow/scanner/Symbology.h"

#include <QTest>

using ow::scanner::ScanText;
using ow::scanner::TextEncoding;

Q_DECLARE_METATYPE(ow::scanner::TextEncoding)

class TestScanText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void gb18030Paths_data();
    void gb18030Paths();
    void symbology_data();
    void symbology();
};

void TestScanText::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<TextEncoding>("encoding");

    QTest::newRow("ascii") << QByteArray("ABC-123") << QStringLiteral("ABC-123") << TextEncoding::Ascii;
    QTest::newRow("empty") << QByteArray() << QString() << TextEncoding::Ascii;
    QTest::newRow("utf-8") << QString::fromUtf8("京MD0926").toUtf8() << QString::fromUtf8("京MD0926")
                           << TextEncoding::Utf8;
    QTest::newRow("utf-8 with BOM") << QByteArray("\xEF\xBB\xBF") + QString::fromUtf8("受理").toUtf8()
                                    << QString::fromUtf8("受理") << TextEncoding::Utf8;
    // The vendor case: UTF-8 read as GBK gives 浜琈D0926; we must get 京MD0926 from GBK bytes.
    QTest::newRow("gbk") << QByteArray::fromHex("bea94d4430393236") << QString::fromUtf8("京MD0926")
                         << TextEncoding::Gb18030;
    QTest::newRow("gb18030 four-byte") << QByteArray::fromHex("95328236") << QString::fromUtf8("𠀀")
                                       << TextEncoding::Gb18030;
    QTest::newRow("neither") << QByteArray("\xff\xff\xff", 3) << QString::fromUtf8(QByteArray("\xff\xff\xff", 3))
                             << TextEncoding::Invalid;
}

void TestScanText::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(TextEncoding, encoding);
    const auto d = ScanText::decode(bytes);
    QCOMPARE(d.text, text);
    QCOMPARE(d.encoding, encoding);
}

void TestScanText::gb18030Paths_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("common") << QString::fromUtf8("一窗受理综合窗口");
    QTest::newRow("rare, four-byte") << QString::fromUtf8("𠀀𪚥");
    QTest::newRow("mixed") << QString::fromUtf8("No.12 号窗口 ABC 受");
}

void TestScanText::gb18030Paths()
{
    QFETCH(QString, text);
    bool ok = false;
    const QByteArray bytes = ScanText::encodeGb18030(text, &ok);
    QVERIFY(ok);
    QVERIFY(!ScanText::isValidUtf8(bytes));
    bool qtOk = false;
    QCOMPARE(ScanText::decodeGb18030(bytes, &qtOk), text);
    QVERIFY(qtOk);
    bool iconvOk = false;
    QCOMPARE(ScanText::decodeGb18030WithIconv(bytes, &iconvOk), text);
    QVERIFY(iconvOk);
    // A truncated double-byte sequence is not valid in either decoder.
    const QByteArray truncated = bytes.left(bytes.size() - 1);
    ScanText::decodeGb18030WithIconv(truncated, &iconvOk);
    QVERIFY(!iconvOk);
}

void TestScanText::symbology_data()
{
    QTest::addColumn<QString>("aim");
    QTest::addColumn<QString>("name");
    QTest::newRow("QR") << "]Q1"
                        << "QR Code";
    QTest::newRow("Data Matrix") << "]d2"
                                 << "Data Matrix";
    QTest::newRow("EAN") << "]E0"
                         << "EAN/UPC";
    QTest::newRow("not AIM") << "Q1"
                             << "";
    QTest::newRow("unknown") << "]X0"
                             << "";
}

void TestScanText::symbology()
{
    QFETCH(QString, aim);
    QFETCH(QString, name);
    QCOMPARE(ow::scanner::Symbology::fromAimId(aim), name);
}

QTEST_APPLESS_MAIN(TestScanText)
#include "tst_scantext.moc"
