#include "onewindow/core/IdNumber.h"

#include <QTest>

using ow::IdNumber;

class TestIdNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void checkCharacter_data();
    void checkCharacter();
    void ageOn();
    void futureBirthDate_data();
    void futureBirthDate();
    void mismatchNamesNoDigit_data();
    void mismatchNamesNoDigit();
};

void TestIdNumber::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("number");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<bool>("male");
    QTest::addColumn<bool>("upgraded");

    const int resident = int(IdNumber::Kind::Resident);
    QTest::newRow("GB 11643 standard example")
        << "11010519491231002X"
        << "11010519491231002X" << resident << QDate(1949, 12, 31) << false << false;
    QTest::newRow("X check digit, Hangzhou") << "33010619900101123X"
                                             << "33010619900101123X" << resident << QDate(1990, 1, 1) << true << false;
    QTest::newRow("lower-case x accepted") << "33010619900101123x"
                                           << "33010619900101123X" << resident << QDate(1990, 1, 1) << true << false;
    QTest::newRow("surrounding spaces") << "  330106199003070022 "
                                        << "330106199003070022" << resident << QDate(1990, 3, 7) << false << false;
    QTest::newRow("born 1880") << "440524188001010014"
                               << "440524188001010014" << resident << QDate(1880, 1, 1) << true << false;
    QTest::newRow("29 February in a leap year")
        << "440301200002290015"
        << "440301200002290015" << resident << QDate(2000, 2, 29) << true << false;
    QTest::newRow("15-digit legacy upgraded") << "330106900101123"
                                              << "33010619900101123X" << resident << QDate(1990, 1, 1) << true << true;
    QTest::newRow("Hong Kong permit 810000")
        << "810000198001010014"
        << "810000198001010014" << int(IdNumber::Kind::HongKongPermit) << QDate(1980, 1, 1) << true << false;
    QTest::newRow("Macao permit 820000") << "820000197510100023"
                                         << "820000197510100023" << int(IdNumber::Kind::MacaoPermit)
                                         << QDate(1975, 10, 10) << false << false;
    QTest::newRow("Taiwan permit 830000")
        << "83000019930505003X"
        << "83000019930505003X" << int(IdNumber::Kind::TaiwanPermit) << QDate(1993, 5, 5) << true << false;
    QTest::newRow("2023 foreigner card, leading 9")
        << "911560200001010012"
        << "911560200001010012" << int(IdNumber::Kind::ForeignerPermanent) << QDate(2000, 1, 1) << true << false;
}

void TestIdNumber::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, number);
    QFETCH(int, kind);
    QFETCH(QDate, birth);
    QFETCH(bool, male);
    QFETCH(bool, upgraded);

    const auto id = IdNumber::parse(input);
    QVERIFY2(id.ok(), qPrintable(id.error()));
    QCOMPARE(id->number(), number);
    QCOMPARE(int(id->kind()), kind);
    QCOMPARE(id->birthDate(), birth);
    QCOMPARE(id->gender() == IdNumber::Gender::Male, male);
    QCOMPARE(id->wasUpgradedFrom15(), upgraded);
    QCOMPARE(id->regionCode(), number.left(6));
}

void TestIdNumber::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("messageContains");

    QTest::newRow("empty") << ""
                           << "18 characters";
    QTest::newRow("17 characters") << "33010619900101123"
                                   << "18 characters";
    QTest::newRow("19 characters") << "33010619900101123X1"
                                   << "18 characters";
    QTest::newRow("wrong check digit") << "330106199001011231"
                                       << "check digit";
    QTest::newRow("single transposed digit") << "330106199010011230"
                                             << "check digit";
    QTest::newRow("letter inside") << "3301061990A101123X"
                                   << "digits";
    QTest::newRow("X not last") << "X30106199001011234"
                                << "digits";
    QTest::newRow("bad last character") << "33010619900101123Y"
                                        << "digit or X";
    QTest::newRow("30 February") << "11010519900230001X"
                                 << "does not exist";
    QTest::newRow("month 13") << "110105199013010018"
                              << "does not exist";
    QTest::newRow("day 00") << "110105199001000015"
                            << "does not exist";
    QTest::newRow("29 February in 1900") << "110105190002290017"
                                         << "does not exist";
    QTest::newRow("unknown province 00") << "000106199001011234"
                                         << "region code";
    QTest::newRow("unknown province 99 is not a foreigner code") << "990106199001011234"
                                                                 << "check digit";
    QTest::newRow("15 digits with a letter") << "33010690010112X"
                                             << "digits only";
    QTest::newRow("15 digits, impossible date") << "330106901301123"
                                                << "does not exist";
}

