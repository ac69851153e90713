#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/store/Store.h"
#include "onewindow/sync/SyncJournal.h"
#include "onewindow/ui/CaseListModel.h"
#include "onewindow/ui/CasesPage.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/DocumentView.h"

#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;

// The 案件 section: loaded when first shown, a page at a time; visits; reprint of a decided case.
class TestCasesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void loadsOnlyWhenShown();
    void pagesAsTheListScrolls();
    void numberPrefixFinds();
    void visitsAndReprint();
    void provisionalReceiptTurnsConfirmed();
    void heldCaseSaysWhy();

private:
    // `n` finished cases of this window, inserted as raw rows (one transaction).
    void insertCases(int n);
    // A notice, the applicant's return, an acceptance: a decided case with two visits.
    QString decidedCase();
    QTableView *table() const { return m_page->findChild<QTableView *>(QStringLiteral("caseTable")); }

    std::optional<Catalog> m_catalog;
    FixedClock m_clock {QDateTime(QDate(2026, 11, 27), QTime(9, 30))};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<store::Store> m_store;
    ui::CounterDevices m_devices;
    ui::ClientContext m_context;
    std::unique_ptr<ui::CasesPage> m_page;
    QList<QList<QByteArray>> m_printed;
};

void TestCasesPage::initTestCase()
{
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));
    m_catalog = Catalog::load(Catalog::builtinPath()).value();
    m_context.clock = &m_clock;
    m_context.calendar = WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar")).value();
    m_context.window.windowCode = QStringLiteral("W07");
    m_context.window.clerk = QStringLiteral("clerk-7");
    m_context.catalog = &*m_catalog;
    m_context.key = receipt::WindowKey::generate(m_context.window.keyId()).value();
    m_context.devices = &m_devices;
    m_devices.setCanPrint(true);
    connect(&m_devices, &ui::CounterDevices::printRequested, this,
        [this](const QList<QByteArray> &blocks) { m_printed << blocks; });
}

void TestCasesPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = store::Store::open(m_dir->path());
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_store.emplace(std::move(opened.value()));
    m_context.store = &*m_store;
    m_printed.clear();
    m_page = std::make_unique<ui::CasesPage>(m_context);
    m_page->resize(1000, 600);
}

void TestCasesPage::cleanup()
{
    m_page.reset();
    m_store.reset();
    m_dir.reset();
}

void TestCasesPage::insertCases(int n)
{
    const QString err = m_store->transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO cases (id, number, window_code, clerk, state, catalog_version, "
                                 "draft, created_at, updated_at) VALUES (?, ?, 'W07', 'c', 'done', 'v', ?, ?, ?)"));
        for (int i = 0; i < n; ++i) {
            const QString at =
                QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC).addSecs(i).toString(Qt::ISODateWithMs);
            q.addBindValue(QStringLiteral("id-%1").arg(i, 6, 10, QLatin1Char('0')));
            q.addBindValue(QStringLiteral("330106-W07-20260101-%1").arg(i, 4, 10, QLatin1Char('0')));
            q.addBindValue(QStringLiteral("{\"decision\":\"accept\",\"visits\":%1}").arg(1 + i % 3));
            q.addBindValue(at);
            q.addBindValue(at);
            if (!q.exec())
                return q.lastQuery();
        }
        return QString();
    });
    QVERIFY2(err.isEmpty(), qPrintable(err));
}

void TestCasesPage::loadsOnlyWhenShown()
{
    insertCases(5);
    QCOMPARE(m_page->caseCount(), 0); // built, not shown: nothing read
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QCOMPARE(m_page->caseCount(), 5);
    // Newest first.
    QCOMPARE(m_page->model()->index(0, ui::CaseListModel::Number).data().toString(),
        QStringLiteral("330106-W07-20260101-0004"));
}

void TestCasesPage::pagesAsTheListScrolls()
{
    insertCases(3 * ui::CaseListModel::PageSize + 10);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QCOMPARE(m_page->caseCount(), ui::CaseListModel::PageSize); // one page
    // Scrolled to the end, the view asks for more, a page each time, until the last.
    for (int i = 0; i < 10 && m_page->model()->canFetchMore({}); ++i) {
        table()->scrollToBottom();
        QCoreApplication::processEvents();
    }
    QCOMPARE(m_page->caseCount(), 3 * ui::CaseListModel::PageSize + 10);
    QVERIFY(!m_page->model()->canFetchMore({}));
    // No case twice, none missing, in order.
    QString previous = QStringLiteral("~");
    for (int row = 0; row < m_page->caseCount(); ++row) {
        const QString number = m_page->model()->index(row, ui::CaseListModel::Number).data().toString();
        QVERIFY2(number < previous, qPrintable(number));
        previous = number;
    }
}

