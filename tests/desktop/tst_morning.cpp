// A morning at the window on a real X server (Xvfb, 1366×768), keyboard only: the real main
// window, the real drivers on the simulated reader and printer (libusb under umockdev), and
// at least fifteen applicants — complete, one-time notice, 容缺, refusal, agent, expired card,
// a return visit. An event-loop watchdog (a 10 ms timer that records how late it fires) fails the
// run on any stall over 250 ms. Every case prints the keys it took, card to printed receipt.
// OW_TEST_LANG=zh_CN and OW_SCREENSHOT_DIR (./ow screenshots) save the screens of the morning.
#include "DeskCards.h"
#include "IntakeTestContext.h"
#include "SimulatedCounter.h"
#include "Watchdog.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/catalog/CatalogSearch.h"
#include "onewindow/catalog/PinyinTable.h"
#include "onewindow/devicesim/EscPosPrinterSim.h"
#include "onewindow/devicesim/IdCardReaderSim.h"
#include "onewindow/devicesim/TestMain.h"
#include "onewindow/devicesim/UsbTestbed.h"
#include "onewindow/escpossim/ReceiptRenderer.h"
#include "onewindow/i18n/DocumentLanguage.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/printer/ReceiptPrinter.h"
#include "onewindow/store/Store.h"
#include "onewindow/testsupport/PdfTestPlugin.h"
#include "onewindow/ui/ChecklistPanel.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/DemoCardSlot.h"
#include "onewindow/ui/DocumentView.h"
#include "onewindow/ui/IntakePage.h"
#include "onewindow/ui/MainWindow.h"
#include "onewindow/usb/DeviceManager.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace ow;
using Step = intake::IntakeWorkflow::Step;
using desktoptest::kStallLimitMs;
using desktoptest::resident;
using desktoptest::Watchdog;
using devicesim::SimIdCard;

namespace { } // namespace

class TestMorning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void morning();
    void cleanupTestCase();

private:
    // Keys as a keyboard sends them: to the widget that has the focus.
    void key(Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier);
    void type(const QString &text);
    void typeChinese(const QString &text);
    void settle();
    void beginCase(const QString &what);
    bool placeCard(const SimIdCard &card, const QString &expectNumber, bool asAgent = false);
    bool chooseMatter(const QString &query, const QString &expectTitle);
    bool answer(const QString &question, const QString &value);
    bool markAll(const QStringList &skip = {});
    bool openRestaurant(const SimIdCard &card);
    bool decideAndPrint(Qt::Key decision, Step expect = Step::Print);
    bool finish();
    void screenshot(const QString &name);
    QStringList materialIds() const;
    // The applicant's identity document as the documents name it: in the window's document language.
    QString documentName() const;
    // The client's yes/no box (app/client): the next one that opens is answered by a key, Y or
    // Enter (its default, No); the window gets the keyboard back after it.
    void answerNextConfirmation(bool yes);
    bool windowHasKeyboard();
    bool newCaseAfterTypedApplicant();

    ui::MainWindow *m_window = nullptr;
    intake::IntakeWorkflow *m_workflow = nullptr;
    testsupport::SimulatedCounter m_counter;
    testsupport::IntakeTestContext m_shared;
    FixedClock m_clock {QDateTime(QDate(2026, 11, 27), QTime(9, 0))};
    QTemporaryDir m_dir;
    std::optional<store::Store> m_store;
    ui::CounterDevices m_devices;
    std::unique_ptr<desktoptest::CardSlot> m_slot;
    ui::ClientContext m_context;
    Watchdog m_watchdog;
    QString m_case;
    int m_keys = 0;
    QStringList m_report;
    QStringList m_confirmations; // the questions the client asked
};

