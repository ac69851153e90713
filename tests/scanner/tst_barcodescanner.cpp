// The barcode scanner driver through the REAL libusb code path: DeviceManager + BarcodeScanner
// on their worker thread, libusb against umockdev's emulated usbfs, the scanner simulators on the
// device side.
#include "onewindow/devicesim/HidPosScannerSim.h"
#include "onewindow/devicesim/KeyboardWedgeScannerSim.h"
#include "onewindow/devicesim/TestMain.h"
#include "onewindow/devicesim/UsbTestbed.h"
#include "onewindow/scanner/BarcodeScanner.h"
#include "onewindow/scanner/ScanText.h"
#include "onewindow/usb/DeviceManager.h"
#include "onewindow/usb/UsbError.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <libusb.h>

#include <memory>
#include <thread>

using ow::devicesim::HidPosScannerSim;
using ow::devicesim::KeyboardWedgeScannerSim;
using ow::devicesim::SimulatedUsbDevice;
using ow::devicesim::UsbTestbed;
using ow::scanner::BarcodeScanner;
using ow::scanner::Scan;
using ow::scanner::ScannerKind;
using ow::scanner::TextEncoding;
using ow::usb::DeviceManager;
using ow::usb::DeviceState;

Q_DECLARE_METATYPE(ow::scanner::TextEncoding)

namespace {

constexpr int Wait = 10000; // generous for slow CI; no time is asserted

} // namespace

class TestBarcodeScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void keyboardWedgeAscii_data();
    void keyboardWedgeAscii();
    void keyboardWedgeSeveralScans();
    void hidPosChineseQr_data();
    void hidPosChineseQr();
    void givesTheScannerBack();
    void unplugReportedAndRecovered_data();
    void unplugReportedAndRecovered();
    void unknownDeviceLeftAlone();

private:
    void start(std::unique_ptr<SimulatedUsbDevice> sim, const BarcodeScanner::Options &options = {});
    bool waitForState(DeviceState state);
    QList<Scan> scans() const;

    UsbTestbed *m_testbed = nullptr;
    std::unique_ptr<SimulatedUsbDevice> m_sim;
    std::unique_ptr<DeviceManager> m_manager;
    BarcodeScanner *m_scanner = nullptr;
    std::unique_ptr<QSignalSpy> m_scanned;
    std::unique_ptr<QSignalSpy> m_failed;
};

void TestBarcodeScanner::initTestCase()
{
    qRegisterMetaType<ow::usb::DeviceStatus>();
    qRegisterMetaType<Scan>();
    m_testbed = new UsbTestbed(this);
    QVERIFY2(m_testbed->isValid(), qPrintable(m_testbed->error()));
}

void TestBarcodeScanner::start(std::unique_ptr<SimulatedUsbDevice> sim, const BarcodeScanner::Options &options)
{
    m_sim = std::move(sim);
    QVERIFY(!m_testbed->plug(m_sim.get()).isEmpty());
    DeviceManager::Options managerOptions;
    managerOptions.rescanIntervalMs = 100;
    m_manager = std::make_unique<DeviceManager>(managerOptions);
    m_scanner = m_manager->addDriver(std::make_unique<BarcodeScanner>(options));
    m_scanned = std::make_unique<QSignalSpy>(m_scanner, &BarcodeScanner::scanned);
    m_failed = std::make_unique<QSignalSpy>(m_scanner, &BarcodeScanner::scanFailed);
    m_manager->start();
}

bool TestBarcodeScanner::waitForState(DeviceState state)
{
    QElapsedTimer timer;
    timer.start();
    while (m_scanner->status().state != state && timer.elapsed() < Wait)
        QTest::qWait(10);
    return m_scanner->status().state == state;
}

QList<Scan> TestBarcodeScanner::scans() const
{
    QList<Scan> out;
    for (const QList<QVariant> &args : std::as_const(*m_scanned))
        out.append(args.first().value<Scan>());
    return out;
}

void TestBarcodeScanner::cleanup()
{
    m_scanned.reset();
    m_failed.reset();
    m_manager.reset(); // joins the worker: the scanner is released, no USB traffic after this
    m_scanner = nullptr;
    if (m_sim) {
        if (m_sim->isPlugged())
            m_testbed->unplug(m_sim.get());
        QCoreApplication::processEvents();
        m_sim.reset();
    }
}

