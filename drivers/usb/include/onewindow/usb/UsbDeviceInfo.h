#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

struct libusb_config_descriptor;

namespace ow::usb {

enum class TransferType { Control, Isochronous, Bulk, Interrupt };

struct EndpointInfo
{
    quint8 address = 0; // bit 7 = IN
    TransferType type = TransferType::Bulk;
    int maxPacketSize = 0;

    bool isIn() const { return address & 0x80; }
};

struct InterfaceInfo
{
    int number = 0;
    int interfaceClass = 0;
    int subClass = 0;
    int protocol = 0;
    QList<EndpointInfo> endpoints;

    // The endpoints of one type and direction, in descriptor order.
    QList<EndpointInfo> endpointsOf(TransferType type, bool in) const;
};

// What the device manager knows about one attached USB device, from its descriptors (read from
// sysfs by libusb, without opening the device).
struct UsbDeviceInfo
{
    int bus = 0;
    int address = 0;
    quint16 vendorId = 0;
    quint16 productId = 0;
    int deviceClass = 0;
    QList<InterfaceInfo> interfaces;
    QString driver; // the OneWindow driver that takes it, empty if none
    QString accessProblem; // empty, or why it cannot be opened (e.g. no permission)

    QString id() const; // "001:004"
    QString vidPid() const; // "0400:c35a"
    bool isHub() const { return deviceClass == 9; }

    // Interfaces and endpoints from a configuration descriptor: never hard-code endpoints.
    static QList<InterfaceInfo> interfacesFrom(const libusb_config_descriptor *config);
};

} // namespace ow::usb

Q_DECLARE_METATYPE(ow::usb::UsbDeviceInfo)
