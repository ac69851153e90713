#include "onewindow/ui/HallTicketSlip.h"

namespace ow::ui {

QString HallTicketSlip::categoryName(const QString &code, const QList<queue::CategoryLoad> &categories)
{
    for (const queue::CategoryLoad &c : categories) {
        if (c.code == code)
            return c.name;
    }
    return code;
}

receipt::TicketSlipData HallTicketSlip::of(const queue::Ticket &ticket, int ahead, const QString &follow,
    const QString &hall, const QList<queue::CategoryLoad> &categories, const QUrl &followBase)
{
    receipt::TicketSlipData slip;
    slip.hall = hall;
    slip.number = ticket.number;
    slip.category = categoryName(ticket.category, categories);
    switch (ticket.priority) {
    case queue::Priority::None: break;
    case queue::Priority::Elderly: slip.priority = tr("Priority: elderly"); break;
    case queue::Priority::Disabled: slip.priority = tr("Priority: disabled"); break;
    case queue::Priority::Pregnant: slip.priority = tr("Priority: pregnant"); break;
    case queue::Priority::Military: slip.priority = tr("Priority: military"); break;
    }
    if (!ticket.caseNumber.isEmpty())
        slip.appointment = tr("Return for case %1").arg(ticket.caseNumber);
    slip.ahead = ahead;
    slip.issuedAt = ticket.issuedAt.toLocalTime();
    slip.followUrl = follow.isEmpty() ? QString() : followBase.resolved(QUrl(follow)).toString();
    return slip;
}

Result<QList<QByteArray>> HallTicketSlip::blocks(
    const receipt::TicketSlipData &slip, const printer::PrinterProfile &profile)
{
    return receipt::TicketSlip::blocks(slip, profile);
}

} // namespace ow::ui
