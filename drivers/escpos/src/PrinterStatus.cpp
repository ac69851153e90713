#include "onewindow/printer/PrinterStatus.h"

namespace ow::printer {

QByteArray PrinterStatus::request(int n)
{
    QByteArray out(3, '\0');
    out[0] = 0x10;
    out[1] = 0x04;
    out[2] = char(n);
    return out;
}

bool PrinterStatus::isValidStatusByte(quint8 b)
{
    return (b & 0x93) == 0x12;
}

Result<PrinterStatus> PrinterStatus::parse(quint8 printer, quint8 offlineCause, quint8 paper)
{
    const quint8 bytes[3] = {printer, offlineCause, paper};
    const int ns[3] = {1, 2, 4};
    for (int i = 0; i < 3; ++i) {
        if (!isValidStatusByte(bytes[i])) {
            return Result<PrinterStatus>::failure(
                tr("The printer answered DLE EOT %1 with 0x%2, which is not a status byte.")
                    .arg(ns[i])
                    .arg(bytes[i], 2, 16, QLatin1Char('0')));
        }
    }
    PrinterStatus s;
    s.m_offline = printer & 0x08;
    s.m_waitingForRecovery = printer & 0x20;
    s.m_coverOpen = offlineCause & 0x04;
    s.m_feedButton = offlineCause & 0x08;
    s.m_stoppedByPaperEnd = offlineCause & 0x20;
    s.m_error = offlineCause & 0x40;
    s.m_paperNearEnd = paper & 0x0C;
    s.m_paperOut = paper & 0x60;
    return s;
}

bool PrinterStatus::canPrint() const
{
    return !m_offline && !m_coverOpen && !m_paperOut && !m_stoppedByPaperEnd && !m_error;
}

QStringList PrinterStatus::messages() const
{
    QStringList out;
    if (m_coverOpen)
        out << tr("The printer cover is open. Close it.");
    if (m_paperOut || m_stoppedByPaperEnd)
        out << tr("The printer is out of paper. Load a new roll.");
    if (m_error)
        out << tr("The printer reports an error (cutter jam or overheating). Check it and switch it off and on.");
    if (m_offline && out.isEmpty())
        out << tr("The printer is offline.");
    if (m_paperNearEnd && !m_paperOut)
        out << tr("The paper roll is nearly used up.");
    return out;
}

QString PrinterStatus::summary() const
{
    const QStringList m = messages();
    return m.isEmpty() ? tr("Ready.") : m.join(u' ');
}

} // namespace ow::printer
