#include "onewindow/receipt/TicketSlip.h"

#include "onewindow/printer/EscPosDocument.h"

namespace ow::receipt {

using printer::EscPosDocument;

namespace {

constexpr char GS = 0x1D;

// GS ! n: character width and height 1..8 (the number only: ASCII in the single-byte font).
QByteArray charSize(int scale)
{
    const int s = qBound(1, scale, 8) - 1;
    QByteArray out;
    out.append(GS).append('!').append(char((s << 4) | s));
    return out;
}

} // namespace

Result<QList<QByteArray>> TicketSlip::blocks(const TicketSlipData &ticket, const printer::PrinterProfile &profile)
{
    using R = Result<QList<QByteArray>>;
    if (ticket.number.isEmpty())
        return R::failure(tr("The ticket has no number."));
    EscPosDocument out(profile);
    out.initialize().align(EscPosDocument::Align::Center);
    if (!ticket.hall.isEmpty())
        out.bold(true).line(ticket.hall).bold(false);
    out.line(tr("Queue ticket")).rule();
    // The number as large as the paper allows: 4× on 58 mm for up to 8 characters, else 3× or 2×.
    const int columns = profile.columns();
    int scale = 4;
    while (scale > 1 && ticket.number.size() * scale > columns)
        --scale;
    out.raw(charSize(scale)).line(ticket.number).raw(charSize(1));
    out.feed(1).doubleSize(true).line(ticket.category).doubleSize(false);
    if (!ticket.priority.isEmpty())
        out.bold(true).line(ticket.priority).bold(false);
    if (!ticket.appointment.isEmpty())
        out.line(ticket.appointment);
    out.feed(1).line(ticket.ahead == 0 ? tr("You are next") : tr("%n waiting ahead of you", nullptr, ticket.ahead));
    out.line(tr("Taken at %1").arg(ticket.issuedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    out.rule();
    if (!ticket.followUrl.isEmpty()) {
        out.line(tr("Scan to follow the queue"));
        EscPosDocument::QrOptions qr;
        qr.moduleSize = profile.dotsPerLine >= 576 ? 6 : 4;
        out.qr(ticket.followUrl, qr);
    }
    out.line(tr("Please wait for your number to be called."));
    out.line(tr("A missed call can be recalled; keep this ticket."));
    out.cut();
    return out.blocks();
}

Result<QByteArray> TicketSlip::bytes(const TicketSlipData &ticket, const printer::PrinterProfile &profile)
{
    const auto parts = blocks(ticket, profile);
    if (!parts)
        return Result<QByteArray>::failure(parts.error());
    QByteArray all;
    for (const QByteArray &b : parts.value())
        all += b;
    return Result<QByteArray>(all);
}

} // namespace ow::receipt