void TestMorning::initTestCase()
{
    testsupport::usePdfPluginFromBuild();
    QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"),
        "the desktop test runs on a real X server (xvfb-run), not offscreen");
    const QString language =
        qEnvironmentVariableIsSet("OW_TEST_LANG") ? qEnvironmentVariable("OW_TEST_LANG") : QStringLiteral("en");
    QVERIFY(i18n::installTranslations(*qApp, language));
    qRegisterMetaType<idcard::IdCardData>();
    const QString devices = m_counter.start(this, m_context, m_devices);
    QVERIFY2(devices.isEmpty(), qPrintable(devices));
    m_shared.fill(m_context, &m_clock);
    auto opened = store::Store::open(m_dir.path());
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_store.emplace(std::move(opened.value()));
    m_slot = std::make_unique<desktoptest::CardSlot>(&m_counter.reader);
    m_context.demoMode = true;
    m_context.store = &*m_store;
    m_context.devices = &m_devices;
    m_context.demoCards = m_slot.get();
    m_context.renderReceipt = [](const QByteArray &b) {
        auto image = escpossim::ReceiptRenderer::renderStream(b, 384);
        return image ? image.value() : QImage();
    };
    // The client's own dialog (app/client/main.cpp): the test types into it.
    m_context.askText = [](const QString &title, const QString &label) -> std::optional<QString> {
        bool ok = false;
        // Over the window that asks, so that it comes back to it when closed.
        const QString text =
            QInputDialog::getText(QApplication::activeWindow(), title, label, QLineEdit::Normal, QString(), &ok);
        return ok ? std::optional<QString>(text) : std::nullopt;
    };
    // The client's yes/no box (app/client/main.cpp), the question kept for the checks.
    m_context.confirm = [this](const QString &title, const QString &text) {
        m_confirmations << text;
        return QMessageBox::question(
                   QApplication::activeWindow(), title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    };
}

void TestMorning::answerNextConfirmation(bool yes)
{
    auto *poll = new QTimer(this);
    poll->setInterval(20);
    connect(poll, &QTimer::timeout, this, [this, poll, yes] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible())
            return;
        poll->stop();
        poll->deleteLater();
        ++m_keys;
        QTest::keyClick(box, yes ? Qt::Key_Y : Qt::Key_Return);
    });
    poll->start();
}

bool TestMorning::windowHasKeyboard()
{
    // Xvfb has no window manager to hand the keyboard back after a dialog: do what one would.
    if (!QTest::qWaitFor([this] { return QApplication::activeWindow() == m_window; }, 300))
        m_window->activateWindow();
    [&] { QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget *>(m_window)); }();
    return QApplication::activeWindow() == m_window;
}

bool TestMorning::newCaseAfterTypedApplicant()
{
    // Issue 19: Ctrl+N kept the typed number and name, and the next number went out with the
    // previous person's name. Now Ctrl+N asks before it leaves a case with content, and the
    // next case starts empty.
    beginCase(QStringLiteral("Ctrl+N after a typed applicant"));
    key(Qt::Key_F2);
    auto *number = m_window->findChild<QLineEdit *>(QStringLiteral("numberEdit"));
    auto *name = m_window->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    type(SimIdCard::withCheckCharacter(QStringLiteral("33010619870707019")));
    key(Qt::Key_Return);
    typeChinese(QStringLiteral("卫青"));
    key(Qt::Key_Return);
    [&] { QVERIFY(m_workflow->applicant()); }();
    const QString left = m_workflow->caseNumber();
    key(Qt::Key_F2); // a second number typed, not taken yet
    type(SimIdCard::withCheckCharacter(QStringLiteral("33010619880808020")));
    key(Qt::Key_Return);
    typeChinese(QStringLiteral("霍去病"));
    const int asked = int(m_confirmations.size());
    answerNextConfirmation(true);
    key(Qt::Key_N, Qt::ControlModifier);
    [&] {
        QCOMPARE(m_confirmations.size(), asked + 1);
        QVERIFY2(m_confirmations.last().contains(left), qPrintable(m_confirmations.last()));
        QVERIFY(m_workflow->hasCase() && m_workflow->caseNumber() != left);
        QVERIFY(!m_workflow->applicant());
        QCOMPARE(number->text(), QString());
        QCOMPARE(name->text(), QString());
    }();
    screenshot(QStringLiteral("new-case-clean"));
    return windowHasKeyboard() && !m_workflow->applicant() && number->text().isEmpty() && name->text().isEmpty();
}

void TestMorning::cleanupTestCase()
{
    delete m_window;
    m_counter.stop();
}

void TestMorning::key(Qt::Key k, Qt::KeyboardModifiers mods)
{
    ++m_keys;
    m_watchdog.setWhere(QStringLiteral("%1, key %2").arg(m_case, QKeySequence(int(mods) | k).toString()));
    QWidget *target = QApplication::focusWidget();
    QTest::keyClick(target ? target : m_window, k, mods);
    settle();
}

