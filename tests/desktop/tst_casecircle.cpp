// The case circle at the window on a real X server with TWO screens (Xvfb, the clerk's 1366×768
// and the applicant's 评价器 1024×768), keyboard only for the clerk (issue 22): one case walked
// from the acceptance (card read, matter, checklist, F5, the receipt printed) through the sync,
// a department's supplement request (`onewindow-tool dept decide --supplement`), the 案件 list,
// the applicant's return (Ctrl+O and the receipt's QR as the scanner types it: the supplement
// taken in), the department's approval and result, to the hand-out (the collector's card on the
// reader, Ctrl+A, the slip printed and parsed back, its QR verified). After each service the
// applicant rates it on the second screen, by a click there, while the clerk's window goes on;
// the ratings reach the back office, which the clerk's session cannot read them from. The event
// loop never stalls over the limit. A real back office (admin seed-demo), the window's real sync
// engine, the real drivers on the simulated reader and printer. OW_SCREENSHOT_DIR saves the
// screens (zh_CN by default) and the slip's A4 PDF.
#include "DeskCards.h"
#include "IntakeTestContext.h"
#include "ReceiptCheck.h"
#include "SimulatedCounter.h"
#include "SyncFixture.h"
#include "Watchdog.h"

#include "onewindow/core/DemoAccounts.h"
#include "onewindow/devicesim/TestMain.h"
#include "onewindow/escpossim/ReceiptRenderer.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/Store.h"
#include "onewindow/sync/SyncJournal.h"
#include "onewindow/sync/SyncService.h"
#include "onewindow/testsupport/PdfTestPlugin.h"
#include "onewindow/ui/CaseListModel.h"
#include "onewindow/ui/CaseTimelineDialog.h"
#include "onewindow/ui/CasesPage.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/DocumentView.h"
#include "onewindow/ui/HandoutDialog.h"
#include "onewindow/ui/IntakePage.h"
#include "onewindow/ui/MainWindow.h"
#include "onewindow/ui/RatingDesk.h"
#include "onewindow/ui/RatingPrompt.h"
#include "onewindow/ui/SupplementDialog.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

#include <memory>

using namespace ow;
using ow::core::DemoAccounts;
using Step = intake::IntakeWorkflow::Step;
using desktoptest::kStallLimitMs;
using desktoptest::resident;
using desktoptest::Watchdog;
using devicesim::SimIdCard;

namespace {

constexpr int kWait = 30000;
const QString kSupervisor = QStringLiteral("hall-supervisor");
const QString kSupervisorPassword = QStringLiteral("a long supervisor password");

// A program run without blocking the event loop the watchdog measures (the department's tool,
// the back office's admin commands): its exit code (-1: did not finish) and output.
struct Ran
{
    int exitCode = -1;
    QString output;
};

Ran run(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return {-1, p.errorString()};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    const bool done = QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 60000);
    return {done && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

} // namespace

class TestCaseCircle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void oneCaseAroundTheCircle();
    void cleanupTestCase();

private:
    void key(Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier);
    void type(const QString &text);
    // Ctrl+O on the intake screen, and `text` typed into its box as the scanner types a QR.
    void continueWith(const QString &text);
    bool giveTheKeyboardBack(QWidget *to);
    // The applicant rates `service` on the second screen: `level` clicked, then 提交.
    void applicantRates(const QString &service, const char *level);
    QString dept(const QStringList &args); // onewindow-tool dept … as the item's department
    QJsonObject remote() { return sync::SyncJournal(*m_store).remote(m_caseId); }
    void screenshot(QWidget *w, const QString &name);
    ui::IntakePage *intake() const { return m_window->findChild<ui::IntakePage *>(); }

