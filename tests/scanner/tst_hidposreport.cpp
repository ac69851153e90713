#include "onewindow/scanner/HidPosReportDecoder.h"

#include <QTest>

using ow::scanner::HidPosReportDecoder;
using ow::scanner::Scan;
using ow::scanner::TextEncoding;

Q_DECLARE_METATYPE(QList<QByteArray>)
Q_DECLARE_METATYPE(ow::scanner::TextEncoding)

class TestHidPosReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void malformed_data();
    void malformed();
    void otherReportsIgnored();
    void featureReport();
};

void TestHidPosReport::decode_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QByteArray>("aim");
    QTest::addColumn<char>("codeId");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("symbology");
    QTest::addColumn<TextEncoding>("encoding");
    QTest::addColumn<int>("reports");

    const QString chinese = QString::fromUtf8("一窗受理 受理编号 2026-000123 京MD0926 市民服务中心综合窗口");
    QTest::newRow("ascii QR") << QByteArray("https://example.invalid/c/1") << QByteArray("]Q1") << 's'
                              << QStringLiteral("https://example.invalid/c/1") << QStringLiteral("QR Code")
                              << TextEncoding::Ascii << 1;
    QTest::newRow("utf-8 Chinese QR, several reports") << chinese.toUtf8() << QByteArray("]Q1") << 's' << chinese
                                                       << QStringLiteral("QR Code") << TextEncoding::Utf8 << 2;
    QTest::newRow("gb18030 Chinese QR") << QByteArray::fromHex("bea94d443039323620d2bbb4b0cadcc0ed")
                                        << QByteArray("]Q1") << 's' << QString::fromUtf8("京MD0926 一窗受理")
                                        << QStringLiteral("QR Code") << TextEncoding::Gb18030 << 1;
    QTest::newRow("exactly 56 bytes") << QByteArray(56, 'x') << QByteArray("]C0") << 'j' << QString(56, u'x')
                                      << QStringLiteral("Code 128") << TextEncoding::Ascii << 1;
    QTest::newRow("57 bytes continue") << QByteArray(57, 'y') << QByteArray("]C0") << 'j' << QString(57, u'y')
                                       << QStringLiteral("Code 128") << TextEncoding::Ascii << 2;
    QTest::newRow("no AIM, code id only")
        << QByteArray("6901234567892") << QByteArray("\0\0\0", 3) << 'd' << QStringLiteral("6901234567892")
        << QStringLiteral("EAN-13") << TextEncoding::Ascii << 1;
    QTest::newRow("unknown symbology") << QByteArray("abc") << QByteArray("]X0") << '?' << QStringLiteral("abc")
                                       << QString() << TextEncoding::Ascii << 1;
}

void TestHidPosReport::decode()
{
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, aim);
    QFETCH(char, codeId);
    QFETCH(QString, text);
    QFETCH(QString, symbology);
    QFETCH(TextEncoding, encoding);
    QFETCH(int, reports);

    const QList<QByteArray> encoded = HidPosReportDecoder::encode(content, aim, codeId);
    QCOMPARE(encoded.size(), reports);
    HidPosReportDecoder decoder;
    std::optional<Scan> scan;
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        QCOMPARE(encoded.at(i).size(), HidPosReportDecoder::ReportSize);
        const auto r = decoder.feed(encoded.at(i));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->has_value(), i == encoded.size() - 1);
        if (r->has_value())
            scan = **r;
    }
    QVERIFY(scan.has_value());
    QCOMPARE(scan->text, text);
    QCOMPARE(scan->raw, content);
    QCOMPARE(scan->symbology, symbology);
    QCOMPARE(scan->encoding, encoding);
    QCOMPARE(scan->source, ow::scanner::ScanSource::HidPos);
    QVERIFY(!decoder.inProgress());
}

void TestHidPosReport::malformed_data()
{
    QTest::addColumn<QByteArray>("report");
    QTest::addColumn<QString>("messageContains");

    QByteArray tooLong(64, '\0');
    tooLong[0] = 0x02;
    tooLong[1] = char(57);
    QTest::newRow("length over 56") << tooLong << "at most 56";
    QTest::newRow("short report") << QByteArray("\x02\x03]Q1abc", 8) << "expected 64";
    QTest::newRow("empty") << QByteArray() << "empty";
}

void TestHidPosReport::malformed()
{
    QFETCH(QByteArray, report);
    QFETCH(QString, messageContains);
    HidPosReportDecoder decoder;
    // A partial scan in progress is dropped by the malformed report.
    const auto first = HidPosReportDecoder::encode(QByteArray(60, 'a'), "]Q1", 's').first();
    QVERIFY(decoder.feed(first).ok());
    QVERIFY(decoder.inProgress());
    const auto r = decoder.feed(report);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(messageContains), qPrintable(r.error()));
    if (!report.isEmpty())
        QVERIFY(!decoder.inProgress());
}

void TestHidPosReport::otherReportsIgnored()
{
    HidPosReportDecoder decoder;
    QByteArray trigger(8, '\0');
    trigger[0] = 0x04;
    const auto r = decoder.feed(trigger);
    QVERIFY(r.ok());
    QVERIFY(!r->has_value());
}

void TestHidPosReport::featureReport()
{
    QCOMPARE(HidPosReportDecoder::hidPosModeFeatureReport(), QByteArray::fromHex("fe01"));
}

QTEST_APPLESS_MAIN(TestHidPosReport)
#include "tst_hidposreport.moc"
