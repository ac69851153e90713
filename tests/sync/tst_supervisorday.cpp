// The 督办 section over a busy day (issue 24), built through the real workflows at known times:
// the back office reads "now" from OW_BACKOFFICE_CLOCK_FILE and the windows' workflow the same
// fixture clock, so waits and handling times are real minutes. Three windows are supervised: the
// demo window (two clerks, a morning and an afternoon shift), a second window with its own clerk
// (tickets only) and a station whose last sync was two days ago. Cases accepted at the demo window
// on the days before (their items now near or past their promised dates, a 容缺 line overdue) and
// through the day (accepted, 容缺, notices, a return, a refusal), each synced by the window's
// engine; tickets issued by the hall's kiosk from 08:40 on, called, served and done by the windows
// as they come free, with a lunch break; two bad ratings (one appealed). Then the section at 15:40:
// departments by their names (tables and the daily PDF), the station offline, the waits in
// minutes. OW_SCREENSHOT_DIR saves every tab and the PDF's pages (pdftoppm); OW_TEST_LANG=zh_CN
// shows them in Chinese.
#include "SyncFixture.h"

#include "onewindow/account/SyncLink.h"
#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/core/DemoAccounts.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/intake/CaseService.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/queue/Category.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/Rating.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/Store.h"
#include "onewindow/sync/SupervisorService.h"
#include "onewindow/sync/SyncJournal.h"
#include "onewindow/sync/SyncService.h"
#include "onewindow/testsupport/RestaurantVisit.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/RatingPrompt.h"
#include "onewindow/ui/SupervisorPage.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <QSet>

#include <algorithm>

using ow::core::DemoAccounts;
using ow::intake::IntakeWorkflow;
using ow::ui::SupervisorPage;

namespace {

constexpr int kWait = 30000;
const QString kSupervisor = QStringLiteral("sup-zhou");
const QString kPassword = QStringLiteral("a supervisor's password");
const QString kAfternoonClerk = QStringLiteral("zhang-min");
const QString kSecondWindow = QStringLiteral("330106-W02");
const QString kSecondClerk = QStringLiteral("li-na");
// The day: Monday 7 December 2026, a working day; the centre is at UTC+8. The view is read at 15:40.
const QDate kDay(2026, 12, 7);

QDateTime at(QDate day, int hour, int minute, int second = 0)
{
    return QDateTime(day, QTime(hour, minute, second), Qt::OffsetFromUTC, 8 * 3600).toUTC();
}

class FixtureClock final : public ow::Clock
{
public:
    QDateTime now() const override { return m_now; }
    QDateTime m_now;
};

using Kind = ow::testsupport::RestaurantVisit::Outcome;

QString cellText(QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

class TestSupervisorDay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void departmentsByTheirNames();
    void theDayInMinutes();
    void dailyReportNamesTheDepartments();
    void pagesThroughTheWindows();
    void cleanupTestCase();

private:
    void setNow(const QDateTime &now);
    QString admin(const QStringList &args, const QByteArray &input = {}, QString *out = nullptr);
    QByteArray token(const QString &user, const QString &password);
    QJsonObject call(const QByteArray &method, const QString &path, const QJsonObject &body, const QByteArray &bearer,
        int *status = nullptr);
    QString makeCase(Kind kind, const QString &clerk, int variant);
    bool synced(const QString &dir, const QString &user, const QString &password);
    bool refreshed(SupervisorPage &page);
    void rate(const QString &caseId, ow::receipt::Rating::Level level, const QString &text);
    void simulateTheDay();

    QTemporaryDir m_dir;
    QString m_clockFile;
    QString m_serverDir;
    QString m_clientDir;
    QString m_stationDir;
    QString m_keysDir;
    FixtureClock m_clock;
    synctest::Server m_server;
    QString m_url;
    std::optional<ow::store::Store> m_store;
    std::optional<ow::Catalog> m_catalog;
    std::optional<ow::WorkCalendar> m_calendar;
    std::optional<ow::receipt::WindowKey> m_key;
    ow::intake::WindowConfig m_config;
    ow::ui::ClientContext m_context;
    std::unique_ptr<ow::sync::SupervisorService> m_service;
    QStringList m_todayCases;
    QString m_appealedCase;
    int m_ticketsDone = 0;
};

void TestSupervisorDay::setNow(const QDateTime &now)
{
    m_clock.m_now = now.toUTC();
    QSaveFile f(m_clockFile);
    if (!f.open(QIODevice::WriteOnly) || f.write(now.toUTC().toString(Qt::ISODateWithMs).toLatin1()) < 0 || !f.commit())
        qFatal("cannot write the clock file %s", qPrintable(m_clockFile));
}

QString TestSupervisorDay::admin(const QStringList &args, const QByteArray &input, QString *out)
{
    QProcess p;
    p.start(synctest::backOfficeBinary(),
        QStringList {QStringLiteral("admin")} + args + QStringList {QStringLiteral("--data-dir"), m_serverDir});
    if (!p.waitForStarted(10000))
        return p.errorString();
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return QString::fromUtf8(p.readAllStandardError());
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    return QString();
}

QByteArray TestSupervisorDay::token(const QString &user, const QString &password)
{
    const QJsonObject body {{QStringLiteral("name"), user}, {QStringLiteral("password"), password}};
    const auto r = synctest::http(m_server.port(), "POST", QStringLiteral("/v1/sessions"),
        QJsonDocument(body).toJson(QJsonDocument::Compact), {{"Content-Type", "application/json"}});
    return QJsonDocument::fromJson(r.body).object().value(QLatin1String("token")).toString().toLatin1();
}

QJsonObject TestSupervisorDay::call(
    const QByteArray &method, const QString &path, const QJsonObject &body, const QByteArray &bearer, int *status)
{
    const auto r = synctest::http(m_server.port(), method, path,
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + bearer}});
    if (status)
        *status = r.status;
    else if (r.status >= 400 || r.status == 0)
        QTest::qFail(qPrintable(QStringLiteral("%1 %2: %3 %4")
                                    .arg(QString::fromLatin1(method), path)
                                    .arg(r.status)
                                    .arg(QString::fromUtf8(r.body))),
            __FILE__, __LINE__);
    return QJsonDocument::fromJson(r.body).object();
}

