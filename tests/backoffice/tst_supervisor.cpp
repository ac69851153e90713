// The supervisor's overview at the back office (issue 24), label supervisor: a fixture day at the
// demo window, every step at a known time (the server reads "now" from OW_BACKOFFICE_CLOCK_FILE,
// the window's workflow from the same fixture clock; no sleeps):
// - tickets issued, called, served and done through the queue routes;
// - cases made through the real IntakeWorkflow (accept, 容缺, notice, notice → return → accept,
//   refuse) and pushed as the window pushes them; a 容缺 case from 30 days before whose line is
//   overdue and whose items' promised dates come near; a department deciding through
//   `onewindow-tool dept decide`;
// - a bad rating sealed to the key ring's rating key, the clerk's appeal;
// then GET /v1/supervisor/overview is compared with the figures computed here by hand from those
// known times: live windows, deadlines, outcomes per window and per clerk, ratings, the daily
// series; a supervisor sees only their windows, an admin all, a clerk 403; an appeal decided by
// its window's supervisor and refused to another supervisor. SQLite, and PostgreSQL as `_pg`.
#include "ApiClient.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/core/DemoAccounts.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/Rating.h"
#include "onewindow/receipt/RatingSeal.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/Store.h"
#include "onewindow/testsupport/RestaurantVisit.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using ow::core::DemoAccounts;
using ow::intake::IntakeWorkflow;
using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

QJsonObject loadSpec()
{
    QFile f(QStringLiteral(OW_OPENAPI));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

Headers bearer(const QString &token)
{
    return {{"Authorization", "Bearer " + token.toLatin1()}};
}

#define API_OK(r) QVERIFY2((r).violations.isEmpty(), qPrintable((r).violations.join(QLatin1Char('\n'))))

const QString kSup = QStringLiteral("sup-one");
const QString kSupOther = QStringLiteral("sup-two");
const QString kAdmin = QStringLiteral("centre-admin");
const QString kPassword = QStringLiteral("a long test password");
const QString kStation = QStringLiteral("330106-S09");
const QString kOtherWindow = QStringLiteral("330106-W09");
// The fixture day: Monday 7 December 2026, a working day; the centre is at UTC+8.
const QDate kDay(2026, 12, 7);

QDateTime at(QDate day, int hour, int minute)
{
    return QDateTime(day, QTime(hour, minute), Qt::OffsetFromUTC, 8 * 3600).toUTC();
}

// The fixture's clock, for the window's workflow (the server reads the same time from its file).
class FixtureClock final : public ow::Clock
{
public:
    QDateTime now() const override { return m_now; }
    QDateTime m_now;
};

struct Made
{
    QString id;
    QString number;
    QJsonArray entries;
};

using Kind = ow::testsupport::RestaurantVisit::Outcome;

QJsonObject find(const QJsonArray &rows, const QString &key, const QString &value)
{
    for (const QJsonValue &v : rows)
        if (v.toObject().value(key).toString() == value)
            return v.toObject();
    return {};
}

} // namespace

class TestSupervisor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fixtureDayFiguresMatchTheHandComputedOnes();
    void supervisorSeesOnlyTheirWindowsAdminAllClerkNone();
    void adminPagesThroughTheWindowsWithExactTotals();
    void appealIsDecidedByItsWindowsSupervisorOnly();
    void cleanupTestCase();

private:
    void setNow(const QDateTime &now);
    Made make(Kind kind);
    int push(const Made &m, int from);
    QString token(const QString &user, const QString &password = DemoAccounts::password());
    QJsonObject ticketAction(const QString &path);
    QJsonObject overview(const QString &user, const QString &query = QString());
    QString dept(const QString &department, const QStringList &args, int *exitCode);

    QTemporaryDir m_dir;
    QString m_serverDir;
    QString m_keysDir;
    QString m_clockFile;
    FixtureClock m_clock;
    BackOfficeProcess m_server;
    std::unique_ptr<ApiClient> m_api;
    std::optional<ow::store::Store> m_store;
    std::optional<ow::Catalog> m_catalog;
    std::optional<ow::WorkCalendar> m_calendar;
    Made m_old; // 容缺, 30 days before the fixture day
    Made m_rated; // accepted at 09:15, rated bad at 09:20
    int m_ratedSeq = 0;
    QString m_appeal;
    QHash<QString, QString> m_tickets; // T1…T5 → ticket id
};

void TestSupervisor::setNow(const QDateTime &now)
{
    m_clock.m_now = now;
    QSaveFile f(m_clockFile);
    if (!f.open(QIODevice::WriteOnly) || f.write(now.toUTC().toString(Qt::ISODateWithMs).toLatin1()) < 0 || !f.commit())
        qFatal("cannot write the clock file %s", qPrintable(m_clockFile));
}

QString TestSupervisor::token(const QString &user, const QString &password)
{
    const ApiResponse r = m_api->call("POST", QStringLiteral("/v1/sessions"),
        QJsonObject {{QStringLiteral("name"), user}, {QStringLiteral("password"), password}});
    if (r.status != 201)
        qWarning("sign-in of %s: %d %s", qPrintable(user), r.status, r.raw.constData());
    return r.object().value(QLatin1String("token")).toString();
}

