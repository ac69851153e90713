#include "onewindow/core/WorkCalendar.h"

#include <QTest>

using ow::WorkCalendar;

class TestWorkCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void isWorkingDay_data();
    void isWorkingDay();
    void addWorkingDays_data();
    void addWorkingDays();
    void springFestivalWeek();
    void workingDaysBetween();
    void uncoveredYearFallsBackToWeekends();
    void badTables_data();
    void badTables();

private:
    WorkCalendar m_calendar;
};

void TestWorkCalendar::initTestCase()
{
    const auto cal = WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    QVERIFY2(cal.ok(), qPrintable(cal.error()));
    m_calendar = cal.value();
    QCOMPARE(m_calendar.years(), (QList<int> {2026, 2027}));
    QVERIFY(!m_calendar.isProvisional(2026));
    QVERIFY(m_calendar.isProvisional(2027));
}

void TestWorkCalendar::isWorkingDay_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<bool>("working");
    QTest::addColumn<QString>("holiday");

    QTest::newRow("ordinary Friday") << QDate(2026, 11, 27) << true << "";
    QTest::newRow("ordinary Saturday") << QDate(2026, 11, 28) << false << "";
    QTest::newRow("New Year's Day") << QDate(2026, 1, 1) << false << "元旦";
    QTest::newRow("make-up Sunday after New Year") << QDate(2026, 1, 4) << true << "";
    QTest::newRow("make-up Saturday before Spring Festival") << QDate(2026, 2, 14) << true << "";
    QTest::newRow("Spring Festival Tuesday") << QDate(2026, 2, 17) << false << "春节";
    QTest::newRow("last Spring Festival day, a Monday") << QDate(2026, 2, 23) << false << "春节";
    QTest::newRow("back to work") << QDate(2026, 2, 24) << true << "";
    QTest::newRow("make-up Saturday after Spring Festival") << QDate(2026, 2, 28) << true << "";
    QTest::newRow("National Day Monday") << QDate(2026, 10, 5) << false << "国庆节";
    QTest::newRow("make-up Saturday after National Day") << QDate(2026, 10, 10) << true << "";
}

void TestWorkCalendar::isWorkingDay()
{
    QFETCH(QDate, day);
    QFETCH(bool, working);
    QFETCH(QString, holiday);
    QCOMPARE(m_calendar.isWorkingDay(day), working);
    QCOMPARE(m_calendar.holidayName(day), holiday);
}

void TestWorkCalendar::addWorkingDays_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<int>("n");
    QTest::addColumn<QDate>("due");

    QTest::newRow("zero days") << QDate(2026, 3, 2) << 0 << QDate(2026, 3, 2);
    QTest::newRow("ordinary week") << QDate(2026, 3, 2) << 5 << QDate(2026, 3, 9);
    QTest::newRow("over a weekend") << QDate(2026, 3, 6) << 1 << QDate(2026, 3, 9);
    QTest::newRow("Friday before Spring Festival: Saturday is a workday")
        << QDate(2026, 2, 13) << 1 << QDate(2026, 2, 14);
    QTest::newRow("across the Spring Festival") << QDate(2026, 2, 13) << 2 << QDate(2026, 2, 24);
    QTest::newRow("20 days from New Year's Eve") << QDate(2025, 12, 31) << 20 << QDate(2026, 1, 29);
    QTest::newRow("across National Day") << QDate(2026, 9, 30) << 3 << QDate(2026, 10, 10);
    QTest::newRow("backwards") << QDate(2026, 2, 24) << -1 << QDate(2026, 2, 14);
}

void TestWorkCalendar::addWorkingDays()
{
    QFETCH(QDate, from);
    QFETCH(int, n);
    QFETCH(QDate, due);
    QCOMPARE(m_calendar.addWorkingDays(from, n), due);
}

void TestWorkCalendar::springFestivalWeek()
{
    // 2026: off Sun 15 Feb – Mon 23 Feb; Saturdays 14 Feb and 28 Feb are make-up workdays.
    QList<QDate> working;
    for (QDate d(2026, 2, 9); d <= QDate(2026, 3, 1); d = d.addDays(1)) {
        if (m_calendar.isWorkingDay(d))
            working << d;
    }
    const QList<QDate> expected = {
        QDate(2026, 2, 9), QDate(2026, 2, 10), QDate(2026, 2, 11), QDate(2026, 2, 12), QDate(2026, 2, 13),
        QDate(2026, 2, 14), // make-up Saturday
        QDate(2026, 2, 24), QDate(2026, 2, 25), QDate(2026, 2, 26), QDate(2026, 2, 27),
        QDate(2026, 2, 28), // make-up Saturday
    };
    QCOMPARE(working, expected);
    // A 10-working-day promise made on the Thursday before the festival.
    QCOMPARE(m_calendar.addWorkingDays(QDate(2026, 2, 12), 10), QDate(2026, 3, 4));
}

void TestWorkCalendar::workingDaysBetween()
{
    QCOMPARE(m_calendar.workingDaysBetween(QDate(2026, 2, 13), QDate(2026, 2, 24)), 2);
    QCOMPARE(m_calendar.workingDaysBetween(QDate(2026, 2, 24), QDate(2026, 2, 13)), -2);
    QCOMPARE(m_calendar.workingDaysBetween(QDate(2026, 3, 2), QDate(2026, 3, 2)), 0);
}

void TestWorkCalendar::uncoveredYearFallsBackToWeekends()
{
    QVERIFY(!m_calendar.covers(2030));
    QVERIFY(m_calendar.isProvisional(2030));
    QVERIFY(m_calendar.isWorkingDay(QDate(2030, 1, 1))); // a Tuesday, no table: counted as working
    QVERIFY(!m_calendar.isWorkingDay(QDate(2030, 1, 5))); // a Saturday
}

void TestWorkCalendar::badTables_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("messageContains");
    QTest::newRow("not JSON") << QByteArray("{\"year\": 2026,") << "not valid JSON";
    QTest::newRow("array") << QByteArray("[]") << "JSON object";
    QTest::newRow("no year") << QByteArray("{}") << "year";
    QTest::newRow("holiday without name")
        << QByteArray(R"({"year":2026,"holidays":[{"from":"2026-01-01","to":"2026-01-01"}]})") << "needs a name";
    QTest::newRow("holiday ends before it starts")
        << QByteArray(R"({"year":2026,"holidays":[{"name":"x","from":"2026-01-03","to":"2026-01-01"}]})")
        << "needs a name";
    QTest::newRow("holiday in another year")
        << QByteArray(R"({"year":2026,"holidays":[{"name":"x","from":"2025-01-03","to":"2025-01-04"}]})")
        << "outside 2026";
    QTest::newRow("workday without date")
        << QByteArray(R"({"year":2026,"workdays":[{"for":"x"}]})") << "no valid \"date\"";
    QTest::newRow("day both off and on") << QByteArray(
        R"({"year":2026,"holidays":[{"name":"x","from":"2026-01-01","to":"2026-01-02"}],"workdays":[{"date":"2026-01-02"}]})")
                                         << "both";
}

void TestWorkCalendar::badTables()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, messageContains);
    const auto table = WorkCalendar::parseYear(json);
    QVERIFY(!table.ok());
    QVERIFY2(table.error().contains(messageContains), qPrintable(table.error()));
}

QTEST_APPLESS_MAIN(TestWorkCalendar)
#include "tst_workcalendar.moc"
