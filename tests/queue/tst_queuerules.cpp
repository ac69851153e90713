#include "onewindow/queue/Category.h"
#include "onewindow/queue/HallSettings.h"
#include "onewindow/queue/QueueRules.h"

#include <QJsonDocument>
#include <QTest>

using namespace ow::queue;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNine(QDate(2026, 12, 7), QTime(1, 0), Qt::UTC); // 09:00 in Beijing

Ticket ticket(const QString &number, int minutesAfterNine, Priority priority = Priority::None,
    const QString &category = QStringLiteral("business"))
{
    Ticket t;
    t.id = QStringLiteral("id-") + number;
    t.number = number;
    t.hall = QStringLiteral("H1");
    t.category = category;
    t.priority = priority;
    t.issuedAt = kNine.addSecs(minutesAfterNine * 60);
    t.queuedAt = t.issuedAt;
    return t;
}

Ticket appointment(const QString &number, int checkInMinute, int slotMinute)
{
    Ticket t = ticket(number, checkInMinute);
    t.source = TicketSource::Appointment;
    t.appointmentId = QStringLiteral("ap-") + number;
    t.slotStart = kNine.addSecs(slotMinute * 60);
    t.slotEnd = t.slotStart.addSecs(30 * 60);
    return t;
}

QString pick(const QList<Ticket> &tickets, int nowMinute, const HallSettings &settings = {})
{
    const auto i = QueueRules::pickNext(
        tickets, QStringLiteral("W01"), {QStringLiteral("business")}, settings, kNine.addSecs(nowMinute * 60));
    return i ? tickets.at(*i).number : QString();
}

} // namespace

class TestQueueRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pickNext_data()
    {
        QTest::addColumn<QList<Ticket>>("tickets");
        QTest::addColumn<int>("nowMinute");
        QTest::addColumn<QString>("expected");
        // Defaults: priority weight 10 min, bound 30 min, appointment grace 10 min.
        QTest::newRow("empty") << QList<Ticket> {} << 0 << QString();
        QTest::newRow("first come first served")
            << QList<Ticket> {ticket(u"A002"_s, 5), ticket(u"A001"_s, 1)} << 6 << u"A001"_s;
        QTest::newRow("same minute: by number")
            << QList<Ticket> {ticket(u"A002"_s, 1), ticket(u"A001"_s, 1)} << 6 << u"A001"_s;
        QTest::newRow("other category is not ours") << QList<Ticket> {ticket(u"B001"_s, 0, Priority::None, u"social"_s),
            ticket(u"A001"_s, 3)} << 6 << u"A001"_s;
        QTest::newRow("only other categories")
            << QList<Ticket> {ticket(u"B001"_s, 0, Priority::None, u"social"_s)} << 6 << QString();
        QTest::newRow("priority within its weight goes ahead")
            << QList<Ticket> {ticket(u"A001"_s, 0), ticket(u"A002"_s, 9, Priority::Elderly)} << 10 << u"A002"_s;
        QTest::newRow("priority beyond its weight waits")
            << QList<Ticket> {ticket(u"A001"_s, 0), ticket(u"A002"_s, 11, Priority::Pregnant)} << 12 << u"A001"_s;
        QTest::newRow("bound: the overdue walk-in before a fresh priority")
            << QList<Ticket> {ticket(u"A001"_s, 0), ticket(u"A002"_s, 5, Priority::Military)} << 30 << u"A001"_s;
        QTest::newRow("just under the bound the priority still goes")
            << QList<Ticket> {ticket(u"A001"_s, 0), ticket(u"A002"_s, 5, Priority::Military)} << 29 << u"A002"_s;
        QTest::newRow("two overdue: oldest first")
            << QList<Ticket> {ticket(u"A002"_s, 1, Priority::Disabled), ticket(u"A001"_s, 0)} << 40 << u"A001"_s;
        QTest::newRow("on-time appointment whose slot started goes ahead")
            << QList<Ticket> {ticket(u"A001"_s, 0), appointment(u"A002"_s, 5, 10)} << 10 << u"A002"_s;
        QTest::newRow("on-time appointment waits for its slot")
            << QList<Ticket> {ticket(u"A001"_s, 0), appointment(u"A002"_s, 5, 20)} << 10 << u"A001"_s;
        QTest::newRow("appointment within the grace is on time")
            << QList<Ticket> {ticket(u"A001"_s, 0), appointment(u"A002"_s, 18, 10)} << 19 << u"A002"_s;
        QTest::newRow("late appointment joins the walk-ins")
            << QList<Ticket> {ticket(u"A001"_s, 0), appointment(u"A002"_s, 21, 10)} << 22 << u"A001"_s;
        QTest::newRow("late appointment behind earlier walk-ins only")
            << QList<Ticket> {ticket(u"A003"_s, 25), appointment(u"A002"_s, 21, 10)} << 26 << u"A002"_s;
        QTest::newRow("overdue walk-in before an on-time appointment")
            << QList<Ticket> {ticket(u"A001"_s, 0), appointment(u"A002"_s, 25, 30)} << 31 << u"A001"_s;
        Ticket called = ticket(u"A001"_s, 0);
        called.state = TicketState::Called;
        called.window = u"W02"_s;
        QTest::newRow("called tickets are not waiting")
            << QList<Ticket> {called, ticket(u"A002"_s, 1)} << 2 << u"A002"_s;
        Ticket toOther = ticket(u"A001"_s, 0);
        toOther.state = TicketState::Transferred;
        toOther.targetWindow = u"W02"_s;
        QTest::newRow("transferred to another window")
            << QList<Ticket> {toOther, ticket(u"A002"_s, 1)} << 2 << u"A002"_s;
        Ticket toUs = ticket(u"C001"_s, 0, Priority::None, u"property"_s);
        toUs.state = TicketState::Transferred;
        toUs.targetWindow = u"W01"_s;
        QTest::newRow("transferred to us, any category")
            << QList<Ticket> {ticket(u"A002"_s, 1), toUs} << 2 << u"C001"_s;
    }
    void pickNext()
    {
        QFETCH(QList<Ticket>, tickets);
        QFETCH(int, nowMinute);
        QFETCH(QString, expected);
        QCOMPARE(pick(tickets, nowMinute), expected);
    }

    void recall_data()
    {
        QTest::addColumn<int>("secondsAfterCall");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("at once") << 0 << false;
        QTest::newRow("a second before the delay") << 119 << false;
        QTest::newRow("at the delay") << 120 << true;
        QTest::newRow("later") << 600 << true;
    }
    void recall()
    {
        QFETCH(int, secondsAfterCall);
        QFETCH(bool, allowed);
        const HallSettings settings;
        auto called = QueueRules::call(ticket(u"A001"_s, 0), u"W01"_s, kNine);
        QVERIFY(called);
        const auto again = QueueRules::recall(*called, u"W01"_s, settings, kNine.addSecs(secondsAfterCall));
        QCOMPARE(again.ok(), allowed);
        if (allowed) {
            QCOMPARE(again->calls, 2);
            QCOMPARE(again->lastCalledAt, kNine.addSecs(secondsAfterCall));
        }
        QVERIFY(!QueueRules::recall(*called, u"W02"_s, settings, kNine.addSecs(3600)));
    }

    void noShow_data()
    {
        QTest::addColumn<int>("calls");
        QTest::addColumn<int>("secondsAfterLastCall");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("called once") << 1 << 3600 << false;
        QTest::newRow("called twice") << 2 << 3600 << false;
        QTest::newRow("three calls, last just now") << 3 << 10 << false;
        QTest::newRow("three calls, delay passed") << 3 << 120 << true;
        QTest::newRow("four calls") << 4 << 300 << true;
    }
    void noShow()
    {
        QFETCH(int, calls);
        QFETCH(int, secondsAfterLastCall);
        QFETCH(bool, allowed);
        const HallSettings settings;
        Ticket t = *QueueRules::call(ticket(u"A001"_s, 0), u"W01"_s, kNine);
        t.calls = calls;
        const QDateTime now = kNine.addSecs(secondsAfterLastCall);
        QCOMPARE(QueueRules::mayMarkNoShow(t, settings, now), allowed);
        const auto after = QueueRules::noShow(t, u"W01"_s, settings, now);
        QCOMPARE(after.ok(), allowed);
        if (allowed)
            QCOMPARE(after->state, TicketState::NoShow);
    }

    void transitions()
    {
        const HallSettings settings;
        const Ticket waiting = ticket(u"A001"_s, 0);
        QVERIFY(!QueueRules::serve(waiting, u"W01"_s));
        QVERIFY(!QueueRules::park(waiting, u"W01"_s));
        QVERIFY(!QueueRules::done(waiting, u"W01"_s));
        const Ticket called = *QueueRules::call(waiting, u"W01"_s, kNine.addSecs(60));
        QCOMPARE(called.state, TicketState::Called);
        QCOMPARE(called.window, QStringLiteral("W01"));
        QVERIFY(!QueueRules::call(called, u"W02"_s, kNine.addSecs(61)));
        QVERIFY(!QueueRules::park(called, u"W02"_s));
        const Ticket serving = *QueueRules::serve(called, u"W01"_s);
        QCOMPARE(serving.state, TicketState::Serving);
        const Ticket parked = *QueueRules::park(serving, u"W01"_s);
        QCOMPARE(parked.state, TicketState::Parked);
        QVERIFY(!QueueRules::done(parked, u"W01"_s));
        const Ticket resumed = *QueueRules::resume(parked, u"W01"_s, kNine.addSecs(600));
        QCOMPARE(resumed.state, TicketState::Called);
        QCOMPARE(resumed.lastCalledAt, kNine.addSecs(600));
        QCOMPARE(QueueRules::done(resumed, u"W01"_s)->state, TicketState::Done);

        // Transfer keeps the ticket's place in time; only the target window calls it.
        const Ticket moved = *QueueRules::transfer(serving, u"W01"_s, u"W02"_s, QString());
        QCOMPARE(moved.state, TicketState::Transferred);
        QCOMPARE(moved.queuedAt, waiting.queuedAt);
        QCOMPARE(moved.calls, 0);
        QVERIFY(moved.window.isEmpty());
        QVERIFY(!QueueRules::mayCall(moved, u"W01"_s, {u"business"_s}));
        QVERIFY(QueueRules::mayCall(moved, u"W02"_s, {}));
        QVERIFY(!QueueRules::call(moved, u"W03"_s, kNine));
        QVERIFY(QueueRules::call(moved, u"W02"_s, kNine));
        const Ticket recategorised = *QueueRules::transfer(called, u"W01"_s, QString(), u"social"_s);
        QCOMPARE(recategorised.category, QStringLiteral("social"));
        QVERIFY(QueueRules::mayCall(recategorised, u"W05"_s, {u"social"_s}));
        QVERIFY(!QueueRules::transfer(called, u"W01"_s, u"W02"_s, u"social"_s));
        QVERIFY(!QueueRules::transfer(called, u"W01"_s, u"W01"_s, QString()));
        QVERIFY(!QueueRules::transfer(waiting, u"W01"_s, u"W02"_s, QString()));
        // A transferred ticket with an old place goes ahead of newer ones at its new window.
        Ticket newer = ticket(u"B009"_s, 20, Priority::None, u"social"_s);
        const QList<Ticket> there {newer, recategorised};
        const auto next = QueueRules::pickNext(there, u"W05"_s, {u"social"_s}, settings, kNine.addSecs(21 * 60));
        QCOMPARE(there.at(*next).number, QStringLiteral("A001"));
    }

    void json_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        const QByteArray base = R"({"id":"t1","number":"A001","hall":"H1","category":"business","source":"kiosk",)"
                                R"("issuedAt":"2026-12-07T01:00:00.000Z")";
        QTest::newRow("minimal") << base + "}" << true;
        QTest::newRow("full") << base
                + R"(,"priority":"elderly","state":"called","calls":2,"window":"W01",)"
                  R"("lastCalledAt":"2026-12-07T01:05:00.000Z","queuedAt":"2026-12-07T00:59:00.000Z",)"
                  R"("appointment":"ap1","slotStart":"2026-12-07T01:00:00.000Z",)"
                  R"("slotEnd":"2026-12-07T01:30:00.000Z","caseId":null,"caseNumber":null})"
                              << true;
        QTest::newRow("no id") << QByteArray(
            R"({"number":"A001","hall":"H1","category":"b","source":"kiosk","issuedAt":"2026-12-07T01:00:00.000Z"})")
                               << false;
        QTest::newRow("bad source") << QByteArray(base).replace("kiosk", "fax") + "}" << false;
        QTest::newRow("bad priority") << base + R"(,"priority":"vip"})" << false;
        QTest::newRow("bad state") << base + R"(,"state":"lost"})" << false;
        QTest::newRow("bad time") << base + R"(,"lastCalledAt":"yesterday"})" << false;
        QTest::newRow("time of another type") << base + R"(,"slotStart":12})" << false;
        QTest::newRow("negative calls") << base + R"(,"calls":-1})" << false;
        QTest::newRow("fractional calls") << base + R"(,"calls":1.5})" << false;
        QTest::newRow("window of another type") << base + R"(,"window":3})" << false;
        QTest::newRow("no issuedAt") << QByteArray(
            R"({"id":"t1","number":"A001","hall":"H1","category":"b","source":"kiosk"})")
                                     << false;
    }
    void json()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        const auto t = Ticket::fromJson(QJsonDocument::fromJson(json).object());
        QCOMPARE(t.ok(), ok);
        if (ok) {
            const auto again = Ticket::fromJson(t->toJson());
            QVERIFY2(again.ok(), qPrintable(again.error()));
            QCOMPARE(*again, *t);
        } else {
            QVERIFY(!t.error().isEmpty());
        }
    }

    void settingsAndCategories()
    {
        HallSettings s;
        s.recallDelay = 30;
        s.noShowAfterCalls = 2;
        QCOMPARE(*HallSettings::fromJson(s.toJson()), s);
        QVERIFY(!HallSettings::fromJson(QJsonObject {{u"noShowAfterCalls"_s, 0}}));
        QVERIFY(!HallSettings::fromJson(QJsonObject {{u"recallDelay"_s, -1}}));
        QVERIFY(!HallSettings::fromJson(QJsonObject {{u"recallDelay"_s, u"60"_s}}));
        QCOMPARE(HallSettings::fromJson(QJsonObject {})->maxPriorityDelay, 1800);
        const Category c {u"business"_s, QStringLiteral("商事登记"), u"A"_s};
        QCOMPARE(*Category::fromJson(c.toJson()), c);
        QVERIFY(!Category::fromJson(QJsonObject {{u"code"_s, u"x"_s}, {u"name"_s, u"y"_s}, {u"letter"_s, u"ab"_s}}));
        QVERIFY(!Category::fromJson(QJsonObject {{u"code"_s, u"x"_s}, {u"name"_s, u"y"_s}, {u"letter"_s, u"a"_s}}));
        QCOMPARE(QueueRules::ticketNumber(u"A"_s, 12), QStringLiteral("A012"));
        QCOMPARE(QueueRules::ticketNumber(u"S01-"_s, 7), QStringLiteral("S01-007"));
    }

    // A hall's categories from the catalogue's matter groups: in order, lettered A, B, C …
    void categoriesFromGroups()
    {
        const auto c = Category::fromGroups({{u"business"_s, QStringLiteral("商事登记")},
            {u"social"_s, QStringLiteral("社会保障")}, {u"property"_s, QStringLiteral("不动产")}});
        QCOMPARE(c.size(), 3);
        QCOMPARE(c.at(0), (Category {u"business"_s, QStringLiteral("商事登记"), u"A"_s}));
        QCOMPARE(c.at(2), (Category {u"property"_s, QStringLiteral("不动产"), u"C"_s}));
        for (const Category &one : c)
            QVERIFY(Category::fromJson(one.toJson()));
        QList<std::pair<QString, QString>> many;
        for (int i = 0; i < 28; ++i)
            many << std::make_pair(QStringLiteral("g%1").arg(i), QStringLiteral("组%1").arg(i));
        const auto lettered = Category::fromGroups(many);
        QCOMPARE(lettered.at(25).letter, u"Z"_s);
        QCOMPARE(lettered.at(27).letter, u"Z"_s); // past Z they share it (numbers stay unique per category)
        QVERIFY(Category::fromGroups({}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestQueueRules)
#include "tst_queuerules.moc"
