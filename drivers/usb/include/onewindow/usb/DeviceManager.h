#pragma once

#include "onewindow/usb/UsbDeviceInfo.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace ow::usb {

class UsbDriver;
class UsbWorker;

struct DeviceManagerOptions
{
    bool useHotplug = true;
    int rescanIntervalMs = 3000;
    QString trafficLogPath; // empty: OW_USB_TRAFFIC_LOG if set, else no traffic log
};

// Owns the one libusb context of the process, on its own worker thread, where libusb's event
// handling, hotplug and all driver I/O happen. Lives on the thread that creates it (the GUI).
//
//   auto *manager = new ow::usb::DeviceManager({}, this);
//   auto *reader = manager->addDriver(std::make_unique<ow::idcard::IdCardReader>());
//   connect(reader, &IdCardReader::cardRead, this, …);   // queued: the reader lives on the worker
//   manager->start();
//
// Hotplug goes through libusb when the platform has it; otherwise (or with useHotplug = false)
// the bus is rescanned every rescanIntervalMs.
class DeviceManager : public QObject
{
    Q_OBJECT

public:
    using Options = DeviceManagerOptions;

    explicit DeviceManager(QObject *parent = nullptr);
    explicit DeviceManager(const Options &options, QObject *parent = nullptr);
    ~DeviceManager() override; // shuts the drivers down on the worker, then libusb_exit

    // Takes ownership and moves the driver to the worker thread. Call before start().
    template<typename Driver>
    Driver *addDriver(std::unique_ptr<Driver> driver)
    {
        Driver *raw = driver.get();
        addDriverObject(std::unique_ptr<UsbDriver>(driver.release()));
        return raw;
    }
    QList<UsbDriver *> drivers() const { return m_drivers; }

    // Initialises libusb on the worker and attaches the drivers to matching devices; started()
    // tells the outcome.
    void start();
    bool isStarted() const { return m_started; }
    bool hotplugActive() const;

    // What is attached (hubs left out), which driver takes each device, and, when probeAccess
    // is set, whether the devices a driver takes can be opened. Blocks the caller until the worker answered: for the
    // command-line tool, never call it from the worker thread. The GUI uses requestDeviceList().
    QList<UsbDeviceInfo> listDevices(bool probeAccess);
    void requestDeviceList(bool probeAccess);
    // Empty, or why libusb could not be initialised.
    QString initError() const;

Q_SIGNALS:
    void started(bool ok, const QString &message);
    void deviceListReady(const QList<ow::usb::UsbDeviceInfo> &devices);

private:
    void addDriverObject(std::unique_ptr<UsbDriver> driver);

    Options m_options;
    QThread *m_thread = nullptr;
    UsbWorker *m_worker = nullptr;
    QList<UsbDriver *> m_drivers;
    bool m_started = false;
};

} // namespace ow::usb
