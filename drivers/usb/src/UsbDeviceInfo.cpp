#include "onewindow/usb/UsbDeviceInfo.h"

#include <libusb.h>

namespace ow::usb {

QList<EndpointInfo> InterfaceInfo::endpointsOf(TransferType type, bool in) const
{
    QList<EndpointInfo> result;
    for (const EndpointInfo &e : endpoints) {
        if (e.type == type && e.isIn() == in)
            result.append(e);
    }
    return result;
}

QString UsbDeviceInfo::id() const
{
    return QStringLiteral("%1:%2").arg(bus, 3, 10, QLatin1Char('0')).arg(address, 3, 10, QLatin1Char('0'));
}

QString UsbDeviceInfo::vidPid() const
{
    return QStringLiteral("%1:%2").arg(vendorId, 4, 16, QLatin1Char('0')).arg(productId, 4, 16, QLatin1Char('0'));
}

QList<InterfaceInfo> UsbDeviceInfo::interfacesFrom(const libusb_config_descriptor *config)
{
    QList<InterfaceInfo> result;
    if (!config)
        return result;
    for (int i = 0; i < config->bNumInterfaces; ++i) {
        const libusb_interface &iface = config->interface[i];
        if (iface.num_altsetting < 1)
            continue;
        const libusb_interface_descriptor &alt = iface.altsetting[0];
        InterfaceInfo info;
        info.number = alt.bInterfaceNumber;
        info.interfaceClass = alt.bInterfaceClass;
        info.subClass = alt.bInterfaceSubClass;
        info.protocol = alt.bInterfaceProtocol;
        for (int e = 0; e < alt.bNumEndpoints; ++e) {
            const libusb_endpoint_descriptor &ep = alt.endpoint[e];
            EndpointInfo endpoint;
            endpoint.address = ep.bEndpointAddress;
            endpoint.type = TransferType(ep.bmAttributes & 0x03);
            endpoint.maxPacketSize = ep.wMaxPacketSize;
            info.endpoints.append(endpoint);
        }
        result.append(info);
    }
    return result;
}

} // namespace ow::usb
