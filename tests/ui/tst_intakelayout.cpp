// Issue 19: at 1366×768 the checklist showed 2–3 rows, fields scrolled out of view and the Cases
// page's departments column cut its text. The main window at the size a 1366×768 screen leaves it,
// in zh_CN with the real CJK fonts, driven by keys as a clerk does: everything the clerk needs is
// on screen at once, and what a line elides is shown whole.
#include "IntakeTestContext.h"
#include "SimulatedCounter.h"

#include "onewindow/devicesim/TestMain.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/store/Store.h"
#include "onewindow/sync/SyncJournal.h"
#include "onewindow/ui/CaseListModel.h"
#include "onewindow/ui/CasesPage.h"
#include "onewindow/ui/ChecklistPanel.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/IntakePage.h"
#include "onewindow/ui/MainWindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QInputMethodEvent>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using Step = intake::IntakeWorkflow::Step;

namespace {

// A 1366×768 screen less a window manager's title bar.
constexpr QSize kWindow {1366, 768 - 32};

} // namespace

class TestIntakeLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void applicantFieldsAreOnScreen();
    void restaurantChecklistFitsTheScreen();
    void cardOnTheReaderLeavesTheQuestionsOnScreen();
    void departmentsColumnShowsItsWholeText();

private:
    template<typename T>
    T *child(const char *name) const
    {
        T *w = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qWarning("no widget %s", name);
        return w;
    }
    // Labels shorter than their text (rows drawn over each other), one line each.
    static QStringList squeezed(const QWidget *root);
    // Where `w` is cut by the window or by a scroll area (empty when it shows whole).
    QString hidden(const QWidget *w) const;
    void identify(const QString &id, const QString &name);
    void restaurantCase();
    void screenshot(const QString &name);

    testsupport::SimulatedCounter m_counter;
    testsupport::IntakeTestContext m_shared;
    FixedClock m_clock {QDateTime(QDate(2026, 11, 27), QTime(9, 30))};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<store::Store> m_store;
    ui::CounterDevices m_devices;
    ui::ClientContext m_context;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestIntakeLayout::initTestCase()
{
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    qRegisterMetaType<idcard::IdCardData>();
    // The card reader (and printer) on the simulated bus, as at the window.
    const QString devices = m_counter.start(this, m_context, m_devices);
    QVERIFY2(devices.isEmpty(), qPrintable(devices));
    m_shared.fill(m_context, &m_clock);
    m_context.devices = &m_devices;
    m_context.askText = [](const QString &, const QString &) { return std::optional<QString>(); };
}

void TestIntakeLayout::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = store::Store::open(m_dir->path());
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_store.emplace(std::move(opened.value()));
    m_context.store = &*m_store;
    m_window = std::make_unique<ui::MainWindow>(m_context);
    m_window->resize(kWindow);
    m_window->show();
    m_window->showSection(ui::MainWindow::Section::Intake);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QCOMPARE(m_window->size(), kWindow);
}

void TestIntakeLayout::cleanup()
{
    m_counter.reader.removeCard();
    m_window.reset();
    m_store.reset();
    m_dir.reset();
}

QString TestIntakeLayout::hidden(const QWidget *w) const
{
    if (!w)
        return QStringLiteral("(missing)");
    if (!w->isVisible())
        return QStringLiteral("%1 is not shown").arg(w->objectName());
    const QRect whole(w->mapTo(m_window.get(), QPoint(0, 0)), w->size());
    QRect seen = whole & m_window->rect();
    for (const QWidget *p = w->parentWidget(); p && p != m_window.get(); p = p->parentWidget())
        seen &= QRect(p->mapTo(m_window.get(), QPoint(0, 0)), p->size());
    if (seen != whole)
        return QStringLiteral("%1 at (%2,%3 %4×%5) shows only (%6,%7 %8×%9)")
            .arg(w->objectName())
            .arg(whole.x())
            .arg(whole.y())
            .arg(whole.width())
            .arg(whole.height())
            .arg(seen.x())
            .arg(seen.y())
            .arg(seen.width())
            .arg(seen.height());
    return {};
}

