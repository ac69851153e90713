#include "onewindow/usb/UsbHandle.h"

#include "onewindow/usb/TrafficLog.h"
#include "onewindow/usb/UsbError.h"

#include <libusb.h>

#include <utility>

namespace ow::usb {

UsbHandle::~UsbHandle()
{
    close();
}

UsbHandle::UsbHandle(UsbHandle &&other) noexcept
    : m_handle(std::exchange(other.m_handle, nullptr))
    , m_log(other.m_log)
    , m_deviceId(std::move(other.m_deviceId))
    , m_redactor(std::move(other.m_redactor))
{ }

UsbHandle &UsbHandle::operator=(UsbHandle &&other) noexcept
{
    if (this != &other) {
        close();
        m_handle = std::exchange(other.m_handle, nullptr);
        m_log = other.m_log;
        m_deviceId = std::move(other.m_deviceId);
        m_redactor = std::move(other.m_redactor);
    }
    return *this;
}

int UsbHandle::open(libusb_device *device)
{
    close();
    return libusb_open(device, &m_handle);
}

void UsbHandle::close()
{
    if (m_handle) {
        libusb_close(m_handle);
        m_handle = nullptr;
    }
}

void UsbHandle::setTrafficLog(TrafficLog *log, const QString &deviceId, TrafficLog::Redactor redactor)
{
    m_log = log;
    m_deviceId = deviceId;
    m_redactor = std::move(redactor);
}

void UsbHandle::log(bool in, quint8 endpoint, const Transfer &t, const QByteArray &bytes)
{
    if (m_log)
        m_log->record(
            m_deviceId, in, endpoint, bytes, t.ok() ? QStringLiteral("ok") : UsbError::name(t.code), m_redactor);
}

Transfer UsbHandle::transfer(bool interrupt, quint8 endpoint, QByteArray data, int maxLength, int timeoutMs)
{
    Transfer t;
    const bool in = endpoint & 0x80;
    t.operation = QStringLiteral("%1 %2 0x%3")
                      .arg(interrupt ? QStringLiteral("interrupt") : QStringLiteral("bulk"),
                          in ? QStringLiteral("IN") : QStringLiteral("OUT"))
                      .arg(endpoint, 2, 16, QLatin1Char('0'));
    if (!m_handle) {
        t.code = LIBUSB_ERROR_NO_DEVICE;
        return t;
    }
    // libusb treats 0 as "no timeout": every transfer here has one.
    const unsigned int timeout = unsigned(qMax(1, timeoutMs));
    if (in)
        data = QByteArray(qMax(1, maxLength), '\0');
    auto *buffer = reinterpret_cast<unsigned char *>(data.data());
    const int length = int(data.size());
    t.code = interrupt ? libusb_interrupt_transfer(m_handle, endpoint, buffer, length, &t.transferred, timeout)
                       : libusb_bulk_transfer(m_handle, endpoint, buffer, length, &t.transferred, timeout);
    if (in) {
        data.truncate(t.transferred);
        t.data = data;
        log(true, endpoint, t, t.data);
    } else {
        log(false, endpoint, t, data.left(t.transferred > 0 ? t.transferred : length));
    }
    return t;
}

Transfer UsbHandle::bulkWrite(quint8 endpoint, const QByteArray &data, int timeoutMs)
{
    return transfer(false, quint8(endpoint & 0x7F), data, 0, timeoutMs);
}

Transfer UsbHandle::bulkRead(quint8 endpoint, int maxLength, int timeoutMs)
{
    return transfer(false, quint8(endpoint | 0x80), {}, maxLength, timeoutMs);
}

Transfer UsbHandle::interruptRead(quint8 endpoint, int maxLength, int timeoutMs)
{
    return transfer(true, quint8(endpoint | 0x80), {}, maxLength, timeoutMs);
}

Transfer UsbHandle::interruptWrite(quint8 endpoint, const QByteArray &data, int timeoutMs)
{
    return transfer(true, quint8(endpoint & 0x7F), data, 0, timeoutMs);
}

Transfer UsbHandle::control(
    quint8 requestType, quint8 request, quint16 value, quint16 index, const QByteArray &data, int length, int timeoutMs)
{
    Transfer t;
    const bool in = requestType & 0x80;
    t.operation = QStringLiteral("control %1 0x%2")
                      .arg(in ? QStringLiteral("IN") : QStringLiteral("OUT"))
                      .arg(request, 2, 16, QLatin1Char('0'));
    if (!m_handle) {
        t.code = LIBUSB_ERROR_NO_DEVICE;
        return t;
    }
    QByteArray buffer = in ? QByteArray(qBound(0, length, 0xFFFF), '\0') : data.left(0xFFFF);
    const int r = libusb_control_transfer(m_handle, requestType, request, value, index,
        reinterpret_cast<unsigned char *>(buffer.data()), quint16(buffer.size()), unsigned(qMax(1, timeoutMs)));
    if (r < 0) {
        t.code = r;
    } else {
        t.transferred = r;
        if (in)
            t.data = buffer.left(r);
    }
    log(in, 0, t, in ? t.data : buffer);
    return t;
}

int UsbHandle::clearHalt(quint8 endpoint)
{
    return m_handle ? libusb_clear_halt(m_handle, endpoint) : int(LIBUSB_ERROR_NO_DEVICE);
}

ClaimedInterface::~ClaimedInterface()
{
    release();
}

ClaimedInterface::ClaimedInterface(ClaimedInterface &&other) noexcept
    : m_handle(std::exchange(other.m_handle, nullptr))
    , m_interface(other.m_interface)
    , m_reattach(other.m_reattach)
    , m_kernelNote(std::move(other.m_kernelNote))
{ }

ClaimedInterface &ClaimedInterface::operator=(ClaimedInterface &&other) noexcept
{
    if (this != &other) {
        release();
        m_handle = std::exchange(other.m_handle, nullptr);
        m_interface = other.m_interface;
        m_reattach = other.m_reattach;
        m_kernelNote = std::move(other.m_kernelNote);
    }
    return *this;
}

int ClaimedInterface::claim(UsbHandle &handle, int interfaceNumber)
{
    release();
    if (!handle.isOpen())
        return LIBUSB_ERROR_NO_DEVICE;
    libusb_device_handle *h = handle.native();
    m_reattach = false;
    // Best effort: a bound kernel driver (usblp, usbhid …) is detached, and a failure to do so
    // is only noted; the claim below says whether we really got the interface.
    const int active = libusb_kernel_driver_active(h, interfaceNumber);
    if (active == 1) {
        const int r = libusb_detach_kernel_driver(h, interfaceNumber);
        if (r == 0) {
            m_reattach = true;
            m_kernelNote = QStringLiteral("kernel driver detached");
        } else {
            m_kernelNote = QStringLiteral("kernel driver detach failed: %1").arg(UsbError::name(r));
        }
    } else if (active == 0) {
        m_kernelNote = QStringLiteral("no kernel driver");
    } else {
        m_kernelNote = QStringLiteral("kernel driver unknown: %1").arg(UsbError::name(active));
    }
    const int r = libusb_claim_interface(h, interfaceNumber);
    if (r != 0) {
        if (m_reattach)
            libusb_attach_kernel_driver(h, interfaceNumber);
        m_reattach = false;
        return r;
    }
    m_handle = h;
    m_interface = interfaceNumber;
    return 0;
}

void ClaimedInterface::release()
{
    if (!m_handle)
        return;
    libusb_release_interface(m_handle, m_interface);
    if (m_reattach)
        libusb_attach_kernel_driver(m_handle, m_interface);
    m_handle = nullptr;
    m_interface = -1;
    m_reattach = false;
}

} // namespace ow::usb