void TestMorning::settle()
{
    // A clerk's next key comes after the screen has caught up (widgets shown, focus moved).
    QTest::qWait(5);
}

void TestMorning::type(const QString &text)
{
    for (const QChar c : text) {
        ++m_keys;
        QWidget *target = QApplication::focusWidget();
        QTest::keyClick(target ? target : m_window, c.toLatin1());
    }
    settle();
}

void TestMorning::typeChinese(const QString &text)
{
    // Chinese comes through the input method; a key per character is counted.
    m_keys += int(text.size());
    QInputMethodEvent typed;
    typed.setCommitString(text);
    QApplication::sendEvent(QApplication::focusWidget(), &typed);
    settle();
}

void TestMorning::beginCase(const QString &what)
{
    m_case = what;
    m_keys = 0;
    m_watchdog.setWhere(what);
}

bool TestMorning::placeCard(const SimIdCard &card, const QString &expectNumber, bool asAgent)
{
    m_slot->next = card;
    key(Qt::Key_F11);
    auto has = [&] {
        const auto &p = asAgent ? m_workflow->agent() : m_workflow->applicant();
        return p && p->number == expectNumber;
    };
    [&] {
        QTRY_VERIFY2_WITH_TIMEOUT(has(),
            qPrintable(m_case + QStringLiteral(": the card was not taken; the screen says: ")
                + m_window->findChild<ui::IntakePage *>()->message() + QStringLiteral(" / ")
                + m_window->findChild<QLabel *>(QStringLiteral("errorLabel"))->text()),
            15000);
    }();
    return has();
}

bool TestMorning::chooseMatter(const QString &query, const QString &expectTitle)
{
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    if (!search->hasFocus())
        key(Qt::Key_F3);
    [&] { QTRY_VERIFY(search->hasFocus()); }();
    if (!search->hasFocus())
        return false;
    type(query);
    key(Qt::Key_Return);
    [&] { QVERIFY2(m_workflow->hasChecklist(), qPrintable(query)); }();
    if (!m_workflow->hasChecklist())
        return false;
    [&] { QCOMPARE(m_workflow->checklist().title, expectTitle); }();
    return m_workflow->checklist().title == expectTitle;
}

bool TestMorning::answer(const QString &question, const QString &value)
{
    QWidget *editor = m_window->findChild<QWidget *>(QStringLiteral("answer_") + question);
    [&] { QVERIFY2(editor, qPrintable(question)); }();
    if (!editor)
        return false;
    if (!editor->hasFocus())
        key(Qt::Key_F4);
    [&] { QVERIFY2(editor->hasFocus(), qPrintable(question + QStringLiteral(" is not the first unanswered"))); }();
    if (!editor->hasFocus())
        return false;
    // F4 brings the question into view: the clerk never types blind.
    auto *leftScroll = m_window->findChild<QScrollArea *>(QStringLiteral("leftScroll"));
    const QRect inView(editor->mapTo(leftScroll->viewport(), QPoint(0, 0)), editor->size());
    [&] {
        QVERIFY2(
            leftScroll->viewport()->rect().contains(inView), qPrintable(question + QStringLiteral(" is out of view")));
    }();
    if (auto *box = qobject_cast<QComboBox *>(editor)) {
        const int index = box->findData(value);
        while (box->currentIndex() < index)
            key(Qt::Key_Down);
    } else {
        type(value);
        key(Qt::Key_Return);
    }
    const bool ok = m_workflow->effectiveAnswers().value(question).toString() == value
        || m_workflow->effectiveAnswers().value(question).toDouble() == value.toDouble();
    [&] { QVERIFY2(ok, qPrintable(question)); }();
    return ok;
}

QStringList TestMorning::materialIds() const
{
    QStringList ids;
    for (const checklist::MaterialLine &l : m_workflow->checklist().materials)
        ids << l.id;
    return ids;
}

