#include "IntakeTestContext.h"
#include "ReceiptCheck.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/catalog/CatalogSearch.h"
#include "onewindow/catalog/PinyinTable.h"
#include "onewindow/escpossim/ReceiptRenderer.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/store/AuditLog.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/store/Store.h"
#include "onewindow/testsupport/PdfTestPlugin.h"
#include "onewindow/ui/ChecklistPanel.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/DemoMenu.h"
#include "onewindow/ui/DocumentView.h"
#include "onewindow/ui/IntakePage.h"
#include "onewindow/ui/MainWindow.h"
#include "onewindow/ui/QuestionsPanel.h"
#include "onewindow/ui/WalkInDialog.h"

#include "onewindow/idcard/IdCardData.h"
#include "onewindow/idcard/IdCardReader.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScopeGuard>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using Step = intake::IntakeWorkflow::Step;

// Drives the real main window offscreen through acceptances at the window, with the keyboard,
// as a clerk would. Screenshots go to build/<preset>/screenshots.
class TestIntakeScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fullAcceptanceOfOpenRestaurant();
    void oneTimeNoticeAcrossTwoDepartments();
    void restartResumesTheDraft();
    void revealIsAudited();
    void licenceScanTakesTheCompany();
    void newCaseStartsClean();
    void walkInCardIsNotTheApplicants();

private:
    ui::IntakePage *page() const { return m_window->findChild<ui::IntakePage *>(); }
    template<typename T>
    T *child(const char *name) const
    {
        T *w = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qWarning("no widget %s", name);
        return w;
    }
    void openWindow();
    void identify(const QString &id, const QString &name);
    void chooseByPinyin(const QString &query);
    void answer(const QString &question, const QString &value);
    void markAllWithKeyboard(QChar key = u'O');
    void screenshot(const QString &name);

    testsupport::IntakeTestContext m_shared;
    FixedClock m_clock {QDateTime(QDate(2026, 11, 27), QTime(9, 30))};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<store::Store> m_store;
    ui::CounterDevices m_devices;
    ui::ClientContext m_context;
    std::unique_ptr<ui::MainWindow> m_window;
    QList<QList<QByteArray>> m_printed;
    QStringList m_asked; // what the confirmation seam was asked
    bool m_answerYes = false;
};

void TestIntakeScreen::initTestCase()
{
    testsupport::usePdfPluginFromBuild();
    // English by default; OW_TEST_LANG=zh_CN (./ow screenshots) shows the clerks' screens. The
    // checks below read the workflow, not the wording, so they hold in every language.
    const QString language =
        qEnvironmentVariableIsSet("OW_TEST_LANG") ? qEnvironmentVariable("OW_TEST_LANG") : QStringLiteral("en");
    QVERIFY(i18n::installTranslations(*qApp, language));
    m_shared.fill(m_context, &m_clock);
    m_context.devices = &m_devices;
    m_context.renderReceipt = [](const QByteArray &bytes) {
        return escpossim::ReceiptRenderer::renderStream(bytes, 384).value();
    };
    m_context.askText = [](const QString &, const QString &) { return std::optional<QString>(); };
    m_context.confirm = [this](const QString &, const QString &text) {
        m_asked << text;
        return m_answerYes;
    };
    // The receipt printer: what the page sends is kept and acknowledged.
    m_devices.setCanPrint(true);
    connect(&m_devices, &ui::CounterDevices::printRequested, this, [this](const QList<QByteArray> &blocks) {
        m_printed << blocks;
        m_devices.reportPrinted(true, QStringLiteral("Printed."));
    });
    QDir().mkpath(QStringLiteral(OW_SCREENSHOT_DIR));
}

void TestIntakeScreen::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = store::Store::open(m_dir->path());
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_store.emplace(std::move(opened.value()));
    m_context.store = &*m_store;
    m_printed.clear();
    m_asked.clear();
    m_answerYes = false;
    openWindow();
}

void TestIntakeScreen::cleanup()
{
    m_window.reset();
    m_store.reset();
    m_dir.reset();
}