Made TestSupervisor::make(Kind kind)
{
    const QStringList window = DemoAccounts::window().split(QLatin1Char('-'));
    auto key = ow::receipt::WindowKey::loadOrCreate(m_keysDir, ow::receipt::KeyRing::demoKeyId(DemoAccounts::window()));
    if (!key)
        qFatal("key: %s", qPrintable(key.error()));
    ow::intake::WindowConfig config;
    config.regionCode = window.at(0);
    config.windowCode = window.at(1);
    config.windowName = QStringLiteral("综合窗口1");
    config.clerk = DemoAccounts::clerk();
    IntakeWorkflow w(*m_catalog, *m_calendar, m_clock, *m_store, key.value(), config);
    ow::testsupport::RestaurantVisit visit;
    visit.outcome = kind;
    visit.comeBack = [this](IntakeWorkflow &again) {
        // Back two minutes later with what was missing (the clock moves with the applicant).
        m_clock.m_now = m_clock.m_now.addSecs(120);
        return again.reopen(again.caseId());
    };
    if (const QString why = ow::testsupport::walkRestaurant(w, visit); !why.isEmpty())
        qFatal("intake: %s", qPrintable(why));
    Made m;
    m.id = w.caseId();
    m.number = w.caseNumber();
    const auto log = ow::store::CaseLog(*m_store).entries(m.id);
    if (!log)
        qFatal("log: %s", qPrintable(log.error()));
    for (const auto &e : log.value())
        m.entries.append(e.toJson());
    return m;
}

int TestSupervisor::push(const Made &m, int from)
{
    QJsonArray batch;
    for (const QJsonValue &v : m.entries)
        if (v.toObject().value(QLatin1String("seq")).toInt() >= from)
            batch.append(v);
    const ApiResponse r = m_api->call(
        "POST", QStringLiteral("/v1/cases/%1/entries").arg(m.id), batch, bearer(token(DemoAccounts::clerk())));
    if (!r.violations.isEmpty())
        qWarning("%s", qPrintable(r.violations.join(QLatin1Char('\n'))));
    if (r.status != 200)
        qWarning("push: %d %s", r.status, r.raw.constData());
    return r.status;
}

QJsonObject TestSupervisor::ticketAction(const QString &path)
{
    const ApiResponse r = m_api->call("POST", path, QJsonObject(), bearer(token(DemoAccounts::clerk())));
    if (r.status != 200 && r.status != 201)
        qWarning("%s: %d %s", qPrintable(path), r.status, r.raw.constData());
    return r.object();
}

QJsonObject TestSupervisor::overview(const QString &user, const QString &query)
{
    const ApiResponse r = m_api->call("GET", QStringLiteral("/v1/supervisor/overview") + query, QJsonValue::Undefined,
        bearer(token(user, user.startsWith(QLatin1String("demo-")) ? DemoAccounts::password() : kPassword)));
    if (!r.violations.isEmpty())
        qWarning("%s", qPrintable(r.violations.join(QLatin1Char('\n'))));
    if (r.status != 200)
        return QJsonObject {{QStringLiteral("status"), r.status}};
    return r.object();
}

