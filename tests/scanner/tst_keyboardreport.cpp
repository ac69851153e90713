#include "onewindow/scanner/KeyboardReportDecoder.h"

#include <QTest>

using ow::scanner::KeyboardReportDecoder;
using ow::scanner::Scan;

namespace {

QByteArray report(quint8 modifiers, std::initializer_list<int> keys)
{
    QByteArray r(8, '\0');
    r[0] = char(modifiers);
    int i = 2;
    for (int k : keys)
        r[i++] = char(k);
    return r;
}

QByteArray release()
{
    return QByteArray(8, '\0');
}

// Feeds all reports and returns the texts of the completed scans.
QStringList feedAll(KeyboardReportDecoder &decoder, const QList<QByteArray> &reports)
{
    QStringList texts;
    for (const QByteArray &r : reports) {
        const auto scans = decoder.feed(r);
        if (!scans)
            return {QStringLiteral("ERROR: ") + scans.error()};
        for (const Scan &s : scans.value())
            texts << s.text;
    }
    return texts;
}

} // namespace

Q_DECLARE_METATYPE(QList<QByteArray>)

class TestKeyboardReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void roundTrip_data();
    void roundTrip();
    void wrongSize_data();
    void wrongSize();
    void aimPrefix();
    void tabNotTerminating();
};

void TestKeyboardReport::decode_data()
{
    QTest::addColumn<QList<QByteArray>>("reports");
    QTest::addColumn<QStringList>("scans");
    QTest::addColumn<QString>("pending");

    QTest::newRow("lower case, Enter") << QList<QByteArray> {report(0, {0x04}), release(), report(0, {0x05}), release(),
        report(0, {0x28}), release()} << QStringList {QStringLiteral("ab")}
                                       << QString();
    QTest::newRow("left and right shift")
        << QList<QByteArray> {report(0x02, {0x04}), release(), report(0x20, {0x1F}), release(), report(0, {0x28})}
        << QStringList {QStringLiteral("A@")} << QString();
    QTest::newRow("digits and symbols") << QList<QByteArray> {report(0, {0x1E}), report(0, {0x27}), report(0, {0x2D}),
        release(), report(0x02, {0x2D}), report(0, {0x38}), release(), report(0x02, {0x38}), report(0, {0x2C}),
        report(0, {0x28})} << QStringList {QStringLiteral("10-_/? ")}
                                        << QString();
    QTest::newRow("key held over reports types once")
        << QList<QByteArray> {report(0, {0x04}), report(0, {0x04}), report(0, {0x04}), release(), report(0, {0x28})}
        << QStringList {QStringLiteral("a")} << QString();
    QTest::newRow("repeated key after release types twice")
        << QList<QByteArray> {report(0, {0x1E}), release(), report(0, {0x1E}), release(), report(0, {0x28})}
        << QStringList {QStringLiteral("11")} << QString();
    QTest::newRow("rollover: next key before release")
        << QList<QByteArray> {report(0, {0x04}), report(0, {0x04, 0x05}), report(0, {0x05, 0x06}), report(0, {0x28})}
        << QStringList {QStringLiteral("abc")} << QString();
    QTest::newRow("phantom rollover report ignored") << QList<QByteArray> {report(0, {0x04}),
        report(0, {1, 1, 1, 1, 1, 1}), report(0, {0x04}), release(), report(0, {0x28})}
                                                     << QStringList {QStringLiteral("a")} << QString();
    QTest::newRow("tab terminates") << QList<QByteArray> {report(0, {0x04}), release(), report(0, {0x2B}), release()}
                                    << QStringList {QStringLiteral("a")} << QString();
    QTest::newRow("keypad enter terminates, keypad digits")
        << QList<QByteArray> {report(0, {0x59}), release(), report(0, {0x62}), release(), report(0, {0x58})}
        << QStringList {QStringLiteral("10")} << QString();
    QTest::newRow("two scans") << QList<QByteArray> {report(0, {0x04}), release(), report(0, {0x28}), release(),
        report(0, {0x05}), release(), report(0, {0x28}), release()}
                               << QStringList {QStringLiteral("a"), QStringLiteral("b")} << QString();
    QTest::newRow("empty line is no scan")
        << QList<QByteArray> {report(0, {0x28}), release()} << QStringList() << QString();
    QTest::newRow("unterminated stays pending")
        << QList<QByteArray> {report(0, {0x06}), release()} << QStringList() << QStringLiteral("c");
    QTest::newRow("ctrl shortcuts type nothing")
        << QList<QByteArray> {report(0x01, {0x06}), release(), report(0, {0x07}), release(), report(0, {0x28})}
        << QStringList {QStringLiteral("d")} << QString();
    // Windows Alt codes: Alt + KP0 KP6 KP5 = 'A'; Alt + 54992 = GBK D6D0 = 中.
    QTest::newRow("alt code latin") << QList<QByteArray> {report(0x04, {}), report(0x04, {0x62}), report(0x04, {}),
        report(0x04, {0x5E}), report(0x04, {}), report(0x04, {0x5D}), release(), report(0, {0x28})}
                                    << QStringList {QStringLiteral("A")} << QString();
    QTest::newRow("alt code GBK") << QList<QByteArray> {report(0x04, {0x5D}), report(0x04, {}), report(0x04, {0x5C}),
        report(0x04, {}), report(0x04, {0x61}), report(0x04, {}), report(0x04, {0x61}), report(0x04, {}),
        report(0x04, {0x5A}), release(), report(0, {0x1E}), release(), report(0, {0x28})}
                                  << QStringList {QString::fromUtf8("中1")} << QString();
}

