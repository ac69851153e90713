// What the window's sync says is true (issue 19): a failing store is an error, never "online,
// nothing pending"; a dead link shows within seconds of the first failed request, not at the next
// idle check; and at a decision the back office acknowledges the case within a few seconds or the
// receipt is provisional, whatever the status last said. Against a real onewindow-backoffice
// through the FaultProxy (killed with SIGKILL, or stalled as a stopped process would be).
#include "FaultProxy.h"
#include "SyncFixture.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/sync/SyncEngine.h"
#include "onewindow/sync/SyncService.h"
#include "onewindow/testsupport/RestaurantVisit.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace synctest;
using ow::intake::IntakeWorkflow;
using ow::sync::SyncEngine;
using ow::sync::SyncService;
using ow::sync::SyncStatus;
using State = ow::sync::SyncStatus::State;

namespace {

// A case written through the real IntakeWorkflow up to its verdict (open-restaurant, every
// material received), not decided yet.
struct OpenCase
{
    std::unique_ptr<IntakeWorkflow> workflow;
    QString error;
};

OpenCase openCaseAtVerdict(ow::store::Store &store)
{
    static const auto catalog = ow::Catalog::load(ow::Catalog::builtinPath());
    static const auto calendar = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    const ow::receipt::WindowKey &key = synctest::windowKey(); // the enrolled one
    OpenCase out;
    if (!catalog || !calendar) {
        out.error = !catalog ? catalog.error() : calendar.error();
        return out;
    }
    ow::intake::WindowConfig config;
    config.regionCode = kRegion;
    config.windowCode = kWindow;
    config.windowName = QStringLiteral("Station 7");
    config.clerk = kClerk;
    out.workflow =
        std::make_unique<IntakeWorkflow>(catalog.value(), calendar.value(), ow::Clock::system(), store, key, config);
    IntakeWorkflow &w = *out.workflow;
    ow::testsupport::RestaurantVisit visit;
    visit.outcome = ow::testsupport::RestaurantVisit::Outcome::AtVerdict;
    out.error = ow::testsupport::walkRestaurant(w, visit);
    return out;
}

ow::sync::SyncConfig configFor(quint16 port)
{
    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    config.user = kClerk;
    config.password = kPassword;
    config.requestTimeoutMs = 30000;
    config.pollWaitSeconds = 30; // a long poll stays open: the link's death ends it
    config.backoffBaseMs = 200;
    config.backoffMaxMs = 1000;
    config.idleRecheckMs = 10 * 60 * 1000; // never the reason the status changes here
    return config;
}

// Renames a table of the sync journal away (or back): every reading of the outbox then fails in
// SQLite, as on a damaged store.
QString breakJournal(ow::store::Store &store, bool broken)
{
    QSqlQuery q(store.database());
    const QString sql = broken ? QStringLiteral("ALTER TABLE sync_conflicts RENAME TO sync_conflicts_away")
                               : QStringLiteral("ALTER TABLE sync_conflicts_away RENAME TO sync_conflicts");
    return q.exec(sql) ? QString() : q.lastError().text();
}

} // namespace

class TestSyncTruth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void failingStoreIsAnError();
    void failingStoreIsAnErrorOnTheWorker();
    void deadLinkShowsAtOnce();
    void decisionIsAcknowledgedOrProvisional();

private:
    // The back office's data dir of the running test function, with the window set up: each
    // function's client store numbers its cases from 0001, and a window's numbers are unique.
    QString serverDir();

    QTemporaryDir m_dir;
    QHash<QString, QString> m_serverDirs;
};

QString TestSyncTruth::serverDir()
{
    const QString function = QString::fromLatin1(QTest::currentTestFunction());
    if (!m_serverDirs.contains(function)) {
        const QString dir = m_dir.filePath(QStringLiteral("server-") + function);
        const QString err = setUpWindow(dir);
        if (!err.isEmpty())
            qWarning("%s", qPrintable(err));
        m_serverDirs.insert(function, dir);
    }
    return m_serverDirs.value(function);
}

void TestSyncTruth::initTestCase()
{
    qRegisterMetaType<ow::sync::SyncStatus>();
    QVERIFY(m_dir.isValid());
}

