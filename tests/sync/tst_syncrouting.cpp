// What the receipt promised reaches the departments. Companies identified by their business
// licence's QR (the applicant's entity type then comes from the licence, 来自证件, not from a
// clerk's answer) open a restaurant and a convenience store through the real IntakeWorkflow; the
// real sync engine pushes them to a real back office (admin seed-demo); every item the receipt
// names must be at its department. A decided entry whose items were tampered with (one added,
// one removed) is held with the reason, never routed or trimmed, and the window's journal and its
// 案件 list show the hold and why.
#include "DemoWindow.h"
#include "SyncFixture.h"

#include "onewindow/account/SyncLink.h"
#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/core/DemoAccounts.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/scan/LicenceQr.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/Store.h"
#include "onewindow/sync/SyncJournal.h"
#include "onewindow/sync/SyncService.h"
#include "onewindow/ui/CaseListModel.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using ow::core::DemoAccounts;
using ow::intake::IntakeWorkflow;

using Run = synctest::CommandRun;
using synctest::runCommand;

namespace {

constexpr int kWait = 30000;

// A business licence's QR as the national credit system prints it (the demo licence's layout).
QString licenceQr(const QString &creditCode, const QString &name)
{
    QUrl url(QStringLiteral("https://www.gsxt.gov.cn/index.html"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("uniscid"), creditCode);
    query.addQueryItem(QStringLiteral("entname"), name);
    url.setQuery(query);
    return QString::fromUtf8(url.toEncoded());
}

} // namespace

class TestSyncRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void licenceCompaniesReachEveryDepartmentTheReceiptNames_data();
    void licenceCompaniesReachEveryDepartmentTheReceiptNames();
    void tamperedDecidedItemsAreHeldWithTheReason_data();
    void tamperedDecidedItemsAreHeldWithTheReason();
    void cleanupTestCase();

private:
    // A case through the workflow as the clerk makes it at the window: the licence's QR scanned
    // at the Applicant step, the bundle chosen, only the questions the licence does not answer
    // answered, every material received, accepted. Returns the case id ("" and a failure).
    QString makeCase(const QString &bundle, const QList<QPair<QString, QString>> &answers, QStringList *promised);
    QJsonArray departmentItems(const QString &department);
    QByteArray token(const QString &user);
    QString held(); // the admin's list of held cases

    QTemporaryDir m_dir;
    synctest::DemoWindow m_demo;
};

void TestSyncRouting::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString why = m_demo.seed(m_dir.path());
    QVERIFY2(why.isEmpty(), qPrintable(why));
    why = m_demo.start();
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestSyncRouting::cleanupTestCase()
{
    m_demo.stop();
}

QString TestSyncRouting::makeCase(
    const QString &bundle, const QList<QPair<QString, QString>> &answers, QStringList *promised)
{
    ow::intake::WindowConfig config = m_demo.config;
    config.clerk = QStringLiteral("Demo clerk");
    IntakeWorkflow w(*m_demo.catalog, *m_demo.calendar, ow::Clock::system(), *m_demo.store, *m_demo.key, config);
    QStringList errors;
    auto must = [&errors](const QString &err) {
        if (!err.isEmpty())
            errors << err;
    };
    must(w.start());
    // The licence's QR, read as the window reads it (IntakePage::takeLicence).
    const auto licence = ow::scan::LicenceQr::parse(
        licenceQr(QStringLiteral("91310110666007217T"), QStringLiteral("杭州味道餐饮有限公司")));
    if (!licence) {
        QTest::qFail(qPrintable(licence.error()), __FILE__, __LINE__);
        return QString();
    }
    const auto company = ow::intake::Party::company(licence->creditCode, licence->name);
    if (!company) {
        QTest::qFail(qPrintable(company.error()), __FILE__, __LINE__);
        return QString();
    }
    must(w.setApplicant(company.value()));
    must(w.choose(ow::checklist::Selection::ofBundle(bundle)));
    if (!w.answersFromParty().contains(QStringLiteral("entity")))
        errors << QStringLiteral("the licence did not answer entity");
    for (const auto &a : answers)
        must(w.answer(a.first, a.second));
    const auto lines = w.checklist().materials; // a copy: each mark() recomputes the checklist
    for (const auto &line : lines)
        must(w.mark(line.id, ow::checklist::Received::Original));
    must(w.goTo(IntakeWorkflow::Step::Verdict));
    must(w.decide(IntakeWorkflow::Decision::Accept, QString()));
    if (!errors.isEmpty()) {
        QTest::qFail(qPrintable(errors.join(QLatin1String("; "))), __FILE__, __LINE__);
        return QString();
    }
    // What the receipt promises: its matter lines (name and department, as printed).
    for (const auto &m : w.document().matters)
        *promised << m.name;
    must(w.recordPrinted(QStringLiteral("receipt-printer")));
    must(w.finish());
    return errors.isEmpty() ? w.caseId() : QString();
}