// A case at the demo window through the real IntakeWorkflow at the fixture clock's time: "open a
// restaurant" with answers varied by `variant` (so the departments vary), decided as `kind`.
QString TestSupervisorDay::makeCase(Kind kind, const QString &clerk, int variant)
{
    ow::intake::WindowConfig config = m_config;
    config.clerk = clerk;
    IntakeWorkflow w(*m_catalog, *m_calendar, m_clock, *m_store, *m_key, config);
    ow::testsupport::RestaurantVisit visit;
    visit.outcome = kind;
    visit.name = QStringList {QStringLiteral("王小明"), QStringLiteral("陈静"), QStringLiteral("刘洋")}.at(variant % 3);
    visit.entity = variant % 3 == 2 ? QStringLiteral("company") : QStringLiteral("individual");
    // 容缺 holds back the food safety rules of the food licence (more than 50 m²).
    visit.area = variant % 2 == 0 || kind == Kind::Tolerated ? QStringLiteral("120") : QStringLiteral("40");
    visit.fumes = variant % 4 == 1 ? QStringLiteral("no") : QStringLiteral("yes");
    visit.signboard = variant % 3 == 0 ? QStringLiteral("yes") : QStringLiteral("no");
    visit.refusal = QStringLiteral("经营场所位于居民楼内，不符合餐饮选址要求");
    visit.comeBack = [this](IntakeWorkflow &again) {
        // Back two minutes later with what was missing (fetched from the car).
        m_clock.m_now = m_clock.m_now.addSecs(120);
        return again.reopen(again.caseId());
    };
    if (const QString why = ow::testsupport::walkRestaurant(w, visit); !why.isEmpty()) {
        QTest::qFail(qPrintable(why), __FILE__, __LINE__);
        return QString();
    }
    return w.caseId();
}

// Everything the store at `dir` holds pushed by its window's engine (a link signed in now, as a
// window signs in when it starts), at the fixture's time.
bool TestSupervisorDay::synced(const QString &dir, const QString &user, const QString &password)
{
    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(m_url);
    config.pollWaitSeconds = 1;
    config.backoffBaseMs = 100;
    config.backoffMaxMs = 1000;
    ow::account::SyncLink link(dir, config);
    link.setCredentials({user, password, QString(), false});
    link.start();
    auto store = ow::store::Store::open(dir);
    if (!store)
        return false;
    ow::store::CaseLog log(store.value());
    link.engine()->kick();
    return QTest::qWaitFor([&] { return log.pendingCount() == 0; }, kWait)
        && link.engine()->status().conflicts.isEmpty();
}

