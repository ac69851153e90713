#include "onewindow/idcard/SamTransport.h"

#include "onewindow/idcard/SinglePipeTransport.h"
#include "onewindow/idcard/SplitPipeTransport.h"

namespace ow::idcard {

SamTransport::~SamTransport() = default;

int SamTransport::readerInterface(const usb::UsbDeviceInfo &info)
{
    for (const usb::InterfaceInfo &iface : info.interfaces) {
        if (!iface.endpointsOf(usb::TransferType::Bulk, true).isEmpty()
            && !iface.endpointsOf(usb::TransferType::Bulk, false).isEmpty())
            return iface.number;
    }
    return -1;
}

std::unique_ptr<SamTransport> SamTransport::choose(usb::UsbHandle &handle, const usb::InterfaceInfo &iface)
{
    QList<usb::EndpointInfo> outs = iface.endpointsOf(usb::TransferType::Bulk, false);
    QList<usb::EndpointInfo> ins = iface.endpointsOf(usb::TransferType::Bulk, true);
    auto byAddress = [](const usb::EndpointInfo &a, const usb::EndpointInfo &b) { return a.address < b.address; };
    std::sort(outs.begin(), outs.end(), byAddress);
    std::sort(ins.begin(), ins.end(), byAddress);
    if (outs.size() >= 2 && ins.size() >= 2)
        return std::make_unique<SplitPipeTransport>(
            handle, outs.at(0).address, outs.at(1).address, ins.at(0).address, ins.at(1).address);
    if (!outs.isEmpty() && !ins.isEmpty())
        return std::make_unique<SinglePipeTransport>(handle, outs.first().address, ins.first().address);
    return nullptr;
}

QString SamTransport::kindName(Kind kind)
{
    return kind == Kind::SinglePipe ? QStringLiteral("single-pipe") : QStringLiteral("split-pipe (GA 467)");
}

} // namespace ow::idcard
