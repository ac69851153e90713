#include "onewindow/printer/PrinterProfile.h"
#include "onewindow/scanner/ScannerModel.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

// packaging/70-onewindow.rules gives the seat user access to every scanner and printer the
// drivers know, by exact id, and to nothing else of theirs.
class TestUdevRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wellFormed();
    void knownDevicesListed_data();
    void knownDevicesListed();
    void scannerListParsing_data();
    void scannerListParsing();

private:
    QStringList m_rules;
};

void TestUdevRules::initTestCase()
{
    QFile f(QStringLiteral(OW_UDEV_RULES));
    QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
    for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
        if (!line.trimmed().isEmpty() && !line.trimmed().startsWith(u'#'))
            m_rules << line;
    }
    QVERIFY(m_rules.size() >= 2);
}

void TestUdevRules::wellFormed()
{
    static const QRegularExpression rule(QStringLiteral(
        R"(^SUBSYSTEM=="usb", ENV\{DEVTYPE\}=="usb_device", ATTRS\{idVendor\}=="[0-9a-f]{4}", ATTRS\{idProduct\}=="[0-9a-f]{4}", TAG\+="uaccess"$)"));
    for (const QString &line : std::as_const(m_rules))
        QVERIFY2(rule.match(line).hasMatch(), qPrintable(line));
}

void TestUdevRules::knownDevicesListed_data()
{
    QTest::addColumn<int>("vendorId");
    QTest::addColumn<int>("productId");
    for (const auto &m : ow::scanner::ScannerModel::knownModels())
        QTest::addRow("scanner %s", qPrintable(m.name)) << int(m.vendorId) << int(m.productId);
    for (const auto &p : ow::printer::PrinterProfile::knownProfiles()) {
        if (p.vendorId != 0)
            QTest::addRow("printer %s", qPrintable(p.id)) << int(p.vendorId) << int(p.productId);
    }
}

void TestUdevRules::knownDevicesListed()
{
    QFETCH(int, vendorId);
    QFETCH(int, productId);
    const QString needle = QStringLiteral(R"(ATTRS{idVendor}=="%1", ATTRS{idProduct}=="%2")")
                               .arg(vendorId, 4, 16, QLatin1Char('0'))
                               .arg(productId, 4, 16, QLatin1Char('0'));
    bool found = false;
    for (const QString &line : std::as_const(m_rules))
        found = found || line.contains(needle);
    QVERIFY2(found, qPrintable(needle));
}

void TestUdevRules::scannerListParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("models");
    QTest::addColumn<int>("errors");
    QTest::newRow("two") << "0c2e:0b87:hidpos, 05e0:1200:WEDGE" << 2 << 0;
    QTest::newRow("empty") << "" << 0 << 0;
    QTest::newRow("bad kind and bad hex") << "0c2e:0b87:serial,zz:0001:wedge,1234:5678:wedge" << 1 << 2;
}

void TestUdevRules::scannerListParsing()
{
    QFETCH(QString, text);
    QFETCH(int, models);
    QFETCH(int, errors);
    QStringList bad;
    const auto list = ow::scanner::ScannerModel::parseList(text, &bad);
    QCOMPARE(list.size(), models);
    QCOMPARE(bad.size(), errors);
}

QTEST_APPLESS_MAIN(TestUdevRules)
#include "tst_udevrules.moc"
