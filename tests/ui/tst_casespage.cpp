#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/store/Store.h"
#include "onewindow/sync/SyncJournal.h"
#include "onewindow/testsupport/PdfTestPlugin.h"
#include "onewindow/ui/CaseListModel.h"
#include "onewindow/ui/CaseTimelineDialog.h"
#include "onewindow/ui/CasesPage.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/DocumentView.h"
#include "onewindow/ui/HandoutDialog.h"
#include "onewindow/ui/SupplementDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

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
    void doubleClickOpensTheTimelineNotAReprint();
    void scannedQrOpensItsCaseOrIsRefusedWithTheReason();
    void exactIdNumberFinds();
    void supplementThenHandOutFromTheCaseWindow();
    void contextMenuOffersWhatTheCaseNeeds();
    void caseWindowsFollowTheLanguage();

private:
    // `n` finished cases of this window, inserted as raw rows (one transaction).
    void insertCases(int n);
    // A notice, the applicant's return, an acceptance: a decided case with two visits.
    QString decidedCase();
    // The applicant's return case (decidedCase) by its id.
    QString decidedCaseId();
    void applyEvent(const QString &caseId, const QString &type, const QString &item, const QJsonObject &data);
    // The department asks for a clearer photo (routed, decided: supplement).
    void askForSupplement(const QString &caseId);
    // The department approves, the result is ready, the back office says every item is done.
    void resultReady(const QString &caseId);
    // Opens the 案件 list's context menu on `row` by a right click; `inMenu` runs while it is open.
    void withContextMenu(int row, const std::function<void(QMenu *)> &inMenu);
    qint64 m_cursor = 0;
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
    testsupport::usePdfPluginFromBuild();
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));
    m_catalog = Catalog::load(Catalog::builtinPath()).value();
    m_context.clock = &m_clock;
    m_context.calendar = WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar")).value();
    m_context.window.windowCode = QStringLiteral("W07");
    m_context.window.clerk = QStringLiteral("clerk-7");
    m_context.catalog = &*m_catalog;
    m_context.key = receipt::WindowKey::generate(m_context.window.keyId()).value();
    m_context.keys.add(m_context.key->keyId(), m_context.key->publicKey());
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
    m_cursor = 0;
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
    // A QR code that is not signed by a key of the ring finds nothing, and says why.
    search->setText(QStringLiteral("OW1;k=R;c=x;n=330106-W07-20260101-0042;d=20260101;w=k;s=x"));
    QCOMPARE(m_page->caseCount(), 0);
    QVERIFY2(m_page->message().startsWith(QStringLiteral("This QR code is refused: ")), qPrintable(m_page->message()));
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

QString TestCasesPage::decidedCaseId()
{
    const QString number = decidedCase();
    const auto found = store::CaseRepository(*m_store).findByNumber(number);
    return found ? found->id : QString();
}

void TestCasesPage::applyEvent(const QString &caseId, const QString &type, const QString &item, const QJsonObject &data)
{
    ++m_cursor;
    QJsonObject e {{QStringLiteral("cursor"), m_cursor}, {QStringLiteral("case"), caseId},
        {QStringLiteral("type"), type}, {QStringLiteral("at"), m_clock.now().toUTC().toString(Qt::ISODate)},
        {QStringLiteral("data"), data}};
    if (!item.isEmpty())
        e.insert(QStringLiteral("item"), item);
    QCOMPARE(sync::SyncJournal(*m_store).applyEvents(QJsonArray {e}, m_cursor, m_clock.now()), QString());
}

// Issue 22: double-clicking a case opens its window (timeline), not a reprint; the reprint is an
// action there.
void TestCasesPage::doubleClickOpensTheTimelineNotAReprint()
{
    const QString caseId = decidedCaseId();
    QVERIFY(!caseId.isEmpty());
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    table()->selectRow(0);
    const QRect cell = table()->visualRect(m_page->model()->index(0, ui::CaseListModel::Number));
    QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_VERIFY(m_page->timeline() && m_page->timeline()->isVisible());
    QCOMPARE(m_page->timeline()->caseId(), caseId);
    QVERIFY(m_printed.isEmpty()); // nothing printed
    QVERIFY(!m_page->reprintView());
    // The timeline: the start, the notice, the return (a visit), the acceptance, in order.
    auto *events = m_page->timeline()->findChild<QTableWidget *>(QStringLiteral("eventsTable"));
    QVERIFY(events);
    QStringList what;
    for (int r = 0; r < events->rowCount(); ++r)
        what << events->item(r, 1)->text();
    QVERIFY2(what.size() >= 5, qPrintable(what.join(u'|')));
    QCOMPARE(what.first(), QStringLiteral("case started"));
    QVERIFY2(what.contains(QStringLiteral("one-time notice of missing materials issued")), qPrintable(what.join(u'|')));
    QVERIFY2(what.contains(QStringLiteral("visit: back with the one-time notice")), qPrintable(what.join(u'|')));
    QCOMPARE(what.last(), QStringLiteral("left the window"));
    auto *visits = m_page->timeline()->findChild<QLabel *>(QStringLiteral("visitsLabel"));
    QVERIFY2(visits->text().contains(QStringLiteral("2 times until the result (at most one visit: not met)")),
        qPrintable(visits->text()));
    // Reprint from the case window.
    QTest::mouseClick(m_page->timeline()->findChild<QPushButton *>(QStringLiteral("reprintButton")), Qt::LeftButton);
    QTRY_VERIFY(m_page->reprintView() && m_page->reprintView()->isVisible());
    QCOMPARE(m_printed.size(), 1);
}