void TestSyncTruth::failingStoreIsAnError()
{
    Server server;
    QVERIFY(server.start(serverDir()));
    const QString clientDir = m_dir.filePath(QStringLiteral("client-store"));
    auto store = ow::store::Store::open(clientDir);
    QVERIFY2(store, qPrintable(store.error()));
    ow::store::BlobStore blobs(clientDir);
    QRandomGenerator rng(19);
    makeCases(store.value(), blobs, 2, 0, 0, 0, 0, rng, ow::Clock::system());
    SyncEngine engine(store.value(), clientDir, configFor(server.port()));
    QSignalSpy drained(&engine, &SyncEngine::drained);
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(drained.count() > 0, 30000);
    QCOMPARE(engine.status().state, State::Online);

    // The store fails: the screen must say so, never "online" with nothing pending.
    QString err = breakJournal(store.value(), true);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QSignalSpy statuses(&engine, &SyncEngine::statusChanged);
    const int drainedBefore = int(drained.count());
    engine.kick();
    QTRY_VERIFY_WITH_TIMEOUT(!statuses.isEmpty(), 5000);
    for (const QList<QVariant> &args : statuses) {
        const auto s = args.at(0).value<SyncStatus>();
        QVERIFY2(s.state == State::Error, qPrintable(QStringLiteral("state %1").arg(int(s.state))));
        QVERIFY2(s.lastError.contains(QLatin1String("sync_conflicts")), qPrintable(s.lastError));
    }
    QCOMPARE(engine.status().state, State::Error);
    QCOMPARE(int(drained.count()), drainedBefore); // a failing store is not an empty outbox

    // The store answers again: online, the error gone.
    err = breakJournal(store.value(), false);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    engine.kick();
    QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, State::Online, 10000);
    QVERIFY2(engine.status().lastError.isEmpty(), qPrintable(engine.status().lastError));
    engine.stop();
}