    testsupport::SimulatedCounter m_counter;
    testsupport::IntakeTestContext m_shared;
    QTemporaryDir m_dir;
    std::optional<store::Store> m_store;
    ui::CounterDevices m_devices;
    std::unique_ptr<desktoptest::CardSlot> m_slot;
    ui::ClientContext m_context;
    ui::RatingDesk m_ratings;
    QString m_keysDir;
    QString m_keyId;
    synctest::Server m_server;
    QString m_url;
    std::unique_ptr<sync::SyncService> m_sync;
    ui::MainWindow *m_window = nullptr;
    intake::IntakeWorkflow *m_workflow = nullptr;
    std::unique_ptr<Watchdog> m_watchdog;
    QString m_caseId;
    QString m_department;
    QString m_item;
};

void TestCaseCircle::initTestCase()
{
    testsupport::usePdfPluginFromBuild();
    QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"),
        "the desktop test runs on a real X server (xvfb-run), not offscreen");
    // Two X screens (xvfb-run -s "-screen 0 … -screen 1 …"): Qt sees the applicant's screen.
    QCOMPARE(QGuiApplication::screens().size(), 2);
    QVERIFY(ui::RatingPrompt::applicantScreen());
    QVERIFY(m_dir.isValid());
    const QString language =
        qEnvironmentVariableIsSet("OW_TEST_LANG") ? qEnvironmentVariable("OW_TEST_LANG") : QStringLiteral("zh_CN");
    QVERIFY(i18n::installTranslations(*qApp, language));
    qRegisterMetaType<idcard::IdCardData>();
    qRegisterMetaType<sync::SyncStatus>();
    const QString devices = m_counter.start(this, m_context, m_devices);
    QVERIFY2(devices.isEmpty(), qPrintable(devices));
    m_shared.fill(m_context, &Clock::system());

    // The demo back office (departments, their users, the rating key) and a supervisor of the
    // window, who alone reads its ratings.
    const QString serverDir = m_dir.filePath(QStringLiteral("backoffice"));
    const QString clientDir = m_dir.filePath(QStringLiteral("window"));
    m_keysDir = QDir(clientDir).filePath(QStringLiteral("keys"));
    Ran r = run(synctest::backOfficeBinary(),
        {QStringLiteral("admin"), QStringLiteral("seed-demo"), QStringLiteral("--data-dir"), serverDir,
            QStringLiteral("--window-key-dir"), m_keysDir});
    QVERIFY2(r.exitCode == 0, qPrintable(r.output));
    r = run(synctest::backOfficeBinary(),
        {QStringLiteral("admin"), QStringLiteral("add-user"), QStringLiteral("--data-dir"), serverDir,
            QStringLiteral("--name"), kSupervisor, QStringLiteral("--role"), QStringLiteral("supervisor"),
            QStringLiteral("--windows"), DemoAccounts::window()},
        kSupervisorPassword.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, qPrintable(r.output));
    m_server.setNice(10); // a remote machine in the field: not the window's CPU
    QVERIFY(m_server.start(serverDir));
    m_url = QStringLiteral("http://127.0.0.1:%1").arg(m_server.port());

    // The demo window: its key (seed-demo enrolled it) and the key ring the sync keeps.
    const QStringList window = DemoAccounts::window().split(QLatin1Char('-'));
    m_context.window.regionCode = window.at(0);
    m_context.window.windowCode = window.at(1);
    m_keyId = receipt::KeyRing::demoKeyId(DemoAccounts::window());
    auto key = receipt::WindowKey::loadOrCreate(m_keysDir, m_keyId);
    QVERIFY2(key, qPrintable(key.error()));
    m_context.key = key.value();
    auto ring = receipt::KeyRing::loadDirectory(m_keysDir, m_keyId);
    QVERIFY2(ring, qPrintable(ring.error()));
    m_context.keys = ring.value();

    auto opened = store::Store::open(clientDir);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_store.emplace(std::move(opened.value()));
    sync::SyncConfig config;
    config.baseUrl = QUrl(m_url);
    config.user = DemoAccounts::clerk();
    config.password = DemoAccounts::password();
    config.pollWaitSeconds = 2;
    config.refreshPaths = {QStringLiteral("/v1/keyring")}; // as app/client/main.cpp (with the rest)
    config.backoffBaseMs = 200;
    config.backoffMaxMs = 2000;
    m_sync = std::make_unique<sync::SyncService>(clientDir, config);
    // As app/client/main.cpp: the back office's key ring (with its rating key) from the sync.
    connect(m_sync.get(), &sync::SyncService::resourceUpdated, this, [this](const QString &path, const QByteArray &) {
        if (path != QLatin1String("/v1/keyring"))
            return;
        if (auto reloaded = receipt::KeyRing::loadDirectory(m_keysDir, m_keyId))
            m_context.keys = reloaded.value();
    });

    m_slot = std::make_unique<desktoptest::CardSlot>(&m_counter.reader);
    m_context.demoMode = true;
    m_context.store = &*m_store;
    m_context.devices = &m_devices;
    m_context.demoCards = m_slot.get();
    m_context.sync = m_sync.get();
    m_context.ratings = &m_ratings;
    m_context.renderReceipt = [](const QByteArray &b) {
        auto image = escpossim::ReceiptRenderer::renderStream(b, 384);
        return image ? image.value() : QImage();
    };
    // The client's own dialog (app/client/main.cpp): the test types into it.
    m_context.askText = [](const QString &title, const QString &label) -> std::optional<QString> {
        bool ok = false;
        const QString text =
            QInputDialog::getText(QApplication::activeWindow(), title, label, QLineEdit::Normal, QString(), &ok);
        return ok ? std::optional<QString>(text) : std::nullopt;
    };
    m_window = new ui::MainWindow(m_context);
    m_window->setGeometry(0, 0, 1366, 768);
    m_window->show();
    m_window->showSection(ui::MainWindow::Section::Intake);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QCOMPARE(m_window->screen(), QGuiApplication::primaryScreen());
    m_workflow = intake()->workflow();
    QVERIFY(m_workflow);
    m_sync->start();
    // The rating key arrives with the key ring.
    QTRY_VERIFY_WITH_TIMEOUT(!m_context.keys.ratingKey().isEmpty(), kWait);
}