void TestIntakeScreen::openWindow()
{
    m_window = std::make_unique<ui::MainWindow>(m_context);
    m_window->resize(1280, 860);
    m_window->show();
    m_window->showSection(ui::MainWindow::Section::Intake);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestIntakeScreen::identify(const QString &id, const QString &name)
{
    QTest::keyClick(m_window.get(), Qt::Key_F2);
    auto *number = child<QLineEdit>("numberEdit");
    QTRY_VERIFY(number->hasFocus());
    QTest::keyClicks(number, id);
    QTest::keyClick(number, Qt::Key_Return);
    auto *nameEdit = child<QLineEdit>("nameEdit");
    QVERIFY(nameEdit->hasFocus());
    // Chinese comes through the input method, as it does at the window.
    QInputMethodEvent typed;
    typed.setCommitString(name);
    QApplication::sendEvent(nameEdit, &typed);
    QCOMPARE(nameEdit->text(), name);
    QTest::keyClick(nameEdit, Qt::Key_Return);
}

void TestIntakeScreen::chooseByPinyin(const QString &query)
{
    QTest::keyClick(m_window.get(), Qt::Key_F3);
    auto *search = child<QLineEdit>("searchEdit");
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, query);
    QVERIFY(child<QListWidget>("resultList")->count() > 0);
    QTest::keyClick(search, Qt::Key_Return);
}

void TestIntakeScreen::answer(const QString &question, const QString &value)
{
    QWidget *editor = m_window->findChild<QWidget *>(QStringLiteral("answer_") + question);
    QVERIFY2(editor, qPrintable(question));
    QTRY_VERIFY2(editor->isVisible(), qPrintable(question));
    if (auto *box = qobject_cast<QComboBox *>(editor)) {
        const int index = box->findData(value);
        QVERIFY2(index > 0, qPrintable(value));
        box->setFocus();
        // The keyboard way: Down through the items until the wanted one, as a clerk would.
        box->setCurrentIndex(0);
        for (int i = 0; i < index; ++i)
            QTest::keyClick(box, Qt::Key_Down);
        QCOMPARE(box->currentIndex(), index);
    } else if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        edit->setFocus();
        QTest::keyClicks(edit, value);
        QTest::keyClick(edit, Qt::Key_Return);
    }
}

void TestIntakeScreen::markAllWithKeyboard(QChar key)
{
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    auto *table = child<QTableWidget>("materialTable");
    table->setFocus();
    table->setCurrentCell(0, 1);
    const int rows = table->rowCount();
    QVERIFY(rows > 0);
    for (int i = 0; i < rows; ++i)
        QTest::keyClick(table, key.toLatin1());
}

void TestIntakeScreen::screenshot(const QString &name)
{
    QTest::qWait(400); // let queued layout, show requests and the PDF page rendering run
    QVERIFY(m_window->grab().save(QStringLiteral(OW_SCREENSHOT_DIR "/") + name + QStringLiteral(".png")));
}

void TestIntakeScreen::fullAcceptanceOfOpenRestaurant()
{
    identify(QStringLiteral("33010619900101123X"), QStringLiteral("王小明"));
    intake::IntakeWorkflow *w = page()->workflow();
    QVERIFY(w->applicant().has_value());
    QCOMPARE(child<QLineEdit>("numberEdit")->text(), QString()); // the number left the screen
    QVERIFY(child<QLabel>("summaryLabel")->text().contains(QStringLiteral("330106********123X")));

    chooseByPinyin(QStringLiteral("kcg"));
    QCOMPARE(w->selection().bundle, QStringLiteral("open-restaurant"));
    QCOMPARE(w->checklist().verdict, checklist::Verdict::NeedsAnswers);
    QVERIFY(!child<QPushButton>("acceptButton")->isEnabled());
    answer(QStringLiteral("entity"), QStringLiteral("individual"));
    answer(QStringLiteral("area"), QStringLiteral("120"));
    answer(QStringLiteral("renovation"), QStringLiteral("no"));
    answer(QStringLiteral("fumes"), QStringLiteral("yes"));
    answer(QStringLiteral("signboard"), QStringLiteral("no"));
    QVERIFY2(w->checklist().unanswered.isEmpty(), qPrintable(w->checklist().unanswered.join(u',')));
    QCOMPARE(w->checklist().verdict, checklist::Verdict::Incomplete);
    screenshot(QStringLiteral("intake-1-checklist"));

    markAllWithKeyboard();
    QCOMPARE(w->checklist().verdict, checklist::Verdict::Complete);
    QVERIFY(child<QPushButton>("acceptButton")->isEnabled());
    QVERIFY(!child<QLabel>("verdictLabel")->text().isEmpty());
    screenshot(QStringLiteral("intake-2-complete"));

    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QCOMPARE(w->step(), Step::Print);
    auto *view = m_window->findChild<ui::DocumentView *>();
    QVERIFY(view->isVisible());
    QTRY_VERIFY(view->pdfPageCount() >= 1); // rendered on a worker
    QVERIFY(view->pdf().startsWith("%PDF"));

    // The receipt went to the printer; what was printed scans back to a genuine, signed case.
    QCOMPARE(m_printed.size(), 1);
    QByteArray stream;
    for (const QByteArray &b : std::as_const(m_printed.first()))
        stream += b;
    const auto paper = escpossim::ReceiptRenderer::renderStream(stream, 384);
    QVERIFY2(paper.ok(), qPrintable(paper.error()));
    const auto codes = receiptcheck::decodeQrCodes(paper.value());
    QCOMPARE(codes.size(), 1);
    const auto verified = m_context.keys.verify(QString::fromUtf8(codes.first()));
    QVERIFY2(verified.ok(), qPrintable(verified.error()));
    QCOMPARE(verified->caseId, w->caseId());
    QCOMPARE(verified->caseNumber, w->caseNumber());
    QCOMPARE(verified->kind, QChar(u'R'));
    screenshot(QStringLiteral("intake-3-receipt"));

    QTest::keyClick(m_window.get(), Qt::Key_F12);
    QVERIFY(!w->hasCase());
    QVERIFY(page()->message().contains(verified->caseNumber));

    // The Cases section lists it, masked.
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
    const QAbstractItemModel *cases = m_window->findChild<QTableView *>(QStringLiteral("caseTable"))->model();
    QCOMPARE(cases->rowCount(), 1);
    QCOMPARE(cases->index(0, 0).data().toString(), verified->caseNumber);
    QVERIFY(cases->index(0, 1).data().toString().contains(QStringLiteral("330106********123X")));
    screenshot(QStringLiteral("cases"));
}