void TestIntakeLayout::identify(const QString &id, const QString &name)
{
    QTest::keyClick(m_window.get(), Qt::Key_F2);
    auto *number = child<QLineEdit>("numberEdit");
    QTRY_VERIFY(number->hasFocus());
    QTest::keyClicks(number, id);
    QTest::keyClick(number, Qt::Key_Return);
    auto *nameEdit = child<QLineEdit>("nameEdit");
    QVERIFY(nameEdit->hasFocus());
    QInputMethodEvent typed;
    typed.setCommitString(name);
    QApplication::sendEvent(nameEdit, &typed);
    QTest::keyClick(nameEdit, Qt::Key_Return);
}

void TestIntakeLayout::restaurantCase()
{
    identify(QStringLiteral("33010619900101123X"), QStringLiteral("王小明"));
    QTest::keyClick(m_window.get(), Qt::Key_F3);
    auto *search = child<QLineEdit>("searchEdit");
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("kcg"));
    QTest::keyClick(search, Qt::Key_Return);
    intake::IntakeWorkflow *w = m_window->findChild<ui::IntakePage *>()->workflow();
    QCOMPARE(w->selection().bundle, QStringLiteral("open-restaurant"));
    // A company's restaurant over 50 m² with fumes and a signboard: the longest checklist.
    for (const auto &[question, value] :
        QList<QPair<QString, QString>> {{QStringLiteral("entity"), QStringLiteral("company")},
            {QStringLiteral("area"), QStringLiteral("120")}, {QStringLiteral("renovation"), QStringLiteral("yes")},
            {QStringLiteral("fumes"), QStringLiteral("yes")}, {QStringLiteral("signboard"), QStringLiteral("yes")}}) {
        QWidget *editor = m_window->findChild<QWidget *>(QStringLiteral("answer_") + question);
        QVERIFY2(editor, qPrintable(question));
        if (auto *box = qobject_cast<QComboBox *>(editor)) {
            const int index = box->findData(value);
            QVERIFY2(index > 0, qPrintable(value));
            box->setFocus();
            box->setCurrentIndex(0);
            for (int i = 0; i < index; ++i)
                QTest::keyClick(box, Qt::Key_Down);
        } else if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
            edit->setFocus();
            QTest::keyClicks(edit, value);
            QTest::keyClick(edit, Qt::Key_Return);
        }
    }
    QVERIFY2(w->checklist().unanswered.isEmpty(), qPrintable(w->checklist().unanswered.join(u',')));
    QApplication::processEvents();
}

