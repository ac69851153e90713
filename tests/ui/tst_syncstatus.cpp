// What the clerk sees of sync, with the real SyncEngine against a real onewindow-backoffice on
// loopback (through tests/sync's FaultProxy, so the server can "appear" at a fixed address): the
// status bar goes offline → syncing → online, the Cases section says confirmed, and a conflict
// (the back office already holds a different entry at the same seq) is listed in the sync panel
// with its fields. zh_CN screenshots go to build/<preset>/screenshots.
#include "FaultProxy.h"
#include "SyncFixture.h"

#include "onewindow/core/WorkCalendar.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/sync/SyncJournal.h"
#include "onewindow/sync/SyncService.h"
#include "onewindow/ui/CaseListModel.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/MainWindow.h"
#include "onewindow/ui/SyncPanel.h"
#include "onewindow/ui/SyncStatusWidget.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace synctest;
using ow::sync::SyncService;
using ow::sync::SyncStatus;
using ow::ui::MainWindow;
using ow::ui::SyncPanel;
using ow::ui::SyncStatusWidget;

class TestSyncStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void withoutBackOfficeSaysSo();
    void blobProgressAndError();
    void offlineSyncingOnlineAndConflict();
    void panelCoalescesAStatusFlood();

private:
    void screenshot(QWidget *widget, const QString &name);
    ow::ui::ClientContext m_context;
};

void TestSyncStatus::initTestCase()
{
    QVERIFY(ow::i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    const auto cal = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    QVERIFY2(cal.ok(), qPrintable(cal.error()));
    m_context.calendar = cal.value();
    m_context.window.regionCode = kRegion;
    m_context.window.windowCode = kWindow;
    m_context.window.windowName = QStringLiteral("乡镇便民服务站 7");
    m_context.window.clerk = QStringLiteral("王");
    QDir().mkpath(QStringLiteral(OW_SCREENSHOT_DIR));
}

void TestSyncStatus::screenshot(QWidget *widget, const QString &name)
{
    QVERIFY(widget->grab().save(QStringLiteral(OW_SCREENSHOT_DIR "/") + name + QStringLiteral(".png")));
}

void TestSyncStatus::withoutBackOfficeSaysSo()
{
    MainWindow w(m_context);
    w.resize(1366, 768);
    w.show();
    auto *indicator = w.findChild<SyncStatusWidget *>(QStringLiteral("syncStatus"));
    QVERIFY(indicator);
    QVERIFY(!indicator->configured());
    QCOMPARE(indicator->text(), QStringLiteral("未连接后台"));
    QVERIFY(!indicator->progressVisible());
    // A click opens the panel, which says the same and offers nothing to copy.
    QTest::mouseClick(indicator, Qt::LeftButton);
    auto *panel = w.findChild<SyncPanel *>(QStringLiteral("syncPanel"));
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 5000);
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("stateLabel"))->text().contains(QStringLiteral("未连接后台")));
    QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("copyButton"))->isEnabled());
    // Ctrl+Shift+Y opens it again from the keyboard.
    panel->close();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isVisible(), 5000);
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w, 5000));
    QTest::keyClick(&w, Qt::Key_Y, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 5000);
}

// What the engine reports while a scan is uploaded, and after a refusal (also when the back
// office at hand takes no uploads yet).
void TestSyncStatus::blobProgressAndError()
{
    MainWindow w(m_context);
    w.resize(1366, 768);
    w.show();
    auto *indicator = w.findChild<SyncStatusWidget *>(QStringLiteral("syncStatus"));
    QVERIFY(indicator);
    SyncStatus status;
    status.state = SyncStatus::State::Syncing;
    status.pendingEntries = 12;
    status.pendingCases = 2;
    status.pendingBlobs = 3;
    status.blobBytesDone = 40000;
    status.blobBytesTotal = 100000;
    indicator->setStatus(status);
    QCOMPARE(indicator->text(), QStringLiteral("正在同步 12 条（3 个文件）"));
    QVERIFY(indicator->progressVisible());
    auto *bar = indicator->findChild<QProgressBar *>(QStringLiteral("blobProgress"));
    QVERIFY(bar);
    QCOMPARE(bar->value(), 400);
    screenshot(w.statusBar(), QStringLiteral("sync-2b-blob-progress"));

    status.state = SyncStatus::State::Error;
    status.lastError = QStringLiteral("后台不接收扫描件（未开通上传）。");
    indicator->setStatus(status);
    QCOMPARE(indicator->text(), QStringLiteral("同步出错：后台不接收扫描件（未开通上传）。"));
    QVERIFY(!indicator->progressVisible());
}

