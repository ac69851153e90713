#pragma once

#include "onewindow/usb/TrafficLog.h"

#include <QByteArray>
#include <QString>

struct libusb_device;
struct libusb_device_handle;

namespace ow::usb {

// The outcome of one transfer: libusb's code (0 = success), the bytes, and where it happened.
struct Transfer
{
    int code = 0;
    QByteArray data; // IN: what arrived (may be partial on error); OUT: empty
    int transferred = 0;
    QString operation; // "bulk IN 0x81" — for the log

    bool ok() const { return code == 0; }
};

// An open device (RAII: closed on destruction). Every transfer takes a timeout; there is no
// "wait forever" variant. Not thread-safe: use it from the device manager's worker thread only.
class UsbHandle
{
public:
    UsbHandle() = default;
    ~UsbHandle();
    UsbHandle(UsbHandle &&other) noexcept;
    UsbHandle &operator=(UsbHandle &&other) noexcept;
    UsbHandle(const UsbHandle &) = delete;
    UsbHandle &operator=(const UsbHandle &) = delete;

    // Returns libusb's code; on success the handle is open.
    int open(libusb_device *device);
    void close();
    bool isOpen() const { return m_handle != nullptr; }
    libusb_device_handle *native() const { return m_handle; }

    // Every transfer goes to `log` (if any), through `redactor` when the device sends personal data.
    void setTrafficLog(TrafficLog *log, const QString &deviceId, TrafficLog::Redactor redactor = {});

    Transfer bulkWrite(quint8 endpoint, const QByteArray &data, int timeoutMs);
    Transfer bulkRead(quint8 endpoint, int maxLength, int timeoutMs);
    Transfer interruptRead(quint8 endpoint, int maxLength, int timeoutMs);
    Transfer interruptWrite(quint8 endpoint, const QByteArray &data, int timeoutMs);
    // IN when requestType has bit 7 set (reads up to `length` bytes), OUT otherwise (sends `data`).
    Transfer control(quint8 requestType, quint8 request, quint16 value, quint16 index, const QByteArray &data,
        int length, int timeoutMs);
    int clearHalt(quint8 endpoint);

private:
    Transfer transfer(bool interrupt, quint8 endpoint, QByteArray data, int maxLength, int timeoutMs);
    void log(bool in, quint8 endpoint, const Transfer &t, const QByteArray &bytes);

    libusb_device_handle *m_handle = nullptr;
    TrafficLog *m_log = nullptr;
    QString m_deviceId;
    TrafficLog::Redactor m_redactor;
};

// A claimed interface (RAII: released on destruction, and a kernel driver that was detached for
// it is re-attached). Kernel-driver detach is best effort: its failure is noted, not fatal.
class ClaimedInterface
{
public:
    ClaimedInterface() = default;
    ~ClaimedInterface();
    ClaimedInterface(ClaimedInterface &&other) noexcept;
    ClaimedInterface &operator=(ClaimedInterface &&other) noexcept;
    ClaimedInterface(const ClaimedInterface &) = delete;
    ClaimedInterface &operator=(const ClaimedInterface &) = delete;

    // Returns libusb's code of the claim.
    int claim(UsbHandle &handle, int interfaceNumber);
    void release();
    bool isClaimed() const { return m_handle != nullptr; }
    // What happened with the kernel driver, for the log ("none", "detached", "detach failed: …").
    QString kernelDriverNote() const { return m_kernelNote; }

private:
    libusb_device_handle *m_handle = nullptr;
    int m_interface = -1;
    bool m_reattach = false;
    QString m_kernelNote;
};

} // namespace ow::usb