void TestBarcodeScanner::keyboardWedgeAscii_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("holdKeys");
    QTest::newRow("case number") << "SL-2026-000123" << false;
    QTest::newRow("url with symbols") << "https://example.invalid/q?id=42&x=a_b" << false;
    QTest::newRow("repeated characters, keys held") << "AA11bb--" << true;
    QTest::newRow("credit code") << "91310110666007217T" << false;
}

void TestBarcodeScanner::keyboardWedgeAscii()
{
    QFETCH(QString, text);
    QFETCH(bool, holdKeys);
    auto sim = std::make_unique<KeyboardWedgeScannerSim>();
    KeyboardWedgeScannerSim *wedge = sim.get();
    start(std::move(sim));
    QVERIFY(waitForState(DeviceState::Ready));
    QVERIFY(m_scanner->isHeld());
    QCOMPARE(m_scanner->kind(), int(ScannerKind::KeyboardWedge));
    QVERIFY2(!m_scanner->kernelDriverNote().isEmpty(), "the claim notes what happened to the kernel driver");
    wedge->scan(text, holdKeys);
    QTRY_COMPARE_WITH_TIMEOUT(m_scanned->count(), 1, Wait);
    const Scan scan = scans().first();
    QCOMPARE(scan.text, text);
    QCOMPARE(scan.source, ow::scanner::ScanSource::KeyboardWedge);
    QCOMPARE(scan.encoding, TextEncoding::Keyboard);
    QCOMPARE(m_failed->count(), 0);
}

void TestBarcodeScanner::keyboardWedgeSeveralScans()
{
    auto sim = std::make_unique<KeyboardWedgeScannerSim>();
    KeyboardWedgeScannerSim *wedge = sim.get();
    start(std::move(sim));
    QVERIFY(waitForState(DeviceState::Ready));
    wedge->scan(QStringLiteral("FIRST"));
    wedge->sendReport(QByteArray::fromHex("0000010101010101")); // phantom rollover in between
    wedge->scan(QStringLiteral("second"));
    QTRY_COMPARE_WITH_TIMEOUT(m_scanned->count(), 2, Wait);
    QCOMPARE(scans().at(0).text, QStringLiteral("FIRST"));
    QCOMPARE(scans().at(1).text, QStringLiteral("second"));
}

void TestBarcodeScanner::hidPosChineseQr_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("text");
    QTest::addColumn<TextEncoding>("encoding");
    const QString receipt = QString::fromUtf8("受理编号：2026-000123；事项：营业执照变更登记；窗口：综合受理3号");
    QTest::newRow("utf-8 QR over several reports") << receipt.toUtf8() << receipt << TextEncoding::Utf8;
    bool ok = false;
    const QString plate = QString::fromUtf8("京MD0926 一窗受理");
    QTest::newRow("gb18030 QR") << ow::scanner::ScanText::encodeGb18030(plate, &ok) << plate << TextEncoding::Gb18030;
    QTest::newRow("ascii QR") << QByteArray("https://example.invalid/c/1")
                              << QStringLiteral("https://example.invalid/c/1") << TextEncoding::Ascii;
}

void TestBarcodeScanner::hidPosChineseQr()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, text);
    QFETCH(TextEncoding, encoding);
    auto sim = std::make_unique<HidPosScannerSim>();
    HidPosScannerSim *pos = sim.get();
    start(std::move(sim));
    QVERIFY(waitForState(DeviceState::Ready));
    QCOMPARE(m_scanner->kind(), int(ScannerKind::HidPos));
    QVERIFY2(pos->hidPosMode(), "the driver sends the feature report that enters HID POS mode");
    QVERIFY(pos->scan(content));
    QTRY_COMPARE_WITH_TIMEOUT(m_scanned->count(), 1, Wait);
    const Scan scan = scans().first();
    QCOMPARE(scan.text, text);
    QCOMPARE(scan.raw, content);
    QCOMPARE(scan.encoding, encoding);
    QCOMPARE(scan.symbology, QStringLiteral("QR Code"));
    QCOMPARE(scan.aimId, QStringLiteral("]Q1"));
    QCOMPARE(scan.source, ow::scanner::ScanSource::HidPos);
}

