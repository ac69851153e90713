#include "onewindow/core/RetirementAge.h"

#include <QTest>

using ow::RetirementAge;
using Category = RetirementAge::Category;

// The statutory retirement age after the 2025 reform (渐进式延迟法定退休年龄), against the
// published table: men 60 → 63, women 55 → 58 (one month per 4 months of birth), women
// 50 → 55 (one month per 2 months of birth).
class TestRetirementAge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void months_data();
    void months();
    void reached();
};

void TestRetirementAge::months_data()
{
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<int>("category");
    QTest::addColumn<int>("years");
    QTest::addColumn<int>("extraMonths");
    const int male = int(Category::Male);
    const int cadre = int(Category::FemaleCadre);
    const int worker = int(Category::FemaleWorker);
    QTest::newRow("man born 1964-12: 60, before the reform") << QDate(1964, 12, 31) << male << 60 << 0;
    QTest::newRow("man born 1965-01: 60 years 1 month") << QDate(1965, 1, 15) << male << 60 << 1;
    QTest::newRow("man born 1965-04: still 1 month") << QDate(1965, 4, 30) << male << 60 << 1;
    QTest::newRow("man born 1965-05: 2 months") << QDate(1965, 5, 1) << male << 60 << 2;
    QTest::newRow("man born 1970-01: 61 years 4 months") << QDate(1970, 1, 10) << male << 61 << 4;
    QTest::newRow("man born 1976-08: 62 years 11 months") << QDate(1976, 8, 31) << male << 62 << 11;
    QTest::newRow("man born 1976-09: 63") << QDate(1976, 9, 1) << male << 63 << 0;
    QTest::newRow("man born 1990-05: 63") << QDate(1990, 5, 20) << male << 63 << 0;
    QTest::newRow("woman (55) born 1969-12: 55") << QDate(1969, 12, 1) << cadre << 55 << 0;
    QTest::newRow("woman (55) born 1970-01: 55 years 1 month") << QDate(1970, 1, 1) << cadre << 55 << 1;
    QTest::newRow("woman (55) born 1981-08: 57 years 11 months") << QDate(1981, 8, 8) << cadre << 57 << 11;
    QTest::newRow("woman (55) born 1981-09: 58") << QDate(1981, 9, 9) << cadre << 58 << 0;
    QTest::newRow("woman (50) born 1974-12: 50") << QDate(1974, 12, 12) << worker << 50 << 0;
    QTest::newRow("woman (50) born 1975-01: 50 years 1 month") << QDate(1975, 1, 1) << worker << 50 << 1;
    QTest::newRow("woman (50) born 1975-03: 50 years 2 months") << QDate(1975, 3, 3) << worker << 50 << 2;
    QTest::newRow("woman (50) born 1981-06: 53 years 3 months") << QDate(1981, 6, 1) << worker << 53 << 3;
    QTest::newRow("woman (50) born 1984-10: 54 years 11 months") << QDate(1984, 10, 10) << worker << 54 << 11;
    QTest::newRow("woman (50) born 1984-11: 55") << QDate(1984, 11, 11) << worker << 55 << 0;
}

void TestRetirementAge::months()
{
    QFETCH(QDate, birth);
    QFETCH(int, category);
    QFETCH(int, years);
    QFETCH(int, extraMonths);
    QCOMPARE(RetirementAge::months(birth, Category(category)), years * 12 + extraMonths);
}

void TestRetirementAge::reached()
{
    // A man born 1965-01-15 reaches 60 years 1 month in February 2025, not at 60 in January.
    const QDate born(1965, 1, 15);
    QCOMPARE(RetirementAge::reachedOn(born, Category::Male), QDate(2025, 2, 1));
    QVERIFY(!RetirementAge::reached(born, Category::Male, QDate(2025, 1, 31)));
    QVERIFY(RetirementAge::reached(born, Category::Male, QDate(2025, 2, 1)));
    // Before the reform nothing changes: born 1964-06 retired in June 2024.
    QVERIFY(RetirementAge::reached(QDate(1964, 6, 20), Category::Male, QDate(2024, 6, 20)));
    QVERIFY(!RetirementAge::reached(QDate(1964, 6, 20), Category::Male, QDate(2024, 5, 31)));
    // A man of 36 is far from it.
    QVERIFY(!RetirementAge::reached(QDate(1990, 5, 20), Category::Male, QDate(2026, 11, 27)));
    QCOMPARE(RetirementAge::ageInMonths(QDate(1990, 5, 20), QDate(2026, 11, 27)), 36 * 12 + 6);
    QCOMPARE(RetirementAge::ageInMonths(QDate(1990, 5, 20), QDate(2026, 5, 19)), 35 * 12 + 11);
    QVERIFY(!RetirementAge::reached(QDate(), Category::Male, QDate(2026, 1, 1)));
}

QTEST_APPLESS_MAIN(TestRetirementAge)
#include "tst_retirementage.moc"
