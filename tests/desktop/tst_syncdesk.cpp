// The window and its back office on a real X server (Xvfb, 1366×768), keyboard only (issue 19):
// (i) the back office is killed just before F5: the receipt is provisional (临时受理凭证) though
//     the status bar still said online, and the status bar says offline within seconds;
// (ii) a backlog of 300 cases with scans (made through the real IntakeWorkflow while the back
//     office was down) drains to the back office, come back, with the sync panel open
//     (Ctrl+Shift+Y); the event loop never stalls over the limit; the worst lateness and the
//     drain time are printed.
// The sync runs as the client runs it (SyncService: the engine on its worker thread), against a
// real onewindow-backoffice. OW_SCREENSHOT_DIR saves the provisional receipt and the panel.
#include "DeskCards.h"
#include "IntakeTestContext.h"
#include "SimulatedCounter.h"
#include "SyncFixture.h"
#include "Watchdog.h"

#include "onewindow/devicesim/TestMain.h"
#include "onewindow/escpossim/ReceiptRenderer.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/store/Store.h"
#include "onewindow/sync/SyncService.h"
#include "onewindow/testsupport/PdfTestPlugin.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/DemoCardSlot.h"
#include "onewindow/ui/DocumentView.h"
#include "onewindow/ui/IntakePage.h"
#include "onewindow/ui/MainWindow.h"
#include "onewindow/ui/SyncPanel.h"
#include "onewindow/ui/SyncStatusWidget.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <memory>

#include <time.h>

using namespace ow;
using Step = intake::IntakeWorkflow::Step;
using State = sync::SyncStatus::State;
using desktoptest::kStallLimitMs;
using desktoptest::resident;
using desktoptest::Watchdog;
using devicesim::SimIdCard;

namespace {

constexpr int kBacklog = 300;

// Beside the watchdog: for the longest gap between two 10 ms ticks, how much CPU the GUI thread
// itself used in it. A long gap with little CPU is a thread that was not scheduled (a loaded
// machine) or waited; one with as much CPU as wall time is work done on the GUI thread.
class GapProbe : public QObject
{
public:
    GapProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
        m_wall.start();
        m_cpu = cpuNs();
        m_timer.start();
    }
    QString worst() const
    {
        return QStringLiteral("longest gap %1 ms, of which the GUI thread ran %2 ms").arg(m_worstGap).arg(m_worstCpu);
    }

private:
    static qint64 cpuNs()
    {
        timespec t {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
    }
    void tick()
    {
        const qint64 wall = m_wall.restart();
        const qint64 cpu = cpuNs();
        if (wall > m_worstGap) {
            m_worstGap = wall;
            m_worstCpu = (cpu - m_cpu) / 1000000;
        }
        m_cpu = cpu;
    }
    QTimer m_timer;
    QElapsedTimer m_wall;
    qint64 m_cpu = 0;
    qint64 m_worstGap = 0;
    qint64 m_worstCpu = 0;
};

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

class TestSyncDesk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void provisionalWhenKilledBeforeF5();
    void backlogDrainsWithThePanelOpen();
    void cleanupTestCase();

private:
    void key(Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier);
    void type(const QString &text);
    bool socialSecurityCard(const SimIdCard &card);
    void screenshot(const QString &name, bool wholeScreen = false);
    ui::IntakePage *intake() const { return m_window->findChild<ui::IntakePage *>(); }

    testsupport::SimulatedCounter m_counter;
    testsupport::IntakeTestContext m_shared;
    QTemporaryDir m_dir;
    std::optional<store::Store> m_store;
    ui::CounterDevices m_devices;
    std::unique_ptr<desktoptest::CardSlot> m_slot;
    ui::ClientContext m_context;
    QString m_serverDir;
    quint16 m_port = 0;
    std::unique_ptr<synctest::Server> m_server;
    std::unique_ptr<sync::SyncService> m_sync;
    ui::MainWindow *m_window = nullptr;
    intake::IntakeWorkflow *m_workflow = nullptr;
    std::unique_ptr<Watchdog> m_watchdog;
};