QByteArray TestSyncRouting::token(const QString &user)
{
    const QJsonObject body {{QStringLiteral("name"), user}, {QStringLiteral("password"), DemoAccounts::password()}};
    const auto r = synctest::http(m_demo.server.port(), "POST", QStringLiteral("/v1/sessions"),
        QJsonDocument(body).toJson(QJsonDocument::Compact), {{"Content-Type", "application/json"}});
    return QJsonDocument::fromJson(r.body).object().value(QLatin1String("token")).toString().toLatin1();
}

QString TestSyncRouting::held()
{
    const Run r = runCommand(synctest::backOfficeBinary(),
        {QStringLiteral("admin"), QStringLiteral("held"), QStringLiteral("--data-dir"),
            m_dir.filePath(QStringLiteral("backoffice"))});
    return r.out + r.err;
}

QJsonArray TestSyncRouting::departmentItems(const QString &department)
{
    const auto r =
        synctest::http(m_demo.server.port(), "GET", QStringLiteral("/v1/departments/%1/items").arg(department), {},
            {{"Authorization", "Bearer " + token(DemoAccounts::departmentUser(department))}});
    return QJsonDocument::fromJson(r.body).object().value(QLatin1String("items")).toArray();
}

void TestSyncRouting::licenceCompaniesReachEveryDepartmentTheReceiptNames_data()
{
    QTest::addColumn<QString>("bundle");
    QTest::addColumn<QStringList>("answers"); // question=value
    QTest::addColumn<QStringList>("expected"); // matters that must be routed (company items among them)
    QTest::newRow("开餐馆") << QStringLiteral("open-restaurant")
                            << QStringList {QStringLiteral("area=120"), QStringLiteral("renovation=no"),
                                   QStringLiteral("fumes=yes"), QStringLiteral("signboard=yes")}
                            << QStringList {QStringLiteral("330106-XK-AMR-001"), QStringLiteral("330106-QT-POLICE-001"),
                                   QStringLiteral("330106-XK-AMR-003"), QStringLiteral("330106-XK-FIRE-001")};
    QTest::newRow("开便利店") << QStringLiteral("open-convenience-store")
                              << QStringList {QStringLiteral("food=prepackaged"), QStringLiteral("tobacco=yes"),
                                     QStringLiteral("signboard=no")}
                              << QStringList {QStringLiteral("330106-XK-AMR-001"), QStringLiteral("330106-QT-AMR-005"),
                                     QStringLiteral("330106-XK-TOBACCO-001")};
}

