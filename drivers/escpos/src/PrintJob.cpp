#include "onewindow/printer/PrintJob.h"

namespace ow::printer {

QString PrintJobResult::progressText() const
{
    return QCoreApplication::translate("ow::printer::PrintJob", "Sent %1 of %2 parts (%3 of %4 bytes).")
        .arg(transfersSent)
        .arg(transfersTotal)
        .arg(bytesSent)
        .arg(bytesTotal);
}

PrintJob::PrintJob(PrinterProfile profile, QList<QByteArray> blocks)
    : m_profile(std::move(profile))
    , m_transfers(pack(blocks, m_profile.receiveBufferBytes, &m_endsBlock))
{ }

QList<QByteArray> PrintJob::pack(const QList<QByteArray> &blocks, int maxBytes, QList<bool> *endsBlock)
{
    maxBytes = qMax(64, maxBytes);
    QList<QByteArray> out;
    QList<bool> ends;
    QByteArray current;
    for (const QByteArray &block : blocks) {
        if (block.isEmpty())
            continue;
        if (current.size() + block.size() <= maxBytes) {
            current += block;
            continue;
        }
        if (!current.isEmpty()) {
            out.append(current);
            ends.append(true);
        }
        current.clear();
        if (block.size() <= maxBytes) {
            current = block;
            continue;
        }
        // A block larger than the buffer (one raster band of a document laid out for a larger
        // buffer) goes in pieces; only its last piece ends at a command boundary.
        for (qsizetype i = 0; i < block.size(); i += maxBytes) {
            out.append(block.mid(i, maxBytes));
            ends.append(i + maxBytes >= block.size());
        }
    }
    if (!current.isEmpty()) {
        out.append(current);
        ends.append(true);
    }
    if (endsBlock)
        *endsBlock = ends;
    return out;
}

qint64 PrintJob::totalBytes() const
{
    qint64 n = 0;
    for (const QByteArray &t : m_transfers)
        n += t.size();
    return n;
}

Result<PrinterStatus> PrintJob::queryStatus(EscPosTransport &transport)
{
    quint8 answers[3] = {0, 0, 0};
    const int ns[3] = {1, 2, 4};
    for (int i = 0; i < 3; ++i) {
        QString error;
        if (!transport.write(PrinterStatus::request(ns[i]), StatusTimeoutMs, &error))
            return Result<PrinterStatus>::failure(error);
        const QByteArray answer = transport.read(1, StatusTimeoutMs, &error);
        if (answer.isEmpty()) {
            return Result<PrinterStatus>::failure(
                error.isEmpty() ? tr("The printer did not answer the status request.") : error);
        }
        answers[i] = static_cast<quint8>(answer.back());
    }
    return PrinterStatus::parse(answers[0], answers[1], answers[2]);
}

PrintJobResult PrintJob::run(EscPosTransport &transport) const
{
    PrintJobResult r;
    r.transfersTotal = int(m_transfers.size());
    r.bytesTotal = totalBytes();
    if (m_profile.hasStatus) {
        const auto before = queryStatus(transport);
        if (!before) {
            r.outcome = PrintJobResult::Outcome::Refused;
            r.error = tr("Cannot read the printer status: %1").arg(before.error());
            return r;
        }
        r.statusBefore = before.value();
        if (!before->canPrint()) {
            r.outcome = PrintJobResult::Outcome::Refused;
            r.error = before->summary();
            return r;
        }
    }
    for (qsizetype i = 0; i < m_transfers.size(); ++i) {
        const QByteArray &transfer = m_transfers.at(i);
        QString error;
        if (!transport.write(transfer, TransferTimeoutMs, &error)) {
            r.outcome = PrintJobResult::Outcome::Interrupted;
            r.error = tr("Printing stopped part-way: %1 %2").arg(error, r.progressText());
            return r;
        }
        ++r.transfersSent;
        r.bytesSent += transfer.size();
        // The real-time status request goes between commands only: inside a split command the
        // printer takes DLE EOT n for image data and never answers (the job would time out).
        if (m_profile.hasStatus && r.transfersSent < r.transfersTotal && m_endsBlock.value(i, true)) {
            const auto mid = queryStatus(transport);
            if (!mid) {
                r.outcome = PrintJobResult::Outcome::Interrupted;
                r.error = tr("Printing stopped part-way: %1 %2").arg(mid.error(), r.progressText());
                return r;
            }
            if (!mid->canPrint()) {
                r.statusAfter = mid.value();
                r.outcome = PrintJobResult::Outcome::Interrupted;
                r.error = tr("Printing stopped part-way: %1 %2").arg(mid->summary(), r.progressText());
                return r;
            }
        }
    }
    r.outcome = PrintJobResult::Outcome::Printed;
    if (m_profile.hasStatus) {
        const auto after = queryStatus(transport);
        if (!after) {
            r.outcome = PrintJobResult::Outcome::PrintedWithWarning;
            r.error = tr("The receipt was sent, but the printer status afterwards is unknown: %1").arg(after.error());
            return r;
        }
        r.statusAfter = after.value();
        if (!after->canPrint()) {
            r.outcome = PrintJobResult::Outcome::PrintedWithWarning;
            r.error = after->summary();
        }
    }
    return r;
}

} // namespace ow::printer
