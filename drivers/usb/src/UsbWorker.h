#pragma once

#include "onewindow/usb/DeviceManager.h"
#include "onewindow/usb/TrafficLog.h"
#include "onewindow/usb/UsbDeviceInfo.h"

#include <QHash>
#include <QMap>
#include <QObject>

#include <libusb.h>

class QSocketNotifier;
class QTimer;

namespace ow::usb {

class UsbDriver;

// Private: lives on the DeviceManager's worker thread and owns the libusb context there.
class UsbWorker : public QObject
{
    Q_OBJECT

public:
    explicit UsbWorker(const DeviceManager::Options &options);
    ~UsbWorker() override;

    bool initialise();
    QString initError() const { return m_initError; }
    bool hotplugActive() const { return m_hotplug; }
    void startDrivers(const QList<UsbDriver *> &drivers);
    void shutdown();
    // Devices other than hubs; probes opening only those a driver takes (the others are none of
    // our business and usually root-only).
    QList<UsbDeviceInfo> listDevices(bool probeAccess, const QList<UsbDriver *> &drivers);

private:
    static int LIBUSB_CALL onHotplug(
        libusb_context *ctx, libusb_device *device, libusb_hotplug_event event, void *self);
    static void LIBUSB_CALL onPollfdAdded(int fd, short events, void *self);
    static void LIBUSB_CALL onPollfdRemoved(int fd, void *self);
    void watchFd(int fd, short events);
    void unwatchFd(int fd);
    void handleEvents();
    void rescan();
    void arrived(libusb_device *device);
    void left(quint32 key);
    UsbDeviceInfo describe(libusb_device *device, const QList<UsbDriver *> &drivers) const;
    static quint32 keyOf(libusb_device *device);

    DeviceManager::Options m_options;
    libusb_context *m_ctx = nullptr;
    QString m_initError;
    bool m_hotplug = false;
    libusb_hotplug_callback_handle m_hotplugHandle = 0;
    QHash<int, QSocketNotifier *> m_notifiers;
    QTimer *m_rescanTimer = nullptr;
    QMap<quint32, libusb_device *> m_known; // referenced
    QMap<quint32, UsbDeviceInfo> m_knownInfo;
    QList<UsbDriver *> m_drivers;
    QHash<UsbDriver *, quint32> m_bindings;
    TrafficLog m_trafficLog;
    bool m_driversStarted = false;
};

} // namespace ow::usb