QString TestSupervisor::dept(const QString &department, const QStringList &args, int *exitCode)
{
    QProcess p;
    p.start(QStringLiteral(OW_TOOL),
        QStringList {QStringLiteral("dept")} + args
            + QStringList {QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()),
                QStringLiteral("--user"), DemoAccounts::departmentUser(department), QStringLiteral("--password"),
                DemoAccounts::password()});
    p.waitForFinished(60000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

void TestSupervisor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_serverDir = m_dir.filePath(QStringLiteral("backoffice"));
    m_keysDir = m_dir.filePath(QStringLiteral("window/keys"));
    m_clockFile = m_dir.filePath(QStringLiteral("now"));
    qputenv("OW_BACKOFFICE_CLOCK_FILE", m_clockFile.toLocal8Bit());
    setNow(at(kDay.addDays(-30), 8, 0));
    const AdminRun seeded =
        runAdmin(m_serverDir, {QStringLiteral("seed-demo"), QStringLiteral("--window-key-dir"), m_keysDir});
    QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.out + seeded.err));
    for (const auto &[key, kind] :
        {std::pair {kStation, QStringLiteral("station")}, std::pair {kOtherWindow, QStringLiteral("window")}}) {
        const AdminRun w = runAdmin(m_serverDir,
            {QStringLiteral("add-window"), QStringLiteral("--region"), key.section(QLatin1Char('-'), 0, 0),
                QStringLiteral("--code"), key.section(QLatin1Char('-'), 1), QStringLiteral("--name"),
                kind == QLatin1String("station") ? QStringLiteral("转塘街道便民服务站") : QStringLiteral("综合窗口9"),
                QStringLiteral("--kind"), kind});
        QVERIFY2(w.exitCode == 0, qPrintable(w.err));
    }
    const QList<QStringList> users {
        {QStringLiteral("--name"), kSup, QStringLiteral("--role"), QStringLiteral("supervisor"),
            QStringLiteral("--windows"), DemoAccounts::window() + QLatin1Char(',') + kStation},
        {QStringLiteral("--name"), kSupOther, QStringLiteral("--role"), QStringLiteral("supervisor"),
            QStringLiteral("--windows"), kOtherWindow},
        {QStringLiteral("--name"), kAdmin, QStringLiteral("--role"), QStringLiteral("admin")}};
    for (const QStringList &u : users) {
        const AdminRun added =
            runAdmin(m_serverDir, QStringList {QStringLiteral("add-user")} + u, kPassword.toUtf8() + '\n');
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }
    QVERIFY2(m_server.start(m_serverDir), qPrintable(m_server.stderrText()));
    m_api = std::make_unique<ApiClient>(loadSpec());
    m_api->setPort(m_server.port());
    auto store = ow::store::Store::open(m_dir.filePath(QStringLiteral("window")));
    QVERIFY2(store, qPrintable(store.error()));
    m_store.emplace(std::move(store.value()));
    auto catalog = ow::Catalog::load(ow::Catalog::builtinPath());
    QVERIFY2(catalog, qPrintable(catalog.error()));
    m_catalog.emplace(std::move(catalog.value()));
    auto calendar = ow::WorkCalendar::loadDirectory(QStringLiteral(OW_CALENDAR_DIR));
    QVERIFY2(calendar, qPrintable(calendar.error()));
    m_calendar.emplace(std::move(calendar.value()));

    // 30 days before: a 容缺 case, its line due long before the fixture day.
    setNow(at(kDay.addDays(-30), 10, 0));
    m_old = make(Kind::Tolerated);
    QCOMPARE(push(m_old, 1), 200);

    // The fixture day. Tickets: T1 09:00, T2 09:02, T3 09:05, T4 09:10 (business).
    const QString hallTickets = QStringLiteral("/v1/halls/%1/tickets").arg(DemoAccounts::hall());
    const QList<std::pair<QString, QTime>> issued {{QStringLiteral("T1"), QTime(9, 0)},
        {QStringLiteral("T2"), QTime(9, 2)}, {QStringLiteral("T3"), QTime(9, 5)}, {QStringLiteral("T4"), QTime(9, 10)}};
    for (const auto &[name, time] : issued) {
        setNow(at(kDay, time.hour(), time.minute()));
        const ApiResponse r = m_api->call("POST", hallTickets,
            QJsonObject {{QStringLiteral("category"), QStringLiteral("business")}}, bearer(DemoAccounts::kioskToken()));
        API_OK(r);
        QCOMPARE(r.status, 201);
        m_tickets.insert(
            name, r.object().value(QLatin1String("ticket")).toObject().value(QLatin1String("id")).toString());
    }
    const QString calls = QStringLiteral("/v1/windows/%1/calls").arg(DemoAccounts::window());
    const auto callNext = [&](const QString &expected, int h, int m) {
        setNow(at(kDay, h, m));
        return ticketAction(calls).value(QLatin1String("id")).toString() == m_tickets.value(expected);
    };
    const auto act = [&](const QString &ticket, const QString &action, int h, int m) {
        setNow(at(kDay, h, m));
        return ticketAction(QStringLiteral("/v1/tickets/%1/%2").arg(m_tickets.value(ticket), action))
                   .value(QLatin1String("id"))
                   .toString()
            == m_tickets.value(ticket);
    };
    QVERIFY(callNext(QStringLiteral("T1"), 9, 10)); // waited 600 s
    QVERIFY(act(QStringLiteral("T1"), QStringLiteral("serve"), 9, 11));
    setNow(at(kDay, 9, 15));
    m_rated = make(Kind::Accept);
    QCOMPARE(push(m_rated, 1), 200);

    // 09:20: the applicant's bad rating of the acceptance, sealed to the key ring's rating key.
    setNow(at(kDay, 9, 20));
    ApiResponse r = m_api->call("GET", QStringLiteral("/v1/keyring"));
    auto ring = ow::receipt::KeyRing::fromJson(r.raw);
    QVERIFY2(ring, qPrintable(ring.error()));
    ow::receipt::Rating rating;
    rating.caseId = m_rated.id;
    rating.service = QStringLiteral("acceptance");
    rating.level = ow::receipt::Rating::Level::Dissatisfied;
    rating.reasons = {QStringLiteral("efficiency")};
    rating.text = QStringLiteral("排队太久");
    rating.at = m_clock.now();
    const QJsonObject last = m_rated.entries.last().toObject();
    m_ratedSeq = last.value(QLatin1String("seq")).toInt() + 1;
    m_rated.entries.append(QJsonObject {{QStringLiteral("case"), m_rated.id}, {QStringLiteral("seq"), m_ratedSeq},
        {QStringLiteral("at"), m_clock.now().toString(Qt::ISODateWithMs)},
        {QStringLiteral("window"), last.value(QLatin1String("window"))},
        {QStringLiteral("clerk"), last.value(QLatin1String("clerk"))},
        {QStringLiteral("kind"), QStringLiteral("rated")},
        {QStringLiteral("payload"),
            QJsonObject {{QStringLiteral("service"), QStringLiteral("acceptance")},
                {QStringLiteral("sealed"), ow::receipt::RatingSeal::seal(rating, ring->ratingKey()).value()}}}});
    QCOMPARE(push(m_rated, m_ratedSeq), 200);

    QVERIFY(act(QStringLiteral("T1"), QStringLiteral("done"), 9, 21)); // handled 600 s
    QVERIFY(callNext(QStringLiteral("T2"), 9, 21)); // waited 1140 s
    QVERIFY(act(QStringLiteral("T2"), QStringLiteral("serve"), 9, 22));
    setNow(at(kDay, 9, 25));
    const Made tolerated = make(Kind::Tolerated);
    QCOMPARE(push(tolerated, 1), 200);
    QVERIFY(act(QStringLiteral("T2"), QStringLiteral("done"), 9, 30)); // handled 480 s
    QVERIFY(callNext(QStringLiteral("T3"), 9, 30)); // waited 1500 s
    QVERIFY(act(QStringLiteral("T3"), QStringLiteral("serve"), 9, 30));
    setNow(at(kDay, 9, 35));
    const Made notice = make(Kind::Notice);
    QCOMPARE(push(notice, 1), 200);
    setNow(at(kDay, 9, 40));
    const Made returned = make(Kind::NoticeThenAccept); // notice 09:40, back and accepted 09:42
    setNow(at(kDay, 9, 42));
    QCOMPARE(push(returned, 1), 200);
    QVERIFY(act(QStringLiteral("T3"), QStringLiteral("done"), 9, 45)); // handled 900 s
    QVERIFY(callNext(QStringLiteral("T4"), 9, 45)); // waited 2100 s
    QVERIFY(act(QStringLiteral("T4"), QStringLiteral("serve"), 9, 46));
    setNow(at(kDay, 9, 50));
    r = m_api->call("POST", hallTickets, QJsonObject {{QStringLiteral("category"), QStringLiteral("business")}},
        bearer(DemoAccounts::kioskToken()));
    QCOMPARE(r.status, 201);
    setNow(at(kDay, 9, 52));
    const Made refused = make(Kind::Refuse);
    QCOMPARE(push(refused, 1), 200);

    // 09:55: the rated clerk appeals (without reading the rating); a department decides an item
    // of the old case.
    setNow(at(kDay, 9, 55));
    r = m_api->call("POST", QStringLiteral("/v1/cases/%1/ratings/%2/appeal").arg(m_rated.id).arg(m_ratedSeq),
        QJsonObject {{QStringLiteral("reason"), QStringLiteral("高峰时段排队，非窗口服务问题")}},
        bearer(token(DemoAccounts::clerk())));
    API_OK(r);
    QCOMPARE(r.status, 201);
    m_appeal = r.object().value(QLatin1String("appeal")).toString();
    int code = -1;
    const QString approved = dept(QStringLiteral("amr"),
        {QStringLiteral("decide"), m_old.id, QStringLiteral("330106-XK-AMR-003"), QStringLiteral("--approve")}, &code);
    QVERIFY2(code == 0, qPrintable(approved));
    setNow(at(kDay, 10, 0));
}