bool TestMorning::openRestaurant(const SimIdCard &card)
{
    // 开餐馆 for an individual business of 80 m², no renovation, no fumes, no signboard.
    if (!placeCard(card, card.field(122)) || !chooseMatter(QStringLiteral("kcg"), QStringLiteral("开餐馆")))
        return false;
    const QList<QPair<QString, QString>> answers = {{QStringLiteral("entity"), QStringLiteral("individual")},
        {QStringLiteral("area"), QStringLiteral("80")}, {QStringLiteral("renovation"), QStringLiteral("no")},
        {QStringLiteral("fumes"), QStringLiteral("no")}, {QStringLiteral("signboard"), QStringLiteral("no")}};
    for (const auto &a : answers) {
        if (!answer(a.first, a.second))
            return false;
    }
    return true;
}

bool TestMorning::markAll(const QStringList &skip)
{
    key(Qt::Key_L, Qt::ControlModifier);
    auto *table = m_window->findChild<QTableWidget *>(QStringLiteral("materialTable"));
    [&] { QVERIFY2(table->hasFocus(), "Ctrl+L gives the materials table the focus"); }();
    if (!table->hasFocus())
        return false;
    const QStringList ids = materialIds();
    for (int row = table->currentRow(); row < ids.size(); ++row) {
        if (skip.contains(ids.at(row)))
            key(Qt::Key_Down);
        else
            key(Qt::Key_O);
    }
    return true;
}

bool TestMorning::decideAndPrint(Qt::Key decision, Step expect)
{
    QSignalSpy printed(&m_devices, &ui::CounterDevices::printed);
    key(decision);
    [&] { QCOMPARE(m_workflow->step(), expect); }();
    if (m_workflow->step() != Step::Print)
        return false;
    [&] {
        QVERIFY2(printed.count() > 0 || printed.wait(20000),
            qPrintable(QStringLiteral("the receipt printer did not answer; the screen says: ")
                + m_window->findChild<ui::IntakePage *>()->message() + QStringLiteral(" / ")
                + m_window->findChild<QLabel *>(QStringLiteral("printerStatusLabel"))->text()));
    }();
    if (printed.isEmpty())
        return false;
    const bool ok = printed.first().at(0).toBool();
    [&] { QVERIFY2(ok, qPrintable(printed.first().at(1).toString())); }();
    // The A4 preview is rendered on a worker; it arrives while the slip prints.
    auto *view = m_window->findChild<ui::DocumentView *>();
    [&] {
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->pdfPageCount() >= 1 && !view->receiptImage().isNull(), 10000);
    }();
    return ok && view && view->pdfPageCount() >= 1;
}

