#include "onewindow/printer/PrintJob.h"

#include <QTest>

using ow::printer::PrinterProfile;
using ow::printer::PrintJob;
using ow::printer::PrintJobResult;

namespace {

// A scripted printer: answers DLE EOT from its status bytes, fails the N-th data write.
class FakeTransport : public ow::printer::EscPosTransport
{
public:
    quint8 status[3] = {0x12, 0x12, 0x12};
    int failDataWrite = -1; // 0-based index of the data write that fails
    int paperOutAfterDataWrite = -1;
    QList<QByteArray> dataWrites;
    QByteArray pending;
    // Byte offsets where a command ends. A status request that arrives inside a command is taken
    // for image data, as a printer does, and never answered. Empty: every offset is a boundary.
    QList<qint64> commandEnds;
    qint64 dataBytes = 0;

    bool write(const QByteArray &bytes, int, QString *error) override
    {
        if (bytes.size() == 3 && bytes.startsWith("\x10\x04")) {
            if (!commandEnds.isEmpty() && dataBytes > 0 && !commandEnds.contains(dataBytes))
                return true;
            const int n = bytes.at(2);
            pending.append(char(status[n == 1 ? 0 : n == 2 ? 1 : 2]));
            return true;
        }
        if (int(dataWrites.size()) == failDataWrite) {
            *error = QStringLiteral("The printer was unplugged.");
            return false;
        }
        dataWrites.append(bytes);
        dataBytes += bytes.size();
        if (int(dataWrites.size()) - 1 == paperOutAfterDataWrite) {
            status[0] = 0x1A;
            status[1] = 0x32;
            status[2] = 0x72;
        }
        return true;
    }
    QByteArray read(int, int, QString *error) override
    {
        if (pending.isEmpty()) {
            *error = QStringLiteral("timeout");
            return {};
        }
        const QByteArray b = pending.left(1);
        pending.remove(0, 1);
        return b;
    }
};

QList<QByteArray> blocks(int count, int size)
{
    QList<QByteArray> out;
    for (int i = 0; i < count; ++i)
        out.append(QByteArray(size, char('a' + i % 26)));
    return out;
}

} // namespace

class TestPrintJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pack_data();
    void pack();
    void run_data();
    void run();
    void statusOnlyBetweenCommands();
};

void TestPrintJob::pack_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("max");
    QTest::addColumn<int>("transfers");
    QTest::newRow("small blocks packed") << 10 << 100 << 1024 << 1;
    QTest::newRow("exact fit") << 4 << 256 << 1024 << 1;
    QTest::newRow("one over") << 5 << 256 << 1024 << 2;
    QTest::newRow("big block split") << 1 << 3000 << 1024 << 3;
}

void TestPrintJob::pack()
{
    QFETCH(int, count);
    QFETCH(int, size);
    QFETCH(int, max);
    QFETCH(int, transfers);
    const QList<QByteArray> in = blocks(count, size);
    const QList<QByteArray> out = PrintJob::pack(in, max);
    QCOMPARE(out.size(), transfers);
    QByteArray joinedIn, joinedOut;
    for (const auto &b : in)
        joinedIn += b;
    for (const auto &b : out) {
        QVERIFY(b.size() <= max);
        joinedOut += b;
    }
    QCOMPARE(joinedOut, joinedIn);
}

void TestPrintJob::run_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<int>("failDataWrite");
    QTest::addColumn<int>("paperOutAfter");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("sent");
    QTest::addColumn<QString>("errorContains");
    const QByteArray ready = QByteArray::fromHex("121212");
    QTest::newRow("printed") << ready << -1 << -1 << int(PrintJobResult::Outcome::Printed) << 4 << "";
    QTest::newRow("cover open refused") << QByteArray::fromHex("1a1612") << -1 << -1
                                        << int(PrintJobResult::Outcome::Refused) << 0 << "cover is open";
    QTest::newRow("paper out refused") << QByteArray::fromHex("1a3272") << -1 << -1
                                       << int(PrintJobResult::Outcome::Refused) << 0 << "out of paper";
    QTest::newRow("unplug on third transfer")
        << ready << 2 << -1 << int(PrintJobResult::Outcome::Interrupted) << 2 << "Sent 2 of 4 parts";
    QTest::newRow("paper out mid-job") << ready << -1 << 1 << int(PrintJobResult::Outcome::Interrupted) << 2
                                       << "out of paper";
    QTest::newRow("paper out on last") << ready << -1 << 3 << int(PrintJobResult::Outcome::PrintedWithWarning) << 4
                                       << "out of paper";
    QTest::newRow("garbage status") << QByteArray::fromHex("001212") << -1 << -1
                                    << int(PrintJobResult::Outcome::Refused) << 0 << "not a status byte";
}

void TestPrintJob::run()
{
    QFETCH(QByteArray, status);
    QFETCH(int, failDataWrite);
    QFETCH(int, paperOutAfter);
    QFETCH(int, outcome);
    QFETCH(int, sent);
    QFETCH(QString, errorContains);
    PrinterProfile p;
    p.receiveBufferBytes = 1024;
    PrintJob job(p, blocks(4, 1000));
    QCOMPARE(job.transfers().size(), 4);
    FakeTransport t;
    for (int i = 0; i < 3; ++i)
        t.status[i] = quint8(status.at(i));
    t.failDataWrite = failDataWrite;
    t.paperOutAfterDataWrite = paperOutAfter;
    const PrintJobResult r = job.run(t);
    QCOMPARE(int(r.outcome), outcome);
    QCOMPARE(r.transfersSent, sent);
    QCOMPARE(r.bytesSent, qint64(sent) * 1000);
    QCOMPARE(int(t.dataWrites.size()), sent);
    QCOMPARE(r.transfersTotal, 4);
    if (errorContains.isEmpty())
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    else
        QVERIFY2(r.error.contains(errorContains), qPrintable(r.error));
}

// A document laid out for a 4 KiB buffer printed on a 1 KiB printer: the big raster band goes in
// pieces, and no status request may fall between two of them (it did: "Sent 2 of 5 parts").
void TestPrintJob::statusOnlyBetweenCommands()
{
    PrinterProfile p;
    p.receiveBufferBytes = 1024;
    const QList<QByteArray> in = {QByteArray(100, 'a'), QByteArray(3000, 'b'), QByteArray(100, 'c')};
    PrintJob job(p, in);
    QCOMPARE(job.transfers().size(), 5);
    FakeTransport t;
    t.commandEnds = {100, 3100, 3200};
    const PrintJobResult r = job.run(t);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.transfersSent, 5);
    QCOMPARE(t.dataBytes, qint64(3200));
    QList<bool> ends;
    PrintJob::pack(in, 1024, &ends);
    QCOMPARE(ends, QList<bool>({true, false, false, true, true}));
}

QTEST_APPLESS_MAIN(TestPrintJob)
#include "tst_printjob.moc"
