// The hall's queue at the back office (issue 23), label queue:
// - HallQueue on the real database with the clock in the test's hand (no sleeps): the busy
//   morning's priority bound, every call checked against QueueRules' own choice, appointments on
//   time and late, the recall delay and the no-show rule, transfer and park, the ticket's log;
// - real onewindow-backoffice processes: 20 windows calling next at once on 500 tickets (two
//   instances on one database in the _pg variant): every ticket called once, none left; the
//   routes' roles; a station's offline queue pushed twice and applied once.
#include "ApiClient.h"

#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/EventLog.h"
#include "onewindow/backoffice/HallQueue.h"
#include "onewindow/queue/QueueRules.h"
#include "onewindow/queue/QueueSnapshot.h"
#include "onewindow/sync/RemoteQueueService.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace ow::backoffice;
using ow::queue::QueueRules;
using ow::queue::Ticket;

namespace {

const QString kPassword = QStringLiteral("correct horse 9");
const QString kHall = QStringLiteral("H1");
const QDateTime kMorning(QDate(2026, 12, 7), QTime(0, 30), Qt::UTC); // 08:30 in the hall

QString windowKey(int i)
{
    return QStringLiteral("330106-W%1").arg(i, 2, 10, QLatin1Char('0'));
}

// Windows W01…Wn (clerks c1…cn), a station S01 (user s1) and hall H1 with two categories.
bool setUpHall(const QString &dir, int windows, const QJsonObject &settings, QString *kioskToken)
{
    QJsonArray hallWindows;
    for (int i = 1; i <= windows; ++i) {
        const AdminRun w = runAdmin(dir,
            {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"),
                QStringLiteral("--code"), QStringLiteral("W%1").arg(i, 2, 10, QLatin1Char('0')),
                QStringLiteral("--name"), QStringLiteral("窗口%1").arg(i), QStringLiteral("--kind"),
                QStringLiteral("window")});
        const AdminRun u = runAdmin(dir,
            {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("c%1").arg(i),
                QStringLiteral("--role"), QStringLiteral("clerk"), QStringLiteral("--window"), windowKey(i)},
            kPassword.toUtf8() + '\n');
        if (w.exitCode != 0 || u.exitCode != 0) {
            qWarning() << w.err << u.err;
            return false;
        }
        // W01 serves business only, the others both.
        hallWindows.append(QJsonObject {{QStringLiteral("window"), windowKey(i)},
            {QStringLiteral("categories"),
                i == 1 ? QJsonArray {QStringLiteral("business")}
                       : QJsonArray {QStringLiteral("business"), QStringLiteral("social")}}});
    }
    const AdminRun s = runAdmin(dir,
        {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"), QStringLiteral("--code"),
            QStringLiteral("S01"), QStringLiteral("--name"), QStringLiteral("乡镇站"), QStringLiteral("--kind"),
            QStringLiteral("station")});
    const AdminRun su = runAdmin(dir,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("s1"), QStringLiteral("--role"),
            QStringLiteral("station"), QStringLiteral("--window"), QStringLiteral("330106-S01")},
        kPassword.toUtf8() + '\n');
    if (s.exitCode != 0 || su.exitCode != 0)
        return false;
    const QJsonObject hall {{QStringLiteral("hall"), kHall}, {QStringLiteral("name"), QStringLiteral("市民中心一楼")},
        {QStringLiteral("settings"), settings},
        {QStringLiteral("categories"),
            QJsonArray {QJsonObject {{QStringLiteral("code"), QStringLiteral("business")},
                            {QStringLiteral("name"), QStringLiteral("商事登记")},
                            {QStringLiteral("letter"), QStringLiteral("A")}},
                QJsonObject {{QStringLiteral("code"), QStringLiteral("social")},
                    {QStringLiteral("name"), QStringLiteral("社会保障")},
                    {QStringLiteral("letter"), QStringLiteral("B")}}}},
        {QStringLiteral("windows"), hallWindows}};
    QFile f(dir + QStringLiteral("/hall.json"));
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(hall).toJson()) <= 0)
        return false;
    f.close();
    const AdminRun h = runAdmin(dir, {QStringLiteral("set-hall"), f.fileName()});
    if (h.exitCode != 0) {
        qWarning() << h.err;
        return false;
    }
    if (kioskToken) {
        const AdminRun k = runAdmin(dir,
            {QStringLiteral("add-hall-device"), QStringLiteral("--hall"), kHall, QStringLiteral("--kind"),
                QStringLiteral("kiosk"), QStringLiteral("--name"), QStringLiteral("kiosk-1")});
        const int at = k.out.indexOf(QLatin1String("token: "));
        if (k.exitCode != 0 || at < 0)
            return false;
        *kioskToken = k.out.mid(at + 7).section(QLatin1Char('\n'), 0, 0).trimmed();
    }
    return true;
}

Principal clerk(int i)
{
    Principal p;
    p.user = QStringLiteral("c%1").arg(i);
    p.role = QStringLiteral("clerk");
    p.window = windowKey(i);
    return p;
}

Principal kiosk()
{
    Principal p;
    p.user = QStringLiteral("kiosk-1");
    p.role = QStringLiteral("kiosk");
    p.hall = kHall;
    return p;
}

// HallQueue on the test's own connection, with the test's clock.
struct Direct
{
    std::unique_ptr<Database> db;
    std::unique_ptr<EventLog> events;
    std::unique_ptr<HallQueue> queue;
    QDateTime now = kMorning;

    bool open(const QString &dir)
    {
        auto opened = Database::open(dir, testDatabaseFor(dir));
        if (!opened) {
            qWarning() << opened.error();
            return false;
        }
        db = std::move(opened.value());
        const Clock clock = [this] { return now; };
        events = std::make_unique<EventLog>(*db, clock);
        queue = std::make_unique<HallQueue>(*db, *events, clock);
        return true;
    }
    QJsonObject issue(const QString &category, const QString &priority = QStringLiteral("none"))
    {
        const ApiReply r = queue->issue(kiosk(), kHall,
            QJsonObject {{QStringLiteral("category"), category}, {QStringLiteral("priority"), priority}});
        return r.status == 201 ? r.body.toObject().value(QLatin1String("ticket")).toObject() : QJsonObject();
    }
    ApiReply call(int window) { return queue->callNext(clerk(window), windowKey(window)); }
    ApiReply act(int window, const QString &id, const QString &action, const QJsonObject &body = {})
    {
        return queue->act(clerk(window), id, action, body);
    }
    // What QueueRules says the window calls next (the queue's `next`, computed by the rules).
    QString rulesNext(int window)
    {
        const ApiReply r = queue->readQueue(clerk(window), kHall);
        const auto snapshot = ow::queue::QueueSnapshot::fromJson(r.body.toObject());
        return snapshot && !snapshot->next.isEmpty() ? snapshot->next.first().id : QString();
    }
};

} // namespace

class TestQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void busyMorningBoundHolds();
    void appointmentsOnTimeAndLate();
    void appointmentFoundByIdCard();
    void recallDelayAndNoShow();
    void transferAndPark();
    void concurrentWindowsServeEachTicketOnce();
    void rolesAndStationQueue();
    void remoteQueueServiceAtAWindow();
    void remoteQueueServiceSignsInWithTheClerksCredentials();
    void eventsNumberedAfterCommitNeverSkipped();
    void unnumberedEventIsSweptToAWaitingLongPoll();
    void openTransactionElsewhereDoesNotDelayHallEvents();
};

namespace {

struct Arrival
{
    int second; // after 08:30
    bool business;
    bool priority;
    int service; // seconds at the window
};

// A busy morning: a rush from 08:30 to 10:00 (about 1.1 applicants a minute, more than three
// windows serve), then a calmer hour; 30 % of them with priority; 3–4 minutes a visit.
QList<Arrival> busyMorning()
{
    QRandomGenerator rng(20261207);
    QList<Arrival> all;
    for (int second = 0; second < 9000; second += 30) {
        const int chance = second < 5400 ? 55 : 20;
        if (int(rng.bounded(100)) >= chance)
            continue;
        all.append({second, rng.bounded(100) < 70, rng.bounded(100) < 30, 180 + int(rng.bounded(60))});
    }
    return all;
}

struct MorningResult
{
    qint64 worstWalkIn = 0;
    int tickets = 0;
    int calls = 0;
    // Priority tickets called while a walk-in that had waited the bound (30 min) or more was
    // waiting for the same window: what the bound forbids.
    int overduePassed = 0;
};

// Runs the morning through HallQueue with the test's clock; every call is checked against the
// rules' own choice (QueueRules over the waiting tickets).
MorningResult runMorning(const QString &dir, const QJsonObject &settings, int bound)
{
    MorningResult result;
    if (!setUpHall(dir, 3, settings, nullptr))
        return result;
    Direct d;
    if (!d.open(dir))
        return result;
    const QList<Arrival> arrivals = busyMorning();
    constexpr int kWindows = 3;
    QDateTime freeAt[kWindows + 1];
    QString serving[kWindows + 1];
    for (int w = 1; w <= kWindows; ++w)
        freeAt[w] = kMorning;
    QHash<QString, const Arrival *> who;
    QHash<QString, QDateTime> queuedAt;
    qsizetype next = 0;
    for (d.now = kMorning; d.now < kMorning.addSecs(8 * 3600); d.now = d.now.addSecs(30)) {
        while (next < arrivals.size() && kMorning.addSecs(arrivals.at(next).second) <= d.now) {
            const Arrival &a = arrivals.at(next++);
            const QJsonObject t = d.issue(a.business ? QStringLiteral("business") : QStringLiteral("social"),
                a.priority ? QStringLiteral("elderly") : QStringLiteral("none"));
            if (t.isEmpty())
                return result;
            who.insert(t.value(QLatin1String("id")).toString(), &a);
            queuedAt.insert(t.value(QLatin1String("id")).toString(), d.now);
            ++result.tickets;
        }
        for (int w = 1; w <= kWindows; ++w) {
            if (d.now < freeAt[w])
                continue;
            if (!serving[w].isEmpty() && d.act(w, serving[w], QStringLiteral("done")).status != 200)
                return {};
            serving[w].clear();
            const auto snapshot =
                ow::queue::QueueSnapshot::fromJson(d.queue->readQueue(clerk(w), kHall).body.toObject());
            if (!snapshot)
                return {};
            const QString expected = snapshot->next.isEmpty() ? QString() : snapshot->next.first().id;
            const bool overdueWalkIn = std::any_of(snapshot->next.begin(), snapshot->next.end(),
                [&](const Ticket &t) { return !t.hasPriority() && t.queuedAt.secsTo(d.now) >= bound; });
            const ApiReply r = d.call(w);
            if (r.status == 204 && expected.isEmpty())
                continue;
            const QString id = r.body.toObject().value(QLatin1String("id")).toString();
            if (r.status != 200 || id != expected) {
                qWarning() << "call" << r.status << id << "rules" << expected;
                return {};
            }
            ++result.calls;
            if (who.value(id)->priority && overdueWalkIn && queuedAt.value(id).secsTo(d.now) < bound)
                ++result.overduePassed;
            if (!who.value(id)->priority)
                result.worstWalkIn = std::max(result.worstWalkIn, queuedAt.value(id).secsTo(d.now));
            serving[w] = id;
            freeAt[w] = d.now.addSecs(who.value(id)->service);
        }
    }
    return result;
}

} // namespace

void TestQueue::busyMorningBoundHolds()
{
    // The same morning three times: first come first served (no weight), priority with a weight
    // of an hour and the 30-minute bound, and that weight without a bound. With the bound, no
    // priority ticket is ever called while a walk-in that waited 30 minutes waits for that window,
    // and no walk-in waits longer than first-come-first-served or the bound would make it (plus
    // one visit, for a window to free up); without the bound the same morning has priority
    // tickets pass such walk-ins: the scenario does starve them, so the bound is what holds.
    const QList<Arrival> arrivals = busyMorning();
    const int prio = int(std::count_if(arrivals.begin(), arrivals.end(), [](const Arrival &a) { return a.priority; }));
    constexpr int kBound = 1800;
    constexpr int kLongestVisit = 240;
    QTemporaryDir fifoDir;
    QTemporaryDir boundDir;
    QTemporaryDir unboundDir;
    const MorningResult fifo = runMorning(fifoDir.path(),
        QJsonObject {{QStringLiteral("priorityWeight"), 0}, {QStringLiteral("maxPriorityDelay"), 86400}}, kBound);
    const MorningResult bounded = runMorning(boundDir.path(),
        QJsonObject {{QStringLiteral("priorityWeight"), 3600}, {QStringLiteral("maxPriorityDelay"), kBound}}, kBound);
    const MorningResult unbounded = runMorning(unboundDir.path(),
        QJsonObject {{QStringLiteral("priorityWeight"), 3600}, {QStringLiteral("maxPriorityDelay"), 86400}}, kBound);
    for (const MorningResult &r : {fifo, bounded, unbounded}) {
        QCOMPARE(r.tickets, int(arrivals.size()));
        QCOMPARE(r.calls, r.tickets);
    }
    const qint64 limit = std::max<qint64>(fifo.worstWalkIn, kBound) + kLongestVisit;
    qInfo("busy morning: %d tickets (%d with priority); worst walk-in wait: first come first served %lld s, "
          "weight 1 h + bound %d s: %lld s (overdue walk-ins passed %d times), weight 1 h without bound: %lld s "
          "(passed %d times); limit %lld s",
        int(arrivals.size()), prio, fifo.worstWalkIn, kBound, bounded.worstWalkIn, bounded.overduePassed,
        unbounded.worstWalkIn, unbounded.overduePassed, limit);
    QCOMPARE(bounded.overduePassed, 0);
    QVERIFY(bounded.worstWalkIn <= limit);
    QVERIFY2(unbounded.overduePassed > 0, "the morning is too quiet to show starvation");
}