void TestSyncDesk::initTestCase()
{
    testsupport::usePdfPluginFromBuild();
    QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"),
        "the desktop test runs on a real X server (xvfb-run), not offscreen");
    QVERIFY(m_dir.isValid());
    const QString language =
        qEnvironmentVariableIsSet("OW_TEST_LANG") ? qEnvironmentVariable("OW_TEST_LANG") : QStringLiteral("zh_CN");
    QVERIFY(i18n::installTranslations(*qApp, language));
    qRegisterMetaType<idcard::IdCardData>();
    qRegisterMetaType<sync::SyncStatus>();
    const QString devices = m_counter.start(this, m_context, m_devices);
    QVERIFY2(devices.isEmpty(), qPrintable(devices));
    m_shared.fill(m_context, &Clock::system());
    // The back office's station window and its clerk (tests/sync's fixture).
    m_context.window.regionCode = synctest::kRegion;
    m_context.window.windowCode = synctest::kWindow;
    m_context.key = synctest::windowKey(); // the key setUpWindow enrols
    m_context.keys.add(m_context.key->keyId(), m_context.key->publicKey());
    m_serverDir = m_dir.filePath(QStringLiteral("server"));
    const QString setUp = synctest::setUpWindow(m_serverDir);
    QVERIFY2(setUp.isEmpty(), qPrintable(setUp));
    m_port = freePort();
    QVERIFY(m_port != 0);
    m_server = std::make_unique<synctest::Server>();
    m_server->setNice(10); // a remote machine in the field: not the window's CPU
    QVERIFY(m_server->start(m_serverDir, m_port));

    const QString clientDir = m_dir.filePath(QStringLiteral("client"));
    // The backlog below is 300 cases of a dozen entries each: the test's own connection commits
    // them without a sync to disk each (the window's default is FULL; it is not what is measured).
    store::Store::Options options;
    options.synchronous = QStringLiteral("NORMAL");
    auto opened = store::Store::open(clientDir, options);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_store.emplace(std::move(opened.value()));
    sync::SyncConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
    config.user = synctest::kClerk;
    config.password = synctest::kPassword;
    config.backoffBaseMs = 200;
    config.backoffMaxMs = 2000;
    m_sync = std::make_unique<sync::SyncService>(clientDir, config);

    m_slot = std::make_unique<desktoptest::CardSlot>(&m_counter.reader);
    m_context.demoMode = true;
    m_context.store = &*m_store;
    m_context.devices = &m_devices;
    m_context.demoCards = m_slot.get();
    m_context.sync = m_sync.get();
    m_context.renderReceipt = [](const QByteArray &b) {
        auto image = escpossim::ReceiptRenderer::renderStream(b, 384);
        return image ? image.value() : QImage();
    };
    m_window = new ui::MainWindow(m_context);
    m_window->setGeometry(0, 0, 1366, 768);
    m_window->show();
    m_window->showSection(ui::MainWindow::Section::Intake);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_workflow = intake()->workflow();
    QVERIFY(m_workflow);
    m_sync->start();
}

void TestSyncDesk::cleanupTestCase()
{
    QThreadPool::globalInstance()->waitForDone(); // the screenshots
    delete m_window;
    m_sync.reset();
    m_counter.stop();
}

void TestSyncDesk::key(Qt::Key k, Qt::KeyboardModifiers mods)
{
    if (m_watchdog)
        m_watchdog->setWhere(QKeySequence(int(mods) | k).toString());
    QWidget *target = QApplication::focusWidget();
    QTest::keyClick(target ? target : m_window, k, mods);
    QTest::qWait(5);
}

void TestSyncDesk::type(const QString &text)
{
    for (const QChar c : text) {
        QWidget *target = QApplication::focusWidget();
        QTest::keyClick(target ? target : m_window, c.toLatin1());
    }
    QTest::qWait(5);
}

// 社会保障卡申领 (three materials, no questions), all received: decided by F5 next.
bool TestSyncDesk::socialSecurityCard(const SimIdCard &card)
{
    m_slot->next = card;
    key(Qt::Key_F11);
    if (!QTest::qWaitFor(
            [&] { return m_workflow->applicant() && m_workflow->applicant()->number == card.field(122); }, 15000))
        return false;
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    key(Qt::Key_F3);
    if (!QTest::qWaitFor([search] { return search->hasFocus(); }, 2000))
        return false;
    type(QStringLiteral("sbk"));
    key(Qt::Key_Return);
    if (!m_workflow->hasChecklist() || m_workflow->checklist().title != QStringLiteral("社会保障卡申领"))
        return false;
    key(Qt::Key_L, Qt::ControlModifier);
    auto *table = m_window->findChild<QTableWidget *>(QStringLiteral("materialTable"));
    if (!table || !table->hasFocus())
        return false;
    for (int row = table->currentRow(); row < m_workflow->checklist().materials.size(); ++row)
        key(Qt::Key_O);
    return m_workflow->checklist().verdict == checklist::Verdict::Complete;
}