void TestCaseCircle::cleanupTestCase()
{
    QThreadPool::globalInstance()->waitForDone(); // the screenshots
    delete m_window;
    m_sync.reset();
    m_counter.stop();
    m_server.kill();
}

void TestCaseCircle::key(Qt::Key k, Qt::KeyboardModifiers mods)
{
    if (m_watchdog)
        m_watchdog->setWhere(QKeySequence(int(mods) | k).toString());
    QWidget *target = QApplication::focusWidget();
    QTest::keyClick(target ? target : m_window, k, mods);
    QTest::qWait(5);
}

void TestCaseCircle::type(const QString &text)
{
    for (const QChar c : text) {
        QWidget *target = QApplication::focusWidget();
        QTest::keyClick(target ? target : m_window, c.toLatin1());
    }
    QTest::qWait(5);
}

bool TestCaseCircle::giveTheKeyboardBack(QWidget *to)
{
    // Xvfb has no window manager to hand the keyboard back when a dialog closes: the test does
    // what one would.
    if (!QTest::qWaitFor([to] { return QApplication::activeWindow() == to; }, 500))
        to->activateWindow();
    return QTest::qWaitFor([to] { return QApplication::activeWindow() == to; }, 5000);
}

void TestCaseCircle::continueWith(const QString &text)
{
    QTimer::singleShot(300, this, [this, text] {
        auto *box = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY2(box, "Ctrl+O did not ask for the case");
        type(text); // the scanner types what the QR holds
        key(Qt::Key_Return);
    });
    key(Qt::Key_O, Qt::ControlModifier);
}

