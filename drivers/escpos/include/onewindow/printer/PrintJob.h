#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/printer/EscPosTransport.h"
#include "onewindow/printer/PrinterProfile.h"
#include "onewindow/printer/PrinterStatus.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace ow::printer {

// What happened to a job: how far it got, and why it stopped.
struct PrintJobResult
{
    enum class Outcome {
        Printed, // every transfer written and the status afterwards is fine
        Refused, // the status before the job said the printer cannot print; nothing was sent
        Interrupted, // a transfer failed part-way (unplug, timeout) or the printer stopped
        PrintedWithWarning, // all sent, but the status afterwards shows a problem (e.g. paper out)
    };
    Outcome outcome = Outcome::Refused;
    int transfersSent = 0;
    int transfersTotal = 0;
    qint64 bytesSent = 0;
    qint64 bytesTotal = 0;
    std::optional<PrinterStatus> statusBefore;
    std::optional<PrinterStatus> statusAfter;
    QString error; // empty when printed
    bool ok() const { return outcome == Outcome::Printed || outcome == Outcome::PrintedWithWarning; }
    // "Sent 3 of 7 parts (2 048 of 5 120 bytes)."
    QString progressText() const;
};

// Sends a document's blocks to a printer: reads the status (DLE EOT 1, 2, 4) first and refuses
// to start when the printer cannot print, groups the blocks into transfers no larger than the
// printer's receive buffer, after each transfer waits for the printer's real-time status
// (the round trip paces the host to the printer and catches paper out mid-job), and reads the
// status again at the end.
class PrintJob
{
    Q_DECLARE_TR_FUNCTIONS(ow::printer::PrintJob)
public:
    static constexpr int TransferTimeoutMs = 5000;
    static constexpr int StatusTimeoutMs = 1000;

    PrintJob(PrinterProfile profile, QList<QByteArray> blocks);

    // The transfers this job will make, in order (pure: for tests and progress bars).
    const QList<QByteArray> &transfers() const { return m_transfers; }
    qint64 totalBytes() const;

    PrintJobResult run(EscPosTransport &transport) const;
    // The three status bytes, parsed. Works for any transport.
    static Result<PrinterStatus> queryStatus(EscPosTransport &transport);

    // Groups blocks into transfers of at most maxBytes; a longer block is split into pieces.
    // endsBlock (optional) gets, per transfer, whether it ends at a block boundary.
    static QList<QByteArray> pack(const QList<QByteArray> &blocks, int maxBytes, QList<bool> *endsBlock = nullptr);

private:
    PrinterProfile m_profile;
    QList<bool> m_endsBlock;
    QList<QByteArray> m_transfers;
};

} // namespace ow::printer
