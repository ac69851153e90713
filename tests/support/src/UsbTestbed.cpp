#include "UsbPlug.h"

#include "onewindow/devicesim/Preload.h"
#include "onewindow/devicesim/SimulatedUsbDevice.h"
#include "onewindow/devicesim/UsbTestbed.h"

#include <QHash>
#include <QPointer>
#include <QThread>

#include <vector>

#include <sys/stat.h>

namespace ow::devicesim {

namespace {

gboolean onHandleIoctl(UMockdevIoctlBase *, UMockdevIoctlClient *client, gpointer userData)
{
    auto *plug = static_cast<UsbPlug *>(userData);
    SimulatedUsbDevice *device = plug->device.load();
    if (!device) {
        umockdev_ioctl_client_complete(client, -1, ENODEV);
        return TRUE;
    }
    return device->handleIoctl(plug, client) ? TRUE : FALSE;
}

QByteArray hex(const QByteArray &bytes)
{
    return bytes.toHex();
}

} // namespace

struct UsbTestbed::Private
{
    UMockdevTestbed *testbed = nullptr;
    int nextDevnum = 2;
    std::vector<std::unique_ptr<UsbPlug>> plugs; // all plugs ever made; the handlers stay attached
    QHash<SimulatedUsbDevice *, UsbPlug *> current;
};

UsbTestbed::UsbTestbed(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    if (!umockdevPreloadActive()) {
        m_error = QStringLiteral("the umockdev preload library is not active (LD_PRELOAD=libumockdev-preload.so.0)");
        return;
    }
    d->testbed = umockdev_testbed_new();
    if (!d->testbed) {
        m_error = QStringLiteral("umockdev_testbed_new() failed");
        return;
    }
    // The root hub of bus 1. libusb enumerates it; nothing ever opens it.
    const QByteArray hub =
        UsbDescriptorBuilder(0x1d6b, 0x0002).setDeviceClass(0x09).addInterface(0x09).addInterrupt(0x81, 4, 12).build();
    const QByteArray text = QByteArrayLiteral("P: /devices/usb1\n"
                                              "N: bus/usb/001/001\n"
                                              "E: SUBSYSTEM=usb\n"
                                              "E: DEVTYPE=usb_device\n"
                                              "E: DRIVER=usb\n"
                                              "E: BUSNUM=001\n"
                                              "E: DEVNUM=001\n"
                                              "E: DEVNAME=/dev/bus/usb/001/001\n"
                                              "A: busnum=1\\n\n"
                                              "A: devnum=1\\n\n"
                                              "A: speed=480\\n\n"
                                              "A: bConfigurationValue=1\\n\n"
                                              "A: idVendor=1d6b\\n\n"
                                              "A: idProduct=0002\\n\n"
                                              "H: descriptors=")
        + hex(hub) + "\n";
    GError *error = nullptr;
    if (!umockdev_testbed_add_from_string(d->testbed, text.constData(), &error)) {
        m_error = QString::fromUtf8(error ? error->message : "cannot add the root hub");
        g_clear_error(&error);
        return;
    }
    m_valid = true;
}

UsbTestbed::~UsbTestbed()
{
    for (auto it = d->current.begin(); it != d->current.end(); ++it)
        it.key()->detachPlug();
    if (d->testbed) {
        for (const auto &plug : d->plugs) {
            if (SimulatedUsbDevice *device = plug->device.exchange(nullptr))
                device->forgetPlug(plug.get());
            if (plug->handler) {
                umockdev_testbed_detach_ioctl(d->testbed, plug->devnode.toUtf8().constData(), nullptr);
                g_object_unref(plug->handler);
            }
            for (UsbUrb &u : plug->pendingIn + plug->reapable) {
                if (u.buffer)
                    umockdev_ioctl_data_unref(u.buffer);
                if (u.urb)
                    umockdev_ioctl_data_unref(u.urb);
            }
        }
        g_object_unref(d->testbed);
    }
}

QString UsbTestbed::rootDirectory() const
{
    if (!d->testbed)
        return {};
    gchar *root = umockdev_testbed_get_root_dir(d->testbed);
    const QString result = QString::fromUtf8(root);
    g_free(root);
    return result;
}

QString UsbTestbed::plug(SimulatedUsbDevice *device)
{
    if (!m_valid || !device)
        return {};
    if (d->current.contains(device))
        return device->devnode();
    if (d->nextDevnum > 127) {
        m_error = QStringLiteral("bus 1 has no free device numbers left");
        return {};
    }
    auto plug = std::make_unique<UsbPlug>();
    plug->device = device;
    plug->devnum = d->nextDevnum++;
    plug->devnode = QStringLiteral("/dev/bus/usb/001/%1").arg(plug->devnum, 3, 10, QLatin1Char('0'));
    plug->syspath = QStringLiteral("/sys/devices/usb1/1-%1").arg(plug->devnum);
    plug->handler = umockdev_ioctl_base_new();
    g_signal_connect_after(plug->handler, "handle-ioctl", G_CALLBACK(onHandleIoctl), plug.get());
    GError *error = nullptr;
    if (!umockdev_testbed_attach_ioctl(d->testbed, plug->devnode.toUtf8().constData(), plug->handler, &error)) {
        m_error = QString::fromUtf8(error ? error->message : "attach_ioctl failed");
        g_clear_error(&error);
        g_object_unref(plug->handler);
        return {};
    }
    // Attach the device logic before the node appears, so an early open is answered.
    device->attachPlug(this, plug.get());

    const QString text = QStringLiteral("P: /devices/usb1/1-%1\n"
                                        "N: bus/usb/001/%2\n"
                                        "E: SUBSYSTEM=usb\n"
                                        "E: DEVTYPE=usb_device\n"
                                        "E: DRIVER=usb\n"
                                        "E: BUSNUM=001\n"
                                        "E: DEVNUM=%2\n"
                                        "E: DEVNAME=/dev/bus/usb/001/%2\n"
                                        "E: PRODUCT=%3/%4/100\n"
                                        "A: busnum=1\\n\n"
                                        "A: devnum=%1\\n\n"
                                        "A: speed=12\\n\n"
                                        "A: bConfigurationValue=1\\n\n"
                                        "A: idVendor=%5\\n\n"
                                        "A: idProduct=%6\\n\n"
                                        "H: descriptors=%7\n")
                             .arg(QString::number(plug->devnum), plug->devnode.right(3),
                                 QString::number(device->vendorId(), 16), QString::number(device->productId(), 16),
                                 QStringLiteral("%1").arg(device->vendorId(), 4, 16, QLatin1Char('0')),
                                 QStringLiteral("%1").arg(device->productId(), 4, 16, QLatin1Char('0')),
                                 QString::fromLatin1(hex(device->descriptors().build())));
    if (!umockdev_testbed_add_from_string(d->testbed, text.toUtf8().constData(), &error)) {
        m_error = QString::fromUtf8(error ? error->message : "add_from_string failed");
        g_clear_error(&error);
        device->detachPlug();
        return {};
    }
    d->current.insert(device, plug.get());
    const QString node = plug->devnode;
    d->plugs.push_back(std::move(plug));
    return node;
}

void UsbTestbed::unplug(SimulatedUsbDevice *device)
{
    UsbPlug *plug = d->current.value(device);
    if (!plug)
        return;
    device->detachPlug(); // pending transfers fail with ENODEV
    d->current.remove(device);
    // plug->device stays: the device still hands the host the transfers it failed with ENODEV
    // (losing one would leave libusb waiting for it forever), and answers ENODEV to the rest.
    // The kernel announces the removal while the sysfs entry still exists, then drops it.
    umockdev_testbed_uevent(d->testbed, plug->syspath.toUtf8().constData(), "remove");
    umockdev_testbed_remove_device(d->testbed, plug->syspath.toUtf8().constData());
}

bool UsbTestbed::setAccessDenied(SimulatedUsbDevice *device, bool denied)
{
    UsbPlug *plug = d->current.value(device);
    if (!plug)
        return false;
    const QByteArray path = (rootDirectory() + plug->devnode).toLocal8Bit();
    return ::chmod(path.constData(), denied ? 0 : 0666) == 0;
}

void UsbTestbed::requestUnplug(SimulatedUsbDevice *device)
{
    if (QThread::currentThread() == thread()) {
        unplug(device);
        return;
    }
    QMetaObject::invokeMethod(
        this, [this, device] { unplug(device); }, Qt::QueuedConnection);
}

void UsbTestbed::requestReplug(SimulatedUsbDevice *device)
{
    if (QThread::currentThread() == thread()) {
        plug(device);
        return;
    }
    QMetaObject::invokeMethod(
        this, [this, device] { plug(device); }, Qt::QueuedConnection);
}

} // namespace ow::devicesim
