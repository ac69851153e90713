#pragma once

#include "onewindow/usb/UsbDeviceInfo.h"
#include "onewindow/usb/UsbHandle.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace ow::idcard {

// Moves one SAM request and its response over USB. Two shapes exist:
//  - single pipe: the whole frame on one bulk OUT, the whole answer on one bulk IN
//    (one OUT + one IN bulk endpoint, e.g. 0400:C35A readers);
//  - split pipe (GA 467): preamble+length and CMD..CHK on two bulk OUT endpoints, preamble+length
//    and SW..CHK on two bulk IN endpoints (0x02/0x06, 0x81/0x85).
// Which one follows from the interface's endpoints: choose().
class SamTransport
{
public:
    enum class Kind { SinglePipe, SplitPipe };

    virtual ~SamTransport();
    virtual Kind kind() const = 0;
    // Writes the request and reads until the whole response frame (Len + 7 bytes) arrived or the
    // timeout (for the whole exchange) ran out. On success data holds exactly one frame; a
    // partial frame is reported as LIBUSB_ERROR_TIMEOUT with data = what arrived.
    virtual usb::Transfer exchange(const QByteArray &request, int timeoutMs) = 0;

    // nullptr when the interface has no usable bulk endpoints.
    static std::unique_ptr<SamTransport> choose(usb::UsbHandle &handle, const usb::InterfaceInfo &iface);
    // The interface the reader talks on: the first one with bulk IN and OUT endpoints, or -1.
    static int readerInterface(const usb::UsbDeviceInfo &info);
    static QString kindName(Kind kind);
};

} // namespace ow::idcard