// A receipt's QR scanned in the 案件 section: genuine → its case opens; altered → refused with the
// reason; signed by a key after its revocation → refused.
void TestCasesPage::scannedQrOpensItsCaseOrIsRefusedWithTheReason()
{
    const QString caseId = decidedCaseId();
    QVERIFY(!caseId.isEmpty());
    const auto notices = store::CaseRepository(*m_store).notices(caseId);
    QVERIFY(notices.size() >= 2);
    const QString qr = notices.last().qrPayload; // the receipt (after the notice)
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    Q_EMIT m_devices.scanned(qr);
    QTRY_VERIFY(m_page->timeline() && m_page->timeline()->isVisible());
    QCOMPARE(m_page->timeline()->caseId(), caseId);
    QCOMPARE(m_page->caseCount(), 1);
    m_page->timeline()->close();

    // Forged: the case number changed on a copied code.
    QString forged = qr;
    const qsizetype n = forged.indexOf(QLatin1String(";n=")) + 3;
    forged[n + 7] = forged.at(n + 7) == u'W' ? u'X' : u'W';
    Q_EMIT m_devices.scanned(forged);
    QCOMPARE(m_page->caseCount(), 0);
    QVERIFY2(m_page->message().startsWith(QStringLiteral("This QR code is refused: ")), qPrintable(m_page->message()));
    QVERIFY(!m_page->timeline()->isVisible());

    // The window's key revoked before the receipt's day: the receipt is refused from then on.
    receipt::KeyRing revoked;
    revoked.addRevoked(m_context.key->keyId(), m_context.key->publicKey(), m_clock.now().addDays(-1));
    const receipt::KeyRing keep = m_context.keys;
    m_context.keys = revoked;
    Q_EMIT m_devices.scanned(qr);
    m_context.keys = keep;
    QCOMPARE(m_page->caseCount(), 0);
    QVERIFY2(m_page->message().startsWith(QStringLiteral("This QR code is refused: ")), qPrintable(m_page->message()));
    QVERIFY(!m_page->timeline()->isVisible());
}

// The exact ID number (the store's blind index) lists the applicant's cases.
void TestCasesPage::exactIdNumberFinds()
{
    const QString caseId = decidedCaseId();
    QVERIFY(!caseId.isEmpty());
    insertCases(3);
    m_page->show();
    QCOMPARE(m_page->caseCount(), 4);
    auto *search = m_page->findChild<QLineEdit *>(QStringLiteral("caseSearchEdit"));
    search->setText(QStringLiteral("33010619900101123x"));
    QCOMPARE(m_page->caseCount(), 1);
    QCOMPARE(m_page->model()->caseAt(0)->id, caseId);
    search->setText(QStringLiteral("110101198001010053")); // valid, nobody's
    QCOMPARE(m_page->caseCount(), 0);
}

