#pragma once

#include <QMetaType>
#include <QString>

namespace ow::usb {

// The explicit state of a device a driver looks after.
//   Absent:    no such device has been seen since start.
//   Ready:     attached, opened and answering.
//   Busy:      a transfer sequence (e.g. a card read) is running.
//   Error:     attached but failing (timeouts, stalls, no permission…); see message.
//   Unplugged: it was there and went away; it becomes Ready again when plugged back in.
enum class DeviceState { Absent, Ready, Busy, Error, Unplugged };

struct DeviceStatus
{
    DeviceState state = DeviceState::Absent;
    QString message; // for the clerk, translated ("The card reader was disconnected.")
    QString detail; // for the log: libusb error name, operation, endpoint — never personal data
    QString device; // "001:004 0400:c35a", empty while absent

    bool operator==(const DeviceStatus &other) const
    {
        return state == other.state && message == other.message && detail == other.detail && device == other.device;
    }
    bool operator!=(const DeviceStatus &other) const { return !(*this == other); }
};

// "absent", "ready", "busy", "error", "unplugged" (for logs and the command-line tool).
QString stateName(DeviceState state);

} // namespace ow::usb

Q_DECLARE_METATYPE(ow::usb::DeviceStatus)
