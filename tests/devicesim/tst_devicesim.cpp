// The generic simulated-USB-device layer, exercised with raw libusb calls: what every device
// simulator built on it can rely on.
#include <libusb.h>

#include "onewindow/devicesim/IdCardReaderSim.h"
#include "onewindow/devicesim/SimulatedUsbDevice.h"
#include "onewindow/devicesim/TestMain.h"
#include "onewindow/devicesim/UsbTestbed.h"

#include <QSignalSpy>
#include <QTest>

using ow::devicesim::IdCardReaderSim;
using ow::devicesim::SimIdCard;
using ow::devicesim::SimulatedUsbDevice;
using ow::devicesim::UsbDescriptorBuilder;
using ow::devicesim::UsbTestbed;

namespace {

// Echoes what arrives on bulk OUT 0x01 back on bulk IN 0x81, upper-cased; "UNPLUG" unplugs it.
class LoopbackDevice : public SimulatedUsbDevice
{
public:
    LoopbackDevice()
        : SimulatedUsbDevice(
            UsbDescriptorBuilder(0x1234, 0x5678).addInterface(0xFF).addBulk(0x01).addBulk(0x81).addInterrupt(0x82))
    { }

protected:
    void onOut(quint8 endpoint, const QByteArray &data) override
    {
        if (endpoint != 0x01)
            return;
        if (data == "UNPLUG") {
            unplug();
            return;
        }
        sendIn(0x81, data.toUpper());
    }
};

struct HotplugLog
{
    int arrived = 0;
    int left = 0;
};

int LIBUSB_CALL onHotplug(libusb_context *, libusb_device *, libusb_hotplug_event event, void *userData)
{
    auto *log = static_cast<HotplugLog *>(userData);
    if (event == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED)
        ++log->arrived;
    else
        ++log->left;
    return 0;
}

} // namespace

class TestDeviceSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void enumeratesWithDescriptors();
    void bulkRoundTrip_data();
    void bulkRoundTrip();
    void inWithoutDataTimesOut();
    void stallIsReported_data();
    void stallIsReported();
    void controlStringDescriptor();
    void unplugMidTransferThenReplug();
    void readerSimAnswersFrames_data();
    void readerSimAnswersFrames();

private:
    libusb_device_handle *openDevice();
    void pumpEvents(int ms);

    UsbTestbed *m_testbed = nullptr;
    LoopbackDevice *m_device = nullptr;
    libusb_context *m_ctx = nullptr;
    libusb_device_handle *m_handle = nullptr;
};

void TestDeviceSim::initTestCase()
{
    m_testbed = new UsbTestbed(this);
    QVERIFY2(m_testbed->isValid(), qPrintable(m_testbed->error()));
    m_device = new LoopbackDevice;
    QVERIFY(!m_testbed->plug(m_device).isEmpty());
    QCOMPARE(libusb_init(&m_ctx), 0);
}

void TestDeviceSim::cleanupTestCase()
{
    if (m_ctx)
        libusb_exit(m_ctx);
    delete m_testbed;
    m_testbed = nullptr;
    delete m_device;
}

void TestDeviceSim::init()
{
    if (!m_device->isPlugged()) {
        m_device->replug();
        pumpEvents(50);
    }
    m_device->setUnresponsive(false);
    m_handle = openDevice();
    QVERIFY(m_handle);
    QCOMPARE(libusb_claim_interface(m_handle, 0), 0);
}

void TestDeviceSim::cleanup()
{
    if (m_handle) {
        libusb_release_interface(m_handle, 0);
        libusb_close(m_handle);
        m_handle = nullptr;
    }
}

void TestDeviceSim::pumpEvents(int ms)
{
    timeval tv {0, 0};
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents();
        libusb_handle_events_timeout_completed(m_ctx, &tv, nullptr);
        QTest::qSleep(5);
    }
}

libusb_device_handle *TestDeviceSim::openDevice()
{
    libusb_device **list = nullptr;
    const ssize_t n = libusb_get_device_list(m_ctx, &list);
    libusb_device_handle *handle = nullptr;
    for (ssize_t i = 0; i < n; ++i) {
        libusb_device_descriptor desc {};
        libusb_get_device_descriptor(list[i], &desc);
        if (desc.idVendor == 0x1234 && desc.idProduct == 0x5678) {
            if (libusb_open(list[i], &handle) != 0)
                handle = nullptr;
            break;
        }
    }
    libusb_free_device_list(list, 1);
    return handle;
}