void TestSyncRouting::licenceCompaniesReachEveryDepartmentTheReceiptNames()
{
    QFETCH(QString, bundle);
    QFETCH(QStringList, answers);
    QFETCH(QStringList, expected);
    QList<QPair<QString, QString>> pairs;
    for (const QString &a : answers)
        pairs.append({a.section(QLatin1Char('='), 0, 0), a.section(QLatin1Char('='), 1)});
    QStringList promised;
    const QString caseId = makeCase(bundle, pairs, &promised);
    QVERIFY(!caseId.isEmpty());
    m_demo.link->engine()->kick();
    ow::store::CaseLog log(*m_demo.store);
    QTRY_VERIFY_WITH_TIMEOUT(log.pendingCount() == 0, kWait);
    QVERIFY(m_demo.link->engine()->status().conflicts.isEmpty());

    // Routed in the transaction that applied the decision: the window's puller hears of it.
    QTRY_VERIFY2_WITH_TIMEOUT(
        !ow::sync::SyncJournal(*m_demo.store).remote(caseId).value(QLatin1String("routed")).toObject().isEmpty(),
        qPrintable(held()), kWait);
    // Every item the window decided (what the receipt names) is at its department.
    QHash<QString, QString> departmentOf; // matter → department
    for (const ow::Matter &m : m_demo.catalog->matters())
        departmentOf.insert(m.code, m.department);
    const QJsonObject decided = [&] {
        const auto entries = log.entries(caseId);
        for (const auto &e : entries.value())
            if (e.kind == QLatin1String("decided"))
                return e.payload;
        return QJsonObject();
    }();
    const QJsonArray items = decided.value(QLatin1String("items")).toArray();
    QCOMPARE(items.size(), promised.size());
    QStringList decidedMatters;
    for (const QJsonValue &v : items)
        decidedMatters << v.toObject().value(QLatin1String("matter")).toString();
    for (const QString &m : std::as_const(expected))
        QVERIFY2(decidedMatters.contains(m), qPrintable(m + QStringLiteral(" is not on the receipt")));
    for (const QString &matter : std::as_const(decidedMatters)) {
        const QString department = departmentOf.value(matter);
        QVERIFY2(!department.isEmpty(), qPrintable(matter));
        bool found = false;
        for (const QJsonValue &v : departmentItems(department)) {
            const QJsonObject o = v.toObject();
            if (o.value(QLatin1String("case")).toString() == caseId
                && o.value(QLatin1String("matter")).toString() == matter)
                found = true;
        }
        QVERIFY2(found, qPrintable(QStringLiteral("%1 is not at %2; held: %3").arg(matter, department, held())));
    }
}

void TestSyncRouting::tamperedDecidedItemsAreHeldWithTheReason_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("item removed") << QStringLiteral("remove");
    QTest::newRow("item added") << QStringLiteral("add");
}

