#include "UsbWorker.h"

#include "onewindow/usb/UsbDriver.h"
#include "onewindow/usb/UsbError.h"

#include <QSet>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

#include <poll.h>

namespace ow::usb {

UsbWorker::UsbWorker(const DeviceManager::Options &options)
    : m_options(options)
{ }

UsbWorker::~UsbWorker()
{
    shutdown();
}

quint32 UsbWorker::keyOf(libusb_device *device)
{
    return (quint32(libusb_get_bus_number(device)) << 8) | libusb_get_device_address(device);
}

bool UsbWorker::initialise()
{
    if (m_ctx)
        return true;
    if (!m_initError.isEmpty())
        return false;
    const int r = libusb_init(&m_ctx);
    if (r != 0) {
        m_ctx = nullptr;
        m_initError = QStringLiteral("libusb_init failed: %1").arg(UsbError::name(r));
        return false;
    }
    QString logPath = m_options.trafficLogPath;
    if (logPath.isEmpty())
        logPath = qEnvironmentVariable("OW_USB_TRAFFIC_LOG");
    if (!logPath.isEmpty() && !m_trafficLog.open(logPath))
        qWarning("ow::usb: cannot write the traffic log %s", qPrintable(logPath));

    // libusb's own file descriptors (its event fd, its timer fd) wake this thread's event loop,
    // which then lets libusb handle its events here: hotplug callbacks arrive on this thread.
    // Device nodes (POLLOUT) are left alone: all transfers are synchronous and libusb handles
    // their events itself while they run.
    libusb_set_pollfd_notifiers(m_ctx, &UsbWorker::onPollfdAdded, &UsbWorker::onPollfdRemoved, this);
    if (const libusb_pollfd **fds = libusb_get_pollfds(m_ctx)) {
        for (const libusb_pollfd **p = fds; *p; ++p)
            watchFd((*p)->fd, (*p)->events);
        libusb_free_pollfds(fds);
    }
    return true;
}

void UsbWorker::startDrivers(const QList<UsbDriver *> &drivers)
{
    if (!initialise() || m_driversStarted)
        return;
    m_driversStarted = true;
    m_drivers = drivers;
    for (UsbDriver *driver : drivers)
        driver->m_trafficLog = m_trafficLog.isOpen() ? &m_trafficLog : nullptr;

    if (m_options.useHotplug && libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG)) {
        const int r = libusb_hotplug_register_callback(m_ctx,
            libusb_hotplug_event(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT),
            LIBUSB_HOTPLUG_NO_FLAGS, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
            &UsbWorker::onHotplug, this, &m_hotplugHandle);
        m_hotplug = r == 0;
    }
    if (!m_hotplug) {
        // The slow fallback: look at the bus every few seconds.
        m_rescanTimer = new QTimer(this);
        m_rescanTimer->setInterval(qMax(50, m_options.rescanIntervalMs));
        connect(m_rescanTimer, &QTimer::timeout, this, &UsbWorker::rescan);
        m_rescanTimer->start();
    }
    rescan();
}

void UsbWorker::shutdown()
{
    if (!m_ctx)
        return;
    if (m_rescanTimer) {
        m_rescanTimer->stop();
        delete m_rescanTimer;
        m_rescanTimer = nullptr;
    }
    if (m_hotplug) {
        libusb_hotplug_deregister_callback(m_ctx, m_hotplugHandle);
        m_hotplug = false;
    }
    for (UsbDriver *driver : std::as_const(m_drivers)) {
        driver->shutdown();
        driver->unbind();
    }
    qDeleteAll(m_drivers);
    m_drivers.clear();
    m_bindings.clear();
    for (libusb_device *device : std::as_const(m_known))
        libusb_unref_device(device);
    m_known.clear();
    m_knownInfo.clear();
    libusb_set_pollfd_notifiers(m_ctx, nullptr, nullptr, nullptr);
    qDeleteAll(m_notifiers);
    m_notifiers.clear();
    libusb_exit(m_ctx);
    m_ctx = nullptr;
}

void UsbWorker::onPollfdAdded(int fd, short events, void *self)
{
    auto *worker = static_cast<UsbWorker *>(self);
    if (QThread::currentThread() == worker->thread())
        worker->watchFd(fd, events);
    else
        QMetaObject::invokeMethod(
            worker, [worker, fd, events] { worker->watchFd(fd, events); }, Qt::QueuedConnection);
}

void UsbWorker::onPollfdRemoved(int fd, void *self)
{
    auto *worker = static_cast<UsbWorker *>(self);
    if (QThread::currentThread() == worker->thread())
        worker->unwatchFd(fd);
    else
        QMetaObject::invokeMethod(
            worker, [worker, fd] { worker->unwatchFd(fd); }, Qt::QueuedConnection);
}

void UsbWorker::watchFd(int fd, short events)
{
    if (!(events & POLLIN) || m_notifiers.contains(fd))
        return;
    auto *notifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, &UsbWorker::handleEvents);
    m_notifiers.insert(fd, notifier);
}

void UsbWorker::unwatchFd(int fd)
{
    delete m_notifiers.take(fd);
}

void UsbWorker::handleEvents()
{
    if (!m_ctx)
        return;
    timeval zero {0, 0};
    libusb_handle_events_timeout_completed(m_ctx, &zero, nullptr);
}