void TestQueue::appointmentsOnTimeAndLate()
{
    QTemporaryDir dir;
    QVERIFY(setUpHall(dir.path(), 2, QJsonObject {{QStringLiteral("appointmentGrace"), 600}}, nullptr));
    const QDateTime nine = kMorning.addSecs(1800); // 09:00
    const auto book = [&](const QDateTime &slot) {
        const AdminRun a = runAdmin(dir.path(),
            {QStringLiteral("add-appointment"), QStringLiteral("--hall"), kHall, QStringLiteral("--category"),
                QStringLiteral("business"), QStringLiteral("--slot"), slot.toString(Qt::ISODateWithMs)});
        return a.out.section(QLatin1Char(' '), 1).trimmed();
    };
    const QString onTime = book(nine);
    const QString late = book(nine);
    QVERIFY(!onTime.isEmpty() && !late.isEmpty());
    Direct d;
    QVERIFY(d.open(dir.path()));
    d.now = nine.addSecs(-600); // 08:50 a walk-in
    const QString walkIn = d.issue(QStringLiteral("business")).value(QLatin1String("id")).toString();
    d.now = nine.addSecs(-300); // 08:55 the appointment checks in, before its slot
    ApiReply in = d.queue->checkIn(kiosk(), kHall, onTime, QJsonObject());
    QCOMPARE(in.status, 201);
    const QString onTimeTicket =
        in.body.toObject().value(QLatin1String("ticket")).toObject().value(QLatin1String("id")).toString();
    QCOMPARE(d.queue->checkIn(kiosk(), kHall, onTime, QJsonObject()).status, 409); // once
    // Before its slot the walk-in who came earlier goes first …
    d.now = nine.addSecs(-60);
    QCOMPARE(d.rulesNext(1), walkIn);
    // … from its slot on the appointment goes ahead of the walk-ins.
    d.now = nine;
    ApiReply first = d.call(1);
    QCOMPARE(first.body.toObject().value(QLatin1String("id")).toString(), onTimeTicket);
    QCOMPARE(d.act(1, onTimeTicket, QStringLiteral("done")).status, 200);
    // A walk-in at 09:05; the other appointment checks in at 09:15, past the grace: it joins the
    // walk-ins behind the 08:50 and 09:05 ones.
    d.now = nine.addSecs(300);
    const QString walkIn2 = d.issue(QStringLiteral("business")).value(QLatin1String("id")).toString();
    d.now = nine.addSecs(900);
    in = d.queue->checkIn(kiosk(), kHall, late, QJsonObject());
    QCOMPARE(in.status, 201);
    const QString lateTicket =
        in.body.toObject().value(QLatin1String("ticket")).toObject().value(QLatin1String("id")).toString();
    QCOMPARE(in.body.toObject().value(QLatin1String("ahead")).toInt(), 2);
    QStringList order;
    for (int i = 0; i < 3; ++i) {
        const ApiReply r = d.call(1);
        QCOMPARE(r.status, 200);
        order.append(r.body.toObject().value(QLatin1String("id")).toString());
        QCOMPARE(d.act(1, order.last(), QStringLiteral("done")).status, 200);
    }
    QCOMPARE(order, (QStringList {walkIn, walkIn2, lateTicket}));
    QCOMPARE(d.call(1).status, 204);
}

