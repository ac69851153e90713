#include "onewindow/usb/UsbError.h"

#include <libusb.h>

namespace ow::usb {

QString UsbError::message(int code, const QString &device)
{
    switch (code) {
    case LIBUSB_SUCCESS: return {};
    case LIBUSB_ERROR_NO_DEVICE: return tr("The %1 was disconnected.").arg(device);
    case LIBUSB_ERROR_ACCESS: return tr("No permission to use the %1: install the udev rules.").arg(device);
    case LIBUSB_ERROR_BUSY: return tr("The %1 is in use by another program.").arg(device);
    case LIBUSB_ERROR_TIMEOUT: return tr("The %1 did not answer in time.").arg(device);
    case LIBUSB_ERROR_PIPE: return tr("The %1 refused the command. Try again.").arg(device);
    case LIBUSB_ERROR_NOT_FOUND: return tr("The %1 was not found.").arg(device);
    case LIBUSB_ERROR_NOT_SUPPORTED: return tr("This %1 is not supported.").arg(device);
    case LIBUSB_ERROR_NO_MEM: return tr("Out of memory while talking to the %1.").arg(device);
    case LIBUSB_ERROR_OVERFLOW:
    case LIBUSB_ERROR_IO:
    case LIBUSB_ERROR_INTERRUPTED:
    case LIBUSB_ERROR_INVALID_PARAM:
    case LIBUSB_ERROR_OTHER:
    default: return tr("Communication with the %1 failed. Check the cable and try again.").arg(device);
    }
}

QString UsbError::name(int code)
{
    return QString::fromLatin1(libusb_error_name(code));
}

QString UsbError::detail(int code, const QString &operation)
{
    if (operation.isEmpty())
        return name(code);
    return QStringLiteral("%1 (%2)").arg(name(code), operation);
}

bool UsbError::meansUnplugged(int code)
{
    return code == LIBUSB_ERROR_NO_DEVICE;
}

} // namespace ow::usb
