// What a department sees of an applicant (backoffice::Masking): never the full name or ID number.
#include "onewindow/backoffice/Masking.h"
#include "onewindow/intake/Party.h"

#include <QTest>

using ow::backoffice::Masking;
using ow::intake::Party;

class TestBackOfficeMasking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void person_data();
    void person();
    void companyAsItIs();
};

void TestBackOfficeMasking::person_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("maskedNumber");
    QTest::addColumn<QString>("maskedName");
    QTest::newRow("ID card, three characters") << QStringLiteral("33010619900101123X") << QStringLiteral("李建国")
                                               << QStringLiteral("3301**********123X") << QStringLiteral("李*");
    QTest::newRow("two characters") << QStringLiteral("330106198503150032") << QStringLiteral("李娜")
                                    << QStringLiteral("3301**********0032") << QStringLiteral("李*");
    QTest::newRow("four characters: the length is not told")
        << QStringLiteral("11010519491231002X") << QStringLiteral("欧阳娜娜") << QStringLiteral("1101**********002X")
        << QStringLiteral("欧*");
}

void TestBackOfficeMasking::person()
{
    QFETCH(QString, number);
    QFETCH(QString, name);
    QFETCH(QString, maskedNumber);
    QFETCH(QString, maskedName);
    const auto party = Party::person(number, name);
    QVERIFY2(party, qPrintable(party.error()));
    const QJsonObject o = Masking::applicant(party.value());
    QCOMPARE(o.value(QLatin1String("kind")).toString(), QStringLiteral("person"));
    QCOMPARE(o.value(QLatin1String("name")).toString(), maskedName);
    QCOMPARE(o.value(QLatin1String("number")).toString(), maskedNumber);
    // Nothing of the birth date (digits 7–14) is left.
    QVERIFY(!o.value(QLatin1String("number")).toString().contains(number.mid(6, 8)));
}

void TestBackOfficeMasking::companyAsItIs()
{
    const auto party = Party::company(QStringLiteral("91310110666007217T"), QStringLiteral("杭州味道餐饮有限公司"));
    QVERIFY2(party, qPrintable(party.error()));
    const QJsonObject o = Masking::applicant(party.value());
    QCOMPARE(o.value(QLatin1String("kind")).toString(), QStringLiteral("company"));
    QCOMPARE(o.value(QLatin1String("name")).toString(), QStringLiteral("杭州味道餐饮有限公司"));
    QCOMPARE(o.value(QLatin1String("number")).toString(), QStringLiteral("91310110666007217T"));
    // A foreigner's permit keeps its nationality and last four.
    QCOMPARE(Masking::idNumber(QStringLiteral("USA330119800101")), QStringLiteral("USA********0101"));
    QCOMPARE(Masking::personName(QString()), QString());
}

QTEST_GUILESS_MAIN(TestBackOfficeMasking)
#include "tst_backofficemasking.moc"
