#include "onewindow/core/Masking.h"

#include <QTest>

namespace masking = ow::masking;

class TestMasking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idNumber_data();
    void idNumber();
    void name_data();
    void name();
    void phone_data();
    void phone();
};

void TestMasking::idNumber_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("masked");
    QTest::newRow("18 digits") << "330106199001011234"
                               << "330106********1234";
    QTest::newRow("X at the end") << "33010619900101123X"
                                  << "330106********123X";
    QTest::newRow("15 digits") << "330106900101123"
                               << "330106*****1123";
    // The same mask on the card panel and in the applicant summary (they differed).
    QTest::newRow("foreigner permit") << "USA310000005001"
                                      << "USA********5001";
    QTest::newRow("passport-like") << "E12345678"
                                   << "E1*****78";
    QTest::newRow("short") << "123"
                           << "1**";
    QTest::newRow("empty") << ""
                           << "";
}

void TestMasking::idNumber()
{
    QFETCH(QString, input);
    QFETCH(QString, masked);
    QCOMPARE(masking::idNumber(input), masked);
    if (input.size() >= 15)
        QVERIFY(!masking::idNumber(input).contains(input.mid(6, 8))); // the birth date never shows
}

void TestMasking::name_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("masked");
    QTest::newRow("two characters") << "张三"
                                    << "张*";
    QTest::newRow("three characters") << "王小明"
                                      << "王**";
    QTest::newRow("compound surname") << "欧阳娜娜"
                                      << "欧***";
    QTest::newRow("one character") << "李"
                                   << "*";
    QTest::newRow("empty") << ""
                           << "";
}

void TestMasking::name()
{
    QFETCH(QString, input);
    QFETCH(QString, masked);
    QCOMPARE(masking::name(input), masked);
}

void TestMasking::phone_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("masked");
    QTest::newRow("mobile") << "13812345678"
                            << "138****5678";
    QTest::newRow("landline") << "057187654321"
                              << "05********21";
}

void TestMasking::phone()
{
    QFETCH(QString, input);
    QFETCH(QString, masked);
    QCOMPARE(masking::phone(input), masked);
}

QTEST_APPLESS_MAIN(TestMasking)
#include "tst_masking.moc"
