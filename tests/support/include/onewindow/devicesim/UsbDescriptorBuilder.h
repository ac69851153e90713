#pragma once

#include <QByteArray>
#include <QList>

namespace ow::devicesim {

// Builds the raw descriptor blob a USB device reports (device + one configuration with its
// interfaces and endpoints), in the layout of the sysfs "descriptors" attribute that libusb reads.
//
//   UsbDescriptorBuilder b(0x0400, 0xC35A);
//   b.addInterface(0xFF, 0x00, 0x00).addBulk(0x02).addBulk(0x82);
//   QByteArray blob = b.build();
class UsbDescriptorBuilder
{
public:
    enum class TransferType { Control = 0, Isochronous = 1, Bulk = 2, Interrupt = 3 };

    struct Endpoint
    {
        quint8 address = 0; // bit 7 set = IN
        TransferType type = TransferType::Bulk;
        quint16 maxPacketSize = 64;
        quint8 interval = 0;
    };

    struct Interface
    {
        quint8 interfaceClass = 0xFF;
        quint8 subClass = 0;
        quint8 protocol = 0;
        QByteArray classDescriptor; // e.g. the HID descriptor, placed before the endpoints
        QList<Endpoint> endpoints;
    };

    UsbDescriptorBuilder(quint16 vendorId, quint16 productId);

    UsbDescriptorBuilder &setDeviceClass(quint8 deviceClass, quint8 subClass = 0, quint8 protocol = 0);
    UsbDescriptorBuilder &setDeviceVersion(quint16 bcdDevice);
    UsbDescriptorBuilder &setMaxPacketSize0(quint8 size);
    UsbDescriptorBuilder &setSelfPowered(bool selfPowered);
    UsbDescriptorBuilder &setMaxPowerMilliamps(int milliamps);
    // Starts a new interface; the add* calls below go to the latest one.
    UsbDescriptorBuilder &addInterface(quint8 interfaceClass, quint8 subClass = 0, quint8 protocol = 0);
    UsbDescriptorBuilder &setClassDescriptor(const QByteArray &descriptor);
    UsbDescriptorBuilder &addBulk(quint8 address, quint16 maxPacketSize = 64);
    UsbDescriptorBuilder &addInterrupt(quint8 address, quint16 maxPacketSize = 8, quint8 interval = 10);

    quint16 vendorId() const { return m_vendorId; }
    quint16 productId() const { return m_productId; }
    const QList<Interface> &interfaces() const { return m_interfaces; }

    QByteArray deviceDescriptor() const;
    QByteArray configurationDescriptor() const; // with interfaces and endpoints, wTotalLength set
    QByteArray build() const; // device + configuration

private:
    quint16 m_vendorId;
    quint16 m_productId;
    quint8 m_deviceClass = 0;
    quint8 m_deviceSubClass = 0;
    quint8 m_deviceProtocol = 0;
    quint16 m_bcdDevice = 0x0100;
    quint8 m_maxPacketSize0 = 64;
    bool m_selfPowered = false;
    int m_maxPowerMilliamps = 100;
    QList<Interface> m_interfaces;
};

} // namespace ow::devicesim