void TestCaseCircle::applicantRates(const QString &service, const char *level)
{
    if (m_watchdog)
        m_watchdog->setWhere(QStringLiteral("rating %1").arg(service));
    ui::RatingPrompt *prompt = m_ratings.prompt();
    QVERIFY2(prompt, qPrintable(service));
    QTRY_VERIFY(prompt->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(prompt));
    // On the applicant's screen, full screen, not holding the clerk's window.
    QCOMPARE(prompt->screen(), ui::RatingPrompt::applicantScreen());
    QVERIFY(prompt->screen() != m_window->screen());
    QCOMPARE(prompt->windowHandle()->screen(), ui::RatingPrompt::applicantScreen());
    QTRY_VERIFY(prompt->windowState() & Qt::WindowFullScreen);
    QCOMPARE(prompt->windowModality(), Qt::NonModal);
    QVERIFY(QApplication::activeModalWidget() != prompt);
    screenshot(prompt, QStringLiteral("rating-%1").arg(service));
    QSignalSpy recorded(&m_ratings, &ui::RatingDesk::recorded);
    QTest::mouseClick(prompt->findChild<QPushButton *>(QLatin1String(level)), Qt::LeftButton);
    QTest::mouseClick(prompt->findChild<QPushButton *>(QStringLiteral("submitButton")), Qt::LeftButton);
    QTRY_COMPARE(recorded.size(), 1);
    QCOMPARE(recorded.first().at(0).toString(), m_caseId);
    QCOMPARE(recorded.first().at(1).toString(), service);
    QCOMPARE(recorded.first().at(2).toString(), QString());
    QTRY_VERIFY(!m_ratings.prompt());
}

QString TestCaseCircle::dept(const QStringList &args)
{
    const Ran r = run(QStringLiteral(OW_TOOL),
        QStringList {QStringLiteral("dept")} + args
            + QStringList {QStringLiteral("--server"), m_url, QStringLiteral("--user"),
                DemoAccounts::departmentUser(m_department), QStringLiteral("--password"), DemoAccounts::password()});
    return r.exitCode == 0 ? QString() : r.output;
}

void TestCaseCircle::screenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("OW_SCREENSHOT_DIR");
    if (dir.isEmpty() || !w)
        return;
    QDir().mkpath(dir);
    const QImage shot = w->grab().toImage();
    // Encoding the PNG takes a while: on a worker, not in the event loop the watchdog measures.
    QThreadPool::globalInstance()->start(
        [shot, path = QDir(dir).filePath(QStringLiteral("desktop-circle-%1.png").arg(name))] { shot.save(path); });
}

