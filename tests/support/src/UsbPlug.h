#pragma once

// Private: the umockdev side of one plug-in of a simulated device. Include GLib before Qt.
#include <umockdev.h>

#include <QList>
#include <QString>

#include <atomic>

namespace ow::devicesim {

class SimulatedUsbDevice;

struct UsbUrb
{
    UMockdevIoctlData *urb = nullptr; // owned reference
    UMockdevIoctlData *buffer = nullptr; // owned reference
    quint8 type = 0;
    quint8 endpoint = 0;
    int bufferLength = 0;
};

struct UsbPlug
{
    std::atomic<SimulatedUsbDevice *> device {nullptr}; // null once unplugged for good
    UMockdevIoctlBase *handler = nullptr;
    QString devnode;
    QString syspath;
    int devnum = 0;
    bool gone = false;
    QList<UsbUrb> pendingIn;
    QList<UsbUrb> reapable;
};

} // namespace ow::devicesim