void TestSupervisorDay::rate(const QString &caseId, ow::receipt::Rating::Level level, const QString &text)
{
    const auto keyring = synctest::http(m_server.port(), "GET", QStringLiteral("/v1/keyring"));
    auto ring = ow::receipt::KeyRing::fromJson(keyring.body);
    QVERIFY2(ring, qPrintable(ring.error()));
    ow::receipt::Rating rating;
    rating.caseId = caseId;
    rating.service = QStringLiteral("acceptance");
    rating.level = level;
    rating.reasons = {QStringLiteral("efficiency")};
    rating.text = text;
    rating.at = m_clock.now();
    const auto payload = ow::ui::RatingPrompt::sealedPayload(rating, ring->ratingKey());
    QVERIFY2(payload, qPrintable(payload.error()));
    ow::intake::CaseService service(*m_catalog, *m_calendar, m_clock, *m_store, *m_key, m_config);
    QCOMPARE(service.open(caseId, ow::sync::SyncJournal(*m_store).remote(caseId)), QString());
    QCOMPARE(service.recordRating(payload.value()), QString());
}

void TestSupervisorDay::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString language =
        qEnvironmentVariableIsSet("OW_TEST_LANG") ? qEnvironmentVariable("OW_TEST_LANG") : QStringLiteral("en");
    QVERIFY(ow::i18n::installTranslations(*qApp, language));
    if (language == QLatin1String("zh_CN"))
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    m_clockFile = m_dir.filePath(QStringLiteral("now"));
    qputenv("OW_BACKOFFICE_CLOCK_FILE", m_clockFile.toLocal8Bit());
    m_serverDir = m_dir.filePath(QStringLiteral("backoffice"));
    m_clientDir = m_dir.filePath(QStringLiteral("window"));
    m_stationDir = m_dir.filePath(QStringLiteral("station"));
    m_keysDir = QDir(m_clientDir).filePath(QStringLiteral("keys"));
    setNow(at(kDay.addDays(-40), 8, 0));
    const auto seeded = synctest::runCommand(synctest::backOfficeBinary(),
        {QStringLiteral("admin"), QStringLiteral("seed-demo"), QStringLiteral("--data-dir"), m_serverDir,
            QStringLiteral("--window-key-dir"), m_keysDir});
    QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
    // The station 330106-S07 (its key, the sync fixture's, enrolled once the server runs) and a
    // second window in the hall.
    QString added;
    QString err = admin({QStringLiteral("add-window"), QStringLiteral("--region"), synctest::kRegion,
                            QStringLiteral("--code"), synctest::kWindow, QStringLiteral("--name"),
                            QStringLiteral("转塘街道便民服务站"), QStringLiteral("--kind"), QStringLiteral("station")},
        {}, &added);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const QString code = QRegularExpression(QStringLiteral("enrolment code [^:]*: (\\S+)")).match(added).captured(1);
    QVERIFY2(!code.isEmpty(), qPrintable(added));
    err = admin({QStringLiteral("add-user"), QStringLiteral("--name"), synctest::kClerk, QStringLiteral("--role"),
                    QStringLiteral("station"), QStringLiteral("--window"), synctest::kKeyId},
        synctest::kPassword.toUtf8() + '\n');
    QVERIFY2(err.isEmpty(), qPrintable(err));
    err = admin({QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"),
        QStringLiteral("--code"), QStringLiteral("W02"), QStringLiteral("--name"), QStringLiteral("综合窗口 2"),
        QStringLiteral("--kind"), QStringLiteral("window")});
    QVERIFY2(err.isEmpty(), qPrintable(err));
    auto catalog = ow::Catalog::load(ow::Catalog::builtinPath());
    QVERIFY2(catalog, qPrintable(catalog.error()));
    m_catalog.emplace(std::move(catalog.value()));
    QList<std::pair<QString, QString>> groups;
    QJsonArray served;
    for (const auto &g : m_catalog->groups()) {
        groups << std::make_pair(g.id, g.name);
        served.append(g.id);
    }
    QJsonArray categories;
    for (const auto &c : ow::queue::Category::fromGroups(groups))
        categories.append(c.toJson());
    const QString hallFile = m_dir.filePath(QStringLiteral("hall.json"));
    QFile hall(hallFile);
    QVERIFY(hall.open(QIODevice::WriteOnly));
    hall.write(QJsonDocument(
        QJsonObject {{QStringLiteral("hall"), DemoAccounts::hall()},
            {QStringLiteral("name"), QStringLiteral("市民中心一楼大厅")}, {QStringLiteral("settings"), QJsonObject()},
            {QStringLiteral("categories"), categories},
            {QStringLiteral("windows"),
                QJsonArray {QJsonObject {{QStringLiteral("window"), DemoAccounts::window()},
                                {QStringLiteral("categories"), served}},
                    QJsonObject {{QStringLiteral("window"), kSecondWindow}, {QStringLiteral("categories"), served}}}}})
                   .toJson());
    hall.close();
    err = admin({QStringLiteral("set-hall"), hallFile});
    QVERIFY2(err.isEmpty(), qPrintable(err));
    for (const QStringList &u :
        QList<QStringList> {{QStringLiteral("--name"), kAfternoonClerk, QStringLiteral("--role"),
                                QStringLiteral("clerk"), QStringLiteral("--window"), DemoAccounts::window()},
            {QStringLiteral("--name"), kSecondClerk, QStringLiteral("--role"), QStringLiteral("clerk"),
                QStringLiteral("--window"), kSecondWindow},
            {QStringLiteral("--name"), kSupervisor, QStringLiteral("--role"), QStringLiteral("supervisor"),
                QStringLiteral("--windows"),
                QStringList {DemoAccounts::window(), kSecondWindow, synctest::kKeyId}.join(QLatin1Char(','))}}) {
        err = admin(QStringList {QStringLiteral("add-user")} + u,
            (u.at(1) == kSupervisor ? kPassword : DemoAccounts::password()).toUtf8() + '\n');
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }
    QVERIFY(m_server.start(m_serverDir));
    m_url = QStringLiteral("http://127.0.0.1:%1").arg(m_server.port());
    const auto enrolled = synctest::http(m_server.port(), "POST", QStringLiteral("/v1/enrol"),
        QJsonDocument(
            QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("keyId"), synctest::kKeyId},
                {QStringLiteral("publicKey"), QString::fromLatin1(synctest::windowKey().publicKey().toBase64())}})
            .toJson(QJsonDocument::Compact));
    QCOMPARE(enrolled.status, 201);

    auto store = ow::store::Store::open(m_clientDir);
    QVERIFY2(store, qPrintable(store.error()));
    m_store.emplace(std::move(store.value()));
    auto calendar = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    QVERIFY2(calendar, qPrintable(calendar.error()));
    m_calendar.emplace(std::move(calendar.value()));
    auto key = ow::receipt::WindowKey::loadOrCreate(m_keysDir, ow::receipt::KeyRing::demoKeyId(DemoAccounts::window()));
    QVERIFY2(key, qPrintable(key.error()));
    m_key.emplace(key.value());
    const QStringList window = DemoAccounts::window().split(QLatin1Char('-'));
    m_config.regionCode = window.at(0);
    m_config.windowCode = window.at(1);
    m_config.windowName = QStringLiteral("综合窗口 1");
    m_config.clerk = DemoAccounts::clerk();

    // The days before: a case or two a working day at the demo window; the departments have not
    // decided them yet (their promised dates are 0–5 working days after acceptance).
    int variant = 0;
    for (const int back : {12, 8, 6, 4, 3, 2, 1}) {
        const QDate day = m_calendar->addWorkingDays(kDay, -back);
        setNow(at(day, 10, 5 + back));
        QVERIFY(!makeCase(back == 8 ? Kind::Tolerated : Kind::Accept, DemoAccounts::clerk(), variant++).isEmpty());
        setNow(at(day, 14, 20 + back));
        QVERIFY(!makeCase(Kind::Accept, kAfternoonClerk, variant++).isEmpty());
        QVERIFY(synced(m_clientDir, DemoAccounts::clerk(), DemoAccounts::password()));
    }
    // The station's last sync, two days before at 11:10 (53 hours before 15:40: offline).
    setNow(at(kDay.addDays(-2), 11, 10));
    {
        auto stationStore = ow::store::Store::open(m_stationDir);
        QVERIFY2(stationStore, qPrintable(stationStore.error()));
        ow::store::BlobStore blobs(m_stationDir);
        QRandomGenerator rng(24);
        QCOMPARE(synctest::makeCases(stationStore.value(), blobs, 1, 0, 0, 0, 0, rng, m_clock).size(), 1);
    }
    QVERIFY(synced(m_stationDir, synctest::kClerk, synctest::kPassword));

    simulateTheDay();
    if (QTest::currentTestFailed())
        return;

    m_context.calendar = *m_calendar;
    m_context.window = m_config;
    m_context.window.clerk = kSupervisor;
    m_context.role = QStringLiteral("supervisor");
    m_context.pluginDirs = {QStringLiteral(OW_PLUGIN_BUILD_DIR)};
    m_context.confirm = [](const QString &, const QString &) { return true; };
    m_service = std::make_unique<ow::sync::SupervisorService>(QUrl(m_url), QByteArray());
    m_service->setCredentials(kSupervisor, kPassword);
    m_context.supervisor = m_service.get();
}