// From the case window: a department's supplement request is a task, taken in (a counted visit);
// once every result is ready the case is handed out against a signed slip, printed and shown; the
// list then says so, with the pickup beside the visits.
void TestCasesPage::supplementThenHandOutFromTheCaseWindow()
{
    const QString caseId = decidedCaseId();
    QVERIFY(!caseId.isEmpty());
    applyEvent(caseId, QStringLiteral("routed"), {},
        {{QStringLiteral("department"), QStringLiteral("police")},
            {QStringLiteral("items"), QJsonArray {QStringLiteral("item-1")}}});
    applyEvent(caseId, QStringLiteral("decided"), QStringLiteral("item-1"),
        {{QStringLiteral("department"), QStringLiteral("police")},
            {QStringLiteral("outcome"), QStringLiteral("supplement")},
            {QStringLiteral("what"), QStringLiteral("a clearer photo")}});
    m_page->show();
    QCOMPARE(m_page->openCase(caseId), QString());
    ui::CaseTimelineDialog *t = m_page->timeline();
    auto *tasks = t->findChild<QTableWidget *>(QStringLiteral("tasksTable"));
    QCOMPARE(tasks->rowCount(), 1);
    QCOMPARE(tasks->item(0, 0)->text(), QStringLiteral("a clearer photo"));
    // Due five working days after the request, from the calendar.
    QCOMPARE(tasks->item(0, 2)->text(),
        QLocale().toString(m_context.calendar.addWorkingDays(m_clock.now().date(), 5), QLocale::ShortFormat));
    auto *items = t->findChild<QTableWidget *>(QStringLiteral("itemsTable"));
    QCOMPARE(items->rowCount(), 1);
    QCOMPARE(items->item(0, 2)->text(), QStringLiteral("asks for a supplement: a clearer photo"));
    QVERIFY(!t->findChild<QPushButton *>(QStringLiteral("handoutButton"))->isEnabled());

    ui::SupplementDialog *supplement = t->openSupplement();
    QVERIFY(supplement);
    QCOMPARE(supplement->takeIn(), QString());
    QCOMPARE(tasks->rowCount(), 0);
    QCOMPARE(items->item(0, 2)->text(), QStringLiteral("supplement taken in, with the department again"));

    // The department approves; the result is ready; the back office says every item is done.
    applyEvent(caseId, QStringLiteral("decided"), QStringLiteral("item-1"),
        {{QStringLiteral("department"), QStringLiteral("police")},
            {QStringLiteral("outcome"), QStringLiteral("approved")}});
    applyEvent(caseId, QStringLiteral("ready"), QStringLiteral("item-1"),
        {{QStringLiteral("department"), QStringLiteral("police")}});
    applyEvent(caseId, QStringLiteral("handout"), {}, {{QStringLiteral("ready"), 1}, {QStringLiteral("rejected"), 0}});
    t->refresh();
    QVERIFY(items->item(0, 2)->text().startsWith(QStringLiteral("result ready")));
    QVERIFY(t->findChild<QPushButton *>(QStringLiteral("handoutButton"))->isEnabled());
    ui::HandoutDialog *handout = t->openHandout();
    QVERIFY(handout);
    QVERIFY(!handout->deliver().isEmpty()); // no collector yet
    handout->setCollector(
        intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value());
    QVERIFY(!handout->deliver().isEmpty()); // nothing ticked
    handout->tickAll();
    QCOMPARE(handout->deliver(), QString());
    QTRY_VERIFY(handout->slipView() && handout->slipView()->isVisible());
    QTRY_VERIFY(!handout->slipView()->pdf().isEmpty()); // drawn on a worker
    QCOMPARE(m_printed.size(), 1); // the slip on the receipt printer
    QVERIFY(items->item(0, 2)->text() == QStringLiteral("handed out"));
    QCOMPARE(m_page->model()->index(0, ui::CaseListModel::Status).data().toString(), QStringLiteral("handed out"));
    QCOMPARE(m_page->model()->index(0, ui::CaseListModel::Visits).data().toString(), QStringLiteral("3+1"));

    // Screenshots for a person to look at (OW_SCREENSHOTS=<dir>): the case window, the hand-out
    // and the slip's A4 PDF, in the clerks' language.
    const QString shots = qEnvironmentVariable("OW_SCREENSHOTS");
    if (!shots.isEmpty()) {
        QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
        t->show();
        t->refresh();
        QVERIFY(QTest::qWaitForWindowExposed(t));
        QVERIFY(t->grab().save(QDir(shots).filePath(QStringLiteral("case-timeline.png"))));
        QVERIFY(handout->grab().save(QDir(shots).filePath(QStringLiteral("handout.png"))));
        QFile pdf(QDir(shots).filePath(QStringLiteral("handout-slip.pdf")));
        QVERIFY(pdf.open(QIODevice::WriteOnly));
        pdf.write(handout->slipView()->pdf());
        QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));
    }
}

void TestCasesPage::askForSupplement(const QString &caseId)
{
    applyEvent(caseId, QStringLiteral("routed"), {},
        {{QStringLiteral("department"), QStringLiteral("police")},
            {QStringLiteral("items"), QJsonArray {QStringLiteral("item-1")}}});
    applyEvent(caseId, QStringLiteral("decided"), QStringLiteral("item-1"),
        {{QStringLiteral("department"), QStringLiteral("police")},
            {QStringLiteral("outcome"), QStringLiteral("supplement")},
            {QStringLiteral("what"), QStringLiteral("a clearer photo")}});
}

