#pragma once

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace ow::devicesim {

class SimulatedUsbDevice;
struct UsbPlug;

// A umockdev testbed with a USB root hub (/dev/bus/usb/001/001) into which SimulatedUsbDevices
// are plugged. Create it BEFORE the process's first libusb_init() (libusb caches its sysfs
// detection), and run the process under the preload library (see Preload.h).
//
// The testbed lives on the thread that created it; plug()/unplug() must run there (a device's
// own unplug()/replug() hop to it by a queued call when needed).
class UsbTestbed : public QObject
{
    Q_OBJECT

public:
    explicit UsbTestbed(QObject *parent = nullptr);
    ~UsbTestbed() override;

    // False when not running under the umockdev preload library; error() says why.
    bool isValid() const { return m_valid; }
    QString error() const { return m_error; }
    QString rootDirectory() const;

    // The device is not owned; it must outlive the testbed or be unplugged first.
    // Returns the device node, or an empty string on failure (error() says why).
    QString plug(SimulatedUsbDevice *device);
    void unplug(SimulatedUsbDevice *device);

    // Make the device node unreadable (mode 000) or give it back (0666), to test "no permission".
    // Has no effect when the process runs as root. Returns false if the node is not there.
    bool setAccessDenied(SimulatedUsbDevice *device, bool denied);

    // Used by SimulatedUsbDevice::unplug()/replug() from other threads.
    void requestUnplug(SimulatedUsbDevice *device);
    void requestReplug(SimulatedUsbDevice *device);

private:
    struct Private;
    std::unique_ptr<Private> d;
    bool m_valid = false;
    QString m_error;
};

} // namespace ow::devicesim
