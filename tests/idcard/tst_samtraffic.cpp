#include "CardBytes.h"

#include "onewindow/idcard/SamTrafficRedactor.h"

#include <QTest>

using ow::idcard::SamTrafficRedactor;

namespace {

// The ID number 330106199003070014 as it travels: UCS-2 little-endian.
const QByteArray kNumberOnTheWire =
    QByteArray::fromHex("330033003000310030003600310039003900300030003300300037003000300031003400");

// Cuts `bytes` into transfers of `chunk` bytes (0: one transfer).
QList<QByteArray> transfers(const QByteArray &bytes, int chunk)
{
    if (chunk <= 0)
        return {bytes};
    QList<QByteArray> out;
    for (int i = 0; i < bytes.size(); i += chunk)
        out << bytes.mid(i, chunk);
    return out;
}

} // namespace

// What of the card reader's traffic reaches the USB traffic log.
class TestSamTraffic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redaction_data();
    void redaction();
    void commandsAreShownWhole();
};

void TestSamTraffic::redaction_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("chunk");
    QTest::addColumn<QByteArray>("shown");
    const QByteArray read = cardbytes::readResponse1295();
    const QByteArray readFp = cardbytes::readResponse2321();
    QTest::newRow("read answer in one transfer") << read << 0 << read.left(14);
    QTest::newRow("read answer in 64-byte transfers") << read << 64 << read.left(14);
    QTest::newRow("read answer, header alone first") << read << 7 << read.left(14);
    QTest::newRow("read answer with fingerprint") << readFp << 64 << readFp.left(16);
    const QByteArray noCard = QByteArray::fromHex("aaaaaa9669000400008084");
    QTest::newRow("no card: shown whole") << noCard << 0 << noCard;
    const QByteArray found = QByteArray::fromHex("aaaaaa96690008000090000000009f");
    QTest::newRow("card found: shown whole") << found << 0 << found;
    // The appended address (0x30 0x03): 70 bytes of UCS-2 text → only header and status.
    QByteArray address = QByteArray::fromHex("aaaaaa9669004a000090") + QByteArray(70, 'A') + QByteArray(1, '\0');
    QTest::newRow("appended address") << address << 0 << address.left(10);
    QTest::newRow("bytes outside an answer") << QByteArray(40, 'Z') << 0 << QByteArray();
}

void TestSamTraffic::redaction()
{
    QFETCH(QByteArray, answer);
    QFETCH(int, chunk);
    QFETCH(QByteArray, shown);
    SamTrafficRedactor redact;
    QByteArray logged;
    int withheld = 0;
    for (const QByteArray &t : transfers(answer, chunk)) {
        const auto s = redact(true, t);
        QVERIFY(t.startsWith(s.bytes)); // a prefix of the transfer, never rewritten bytes
        QCOMPARE(s.bytes.size() + s.withheld, t.size());
        logged += s.bytes;
        withheld += s.withheld;
    }
    QCOMPARE(logged, shown);
    QCOMPARE(withheld, answer.size() - shown.size());
    QVERIFY(!logged.contains(kNumberOnTheWire.left(8)));
    // The redactor follows the next answer as well.
    const QByteArray noCard = QByteArray::fromHex("aaaaaa9669000400008084");
    QCOMPARE(redact(true, noCard).bytes, noCard);
}

void TestSamTraffic::commandsAreShownWhole()
{
    SamTrafficRedactor redact;
    const QByteArray read = QByteArray::fromHex("aaaaaa96690003300132");
    const auto s = redact(false, read);
    QCOMPARE(s.bytes, read);
    QCOMPARE(s.withheld, 0);
}

QTEST_GUILESS_MAIN(TestSamTraffic)
#include "tst_samtraffic.moc"