// The day, 08:40–15:40: the kiosk issues tickets as applicants come (a morning peak, a quieter
// afternoon); each window calls the next when it is free and its clerk on shift, serves, handles
// (the demo window accepts a case for most), and finishes. Events in time order, one clock.
void TestSupervisorDay::simulateTheDay()
{
    struct Desk
    {
        QString window;
        QList<std::tuple<QTime, QTime, QString>> shifts; // from, to, clerk
        QDateTime freeAt;
        QString ticket; // being served
        QDateTime doneAt;
        QString clerk;
        QByteArray token;
        QDateTime signedInAt;
    };
    QList<Desk> desks {
        {DemoAccounts::window(),
            {{QTime(8, 45), QTime(12, 0), DemoAccounts::clerk()}, {QTime(13, 30), QTime(17, 0), kAfternoonClerk}}, {},
            {}, {}, {}, {}, {}},
        {kSecondWindow, {{QTime(8, 50), QTime(11, 50), kSecondClerk}, {QTime(13, 0), QTime(17, 0), kSecondClerk}}, {},
            {}, {}, {}, {}, {}}};
    // Arrivals: every 5–10 minutes in the morning peak, 8–16 in the afternoon, 2–4 before closing.
    QList<QDateTime> arrivals;
    QRandomGenerator rng(20261207);
    for (QDateTime t = at(kDay, 8, 40); t < at(kDay, 15, 38);) {
        arrivals << t;
        const bool peak = t < at(kDay, 11, 30);
        const bool lunch = t >= at(kDay, 11, 30) && t < at(kDay, 13, 0);
        const bool late = t >= at(kDay, 15, 5); // those who come before closing
        t = t.addSecs(60
                * (late         ? 2 + rng.bounded(3)
                        : peak  ? 5 + rng.bounded(5)
                        : lunch ? 12 + rng.bounded(10)
                                : 8 + rng.bounded(8))
            + rng.bounded(60));
    }
    const QDateTime end = at(kDay, 15, 40);
    const QString hallTickets = QStringLiteral("/v1/halls/%1/tickets").arg(DemoAccounts::hall());
    const QList<QString> categoryCodes {QStringLiteral("business"), QStringLiteral("business"),
        QStringLiteral("social"), QStringLiteral("business"), QStringLiteral("property")};
    int waiting = 0;
    int issued = 0;
    int served = 0;
    // Decisions at the demo window, in turn: mostly accepted, a 容缺, notices, a return, a refusal.
    const QList<Kind> kinds {Kind::Accept, Kind::Accept, Kind::Tolerated, Kind::Accept, Kind::Notice, Kind::Accept,
        Kind::NoticeThenAccept, Kind::Accept, Kind::Refuse, Kind::Accept, Kind::Tolerated, Kind::Accept};
    int nextKind = 0;
    int variant = 100;
    const auto onShift = [](const Desk &d, const QDateTime &t) -> QString {
        const QTime local = t.toOffsetFromUtc(8 * 3600).time();
        for (const auto &[from, to, clerk] : d.shifts)
            if (local >= from && local < to)
                return clerk;
        return QString();
    };
    const auto nextShiftStart = [](const Desk &d, const QDateTime &t) -> QDateTime {
        const QTime local = t.toOffsetFromUtc(8 * 3600).time();
        for (const auto &[from, to, clerk] : d.shifts)
            if (local < from)
                return at(kDay, from.hour(), from.minute());
        return {};
    };
    // A clerk's session is signed in again after a while (as the window does on a 401).
    const auto bearer = [this](Desk &d) {
        if (d.token.isEmpty() || d.signedInAt.secsTo(m_clock.now()) > 10 * 60) {
            d.token = token(d.clerk, DemoAccounts::password());
            d.signedInAt = m_clock.now();
        }
        return d.token;
    };
    for (Desk &d : desks)
        d.freeAt = at(kDay, std::get<0>(d.shifts.first()).hour(), std::get<0>(d.shifts.first()).minute());
    while (true) {
        // The earliest of: the next arrival, a desk finishing, a free desk calling (someone waits).
        QDateTime nextArrival = arrivals.isEmpty() ? QDateTime() : arrivals.first();
        int desk = -1;
        QDateTime deskAt;
        bool finishing = false;
        for (int i = 0; i < desks.size(); ++i) {
            Desk &d = desks[i];
            QDateTime t;
            bool fin = false;
            if (!d.ticket.isEmpty()) {
                t = d.doneAt;
                fin = true;
            } else if (waiting > 0) {
                t = std::max(d.freeAt, m_clock.now()); // a desk idle since freeAt calls at once
                if (onShift(d, t).isEmpty())
                    t = nextShiftStart(d, t);
            }
            if (t.isValid() && (!deskAt.isValid() || t < deskAt)) {
                deskAt = t;
                desk = i;
                finishing = fin;
            }
        }
        QDateTime next = deskAt;
        if (nextArrival.isValid() && (!next.isValid() || nextArrival <= next)) {
            next = nextArrival;
            desk = -1;
        }
        if (!next.isValid() || next >= end)
            break;
        next = std::max(next, m_clock.now()); // a case made just before moved the clock on
        setNow(next);
        if (desk < 0) {
            arrivals.removeFirst();
            const QJsonObject r = call("POST", hallTickets,
                {{QStringLiteral("category"), categoryCodes.at(issued % categoryCodes.size())},
                    {QStringLiteral("priority"),
                        issued % 17 == 5 ? QStringLiteral("elderly") : QStringLiteral("none")}},
                DemoAccounts::kioskToken().toLatin1());
            QVERIFY2(r.contains(QLatin1String("ticket")), QJsonDocument(r).toJson().constData());
            ++issued;
            ++waiting;
            continue;
        }
        Desk &d = desks[desk];
        if (finishing) {
            // The demo window accepts a case for three applicants in four, just before the end.
            if (d.window == DemoAccounts::window() && served % 4 != 3) {
                setNow(std::max(next.addSecs(-180), m_clock.now()));
                const Kind kind = kinds.at(nextKind++ % kinds.size());
                const QString id = makeCase(kind, d.clerk, variant++);
                QVERIFY(!id.isEmpty());
                m_todayCases << id;
                QVERIFY(synced(m_clientDir, DemoAccounts::clerk(), DemoAccounts::password()));
                setNow(std::max(next, m_clock.now().addSecs(30)));
            }
            call("POST", QStringLiteral("/v1/tickets/%1/done").arg(d.ticket), {}, bearer(d));
            ++m_ticketsDone;
            d.ticket.clear();
            d.freeAt = m_clock.now().addSecs(60 + rng.bounded(120)); // a breath before the next
            continue;
        }
        const QString clerk = onShift(d, next);
        QVERIFY(!clerk.isEmpty());
        if (clerk != d.clerk) { // a new shift signs in
            d.clerk = clerk;
            d.token.clear();
            QVERIFY(!bearer(d).isEmpty());
        }
        int status = 0;
        const QJsonObject called =
            call("POST", QStringLiteral("/v1/windows/%1/calls").arg(d.window), {}, bearer(d), &status);
        QVERIFY2(status == 200, QJsonDocument(called).toJson().constData());
        --waiting;
        d.ticket = called.value(QLatin1String("id")).toString();
        setNow(next.addSecs(40 + rng.bounded(60))); // the applicant walks up
        call("POST", QStringLiteral("/v1/tickets/%1/serve").arg(d.ticket), {}, bearer(d));
        ++served;
        d.doneAt = m_clock.now().addSecs(60 * (5 + rng.bounded(12)) + rng.bounded(60));
        // Two applicants rate the acceptance badly after their case (one the clerk appeals).
        if (m_todayCases.size() == 3 && m_appealedCase.isEmpty()) {
            rate(m_todayCases.at(1), ow::receipt::Rating::Level::VeryDissatisfied, QStringLiteral("等了很久"));
            rate(m_todayCases.at(2), ow::receipt::Rating::Level::Dissatisfied, QStringLiteral("材料要求没说清"));
            QVERIFY(synced(m_clientDir, DemoAccounts::clerk(), DemoAccounts::password()));
            m_appealedCase = m_todayCases.at(1);
            const auto entries = ow::store::CaseLog(*m_store).entries(m_appealedCase);
            QVERIFY(entries);
            int seq = -1;
            for (const auto &e : entries.value())
                if (e.kind == QLatin1String("rated"))
                    seq = e.seq;
            QVERIFY(seq > 0);
            call("POST", QStringLiteral("/v1/cases/%1/ratings/%2/appeal").arg(m_appealedCase).arg(seq),
                {{QStringLiteral("reason"), QStringLiteral("上午高峰排队，非窗口服务态度问题")}},
                token(DemoAccounts::clerk(), DemoAccounts::password()));
        }
    }
    setNow(end);
    QVERIFY2(waiting > 0, "some applicants still wait at 15:40");
    QVERIFY(m_todayCases.size() >= 8);
    qInfo("the day: %d tickets issued, %d served, %d done, %d still waiting, %lld cases at the demo window", issued,
        served, m_ticketsDone, waiting, static_cast<long long>(m_todayCases.size()));
}