void TestQueue::appointmentFoundByIdCard()
{
    // The kiosk reads an ID card: the back office finds the holder's appointment for today by the
    // number's blind index (admin add-appointment --id-number, the number on stdin) and checks it
    // in; an on-time one goes ahead of the walk-ins, a late one joins them; no appointment → 404
    // no-appointment (the kiosk then offers the categories). The number is stored nowhere.
    const QString onTimeId = QStringLiteral("11010519491231002x"); // read as 11010519491231002X
    const QString lateId = QStringLiteral("330106198801010014");
    QTemporaryDir dir;
    QString kioskToken;
    QVERIFY(setUpHall(dir.path(), 1, QJsonObject {{QStringLiteral("appointmentGrace"), 600}}, &kioskToken));
    // The server's clock at 10:00 in the hall today (so that the slots are today's whenever it runs).
    const QDateTime realNow = QDateTime::currentDateTimeUtc();
    const QDateTime ten(realNow.date(), QTime(2, 0), Qt::UTC);
    const qint64 shift = realNow.secsTo(ten);
    const auto book = [&](const QDateTime &slot, const QString &idNumber) {
        const AdminRun a = runAdmin(dir.path(),
            {QStringLiteral("add-appointment"), QStringLiteral("--hall"), kHall, QStringLiteral("--category"),
                QStringLiteral("business"), QStringLiteral("--slot"), slot.toString(Qt::ISODateWithMs),
                QStringLiteral("--id-number")},
            idNumber.toLatin1() + '\n', shift);
        return a.exitCode == 0 ? a.out.section(QLatin1Char(' '), 1).trimmed() : QString();
    };
    QVERIFY(!book(ten.addSecs(-120), onTimeId).isEmpty()); // 09:58, on time
    QVERIFY(!book(ten.addSecs(-3600), lateId).isEmpty()); // 09:00, an hour late
    QVERIFY(!book(ten.addDays(1), QStringLiteral("110101200001010011")).isEmpty()); // tomorrow's
    BackOfficeProcess server;
    QVERIFY(server.start(dir.path(), shift));
    QFile specFile(QStringLiteral(OW_OPENAPI));
    QVERIFY(specFile.open(QIODevice::ReadOnly));
    ApiClient api(QJsonDocument::fromJson(specFile.readAll()).object());
    api.setPort(server.port());
    const QList<QPair<QByteArray, QByteArray>> kioskAuth {{"Authorization", "Bearer " + kioskToken.toLatin1()}};
    const auto checkIn = [&](const QString &idNumber, const QString &priority = QStringLiteral("none")) {
        return api.call("POST", QStringLiteral("/v1/halls/H1/appointments/check-in"),
            QJsonObject {{QStringLiteral("idNumber"), idNumber}, {QStringLiteral("priority"), priority}}, kioskAuth);
    };
    const auto idOf = [](const ApiResponse &r) {
        return r.object().value(QLatin1String("ticket")).toObject().value(QLatin1String("id")).toString();
    };
    ApiResponse walkIn = api.call("POST", QStringLiteral("/v1/halls/H1/tickets"),
        QJsonObject {{QStringLiteral("category"), QStringLiteral("business")}}, kioskAuth);
    QCOMPARE(walkIn.status, 201);
    // Nobody booked with this card today (the one of tomorrow is not today's).
    ApiResponse none = checkIn(QStringLiteral("110101200001010011"));
    QCOMPARE(none.status, 404);
    QCOMPARE(none.object().value(QLatin1String("error")).toString(), QStringLiteral("no-appointment"));
    QVERIFY2(none.violations.isEmpty(), qPrintable(none.violations.join(QLatin1Char('\n'))));
    QCOMPARE(checkIn(QStringLiteral("110101199003070000")).status, 404);
    // The late one (checked in past its grace) joins the walk-ins, behind the one who came first.
    ApiResponse late = checkIn(lateId);
    QCOMPARE(late.status, 201);
    QVERIFY2(late.violations.isEmpty(), qPrintable(late.violations.join(QLatin1Char('\n'))));
    auto lateTicket = Ticket::fromJson(late.object().value(QLatin1String("ticket")).toObject());
    QVERIFY2(lateTicket, qPrintable(lateTicket.error()));
    QCOMPARE(lateTicket->source, ow::queue::TicketSource::Appointment);
    QCOMPARE(late.object().value(QLatin1String("ahead")).toInt(), 1);
    // The on-time one (lower case x read as X) goes ahead of both, with the card's priority.
    ApiResponse onTime = checkIn(onTimeId, QStringLiteral("elderly"));
    QCOMPARE(onTime.status, 201);
    auto onTimeTicket = Ticket::fromJson(onTime.object().value(QLatin1String("ticket")).toObject());
    QVERIFY2(onTimeTicket, qPrintable(onTimeTicket.error()));
    QCOMPARE(onTimeTicket->slotStart, ten.addSecs(-120));
    QCOMPARE(onTimeTicket->priority, ow::queue::Priority::Elderly);
    QCOMPARE(onTime.object().value(QLatin1String("ahead")).toInt(), 0);
    // Checked in once: the same card again finds nothing left for today.
    QCOMPARE(checkIn(onTimeId).status, 404);
    // Only the hall's kiosks and windows check in.
    const ApiResponse signIn = api.call("POST", QStringLiteral("/v1/sessions"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("s1")}, {QStringLiteral("password"), kPassword}});
    QCOMPARE(
        api.call("POST", QStringLiteral("/v1/halls/H1/appointments/check-in"),
               QJsonObject {{QStringLiteral("idNumber"), lateId}},
               {{"Authorization", "Bearer " + signIn.object().value(QLatin1String("token")).toString().toLatin1()}})
            .status,
        403);
    QCOMPARE(
        api.call("POST", QStringLiteral("/v1/halls/H1/appointments/check-in"), QJsonObject(), kioskAuth).status, 400);
    // The window calls them in QueueRules' order.
    const ApiResponse c1 = api.call("POST", QStringLiteral("/v1/sessions"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("c1")}, {QStringLiteral("password"), kPassword}});
    const QList<QPair<QByteArray, QByteArray>> clerkAuth {
        {"Authorization", "Bearer " + c1.object().value(QLatin1String("token")).toString().toLatin1()}};
    QStringList order;
    for (int i = 0; i < 3; ++i) {
        const ApiResponse called =
            api.call("POST", QStringLiteral("/v1/windows/330106-W01/calls"), QJsonValue::Undefined, clerkAuth);
        QCOMPARE(called.status, 200);
        const QString id = called.object().value(QLatin1String("id")).toString();
        order << id;
        QCOMPARE(api.call("POST", QStringLiteral("/v1/tickets/%1/done").arg(id), QJsonObject(), clerkAuth).status, 200);
    }
    QCOMPARE(order, (QStringList {onTimeTicket->id, idOf(walkIn), lateTicket->id}));
    // Only blind indexes in the database, nothing of the numbers in the server's log.
    {
        QSqlDatabase db = openTestDatabase(dir.path(), QStringLiteral("appointment-check"));
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT id_hmac FROM appointments WHERE id_hmac IS NOT NULL")));
        int rows = 0;
        while (q.next()) {
            ++rows;
            QCOMPARE(q.value(0).toString().size(), 64);
            for (const QString &n : {onTimeId.toUpper(), lateId})
                QVERIFY(!q.value(0).toString().contains(n));
        }
        QCOMPARE(rows, 3);
        QVERIFY(q.exec(QStringLiteral("SELECT data FROM ticket_events")));
        while (q.next()) {
            QVERIFY(!q.value(0).toString().contains(lateId));
            QVERIFY(!q.value(0).toString().contains(onTimeId.toUpper()));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("appointment-check"));
    server.stop();
    const QString log = server.stderrText();
    QVERIFY(!log.contains(lateId) && !log.contains(onTimeId.toUpper()) && !log.contains(onTimeId));
}