void TestIntakeLayout::screenshot(const QString &name)
{
    const QString dir = QStringLiteral(OW_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    QVERIFY(m_window->grab().save(dir + u'/' + name + QStringLiteral(".png")));
}

void TestIntakeLayout::applicantFieldsAreOnScreen()
{
    QTest::keyClick(m_window.get(), Qt::Key_F2);
    QTRY_VERIFY(child<QLineEdit>("numberEdit")->hasFocus());
    for (const char *name : {"numberEdit", "nameEdit", "kindCombo", "applyButton", "searchEdit", "acceptButton",
             "refuseButton", "verdictLabel"}) {
        const QString cut = hidden(child<QWidget>(name));
        QVERIFY2(cut.isEmpty(), qPrintable(cut));
    }
}

void TestIntakeLayout::restaurantChecklistFitsTheScreen()
{
    restaurantCase();
    screenshot(QStringLiteral("layout-1366-kcg"));
    auto *table = child<QTableWidget>("materialTable");
    QVERIFY2(table->rowCount() >= 10, qPrintable(QString::number(table->rowCount())));
    const auto wholeLines = [table] {
        int whole = 0;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->viewport()->rect().contains(table->visualRect(table->model()->index(row, 1))))
                ++whole;
        }
        return whole;
    };
    QVERIFY2(
        wholeLines() >= 10, qPrintable(QStringLiteral("%1 of %2 lines show").arg(wholeLines()).arg(table->rowCount())));

    // The applicant, the matter, every question, the verdict and the decision keys: all on screen
    // together, none scrolled away.
    QStringList names;
    for (const char *name : {"summaryLabel", "searchEdit", "chosenLabel", "itemsLabel", "verdictLabel",
             "lineDetailLabel", "acceptButton", "tolerateButton", "noticeButton", "refuseButton", "caseLabel"})
        names << QString::fromLatin1(name);
    for (const char *q : {"entity", "area", "renovation", "fumes", "signboard"})
        names << QStringLiteral("answer_") + QString::fromLatin1(q);
    for (const QString &name : std::as_const(names)) {
        const QString cut = hidden(m_window->findChild<QWidget *>(name));
        QVERIFY2(cut.isEmpty(), qPrintable(name + QStringLiteral(": ") + cut));
    }
    auto *verdict = child<QLabel>("verdictLabel");
    QVERIFY(verdict->height() >= verdict->heightForWidth(verdict->width()));

    // Each line's whole text is one key away: ↓ selects it and it shows in full under the table.
    auto *panel = m_window->findChild<ui::ChecklistPanel *>();
    auto *detail = child<QLabel>("lineDetailLabel");
    table->setFocus();
    table->setCurrentCell(0, 1);
    const intake::IntakeWorkflow *w = m_window->findChild<ui::IntakePage *>()->workflow();
    for (int row = 0; row < table->rowCount(); ++row) {
        if (row > 0)
            QTest::keyClick(table, Qt::Key_Down);
        QCOMPARE(table->currentRow(), row);
        const checklist::MaterialLine &line = w->checklist().materials.at(row);
        const QString text = panel->currentLineText();
        QVERIFY2(text.contains(line.name), qPrintable(text));
        for (const checklist::Need &n : line.neededBy)
            QVERIFY2(text.contains(n.why), qPrintable(text + QStringLiteral(" lacks ") + n.why));
        QCOMPARE(table->item(row, 3)->toolTip(), text);
        // (laid out again before the next paint)
        QTRY_VERIFY2(detail->height() >= detail->heightForWidth(detail->width()), qPrintable(text));
        const QString cut = hidden(detail);
        QVERIFY2(cut.isEmpty(), qPrintable(cut));
        // A long line's text below leaves the table its ten lines.
        QVERIFY2(wholeLines() >= 10, qPrintable(QStringLiteral("%1 lines show with %2").arg(wholeLines()).arg(text)));
    }
}

// The usual way in: the applicant's ID card on the reader. Its details take room in the left
// column; once the matter is chosen they must not push the questions out of sight.
void TestIntakeLayout::cardOnTheReaderLeavesTheQuestionsOnScreen()
{
    intake::IntakeWorkflow *w = m_window->findChild<ui::IntakePage *>()->workflow();
    m_counter.reader.putDemoCard(devicesim::SimIdCard::Type::Resident);
    QTRY_VERIFY_WITH_TIMEOUT(w->applicant().has_value(), 10000);
    QTest::keyClick(m_window.get(), Qt::Key_F3);
    auto *search = child<QLineEdit>("searchEdit");
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("kcg"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(w->selection().bundle, QStringLiteral("open-restaurant"));
    QApplication::processEvents();
    screenshot(QStringLiteral("layout-1366-card"));
    for (const char *name : {"summaryLabel", "searchEdit", "chosenLabel", "answer_entity", "answer_area",
             "answer_renovation", "answer_fumes", "answer_signboard", "verdictLabel", "acceptButton", "refuseButton"}) {
        const QString cut = hidden(child<QWidget>(name));
        QVERIFY2(cut.isEmpty(), qPrintable(cut));
    }
    QVERIFY(squeezed(child<QWidget>("leftColumn")).isEmpty());
    // F2 brings the card's details back (and the entry), whole: the column scrolls rather than
    // drawing its rows over each other.
    QTest::keyClick(m_window.get(), Qt::Key_F2);
    QTRY_VERIFY(child<QLineEdit>("numberEdit")->hasFocus());
    QTRY_VERIFY(child<QLabel>("headlineLabel")->isVisible());
    QTRY_VERIFY(child<QLabel>("nameValue")->isVisible());
    QApplication::processEvents();
    screenshot(QStringLiteral("layout-1366-card-f2"));
    QTRY_VERIFY2(squeezed(child<QWidget>("leftColumn")).isEmpty(),
        qPrintable(squeezed(child<QWidget>("leftColumn")).join(u'\n')));
    const QString cut = hidden(child<QWidget>("numberEdit"));
    QVERIFY2(cut.isEmpty(), qPrintable(cut));
}

QStringList TestIntakeLayout::squeezed(const QWidget *root)
{
    QStringList out;
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(root) || label->text().isEmpty() || Qt::mightBeRichText(label->text()))
            continue;
        const int flags = int(label->alignment()) | (label->wordWrap() ? int(Qt::TextWordWrap) : 0);
        const int need = label->fontMetrics().boundingRect(label->contentsRect(), flags, label->text()).height();
        if (label->contentsRect().height() < need)
            out << QStringLiteral("%1 \"%2\": %3 px, needs %4")
                       .arg(label->objectName(), label->text())
                       .arg(label->contentsRect().height())
                       .arg(need);
    }
    return out;
}

