#include "onewindow/idcard/SplitPipeTransport.h"

#include "onewindow/idcard/SamCodec.h"

#include <QElapsedTimer>

#include <libusb.h>

namespace ow::idcard {

namespace {
// Ask for whole packets: a device may send a full packet even when fewer bytes are expected.
int roundUpToPacket(int n)
{
    return ((qMax(1, n) + 63) / 64) * 64;
}
} // namespace

SplitPipeTransport::SplitPipeTransport(
    usb::UsbHandle &handle, quint8 outHeader, quint8 outBody, quint8 inHeader, quint8 inBody)
    : m_handle(handle)
    , m_outHeader(outHeader)
    , m_outBody(outBody)
    , m_inHeader(inHeader)
    , m_inBody(inBody)
{ }

usb::Transfer SplitPipeTransport::exchange(const QByteArray &request, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    auto left = [&timer, timeoutMs] { return timeoutMs - int(timer.elapsed()); };
    usb::Transfer t = m_handle.bulkWrite(m_outHeader, request.left(SamCodec::HeaderSize), timeoutMs);
    if (!t.ok())
        return t;
    t = m_handle.bulkWrite(m_outBody, request.mid(SamCodec::HeaderSize), qMax(1, left()));
    if (!t.ok())
        return t;
    QByteArray frame;
    while (frame.size() < SamCodec::HeaderSize) {
        if (left() <= 0) {
            t.code = LIBUSB_ERROR_TIMEOUT;
            t.data = frame;
            return t;
        }
        t = m_handle.bulkRead(m_inHeader, roundUpToPacket(SamCodec::HeaderSize - int(frame.size())), left());
        frame += t.data;
        if (!t.ok()) {
            t.data = frame;
            return t;
        }
    }
    const int expected = SamCodec::frameSize(frame);
    if (expected < 0) {
        t.code = LIBUSB_ERROR_IO;
        t.data = frame;
        t.operation += QStringLiteral(": no SAM frame header");
        return t;
    }
    while (frame.size() < expected) {
        if (left() <= 0) {
            t.code = LIBUSB_ERROR_TIMEOUT;
            t.data = frame;
            return t;
        }
        t = m_handle.bulkRead(m_inBody, roundUpToPacket(expected - int(frame.size())), left());
        frame += t.data;
        if (!t.ok()) {
            t.data = frame;
            return t;
        }
    }
    t.data = frame.left(expected);
    return t;
}

} // namespace ow::idcard