void TestQueue::recallDelayAndNoShow()
{
    QTemporaryDir dir;
    QVERIFY(setUpHall(dir.path(), 2,
        QJsonObject {{QStringLiteral("recallDelay"), 120}, {QStringLiteral("noShowAfterCalls"), 3}}, nullptr));
    Direct d;
    QVERIFY(d.open(dir.path()));
    const QString id = d.issue(QStringLiteral("business")).value(QLatin1String("id")).toString();
    QCOMPARE(d.call(1).status, 200);
    QCOMPARE(d.call(1).status, 409); // the window still has it
    d.now = d.now.addSecs(119);
    QCOMPARE(d.act(1, id, QStringLiteral("recall")).status, 409); // too soon
    QCOMPARE(d.act(2, id, QStringLiteral("recall")).status, 403); // not at W02
    d.now = d.now.addSecs(1);
    ApiReply r = d.act(1, id, QStringLiteral("recall"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.toObject().value(QLatin1String("calls")).toInt(), 2);
    d.now = d.now.addSecs(600);
    QCOMPARE(d.act(1, id, QStringLiteral("no-show")).status, 409); // two calls only
    QCOMPARE(d.act(1, id, QStringLiteral("recall")).status, 200);
    d.now = d.now.addSecs(60);
    QCOMPARE(d.act(1, id, QStringLiteral("no-show")).status, 409); // the delay since the third call
    d.now = d.now.addSecs(60);
    r = d.act(1, id, QStringLiteral("no-show"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.toObject().value(QLatin1String("state")).toString(), QStringLiteral("no-show"));
    // The ticket's log and the display's calls.
    const ApiReply log = d.queue->readTicket(clerk(1), id);
    QStringList kinds;
    for (const QJsonValue &e : log.body.toObject().value(QLatin1String("events")).toArray())
        kinds.append(e.toObject().value(QLatin1String("kind")).toString());
    QCOMPARE(kinds,
        (QStringList {QStringLiteral("issued"), QStringLiteral("called"), QStringLiteral("recalled"),
            QStringLiteral("recalled"), QStringLiteral("no-show")}));
    auto page = d.events->read(QStringLiteral("hall:H1"), 0, 100);
    QVERIFY(page);
    const QJsonObject calls = HallQueue::hallEventsPage(*page.value);
    QStringList types;
    for (const QJsonValue &e : calls.value(QLatin1String("events")).toArray())
        types << e.toObject().value(QLatin1String("type")).toString();
    QCOMPARE(types,
        (QStringList {
            QStringLiteral("issue"), QStringLiteral("call"), QStringLiteral("recall"), QStringLiteral("recall")}));
}

void TestQueue::transferAndPark()
{
    QTemporaryDir dir;
    QVERIFY(setUpHall(dir.path(), 3, QJsonObject(), nullptr));
    Direct d;
    QVERIFY(d.open(dir.path()));
    const QString first = d.issue(QStringLiteral("business")).value(QLatin1String("id")).toString();
    d.now = d.now.addSecs(60);
    const QString second = d.issue(QStringLiteral("business")).value(QLatin1String("id")).toString();
    QCOMPARE(d.call(1).body.toObject().value(QLatin1String("id")).toString(), first);
    QCOMPARE(
        d.act(1, first, QStringLiteral("serve"), QJsonObject {{QStringLiteral("caseId"), QStringLiteral("case-1")}})
            .status,
        200);
    d.now = d.now.addSecs(300);
    const QString third = d.issue(QStringLiteral("business")).value(QLatin1String("id")).toString();
    // To W03: only W03 calls it, ahead of the newer tickets (its place in time is kept).
    ApiReply moved =
        d.act(1, first, QStringLiteral("transfer"), QJsonObject {{QStringLiteral("toWindow"), windowKey(3)}});
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.body.toObject().value(QLatin1String("state")).toString(), QStringLiteral("transferred"));
    QCOMPARE(d.call(2).body.toObject().value(QLatin1String("id")).toString(), second);
    QCOMPARE(d.call(3).body.toObject().value(QLatin1String("id")).toString(), first);
    // Park W02's ticket: W02 may call the next; resume brings it back (a call on the display).
    QCOMPARE(d.act(2, second, QStringLiteral("park")).status, 200);
    QCOMPARE(d.call(2).body.toObject().value(QLatin1String("id")).toString(), third);
    QCOMPARE(d.act(2, third, QStringLiteral("done")).status, 200);
    const ApiReply resumed = d.act(2, second, QStringLiteral("resume"));
    QCOMPARE(resumed.status, 200);
    QCOMPARE(resumed.body.toObject().value(QLatin1String("state")).toString(), QStringLiteral("called"));
    // A transfer to a category of the hall only, and to a window of the hall only.
    QCOMPARE(d.act(2, second, QStringLiteral("transfer"),
                  QJsonObject {{QStringLiteral("toCategory"), QStringLiteral("nope")}})
                 .status,
        404);
    QCOMPARE(d.act(2, second, QStringLiteral("transfer"),
                  QJsonObject {{QStringLiteral("toCategory"), QStringLiteral("social")}})
                 .status,
        200);
    QCOMPARE(d.call(1).status, 204); // W01 serves business only
    const ApiReply log = d.queue->readTicket(clerk(3), first);
    QStringList kinds;
    for (const QJsonValue &e : log.body.toObject().value(QLatin1String("events")).toArray())
        kinds.append(e.toObject().value(QLatin1String("kind")).toString());
    QCOMPARE(kinds,
        (QStringList {QStringLiteral("issued"), QStringLiteral("called"), QStringLiteral("served"),
            QStringLiteral("transferred"), QStringLiteral("called")}));
    QCOMPARE(log.body.toObject().value(QLatin1String("ticket")).toObject().value(QLatin1String("caseId")).toString(),
        QStringLiteral("case-1"));
}

void TestQueue::concurrentWindowsServeEachTicketOnce()
{
    constexpr int kWindows = 20;
    constexpr int kTickets = 500;
    QTemporaryDir dir;
    QString kioskToken;
    QVERIFY(setUpHall(dir.path(), kWindows, QJsonObject(), &kioskToken));
    const int instances = testOnPostgres() ? 2 : 1;
    BackOfficeProcess servers[2];
    for (int i = 0; i < instances; ++i)
        QVERIFY(servers[i].start(dir.path()));
    QNetworkAccessManager nam;
    const auto url = [&](int server, const QString &path) {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(servers[server % instances].port()).arg(path));
    };
    const auto post = [&](int server, const QString &path, const QByteArray &token, const QJsonObject &body) {
        QNetworkRequest req(url(server, path));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + token);
        return nam.post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
    };
    const auto wait = [](QNetworkReply *reply) {
        if (!reply->isFinished()) {
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(30000);
        }
        return reply;
    };
    QList<QByteArray> tokens;
    for (int i = 1; i <= kWindows; ++i) {
        QNetworkRequest req(url(i, QStringLiteral("/v1/sessions")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *r = wait(nam.post(req,
            QJsonDocument(QJsonObject {{QStringLiteral("name"), QStringLiteral("c%1").arg(i)},
                              {QStringLiteral("password"), kPassword}})
                .toJson()));
        tokens.append(
            QJsonDocument::fromJson(r->readAll()).object().value(QLatin1String("token")).toString().toLatin1());
        r->deleteLater();
        QVERIFY(!tokens.last().isEmpty());
    }
    QSet<QString> issued;
    for (int i = 0; i < kTickets; ++i) {
        QNetworkReply *r = wait(post(i, QStringLiteral("/v1/halls/H1/tickets"), kioskToken.toLatin1(),
            QJsonObject {{QStringLiteral("category"), i % 3 ? QStringLiteral("business") : QStringLiteral("social")},
                {QStringLiteral("priority"), i % 10 < 3 ? QStringLiteral("disabled") : QStringLiteral("none")}}));
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        issued.insert(QJsonDocument::fromJson(r->readAll())
                          .object()
                          .value(QLatin1String("ticket"))
                          .toObject()
                          .value(QLatin1String("id"))
                          .toString());
        r->deleteLater();
    }
    QCOMPARE(issued.size(), kTickets);
    // 20 windows at once, alternating between the instances: call next, done, call next … until
    // nobody waits for them.
    QStringList called;
    int running = kWindows;
    int failures = 0;
    std::function<void(int)> step = [&](int w) {
        QNetworkReply *r =
            post(w, QStringLiteral("/v1/windows/%1/calls").arg(windowKey(w)), tokens.at(w - 1), QJsonObject());
        QObject::connect(r, &QNetworkReply::finished, &nam, [&, r, w] {
            r->deleteLater();
            const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 204) {
                --running;
                return;
            }
            if (status != 200) {
                ++failures;
                qWarning() << "call next" << status << r->readAll();
                --running;
                return;
            }
            const QString id = QJsonDocument::fromJson(r->readAll()).object().value(QLatin1String("id")).toString();
            called.append(id);
            QNetworkReply *done =
                post(w + 1, QStringLiteral("/v1/tickets/%1/done").arg(id), tokens.at(w - 1), QJsonObject());
            QObject::connect(done, &QNetworkReply::finished, &nam, [&, done, w] {
                done->deleteLater();
                if (done->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
                    ++failures;
                    --running;
                    return;
                }
                step(w);
            });
        });
    };
    for (int w = 1; w <= kWindows; ++w)
        step(w);
    QTRY_COMPARE_WITH_TIMEOUT(running, 0, 240000);
    QCOMPARE(failures, 0);
    const QSet<QString> unique(called.begin(), called.end());
    QCOMPARE(called.size(), kTickets); // nobody called twice …
    QCOMPARE(unique, issued); // … and nobody skipped
    qInfo("%d tickets called by %d windows on %d instance(s)", int(called.size()), kWindows, instances);
}

