// The pusher against a real back office through the fault proxy: 5xx, stalls, resets mid-body,
// 64 kbit/s, and the server killed (SIGKILL) and restarted in the middle of the push.
#include "FaultProxy.h"
#include "SyncFixture.h"

#include "onewindow/store/CaseLog.h"
#include "onewindow/sync/SyncEngine.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace synctest;
using ow::sync::SyncEngine;

class TestSyncPush : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void entriesUnderFaults();
    void blobsUnderFaults();

private:
    void run(int cases, int minBlobs, int maxBlobs, bool checkBlobs);

    QTemporaryDir m_dir;
    Server m_server;
    FaultProxy m_proxy;
    bool m_tus = false;
    int m_round = 0;
};

void TestSyncPush::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString serverDir = m_dir.filePath(QStringLiteral("server"));
    QVERIFY(m_server.start(serverDir));
    const QString err = setUpWindow(serverDir);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QVERIFY(m_proxy.listen());
    m_proxy.setTarget(m_server.port());
    m_tus = serverHasTus(m_server.port());
}

void TestSyncPush::run(int count, int minBlobs, int maxBlobs, bool checkBlobs)
{
    const QString clientDir = m_dir.filePath(QStringLiteral("client%1").arg(++m_round));
    auto store = ow::store::Store::open(clientDir);
    QVERIFY2(store, qPrintable(store.error()));
    ow::store::BlobStore blobs(clientDir);
    QRandomGenerator rng(4242 + m_round);
    const QList<MadeCase> cases =
        makeCases(store.value(), blobs, count, minBlobs, maxBlobs, 2000, 12000, rng, DayShiftedClock(m_round));
    ow::store::CaseLog log(store.value());
    const int total = log.pendingCount();

    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_proxy.port()));
    config.user = kClerk;
    config.password = kPassword;
    config.pull = false;
    config.requestTimeoutMs = 1500;
    config.backoffBaseMs = 50;
    config.backoffMaxMs = 800;
    config.chunkBytes = 8 * 1024; // several PATCHes per blob, so resets and kills land mid-upload
    config.batchEntries = 10; // several requests per case
    SyncEngine engine(store.value(), clientDir, config);
    engine.setRandom([&rng] { return rng.generateDouble(); });
    engine.start();

    // The faults one after the other from 3 % of the outbox on, each for a while with the link
    // working in between; the last one must end before the outbox is empty (it was mid-push).
    struct Phase
    {
        FaultProxy::Mode mode;
        int ms; // -1: the server is killed and restarted
    };
    const QList<Phase> phases {{FaultProxy::Mode::Fail503, 1200}, {FaultProxy::Mode::Stall, 2000},
        {FaultProxy::Mode::ResetAfter, 2000}, {FaultProxy::Mode::Pass, -1}, {FaultProxy::Mode::Throttle, 3000},
        {FaultProxy::Mode::Fail503, 800}};
    const int injectedBefore = m_proxy.injected();
    QElapsedTimer clock;
    clock.start();
    const QString serverDir = m_dir.filePath(QStringLiteral("server"));
    QTRY_VERIFY2_WITH_TIMEOUT(log.pendingCount() < total * 0.97, qPrintable(engine.status().lastError), 30000);
    for (const Phase &p : phases) {
        const double done = 1.0 - double(log.pendingCount()) / total;
        if (p.ms < 0) {
            m_server.kill();
            QTest::qWait(800);
            QVERIFY(m_server.start(serverDir));
            m_proxy.setTarget(m_server.port());
            qInfo("server killed at %.0f%% and restarted", done * 100);
        } else {
            m_proxy.setMode(p.mode, 3000);
            QTest::qWait(p.ms);
            m_proxy.setMode(FaultProxy::Mode::Pass);
            qInfo("fault %d for %d ms at %.0f%%", int(p.mode), p.ms, done * 100);
        }
        QTest::qWait(400);
    }
    const int left = log.pendingCount();
    QVERIFY2(left > 0, "the push ended before the faults did: make the outbox bigger");
    QTRY_VERIFY2_WITH_TIMEOUT(log.pendingCount() == 0, qPrintable(engine.status().lastError), 120000);
    QVERIFY(m_proxy.injected() > injectedBefore);
    engine.stop();
    qInfo("%d entries of %d cases pushed in %lld ms", total, count, clock.elapsed());

    const QByteArray token = signIn(m_server.port());
    QVERIFY(!token.isEmpty());
    const QStringList problems = verifyAtBackOffice(m_server.port(), token, store.value(), cases, checkBlobs);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(QLatin1Char('\n'))));
    QVERIFY(engine.status().conflicts.isEmpty());
}

void TestSyncPush::entriesUnderFaults()
{
    run(60, 0, 0, false);
}

void TestSyncPush::blobsUnderFaults()
{
    if (!m_tus)
        QSKIP("this back office has no tus uploads (OPTIONS /v1/uploads is not 204): issue-12-http not merged");
    run(qEnvironmentVariableIntValue("OW_SYNC_CASES") > 0 ? qEnvironmentVariableIntValue("OW_SYNC_CASES") : 200, 2, 5,
        true);
}

QTEST_GUILESS_MAIN(TestSyncPush)
#include "tst_syncpush.moc"
