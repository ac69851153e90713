#include "onewindow/devicesim/UsbDescriptorBuilder.h"

namespace ow::devicesim {

namespace {

void appendLe16(QByteArray &out, quint16 value)
{
    out.append(char(value & 0xFF));
    out.append(char(value >> 8));
}

} // namespace

UsbDescriptorBuilder::UsbDescriptorBuilder(quint16 vendorId, quint16 productId)
    : m_vendorId(vendorId)
    , m_productId(productId)
{ }

UsbDescriptorBuilder &UsbDescriptorBuilder::setDeviceClass(quint8 deviceClass, quint8 subClass, quint8 protocol)
{
    m_deviceClass = deviceClass;
    m_deviceSubClass = subClass;
    m_deviceProtocol = protocol;
    return *this;
}

UsbDescriptorBuilder &UsbDescriptorBuilder::setDeviceVersion(quint16 bcdDevice)
{
    m_bcdDevice = bcdDevice;
    return *this;
}

UsbDescriptorBuilder &UsbDescriptorBuilder::setMaxPacketSize0(quint8 size)
{
    m_maxPacketSize0 = size;
    return *this;
}

UsbDescriptorBuilder &UsbDescriptorBuilder::setSelfPowered(bool selfPowered)
{
    m_selfPowered = selfPowered;
    return *this;
}

UsbDescriptorBuilder &UsbDescriptorBuilder::setMaxPowerMilliamps(int milliamps)
{
    m_maxPowerMilliamps = milliamps;
    return *this;
}

UsbDescriptorBuilder &UsbDescriptorBuilder::addInterface(quint8 interfaceClass, quint8 subClass, quint8 protocol)
{
    Interface i;
    i.interfaceClass = interfaceClass;
    i.subClass = subClass;
    i.protocol = protocol;
    m_interfaces.append(i);
    return *this;
}

UsbDescriptorBuilder &UsbDescriptorBuilder::setClassDescriptor(const QByteArray &descriptor)
{
    if (m_interfaces.isEmpty())
        addInterface(0xFF);
    m_interfaces.last().classDescriptor = descriptor;
    return *this;
}

UsbDescriptorBuilder &UsbDescriptorBuilder::addBulk(quint8 address, quint16 maxPacketSize)
{
    if (m_interfaces.isEmpty())
        addInterface(0xFF);
    m_interfaces.last().endpoints.append(Endpoint {address, TransferType::Bulk, maxPacketSize, 0});
    return *this;
}

UsbDescriptorBuilder &UsbDescriptorBuilder::addInterrupt(quint8 address, quint16 maxPacketSize, quint8 interval)
{
    if (m_interfaces.isEmpty())
        addInterface(0xFF);
    m_interfaces.last().endpoints.append(Endpoint {address, TransferType::Interrupt, maxPacketSize, interval});
    return *this;
}

QByteArray UsbDescriptorBuilder::deviceDescriptor() const
{
    QByteArray d;
    d.append(char(18)); // bLength
    d.append(char(1)); // DEVICE
    appendLe16(d, 0x0200); // bcdUSB 2.0
    d.append(char(m_deviceClass));
    d.append(char(m_deviceSubClass));
    d.append(char(m_deviceProtocol));
    d.append(char(m_maxPacketSize0));
    appendLe16(d, m_vendorId);
    appendLe16(d, m_productId);
    appendLe16(d, m_bcdDevice);
    d.append(char(1)); // iManufacturer
    d.append(char(2)); // iProduct
    d.append(char(0)); // iSerialNumber
    d.append(char(1)); // bNumConfigurations
    return d;
}

QByteArray UsbDescriptorBuilder::configurationDescriptor() const
{
    QByteArray body;
    for (int n = 0; n < m_interfaces.size(); ++n) {
        const Interface &i = m_interfaces.at(n);
        body.append(char(9));
        body.append(char(4)); // INTERFACE
        body.append(char(n)); // bInterfaceNumber
        body.append(char(0)); // bAlternateSetting
        body.append(char(i.endpoints.size()));
        body.append(char(i.interfaceClass));
        body.append(char(i.subClass));
        body.append(char(i.protocol));
        body.append(char(0)); // iInterface
        body.append(i.classDescriptor);
        for (const Endpoint &e : i.endpoints) {
            body.append(char(7));
            body.append(char(5)); // ENDPOINT
            body.append(char(e.address));
            body.append(char(int(e.type)));
            appendLe16(body, e.maxPacketSize);
            body.append(char(e.interval));
        }
    }
    QByteArray c;
    c.append(char(9));
    c.append(char(2)); // CONFIGURATION
    appendLe16(c, quint16(9 + body.size()));
    c.append(char(m_interfaces.size()));
    c.append(char(1)); // bConfigurationValue
    c.append(char(0)); // iConfiguration
    c.append(char(0x80 | (m_selfPowered ? 0x40 : 0)));
    c.append(char(qBound(0, m_maxPowerMilliamps / 2, 255)));
    return c + body;
}

QByteArray UsbDescriptorBuilder::build() const
{
    return deviceDescriptor() + configurationDescriptor();
}

} // namespace ow::devicesim