void TestSupervisor::cleanupTestCase()
{
    m_server.stop();
}

void TestSupervisor::fixtureDayFiguresMatchTheHandComputedOnes()
{
    const QJsonObject o = overview(kSup);
    QVERIFY2(!o.contains(QLatin1String("status")), QJsonDocument(o).toJson().constData());
    QCOMPARE(o.value(QLatin1String("today")).toString(), kDay.toString(Qt::ISODate));
    QCOMPARE(o.value(QLatin1String("from")).toString(), kDay.toString(Qt::ISODate));

    // 1. Live at 10:00: T4 served since 09:46 (840 s), T5 waiting since 09:50 (600 s), the last
    // push 09:52 (480 s ago), the station never synced.
    const QJsonArray windows = o.value(QLatin1String("windows")).toArray();
    QCOMPARE(windows.size(), 2);
    const QJsonObject w1 = find(windows, QStringLiteral("window"), DemoAccounts::window());
    QCOMPARE(w1.value(QLatin1String("clerk")).toString(), DemoAccounts::clerk());
    const QJsonObject serving = w1.value(QLatin1String("serving")).toObject();
    QCOMPARE(serving.value(QLatin1String("ticket")).toString(), m_tickets.value(QStringLiteral("T4")));
    QCOMPARE(serving.value(QLatin1String("state")).toString(), QStringLiteral("serving"));
    QCOMPARE(serving.value(QLatin1String("seconds")).toInteger(), 840);
    QCOMPARE(w1.value(QLatin1String("waiting")).toInt(), 1);
    QCOMPARE(w1.value(QLatin1String("longestWaitSeconds")).toInteger(), 600);
    QCOMPARE(w1.value(QLatin1String("syncAgeSeconds")).toInteger(), 480);
    QCOMPARE(w1.value(QLatin1String("offline")).toBool(), false);
    const QJsonObject station = find(windows, QStringLiteral("window"), kStation);
    QCOMPARE(station.value(QLatin1String("kind")).toString(), QStringLiteral("station"));
    QVERIFY(station.value(QLatin1String("lastSyncAt")).isNull());
    QCOMPARE(station.value(QLatin1String("offline")).toBool(), true);

    // 3. Outcomes of the day. Waits 600, 1140, 1500, 2100 s: average 1335, p90 the 4th (ceil 3.6)
    // = 2100; handling 600, 480, 900: average 660. Decisions: accept (09:15, 09:42), 容缺 (09:25),
    // notice (09:35, 09:40), refuse (09:52). Results: 4 cases, the returned one 2 visits: 3 of 4.
    const QList<qint64> waits {600, 1140, 1500, 2100};
    const QList<qint64> handling {600, 480, 900};
    const double avgWait = std::accumulate(waits.begin(), waits.end(), 0.0) / waits.size();
    const double avgHandling = std::accumulate(handling.begin(), handling.end(), 0.0) / handling.size();
    const qint64 p90 = waits.at(qsizetype(std::ceil(0.9 * waits.size())) - 1);
    const auto checkOutcome = [&](const QJsonObject &row) {
        QCOMPARE(row.value(QLatin1String("tickets")).toInt(), 4);
        QCOMPARE(row.value(QLatin1String("avgWaitSeconds")).toDouble(), avgWait);
        QCOMPARE(row.value(QLatin1String("p90WaitSeconds")).toInteger(), p90);
        QCOMPARE(row.value(QLatin1String("avgHandlingSeconds")).toDouble(), avgHandling);
        QCOMPARE(row.value(QLatin1String("accepted")).toInt(), 2);
        QCOMPARE(row.value(QLatin1String("tolerated")).toInt(), 1);
        QCOMPARE(row.value(QLatin1String("notice")).toInt(), 2);
        QCOMPARE(row.value(QLatin1String("refused")).toInt(), 1);
        QCOMPARE(row.value(QLatin1String("cases")).toInt(), 4);
        QCOMPARE(row.value(QLatin1String("oneVisit")).toInt(), 3);
        QCOMPARE(row.value(QLatin1String("oneVisitShare")).toDouble(), 0.75);
    };
    const QJsonObject outcomes = o.value(QLatin1String("outcomes")).toObject();
    checkOutcome(outcomes.value(QLatin1String("total")).toObject());
    if (QTest::currentTestFailed())
        return;
    checkOutcome(
        find(outcomes.value(QLatin1String("windows")).toArray(), QStringLiteral("window"), DemoAccounts::window()));
    if (QTest::currentTestFailed())
        return;
    const QJsonArray clerks = outcomes.value(QLatin1String("clerks")).toArray();
    QCOMPARE(clerks.size(), 1);
    QCOMPARE(clerks.at(0).toObject().value(QLatin1String("clerk")).toString(), DemoAccounts::clerk());
    checkOutcome(clerks.at(0).toObject());
    if (QTest::currentTestFailed())
        return;
    const QJsonObject quiet =
        find(outcomes.value(QLatin1String("windows")).toArray(), QStringLiteral("window"), kStation);
    QCOMPARE(quiet.value(QLatin1String("tickets")).toInt(), 0);
    QVERIFY(quiet.value(QLatin1String("p90WaitSeconds")).isNull());

    // 2. Deadlines: every item still with its department whose promised date is at most 2
    // working days away (the calendar), overdue before today; the old case's 容缺 line overdue.
    const QDate nearLimit = m_calendar->addWorkingDays(kDay, 2);
    const QJsonObject deadlines = o.value(QLatin1String("deadlines")).toObject();
    QCOMPARE(deadlines.value(QLatin1String("nearLimit")).toString(), nearLimit.toString(Qt::ISODate));
    QSet<QString> expectedItems;
    int expectedOverdue = 0;
    QSet<QString> departments;
    for (const Made *m : {&m_old, &m_rated}) {
        const ApiResponse r = m_api->call(
            "GET", QStringLiteral("/v1/cases/%1").arg(m->id), QJsonValue::Undefined, bearer(token(kSup, kPassword)));
        for (const QJsonValue &v :
            r.object().value(QLatin1String("progress")).toObject().value(QLatin1String("items")).toArray())
            departments.insert(v.toObject().value(QLatin1String("department")).toString());
    }
    for (const QString &d : std::as_const(departments)) {
        const ApiResponse r = m_api->call("GET", QStringLiteral("/v1/departments/%1/items?state=routed").arg(d),
            QJsonValue::Undefined, bearer(token(DemoAccounts::departmentUser(d))));
        QCOMPARE(r.status, 200);
        for (const QJsonValue &v : r.object().value(QLatin1String("items")).toArray()) {
            const QDate promised =
                QDate::fromString(v.toObject().value(QLatin1String("promisedDate")).toString(), Qt::ISODate);
            if (promised.isValid() && promised <= nearLimit) {
                expectedItems.insert(v.toObject().value(QLatin1String("item")).toString());
                expectedOverdue += promised < kDay ? 1 : 0;
            }
        }
    }
    QVERIFY2(expectedOverdue > 0, "the old case's items should be past their promised dates");
    QSet<QString> gotItems;
    int gotOverdue = 0;
    for (const QJsonValue &v : deadlines.value(QLatin1String("items")).toArray()) {
        const QJsonObject item = v.toObject();
        gotItems.insert(item.value(QLatin1String("item")).toString());
        const QDate promised = QDate::fromString(item.value(QLatin1String("promisedDate")).toString(), Qt::ISODate);
        QCOMPARE(item.value(QLatin1String("overdue")).toBool(), promised < kDay);
        QCOMPARE(item.value(QLatin1String("workingDaysLeft")).toInt(), m_calendar->workingDaysBetween(kDay, promised));
        QVERIFY(item.value(QLatin1String("matter")).toString() != QLatin1String("330106-XK-AMR-003")
            || item.value(QLatin1String("case")).toString() != m_old.id); // decided: not listed
        gotOverdue += item.value(QLatin1String("overdue")).toBool() ? 1 : 0;
        // The department by its name (seed-demo added the catalogue's departments), not its code.
        const QString code = item.value(QLatin1String("department")).toString();
        QVERIFY(m_catalog->department(code));
        QCOMPARE(item.value(QLatin1String("departmentName")).toString(), m_catalog->department(code)->name);
    }
    QCOMPARE(gotItems, expectedItems);
    QCOMPARE(gotOverdue, expectedOverdue);
    int windowOverdue = 0;
    int windowNear = 0;
    for (const QJsonValue &v : deadlines.value(QLatin1String("byWindow")).toArray()) {
        windowOverdue += v.toObject().value(QLatin1String("overdue")).toInt();
        windowNear += v.toObject().value(QLatin1String("near")).toInt();
    }
    QCOMPARE(windowOverdue, expectedOverdue);
    QCOMPARE(windowNear, int(expectedItems.size()) - expectedOverdue);
    int departmentTotal = 0;
    for (const QJsonValue &v : deadlines.value(QLatin1String("byDepartment")).toArray()) {
        const QJsonObject d = v.toObject();
        departmentTotal += d.value(QLatin1String("overdue")).toInt() + d.value(QLatin1String("near")).toInt();
        const ow::Department *named = m_catalog->department(d.value(QLatin1String("key")).toString());
        QVERIFY(named && !named->name.isEmpty());
        QCOMPARE(d.value(QLatin1String("name")).toString(), named->name);
    }
    for (const QJsonValue &v : deadlines.value(QLatin1String("byWindow")).toArray())
        QCOMPARE(v.toObject().value(QLatin1String("name")).toString(), QStringLiteral("综合窗口 1（演示）"));
    QCOMPARE(departmentTotal, int(expectedItems.size()));
    // The 容缺 line: due by the old receipt's supplementBy; the fixture day's 容缺 is not due yet.
    QString oldDue;
    for (const QJsonValue &v : m_old.entries) {
        const QJsonObject p = v.toObject().value(QLatin1String("payload")).toObject();
        for (const QJsonValue &line :
            p.value(QLatin1String("document")).toObject().value(QLatin1String("missing")).toArray())
            if (line.toObject().value(QLatin1String("tolerable")).toBool())
                oldDue = line.toObject().value(QLatin1String("supplementBy")).toString();
    }
    QVERIFY(!oldDue.isEmpty() && QDate::fromString(oldDue, Qt::ISODate) < kDay);
    const QJsonArray supplements = deadlines.value(QLatin1String("supplementsOverdue")).toArray();
    QCOMPARE(supplements.size(), 1);
    QCOMPARE(supplements.at(0).toObject().value(QLatin1String("case")).toString(), m_old.id);
    QCOMPARE(supplements.at(0).toObject().value(QLatin1String("task")).toString(),
        QStringLiteral("tolerated:food-safety-rules"));
    QCOMPARE(supplements.at(0).toObject().value(QLatin1String("dueBy")).toString(), oldDue);
    QCOMPARE(supplements.at(0).toObject().value(QLatin1String("caseNumber")).toString(), m_old.number);

    // 4. The bad rating, due 15 working days after it arrived, its appeal pending.
    const QJsonObject ratings = o.value(QLatin1String("ratings")).toObject();
    const QJsonArray bad = ratings.value(QLatin1String("bad")).toArray();
    QCOMPARE(bad.size(), 1);
    QCOMPARE(bad.at(0).toObject().value(QLatin1String("case")).toString(), m_rated.id);
    QCOMPARE(bad.at(0).toObject().value(QLatin1String("level")).toString(), QStringLiteral("dissatisfied"));
    QCOMPARE(bad.at(0).toObject().value(QLatin1String("dueBy")).toString(),
        m_calendar->addWorkingDays(kDay, 15).toString(Qt::ISODate));
    QCOMPARE(bad.at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("open"));
    QVERIFY(bad.at(0).toObject().value(QLatin1String("callback")).isNull());
    QCOMPARE(bad.at(0).toObject().value(QLatin1String("appealPending")).toBool(), true);
    const QJsonArray appeals = ratings.value(QLatin1String("appeals")).toArray();
    QCOMPARE(appeals.size(), 1);
    QCOMPARE(appeals.at(0).toObject().value(QLatin1String("appeal")).toString(), m_appeal);
    QCOMPARE(appeals.at(0).toObject().value(QLatin1String("clerk")).toString(), DemoAccounts::clerk());

    // 5. The daily series over 31 days: the fixture day, the old case's day, zeros between.
    const QJsonObject month = overview(kSup,
        QStringLiteral("?from=%1&to=%2").arg(kDay.addDays(-30).toString(Qt::ISODate), kDay.toString(Qt::ISODate)));
    const QJsonArray daily = month.value(QLatin1String("daily")).toArray();
    QCOMPARE(daily.size(), 31);
    for (int i = 0; i < 31; ++i) {
        const QJsonObject d = daily.at(i).toObject();
        QCOMPARE(d.value(QLatin1String("day")).toString(), kDay.addDays(i - 30).toString(Qt::ISODate));
        const bool last = i == 30;
        const bool first = i == 0;
        QCOMPARE(d.value(QLatin1String("tickets")).toInt(), last ? 4 : 0);
        QCOMPARE(d.value(QLatin1String("p90WaitSeconds")).toInteger(-1), last ? p90 : -1);
        QCOMPARE(d.value(QLatin1String("accepted")).toInt(), last ? 3 : first ? 1 : 0);
        QCOMPARE(d.value(QLatin1String("cases")).toInt(), last ? 4 : first ? 1 : 0);
        QCOMPARE(d.value(QLatin1String("oneVisitShare")).toDouble(-1), last ? 0.75 : first ? 1.0 : -1);
    }
    // The month's totals hold the old case too: 5 results, 4 in one visit.
    const QJsonObject monthTotal =
        month.value(QLatin1String("outcomes")).toObject().value(QLatin1String("total")).toObject();
    QCOMPARE(monthTotal.value(QLatin1String("cases")).toInt(), 5);
    QCOMPARE(monthTotal.value(QLatin1String("tolerated")).toInt(), 2);
    QCOMPARE(monthTotal.value(QLatin1String("oneVisit")).toInt(), 4);
}