void TestCasesPage::numberPrefixFinds()
{
    insertCases(150);
    m_page->show();
    auto *search = m_page->findChild<QLineEdit *>(QStringLiteral("caseSearchEdit"));
    search->setText(QStringLiteral("330106-w07-20260101-012"));
    QCOMPARE(m_page->caseCount(), 10); // 0120 … 0129
    // A scanned QR code finds its case.
    search->setText(QStringLiteral("OW1;k=R;c=x;n=330106-W07-20260101-0042;d=20260101;w=k;s=x"));
    QCOMPARE(m_page->caseCount(), 1);
    QCOMPARE(m_page->model()->index(0, ui::CaseListModel::Number).data().toString(),
        QStringLiteral("330106-W07-20260101-0042"));
}

QString TestCasesPage::decidedCase()
{
    intake::IntakeWorkflow w(*m_catalog, m_context.calendar, m_clock, *m_store, *m_context.key, m_context.window);
    QStringList errors;
    errors << w.start()
           << w.setApplicant(
                  intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value())
           << w.choose(checklist::Selection::ofMatters({QStringLiteral("330106-QR-POLICE-003")}))
           << w.decide(intake::IntakeWorkflow::Decision::Notice) << w.finish() << w.reopen(w.caseId());
    const auto lines = w.checklist().materials;
    for (const auto &line : lines)
        errors << w.mark(line.id, checklist::Received::Original);
    errors << w.goTo(intake::IntakeWorkflow::Step::Verdict) << w.decide(intake::IntakeWorkflow::Decision::Accept)
           << w.finish();
    errors.removeAll(QString());
    return errors.isEmpty() ? w.caseNumber() : QStringLiteral("failed: ") + errors.first();
}

void TestCasesPage::visitsAndReprint()
{
    const QString number = decidedCase();
    QVERIFY2(!number.startsWith(QLatin1String("failed")), qPrintable(number));
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QCOMPARE(m_page->caseCount(), 1);
    QCOMPARE(m_page->model()->index(0, ui::CaseListModel::Number).data().toString(), number);
    QCOMPARE(m_page->model()->index(0, ui::CaseListModel::Visits).data().toString(), QStringLiteral("2"));

    auto *reprint = m_page->findChild<QPushButton *>(QStringLiteral("reprintButton"));
    QVERIFY(!reprint->isEnabled()); // nothing selected
    table()->selectRow(0);
    QVERIFY(reprint->isEnabled());
    QTest::mouseClick(reprint, Qt::LeftButton);
    QVERIFY(m_page->reprintView());
    QTRY_VERIFY(m_page->reprintView()->isVisible());
    QCOMPARE(m_printed.size(), 1); // sent to the receipt printer again
    QByteArray bytes;
    for (const QByteArray &b : std::as_const(m_printed.first()))
        bytes += b;
    QVERIFY(bytes.contains(number.left(16).toLatin1())); // the number (the slip may wrap its tail)
}

