#pragma once

#include <QByteArray>
#include <QString>

namespace ow::printer {

// Where a print job goes: a USB printer device, a file, a test double. Calls block for at most
// the given timeout; they run on the device's worker thread, never the GUI thread.
class EscPosTransport
{
public:
    virtual ~EscPosTransport() = default;
    // Writes all bytes. False with *error set on a timeout, unplug or I/O error.
    virtual bool write(const QByteArray &bytes, int timeoutMs, QString *error) = 0;
    // Reads up to maxBytes (at least one). Empty with *error set on a timeout or error.
    virtual QByteArray read(int maxBytes, int timeoutMs, QString *error) = 0;
};

} // namespace ow::printer
