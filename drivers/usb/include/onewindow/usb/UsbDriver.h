#pragma once

#include "onewindow/usb/DeviceStatus.h"
#include "onewindow/usb/UsbDeviceInfo.h"

#include <QMutex>
#include <QObject>

struct libusb_device;

namespace ow::usb {

class TrafficLog;

// Base of every device driver (ID card reader, scanners, printer). A driver is handed to the
// DeviceManager, which moves it to its worker thread: from then on all its USB work happens
// there, and it talks to the GUI only through its (queued) signals. Public methods meant for
// the GUI post themselves to the worker thread (see IdCardReader for the pattern).
//
// A driver serves one device at a time: the first attached device it matches().
class UsbDriver : public QObject
{
    Q_OBJECT

public:
    explicit UsbDriver(QObject *parent = nullptr);
    ~UsbDriver() override;

    // A stable name for lists and logs, e.g. "idcard".
    virtual QString driverName() const = 0;
    // Whether this driver takes the device. Pure function of the descriptors; any thread.
    virtual bool matches(const UsbDeviceInfo &info) const = 0;

    // The last status (thread-safe copy).
    DeviceStatus status() const;
    // Whether a device is bound (worker thread's view, thread-safe).
    bool hasDevice() const;

Q_SIGNALS:
    void statusChanged(const ow::usb::DeviceStatus &status);

protected:
    friend class UsbWorker;

    // Worker thread. The device is referenced for the call only; open it here.
    virtual void deviceArrived(libusb_device *device, const UsbDeviceInfo &info) = 0;
    // Worker thread. The bound device left (hotplug or rescan); close the handle here.
    virtual void deviceLeft(const UsbDeviceInfo &info) = 0;
    // Worker thread, before the context goes away: close everything.
    virtual void shutdown() = 0;

    void setStatus(DeviceState state, const QString &message = {}, const QString &detail = {});
    TrafficLog *trafficLog() const { return m_trafficLog; }
    const UsbDeviceInfo &boundDevice() const { return m_bound; }

private:
    void bind(const UsbDeviceInfo &info);
    void unbind();

    mutable QMutex m_mutex;
    DeviceStatus m_status;
    bool m_hasDevice = false;
    UsbDeviceInfo m_bound;
    TrafficLog *m_trafficLog = nullptr;
};

} // namespace ow::usb