void TestCaseCircle::oneCaseAroundTheCircle()
{
    m_watchdog = std::make_unique<Watchdog>();
    m_watchdog->start();
    QSignalSpy printed(&m_devices, &ui::CounterDevices::printed);
    const SimIdCard card = resident(
        QStringLiteral("王小明"), QStringLiteral("33010619900307001"), QStringLiteral("1"), QStringLiteral("19900307"));

    // 1. Acceptance: the card, 社会保障卡申领 (sbk), every material, F5, the receipt.
    m_watchdog->setWhere(QStringLiteral("acceptance"));
    m_slot->next = card;
    key(Qt::Key_F11);
    QTRY_VERIFY_WITH_TIMEOUT(m_workflow->applicant() && m_workflow->applicant()->number == card.field(122), 15000);
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    key(Qt::Key_F3);
    QTRY_VERIFY(search->hasFocus());
    type(QStringLiteral("sbk"));
    key(Qt::Key_Return);
    QVERIFY(m_workflow->hasChecklist());
    QCOMPARE(m_workflow->checklist().title, QStringLiteral("社会保障卡申领"));
    m_counter.reader.removeCard(); // the applicant takes the card back
    key(Qt::Key_L, Qt::ControlModifier);
    auto *table = m_window->findChild<QTableWidget *>(QStringLiteral("materialTable"));
    QVERIFY(table && table->hasFocus());
    for (int row = table->currentRow(); row < m_workflow->checklist().materials.size(); ++row)
        key(Qt::Key_O);
    QCOMPARE(m_workflow->checklist().verdict, checklist::Verdict::Complete);
    m_counter.printer.clearPage();
    key(Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(m_workflow->step(), Step::Print, ui::IntakePage::kConfirmMs + 1000);
    QVERIFY(!m_workflow->document().provisional);
    QVERIFY(printed.wait(20000));
    QVERIFY(printed.first().at(0).toBool());
    m_caseId = m_workflow->caseId();
    const QString number = m_workflow->caseNumber();
    // The receipt's QR as the printer has it.
    QString receiptQr;
    for (const escpossim::EscPosItem &item : m_counter.printer.page().items) {
        if (item.kind == escpossim::EscPosItem::Kind::Qr)
            receiptQr = QString::fromUtf8(item.qrData);
    }
    QVERIFY2(m_context.keys.check(receiptQr), qPrintable(receiptQr));

    // The applicant rates the acceptance on their screen; the clerk's window goes on meanwhile:
    // F12 finishes the case while the rating screen is still up.
    m_watchdog->setWhere(QStringLiteral("the acceptance's rating screen shown"));
    QTRY_VERIFY(m_ratings.prompt());
    QVERIFY(QTest::qWaitForWindowExposed(m_ratings.prompt()));
    QCOMPARE(m_ratings.prompt()->windowModality(), Qt::NonModal);
    QVERIFY(QApplication::activeWindow() == m_window); // the keyboard stayed with the clerk
    key(Qt::Key_F12);
    QVERIFY2(!m_workflow->hasCase(), qPrintable(intake()->message()));
    applicantRates(QStringLiteral("acceptance"), "levelVerySatisfied");

    // 2. Synced and routed; the department asks for a supplement.
    m_watchdog->setWhere(QStringLiteral("routing"));
    QTRY_VERIFY_WITH_TIMEOUT(!remote().value(QLatin1String("routed")).toObject().isEmpty(), kWait);
    const QJsonObject routed = remote().value(QLatin1String("routed")).toObject();
    m_department = routed.keys().constFirst();
    m_item = routed.value(m_department).toArray().first().toString();
    m_watchdog->setWhere(QStringLiteral("the department asks"));
    QCOMPARE(dept({QStringLiteral("decide"), m_caseId, m_item, QStringLiteral("--supplement"),
                 QStringLiteral("近期免冠证件照")}),
        QString());

    // 3. It reaches the 案件 list (Ctrl+3).
    key(Qt::Key_3, Qt::ControlModifier);
    auto *cases = m_window->findChild<ui::CasesPage *>();
    QVERIFY(cases);
    QTRY_VERIFY(cases->isVisible());
    const auto departmentsOfTheCase = [cases, this] {
        for (int row = 0; row < cases->model()->rowCount(); ++row) {
            if (cases->model()->caseAt(row)->id == m_caseId)
                return cases->model()->index(row, ui::CaseListModel::Departments).data().toString();
        }
        return QString();
    };
    m_watchdog->setWhere(QStringLiteral("the 案件 list"));
    QTRY_VERIFY2_WITH_TIMEOUT(
        departmentsOfTheCase().contains(QStringLiteral("近期免冠证件照")), qPrintable(departmentsOfTheCase()), kWait);
    screenshot(m_window, QStringLiteral("cases"));

    // 4. The applicant is back: Ctrl+O on the intake screen (Ctrl+2), the receipt's QR scanned:
    //    the supplement opens; the material is taken in (Alt+T).
    key(Qt::Key_2, Qt::ControlModifier);
    QTRY_VERIFY(intake()->isVisible());
    m_watchdog->setWhere(QStringLiteral("the return with the supplement"));
    continueWith(receiptQr);
    ui::SupplementDialog *supplement = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (supplement = m_window->findChild<ui::SupplementDialog *>()) && supplement->isVisible(), 5000);
    QVERIFY(giveTheKeyboardBack(supplement));
    screenshot(supplement, QStringLiteral("supplement"));
    QSignalSpy takenIn(supplement, &ui::SupplementDialog::takenIn);
    key(Qt::Key_T, Qt::AltModifier);
    QTRY_VERIFY2(takenIn.size() == 1,
        qPrintable(supplement->findChild<QLabel *>(QStringLiteral("messageLabel"))->text() + QStringLiteral(" focus: ")
            + (QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString())));
    QVERIFY(!m_workflow->hasCase()); // nothing started on the intake screen
    applicantRates(QStringLiteral("supplement"), "levelSatisfied");
    auto *caseWindow = intake()->caseDialog();
    QVERIFY(caseWindow);
    screenshot(caseWindow, QStringLiteral("timeline-supplemented"));
    caseWindow->close();
    QVERIFY(giveTheKeyboardBack(m_window));

    // 5. Synced: the department sees it, approves, the result is ready; the window hears it.
    m_watchdog->setWhere(QStringLiteral("the department decides"));
    QTRY_VERIFY2_WITH_TIMEOUT(
        store::CaseLog(*m_store).pendingCount() == 0, qPrintable(m_sync->status().lastError), kWait);
    QCOMPARE(dept({QStringLiteral("decide"), m_caseId, m_item, QStringLiteral("--approve")}), QString());
    QCOMPARE(dept({QStringLiteral("decide"), m_caseId, m_item, QStringLiteral("--ready")}), QString());
    QTRY_VERIFY_WITH_TIMEOUT(remote().contains(QLatin1String("handoutAt")), kWait);

    // 6. The hand-out: Ctrl+O and the QR again, the applicant's card on the reader, Ctrl+A on
    //    the results, Alt+H: the slip printed.
    m_watchdog->setWhere(QStringLiteral("the hand-out"));
    continueWith(receiptQr);
    ui::HandoutDialog *handout = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((handout = m_window->findChild<ui::HandoutDialog *>()) && handout->isVisible(), 5000);
    QVERIFY(giveTheKeyboardBack(handout));
    m_counter.reader.putCard(card); // the collector's card, on the reader
    auto *collector = handout->findChild<QLabel *>(QStringLiteral("collectorLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(collector->text().contains(card.field(122).right(4)), 15000);
    QVERIFY(!m_workflow->hasCase()); // the card was the collector's, not a new applicant's
    auto *results = handout->findChild<QListWidget *>(QStringLiteral("itemsList"));
    QVERIFY(results && results->count() >= 1);
    results->setFocus();
    QTRY_VERIFY(results->hasFocus());
    key(Qt::Key_A, Qt::ControlModifier);
    for (int i = 0; i < results->count(); ++i)
        QCOMPARE(results->item(i)->checkState(), Qt::Checked);
    screenshot(handout, QStringLiteral("handout"));
    m_counter.printer.clearPage();
    printed.clear();
    key(Qt::Key_H, Qt::AltModifier);
    QVERIFY(printed.wait(20000));
    QVERIFY(printed.first().at(0).toBool());
    // The slip as the printer has it (the ESC/POS test parser's page): its QR, a native symbol or
    // drawn as a raster image (decoded from the page as printed), a hand-out slip of this case,
    // signed by the window.
    QString slipQr;
    const escpossim::EscPosPage page = m_counter.printer.page();
    for (const escpossim::EscPosItem &item : page.items) {
        if (item.kind == escpossim::EscPosItem::Kind::Qr)
            slipQr = QString::fromUtf8(item.qrData);
    }
    if (slipQr.isEmpty()) {
        const QList<QByteArray> codes = receiptcheck::decodeQrCodes(m_counter.printer.render());
        QCOMPARE(codes.size(), 1);
        slipQr = QString::fromUtf8(codes.first());
    }
    const auto verified = m_context.keys.check(slipQr);
    QVERIFY2(verified, qPrintable(slipQr + QLatin1Char(' ') + (verified ? QString() : verified.error())));
    QCOMPARE(verified->payload.caseId, m_caseId);
    QCOMPARE(verified->payload.caseNumber, number);
    QVERIFY2(slipQr.contains(QLatin1String(";k=H;")), qPrintable(slipQr));
    QVERIFY2(page.text().contains(number.left(16)), qPrintable(page.text()));
    QVERIFY(handout->slipView());
    QTRY_VERIFY(handout->slipView()->isVisible());
    m_watchdog->setWhere(QStringLiteral("the slip's previews"));
    QTRY_VERIFY_WITH_TIMEOUT(
        handout->slipView()->pdfPageCount() >= 1 && !handout->slipView()->receiptImage().isNull(), 10000);
    screenshot(handout->slipView()->window(), QStringLiteral("slip-window"));
    if (const QString dir = qEnvironmentVariable("OW_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QFile pdf(QDir(dir).filePath(QStringLiteral("desktop-circle-slip.pdf")));
        QVERIFY(pdf.open(QIODevice::WriteOnly));
        pdf.write(handout->slipView()->pdf());
        screenshot(caseWindow, QStringLiteral("timeline-handed-out"));
    }

    // 7. The hand-out rated on the applicant's screen; everything synced.
    applicantRates(QStringLiteral("handout"), "levelSatisfied");
    m_watchdog->setWhere(QStringLiteral("the ratings synced"));
    m_sync->kick();
    QTRY_VERIFY_WITH_TIMEOUT(store::CaseLog(*m_store).pendingCount() == 0, kWait);
    QVERIFY(m_sync->status().conflicts.isEmpty());
    qInfo("case circle: worst event-loop lateness %lld ms (in %s); limit %d ms", m_watchdog->worst(),
        qPrintable(m_watchdog->worstWhere()), kStallLimitMs);
    QVERIFY2(m_watchdog->stalls().isEmpty(), qPrintable(m_watchdog->stalls().join(QStringLiteral("; "))));
    m_watchdog.reset();

    // At the back office: three ratings of the case (acceptance, supplement, hand-out), read by the
    // window's supervisor; the clerk's session is refused.
    const auto tokenOf = [this](const QString &user, const QString &password) {
        const QJsonObject body {{QStringLiteral("name"), user}, {QStringLiteral("password"), password}};
        const auto session = synctest::http(m_server.port(), "POST", QStringLiteral("/v1/sessions"),
            QJsonDocument(body).toJson(QJsonDocument::Compact), {{"Content-Type", "application/json"}});
        return QJsonDocument::fromJson(session.body).object().value(QLatin1String("token")).toString().toLatin1();
    };
    const QByteArray clerk = tokenOf(DemoAccounts::clerk(), DemoAccounts::password());
    QVERIFY(!clerk.isEmpty());
    QCOMPARE(synctest::http(
                 m_server.port(), "GET", QStringLiteral("/v1/ratings"), {}, {{"Authorization", "Bearer " + clerk}})
                 .status,
        403);
    const QByteArray supervisor = tokenOf(kSupervisor, kSupervisorPassword);
    QVERIFY(!supervisor.isEmpty());
    const auto listed = synctest::http(
        m_server.port(), "GET", QStringLiteral("/v1/ratings"), {}, {{"Authorization", "Bearer " + supervisor}});
    QCOMPARE(listed.status, 200);
    QMap<QString, QString> levels; // service → level
    for (const QJsonValue &v :
        QJsonDocument::fromJson(listed.body).object().value(QLatin1String("ratings")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("case")).toString() == m_caseId)
            levels.insert(o.value(QLatin1String("service")).toString(), o.value(QLatin1String("level")).toString());
    }
    QCOMPARE(levels.value(QStringLiteral("acceptance")), QStringLiteral("verySatisfied"));
    QCOMPARE(levels.value(QStringLiteral("supplement")), QStringLiteral("satisfied"));
    QCOMPARE(levels.value(QStringLiteral("handout")), QStringLiteral("satisfied"));
    QCOMPARE(levels.size(), 3);
}

OW_DEVICESIM_GUI_TEST_MAIN(TestCaseCircle)

#include "tst_casecircle.moc"