void TestIdNumber::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, messageContains);
    const auto id = IdNumber::parse(input);
    QVERIFY(!id.ok());
    QVERIFY2(id.error().contains(messageContains), qPrintable(id.error()));
}

void TestIdNumber::checkCharacter_data()
{
    QTest::addColumn<QString>("first17");
    QTest::addColumn<QString>("check");
    QTest::newRow("X") << "11010519491231002"
                       << "X";
    QTest::newRow("4") << "44052418800101001"
                       << "4";
    QTest::newRow("2") << "33010619900307002"
                       << "2";
    QTest::newRow("not digits") << "1101051949123100A"
                                << "";
    QTest::newRow("too short") << "1101"
                               << "";
}

void TestIdNumber::checkCharacter()
{
    QFETCH(QString, first17);
    QFETCH(QString, check);
    const QChar c = IdNumber::checkCharacter(first17);
    QCOMPARE(c.isNull() ? QString() : QString(c), check);
}

void TestIdNumber::ageOn()
{
    const auto id = IdNumber::parse(QStringLiteral("33010619900307002"
                                                   "2"));
    QVERIFY(id.ok());
    QCOMPARE(id->ageOn(QDate(2026, 3, 6)), 35);
    QCOMPARE(id->ageOn(QDate(2026, 3, 7)), 36);
}

void TestIdNumber::futureBirthDate_data()
{
    QTest::addColumn<QDate>("today");
    QTest::addColumn<bool>("ok");
    // Born 2026-12-02: the day before, refused; on the day and later, accepted.
    QTest::newRow("day before") << QDate(2026, 12, 1) << false;
    QTest::newRow("birthday") << QDate(2026, 12, 2) << true;
    QTest::newRow("later") << QDate(2027, 1, 1) << true;
}

void TestIdNumber::futureBirthDate()
{
    QFETCH(QDate, today);
    QFETCH(bool, ok);
    const QString first17 = QStringLiteral("33010620261202001");
    const QString number = first17 + IdNumber::checkCharacter(first17);
    const ow::FixedClock clock(QDateTime(today, QTime(9, 0)));
    const auto id = IdNumber::parse(number, clock);
    QCOMPARE(id.ok(), ok);
    if (!ok)
        QVERIFY2(id.error().contains(QStringLiteral("future")), qPrintable(id.error()));
}

QTEST_APPLESS_MAIN(TestIdNumber)
#include "tst_idnumber.moc"

void TestIdNumber::mismatchNamesNoDigit_data()
{
    QTest::addColumn<QString>("typed");
    // 33010619900101123X with one birth-date digit mistyped (the day 01 typed 11, the month 01
    // typed 07): the check fails, and the digit that would make it pass is not the fix.
    QTest::newRow("day digit") << "33010619900111123X";
    QTest::newRow("month digit") << "33010619900701123X";
    QTest::newRow("order digits") << "330106199001011290";
}

void TestIdNumber::mismatchNamesNoDigit()
{
    // Issue 19: "末位应为 3" turned a mistyped day into a valid-looking wrong number. The message
    // must not offer a check character to type, and must send the clerk back to the card.
    QFETCH(QString, typed);
    const auto id = IdNumber::parse(typed);
    QVERIFY(!id);
    const QChar fits = IdNumber::checkCharacter(QStringView(typed).left(17));
    QVERIFY(fits != typed.at(17));
    const QString message = id.error();
    QVERIFY2(!message.contains(fits), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("expected")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("digit by digit with the card")), qPrintable(message));
    // Typing the check character it would take gives a number that passes: exactly the wrong fix.
    QVERIFY(IdNumber::parse(typed.left(17) + fits));
}