void TestSupervisor::supervisorSeesOnlyTheirWindowsAdminAllClerkNone()
{
    const auto keys = [](const QJsonObject &o) {
        QStringList out;
        for (const QJsonValue &v : o.value(QLatin1String("windows")).toArray())
            out << v.toObject().value(QLatin1String("window")).toString();
        return out;
    };
    QCOMPARE(keys(overview(kSup)), (QStringList {kStation, DemoAccounts::window()})); // the offline station first
    const QJsonObject other = overview(kSupOther);
    QCOMPARE(keys(other), QStringList {kOtherWindow});
    // Nothing of the demo window reaches the other window's supervisor.
    QCOMPARE(other.value(QLatin1String("outcomes"))
                 .toObject()
                 .value(QLatin1String("total"))
                 .toObject()
                 .value(QLatin1String("tickets"))
                 .toInt(),
        0);
    QVERIFY(other.value(QLatin1String("deadlines")).toObject().value(QLatin1String("items")).toArray().isEmpty());
    QVERIFY(other.value(QLatin1String("ratings")).toObject().value(QLatin1String("bad")).toArray().isEmpty());
    QVERIFY(other.value(QLatin1String("ratings")).toObject().value(QLatin1String("appeals")).toArray().isEmpty());
    const QStringList all = keys(overview(kAdmin));
    for (const QString &w : {DemoAccounts::window(), kStation, kOtherWindow})
        QVERIFY2(all.contains(w), qPrintable(all.join(QLatin1Char(','))));
    QCOMPARE(overview(kAdmin)
                 .value(QLatin1String("outcomes"))
                 .toObject()
                 .value(QLatin1String("total"))
                 .toObject()
                 .value(QLatin1String("tickets"))
                 .toInt(),
        4);
    QCOMPARE(overview(DemoAccounts::clerk()).value(QLatin1String("status")).toInt(), 403);
    QCOMPARE(overview(DemoAccounts::departmentUser(QStringLiteral("amr"))).value(QLatin1String("status")).toInt(), 403);
}

