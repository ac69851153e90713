#include "onewindow/core/CreditCode.h"

#include <QTest>

using ow::CreditCode;

class TestCreditCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void organisationCheck_data();
    void organisationCheck();
};

void TestCreditCode::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("organisation");

    QTest::newRow("enterprise, Fuzhou, letter in org code") << "91350100M000100Y43"
                                                            << "350100"
                                                            << "M000100Y4";
    QTest::newRow("enterprise, Shanghai") << "91310110666007217T"
                                          << "310110"
                                          << "666007217";
    QTest::newRow("enterprise, Beijing") << "91110000802100433B"
                                         << "110000"
                                         << "802100433";
    QTest::newRow("lower case and spaces") << " 91310110666007217t "
                                           << "310110"
                                           << "666007217";
}

void TestCreditCode::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, region);
    QFETCH(QString, organisation);
    const auto code = CreditCode::parse(input);
    QVERIFY2(code.ok(), qPrintable(code.error()));
    QCOMPARE(code->regionCode(), region);
    QCOMPARE(code->organisationCode(), organisation);
    QCOMPARE(code->registrationDepartment(), QChar(u'9'));
    QCOMPARE(code->category(), QChar(u'1'));
}

void TestCreditCode::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("messageContains");

    QTest::newRow("empty") << ""
                           << "18 characters";
    QTest::newRow("17 characters") << "91310110666007217"
                                   << "18 characters";
    QTest::newRow("wrong check character") << "91310110666007217U"
                                           << "check character test";
    QTest::newRow("one changed digit") << "91310110666007218T"
                                       << "check character test";
    QTest::newRow("letter I is not in the alphabet") << "9131011066600721IT"
                                                     << "cannot appear";
    QTest::newRow("letter O is not in the alphabet") << "91310110666007217O"
                                                     << "cannot appear";
    QTest::newRow("letters in the region code") << "91AB0110666007217T"
                                                << "region code";
    // Full check correct, embedded GB 11714 check wrong: 9111010871092209X + W. No character is
    // offered as the fix (issue 19): only that the code does not check.
    QTest::newRow("embedded organisation code check") << "9111010871092209X1"
                                                      << "organisation code";
}

void TestCreditCode::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, messageContains);
    const auto code = CreditCode::parse(input);
    QVERIFY(!code.ok());
    QVERIFY2(code.error().contains(messageContains), qPrintable(code.error()));
}

void TestCreditCode::organisationCheck_data()
{
    QTest::addColumn<QString>("first8");
    QTest::addColumn<QString>("check");
    QTest::newRow("digit") << "66600721"
                           << "7";
    QTest::newRow("with a letter") << "M000100Y"
                                   << "4";
    QTest::newRow("bad character") << "6660072#"
                                   << "";
}

void TestCreditCode::organisationCheck()
{
    QFETCH(QString, first8);
    QFETCH(QString, check);
    const QChar c = CreditCode::organisationCheckCharacter(first8);
    QCOMPARE(c.isNull() ? QString() : QString(c), check);
}

QTEST_APPLESS_MAIN(TestCreditCode)
#include "tst_creditcode.moc"