void TestDeviceSim::enumeratesWithDescriptors()
{
    libusb_device *dev = libusb_get_device(m_handle);
    libusb_config_descriptor *config = nullptr;
    QCOMPARE(libusb_get_active_config_descriptor(dev, &config), 0);
    QCOMPARE(int(config->bNumInterfaces), 1);
    const libusb_interface_descriptor &alt = config->interface[0].altsetting[0];
    QCOMPARE(int(alt.bInterfaceClass), 0xFF);
    QCOMPARE(int(alt.bNumEndpoints), 3);
    QCOMPARE(int(alt.endpoint[0].bEndpointAddress), 0x01);
    QCOMPARE(int(alt.endpoint[1].bEndpointAddress), 0x81);
    QCOMPARE(int(alt.endpoint[2].bEndpointAddress), 0x82);
    QCOMPARE(int(alt.endpoint[2].bmAttributes & 3), int(LIBUSB_TRANSFER_TYPE_INTERRUPT));
    libusb_free_config_descriptor(config);
}

void TestDeviceSim::bulkRoundTrip_data()
{
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<int>("bufferSize");
    QTest::newRow("short") << QByteArray("hello") << 64;
    QTest::newRow("long, one big buffer") << QByteArray(3000, 'x') << 8192;
    QTest::newRow("long, read in 64-byte pieces") << QByteArray(300, 'y') << 64;
}

void TestDeviceSim::bulkRoundTrip()
{
    QFETCH(QByteArray, sent);
    QFETCH(int, bufferSize);
    int done = 0;
    QCOMPARE(libusb_bulk_transfer(
                 m_handle, 0x01, reinterpret_cast<unsigned char *>(sent.data()), int(sent.size()), &done, 1000),
        0);
    QCOMPARE(done, int(sent.size()));
    QCOMPARE(m_device->hostWrites().last().data, sent);
    QByteArray received;
    while (received.size() < sent.size()) {
        QByteArray buffer(bufferSize, '\0');
        int got = 0;
        QCOMPARE(libusb_bulk_transfer(
                     m_handle, 0x81, reinterpret_cast<unsigned char *>(buffer.data()), bufferSize, &got, 1000),
            0);
        QVERIFY(got > 0);
        received += buffer.left(got);
    }
    QCOMPARE(received, sent.toUpper());
}

void TestDeviceSim::inWithoutDataTimesOut()
{
    unsigned char buffer[64];
    int got = -1;
    QCOMPARE(libusb_bulk_transfer(m_handle, 0x81, buffer, sizeof buffer, &got, 100), int(LIBUSB_ERROR_TIMEOUT));
    QCOMPARE(got, 0);
    // An unresponsive device swallows the answer too.
    m_device->setUnresponsive(true);
    unsigned char ping[] = {'p'};
    QCOMPARE(libusb_bulk_transfer(m_handle, 0x01, ping, 1, &got, 100), 0);
    QCOMPARE(libusb_bulk_transfer(m_handle, 0x81, buffer, sizeof buffer, &got, 100), int(LIBUSB_ERROR_TIMEOUT));
    m_device->setUnresponsive(false);
    QCOMPARE(libusb_bulk_transfer(m_handle, 0x81, buffer, sizeof buffer, &got, 1000), 0);
    QCOMPARE(got, 1);
    QCOMPARE(buffer[0], 'P');
}

void TestDeviceSim::stallIsReported_data()
{
    QTest::addColumn<int>("endpoint");
    QTest::newRow("bulk OUT") << 0x01;
    QTest::newRow("bulk IN") << 0x81;
    QTest::newRow("interrupt IN") << 0x82;
}

void TestDeviceSim::stallIsReported()
{
    QFETCH(int, endpoint);
    m_device->stallNext(quint8(endpoint));
    unsigned char buffer[8] = {'a'};
    int got = 0;
    const int r = (endpoint == 0x82)
        ? libusb_interrupt_transfer(m_handle, quint8(endpoint), buffer, 8, &got, 500)
        : libusb_bulk_transfer(m_handle, quint8(endpoint), buffer, endpoint & 0x80 ? 8 : 1, &got, 500);
    QCOMPARE(r, int(LIBUSB_ERROR_PIPE));
    QCOMPARE(libusb_clear_halt(m_handle, quint8(endpoint)), 0);
}

void TestDeviceSim::controlStringDescriptor()
{
    m_device->setStrings(QStringLiteral("Maker"), QStringLiteral("Loopback 1"));
    unsigned char text[64] = {};
    QVERIFY(libusb_get_string_descriptor_ascii(m_handle, 2, text, sizeof text) > 0);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(text)), QByteArray("Loopback 1"));
}

