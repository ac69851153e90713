#pragma once

#include <QCoreApplication>
#include <QString>

namespace ow::usb {

// libusb error codes → a message the clerk understands, plus the technical detail for the log.
// `device` is the translated noun of the device ("card reader", "receipt printer").
class UsbError
{
    Q_DECLARE_TR_FUNCTIONS(ow::usb::UsbError)

public:
    static QString message(int libusbError, const QString &device);
    // "LIBUSB_ERROR_TIMEOUT (bulk IN 0x81)" — never contains transferred data.
    static QString detail(int libusbError, const QString &operation);
    // The libusb constant name, e.g. "LIBUSB_ERROR_NO_DEVICE".
    static QString name(int libusbError);
    // True for errors that mean the device is gone (show "disconnected", wait for hotplug).
    static bool meansUnplugged(int libusbError);
};

} // namespace ow::usb
