#include "onewindow/printer/ReceiptPrinter.h"

#include "onewindow/usb/UsbError.h"

#include <QMutexLocker>

#include <libusb.h>

namespace ow::printer {

// EscPosTransport over the claimed bulk endpoints. Worker thread only.
class ReceiptPrinter::Transport : public EscPosTransport
{
public:
    Transport(ReceiptPrinter &printer)
        : m_printer(printer)
    { }

    bool write(const QByteArray &bytes, int timeoutMs, QString *error) override
    {
        if (m_printer.m_out == 0) {
            *error = usb::UsbError::message(LIBUSB_ERROR_NO_DEVICE, deviceNoun());
            m_printer.m_lastError = LIBUSB_ERROR_NO_DEVICE;
            return false;
        }
        const usb::Transfer t = m_printer.m_handle.bulkWrite(m_printer.m_out, bytes, timeoutMs);
        if (t.ok() && t.transferred == bytes.size())
            return true;
        m_printer.m_lastError = t.ok() ? LIBUSB_ERROR_IO : t.code;
        *error = usb::UsbError::message(m_printer.m_lastError, deviceNoun());
        return false;
    }

    QByteArray read(int maxBytes, int timeoutMs, QString *error) override
    {
        if (m_printer.m_in == 0) {
            *error = tr("The receipt printer cannot report its status (no IN endpoint).");
            return {};
        }
        // A whole packet: a printer may send more than asked (automatic status back).
        const usb::Transfer t = m_printer.m_handle.bulkRead(m_printer.m_in, qMax(64, maxBytes), timeoutMs);
        if (t.ok() && !t.data.isEmpty())
            return t.data;
        m_printer.m_lastError = t.ok() ? LIBUSB_ERROR_TIMEOUT : t.code;
        *error = usb::UsbError::message(m_printer.m_lastError, deviceNoun());
        return {};
    }

private:
    static QString tr(const char *text) { return ReceiptPrinter::tr(text); }
    ReceiptPrinter &m_printer;
};

ReceiptPrinter::ReceiptPrinter()
    : ReceiptPrinter(Options())
{ }

ReceiptPrinter::ReceiptPrinter(const Options &options)
    : m_options(options)
    , m_profile(PrinterProfile::defaultProfile())
{
    qRegisterMetaType<ow::printer::PrintJobResult>();
    qRegisterMetaType<ow::printer::PrinterStatus>();
    setStatus(usb::DeviceState::Absent, tr("No receipt printer is connected."));
}

ReceiptPrinter::~ReceiptPrinter() = default;

QString ReceiptPrinter::deviceNoun()
{
    return tr("receipt printer");
}

bool ReceiptPrinter::matchesDevice(const usb::UsbDeviceInfo &info)
{
    for (const usb::InterfaceInfo &iface : info.interfaces) {
        if (iface.interfaceClass == 0x07 && !iface.endpointsOf(usb::TransferType::Bulk, false).isEmpty())
            return true;
    }
    return false;
}

PrinterProfile ReceiptPrinter::profile() const
{
    QMutexLocker lock(&m_mutex);
    return m_profile;
}

quint8 ReceiptPrinter::outEndpoint() const
{
    QMutexLocker lock(&m_mutex);
    return m_out;
}

quint8 ReceiptPrinter::inEndpoint() const
{
    QMutexLocker lock(&m_mutex);
    return m_in;
}

void ReceiptPrinter::print(const EscPosDocument &document)
{
    const auto blocks = document.blocks();
    if (!blocks) {
        PrintJobResult r;
        r.outcome = PrintJobResult::Outcome::Refused;
        r.error = blocks.error();
        QMetaObject::invokeMethod(
            this, [this, r] { Q_EMIT jobFinished(r); }, Qt::QueuedConnection);
        return;
    }
    printBlocks(blocks.value());
}

void ReceiptPrinter::printBlocks(const QList<QByteArray> &blocks)
{
    QMetaObject::invokeMethod(
        this, [this, blocks] { runJob(blocks); }, Qt::QueuedConnection);
}

void ReceiptPrinter::requestStatus()
{
    QMetaObject::invokeMethod(
        this, [this] { readStatus(); }, Qt::QueuedConnection);
}

void ReceiptPrinter::deviceArrived(libusb_device *device, const usb::UsbDeviceInfo &info)
{
    closeDevice();
    const usb::InterfaceInfo *iface = nullptr;
    for (const usb::InterfaceInfo &i : info.interfaces) {
        if (i.interfaceClass == 0x07 && !i.endpointsOf(usb::TransferType::Bulk, false).isEmpty()) {
            iface = &i;
            break;
        }
    }
    if (!iface)
        return;
    PrinterProfile profile = m_options.profileId.isEmpty() ? PrinterProfile::forUsbId(info.vendorId, info.productId)
                                                           : PrinterProfile::byId(m_options.profileId);
    if (m_options.receiveBufferBytes > 0)
        profile.receiveBufferBytes = m_options.receiveBufferBytes;
    const auto ins = iface->endpointsOf(usb::TransferType::Bulk, true);
    const quint8 out = iface->endpointsOf(usb::TransferType::Bulk, false).first().address;
    const quint8 in = ins.isEmpty() ? 0 : ins.first().address;
    if (in == 0)
        profile.hasStatus = false; // unidirectional printer: no DLE EOT answers

    m_handle.setTrafficLog(trafficLog(), info.id());
    int r = m_handle.open(device);
    if (r != 0) {
        setStatus(usb::DeviceState::Error, usb::UsbError::message(r, deviceNoun()),
            usb::UsbError::detail(r, QStringLiteral("open %1").arg(info.vidPid())));
        return;
    }
    r = m_claim.claim(m_handle, iface->number);
    if (r != 0) {
        const QString note = m_claim.kernelDriverNote();
        closeDevice();
        setStatus(usb::DeviceState::Error, usb::UsbError::message(r, deviceNoun()),
            usb::UsbError::detail(r, QStringLiteral("claim interface %1; %2").arg(iface->number).arg(note)));
        return;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_profile = profile;
        m_out = out;
        m_in = in;
    }
    if (!profile.hasStatus) {
        setStatus(usb::DeviceState::Ready, {},
            QStringLiteral("%1, OUT 0x%2, no status").arg(profile.id).arg(out, 2, 16, QLatin1Char('0')));
        return;
    }
    Transport transport(*this);
    const auto status = PrintJob::queryStatus(transport);
    if (!status) {
        if (usb::UsbError::meansUnplugged(m_lastError)) {
            closeDevice();
            setStatus(usb::DeviceState::Unplugged, status.error(), QStringLiteral("status at attach"));
            return;
        }
        setStatus(usb::DeviceState::Error, status.error(), QStringLiteral("status at attach"));
        return;
    }
    updateState(status.value());
}

void ReceiptPrinter::updateState(const PrinterStatus &status)
{
    const PrinterProfile p = profile();
    const QString detail = QStringLiteral("%1, OUT 0x%2 IN 0x%3, %4")
                               .arg(p.id)
                               .arg(m_out, 2, 16, QLatin1Char('0'))
                               .arg(m_in, 2, 16, QLatin1Char('0'))
                               .arg(m_claim.kernelDriverNote());
    if (status.canPrint())
        setStatus(usb::DeviceState::Ready, status.messages().join(u' '), detail);
    else
        setStatus(usb::DeviceState::Error, status.summary(), detail);
}

void ReceiptPrinter::deviceLeft(const usb::UsbDeviceInfo &info)
{
    closeDevice();
    setStatus(usb::DeviceState::Unplugged, usb::UsbError::message(LIBUSB_ERROR_NO_DEVICE, deviceNoun()),
        QStringLiteral("%1 %2 left").arg(info.id(), info.vidPid()));
}

void ReceiptPrinter::shutdown()
{
    closeDevice();
}

void ReceiptPrinter::closeDevice()
{
    m_claim.release();
    m_handle.close();
    QMutexLocker lock(&m_mutex);
    m_out = 0;
    m_in = 0;
}

void ReceiptPrinter::readStatus()
{
    if (!m_handle.isOpen()) {
        Q_EMIT statusFailed(status().message.isEmpty() ? tr("No receipt printer is connected.") : status().message);
        return;
    }
    Transport transport(*this);
    const auto s = PrintJob::queryStatus(transport);
    if (!s) {
        if (usb::UsbError::meansUnplugged(m_lastError)) {
            closeDevice();
            setStatus(usb::DeviceState::Unplugged, s.error());
        }
        Q_EMIT statusFailed(s.error());
        return;
    }
    updateState(s.value());
    Q_EMIT statusRead(s.value());
}

void ReceiptPrinter::runJob(const QList<QByteArray> &blocks)
{
    const PrinterProfile p = profile();
    PrintJob job(p, blocks);
    if (!m_handle.isOpen()) {
        PrintJobResult r;
        r.outcome = PrintJobResult::Outcome::Refused;
        r.transfersTotal = int(job.transfers().size());
        r.bytesTotal = job.totalBytes();
        r.error = status().message.isEmpty() ? tr("No receipt printer is connected.") : status().message;
        Q_EMIT jobFinished(r);
        return;
    }
    setStatus(usb::DeviceState::Busy);
    m_lastError = 0;
    Transport transport(*this);
    PrintJobResult result = job.run(transport);
    if (usb::UsbError::meansUnplugged(m_lastError)) {
        closeDevice();
        setStatus(usb::DeviceState::Unplugged, usb::UsbError::message(m_lastError, deviceNoun()),
            QStringLiteral("during a print job: %1").arg(result.progressText()));
    } else if (result.statusAfter) {
        updateState(*result.statusAfter);
    } else if (result.statusBefore) {
        updateState(*result.statusBefore);
    } else if (!result.ok()) {
        setStatus(usb::DeviceState::Error, result.error);
    } else {
        setStatus(usb::DeviceState::Ready);
    }
    Q_EMIT jobFinished(result);
}

} // namespace ow::printer