void TestSupervisorDay::cleanupTestCase()
{
    m_service.reset();
    m_server.kill();
}

bool TestSupervisorDay::refreshed(SupervisorPage &p)
{
    QSignalSpy spy(&p, &SupervisorPage::refreshed);
    if (!p.isVisible()) {
        p.show();
        if (!QTest::qWaitForWindowExposed(&p))
            return false;
    } else {
        QTest::keyClick(&p, Qt::Key_F5);
    }
    if (!spy.wait(kWait))
        return false;
    return spy.last().at(0).toBool();
}

void TestSupervisorDay::departmentsByTheirNames()
{
    SupervisorPage p(m_context);
    p.resize(1366, 740);
    QVERIFY(refreshed(p));
    // Per department: the catalogue's (and the back office's) name, the code as the tool tip.
    auto *byDepartment = p.findChild<QTableWidget *>(QStringLiteral("deadlineDepartmentTable"));
    QVERIFY(byDepartment);
    QVERIFY(byDepartment->rowCount() >= 3);
    QSet<QString> names;
    for (int r = 0; r < byDepartment->rowCount(); ++r) {
        const QString code = byDepartment->item(r, 0)->toolTip();
        const ow::Department *d = m_catalog->department(code);
        QVERIFY2(d, qPrintable(code));
        QCOMPARE(cellText(byDepartment, r, 0), d->name);
        names << d->name;
    }
    QVERIFY(names.contains(QStringLiteral("杭州市西湖区市场监督管理局")));
    auto *items = p.findChild<QTableWidget *>(QStringLiteral("deadlineTable"));
    QVERIFY(items->rowCount() > 0);
    for (int r = 0; r < items->rowCount(); ++r) {
        QVERIFY2(names.contains(cellText(items, r, 2)), qPrintable(cellText(items, r, 2)));
        QVERIFY(m_catalog->department(items->item(r, 2)->toolTip()));
    }
}