void TestSyncRouting::tamperedDecidedItemsAreHeldWithTheReason()
{
    QFETCH(QString, change);
    // The window's engine stops: this case goes to the back office by hand, its items changed.
    m_demo.link->engine()->stop();
    QStringList promised;
    const QString caseId = makeCase(QStringLiteral("open-restaurant"),
        {{QStringLiteral("area"), QStringLiteral("30")}, {QStringLiteral("renovation"), QStringLiteral("no")},
            {QStringLiteral("fumes"), QStringLiteral("no")}, {QStringLiteral("signboard"), QStringLiteral("no")}},
        &promised);
    QVERIFY(!caseId.isEmpty());
    auto entries = ow::store::CaseLog(*m_demo.store).entries(caseId);
    QVERIFY2(entries, qPrintable(entries.error()));
    QJsonArray body;
    QString changed; // the matter removed or added
    for (ow::store::LogEntry e : entries.value()) {
        if (e.kind == QLatin1String("decided")) {
            QJsonArray items = e.payload.value(QLatin1String("items")).toArray();
            QVERIFY(items.size() >= 2);
            changed = change == QLatin1String("remove")
                ? items.at(0).toObject().value(QLatin1String("matter")).toString()
                : QStringLiteral("330106-XK-FIRE-001");
            if (change == QLatin1String("remove"))
                items.removeAt(0); // market registration silently dropped
            else
                items.append(QJsonObject {{QStringLiteral("matter"), QStringLiteral("330106-XK-FIRE-001")},
                    {QStringLiteral("department"), QStringLiteral("fire")}});
            e.payload.insert(QStringLiteral("items"), items);
        }
        body.append(e.toJson());
    }
    const QByteArray clerk = token(DemoAccounts::clerk());
    const auto pushed = synctest::http(m_demo.server.port(), "POST", QStringLiteral("/v1/cases/%1/entries").arg(caseId),
        QJsonDocument(body).toJson(QJsonDocument::Compact),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + clerk}});
    QVERIFY2(pushed.status == 200 || pushed.status == 202, pushed.body.constData());

    // Not a single item routed: neither the dropped one nor the others.
    for (const QString &department : {QStringLiteral("amr"), QStringLiteral("tax"), QStringLiteral("fire")}) {
        for (const QJsonValue &v : departmentItems(department))
            QVERIFY(v.toObject().value(QLatin1String("case")).toString() != caseId);
    }
    // The window hears why (a 'held' event); the admin's list names it with the reason.
    const auto events = synctest::http(m_demo.server.port(), "GET", QStringLiteral("/v1/events?after=0&limit=500"), {},
        {{"Authorization", "Bearer " + clerk}});
    QCOMPARE(events.status, 200);
    QString reason;
    for (const QJsonValue &v : QJsonDocument::fromJson(events.body).object().value(QLatin1String("events")).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("case")).toString() == caseId
            && e.value(QLatin1String("type")).toString() == QLatin1String("held"))
            reason = e.value(QLatin1String("data")).toObject().value(QLatin1String("reason")).toString();
    }
    QVERIFY2(reason.contains(change == QLatin1String("remove") ? QStringLiteral("only in the evaluation [330106-")
                                                               : QStringLiteral("330106-XK-FIRE-001 (fire)")),
        qPrintable(reason));
    const QString list = held();
    QVERIFY2(list.contains(caseId + QStringLiteral("\t") + DemoAccounts::window() + QStringLiteral("\tdisputed")),
        qPrintable(list));

    // The window's own puller brings the hold into its journal, and its 案件 list shows it with
    // the reason. (Its pusher meanwhile finds the back office's entries differ: a conflict.)
    m_demo.link->engine()->start();
    QTRY_COMPARE_WITH_TIMEOUT(
        ow::sync::SyncJournal(*m_demo.store).remote(caseId).value(QLatin1String("heldReason")).toString(), reason,
        kWait);
    ow::ui::CaseListModel model;
    model.reset(&*m_demo.store, &*m_demo.catalog, DemoAccounts::window().section(QLatin1Char('-'), 1), QString());
    int row = -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.caseAt(r)->id == caseId)
            row = r;
    }
    QVERIFY(row >= 0);
    // Worded by the window from the hold's parts, the matters by their names in its catalogue.
    const ow::Matter *matter = m_demo.catalog->matter(changed);
    QVERIFY(matter);
    const QString parts = change == QLatin1String("remove")
        ? QStringLiteral("only decided here: none; only in its check: %1").arg(matter->name)
        : QStringLiteral("only decided here: %1; only in its check: none").arg(matter->name);
    const QString expected = QStringLiteral("held by the back office, not sent to the departments: the back office's "
                                            "check of the catalogue gives other items than the window decided (")
        + parts + QLatin1Char(')');
    QCOMPARE(model.index(row, ow::ui::CaseListModel::Departments).data().toString(),
        QStringLiteral("held by the back office, not sent to the departments"));
    QCOMPARE(model.index(row, ow::ui::CaseListModel::Departments).data(Qt::ToolTipRole).toString(), expected);
    QCOMPARE(model.heldText(row), expected);
}

QTEST_GUILESS_MAIN(TestSyncRouting)
#include "tst_syncrouting.moc"