// A station offline: the receipt says 临时受理凭证 and the Cases section shows it provisional until
// the back office's `confirmed` event arrives; then it is confirmed.
void TestCasesPage::provisionalReceiptTurnsConfirmed()
{
    intake::IntakeWorkflow w(*m_catalog, m_context.calendar, m_clock, *m_store, *m_context.key, m_context.window);
    bool offline = true;
    w.setOfflineCheck([&offline] { return offline; });
    QStringList errors;
    errors << w.start()
           << w.setApplicant(
                  intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value())
           << w.choose(checklist::Selection::ofMatters({QStringLiteral("330106-QR-POLICE-003")}));
    const auto lines = w.checklist().materials; // a copy: each mark() recomputes the checklist
    for (const auto &line : lines)
        errors << w.mark(line.id, checklist::Received::Original);
    errors << w.goTo(intake::IntakeWorkflow::Step::Verdict) << w.decide(intake::IntakeWorkflow::Decision::Accept);
    errors.removeAll(QString());
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QVERIFY(w.document().provisional);
    // In the window's document language (zh_CN), whatever the screen speaks.
    QCOMPARE(w.document().title(), QStringLiteral("临时受理凭证"));
    const QString caseId = w.caseId();
    const QString number = w.caseNumber();
    QCOMPARE(w.finish(), QString());

    // Online again: the next receipt is final.
    offline = false;
    QCOMPARE(w.start(), QString());
    QCOMPARE(
        w.setApplicant(intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value()),
        QString());
    QCOMPARE(w.choose(checklist::Selection::ofMatters({QStringLiteral("330106-QR-POLICE-003")})), QString());
    QCOMPARE(w.decide(intake::IntakeWorkflow::Decision::Notice), QString());
    QVERIFY(!w.document().provisional);
    QCOMPARE(w.document().title(), QStringLiteral("一次性告知书"));

    m_page->show();
    QCOMPARE(m_page->caseCount(), 2);
    auto syncOf = [this](const QString &id) {
        for (int row = 0; row < m_page->model()->rowCount(); ++row) {
            if (m_page->model()->caseAt(row)->id == id)
                return m_page->model()->index(row, ui::CaseListModel::Sync).data().toString();
        }
        return QString();
    };
    QCOMPARE(syncOf(caseId), QStringLiteral("provisional receipt · waiting to sync"));
    QCOMPARE(syncOf(w.caseId()), QStringLiteral("waiting to sync"));
    // The back office's confirmation, as the puller applies it.
    const QJsonObject confirmed {{QStringLiteral("cursor"), 1}, {QStringLiteral("case"), caseId},
        {QStringLiteral("type"), QStringLiteral("confirmed")},
        {QStringLiteral("at"), QStringLiteral("2026-11-27T02:00:00Z")},
        {QStringLiteral("data"), QJsonObject {{QStringLiteral("number"), number}}}};
    QCOMPARE(sync::SyncJournal(*m_store).applyEvents(QJsonArray {confirmed}, 1, m_clock.now()), QString());
    m_page->model()->refreshSync();
    QCOMPARE(syncOf(caseId), QStringLiteral("confirmed"));

    // Routed and decided: the departments column follows.
    auto departmentsOf = [this](const QString &id) {
        for (int row = 0; row < m_page->model()->rowCount(); ++row) {
            if (m_page->model()->caseAt(row)->id == id)
                return m_page->model()->index(row, ui::CaseListModel::Departments).data().toString();
        }
        return QString();
    };
    QCOMPARE(departmentsOf(caseId), QString());
    // A matter chosen on its own is named as well as a bundle.
    QCOMPARE(
        m_page->model()->index(0, ui::CaseListModel::Matter).data().toString(), QStringLiteral("居民身份证首次申领"));
    const QJsonObject routed {{QStringLiteral("cursor"), 2}, {QStringLiteral("case"), caseId},
        {QStringLiteral("type"), QStringLiteral("routed")},
        {QStringLiteral("at"), QStringLiteral("2026-11-27T02:00:01Z")},
        {QStringLiteral("data"),
            QJsonObject {{QStringLiteral("department"), QStringLiteral("police")},
                {QStringLiteral("items"), QJsonArray {QStringLiteral("item-1")}}}}};
    const QJsonObject decided {{QStringLiteral("cursor"), 3}, {QStringLiteral("case"), caseId},
        {QStringLiteral("type"), QStringLiteral("decided")}, {QStringLiteral("item"), QStringLiteral("item-1")},
        {QStringLiteral("at"), QStringLiteral("2026-11-27T03:00:00Z")},
        {QStringLiteral("data"),
            QJsonObject {{QStringLiteral("department"), QStringLiteral("police")},
                {QStringLiteral("outcome"), QStringLiteral("supplement")},
                {QStringLiteral("what"), QStringLiteral("a clearer photo")}}}};
    QCOMPARE(sync::SyncJournal(*m_store).applyEvents(QJsonArray {routed}, 2, m_clock.now()), QString());
    m_page->model()->refreshSync();
    QCOMPARE(departmentsOf(caseId), QStringLiteral("with 1 department"));
    QCOMPARE(sync::SyncJournal(*m_store).applyEvents(QJsonArray {decided}, 3, m_clock.now()), QString());
    m_page->model()->refreshSync();
    // Named as the catalogue names the department.
    QCOMPARE(departmentsOf(caseId), QStringLiteral("杭州市公安局西湖区分局 asks for: a clearer photo"));
}