// An admin of a province pages through the windows (those that need attention first); the totals,
// the daily series and the lists stay those of every window.
void TestSupervisor::adminPagesThroughTheWindowsWithExactTotals()
{
    const QJsonObject all = overview(kAdmin);
    const int count = int(all.value(QLatin1String("windows")).toArray().size());
    QVERIFY(count >= 3);
    QCOMPARE(all.value(QLatin1String("page")).toObject().value(QLatin1String("windows")).toInt(), count);
    QCOMPARE(all.value(QLatin1String("page")).toObject().value(QLatin1String("limit")).toInt(), 100);
    const auto outcomesOf = [](const QJsonObject &o) { return o.value(QLatin1String("outcomes")).toObject(); };
    QStringList seen;
    for (int offset = 0; offset < count; ++offset) {
        const QJsonObject page = overview(kAdmin, QStringLiteral("?offset=%1&limit=1").arg(offset));
        QVERIFY2(!page.contains(QLatin1String("status")), QJsonDocument(page).toJson().constData());
        QCOMPARE(page.value(QLatin1String("page")).toObject(),
            (QJsonObject {
                {QStringLiteral("offset"), offset}, {QStringLiteral("limit"), 1}, {QStringLiteral("windows"), count}}));
        const QJsonArray windows = page.value(QLatin1String("windows")).toArray();
        QCOMPARE(windows.size(), 1);
        const QString key = windows.at(0).toObject().value(QLatin1String("window")).toString();
        seen << key;
        // The same order as the whole list: the offline station first, then the demo window (its
        // items overdue, one waiting).
        QCOMPARE(key,
            all.value(QLatin1String("windows"))
                .toArray()
                .at(offset)
                .toObject()
                .value(QLatin1String("window"))
                .toString());
        // Per window and per clerk: the page's window only; the totals and the daily series: all.
        const QJsonArray rows = outcomesOf(page).value(QLatin1String("windows")).toArray();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).toObject().value(QLatin1String("window")).toString(), key);
        for (const QJsonValue &v : outcomesOf(page).value(QLatin1String("clerks")).toArray())
            QCOMPARE(v.toObject().value(QLatin1String("window")).toString(), key);
        for (const QJsonValue &v :
            page.value(QLatin1String("deadlines")).toObject().value(QLatin1String("byWindow")).toArray())
            QCOMPARE(v.toObject().value(QLatin1String("key")).toString(), key);
        QCOMPARE(outcomesOf(page).value(QLatin1String("total")), outcomesOf(all).value(QLatin1String("total")));
        QCOMPARE(page.value(QLatin1String("daily")), all.value(QLatin1String("daily")));
        QCOMPARE(page.value(QLatin1String("deadlines")).toObject().value(QLatin1String("byDepartment")),
            all.value(QLatin1String("deadlines")).toObject().value(QLatin1String("byDepartment")));
        QCOMPARE(page.value(QLatin1String("ratings")), all.value(QLatin1String("ratings")));
    }
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), count);
    QCOMPARE(seen.at(0), kStation);
    QCOMPARE(seen.at(1), DemoAccounts::window());
    // Past the last page: no windows, the totals still there.
    const QJsonObject past = overview(kAdmin, QStringLiteral("?offset=%1&limit=50").arg(count));
    QVERIFY(past.value(QLatin1String("windows")).toArray().isEmpty());
    QCOMPARE(outcomesOf(past).value(QLatin1String("total")), outcomesOf(all).value(QLatin1String("total")));
    for (const QString &bad : {QStringLiteral("?limit=0"), QStringLiteral("?limit=501"), QStringLiteral("?offset=-1"),
             QStringLiteral("?limit=x")})
        QCOMPARE(overview(kAdmin, bad).value(QLatin1String("status")).toInt(), 400);
}