void TestSyncDesk::screenshot(const QString &name, bool wholeScreen)
{
    const QString dir = qEnvironmentVariable("OW_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    if (m_watchdog)
        m_watchdog->setWhere(QStringLiteral("screenshot %1").arg(name));
    const QImage shot = (wholeScreen ? m_window->screen()->grabWindow(0) : m_window->grab()).toImage();
    // Encoding the PNG takes a while: on a worker, not in the event loop the watchdog measures.
    QThreadPool::globalInstance()->start(
        [shot, path = QDir(dir).filePath(QStringLiteral("desktop-sync-%1.png").arg(name))] { shot.save(path); });
}

void TestSyncDesk::provisionalWhenKilledBeforeF5()
{
    m_watchdog = std::make_unique<Watchdog>();
    m_watchdog->start();
    auto *indicator = m_window->findChild<ui::SyncStatusWidget *>(QStringLiteral("syncStatus"));
    QVERIFY(indicator);
    QTRY_COMPARE_WITH_TIMEOUT(m_sync->status().state, State::Online, 20000);
    QCOMPARE(indicator->text(), QStringLiteral("在线"));

    // With the back office there: the back office acknowledges the case, the receipt is final.
    m_watchdog->setWhere(QStringLiteral("final receipt"));
    QVERIFY(socialSecurityCard(resident(QStringLiteral("王小明"), QStringLiteral("33010619900307001"),
        QStringLiteral("1"), QStringLiteral("19900307"))));
    QSignalSpy printed(&m_devices, &ui::CounterDevices::printed);
    key(Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(m_workflow->step(), Step::Print, ui::IntakePage::kConfirmMs + 1000);
    QVERIFY(!m_workflow->document().provisional);
    QCOMPARE(m_workflow->document().title(), QStringLiteral("受理回执"));
    QVERIFY(printed.wait(20000));
    key(Qt::Key_F12);
    QVERIFY2(!m_workflow->hasCase(), qPrintable(intake()->message()));

    // The back office dies just before F5; the status bar has not heard of it yet.
    m_watchdog->setWhere(QStringLiteral("back office killed before F5"));
    QVERIFY(socialSecurityCard(resident(QStringLiteral("欧阳娜娜"), QStringLiteral("33010619950412002"),
        QStringLiteral("2"), QStringLiteral("19950412"))));
    printed.clear();
    // (The first case's decided entries went a moment ago: the status is online again.)
    QTRY_COMPARE_WITH_TIMEOUT(m_sync->status().state, State::Online, 10000);
    m_server->kill();
    QCOMPARE(m_sync->status().state, State::Online); // what the window last knew
    QCOMPARE(indicator->text(), QStringLiteral("在线"));
    QElapsedTimer t;
    t.start();
    key(Qt::Key_F5);
    // Waiting for the back office: the window answers, says so, and takes no second decision.
    if (m_workflow->step() < Step::Print) {
        QVERIFY(intake()->confirming());
        QVERIFY(!m_window->findChild<QPushButton *>(QStringLiteral("acceptButton"))->isEnabled());
        QCOMPARE(intake()->message(), QStringLiteral("正在向后台确认…"));
        key(Qt::Key_F5); // nothing: the first decision is still waiting
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_workflow->step(), Step::Print, ui::IntakePage::kConfirmMs + 1000);
    qInfo("decided %lld ms after F5 with the back office killed", t.elapsed());
    QVERIFY(m_workflow->document().provisional);
    QCOMPARE(m_workflow->document().title(), QStringLiteral("临时受理凭证"));
    QVERIFY(printed.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(indicator->text().startsWith(QStringLiteral("离线（自")), 5000);
    qInfo("the status bar says \"%s\" %lld ms after the back office was killed", qPrintable(indicator->text()),
        t.elapsed());
    // The previews arrive from their worker: on the screenshot too.
    auto *view = m_window->findChild<ui::DocumentView *>();
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->pdfPageCount() >= 1 && !view->receiptImage().isNull(), 10000);
    screenshot(QStringLiteral("provisional-receipt"));
    key(Qt::Key_F12);
    QVERIFY2(!m_workflow->hasCase(), qPrintable(intake()->message()));

    qInfo("provisional: worst event-loop lateness %lld ms (in %s); limit %d ms", m_watchdog->worst(),
        qPrintable(m_watchdog->worstWhere()), kStallLimitMs);
    QVERIFY2(m_watchdog->stalls().isEmpty(), qPrintable(m_watchdog->stalls().join(QStringLiteral("; "))));
    m_watchdog.reset();
}

void TestSyncDesk::backlogDrainsWithThePanelOpen()
{
    QVERIFY(!m_server->running()); // killed in the case before: the window worked offline since
    // The backlog: cases with scans made through the real IntakeWorkflow (not timed).
    store::BlobStore blobs(QFileInfo(m_store->path()).absolutePath());
    QRandomGenerator rng(19);
    QElapsedTimer made;
    made.start();
    const QList<synctest::MadeCase> cases =
        synctest::makeCases(*m_store, blobs, kBacklog, 1, 2, 20000, 60000, rng, Clock::system());
    qInfo("backlog: %d cases made in %lld ms", int(cases.size()), made.elapsed());
    m_sync->kick();
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->status().pendingCases >= kBacklog, 20000);

    // The panel open while the back office comes back and the backlog drains.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_watchdog = std::make_unique<Watchdog>();
    m_watchdog->start();
    m_watchdog->setWhere(QStringLiteral("opening the sync panel"));
    QTest::keyClick(m_window, Qt::Key_Y, Qt::ControlModifier | Qt::ShiftModifier);
    auto *panel = m_window->findChild<ui::SyncPanel *>(QStringLiteral("syncPanel"));
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 5000);
    auto *pendingList = panel->findChild<QListWidget *>(QStringLiteral("pendingList"));
    QVERIFY(pendingList);
    QTRY_VERIFY_WITH_TIMEOUT(pendingList->count() > 0, 5000);

    m_watchdog->setWhere(QStringLiteral("draining with the panel open"));
    GapProbe probe;
    m_server = std::make_unique<synctest::Server>();
    m_server->setNice(10); // a remote machine in the field: not the window's CPU
    QVERIFY(m_server->start(m_serverDir, m_port));
    QElapsedTimer drain;
    drain.start();
    m_sync->kick();
    bool shot = false;
    auto *stateLabel = panel->findChild<QLabel *>(QStringLiteral("stateLabel"));
    QVERIFY(stateLabel);
    const bool drained = QTest::qWaitFor(
        [&] {
            const sync::SyncStatus s = m_sync->status();
            if (!shot && s.state == State::Syncing && s.pendingCases > 0 && s.pendingCases < kBacklog * 2 / 3) {
                shot = true;
                screenshot(QStringLiteral("panel-mid-drain"), true);
                m_watchdog->setWhere(QStringLiteral("draining with the panel open"));
                qInfo("mid-drain: %s; %d cases listed", qPrintable(stateLabel->text()), pendingList->count());
            }
            return s.state == State::Online && s.pendingEntries == 0 && s.pendingBlobs == 0;
        },
        110000);
    const qint64 drainMs = drain.elapsed();
    QVERIFY2(drained,
        qPrintable(QStringLiteral("not drained: %1 cases left, %2")
                       .arg(m_sync->status().pendingCases)
                       .arg(m_sync->status().lastError)));
    QTRY_VERIFY_WITH_TIMEOUT(stateLabel->text().contains(QStringLiteral("在线")), 2000);
    int blobCount = 0;
    for (const synctest::MadeCase &c : cases)
        blobCount += int(c.blobs.size());
    qInfo("drain: %d cases with %d scans in %lld ms with the sync panel open; worst event-loop lateness %lld ms "
          "(in %s); limit %d ms",
        int(cases.size()), blobCount, drainMs, m_watchdog->worst(), qPrintable(m_watchdog->worstWhere()),
        kStallLimitMs);
    qInfo("drain: %s", qPrintable(probe.worst()));
    QVERIFY2(m_watchdog->stalls().isEmpty(), qPrintable(m_watchdog->stalls().join(QStringLiteral("; "))));
    m_watchdog.reset();

    // At the back office: every case, entry for entry (scans checked for a sample).
    const QByteArray token = synctest::signIn(m_port);
    QVERIFY(!token.isEmpty());
    QStringList problems = synctest::verifyAtBackOffice(m_port, token, *m_store, cases.mid(0, 20), true);
    problems += synctest::verifyAtBackOffice(m_port, token, *m_store, cases.mid(20), false);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(QLatin1Char('\n'))));
    panel->close();
}

OW_DEVICESIM_GUI_TEST_MAIN(TestSyncDesk)

#include "tst_syncdesk.moc"
