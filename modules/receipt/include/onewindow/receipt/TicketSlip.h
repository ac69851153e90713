#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/printer/PrinterProfile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace ow::receipt {

// What a queue ticket (排队小票) printed at the kiosk says.
struct TicketSlipData
{
    QString hall; // the service centre / hall: "西湖区行政服务中心"
    QString number; // "A012"
    QString category; // "商事登记"
    QString priority; // "" or the priority in words ("老年人优先")
    QString appointment; // "" or the slot checked in ("预约 09:00–09:30")
    int ahead = 0; // people waiting before this ticket in its category
    QDateTime issuedAt;
    QString followUrl; // the QR: where the applicant follows the queue
};

// Lays the ticket out for the receipt printer: the number large (4× in the printer's font), the
// category, how many wait ahead, the time and a QR to follow the queue, for 58 or 80 mm paper.
// Its words are the document language's (translate in that language before calling).
class TicketSlip
{
    Q_DECLARE_TR_FUNCTIONS(TicketSlip)

public:
    static Result<QList<QByteArray>> blocks(const TicketSlipData &ticket, const printer::PrinterProfile &profile);
    static Result<QByteArray> bytes(const TicketSlipData &ticket, const printer::PrinterProfile &profile);
};

} // namespace ow::receipt