void TestSupervisorDay::theDayInMinutes()
{
    SupervisorPage p(m_context);
    p.resize(1366, 740);
    QVERIFY(refreshed(p));
    const auto &o = *p.overview();
    QCOMPARE(o.windows.size(), 3);
    for (const auto &w : o.windows) {
        if (w.window == synctest::kKeyId) {
            // The station, last synced two days before at 11:10: offline.
            QVERIFY(w.offline);
            QCOMPARE(w.syncAgeSeconds.value_or(-1), at(kDay.addDays(-2), 11, 10).secsTo(at(kDay, 15, 40)));
        } else {
            QVERIFY2(w.serving || w.waiting > 0, qPrintable(w.window));
            QVERIFY(!w.offline);
        }
    }
    // Real waits and handling times: minutes, not zero.
    QVERIFY(o.total.tickets >= 30);
    QVERIFY(o.total.avgWaitSeconds && *o.total.avgWaitSeconds > 120);
    QVERIFY(o.total.avgHandlingSeconds && *o.total.avgHandlingSeconds >= 300);
    QVERIFY(o.total.accepted > 0 && o.total.tolerated > 0 && o.total.notice > 0 && o.total.refused > 0);
    QVERIFY(o.total.oneVisitShare && *o.total.oneVisitShare < 1.0);
    QCOMPARE(o.windowOutcomes.size(), 3);
    QVERIFY(o.clerkOutcomes.size() >= 3);
    QCOMPARE(o.badRatings.size(), 2);
    QCOMPARE(o.appeals.size(), 1);
    bool overdue = false;
    bool near = false;
    for (const auto &d : o.deadlineItems) {
        overdue = overdue || d.overdue;
        near = near || !d.overdue;
    }
    QVERIFY(overdue && near);

    const QString dir = qEnvironmentVariable("OW_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    auto *tabs = p.findChild<QTabWidget *>(QStringLiteral("sectionTabs"));
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QTest::qWait(100); // the charts tab loads its plugin and lays out
        QVERIFY(p.grab().save(QDir(dir).filePath(QStringLiteral("supervisor-day-%1.png").arg(i))));
    }
}

