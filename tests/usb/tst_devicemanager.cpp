// DeviceManager through real libusb under umockdev: listing, driver matching from descriptors,
// permission problems, endpoints.
#include "onewindow/devicesim/IdCardReaderSim.h"
#include "onewindow/devicesim/SimulatedUsbDevice.h"
#include "onewindow/devicesim/TestMain.h"
#include "onewindow/devicesim/UsbTestbed.h"
#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/usb/DeviceManager.h"

#include <QTest>

#include <memory>
#include <unistd.h>

using ow::devicesim::IdCardReaderSim;
using ow::devicesim::UsbDescriptorBuilder;
using ow::devicesim::UsbTestbed;
using ow::usb::DeviceManager;
using ow::usb::UsbDeviceInfo;

namespace {

class Gadget : public ow::devicesim::SimulatedUsbDevice
{
public:
    Gadget()
        : SimulatedUsbDevice(UsbDescriptorBuilder(0x1209, 0x0001).addInterface(0x03, 1, 1).addInterrupt(0x81))
    { }

protected:
    void onOut(quint8, const QByteArray &) override { }
};

const UsbDeviceInfo *find(const QList<UsbDeviceInfo> &list, const QString &vidPid)
{
    for (const UsbDeviceInfo &d : list) {
        if (d.vidPid() == vidPid)
            return &d;
    }
    return nullptr;
}

} // namespace

class TestDeviceManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void emptyBusListsNothing();
    void listsDevicesAndDrivers();
    void permissionProblemIsNamed();
    void matchesByVidPidOrGa467Endpoints_data();
    void matchesByVidPidOrGa467Endpoints();

private:
    UsbTestbed *m_testbed = nullptr;
};

void TestDeviceManager::initTestCase()
{
    m_testbed = new UsbTestbed(this);
    QVERIFY2(m_testbed->isValid(), qPrintable(m_testbed->error()));
}

void TestDeviceManager::emptyBusListsNothing()
{
    DeviceManager manager;
    manager.addDriver(std::make_unique<ow::idcard::IdCardReader>());
    QCOMPARE(manager.listDevices(true).size(), 0); // the root hub is left out
    QCOMPARE(manager.initError(), QString());
}

void TestDeviceManager::listsDevicesAndDrivers()
{
    IdCardReaderSim reader(IdCardReaderSim::Transport::SplitPipe);
    Gadget gadget;
    QVERIFY(!m_testbed->plug(&reader).isEmpty());
    QVERIFY(!m_testbed->plug(&gadget).isEmpty());
    {
        DeviceManager manager;
        manager.addDriver(std::make_unique<ow::idcard::IdCardReader>());
        const QList<UsbDeviceInfo> list = manager.listDevices(true);
        QCOMPARE(list.size(), 2);
        const UsbDeviceInfo *r = find(list, QStringLiteral("0400:c35a"));
        QVERIFY(r);
        QCOMPARE(r->driver, QStringLiteral("idcard"));
        QCOMPARE(r->accessProblem, QString());
        QCOMPARE(r->bus, 1);
        QCOMPARE(r->id(), reader.devnode().mid(13).replace(QLatin1Char('/'), QLatin1Char(':')));
        QCOMPARE(r->interfaces.size(), 1);
        QCOMPARE(r->interfaces.first().interfaceClass, 0xFF);
        QCOMPARE(r->interfaces.first().endpointsOf(ow::usb::TransferType::Bulk, false).size(), 2);
        QCOMPARE(r->interfaces.first().endpointsOf(ow::usb::TransferType::Bulk, true).size(), 2);
        const UsbDeviceInfo *g = find(list, QStringLiteral("1209:0001"));
        QVERIFY(g);
        QCOMPARE(g->driver, QString());
        QCOMPARE(g->interfaces.first().interfaceClass, 0x03);
        QCOMPARE(int(g->interfaces.first().endpoints.first().type), int(ow::usb::TransferType::Interrupt));

        // Started, the reader binds its device and the list reflects it.
        manager.start();
        auto *driver = static_cast<ow::idcard::IdCardReader *>(manager.drivers().first());
        QTRY_COMPARE_WITH_TIMEOUT(driver->status().state, ow::usb::DeviceState::Ready, 10000);
        QVERIFY(driver->status().detail.contains(QStringLiteral("split-pipe")));
        QCOMPARE(manager.listDevices(true).size(), 2);
    }
    m_testbed->unplug(&reader);
    m_testbed->unplug(&gadget);
}

void TestDeviceManager::permissionProblemIsNamed()
{
    if (::geteuid() == 0)
        QSKIP("root opens the device node whatever its mode");
    IdCardReaderSim reader;
    QVERIFY(!m_testbed->plug(&reader).isEmpty());
    QVERIFY(m_testbed->setAccessDenied(&reader, true));
    {
        DeviceManager manager;
        auto *driver = manager.addDriver(std::make_unique<ow::idcard::IdCardReader>());
        const QList<UsbDeviceInfo> list = manager.listDevices(true);
        QCOMPARE(list.size(), 1);
        QVERIFY2(
            list.first().accessProblem.contains(QStringLiteral("udev rules")), qPrintable(list.first().accessProblem));
        manager.start();
        QTRY_COMPARE_WITH_TIMEOUT(driver->status().state, ow::usb::DeviceState::Error, 10000);
        QCOMPARE(
            driver->status().message, QStringLiteral("No permission to use the card reader: install the udev rules."));
        QVERIFY(driver->status().detail.contains(QStringLiteral("LIBUSB_ERROR_ACCESS")));
    }
    m_testbed->setAccessDenied(&reader, false);
    m_testbed->unplug(&reader);
}

void TestDeviceManager::matchesByVidPidOrGa467Endpoints_data()
{
    QTest::addColumn<int>("vendor");
    QTest::addColumn<int>("product");
    QTest::addColumn<QList<int>>("endpoints");
    QTest::addColumn<bool>("matches");
    QTest::newRow("0400:c35a single pipe") << 0x0400 << 0xC35A << QList<int> {0x01, 0x81} << true;
    QTest::newRow("other ids, GA 467 pipes") << 0x1234 << 0x0001 << QList<int> {0x02, 0x06, 0x81, 0x85} << true;
    QTest::newRow("other ids, one pipe pair") << 0x1234 << 0x0001 << QList<int> {0x02, 0x81} << false;
    QTest::newRow("other ids, other pipes") << 0x1234 << 0x0001 << QList<int> {0x01, 0x03, 0x82, 0x84} << false;
}

void TestDeviceManager::matchesByVidPidOrGa467Endpoints()
{
    QFETCH(int, vendor);
    QFETCH(int, product);
    QFETCH(QList<int>, endpoints);
    QFETCH(bool, matches);
    UsbDeviceInfo info;
    info.vendorId = quint16(vendor);
    info.productId = quint16(product);
    ow::usb::InterfaceInfo iface;
    iface.interfaceClass = 0xFF;
    for (int address : endpoints)
        iface.endpoints.append({quint8(address), ow::usb::TransferType::Bulk, 64});
    info.interfaces.append(iface);
    QCOMPARE(ow::idcard::IdCardReader::matchesDevice(info), matches);
}

OW_DEVICESIM_TEST_MAIN(TestDeviceManager)

#include "tst_devicemanager.moc"