void TestKeyboardReport::decode()
{
    QFETCH(QList<QByteArray>, reports);
    QFETCH(QStringList, scans);
    QFETCH(QString, pending);
    KeyboardReportDecoder decoder;
    QCOMPARE(feedAll(decoder, reports), scans);
    QCOMPARE(decoder.pending(), pending);
}

void TestKeyboardReport::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("alphanumeric") << "ABCdef0123456789";
    QTest::newRow("url") << "https://example.invalid/c?id=42&x=a_b~c";
    QTest::newRow("all printable ascii") << " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
                                            "abcdefghijklmnopqrstuvwxyz{|}~";
    QTest::newRow("double letters") << "aabbcc1122";
}

void TestKeyboardReport::roundTrip()
{
    QFETCH(QString, text);
    KeyboardReportDecoder decoder;
    decoder.setTabTerminates(false);
    const QStringList scans = feedAll(decoder, KeyboardReportDecoder::encode(text));
    QCOMPARE(scans, QStringList {text});
}

void TestKeyboardReport::wrongSize_data()
{
    QTest::addColumn<QByteArray>("report");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("7 bytes") << QByteArray(7, '\0');
    QTest::newRow("9 bytes") << QByteArray(9, '\0');
}

void TestKeyboardReport::wrongSize()
{
    QFETCH(QByteArray, report);
    KeyboardReportDecoder decoder;
    const auto r = decoder.feed(report);
    QVERIFY(!r.ok());
    QVERIFY(r.error().contains(QStringLiteral("expected 8")));
}

void TestKeyboardReport::aimPrefix()
{
    KeyboardReportDecoder decoder;
    decoder.setAimPrefix(true);
    const QList<QByteArray> reports = KeyboardReportDecoder::encode(QStringLiteral("]Q1HELLO"));
    QList<Scan> scans;
    for (const QByteArray &r : reports)
        scans += decoder.feed(r).value();
    QCOMPARE(scans.size(), 1);
    QCOMPARE(scans.first().text, QStringLiteral("HELLO"));
    QCOMPARE(scans.first().aimId, QStringLiteral("]Q1"));
    QCOMPARE(scans.first().symbology, QStringLiteral("QR Code"));
}

void TestKeyboardReport::tabNotTerminating()
{
    KeyboardReportDecoder decoder;
    decoder.setTabTerminates(false);
    const QStringList scans = feedAll(decoder, KeyboardReportDecoder::encode(QStringLiteral("a\tb")));
    QCOMPARE(scans, QStringList {QStringLiteral("a\tb")});
}

QTEST_APPLESS_MAIN(TestKeyboardReport)
#include "tst_keyboardreport.moc"