void TestQueue::rolesAndStationQueue()
{
    QTemporaryDir dir;
    QString kioskToken;
    QVERIFY(setUpHall(dir.path(), 2, QJsonObject(), &kioskToken));
    BackOfficeProcess server;
    QVERIFY(server.start(dir.path()));
    QFile specFile(QStringLiteral(OW_OPENAPI));
    QVERIFY(specFile.open(QIODevice::ReadOnly));
    ApiClient api(QJsonDocument::fromJson(specFile.readAll()).object());
    api.setPort(server.port());
    const auto signIn = [&](const QString &user) {
        const ApiResponse r = api.call("POST", QStringLiteral("/v1/sessions"),
            QJsonObject {{QStringLiteral("name"), user}, {QStringLiteral("password"), kPassword}});
        return QByteArray("Bearer ") + r.object().value(QLatin1String("token")).toString().toLatin1();
    };
    const QByteArray c1 = signIn(QStringLiteral("c1"));
    const QByteArray s1 = signIn(QStringLiteral("s1"));
    const QByteArray kioskAuth = "Bearer " + kioskToken.toLatin1();
    const auto auth = [](const QByteArray &a) { return QList<QPair<QByteArray, QByteArray>> {{"Authorization", a}}; };
    // A kiosk issues; a window calls only for itself; the station is in no hall.
    ApiResponse r = api.call("POST", QStringLiteral("/v1/halls/H1/tickets"),
        QJsonObject {{QStringLiteral("category"), QStringLiteral("business")}}, auth(kioskAuth));
    QCOMPARE(r.status, 201);
    QVERIFY2(r.violations.isEmpty(), qPrintable(r.violations.join(QLatin1Char('\n'))));
    const QString follow = r.object().value(QLatin1String("follow")).toString();
    QCOMPARE(
        api.call("POST", QStringLiteral("/v1/windows/330106-W02/calls"), QJsonValue::Undefined, auth(c1)).status, 403);
    QCOMPARE(
        api.call("POST", QStringLiteral("/v1/windows/330106-W01/calls"), QJsonValue::Undefined, auth(kioskAuth)).status,
        403);
    QCOMPARE(api.call("GET", QStringLiteral("/v1/halls/H1/queue"), QJsonValue::Undefined, auth(s1)).status, 403);
    r = api.call("POST", QStringLiteral("/v1/windows/330106-W01/calls"), QJsonValue::Undefined, auth(c1));
    QCOMPARE(r.status, 200);
    QVERIFY2(r.violations.isEmpty(), qPrintable(r.violations.join(QLatin1Char('\n'))));
    r = api.call("GET", follow);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("state")).toString(), QStringLiteral("called"));
    r = api.call("GET", QStringLiteral("/v1/halls/H1/events?after=0"), QJsonValue::Undefined, auth(kioskAuth));
    QCOMPARE(r.status, 200);
    QVERIFY2(r.violations.isEmpty(), qPrintable(r.violations.join(QLatin1Char('\n'))));
    // The kiosk's ticket issued, then called.
    QCOMPARE(r.object().value(QLatin1String("events")).toArray().size(), 2);
    QCOMPARE(r.object().value(QLatin1String("events")).toArray().at(0).toObject().value(QLatin1String("type")),
        QStringLiteral("issue"));

    // A station's offline queue: pushed twice (the link dropped before the answer), applied once.
    Ticket t;
    t.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    t.number = QStringLiteral("S01-001");
    t.hall = QStringLiteral("330106-S01");
    t.category = QStringLiteral("social");
    t.source = ow::queue::TicketSource::Station;
    t.issuedAt = kMorning;
    t.queuedAt = kMorning;
    const Ticket called = *QueueRules::call(t, QStringLiteral("330106-S01"), kMorning.addSecs(120));
    const Ticket done = *QueueRules::done(called, QStringLiteral("330106-S01"));
    const auto event = [&](int seq, const QString &kind, const QDateTime &at) {
        return QJsonObject {{QStringLiteral("ticket"), t.id}, {QStringLiteral("seq"), seq},
            {QStringLiteral("kind"), kind}, {QStringLiteral("at"), at.toString(Qt::ISODateWithMs)},
            {QStringLiteral("window"), QStringLiteral("330106-S01")}, {QStringLiteral("clerk"), QStringLiteral("s1")},
            {QStringLiteral("data"), QJsonObject()}};
    };
    const QJsonObject push {{QStringLiteral("tickets"), QJsonArray {done.toJson()}},
        {QStringLiteral("events"),
            QJsonArray {event(1, QStringLiteral("issued"), kMorning),
                event(2, QStringLiteral("called"), kMorning.addSecs(120)),
                event(3, QStringLiteral("done"), kMorning.addSecs(600))}}};
    r = api.call("POST", QStringLiteral("/v1/windows/330106-S01/tickets"), push, auth(s1));
    QCOMPARE(r.status, 200);
    QVERIFY2(r.violations.isEmpty(), qPrintable(r.violations.join(QLatin1Char('\n'))));
    QCOMPARE(r.object().value(QLatin1String("applied")).toInt(), 3);
    r = api.call("POST", QStringLiteral("/v1/windows/330106-S01/tickets"), push, auth(s1));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("applied")).toInt(), 0);
    QCOMPARE(r.object().value(QLatin1String("acknowledged")).toInt(), 3);
    QJsonObject changed = push;
    QJsonArray events = changed.value(QLatin1String("events")).toArray();
    events.replace(2, event(3, QStringLiteral("no-show"), kMorning.addSecs(600)));
    changed.insert(QStringLiteral("events"), events);
    QCOMPARE(api.call("POST", QStringLiteral("/v1/windows/330106-S01/tickets"), changed, auth(s1)).status, 409);
    QCOMPARE(api.call("POST", QStringLiteral("/v1/windows/330106-S01/tickets"), push, auth(c1)).status, 403);
    r = api.call("GET", QStringLiteral("/v1/tickets/") + t.id, QJsonValue::Undefined, auth(s1));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("events")).toArray().size(), 3);
    QCOMPARE(r.object().value(QLatin1String("ticket")).toObject().value(QLatin1String("state")).toString(),
        QStringLiteral("done"));
}

