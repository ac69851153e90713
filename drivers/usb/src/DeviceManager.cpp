#include "onewindow/usb/DeviceManager.h"

#include "UsbWorker.h"

#include "onewindow/usb/UsbDriver.h"

#include <QThread>

namespace ow::usb {

DeviceManager::DeviceManager(QObject *parent)
    : DeviceManager(Options(), parent)
{ }

DeviceManager::DeviceManager(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_thread(new QThread)
    , m_worker(new UsbWorker(options))
{
    qRegisterMetaType<ow::usb::UsbDeviceInfo>();
    qRegisterMetaType<QList<ow::usb::UsbDeviceInfo>>();
    m_thread->setObjectName(QStringLiteral("ow-usb"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

DeviceManager::~DeviceManager()
{
    UsbWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    delete m_thread;
}

void DeviceManager::addDriverObject(std::unique_ptr<UsbDriver> driver)
{
    UsbDriver *raw = driver.release();
    raw->setParent(nullptr);
    raw->moveToThread(m_thread);
    m_drivers.append(raw);
}

void DeviceManager::start()
{
    if (m_started)
        return;
    m_started = true;
    UsbWorker *worker = m_worker;
    const QList<UsbDriver *> drivers = m_drivers;
    QMetaObject::invokeMethod(
        worker,
        [this, worker, drivers] {
            const bool ok = worker->initialise();
            worker->startDrivers(drivers);
            QMetaObject::invokeMethod(
                this, [this, ok, error = worker->initError()] { Q_EMIT started(ok, error); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

bool DeviceManager::hotplugActive() const
{
    bool active = false;
    UsbWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, &active] { active = worker->hotplugActive(); }, Qt::BlockingQueuedConnection);
    return active;
}

QList<UsbDeviceInfo> DeviceManager::listDevices(bool probeAccess)
{
    QList<UsbDeviceInfo> result;
    UsbWorker *worker = m_worker;
    const QList<UsbDriver *> drivers = m_drivers;
    QMetaObject::invokeMethod(
        worker, [worker, &result, probeAccess, drivers] { result = worker->listDevices(probeAccess, drivers); },
        Qt::BlockingQueuedConnection);
    return result;
}

void DeviceManager::requestDeviceList(bool probeAccess)
{
    UsbWorker *worker = m_worker;
    const QList<UsbDriver *> drivers = m_drivers;
    QMetaObject::invokeMethod(
        worker,
        [this, worker, probeAccess, drivers] {
            const QList<UsbDeviceInfo> devices = worker->listDevices(probeAccess, drivers);
            QMetaObject::invokeMethod(
                this, [this, devices] { Q_EMIT deviceListReady(devices); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

QString DeviceManager::initError() const
{
    QString error;
    UsbWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, &error] { error = worker->initError(); }, Qt::BlockingQueuedConnection);
    return error;
}

} // namespace ow::usb