void TestIntakeLayout::departmentsColumnShowsItsWholeText()
{
    restaurantCase();
    intake::IntakeWorkflow *w = m_window->findChild<ui::IntakePage *>()->workflow();
    QTest::keyClick(m_window.get(), Qt::Key_F7); // the one-time notice: nothing is in yet
    QCOMPARE(w->step(), Step::Print);
    const QString caseId = w->caseId();
    // The back office routes it and a department asks for more, as the puller applies it.
    const QString what =
        QStringLiteral("经营场所平面布局图须标明厨房、餐厅、仓库的面积和排烟管道走向，并加盖申请人公章");
    const QJsonObject routed {{QStringLiteral("cursor"), 1}, {QStringLiteral("case"), caseId},
        {QStringLiteral("type"), QStringLiteral("routed")},
        {QStringLiteral("at"), QStringLiteral("2026-11-27T02:00:01Z")},
        {QStringLiteral("data"),
            QJsonObject {{QStringLiteral("department"), QStringLiteral("amr")},
                {QStringLiteral("items"), QJsonArray {QStringLiteral("item-1")}}}}};
    const QJsonObject decided {{QStringLiteral("cursor"), 2}, {QStringLiteral("case"), caseId},
        {QStringLiteral("type"), QStringLiteral("decided")}, {QStringLiteral("item"), QStringLiteral("item-1")},
        {QStringLiteral("at"), QStringLiteral("2026-11-27T03:00:00Z")},
        {QStringLiteral("data"),
            QJsonObject {{QStringLiteral("department"), QStringLiteral("amr")},
                {QStringLiteral("outcome"), QStringLiteral("supplement")}, {QStringLiteral("what"), what}}}};
    QCOMPARE(sync::SyncJournal(*m_store).applyEvents(QJsonArray {routed, decided}, 2, m_clock.now()), QString());

    m_window->showSection(ui::MainWindow::Section::Cases);
    auto *page = m_window->findChild<ui::CasesPage *>();
    QTRY_VERIFY(page->isVisible());
    auto *table = child<QTableView>("caseTable");
    int row = -1;
    for (int r = 0; r < page->model()->rowCount(); ++r) {
        if (page->model()->caseAt(r)->id == caseId)
            row = r;
    }
    QVERIFY(row >= 0);
    const QModelIndex cell = page->model()->index(row, ui::CaseListModel::Departments);
    const QString text = cell.data().toString();
    QVERIFY2(text.contains(what), qPrintable(text));
    QApplication::processEvents();
    screenshot(QStringLiteral("layout-1366-cases"));
    // Whole on screen: the column wraps it within its row (and the tool tip has it too).
    const QRect rect = table->visualRect(cell);
    QVERIFY(table->viewport()->rect().contains(rect));
    const QRect needed = table->fontMetrics().boundingRect(
        QRect(0, 0, rect.width() - 8, 10000), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    QVERIFY2(needed.height() <= rect.height() && needed.width() <= rect.width(),
        qPrintable(QStringLiteral("%1×%2 needed, %3×%4 given")
                       .arg(needed.width())
                       .arg(needed.height())
                       .arg(rect.width())
                       .arg(rect.height())));
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), text);
}

OW_DEVICESIM_GUI_TEST_MAIN(TestIntakeLayout)
#include "tst_intakelayout.moc"
