#pragma once

#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QStringList>

namespace ow::printer {

// The printer's real-time status from DLE EOT 1 (printer), 2 (offline cause) and 4 (paper
// sensor), one byte each. A valid byte has bits 1 and 4 set and bits 0 and 7 clear.
class PrinterStatus
{
    Q_DECLARE_TR_FUNCTIONS(ow::printer::PrinterStatus)
public:
    // DLE EOT n
    static QByteArray request(int n);
    static bool isValidStatusByte(quint8 b);
    // Parses the three answers; an error names the first byte that is not a status byte.
    static Result<PrinterStatus> parse(quint8 printer, quint8 offlineCause, quint8 paper);

    bool offline() const { return m_offline; } // DLE EOT 1 bit 3
    bool waitingForRecovery() const { return m_waitingForRecovery; } // 1 bit 5
    bool coverOpen() const { return m_coverOpen; } // 2 bit 2
    bool feedButton() const { return m_feedButton; } // 2 bit 3
    bool stoppedByPaperEnd() const { return m_stoppedByPaperEnd; } // 2 bit 5
    bool errorOccurred() const { return m_error; } // 2 bit 6
    bool paperNearEnd() const { return m_paperNearEnd; } // 4 bits 2+3
    bool paperOut() const { return m_paperOut; } // 4 bits 5+6

    // Nothing stops a job: online, cover closed, paper present, no error.
    bool canPrint() const;
    // One clear sentence per problem (the near-end warning included); empty when all is well.
    QStringList messages() const;
    // "ready", or the messages joined.
    QString summary() const;

private:
    bool m_offline = false;
    bool m_waitingForRecovery = false;
    bool m_coverOpen = false;
    bool m_feedButton = false;
    bool m_stoppedByPaperEnd = false;
    bool m_error = false;
    bool m_paperNearEnd = false;
    bool m_paperOut = false;
};

} // namespace ow::printer