void TestSyncStatus::offlineSyncingOnlineAndConflict()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString serverDir = dir.filePath(QStringLiteral("server"));
    const QString err = setUpWindow(serverDir); // the window and its user, before the server runs
    QVERIFY2(err.isEmpty(), qPrintable(err));
    bool tus = false; // whether this back office takes uploads yet: scans and the progress bar only then
    {
        Server probe;
        QVERIFY(probe.start(dir.filePath(QStringLiteral("probe"))));
        tus = serverHasTus(probe.port());
    }
    if (!tus)
        qInfo("This back office takes no uploads (tus) yet: cases without scans, no blob progress bar.");
    FaultProxy proxy; // no target yet: every connection is refused, as with no server
    QVERIFY(proxy.listen());

    const QString clientDir = dir.filePath(QStringLiteral("client"));
    auto store = ow::store::Store::open(clientDir);
    QVERIFY2(store, qPrintable(store.error()));
    ow::store::BlobStore blobs(clientDir);
    QRandomGenerator rng(1313);
    const QList<MadeCase> cases =
        makeCases(store.value(), blobs, tus ? 4 : 12, tus ? 1 : 0, tus ? 2 : 0, 40000, 80000, rng, ow::Clock::system());

    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()));
    config.user = kClerk;
    config.password = kPassword;
    config.requestTimeoutMs = 4000;
    config.pollWaitSeconds = 1;
    config.backoffBaseMs = 100;
    config.backoffMaxMs = 500;
    config.chunkBytes = 16 * 1024; // a few seconds per blob at 64 kbit/s: the progress bar is seen
    config.idleRecheckMs = 10 * 60 * 1000; // the conflicting case below goes only on kick()
    SyncService engine(clientDir, config); // on its worker, as the client runs it
    ow::ui::ClientContext context = m_context;
    context.store = &store.value();
    context.sync = &engine;
    MainWindow w(context);
    w.resize(1366, 768);
    w.show();
    auto *indicator = w.findChild<SyncStatusWidget *>(QStringLiteral("syncStatus"));
    QVERIFY(indicator);
    QVERIFY(indicator->configured());

    if (qEnvironmentVariableIsSet("OW_SYNC_TRACE"))
        connect(&engine, &SyncService::statusChanged, this, [](const SyncStatus &s) {
            qInfo("state %d entries %d blobs %d bytes %lld/%lld error %s", int(s.state), s.pendingEntries,
                s.pendingBlobs, s.blobBytesDone, s.blobBytesTotal, qPrintable(s.lastError));
        });
    // 1. No server: offline since the first failed try.
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(
        engine.status().state == SyncStatus::State::Offline && engine.status().offlineSince.isValid(), 15000);
    QVERIFY2(indicator->text().startsWith(QStringLiteral("离线（自")), qPrintable(indicator->text()));
    screenshot(w.statusBar(), QStringLiteral("sync-1-offline"));
    // The Cases section stays open from here on: every case waits to be sent.
    w.showSection(MainWindow::Section::Cases);
    auto *caseTable = w.findChild<QAbstractItemView *>(QStringLiteral("caseTable"));
    QVERIFY(caseTable && caseTable->model());
    QTRY_VERIFY_WITH_TIMEOUT(caseTable->model()->rowCount() == cases.size(), 5000);
    const QModelIndex first = caseTable->model()->index(0, ow::ui::CaseListModel::Sync);
    QCOMPARE(first.data().toString(), QStringLiteral("待同步"));

    // 2. The server appears on a slow link: syncing N, with the blob's progress.
    Server server;
    QVERIFY(server.start(serverDir));
    proxy.setMode(FaultProxy::Mode::Throttle);
    proxy.setTarget(server.port());
    engine.kick();
    QTRY_VERIFY_WITH_TIMEOUT(
        engine.status().state == SyncStatus::State::Syncing && (indicator->progressVisible() || !tus), 30000);
    QVERIFY2(indicator->text().startsWith(QStringLiteral("正在同步")), qPrintable(indicator->text()));
    QVERIFY2(
        indicator->text().contains(QString::number(engine.status().pendingEntries)), qPrintable(indicator->text()));
    screenshot(w.statusBar(), QStringLiteral("sync-2-syncing"));

    // 3. The link is fast again: the outbox drains, online.
    proxy.setMode(FaultProxy::Mode::Pass);
    engine.kick();
    QTRY_VERIFY_WITH_TIMEOUT(engine.status().state == SyncStatus::State::Online, 60000);
    QCOMPARE(ow::store::CaseLog(store.value()).pendingCount(), 0);
    QCOMPARE(indicator->text(), QStringLiteral("在线"));
    QVERIFY(!indicator->progressVisible());
    screenshot(w.statusBar(), QStringLiteral("sync-3-online"));
    const QStringList problems = verifyAtBackOffice(server.port(), signIn(server.port()), store.value(), cases, tus);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

    // The back office confirms the receipts (events): the Cases section says so.
    QTRY_VERIFY_WITH_TIMEOUT(
        ow::sync::SyncJournal(store.value()).remote(cases.first().id).contains(QLatin1String("confirmedAt")), 30000);
    // The open Cases section follows without being reopened.
    QTRY_COMPARE_WITH_TIMEOUT(first.data().toString(), QStringLiteral("已确认"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(
        caseTable->model()->index(int(cases.size()) - 1, ow::ui::CaseListModel::Sync).data().toString(),
        QStringLiteral("已确认"), 10000);
    screenshot(&w, QStringLiteral("sync-6-cases-confirmed"));

    // 4. A conflict: the back office already holds another entry at seq 1 of a new case.
    const QList<MadeCase> more =
        makeCases(store.value(), blobs, 1, tus ? 1 : 0, tus ? 1 : 0, 2000, 4000, rng, ow::Clock::system());
    const auto entries = ow::store::CaseLog(store.value()).entries(more.first().id);
    QVERIFY2(entries, qPrintable(entries.error()));
    QJsonObject other = entries.value().first().toJson();
    // As if another copy of this window's store had started the case a minute later.
    other.insert(QStringLiteral("at"), entries.value().first().at.addSecs(60).toUTC().toString(Qt::ISODateWithMs));
    const Http posted = http(server.port(), "POST", QStringLiteral("/v1/cases/%1/entries").arg(more.first().id),
        QJsonDocument(QJsonArray {other}).toJson(QJsonDocument::Compact),
        {{"Authorization", "Bearer " + signIn(server.port())}});
    QVERIFY2(posted.status == 200 || posted.status == 202, posted.body.constData());
    engine.kick();
    QTRY_VERIFY_WITH_TIMEOUT(!engine.status().conflicts.isEmpty(), 30000);
    const ow::sync::SyncConflict conflict = engine.status().conflicts.first();
    QCOMPARE(conflict.caseId, more.first().id);
    QCOMPARE(conflict.seq, 1);
    QCOMPARE(conflict.fields, QStringList {QStringLiteral("at")});
    QTRY_VERIFY_WITH_TIMEOUT(indicator->text().contains(QStringLiteral("冲突")), 5000);
    screenshot(w.statusBar(), QStringLiteral("sync-4-conflict"));

    // Never resolved silently: the case stays unsent, listed with its number, seq and field.
    QTest::mouseClick(indicator, Qt::LeftButton);
    auto *panel = w.findChild<SyncPanel *>(QStringLiteral("syncPanel"));
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 5000);
    auto *table = panel->findChild<QTableWidget *>(QStringLiteral("conflictTable"));
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), more.first().number);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("1"));
    // The difference itself: this window's time beside the one the back office holds.
    const QString difference = table->item(0, 2)->text();
    const auto clock = [](const QString &iso) {
        return QLocale().toString(
            QDateTime::fromString(iso, Qt::ISODateWithMs).toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    const QString hereAt = entries.value().first().toJson().value(QLatin1String("at")).toString();
    QVERIFY2(difference.startsWith(QStringLiteral("记录时间（at）：\n本窗口为“%1”\n").arg(clock(hereAt))),
        qPrintable(difference));
    QVERIFY2(difference.endsWith(QStringLiteral("后台为“%1”").arg(clock(other.value(QLatin1String("at")).toString()))),
        qPrintable(difference));
    QCOMPARE(engine.status().conflicts.first().differences.size(), 1);
    auto *pending = panel->findChild<QListWidget *>(QStringLiteral("pendingList"));
    QVERIFY(pending);
    // Listed under the conflicts, not among what waits to be sent (which is empty: the counts say 0).
    QVERIFY(pending->findItems(more.first().number, Qt::MatchExactly).isEmpty());
    QCOMPARE(pending->count(), 0);
    QVERIFY(ow::store::CaseLog(store.value()).pendingCount() > 0);
    panel->findChild<QPushButton *>(QStringLiteral("copyButton"))->click();
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(copied.contains(more.first().number) && copied.contains(QStringLiteral("不一致字段：at"))
            && copied.contains(QStringLiteral("后台为“%1”").arg(other.value(QLatin1String("at")).toString())),
        qPrintable(copied));
    screenshot(panel, QStringLiteral("sync-5-conflict-panel"));
    engine.stop();
}

// A draining backlog changes the status hundreds of times a second: the open panel reads the
// waiting cases (on the sync's worker) and redraws at most every SyncPanel::kRefreshMs.
void TestSyncStatus::panelCoalescesAStatusFlood()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString clientDir = dir.filePath(QStringLiteral("client"));
    auto store = ow::store::Store::open(clientDir);
    QVERIFY2(store, qPrintable(store.error()));
    ow::store::BlobStore blobs(clientDir);
    QRandomGenerator rng(7);
    const QList<MadeCase> cases = makeCases(store.value(), blobs, 3, 0, 0, 0, 0, rng, ow::Clock::system());
    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9")); // never started: no requests
    SyncService sync(clientDir, config);
    SyncPanel panel;
    panel.attach(&sync);
    QSignalSpy listed(&sync, &SyncService::pendingListed);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *pendingList = panel.findChild<QListWidget *>(QStringLiteral("pendingList"));
    QVERIFY(pendingList);
    QTRY_COMPARE_WITH_TIMEOUT(pendingList->count(), int(cases.size()), 5000);
    QCOMPARE(pendingList->item(0)->text(), cases.first().number);
    listed.clear();
    // One second of a status every millisecond or two.
    SyncStatus status;
    status.state = SyncStatus::State::Syncing;
    QElapsedTimer flood;
    flood.start();
    int emitted = 0;
    while (flood.elapsed() < 1000) {
        status.pendingEntries = ++emitted;
        Q_EMIT sync.statusChanged(status);
        QTest::qWait(1);
    }
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1, 2000);
    const int allowed = int(flood.elapsed() / ow::ui::SyncPanel::kRefreshMs) + 2;
    QVERIFY2(listed.count() <= allowed,
        qPrintable(
            QStringLiteral("%1 readings for %2 statuses (at most %3)").arg(listed.count()).arg(emitted).arg(allowed)));
    qInfo("%d statuses in %lld ms: %d readings of the waiting cases", emitted, flood.elapsed(), int(listed.count()));
}

QTEST_MAIN(TestSyncStatus)
#include "tst_syncstatus.moc"