void TestQueue::remoteQueueServiceAtAWindow()
{
    // What the window's 排队叫号 section uses (modules/sync): issue, call, act and refresh against
    // the real back office, answers as signals.
    using ow::sync::QueueService;
    QTemporaryDir dir;
    QVERIFY(setUpHall(dir.path(), 2, QJsonObject {{QStringLiteral("recallDelay"), 0}}, nullptr));
    BackOfficeProcess server;
    QVERIFY(server.start(dir.path()));
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/sessions").arg(server.port())));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *signIn = nam.post(req,
        QJsonDocument(
            QJsonObject {{QStringLiteral("name"), QStringLiteral("c1")}, {QStringLiteral("password"), kPassword}})
            .toJson());
    QSignalSpy signedIn(signIn, &QNetworkReply::finished);
    QVERIFY(signedIn.wait(10000));
    const QByteArray token =
        QJsonDocument::fromJson(signIn->readAll()).object().value(QLatin1String("token")).toString().toLatin1();
    signIn->deleteLater();
    ow::sync::RemoteQueueService service(
        QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())), token, windowKey(1), kHall);
    QSignalSpy issued(&service, &QueueService::ticketIssued);
    QSignalSpy changed(&service, &QueueService::ticketChanged);
    QSignalSpy nobody(&service, &QueueService::nobodyWaiting);
    QSignalSpy snapshots(&service, &QueueService::snapshotReady);
    QSignalSpy failed(&service, &QueueService::failed);
    service.issue(QStringLiteral("business"), ow::queue::Priority::Pregnant);
    QVERIFY(issued.wait(10000));
    const auto ticket = issued.at(0).at(0).value<Ticket>();
    QCOMPARE(ticket.source, ow::queue::TicketSource::Window);
    QCOMPARE(ticket.number, QStringLiteral("A001"));
    QVERIFY(issued.at(0).at(2).toString().endsWith(QLatin1String("/follow")));
    service.callNext();
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.at(0).at(0).value<Ticket>().id, ticket.id);
    service.refresh();
    QVERIFY(snapshots.wait(10000));
    const auto snapshot = snapshots.at(0).at(0).value<ow::queue::QueueSnapshot>();
    QVERIFY(snapshot.current);
    QCOMPARE(snapshot.current->id, ticket.id);
    QCOMPARE(snapshot.calls.size(), 1);
    service.act(
        ticket.id, QueueService::Action::Transfer, {QStringLiteral("nowhere"), QString(), QString(), QString()});
    QVERIFY(failed.wait(10000)); // a refusal reaches the clerk as a message
    QVERIFY(!failed.at(0).at(0).toString().isEmpty());
    service.act(ticket.id, QueueService::Action::Serve,
        {QString(), QString(), QStringLiteral("case-9"), QStringLiteral("N-9")});
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.at(1).at(0).value<Ticket>().caseId, QStringLiteral("case-9"));
    service.act(ticket.id, QueueService::Action::Done);
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.at(2).at(0).value<Ticket>().state, ow::queue::TicketState::Done);
    service.callNext();
    QVERIFY(nobody.wait(10000));
}

void TestQueue::remoteQueueServiceSignsInWithTheClerksCredentials()
{
    // The window's section as main.cpp wires it: no token yet (./ow run's demo clerk, an offline
    // sign-in), only the clerk's credentials; later the session ends (signed out): the service
    // signs in again and the clerk's key still calls.
    using ow::sync::QueueService;
    QTemporaryDir dir;
    QVERIFY(setUpHall(dir.path(), 1, QJsonObject {{QStringLiteral("recallDelay"), 0}}, nullptr));
    BackOfficeProcess server;
    QVERIFY(server.start(dir.path()));
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    ow::sync::RemoteQueueService service(base, QByteArray(), windowKey(1), kHall);
    QSignalSpy issued(&service, &QueueService::ticketIssued);
    QSignalSpy changed(&service, &QueueService::ticketChanged);
    QSignalSpy failed(&service, &QueueService::failed);
    service.issue(QStringLiteral("business"), ow::queue::Priority::None);
    QVERIFY(failed.wait(10000)); // neither a token nor credentials: the back office's 401, said
    service.setCredentials(QStringLiteral("c1"), QStringLiteral("wrong password"));
    service.issue(QStringLiteral("business"), ow::queue::Priority::None);
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.last().at(0).toString().contains(QLatin1String("c1")), qPrintable(failed.last().at(0).toString()));
    QCOMPARE(issued.size(), 0);
    service.setCredentials(QStringLiteral("c1"), kPassword);
    service.issue(QStringLiteral("business"), ow::queue::Priority::None);
    QVERIFY(issued.wait(10000));
    // A token the back office no longer knows: signed in again once, then the call goes through.
    service.setToken(QByteArrayLiteral("ow1.not-a-session"));
    service.callNext();
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.at(0).at(0).value<ow::queue::Ticket>().id, issued.at(0).at(0).value<ow::queue::Ticket>().id);
    QCOMPARE(failed.size(), 2);
}