void TestCasesPage::resultReady(const QString &caseId)
{
    applyEvent(caseId, QStringLiteral("decided"), QStringLiteral("item-1"),
        {{QStringLiteral("department"), QStringLiteral("police")},
            {QStringLiteral("outcome"), QStringLiteral("approved")}});
    applyEvent(caseId, QStringLiteral("ready"), QStringLiteral("item-1"),
        {{QStringLiteral("department"), QStringLiteral("police")}});
    applyEvent(caseId, QStringLiteral("handout"), {}, {{QStringLiteral("ready"), 1}, {QStringLiteral("rejected"), 0}});
}

void TestCasesPage::withContextMenu(int row, const std::function<void(QMenu *)> &inMenu)
{
    table()->setFocus();
    table()->setCurrentIndex(m_page->model()->index(row, ui::CaseListModel::Number));
    bool seen = false;
    QTimer poll;
    poll.setInterval(10);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu || !menu->isVisible())
            return;
        poll.stop();
        QCOMPARE(menu->objectName(), QStringLiteral("caseMenu"));
        seen = true;
        inMenu(menu);
        if (menu->isVisible())
            menu->close();
    });
    poll.start();
    // A right click on the row, through the window as the platform sends it.
    const QPoint at = table()->viewport()->mapTo(
        m_page.get(), table()->visualRect(m_page->model()->index(row, ui::CaseListModel::Matter)).center());
    QTest::mouseClick(m_page->windowHandle(), Qt::RightButton, {}, at);
    QTRY_VERIFY(seen);
}

// Issue 22: the 案件 list's context menu offers what the case can do now: nothing for a case not
// decided, the supplement while a department asks for one (not the hand-out), the hand-out once
// every result is ready (not the supplement); each action opens its window.
void TestCasesPage::contextMenuOffersWhatTheCaseNeeds()
{
    const QString caseId = decidedCaseId();
    QVERIFY(!caseId.isEmpty());
    // A second case, started and not decided.
    intake::IntakeWorkflow w(*m_catalog, m_context.calendar, m_clock, *m_store, *m_context.key, m_context.window);
    QCOMPARE(w.start(), QString());
    QCOMPARE(
        w.setApplicant(intake::Party::person(QStringLiteral("110101198001010053"), QStringLiteral("李四")).value()),
        QString());
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QCOMPARE(m_page->caseCount(), 2);
    int decidedRow = -1;
    int draftRow = -1;
    for (int row = 0; row < 2; ++row)
        (m_page->model()->caseAt(row)->id == caseId ? decidedRow : draftRow) = row;
    QVERIFY(decidedRow >= 0 && draftRow >= 0);
    const auto enabled = [](QMenu *menu) {
        QStringList on;
        for (const QString &name : {QStringLiteral("timelineAction"), QStringLiteral("reprintAction"),
                 QStringLiteral("supplementAction"), QStringLiteral("handoutAction")}) {
            auto *a = menu->findChild<QAction *>(name);
            if (a && a->isEnabled())
                on << name;
        }
        return on;
    };

    QStringList on;
    withContextMenu(draftRow, [&](QMenu *menu) { on = enabled(menu); });
    QCOMPARE(on, QStringList());

    // Decided, with the departments: its timeline and reprint, nothing to take in or hand out.
    QString handoutTip;
    withContextMenu(decidedRow, [&](QMenu *menu) {
        on = enabled(menu);
        handoutTip = menu->findChild<QAction *>(QStringLiteral("handoutAction"))->toolTip();
    });
    QCOMPARE(on, (QStringList {QStringLiteral("timelineAction"), QStringLiteral("reprintAction")}));
    QVERIFY(!handoutTip.isEmpty()); // why not

    // The department asks for a supplement: "Take in supplement…" (S) opens it.
    askForSupplement(caseId);
    withContextMenu(decidedRow, [&](QMenu *menu) {
        on = enabled(menu);
        QTest::keyClick(menu, Qt::Key_S);
    });
    QCOMPARE(on,
        (QStringList {
            QStringLiteral("timelineAction"), QStringLiteral("reprintAction"), QStringLiteral("supplementAction")}));
    QTRY_VERIFY(m_page->timeline() && m_page->timeline()->isVisible());
    QCOMPARE(m_page->timeline()->caseId(), caseId);
    auto *supplement = m_page->timeline()->findChild<ui::SupplementDialog *>(QStringLiteral("supplementDialog"));
    QVERIFY(supplement);
    QTRY_VERIFY(supplement->isVisible());
    QCOMPARE(supplement->takeIn(), QString());
    supplement->close();
    m_page->timeline()->close();

    // Every result ready: "Hand out…" (H) opens the hand-out, the supplement is done.
    resultReady(caseId);
    withContextMenu(decidedRow, [&](QMenu *menu) {
        on = enabled(menu);
        QTest::keyClick(menu, Qt::Key_H);
    });
    QCOMPARE(on,
        (QStringList {
            QStringLiteral("timelineAction"), QStringLiteral("reprintAction"), QStringLiteral("handoutAction")}));
    auto *handout = m_page->timeline()->findChild<ui::HandoutDialog *>(QStringLiteral("handoutDialog"));
    QVERIFY(handout);
    QTRY_VERIFY(handout->isVisible());
    handout->close();
    m_page->timeline()->close();

    // "Timeline" (T) and "Reprint" (R).
    withContextMenu(decidedRow, [&](QMenu *menu) { QTest::keyClick(menu, Qt::Key_T); });
    QTRY_VERIFY(m_page->timeline()->isVisible());
    m_page->timeline()->close();
    withContextMenu(decidedRow, [&](QMenu *menu) { QTest::keyClick(menu, Qt::Key_R); });
    QTRY_VERIFY(m_page->reprintView() && m_page->reprintView()->isVisible());
    QCOMPARE(m_printed.size(), 1);
}