void TestIntakeScreen::oneTimeNoticeAcrossTwoDepartments()
{
    identify(QStringLiteral("33010619900101123X"), QStringLiteral("王小明"));
    chooseByPinyin(QStringLiteral("kcg"));
    answer(QStringLiteral("entity"), QStringLiteral("company"));
    answer(QStringLiteral("area"), QStringLiteral("120"));
    answer(QStringLiteral("renovation"), QStringLiteral("no"));
    answer(QStringLiteral("fumes"), QStringLiteral("yes"));
    answer(QStringLiteral("signboard"), QStringLiteral("no"));
    intake::IntakeWorkflow *w = page()->workflow();
    // Only the ID card is here.
    auto *table = child<QTableWidget>("materialTable");
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    ui::ChecklistPanel *panel = m_window->findChild<ui::ChecklistPanel *>();
    panel->selectMaterial(QStringLiteral("id-card"));
    QTest::keyClick(table, 'O');
    QCOMPARE(w->checklist().verdict, checklist::Verdict::Incomplete);
    QVERIFY(!child<QPushButton>("acceptButton")->isEnabled());

    QTest::keyClick(m_window.get(), Qt::Key_F7);
    QCOMPARE(w->step(), Step::Print);
    const receipt::ReceiptDocument &doc = w->document();
    QCOMPARE(doc.kind, receipt::DocumentKind::OneTimeNotice);
    // Exactly the missing materials, every one of them, from items of two or more departments.
    QStringList expected;
    QSet<QString> departments;
    for (const auto &l : w->checklist().materials) {
        if (l.status == checklist::MaterialLine::Status::Missing
            || l.status == checklist::MaterialLine::Status::Tolerated) {
            expected << l.name;
            for (const auto &n : l.neededBy)
                departments.insert(m_shared.catalog->matter(n.matter)->department);
        }
    }
    QStringList listed;
    for (const auto &m : doc.missing)
        listed << m.material;
    QCOMPARE(listed, expected);
    QVERIFY(!listed.contains(m_shared.catalog->material(QStringLiteral("id-card"))->name));
    QVERIFY(departments.size() >= 2);
    screenshot(QStringLiteral("intake-4-notice"));

    // The notice's QR brings the same case back on the next visit.
    const QString payload = doc.qrPayload;
    const QString number = doc.caseNumber;
    QTest::keyClick(m_window.get(), Qt::Key_F12);
    QVERIFY(!w->hasCase());
    page()->continueFromQr(payload);
    QVERIFY2(page()->message().contains(number), qPrintable(page()->message()));
    QCOMPARE(w->caseNumber(), number);
    QCOMPARE(w->visits(), 2);
    QCOMPARE(w->step(), Step::Materials);
}