int LIBUSB_CALL UsbWorker::onHotplug(libusb_context *, libusb_device *device, libusb_hotplug_event event, void *self)
{
    // Called from libusb_handle_events on the worker thread. Opening devices inside the
    // callback is not allowed, so the work is queued to the event loop.
    auto *worker = static_cast<UsbWorker *>(self);
    if (event == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED) {
        libusb_ref_device(device);
        QMetaObject::invokeMethod(
            worker,
            [worker, device] {
                worker->arrived(device);
                libusb_unref_device(device);
            },
            Qt::QueuedConnection);
    } else {
        const quint32 key = keyOf(device);
        QMetaObject::invokeMethod(
            worker, [worker, key] { worker->left(key); }, Qt::QueuedConnection);
    }
    return 0;
}

UsbDeviceInfo UsbWorker::describe(libusb_device *device, const QList<UsbDriver *> &drivers) const
{
    UsbDeviceInfo info;
    info.bus = libusb_get_bus_number(device);
    info.address = libusb_get_device_address(device);
    libusb_device_descriptor desc {};
    if (libusb_get_device_descriptor(device, &desc) == 0) {
        info.vendorId = desc.idVendor;
        info.productId = desc.idProduct;
        info.deviceClass = desc.bDeviceClass;
    }
    libusb_config_descriptor *config = nullptr;
    if (libusb_get_active_config_descriptor(device, &config) != 0)
        libusb_get_config_descriptor(device, 0, &config);
    if (config) {
        info.interfaces = UsbDeviceInfo::interfacesFrom(config);
        libusb_free_config_descriptor(config);
    }
    for (UsbDriver *driver : drivers) {
        if (driver->matches(info)) {
            info.driver = driver->driverName();
            break;
        }
    }
    return info;
}

void UsbWorker::arrived(libusb_device *device)
{
    if (!m_ctx)
        return;
    const quint32 key = keyOf(device);
    if (m_known.contains(key))
        return;
    libusb_ref_device(device);
    m_known.insert(key, device);
    const UsbDeviceInfo info = describe(device, m_drivers);
    m_knownInfo.insert(key, info);
    for (UsbDriver *driver : std::as_const(m_drivers)) {
        if (m_bindings.contains(driver) || !driver->matches(info))
            continue;
        m_bindings.insert(driver, key);
        driver->bind(info);
        driver->deviceArrived(device, info);
        break;
    }
}

void UsbWorker::left(quint32 key)
{
    libusb_device *device = m_known.take(key);
    const UsbDeviceInfo info = m_knownInfo.take(key);
    for (auto it = m_bindings.begin(); it != m_bindings.end();) {
        if (it.value() == key) {
            UsbDriver *driver = it.key();
            it = m_bindings.erase(it);
            driver->deviceLeft(info);
            driver->unbind();
            // Another matching device may be waiting.
            for (auto k = m_known.cbegin(); k != m_known.cend(); ++k) {
                if (!driver->matches(m_knownInfo.value(k.key())) || m_bindings.values().contains(k.key()))
                    continue;
                m_bindings.insert(driver, k.key());
                driver->bind(m_knownInfo.value(k.key()));
                driver->deviceArrived(k.value(), m_knownInfo.value(k.key()));
                break;
            }
        } else {
            ++it;
        }
    }
    if (device)
        libusb_unref_device(device);
}

void UsbWorker::rescan()
{
    if (!m_ctx)
        return;
    libusb_device **list = nullptr;
    const ssize_t n = libusb_get_device_list(m_ctx, &list);
    if (n < 0)
        return;
    QSet<quint32> present;
    for (ssize_t i = 0; i < n; ++i)
        present.insert(keyOf(list[i]));
    const QList<quint32> known = m_known.keys();
    for (quint32 key : known) {
        if (!present.contains(key))
            left(key);
    }
    for (ssize_t i = 0; i < n; ++i)
        arrived(list[i]);
    libusb_free_device_list(list, 1);
}

QList<UsbDeviceInfo> UsbWorker::listDevices(bool probeAccess, const QList<UsbDriver *> &drivers)
{
    QList<UsbDeviceInfo> result;
    if (!initialise())
        return result;
    libusb_device **list = nullptr;
    const ssize_t n = libusb_get_device_list(m_ctx, &list);
    for (ssize_t i = 0; i < n; ++i) {
        UsbDeviceInfo info = describe(list[i], drivers);
        if (info.isHub())
            continue;
        const quint32 key = keyOf(list[i]);
        UsbDriver *owner = m_bindings.key(key, nullptr);
        if (owner) {
            const DeviceStatus status = owner->status();
            if (status.state == DeviceState::Error)
                info.accessProblem = status.message;
        } else if (probeAccess && !info.driver.isEmpty()) {
            libusb_device_handle *handle = nullptr;
            const int r = libusb_open(list[i], &handle);
            if (r == 0)
                libusb_close(handle);
            else
                info.accessProblem = UsbError::message(r, UsbError::tr("device"));
        }
        result.append(info);
    }
    if (list)
        libusb_free_device_list(list, 1);
    return result;
}

} // namespace ow::usb