// Issue 22: the case window, the supplement and the hand-out say again in the language the
// window switches to what they set in code (the hand-out's title line, its collector line and
// items, the supplement's case line and how it came, the "handed out" line).
void TestCasesPage::caseWindowsFollowTheLanguage()
{
    const QString caseId = decidedCaseId();
    QVERIFY(!caseId.isEmpty());
    askForSupplement(caseId);
    m_page->show();
    QCOMPARE(m_page->openCase(caseId), QString());
    ui::CaseTimelineDialog *t = m_page->timeline();
    const QString number = m_page->model()->caseAt(0)->number;
    ui::SupplementDialog *supplement = t->openSupplement();
    QVERIFY(supplement);
    auto *supplementCase = supplement->findChild<QLabel *>(QStringLiteral("caseLabel"));
    auto *how = supplement->findChild<QComboBox *>(QStringLiteral("howCombo"));
    QCOMPARE(supplementCase->text(), QStringLiteral("Case %1: the applicant brings").arg(number));
    QCOMPARE(how->itemText(0), QStringLiteral("original"));
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    QTRY_COMPARE(supplementCase->text(), QStringLiteral("案件 %1：申请人补正").arg(number));
    QCOMPARE(how->itemText(0), QStringLiteral("原件"));
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));
    QTRY_COMPARE(how->itemText(0), QStringLiteral("original"));
    QCOMPARE(supplement->takeIn(), QString());

    resultReady(caseId);
    t->refresh();
    ui::HandoutDialog *handout = t->openHandout();
    QVERIFY(handout);
    handout->setCollector(
        intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value());
    auto *caseLine = handout->findChild<QLabel *>(QStringLiteral("caseLabel"));
    auto *collector = handout->findChild<QLabel *>(QStringLiteral("collectorLabel"));
    auto *button = handout->findChild<QPushButton *>(QStringLiteral("handoutButton"));
    QCOMPARE(caseLine->text(), QStringLiteral("Case %1: hand out").arg(number));
    QVERIFY2(collector->text().endsWith(QStringLiteral(": the applicant in person.")), qPrintable(collector->text()));
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    QTRY_COMPARE(caseLine->text(), QStringLiteral("案件 %1：出件").arg(number));
    QVERIFY2(collector->text().endsWith(QStringLiteral("：申请人本人。")), qPrintable(collector->text()));
    QCOMPARE(button->text(), QStringLiteral("出件并打印出件单(&H)"));
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));
    QTRY_COMPARE(caseLine->text(), QStringLiteral("Case %1: hand out").arg(number));
    handout->tickAll();
    QCOMPARE(handout->deliver(), QString());
    auto *message = t->findChild<QLabel *>(QStringLiteral("messageLabel"), Qt::FindDirectChildrenOnly);
    QCOMPARE(message->text(), QStringLiteral("Handed out."));
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    QTRY_COMPARE(message->text(), QStringLiteral("已出件。"));
    QCOMPARE(caseLine->text(), QStringLiteral("案件 %1：出件").arg(number));
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));
    QTRY_COMPARE(message->text(), QStringLiteral("Handed out."));
}

QTEST_MAIN(TestCasesPage)
#include "tst_casespage.moc"
