#pragma once

#include "onewindow/devicesim/UsbDescriptorBuilder.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QRecursiveMutex>
#include <QString>

#include <functional>
#include <memory>

namespace ow::devicesim {

class UsbTestbed;
struct UsbPlug;

// The device side of one simulated USB device, plugged into a UsbTestbed. The host side is the
// real, unmodified libusb talking to umockdev's emulated usbfs; this class answers its URBs.
//
// Data flow:
//   host OUT transfer (bulk / interrupt) → onOut(endpoint, data)        (override it)
//   host control transfer on EP0         → onControl(setup, data)       (standard requests answered)
//   sendIn(endpoint, data)               → completes the host's next IN transfer(s) on that endpoint
// An IN transfer waits until data is queued (or the host's timeout discards it, which libusb
// reports as LIBUSB_ERROR_TIMEOUT). One sendIn() call is one "short-packet terminated" chunk: a
// bigger host buffer gets the whole chunk, a smaller one gets the chunk in pieces.
//
// Fault knobs: stallNext() (EPIPE → LIBUSB_ERROR_PIPE), setUnresponsive() (IN never completes →
// timeout), unplug() (pending and later transfers fail with ENODEV → LIBUSB_ERROR_NO_DEVICE, the
// device disappears from sysfs and libusb's hotplug sees it leave) and replug().
//
// Thread safety: every public method may be called from any thread. The on*() hooks run on
// umockdev's worker thread with the device lock held; they must not block and must not call libusb.
class SimulatedUsbDevice
{
public:
    struct ControlSetup
    {
        quint8 requestType = 0;
        quint8 request = 0;
        quint16 value = 0;
        quint16 index = 0;
        quint16 length = 0;
    };
    struct ControlReply
    {
        bool stall = false;
        QByteArray data; // IN data (truncated to wLength); ignored for OUT requests
    };
    struct HostWrite
    {
        quint8 endpoint = 0;
        QByteArray data;
    };

    explicit SimulatedUsbDevice(const UsbDescriptorBuilder &descriptors);
    virtual ~SimulatedUsbDevice();
    SimulatedUsbDevice(const SimulatedUsbDevice &) = delete;
    SimulatedUsbDevice &operator=(const SimulatedUsbDevice &) = delete;

    quint16 vendorId() const { return m_descriptors.vendorId(); }
    quint16 productId() const { return m_descriptors.productId(); }
    const UsbDescriptorBuilder &descriptors() const { return m_descriptors; }
    void setStrings(const QString &manufacturer, const QString &product);

    // Device → host.
    void sendIn(quint8 endpoint, const QByteArray &data);
    void clearIn(quint8 endpoint);
    int queuedInChunks(quint8 endpoint) const;

    // Faults.
    void stallNext(quint8 endpoint, int count = 1);
    void setUnresponsive(bool unresponsive);
    bool unresponsive() const;
    // Unplug now: fails the pending transfers with ENODEV at once and removes the device from
    // the testbed (on the testbed's thread, so it is safe to call from on*() hooks too).
    void unplug();
    // Plug back in (as a new device number, like a real re-plug). Needs the testbed's thread.
    void replug();
    bool isPlugged() const;
    QString devnode() const; // "/dev/bus/usb/001/002" while plugged

    // What the host sent on OUT endpoints, oldest first (bounded to the last 256 writes).
    QList<HostWrite> hostWrites() const;
    void clearHostWrites();
    // How many transfers the host submitted so far (all endpoints, EP0 included).
    int submittedTransfers() const;

    // Used by UsbTestbed and the ioctl handler. Not for tests.
    void attachPlug(UsbTestbed *testbed, UsbPlug *plug);
    void detachPlug();
    void forgetPlug(UsbPlug *plug); // the testbed goes away before the device
    bool handleIoctl(UsbPlug *plug, void *client);

protected:
    virtual void onOut(quint8 endpoint, const QByteArray &data) = 0;
    virtual ControlReply onControl(const ControlSetup &setup, const QByteArray &data);
    // The host opened / the device was (re)plugged; reset protocol state here.
    virtual void onPlugged() { }
    QRecursiveMutex &mutex() const { return m_mutex; }

private:
    struct Urb;
    void completeUrb(UsbPlug *plug, Urb urb, int status, const QByteArray &inData);
    void pumpIn(UsbPlug *plug);
    void failAllPending(UsbPlug *plug, int status);
    QByteArray stringDescriptor(quint8 index) const;

    UsbDescriptorBuilder m_descriptors;
    QString m_manufacturer = QStringLiteral("OneWindow simulator");
    QString m_product = QStringLiteral("Simulated device");
    mutable QRecursiveMutex m_mutex;
    QHash<quint8, QList<QByteArray>> m_inQueue;
    QHash<quint8, int> m_stalls;
    bool m_unresponsive = false;
    QList<HostWrite> m_hostWrites;
    int m_submitted = 0;
    UsbTestbed *m_testbed = nullptr;
    UsbPlug *m_plug = nullptr; // the current plug, null while unplugged
    QList<UsbPlug *> m_allPlugs; // every plug this device had (they outlive it in the testbed)
};

} // namespace ow::devicesim
