#include "onewindow/scanner/BarcodeScanner.h"

#include "onewindow/usb/UsbError.h"

#include <QMutexLocker>
#include <QTimer>

#include <libusb.h>

namespace ow::scanner {

namespace {

constexpr int ControlTimeoutMs = 1000;
constexpr int MaxConsecutiveErrors = 3;

QList<ScannerModel> modelsFromEnvironment()
{
    return ScannerModel::parseList(qEnvironmentVariable("OW_SCANNER_IDS"));
}

} // namespace

BarcodeScanner::BarcodeScanner()
    : BarcodeScanner(Options())
{ }

BarcodeScanner::BarcodeScanner(const Options &options)
    : m_options(options)
    , m_readTimer(new QTimer(this))
    , m_listening(options.listen)
{
    qRegisterMetaType<ow::scanner::Scan>();
    m_options.extraModels += modelsFromEnvironment();
    m_options.readSliceMs = qBound(10, m_options.readSliceMs, 1000);
    m_keyboard.setTabTerminates(m_options.tabTerminates);
    m_keyboard.setAimPrefix(m_options.aimPrefix);
    // Interval 0: the next read starts as soon as the event loop has run once.
    m_readTimer->setInterval(0);
    connect(m_readTimer, &QTimer::timeout, this, &BarcodeScanner::readSlice);
    setStatus(usb::DeviceState::Absent, tr("No barcode scanner is connected."));
}

BarcodeScanner::~BarcodeScanner() = default;

QString BarcodeScanner::deviceNoun()
{
    return tr("barcode scanner");
}

bool BarcodeScanner::matches(const usb::UsbDeviceInfo &info) const
{
    return matchesDevice(info, m_options.extraModels);
}

bool BarcodeScanner::matchesDevice(const usb::UsbDeviceInfo &info, const QList<ScannerModel> &extra)
{
    if (!ScannerModel::find(info.vendorId, info.productId, extra))
        return false;
    for (const usb::InterfaceInfo &iface : info.interfaces) {
        if (iface.interfaceClass == 0x03 && !iface.endpointsOf(usb::TransferType::Interrupt, true).isEmpty())
            return true;
    }
    return false;
}

QString BarcodeScanner::kernelDriverNote() const
{
    QMutexLocker lock(&m_noteMutex);
    return m_kernelNote;
}

void BarcodeScanner::setListening(bool listening)
{
    QMetaObject::invokeMethod(
        this,
        [this, listening] {
            m_listening = listening;
            if (!m_handle.isOpen())
                return;
            if (listening)
                hold();
            else
                release();
        },
        Qt::QueuedConnection);
}

void BarcodeScanner::deviceArrived(libusb_device *device, const usb::UsbDeviceInfo &info)
{
    closeDevice();
    const auto model = ScannerModel::find(info.vendorId, info.productId, m_options.extraModels);
    if (!model)
        return;
    m_info = info;
    m_currentKind = model->kind;
    m_interface = -1;
    for (const usb::InterfaceInfo &iface : info.interfaces) {
        const auto ins = iface.endpointsOf(usb::TransferType::Interrupt, true);
        if (iface.interfaceClass == 0x03 && !ins.isEmpty() && m_interface < 0) {
            m_interface = iface.number;
            m_inEndpoint = ins.first().address;
            m_inPacketSize = qMax(8, ins.first().maxPacketSize);
        }
    }
    m_handle.setTrafficLog(trafficLog(), info.id());
    const int r = m_handle.open(device);
    if (r != 0) {
        setStatus(usb::DeviceState::Error, usb::UsbError::message(r, deviceNoun()),
            usb::UsbError::detail(r, QStringLiteral("open %1").arg(info.vidPid())));
        return;
    }
    m_kind.storeRelaxed(int(m_currentKind));
    if (m_listening)
        hold();
    else
        setStatus(usb::DeviceState::Ready, {}, QStringLiteral("%1, not held").arg(model->name));
}

bool BarcodeScanner::hold()
{
    if (m_claim.isClaimed())
        return true;
    const int r = m_claim.claim(m_handle, m_interface);
    {
        QMutexLocker lock(&m_noteMutex);
        m_kernelNote = m_claim.kernelDriverNote();
    }
    if (r != 0) {
        setStatus(usb::DeviceState::Error, usb::UsbError::message(r, deviceNoun()),
            usb::UsbError::detail(
                r, QStringLiteral("claim interface %1; %2").arg(m_interface).arg(kernelDriverNote())));
        return false;
    }
    m_keyboard.reset();
    m_hidPos.reset();
    QString detail = kernelDriverNote();
    if (m_currentKind == ScannerKind::HidPos) {
        // SET_REPORT (Feature, report 0xFE): Honeywell's switch from keyboard emulation to HID POS.
        const QByteArray report = HidPosReportDecoder::hidPosModeFeatureReport();
        const usb::Transfer t =
            m_handle.control(0x21, 0x09, quint16((3 << 8) | HidPosReportDecoder::HidPosModeFeatureReportId),
                quint16(m_interface), report, 0, ControlTimeoutMs);
        if (!t.ok()) {
            m_claim.release();
            setStatus(usb::DeviceState::Error, tr("The barcode scanner did not switch to HID POS mode."),
                usb::UsbError::detail(t.code, t.operation));
            return false;
        }
        detail += QStringLiteral(", HID POS mode");
    } else {
        // SET_PROTOCOL (boot): 8-byte reports whatever the report descriptor says. Best effort.
        const usb::Transfer t = m_handle.control(0x21, 0x0B, 0, quint16(m_interface), {}, 0, ControlTimeoutMs);
        if (!t.ok())
            detail += QStringLiteral(", SET_PROTOCOL failed: %1").arg(usb::UsbError::name(t.code));
    }
    m_held.storeRelaxed(1);
    m_consecutiveErrors = 0;
    setStatus(usb::DeviceState::Ready, {}, detail);
    m_readTimer->start();
    return true;
}

void BarcodeScanner::release()
{
    m_readTimer->stop();
    if (m_claim.isClaimed())
        m_claim.release(); // re-attaches the kernel driver it detached
    m_held.storeRelaxed(0);
    if (m_handle.isOpen())
        setStatus(usb::DeviceState::Ready, {}, QStringLiteral("not held"));
}

void BarcodeScanner::closeDevice()
{
    release();
    m_handle.close();
    m_kind.storeRelaxed(-1);
    m_interface = -1;
}

void BarcodeScanner::deviceLeft(const usb::UsbDeviceInfo &info)
{
    closeDevice();
    setStatus(usb::DeviceState::Unplugged, usb::UsbError::message(LIBUSB_ERROR_NO_DEVICE, deviceNoun()),
        QStringLiteral("%1 %2 left").arg(info.id(), info.vidPid()));
}

void BarcodeScanner::shutdown()
{
    closeDevice();
}

void BarcodeScanner::readSlice()
{
    if (!m_claim.isClaimed()) {
        m_readTimer->stop();
        return;
    }
    const usb::Transfer t = m_handle.interruptRead(m_inEndpoint, m_inPacketSize, m_options.readSliceMs);
    if (t.code == LIBUSB_ERROR_TIMEOUT && t.data.isEmpty())
        return; // nothing scanned in this slice
    if (!t.ok()) {
        const QString message = usb::UsbError::message(t.code, deviceNoun());
        const QString detail = usb::UsbError::detail(t.code, t.operation);
        if (usb::UsbError::meansUnplugged(t.code)) {
            closeDevice();
            setStatus(usb::DeviceState::Unplugged, message, detail);
            return;
        }
        if (t.code == LIBUSB_ERROR_PIPE)
            m_handle.clearHalt(m_inEndpoint);
        if (++m_consecutiveErrors >= MaxConsecutiveErrors) {
            m_readTimer->stop();
            setStatus(usb::DeviceState::Error, message, detail);
            Q_EMIT scanFailed(message, detail);
        }
        return;
    }
    m_consecutiveErrors = 0;
    if (m_currentKind == ScannerKind::KeyboardWedge) {
        const auto scans = m_keyboard.feed(t.data);
        if (!scans) {
            Q_EMIT scanFailed(tr("The barcode scanner sent a report that could not be read."), scans.error());
            return;
        }
        for (const Scan &scan : scans.value())
            Q_EMIT scanned(scan);
        return;
    }
    const auto scan = m_hidPos.feed(t.data);
    if (!scan) {
        Q_EMIT scanFailed(tr("The barcode scanner sent a report that could not be read."), scan.error());
        return;
    }
    if (scan->has_value())
        Q_EMIT scanned(**scan);
}

} // namespace ow::scanner