void TestIntakeScreen::restartResumesTheDraft()
{
    identify(QStringLiteral("33010619900101123X"), QStringLiteral("王小明"));
    chooseByPinyin(QStringLiteral("kcg"));
    answer(QStringLiteral("entity"), QStringLiteral("individual"));
    answer(QStringLiteral("area"), QStringLiteral("45"));
    const QString number = page()->workflow()->caseNumber();

    m_window.reset(); // the client is closed (or crashes) mid-way
    openWindow();
    intake::IntakeWorkflow *w = page()->workflow();
    QCOMPARE(w->caseNumber(), number);
    QCOMPARE(w->answers().value(QStringLiteral("area")).toInt(), 45);
    QVERIFY(page()->message().contains(number));
    // The screen shows the resumed case: the answers and the checklist are back.
    auto *area = qobject_cast<QLineEdit *>(m_window->findChild<QWidget *>(QStringLiteral("answer_area")));
    QVERIFY(area);
    QCOMPARE(area->text(), QStringLiteral("45"));
    QVERIFY(child<QTableWidget>("materialTable")->rowCount() > 0);
    answer(QStringLiteral("renovation"), QStringLiteral("no"));
    answer(QStringLiteral("fumes"), QStringLiteral("no"));
    answer(QStringLiteral("signboard"), QStringLiteral("no"));
    QVERIFY(w->checklist().unanswered.isEmpty());
}

void TestIntakeScreen::revealIsAudited()
{
    identify(QStringLiteral("33010619900101123X"), QStringLiteral("王小明"));
    auto *summary = child<QLabel>("summaryLabel");
    QVERIFY(!summary->text().contains(QStringLiteral("33010619900101123X")));
    QTest::keyClick(m_window.get(), Qt::Key_F9);
    QVERIFY(summary->text().contains(QStringLiteral("33010619900101123X")));
    QVERIFY(summary->text().contains(QStringLiteral("王小明")));
    store::AuditLog log(*m_store);
    const auto entries = log.entries(page()->workflow()->caseId());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().action, QStringLiteral("reveal"));
    QCOMPARE(entries.first().clerk, QStringLiteral("李建华"));
    QTest::keyClick(m_window.get(), Qt::Key_F9);
    QVERIFY(!summary->text().contains(QStringLiteral("33010619900101123X")));
    QCOMPARE(log.entries().size(), 1); // hiding again is not a reveal
}

// The business licence's QR through the scanner: the company is the applicant, and the bundle's
// entity question is answered from its credit code (来自证件), still changeable.
void TestIntakeScreen::licenceScanTakesTheCompany()
{
    intake::IntakeWorkflow *w = page()->workflow();
    m_devices.reportScan(QString::fromUtf8(ui::DemoMenu::demoLicenceQr()));
    QVERIFY(w->applicant().has_value());
    QCOMPARE(w->applicant()->kind, intake::Party::Kind::Company);
    QCOMPARE(w->applicant()->number, QStringLiteral("91310110666007217T"));
    QCOMPARE(w->applicant()->name, QStringLiteral("杭州味道餐饮有限公司"));
    chooseByPinyin(QStringLiteral("kcg"));
    QVERIFY(w->answersFromParty().contains(QStringLiteral("entity")));
    auto *questions = m_window->findChild<ui::QuestionsPanel *>();
    QVERIFY(
        questions->labelText(QStringLiteral("entity")) != m_shared.catalog->question(QStringLiteral("entity"))->text);
    auto *box = qobject_cast<QComboBox *>(questions->editor(QStringLiteral("entity")));
    QCOMPARE(box->currentData().toString(), QStringLiteral("company"));
    // Not a notice, a receipt or a licence: said so, nothing changes.
    m_devices.reportScan(QStringLiteral("hello"));
    QCOMPARE(w->applicant()->number, QStringLiteral("91310110666007217T"));
}