namespace {

QJsonObject hallEvent(const QString &number)
{
    return QJsonObject {{QStringLiteral("ticket"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("number"), number}, {QStringLiteral("category"), QStringLiteral("business")},
        {QStringLiteral("window"), windowKey(1)}};
}

QStringList numbersIn(const QJsonObject &page)
{
    QStringList out;
    for (const QJsonValue &e : page.value(QLatin1String("events")).toArray())
        out.append(e.toObject().value(QLatin1String("data")).toObject().value(QLatin1String("number")).toString());
    return out;
}

} // namespace

void TestQueue::eventsNumberedAfterCommitNeverSkipped()
{
    // Two writers of one hall on two connections: the one that started first commits last. The
    // later one must not wait for the earlier one's transaction (the call's commits run side by
    // side), the reader sees an event only once it is numbered, and never skips the earlier one.
    if (!testOnPostgres())
        QSKIP("SQLite has one writer at a time and numbers in the writer's transaction");
    QTemporaryDir dir;
    const QString key = QStringLiteral("hall:H1");
    const Clock clock = [] { return kMorning; };
    auto opened1 = Database::open(dir.path(), testDatabaseFor(dir.path()));
    QVERIFY2(opened1, qPrintable(opened1.error()));
    auto opened2 = Database::open(dir.path(), testDatabaseFor(dir.path()));
    QVERIFY2(opened2, qPrintable(opened2.error()));
    Database &db1 = *opened1.value();
    Database &db2 = *opened2.value();
    EventLog log1(db1, clock);
    EventLog log2(db2, clock);
    log1.setDeferredNumbering(true);
    log2.setDeferredNumbering(true);
    QSignalSpy told2(&log2, &EventLog::appended);
    // One event numbered before, so the cursors go on from an existing counter.
    QVERIFY(db1.begin());
    QCOMPARE(
        log1.append(key, QStringLiteral("issue"), QStringLiteral(""), QString(), hallEvent(QStringLiteral("A001"))),
        QString());
    QVERIFY(db1.commit());
    log1.publish();
    log1.numberPending();
    auto page = log2.read(key, 0, 100);
    QVERIFY(page);
    QCOMPARE(numbersIn(*page.value), QStringList {QStringLiteral("A001")});
    const qint64 seen = page.value->value(QLatin1String("cursor")).toInteger();
    QCOMPARE(seen, 1);

    // A lock wait of the second writer fails the test instead of hanging it.
    QVERIFY(db2.exec(QStringLiteral("SET lock_timeout = '2s'")));
    QVERIFY(db1.begin());
    QCOMPARE(log1.append(key, QStringLiteral("call"), QStringLiteral(""), QString(), hallEvent(QStringLiteral("A002"))),
        QString());
    QVERIFY(db2.begin());
    QCOMPARE(log2.append(key, QStringLiteral("call"), QStringLiteral(""), QString(), hallEvent(QStringLiteral("A003"))),
        QString());
    QVERIFY2(db2.commit(), qPrintable(db2.lastError()));
    log2.publish();
    // Committed, not numbered yet: no reader sees it, nobody is told.
    page = log1.read(key, seen, 100);
    QVERIFY(page);
    QVERIFY(numbersIn(*page.value).isEmpty());
    QCOMPARE(told2.size(), 0);
    log2.numberPending();
    QCOMPARE(told2.size(), 1);
    page = log1.read(key, seen, 100);
    QVERIFY(page);
    QCOMPARE(numbersIn(*page.value), QStringList {QStringLiteral("A003")});
    const qint64 afterLater = page.value->value(QLatin1String("cursor")).toInteger();
    QCOMPARE(afterLater, seen + 1);
    // The earlier writer commits now: its event comes after the cursor the reader holds.
    QVERIFY(db1.commit());
    log1.publish();
    page = log2.read(key, afterLater, 100);
    QVERIFY(numbersIn(*page.value).isEmpty());
    log1.numberPending();
    page = log2.read(key, afterLater, 100);
    QVERIFY(page);
    QCOMPARE(numbersIn(*page.value), QStringList {QStringLiteral("A002")});
    QCOMPARE(page.value->value(QLatin1String("cursor")).toInteger(), afterLater + 1);
    // Numbering again finds nothing: no cursor given twice.
    auto again = log2.number(key);
    QVERIFY(again);
    QCOMPARE(again.value(), 0);
    page = log2.read(key, 0, 100);
    QCOMPARE(
        numbersIn(*page.value), (QStringList {QStringLiteral("A001"), QStringLiteral("A003"), QStringLiteral("A002")}));
}

void TestQueue::unnumberedEventIsSweptToAWaitingLongPoll()
{
    // An instance dies between its commit and the numbering (the seam: it never numbers). The
    // other instance's sweep numbers the event and the long-poll waiting there gets it.
    if (!testOnPostgres())
        QSKIP("SQLite numbers in the writer's transaction: nothing is left unnumbered");
    QTemporaryDir dir;
    QString kioskToken;
    QVERIFY(setUpHall(dir.path(), 1, QJsonObject(), &kioskToken));
    BackOfficeProcess dying;
    qputenv("OW_BACKOFFICE_TEST_UNNUMBERED", "1");
    const bool started = dying.start(dir.path());
    qunsetenv("OW_BACKOFFICE_TEST_UNNUMBERED");
    QVERIFY(started);
    QFile specFile(QStringLiteral(OW_OPENAPI));
    QVERIFY(specFile.open(QIODevice::ReadOnly));
    ApiClient api(QJsonDocument::fromJson(specFile.readAll()).object());
    api.setPort(dying.port());
    const QList<QPair<QByteArray, QByteArray>> kioskAuth {{"Authorization", "Bearer " + kioskToken.toLatin1()}};
    ApiResponse r = api.call("POST", QStringLiteral("/v1/halls/H1/tickets"),
        QJsonObject {{QStringLiteral("category"), QStringLiteral("business")}}, kioskAuth);
    QCOMPARE(r.status, 201);
    const QString number =
        r.object().value(QLatin1String("ticket")).toObject().value(QLatin1String("number")).toString();
    dying.kill();
    {
        QSqlDatabase db = openTestDatabase(dir.path(), QStringLiteral("unnumbered"));
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("SELECT COUNT(*) FROM hall_events WHERE cursor_no IS NULL")),
            qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1); // committed, never numbered
    }
    QSqlDatabase::removeDatabase(QStringLiteral("unnumbered"));
    BackOfficeProcess next;
    QVERIFY(next.start(dir.path()));
    api.setPort(next.port());
    QElapsedTimer waited;
    waited.start();
    r = api.call("GET", QStringLiteral("/v1/halls/H1/events?after=0&wait=20"), QJsonValue::Undefined, kioskAuth);
    QCOMPARE(r.status, 200);
    QVERIFY2(r.violations.isEmpty(), qPrintable(r.violations.join(QLatin1Char('\n'))));
    const QJsonArray events = r.object().value(QLatin1String("events")).toArray();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().toObject().value(QLatin1String("number")).toString(), number);
    QCOMPARE(events.first().toObject().value(QLatin1String("cursor")).toInteger(), 1);
    QVERIFY2(waited.elapsed() < 10000, qPrintable(QString::number(waited.elapsed())));
}

void TestQueue::openTransactionElsewhereDoesNotDelayHallEvents()
{
    // An admin's forgotten BEGIN in another database of the cluster (issue 23's reverted design
    // cut readers at the cluster-wide xmin and froze every hall display behind it).
    if (!testOnPostgres())
        QSKIP("a PostgreSQL cluster's matter");
    QTemporaryDir dir;
    QTemporaryDir other;
    QString kioskToken;
    QVERIFY(setUpHall(dir.path(), 1, QJsonObject(), &kioskToken));
    {
        QSqlDatabase forgotten = openTestDatabase(other.path(), QStringLiteral("forgotten"));
        QVERIFY2(forgotten.isOpen(), qPrintable(forgotten.lastError().text()));
        QVERIFY(forgotten.transaction());
        QSqlQuery q(forgotten);
        QVERIFY2(q.exec(QStringLiteral("SELECT txid_current()")), qPrintable(q.lastError().text()));
        BackOfficeProcess server;
        QVERIFY(server.start(dir.path()));
        QFile specFile(QStringLiteral(OW_OPENAPI));
        QVERIFY(specFile.open(QIODevice::ReadOnly));
        ApiClient api(QJsonDocument::fromJson(specFile.readAll()).object());
        api.setPort(server.port());
        const QList<QPair<QByteArray, QByteArray>> kioskAuth {{"Authorization", "Bearer " + kioskToken.toLatin1()}};
        for (int i = 0; i < 3; ++i) {
            QElapsedTimer took;
            took.start();
            ApiResponse r = api.call("POST", QStringLiteral("/v1/halls/H1/tickets"),
                QJsonObject {{QStringLiteral("category"), QStringLiteral("business")}}, kioskAuth);
            QCOMPARE(r.status, 201);
            r = api.call(
                "GET", QStringLiteral("/v1/halls/H1/events?after=%1&wait=10").arg(i), QJsonValue::Undefined, kioskAuth);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.object().value(QLatin1String("events")).toArray().size(), 1);
            QCOMPARE(r.object().value(QLatin1String("cursor")).toInteger(), i + 1);
            QVERIFY2(took.elapsed() < 3000, qPrintable(QString::number(took.elapsed())));
        }
        forgotten.rollback();
        forgotten.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("forgotten"));
}

QTEST_GUILESS_MAIN(TestQueue)
#include "tst_queue.moc"