void TestSupervisorDay::dailyReportNamesTheDepartments()
{
    const QString shots = qEnvironmentVariable("OW_SCREENSHOT_DIR");
    const QString pdfPath = shots.isEmpty() ? m_dir.filePath(QStringLiteral("daily.pdf"))
                                            : QDir(shots).filePath(QStringLiteral("supervisor-day.pdf"));
    ow::ui::ClientContext context = m_context;
    context.askSavePath = [pdfPath](const QString &, const QString &, const QString &) { return pdfPath; };
    SupervisorPage p(context);
    QVERIFY(refreshed(p));
    QSignalSpy saved(&p, &SupervisorPage::saved);
    QTest::mouseClick(p.findChild<QPushButton *>(QStringLiteral("reportButton")), Qt::LeftButton);
    QVERIFY(saved.wait(kWait));
    QCOMPARE(saved.at(0).at(1).toString(), QString());
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdfPath, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    QCOMPARE(text.exitCode(), 0);
    const QString out = QString::fromUtf8(text.readAllStandardOutput());
    // A department's name (elided in its column: its first characters) and never a bare code.
    QVERIFY2(out.contains(QStringLiteral("杭州市西湖区")), qPrintable(out));
    for (const QString &code : {QStringLiteral(" amr "), QStringLiteral(" eco "), QStringLiteral(" tax ")})
        QVERIFY2(!out.contains(code), qPrintable(code + QStringLiteral(" in:\n") + out));
    if (!shots.isEmpty()) {
        QProcess pages;
        pages.start(QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"), QStringLiteral("80"), QStringLiteral("-png"), pdfPath,
                QDir(shots).filePath(QStringLiteral("supervisor-day-pdf"))});
        QVERIFY(pages.waitForFinished(60000));
        QCOMPARE(pages.exitCode(), 0);
    }
}