void TestSupervisor::appealIsDecidedByItsWindowsSupervisorOnly()
{
    const QJsonObject decision {{QStringLiteral("decision"), QStringLiteral("upheld")},
        {QStringLiteral("note"), QStringLiteral("等候时间确实过长")}};
    ApiResponse r = m_api->call("POST", QStringLiteral("/v1/ratings/appeals/%1/decision").arg(m_appeal), decision,
        bearer(token(kSupOther, kPassword)));
    API_OK(r);
    QCOMPARE(r.status, 403);
    QCOMPARE(
        overview(kSup).value(QLatin1String("ratings")).toObject().value(QLatin1String("appeals")).toArray().size(), 1);
    r = m_api->call("POST", QStringLiteral("/v1/ratings/appeals/%1/decision").arg(m_appeal), decision,
        bearer(token(kSup, kPassword)));
    API_OK(r);
    QCOMPARE(r.status, 200);
    const QJsonObject ratings = overview(kSup).value(QLatin1String("ratings")).toObject();
    QVERIFY(ratings.value(QLatin1String("appeals")).toArray().isEmpty());
    const QJsonObject bad = ratings.value(QLatin1String("bad")).toArray().at(0).toObject();
    QCOMPARE(bad.value(QLatin1String("appealPending")).toBool(), false);
    QCOMPARE(bad.value(QLatin1String("state")).toString(), QStringLiteral("open")); // upheld: still to rectify
}

QTEST_GUILESS_MAIN(TestSupervisor)
#include "tst_supervisor.moc"
