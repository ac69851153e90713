#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/printer/PrinterProfile.h"
#include "onewindow/queue/QueueSnapshot.h"
#include "onewindow/queue/Ticket.h"
#include "onewindow/receipt/TicketSlip.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QUrl>

namespace ow::ui {

// The paper slip of a ticket just issued, as the kiosk and the window's walk-in key (QueuePage,
// F7) print it: one rule for both, laid out by receipt::TicketSlip. The blocks made once are what
// a reprint sends again, byte for byte.
class HallTicketSlip
{
    Q_DECLARE_TR_FUNCTIONS(HallTicketSlip)

public:
    // `categories` name the ticket's category ("商事登记" for business); `follow` is the ticket's
    // follow path from the queue service (none at a station: no QR), resolved against `followBase`.
    static receipt::TicketSlipData of(const queue::Ticket &ticket, int ahead, const QString &follow,
        const QString &hall, const QList<queue::CategoryLoad> &categories, const QUrl &followBase);
    // The category's name among `categories`, else its code.
    static QString categoryName(const QString &code, const QList<queue::CategoryLoad> &categories);
    [[nodiscard]] static Result<QList<QByteArray>> blocks(
        const receipt::TicketSlipData &slip, const printer::PrinterProfile &profile);
};

} // namespace ow::ui