void TestDeviceSim::unplugMidTransferThenReplug()
{
    HotplugLog log;
    libusb_hotplug_callback_handle cb = 0;
    QCOMPARE(libusb_hotplug_register_callback(m_ctx,
                 libusb_hotplug_event(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT),
                 LIBUSB_HOTPLUG_NO_FLAGS, 0x1234, 0x5678, LIBUSB_HOTPLUG_MATCH_ANY, onHotplug, &log, &cb),
        0);
    unsigned char bye[] = {'U', 'N', 'P', 'L', 'U', 'G'};
    int got = 0;
    // The OUT itself completes; the device then vanishes while the host waits for the answer.
    QCOMPARE(libusb_bulk_transfer(m_handle, 0x01, bye, sizeof bye, &got, 1000), 0);
    unsigned char buffer[64];
    QCOMPARE(libusb_bulk_transfer(m_handle, 0x81, buffer, sizeof buffer, &got, 5000), int(LIBUSB_ERROR_NO_DEVICE));
    QVERIFY(!m_device->isPlugged());
    for (int i = 0; i < 200 && log.left == 0; ++i)
        pumpEvents(10);
    QCOMPARE(log.left, 1);
    libusb_close(m_handle);
    m_handle = nullptr;

    m_device->replug();
    for (int i = 0; i < 200 && log.arrived == 0; ++i)
        pumpEvents(10);
    QCOMPARE(log.arrived, 1);
    libusb_hotplug_deregister_callback(m_ctx, cb);
    m_handle = openDevice();
    QVERIFY(m_handle);
    unsigned char ping[] = {'o', 'k'};
    QCOMPARE(libusb_bulk_transfer(m_handle, 0x01, ping, 2, &got, 1000), 0);
    QCOMPARE(libusb_bulk_transfer(m_handle, 0x81, buffer, sizeof buffer, &got, 1000), 0);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(buffer), got), QByteArray("OK"));
}

void TestDeviceSim::readerSimAnswersFrames_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("card");
    QTest::addColumn<int>("replyLength");
    QTest::addColumn<int>("sw3");
    // Byte vectors from the protocol tables: the checksum is the XOR of everything after the preamble.
    QTest::newRow("status") << QByteArray::fromHex("aaaaaa9669000311ff ed") << false << 11 << 0x90;
    QTest::newRow("find, no card") << QByteArray::fromHex("aaaaaa966900032001 22") << false << 11 << 0x80;
    QTest::newRow("find, card") << QByteArray::fromHex("aaaaaa966900032001 22") << true << 15 << 0x9F;
    QTest::newRow("bad checksum") << QByteArray::fromHex("aaaaaa966900032001 21") << true << 11 << 0x10;
    QTest::newRow("unknown command") << QByteArray::fromHex("aaaaaa966900037701 75") << true << 11 << 0x21;
}

void TestDeviceSim::readerSimAnswersFrames()
{
    QFETCH(QByteArray, request);
    QFETCH(bool, card);
    QFETCH(int, replyLength);
    QFETCH(int, sw3);
    IdCardReaderSim reader;
    if (card)
        reader.putDemoCard(SimIdCard::Type::Resident);
    const QString node = m_testbed->plug(&reader);
    QVERIFY(!node.isEmpty());
    libusb_device **list = nullptr;
    const ssize_t n = libusb_get_device_list(m_ctx, &list);
    libusb_device_handle *handle = nullptr;
    for (ssize_t i = 0; i < n; ++i) {
        if (QStringLiteral("/dev/bus/usb/%1/%2")
                .arg(libusb_get_bus_number(list[i]), 3, 10, QLatin1Char('0'))
                .arg(libusb_get_device_address(list[i]), 3, 10, QLatin1Char('0'))
            == node)
            QCOMPARE(libusb_open(list[i], &handle), 0);
    }
    libusb_free_device_list(list, 1);
    QVERIFY(handle);
    QCOMPARE(libusb_claim_interface(handle, 0), 0);
    int done = 0;
    QCOMPARE(libusb_bulk_transfer(
                 handle, 0x01, reinterpret_cast<unsigned char *>(request.data()), int(request.size()), &done, 1000),
        0);
    QByteArray reply(4096, '\0');
    QCOMPARE(libusb_bulk_transfer(handle, 0x81, reinterpret_cast<unsigned char *>(reply.data()), 4096, &done, 1000), 0);
    reply.truncate(done);
    QCOMPARE(int(reply.size()), replyLength);
    QCOMPARE(int(quint8(reply.at(9))), sw3);
    quint8 x = 0;
    for (int i = 5; i < reply.size() - 1; ++i)
        x ^= quint8(reply.at(i));
    QCOMPARE(x, quint8(reply.back()));
    libusb_release_interface(handle, 0);
    libusb_close(handle);
    m_testbed->unplug(&reader);
}

OW_DEVICESIM_TEST_MAIN(TestDeviceSim)

#include "tst_devicesim.moc"