void TestIntakeScreen::newCaseStartsClean()
{
    // Issue 19: after Ctrl+N the typed number and name stayed, and the next number typed went
    // out with the previous person's name; the left case stayed 办理中 for good.
    identify(QStringLiteral("33010619900101123X"), QStringLiteral("王小明"));
    intake::IntakeWorkflow *w = page()->workflow();
    QVERIFY(w->applicant());
    chooseByPinyin(QStringLiteral("kcg"));
    QVERIFY(w->hasChecklist());
    const QString first = w->caseId();
    const QString firstNumber = w->caseNumber();
    // A further person typed into the form, not taken yet.
    QTest::keyClick(m_window.get(), Qt::Key_F2);
    auto *number = child<QLineEdit>("numberEdit");
    auto *name = child<QLineEdit>("nameEdit");
    QTRY_VERIFY(number->hasFocus());
    QTest::keyClicks(number, QStringLiteral("11010519491231002X"));
    QTest::keyClick(number, Qt::Key_Return);
    QInputMethodEvent typed;
    typed.setCommitString(QStringLiteral("李四"));
    QApplication::sendEvent(name, &typed);

    // Ctrl+N asks first; No (the default) keeps the case as it is.
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(m_asked.size(), 1);
    QVERIFY2(m_asked.first().contains(firstNumber), qPrintable(m_asked.first()));
    QCOMPARE(w->caseId(), first);
    QVERIFY(store::CaseRepository(*m_store).load(first)->state != QLatin1String("abandoned"));

    // Yes: the case is abandoned (logged) and the next one starts with nothing of it.
    m_answerYes = true;
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(m_asked.size(), 2);
    QVERIFY(w->hasCase());
    QVERIFY(w->caseId() != first);
    QVERIFY(!w->applicant());
    QVERIFY(!w->hasChecklist());
    QCOMPARE(number->text(), QString());
    QCOMPARE(name->text(), QString());
    QCOMPARE(child<QLineEdit>("agentNumberEdit")->text(), QString());
    QCOMPARE(child<QLineEdit>("searchEdit")->text(), QString());
    QCOMPARE(child<QLabel>("chosenLabel")->text(), QString());
    QCOMPARE(child<QLabel>("numberStatusLabel")->text(), QString());
    QVERIFY(!child<QLabel>("summaryLabel")->text().contains(QStringLiteral("123X")));
    QCOMPARE(child<QTableWidget>("materialTable")->rowCount(), 0);
    QVERIFY(number->hasFocus());
    const auto entries = store::CaseLog(*m_store).entries(first).value();
    QCOMPARE(entries.last().kind, QStringLiteral("abandoned"));
    QCOMPARE(entries.last().payload.value(QStringLiteral("reason")).toString(), QStringLiteral("left"));
    QCOMPARE(store::CaseRepository(*m_store).load(first)->state, QStringLiteral("abandoned"));

    // A new number typed now goes with the name typed now, nobody else's.
    QTest::keyClicks(number, QStringLiteral("11010519491231002X"));
    QTest::keyClick(number, Qt::Key_Return);
    QCOMPARE(name->text(), QString());
    QInputMethodEvent other;
    other.setCommitString(QStringLiteral("赵六"));
    QApplication::sendEvent(name, &other);
    QTest::keyClick(name, Qt::Key_Return);
    QVERIFY(w->applicant());
    QCOMPARE(w->applicant()->name, QStringLiteral("赵六"));

    // The Cases section says 已放弃 (abandoned) for the left one.
    m_window->showSection(ui::MainWindow::Section::Cases);
    auto *cases = child<QTableView>("caseTable");
    QTRY_VERIFY(cases->model()->rowCount() >= 2);
    QString status;
    for (int row = 0; row < cases->model()->rowCount(); ++row) {
        if (cases->model()->index(row, 0).data().toString() == firstNumber)
            status = cases->model()->index(row, 3).data().toString();
    }
    QCOMPARE(status, QStringLiteral("abandoned"));
}

// An ID card read while the walk-in ticket dialog (排队叫号, F7) is open gives that ticket's
// priority by age: it is not the next applicant of the case open at 受理.
void TestIntakeScreen::walkInCardIsNotTheApplicants()
{
    // The window again, with a card reader whose reads the test makes (the signal the driver sends).
    idcard::IdCardReader reader;
    m_context.cardReader = &reader;
    const auto noReader = qScopeGuard([this] {
        m_window.reset();
        m_context.cardReader = nullptr;
    });
    openWindow();
    intake::IntakeWorkflow *w = page()->workflow();
    QVERIFY(w);
    QVERIFY(!w->applicant());
    idcard::IdCardData card;
    card.idNumber = QStringLiteral("330106195803010046");
    card.name = QStringLiteral("王秀英");
    card.birthDate = QDate(1958, 3, 1);
    card.validFrom = QDate(2018, 1, 1);
    card.longTerm = true;
    queue::CategoryLoad social;
    social.code = QStringLiteral("social");
    social.name = QStringLiteral("社会保障");
    auto *dialog = new ui::WalkInDialog(m_context, {social}, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    Q_EMIT reader.cardRead(card);
    QCOMPARE(dialog->request().priority, queue::Priority::Elderly);
    QVERIFY(!w->applicant());
    dialog->reject();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    Q_EMIT reader.cardRead(card); // the dialog closed: the next applicant's card again
    QTRY_VERIFY(w->applicant());
}

QTEST_MAIN(TestIntakeScreen)
#include "tst_intakescreen.moc"