void TestBarcodeScanner::givesTheScannerBack()
{
    auto sim = std::make_unique<KeyboardWedgeScannerSim>();
    KeyboardWedgeScannerSim *wedge = sim.get();
    start(std::move(sim));
    QVERIFY(waitForState(DeviceState::Ready));
    QTRY_VERIFY_WITH_TIMEOUT(m_scanner->isHeld(), Wait);
    m_scanner->setListening(false);
    QTRY_VERIFY_WITH_TIMEOUT(!m_scanner->isHeld(), Wait);
    // Not held: nothing is read (the kernel's keyboard driver would get the keys).
    const int submitted = wedge->submittedTransfers();
    wedge->scan(QStringLiteral("NOT-FOR-US"));
    QTest::qWait(300);
    QCOMPARE(m_scanned->count(), 0);
    QCOMPARE(wedge->submittedTransfers(), submitted);
    wedge->clearIn(KeyboardWedgeScannerSim::InEndpoint);
    m_scanner->setListening(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_scanner->isHeld(), Wait);
    wedge->scan(QStringLiteral("OURS"));
    QTRY_COMPARE_WITH_TIMEOUT(m_scanned->count(), 1, Wait);
    QCOMPARE(scans().first().text, QStringLiteral("OURS"));
    // Shutting the manager down releases the scanner (interface released, kernel driver back):
    // no transfer is submitted any more.
    m_scanned.reset();
    m_failed.reset();
    m_manager.reset(); // deletes the driver too
    m_scanner = nullptr;
    const int afterShutdown = wedge->submittedTransfers();
    QTest::qWait(300);
    QCOMPARE(wedge->submittedTransfers(), afterShutdown);
}

void TestBarcodeScanner::unplugReportedAndRecovered_data()
{
    QTest::addColumn<bool>("held");
    QTest::newRow("while held, interrupt read in flight") << true;
    QTest::newRow("while given back") << false;
}

void TestBarcodeScanner::unplugReportedAndRecovered()
{
    QFETCH(bool, held);
    auto sim = std::make_unique<HidPosScannerSim>();
    HidPosScannerSim *pos = sim.get();
    start(std::move(sim));
    QVERIFY(waitForState(DeviceState::Ready));
    if (!held) {
        m_scanner->setListening(false);
        QTRY_VERIFY_WITH_TIMEOUT(!m_scanner->isHeld(), Wait);
    }
    // From another thread, as a real unplug comes; the testbed removes the node on its thread.
    std::thread([pos] { pos->unplug(); }).join();
    QVERIFY(waitForState(DeviceState::Unplugged));
    QCOMPARE(
        m_scanner->status().message, ow::usb::UsbError::message(LIBUSB_ERROR_NO_DEVICE, BarcodeScanner::deviceNoun()));
    QVERIFY(!m_scanner->isHeld());
    pos->replug();
    QVERIFY2(waitForState(DeviceState::Ready),
        qPrintable(ow::usb::stateName(m_scanner->status().state) + u' ' + m_scanner->status().message + u' '
            + m_scanner->status().detail));
    if (!held) {
        QVERIFY(!pos->hidPosMode()); // back to keyboard emulation after the power cycle
        m_scanner->setListening(true);
    }
    QTRY_VERIFY_WITH_TIMEOUT(pos->hidPosMode(), Wait); // switched again
    QVERIFY(pos->scan(QByteArray("AGAIN")));
    QTRY_COMPARE_WITH_TIMEOUT(m_scanned->count(), 1, Wait);
    QCOMPARE(scans().first().text, QStringLiteral("AGAIN"));
}

void TestBarcodeScanner::unknownDeviceLeftAlone()
{
    // A keyboard with an id that is not a scanner's: never taken (it is the clerk's keyboard).
    start(std::make_unique<KeyboardWedgeScannerSim>(0x046d, 0xc31c));
    QTest::qWait(500);
    QCOMPARE(m_scanner->status().state, DeviceState::Absent);
    QVERIFY(!m_scanner->isHeld());
    QCOMPARE(m_sim->submittedTransfers(), 0);
}

OW_DEVICESIM_TEST_MAIN(TestBarcodeScanner)
#include "tst_barcodescanner.moc"
