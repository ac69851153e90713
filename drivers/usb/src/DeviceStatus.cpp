#include "onewindow/usb/DeviceStatus.h"

namespace ow::usb {

QString stateName(DeviceState state)
{
    switch (state) {
    case DeviceState::Absent: return QStringLiteral("absent");
    case DeviceState::Ready: return QStringLiteral("ready");
    case DeviceState::Busy: return QStringLiteral("busy");
    case DeviceState::Error: return QStringLiteral("error");
    case DeviceState::Unplugged: return QStringLiteral("unplugged");
    }
    return {};
}

} // namespace ow::usb