bool TestMorning::finish()
{
    const int keysToReceipt = m_keys;
    key(Qt::Key_F12);
    const bool done = !m_workflow->hasCase();
    [&] { QVERIFY2(done, "F12 finishes the case"); }();
    // The next applicant starts from a clean screen: no search left over.
    [&] { QCOMPARE(m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit"))->text(), QString()); }();
    const QString line = QStringLiteral("%1: %2 keys card → printed receipt").arg(m_case).arg(keysToReceipt);
    m_report << line;
    qInfo("%s", qPrintable(line));
    return done;
}

QString TestMorning::documentName() const
{
    const i18n::DocumentLanguage inIt(i18n::DocumentLanguage::normalised(m_workflow->config().documentLanguage));
    return m_workflow->applicant()->documentName();
}

void TestMorning::screenshot(const QString &name)
{
    const QString dir = qEnvironmentVariable("OW_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    m_window->grab().save(QDir(dir).filePath(QStringLiteral("desktop-%1.png").arg(name)));
}

void TestMorning::morning()
{
    m_window = new ui::MainWindow(m_context);
    m_window->setGeometry(0, 0, 1366, 768);
    m_window->show();
    m_window->showSection(ui::MainWindow::Section::Intake);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_workflow = m_window->findChild<ui::IntakePage *>()->workflow();
    QVERIFY(m_workflow);
    m_watchdog.start();
    // F12 with no case open does nothing and says nothing.
    const QString before = m_window->findChild<ui::IntakePage *>()->message();
    QTest::keyClick(m_window, Qt::Key_F12);
    QCOMPARE(m_window->findChild<ui::IntakePage *>()->message(), before);
    auto *leftScroll = m_window->findChild<QScrollArea *>(QStringLiteral("leftScroll"));
    QVERIFY(leftScroll);
    int leftOverflow = -1;

    struct Person
    {
        QString name;
        QString first17;
        QString gender;
        QString born;
    };
    // Standard bundles, one after the other (社会保障卡申领: three materials, no questions).
    const QList<Person> walkIns = {
        {QStringLiteral("王小明"), QStringLiteral("33010619900307001"), QStringLiteral("1"),
            QStringLiteral("19900307")},
        {QStringLiteral("欧阳娜娜"), QStringLiteral("33010619950412002"), QStringLiteral("2"),
            QStringLiteral("19950412")},
        {QStringLiteral("司马相如"), QStringLiteral("33010619880101003"), QStringLiteral("1"),
            QStringLiteral("19880101")},
        {QStringLiteral("张伟"), QStringLiteral("33010620010715004"), QStringLiteral("2"), QStringLiteral("20010715")},
        {QStringLiteral("李娜"), QStringLiteral("33010619770220024"), QStringLiteral("2"), QStringLiteral("19770220")},
        {QStringLiteral("赵一鸣"), QStringLiteral("33010619661111035"), QStringLiteral("1"),
            QStringLiteral("19661111")},
        {QStringLiteral("钱多多"), QStringLiteral("33010619991230046"), QStringLiteral("2"),
            QStringLiteral("19991230")},
        {QStringLiteral("孙立人"), QStringLiteral("33010619800808057"), QStringLiteral("1"),
            QStringLiteral("19800808")},
    };
    int n = 0;
    for (const Person &p : walkIns) {
        const SimIdCard card = resident(p.name, p.first17, p.gender, p.born);
        beginCase(QStringLiteral("%1 standard %2").arg(++n, 2).arg(p.name));
        QVERIFY(placeCard(card, card.field(122)));
        QVERIFY(chooseMatter(QStringLiteral("sbk"), QStringLiteral("社会保障卡申领")));
        QVERIFY(markAll());
        QCOMPARE(m_workflow->checklist().verdict, checklist::Verdict::Complete);
        if (n == 1) {
            // A standard case fits the screen: the left column needs no scrolling (checked at
            // the end, so that one run shows everything that is wrong).
            leftOverflow = leftScroll->verticalScrollBar()->maximum();
            screenshot(QStringLiteral("standard"));
        }
        QVERIFY(decideAndPrint(Qt::Key_F5));
        if (n == 1)
            screenshot(QStringLiteral("acceptance"));
        QVERIFY(finish());
    }

    // A one-time notice: 开餐馆 with the lease and the fire papers still at home.
    const SimIdCard restaurateur = resident(
        QStringLiteral("周大福"), QStringLiteral("33010619850505011"), QStringLiteral("1"), QStringLiteral("19850505"));
    beginCase(QStringLiteral("%1 notice").arg(++n, 2));
    QVERIFY(openRestaurant(restaurateur));
    QStringList missing;
    for (const checklist::MaterialLine &l : m_workflow->checklist().materials) {
        if (!l.tolerable && missing.size() < 2)
            missing << l.id;
    }
    QVERIFY(markAll(missing));
    QCOMPARE(m_workflow->checklist().verdict, checklist::Verdict::Incomplete);
    QCOMPARE(m_workflow->checklist().missing, missing);
    QVERIFY(decideAndPrint(Qt::Key_F7));
    const QString noticeNumber = m_workflow->caseNumber();
    screenshot(QStringLiteral("notice"));
    QVERIFY(finish());

    // 容缺: everything but the tolerable materials.
    const SimIdCard grocer = resident(
        QStringLiteral("吴晓燕"), QStringLiteral("33010619900606012"), QStringLiteral("2"), QStringLiteral("19900606"));
    beginCase(QStringLiteral("%1 tolerated").arg(++n, 2));
    QVERIFY(openRestaurant(grocer));
    QStringList tolerable;
    for (const checklist::MaterialLine &l : m_workflow->checklist().materials) {
        if (l.tolerable)
            tolerable << l.id;
    }
    QVERIFY(!tolerable.isEmpty());
    QVERIFY(markAll(tolerable));
    QVERIFY2(m_workflow->checklist().verdict == checklist::Verdict::Tolerated,
        qPrintable(m_workflow->checklist().missing.join(QLatin1Char(' ')) + QStringLiteral(" / ")
            + tolerable.join(QLatin1Char(' '))));
    QVERIFY(decideAndPrint(Qt::Key_F6));
    screenshot(QStringLiteral("tolerated"));
    QVERIFY(finish());

    // A refusal the card decides: a woman of 45 asks to retire.
    const SimIdCard tooYoung = resident(
        QStringLiteral("郑秀英"), QStringLiteral("33010619810601122"), QStringLiteral("2"), QStringLiteral("19810601"));
    beginCase(QStringLiteral("%1 refusal").arg(++n, 2));
    QVERIFY(placeCard(tooYoung, tooYoung.field(122)));
    QVERIFY(chooseMatter(QStringLiteral("tx"), QStringLiteral("退休")));
    QVERIFY(m_workflow->answersFromParty().contains(QStringLiteral("age")));
    // Her statutory age depends on her post (2025 reform): a worker, 50 raised to 53 years 3 months.
    QVERIFY(answer(QStringLiteral("retirement_category"), QStringLiteral("female-worker")));
    QVERIFY(answer(QStringLiteral("contribution_years"), QStringLiteral("20")));
    QVERIFY(answer(QStringLiteral("has_fund"), QStringLiteral("no")));
    QCOMPARE(m_workflow->checklist().verdict, checklist::Verdict::NotAcceptable);
    // F8 asks first, showing the reason: the failing fact, not the rule recited.
    answerNextConfirmation(true);
    QVERIFY(decideAndPrint(Qt::Key_F8));
    QVERIFY(!m_confirmations.isEmpty());
    const QString reason = m_workflow->document().refusalReason;
    for (const QString &said : {m_confirmations.last(), reason}) {
        QVERIFY2(said.contains(QCoreApplication::translate(
                     "ow::intake::IntakeWorkflow", "the applicant is %1, short of the statutory retirement age (%2)")
                                   .arg(QCoreApplication::translate("ow::intake::IntakeWorkflow", "%1 years").arg(45),
                                       QCoreApplication::translate("ow::intake::IntakeWorkflow", "%1 years %2 months")
                                           .arg(53)
                                           .arg(3))),
            qPrintable(said));
    }
    screenshot(QStringLiteral("refusal"));
    QVERIFY(windowHasKeyboard());
    QVERIFY(finish());

    QVERIFY(newCaseAfterTypedApplicant());

    // An agent: 代办 ticked, the principal typed, then the agent's card on the reader.
    const SimIdCard agentCard = resident(
        QStringLiteral("冯志强"), QStringLiteral("33010619750303013"), QStringLiteral("1"), QStringLiteral("19750303"));
    const QString principal = SimIdCard::withCheckCharacter(QStringLiteral("33010619520909014"));
    beginCase(QStringLiteral("%1 agent").arg(++n, 2));
    key(Qt::Key_F2);
    key(Qt::Key_G, Qt::AltModifier);
    // The tick takes effect a moment later (a button's mnemonic animates the click).
    QTRY_VERIFY(m_window->findChild<QLineEdit *>(QStringLiteral("numberEdit"))->hasFocus());
    type(principal);
    key(Qt::Key_Return);
    typeChinese(QStringLiteral("陈老伯"));
    key(Qt::Key_Return);
    QVERIFY(placeCard(agentCard, agentCard.field(122), true));
    QCOMPARE(m_workflow->applicant()->number, principal);
    QVERIFY(chooseMatter(QStringLiteral("sbk"), QStringLiteral("社会保障卡申领")));
    QVERIFY(materialIds().contains(intake::IntakeWorkflow::authorisationLetterId()));
    QVERIFY(markAll());
    QCOMPARE(m_workflow->checklist().verdict, checklist::Verdict::Complete);
    QVERIFY(decideAndPrint(Qt::Key_F5));
    QVERIFY(finish());

    // Two principals: a second-hand home, the buyer's card, then the seller's (Ctrl+Shift+A).
    const SimIdCard buyer = resident(
        QStringLiteral("何家欣"), QStringLiteral("33010619920202028"), QStringLiteral("2"), QStringLiteral("19920202"));
    const SimIdCard seller = resident(
        QStringLiteral("罗建军"), QStringLiteral("33010619600606039"), QStringLiteral("1"), QStringLiteral("19600606"));
    beginCase(QStringLiteral("%1 two principals").arg(++n, 2));
    QVERIFY(placeCard(buyer, buyer.field(122)));
    key(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    m_slot->next = seller;
    key(Qt::Key_F11);
    QTRY_COMPARE_WITH_TIMEOUT(m_workflow->parties().size(), 2, 15000);
    QCOMPARE(m_workflow->parties().at(1).applicant.number, seller.field(122));
    QVERIFY(chooseMatter(QStringLiteral("esfmm"), QStringLiteral("二手房买卖")));
    QVERIFY(answer(QStringLiteral("mortgage"), QStringLiteral("no")));
    QVERIFY(answer(QStringLiteral("only_home_5y"), QStringLiteral("no")));
    QVERIFY(answer(QStringLiteral("buyer_married"), QStringLiteral("no")));
    QVERIFY(materialIds().contains(intake::IntakeWorkflow::perPartyMaterialId(QStringLiteral("id-card"), 1)));
    QVERIFY(markAll());
    QCOMPARE(m_workflow->checklist().verdict, checklist::Verdict::Complete);
    screenshot(QStringLiteral("two-principals"));
    QVERIFY(decideAndPrint(Qt::Key_F5));
    QVERIFY(finish());

    // An expired card: everything is there, but no acceptance; a notice is possible.
    beginCase(QStringLiteral("%1 expired card").arg(++n, 2));
    const SimIdCard expired = SimIdCard::demo(SimIdCard::Demo::ResidentExpired);
    QVERIFY(placeCard(expired, expired.field(122)));
    QVERIFY(chooseMatter(QStringLiteral("sbk"), QStringLiteral("社会保障卡申领")));
    QVERIFY(markAll());
    QVERIFY(!m_workflow->acceptanceBlockers().isEmpty());
    auto *checklistPanel = m_window->findChild<ui::ChecklistPanel *>();
    QVERIFY2(
        !checklistPanel->verdictBarText().contains(QStringLiteral("F5")), qPrintable(checklistPanel->verdictBarText()));
    screenshot(QStringLiteral("expired-card"));
    key(Qt::Key_F5);
    QVERIFY(m_workflow->step() < Step::Print);
    QVERIFY(decideAndPrint(Qt::Key_F7));
    // The notice names the card itself as missing, with its expiry; nothing says it was verified.
    {
        const QString card = documentName(); // as the window's document language names it
        const receipt::ReceiptDocument &notice = m_workflow->document();
        QVERIFY2(!notice.missing.isEmpty() && notice.missing.first().material.startsWith(card)
                && notice.missing.first().material.contains(QStringLiteral("2024-01-01")),
            qPrintable(notice.missing.isEmpty() ? QStringLiteral("nothing missing") : notice.missing.first().material));
        for (const receipt::ReceivedLine &r : notice.received)
            QVERIFY2(!r.material.startsWith(card), qPrintable(r.material));
        screenshot(QStringLiteral("expired-card-notice"));
    }
    QVERIFY(finish());

    // A foreign permanent resident ('I') and a Hong Kong resident ('J'): the documents name their
    // cards, never the resident ID card.
    for (const auto which : {SimIdCard::Demo::ForeignPermanent, SimIdCard::Demo::HkMacaoTaiwan}) {
        const SimIdCard card = SimIdCard::demo(which);
        beginCase(QStringLiteral("%1 %2 card").arg(++n, 2).arg(SimIdCard::typeName(card.type)));
        QVERIFY(placeCard(card, card.field(122)));
        QVERIFY(chooseMatter(QStringLiteral("sybxj"), QStringLiteral("失业保险金申领"))); // asks for the card
        QVERIFY(markAll());
        QCOMPARE(m_workflow->checklist().verdict, checklist::Verdict::Complete);
        QVERIFY(decideAndPrint(Qt::Key_F5));
        const QString name = documentName();
        // Named as the card says, in the window's document language (zh_CN), whatever the UI speaks.
        const QString expected = which == SimIdCard::Demo::ForeignPermanent ? QStringLiteral("外国人永久居留身份证")
                                                                            : QStringLiteral("港澳台居民居住证");
        QCOMPARE(name, expected);
        const receipt::ReceiptDocument &doc = m_workflow->document();
        QVERIFY2(doc.applicantDocument.startsWith(name), qPrintable(doc.applicantDocument));
        QVERIFY2(doc.applicantDocument.contains(card.field(204).left(4)), qPrintable(doc.applicantDocument));
        bool received = false;
        for (const receipt::ReceivedLine &r : doc.received)
            received = received || r.material == name;
        QVERIFY2(received, qPrintable(name));
        screenshot(QStringLiteral("%1-card-receipt").arg(SimIdCard::typeName(card.type)));
        QVERIFY(finish());
    }

    // The notice's applicant comes back with what was missing: Ctrl+O and the slip's case number.
    beginCase(QStringLiteral("%1 return visit").arg(++n, 2));
    QTimer::singleShot(300, this, [this, noticeNumber] {
        type(noticeNumber);
        key(Qt::Key_Return);
    });
    key(Qt::Key_O, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(m_workflow->caseNumber(), noticeNumber, 5000);
    QCOMPARE(m_workflow->visits(), 2);
    // The dialog is gone and the window has the keyboard again (Xvfb has no window manager to
    // hand it back, so the test does what one would).
    if (!QTest::qWaitFor([this] { return QApplication::activeWindow() == m_window; }, 500))
        m_window->activateWindow();
    QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget *>(m_window));
    QVERIFY(markAll());
    QCOMPARE(m_workflow->checklist().verdict, checklist::Verdict::Complete);
    QVERIFY(decideAndPrint(Qt::Key_F5));
    QVERIFY(finish());

    // The longest name of the demo cards: the column keeps its width, nothing is cut off.
    beginCase(QStringLiteral("%1 standard, long foreign name").arg(++n, 2));
    const SimIdCard longName = SimIdCard::demo(SimIdCard::Type::Foreign2023);
    QVERIFY(placeCard(longName, longName.field(122)));
    QVERIFY(chooseMatter(QStringLiteral("sbk"), QStringLiteral("社会保障卡申领")));
    QVERIFY(markAll());
    for (const char *name : {"revealButton", "applicantPanel"}) {
        auto *w = m_window->findChild<QWidget *>(QString::fromLatin1(name));
        const QRect inView(w->mapTo(leftScroll->viewport(), QPoint(0, 0)), w->size());
        QVERIFY2(leftScroll->viewport()->rect().contains(inView),
            qPrintable(QStringLiteral("%1 is cut off: %2,%3 %4x%5 in a %6 px wide column")
                           .arg(QString::fromLatin1(name))
                           .arg(inView.x())
                           .arg(inView.y())
                           .arg(inView.width())
                           .arg(inView.height())
                           .arg(leftScroll->viewport()->width())));
    }
    screenshot(QStringLiteral("long-name"));
    QVERIFY(decideAndPrint(Qt::Key_F5));
    QVERIFY(finish());

    // Two more standard ones before noon.
    for (const Person &p : {Person {QStringLiteral("黄河"), QStringLiteral("33010619930303015"), QStringLiteral("1"),
                                QStringLiteral("19930303")},
             Person {QStringLiteral("林小雨"), QStringLiteral("33010619960606016"), QStringLiteral("2"),
                 QStringLiteral("19960606")}}) {
        const SimIdCard card = resident(p.name, p.first17, p.gender, p.born);
        beginCase(QStringLiteral("%1 standard %2").arg(++n, 2).arg(p.name));
        QVERIFY(placeCard(card, card.field(122)));
        QVERIFY(chooseMatter(QStringLiteral("sbk"), QStringLiteral("社会保障卡申领")));
        QVERIFY(markAll());
        QVERIFY(decideAndPrint(Qt::Key_F5));
        QVERIFY(finish());
    }
    QVERIFY(n >= 15);

    qInfo("morning: %d applicants; worst event-loop lateness %lld ms (in %s); limit %d ms", n, m_watchdog.worst(),
        qPrintable(m_watchdog.worstWhere()), kStallLimitMs);
    QVERIFY2(m_watchdog.stalls().isEmpty(), qPrintable(m_watchdog.stalls().join(QStringLiteral("; "))));
    QVERIFY2(leftOverflow == 0,
        qPrintable(QStringLiteral("the left column needs %1 px of scrolling at 1366x768").arg(leftOverflow)));
}

OW_DEVICESIM_GUI_TEST_MAIN(TestMorning)

#include "tst_morning.moc"
