#pragma once

#include "onewindow/idcard/SamTransport.h"

namespace ow::idcard {

class SinglePipeTransport final : public SamTransport
{
public:
    SinglePipeTransport(usb::UsbHandle &handle, quint8 outEndpoint, quint8 inEndpoint);
    Kind kind() const override { return Kind::SinglePipe; }
    usb::Transfer exchange(const QByteArray &request, int timeoutMs) override;

private:
    usb::UsbHandle &m_handle;
    quint8 m_out;
    quint8 m_in;
};

} // namespace ow::idcard