// Two windows a page (as an admin of a province pages through a thousand): the offline station
// first, then the next page; the day's totals are every window's on each page.
void TestSupervisorDay::pagesThroughTheWindows()
{
    ow::sync::SupervisorService paged {QUrl(m_url), QByteArray()};
    paged.setCredentials(kSupervisor, kPassword);
    paged.setPageSize(2);
    ow::ui::ClientContext context = m_context;
    context.supervisor = &paged;
    SupervisorPage p(context);
    p.resize(1366, 740);
    QVERIFY(refreshed(p));
    auto *live = p.findChild<QTableWidget *>(QStringLiteral("liveTable"));
    auto *label = p.findChild<QLabel *>(QStringLiteral("pageLabel"));
    auto *next = p.findChild<QPushButton *>(QStringLiteral("nextPageButton"));
    auto *previous = p.findChild<QPushButton *>(QStringLiteral("previousPageButton"));
    QVERIFY(live && label && next && previous);
    QCOMPARE(live->rowCount(), 2);
    QCOMPARE(p.overview()->windows.at(0).window, synctest::kKeyId); // offline: first
    QCOMPARE(p.overview()->windowCount, 3);
    QVERIFY(label->isVisible() && next->isEnabled() && !previous->isEnabled());
    const int tickets = p.overview()->total.tickets;
    QVERIFY(tickets > 0);
    QSignalSpy again(&p, &SupervisorPage::refreshed);
    QTest::mouseClick(next, Qt::LeftButton);
    QVERIFY(again.wait(kWait));
    QCOMPARE(live->rowCount(), 1);
    QCOMPARE(p.overview()->pageOffset, 2);
    QCOMPARE(p.overview()->total.tickets, tickets);
    QCOMPARE(p.overview()->windowOutcomes.size(), 1);
    QVERIFY(!next->isEnabled() && previous->isEnabled());
    QTest::mouseClick(previous, Qt::LeftButton);
    QVERIFY(again.wait(kWait));
    QCOMPARE(live->rowCount(), 2);
}

QTEST_MAIN(TestSupervisorDay)
#include "tst_supervisorday.moc"
