#pragma once

#include "onewindow/idcard/SamTransport.h"

namespace ow::idcard {

class SplitPipeTransport final : public SamTransport
{
public:
    // Header pipes carry preamble + length, body pipes the rest (GA 467: 0x02/0x06, 0x81/0x85).
    SplitPipeTransport(usb::UsbHandle &handle, quint8 outHeader, quint8 outBody, quint8 inHeader, quint8 inBody);
    Kind kind() const override { return Kind::SplitPipe; }
    usb::Transfer exchange(const QByteArray &request, int timeoutMs) override;

private:
    usb::UsbHandle &m_handle;
    quint8 m_outHeader;
    quint8 m_outBody;
    quint8 m_inHeader;
    quint8 m_inBody;
};

} // namespace ow::idcard
