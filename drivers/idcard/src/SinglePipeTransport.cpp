#include "onewindow/idcard/SinglePipeTransport.h"

#include "onewindow/idcard/SamCodec.h"

#include <QElapsedTimer>

#include <libusb.h>

namespace ow::idcard {

namespace {
constexpr int ReadChunk = 8192; // the longest answer (2321 bytes) fits in one read
}

SinglePipeTransport::SinglePipeTransport(usb::UsbHandle &handle, quint8 outEndpoint, quint8 inEndpoint)
    : m_handle(handle)
    , m_out(outEndpoint)
    , m_in(inEndpoint)
{ }

usb::Transfer SinglePipeTransport::exchange(const QByteArray &request, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    usb::Transfer t = m_handle.bulkWrite(m_out, request, timeoutMs);
    if (!t.ok())
        return t;
    QByteArray frame;
    int expected = -1;
    for (;;) {
        const int left = timeoutMs - int(timer.elapsed());
        if (left <= 0) {
            t.code = LIBUSB_ERROR_TIMEOUT;
            t.data = frame;
            return t;
        }
        t = m_handle.bulkRead(m_in, ReadChunk, left);
        frame += t.data;
        if (!t.ok()) {
            t.data = frame;
            return t;
        }
        // Skip noise before the preamble (a reader may send a stray byte after power-up).
        if (expected < 0) {
            const qsizetype start = frame.indexOf(SamCodec::preamble());
            if (start > 0)
                frame.remove(0, start);
            if (frame.size() >= SamCodec::HeaderSize) {
                expected = SamCodec::frameSize(frame);
                if (expected < 0) {
                    t.code = LIBUSB_ERROR_IO;
                    t.data = frame;
                    t.operation += QStringLiteral(": no SAM frame header");
                    return t;
                }
            }
        }
        if (expected > 0 && frame.size() >= expected) {
            t.data = frame.left(expected);
            return t;
        }
    }
}

} // namespace ow::idcard