// A case the back office holds instead of routing it (its `held` event): the departments column and
// the selected case's detail say so with the reason, in English and in Chinese, until it is routed.
void TestCasesPage::heldCaseSaysWhy()
{
    intake::IntakeWorkflow w(*m_catalog, m_context.calendar, m_clock, *m_store, *m_context.key, m_context.window);
    QStringList errors;
    errors << w.start()
           << w.setApplicant(
                  intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value())
           << w.choose(checklist::Selection::ofMatters({QStringLiteral("330106-QR-POLICE-003")}));
    const auto lines = w.checklist().materials; // a copy: each mark() recomputes the checklist
    for (const auto &line : lines)
        errors << w.mark(line.id, checklist::Received::Original);
    errors << w.goTo(intake::IntakeWorkflow::Step::Verdict) << w.decide(intake::IntakeWorkflow::Decision::Accept)
           << w.finish();
    errors.removeAll(QString());
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    const QString caseId = w.caseId();
    const QString reason = QStringLiteral("The items the window decided differ from the back office's evaluation:"
                                          " only in the decision [330106-XK-FIRE-001 (fire)].");
    const QJsonObject held {{QStringLiteral("cursor"), 1}, {QStringLiteral("case"), caseId},
        {QStringLiteral("type"), QStringLiteral("held")},
        {QStringLiteral("at"), QStringLiteral("2026-11-27T02:00:00Z")},
        {QStringLiteral("data"), QJsonObject {{QStringLiteral("reason"), reason}, {QStringLiteral("decidedSeq"), 9}}}};
    QCOMPARE(sync::SyncJournal(*m_store).applyEvents(QJsonArray {held}, 1, m_clock.now()), QString());

    m_page->show();
    QCOMPARE(m_page->caseCount(), 1);
    auto *label = m_page->findChild<QLabel *>(QStringLiteral("heldLabel"));
    QVERIFY(label);
    QVERIFY(label->isHidden()); // nothing selected yet
    // A few words in the list (a long reason would make the row as tall as the window), the reason
    // in full in the tool tip and under the list.
    const QString english = QStringLiteral("held by the back office, not sent to the departments: ") + reason;
    QCOMPARE(m_page->model()->index(0, ui::CaseListModel::Departments).data().toString(),
        QStringLiteral("held by the back office, not sent to the departments"));
    QCOMPARE(m_page->model()->index(0, ui::CaseListModel::Departments).data(Qt::ToolTipRole).toString(), english);
    table()->selectRow(0);
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), english);

    // The window in Chinese: 后台暂缓分送.
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    const QString chinese = QStringLiteral("后台暂缓分送：") + reason;
    QTRY_COMPARE(
        m_page->model()->index(0, ui::CaseListModel::Departments).data().toString(), QStringLiteral("后台暂缓分送"));
    QCOMPARE(m_page->model()->index(0, ui::CaseListModel::Departments).data(Qt::ToolTipRole).toString(), chinese);
    table()->selectRow(0);
    QCOMPARE(label->text(), chinese);
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));

    // A hold the back office states in parts is worded by the window, matters by their names.
    QJsonObject parts = held;
    parts.insert(QStringLiteral("cursor"), 2);
    parts.insert(QStringLiteral("data"),
        QJsonObject {{QStringLiteral("reason"), reason}, {QStringLiteral("decidedSeq"), 9},
            {QStringLiteral("code"), QStringLiteral("items-differ")},
            {QStringLiteral("onlyDecided"),
                QJsonArray {QJsonObject {{QStringLiteral("matter"), QStringLiteral("330106-XK-FIRE-001")},
                    {QStringLiteral("department"), QStringLiteral("fire")}}}},
            {QStringLiteral("onlyEvaluated"), QJsonArray {}}});
    QCOMPARE(sync::SyncJournal(*m_store).applyEvents(QJsonArray {parts}, 2, m_clock.now()), QString());
    m_page->model()->refreshSync();
    const QString fire = m_catalog->matter(QStringLiteral("330106-XK-FIRE-001"))->name;
    QCOMPARE(m_page->model()->index(0, ui::CaseListModel::Departments).data(Qt::ToolTipRole).toString(),
        QStringLiteral("held by the back office, not sent to the departments: the back office's check of the "
                       "catalogue gives other items than the window decided (only decided here: %1; only in its "
                       "check: none)")
            .arg(fire));
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    const QString worded =
        QStringLiteral("后台暂缓分送：后台按事项目录核对的办理事项与窗口决定不一致（仅窗口决定：%1；仅后台核对：无）")
            .arg(fire);
    QTRY_COMPARE(m_page->model()->index(0, ui::CaseListModel::Departments).data(Qt::ToolTipRole).toString(), worded);
    table()->selectRow(0);
    QCOMPARE(label->text(), worded);
    if (const QString dir = qEnvironmentVariable("OW_SCREENSHOT_DIR"); !dir.isEmpty())
        m_page->grab().save(QDir(dir).filePath(QStringLiteral("cases-held.png"))); // for a person to look at
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));

    // Routed at last (the admin resolved it): held no longer, while the case stays selected.
    table()->selectRow(0);
    const QJsonObject routed {{QStringLiteral("cursor"), 3}, {QStringLiteral("case"), caseId},
        {QStringLiteral("type"), QStringLiteral("routed")},
        {QStringLiteral("at"), QStringLiteral("2026-11-27T03:00:00Z")},
        {QStringLiteral("data"),
            QJsonObject {{QStringLiteral("department"), QStringLiteral("police")},
                {QStringLiteral("items"), QJsonArray {QStringLiteral("item-1")}}}}};
    QCOMPARE(sync::SyncJournal(*m_store).applyEvents(QJsonArray {routed}, 3, m_clock.now()), QString());
    m_page->model()->refreshSync();
    QCOMPARE(m_page->model()->index(0, ui::CaseListModel::Departments).data().toString(),
        QStringLiteral("with 1 department"));
    QVERIFY(label->isHidden());
}

QTEST_MAIN(TestCasesPage)
#include "tst_casespage.moc"
