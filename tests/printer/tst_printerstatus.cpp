#include "onewindow/printer/PrinterStatus.h"

#include <QTest>

using ow::printer::PrinterStatus;

class TestPrinterStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void request();
};

void TestPrinterStatus::parse_data()
{
    QTest::addColumn<int>("printer");
    QTest::addColumn<int>("cause");
    QTest::addColumn<int>("paper");
    QTest::addColumn<bool>("canPrint");
    QTest::addColumn<QString>("messageContains");

    QTest::newRow("ready") << 0x12 << 0x12 << 0x12 << true << "Ready";
    QTest::newRow("cover open") << 0x1A << 0x16 << 0x12 << false << "cover is open";
    QTest::newRow("paper out") << 0x1A << 0x32 << 0x72 << false << "out of paper";
    QTest::newRow("paper near end only") << 0x12 << 0x12 << 0x1E << true << "nearly used up";
    QTest::newRow("offline, no cause") << 0x1A << 0x12 << 0x12 << false << "offline";
    QTest::newRow("error") << 0x1A << 0x52 << 0x12 << false << "error";
}

void TestPrinterStatus::parse()
{
    QFETCH(int, printer);
    QFETCH(int, cause);
    QFETCH(int, paper);
    QFETCH(bool, canPrint);
    QFETCH(QString, messageContains);
    const auto s = PrinterStatus::parse(quint8(printer), quint8(cause), quint8(paper));
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QCOMPARE(s->canPrint(), canPrint);
    QVERIFY2(s->summary().contains(messageContains), qPrintable(s->summary()));
}

void TestPrinterStatus::invalid_data()
{
    QTest::addColumn<int>("printer");
    QTest::addColumn<int>("cause");
    QTest::addColumn<int>("paper");
    QTest::addColumn<QString>("messageContains");
    QTest::newRow("zero (python-escpos #143)") << 0x00 << 0x12 << 0x12 << "DLE EOT 1 with 0x00";
    QTest::newRow("bit 7 set") << 0x12 << 0x92 << 0x12 << "DLE EOT 2 with 0x92";
    QTest::newRow("bit 0 set") << 0x12 << 0x12 << 0x13 << "DLE EOT 4 with 0x13";
}

void TestPrinterStatus::invalid()
{
    QFETCH(int, printer);
    QFETCH(int, cause);
    QFETCH(int, paper);
    QFETCH(QString, messageContains);
    const auto s = PrinterStatus::parse(quint8(printer), quint8(cause), quint8(paper));
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(messageContains), qPrintable(s.error()));
}

void TestPrinterStatus::request()
{
    QCOMPARE(PrinterStatus::request(4), QByteArray::fromHex("100404"));
}

QTEST_APPLESS_MAIN(TestPrinterStatus)
#include "tst_printerstatus.moc"