void TestSyncTruth::failingStoreIsAnErrorOnTheWorker()
{
    // The same through the client's SyncService: the engine on its own thread and connection.
    Server server;
    QVERIFY(server.start(serverDir()));
    const QString clientDir = m_dir.filePath(QStringLiteral("client-worker"));
    auto store = ow::store::Store::open(clientDir);
    QVERIFY2(store, qPrintable(store.error()));
    ow::store::BlobStore blobs(clientDir);
    QRandomGenerator rng(23);
    makeCases(store.value(), blobs, 2, 0, 0, 0, 0, rng, ow::Clock::system());
    SyncService sync(clientDir, configFor(server.port()));
    QSignalSpy drained(&sync, &SyncService::drained);
    sync.start();
    QTRY_VERIFY_WITH_TIMEOUT(drained.count() > 0, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(sync.status().state, State::Online, 5000);
    QCOMPARE(ow::store::CaseLog(store.value()).pendingCount(), 0);

    const QString err = breakJournal(store.value(), true);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    sync.kick();
    QTRY_COMPARE_WITH_TIMEOUT(sync.status().state, State::Error, 5000);
    QVERIFY2(sync.status().lastError.contains(QLatin1String("sync_conflicts")), qPrintable(sync.status().lastError));
    // The panel's list of waiting cases says the store failed (not "none").
    QSignalSpy listed(&sync, &SyncService::pendingListed);
    sync.listPending(10);
    QVERIFY(listed.wait(5000));
    QVERIFY(listed.first().at(0).toStringList().isEmpty());
    QVERIFY(!listed.first().at(2).toString().isEmpty());
    QVERIFY(breakJournal(store.value(), false).isEmpty());
    sync.kick();
    QTRY_COMPARE_WITH_TIMEOUT(sync.status().state, State::Online, 10000);
}

void TestSyncTruth::deadLinkShowsAtOnce()
{
    FaultProxy proxy;
    QVERIFY(proxy.listen());
    auto server = std::make_unique<Server>();
    QVERIFY(server->start(serverDir()));
    proxy.setTarget(server->port());
    const QString clientDir = m_dir.filePath(QStringLiteral("client-link"));
    auto store = ow::store::Store::open(clientDir);
    QVERIFY2(store, qPrintable(store.error()));
    ow::store::BlobStore blobs(clientDir);
    QRandomGenerator rng(29);
    makeCases(store.value(), blobs, 1, 0, 0, 0, 0, rng, ow::Clock::system());
    SyncEngine engine(store.value(), clientDir, configFor(proxy.port()));
    QSignalSpy drained(&engine, &SyncEngine::drained);
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(drained.count() > 0, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, State::Online, 5000);

    // The back office dies with nothing to send: the first failed request (the events long poll)
    // turns the status Offline at once; the idle recheck is ten minutes away.
    QElapsedTimer t;
    t.start();
    server->kill();
    QTRY_VERIFY_WITH_TIMEOUT(engine.status().state == State::Offline, 3000);
    qInfo("offline %lld ms after the back office died", t.elapsed());
    QVERIFY(engine.status().offlineSince.isValid());
    QVERIFY(!engine.status().lastError.isEmpty());

    // Probed with backoff meanwhile: a back office again, and the status comes back by itself.
    server = std::make_unique<Server>();
    QVERIFY(server->start(serverDir()));
    proxy.setTarget(server->port());
    t.restart();
    QTRY_VERIFY_WITH_TIMEOUT(engine.status().state == State::Online, 5000);
    qInfo("online %lld ms after the back office came back", t.elapsed());
    QVERIFY(!engine.status().offlineSince.isValid());
    engine.stop();
}

void TestSyncTruth::decisionIsAcknowledgedOrProvisional()
{
    FaultProxy proxy;
    QVERIFY(proxy.listen());
    auto server = std::make_unique<Server>();
    QVERIFY(server->start(serverDir()));
    proxy.setTarget(server->port());
    const QString clientDir = m_dir.filePath(QStringLiteral("client-decide"));
    auto store = ow::store::Store::open(clientDir);
    QVERIFY2(store, qPrintable(store.error()));
    SyncEngine engine(store.value(), clientDir, configFor(proxy.port()));
    QSignalSpy answers(&engine, &SyncEngine::caseConfirmed);
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, State::Online, 10000);
    constexpr int kConfirmMs = 3000;

    // 1. The back office is there: it acknowledges every entry of the case; the receipt is final.
    OpenCase up = openCaseAtVerdict(store.value());
    QVERIFY2(up.error.isEmpty(), qPrintable(up.error));
    engine.confirmCase(up.workflow->caseId(), kConfirmMs);
    QVERIFY(answers.wait(kConfirmMs + 1000));
    QCOMPARE(answers.first().at(0).toString(), up.workflow->caseId());
    QVERIFY2(answers.first().at(1).toBool(), qPrintable(answers.first().at(2).toString()));
    QCOMPARE(up.workflow->decide(IntakeWorkflow::Decision::Accept, {}, !answers.first().at(1).toBool()), QString());
    QVERIFY(!up.workflow->document().provisional);
    answers.clear();

    // Everything sent already: the back office is asked whether it holds the whole case.
    engine.kick();
    QTRY_COMPARE_WITH_TIMEOUT(ow::store::CaseLog(store.value()).pendingCount(), 0, 10000);
    engine.confirmCase(up.workflow->caseId(), kConfirmMs);
    QVERIFY(answers.wait(kConfirmMs + 1000));
    QVERIFY2(answers.first().at(1).toBool(), qPrintable(answers.first().at(2).toString()));
    answers.clear();

    // 2. Killed right before the decision, while the status still says online.
    OpenCase killed = openCaseAtVerdict(store.value());
    QVERIFY2(killed.error.isEmpty(), qPrintable(killed.error));
    QCOMPARE(engine.status().state, State::Online);
    server->kill();
    QElapsedTimer t;
    t.start();
    engine.confirmCase(killed.workflow->caseId(), kConfirmMs);
    QVERIFY(answers.wait(kConfirmMs + 1000));
    qInfo("killed back office: answered in %lld ms", t.elapsed());
    QVERIFY(t.elapsed() <= kConfirmMs + 500);
    QCOMPARE(answers.first().at(1).toBool(), false);
    QCOMPARE(engine.status().state, State::Offline); // the status bar learns it with the decision
    QCOMPARE(killed.workflow->decide(IntakeWorkflow::Decision::Accept, {}, !answers.first().at(1).toBool()), QString());
    QVERIFY(killed.workflow->document().provisional);
    QCOMPARE(killed.workflow->document().title(), QStringLiteral("Provisional acceptance receipt"));
    answers.clear();

    // 3. A back office that takes the connection and never answers (a stopped process): the
    // decision waits kConfirmMs at most, then provisional.
    server = std::make_unique<Server>();
    QVERIFY(server->start(serverDir()));
    proxy.setTarget(server->port());
    engine.kick();
    QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, State::Online, 10000);
    OpenCase stalled = openCaseAtVerdict(store.value());
    QVERIFY2(stalled.error.isEmpty(), qPrintable(stalled.error));
    proxy.setMode(FaultProxy::Mode::Stall);
    t.restart();
    engine.confirmCase(stalled.workflow->caseId(), kConfirmMs);
    QVERIFY(answers.wait(kConfirmMs + 1000));
    qInfo("stalled back office: answered in %lld ms", t.elapsed());
    QVERIFY(t.elapsed() >= kConfirmMs - 100 && t.elapsed() <= kConfirmMs + 500);
    QCOMPARE(answers.first().at(1).toBool(), false);
    QCOMPARE(engine.status().state, State::Offline);
    engine.stop();
}

QTEST_GUILESS_MAIN(TestSyncTruth)
#include "tst_synctruth.moc"
