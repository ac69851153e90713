#include "onewindow/queue/QueueRules.h"

#include <QCoreApplication>

namespace ow::queue {

namespace {

Result<Ticket> refuse(const char *text)
{
    return Result<Ticket>::failure(QCoreApplication::translate("ow::queue::QueueRules", text));
}

bool atWindow(const Ticket &ticket, const QString &window)
{
    return !window.isEmpty() && ticket.window == window;
}

} // namespace

bool QueueRules::OrderKey::operator<(const OrderKey &other) const
{
    if (rankClass != other.rankClass)
        return rankClass < other.rankClass;
    if (key != other.key)
        return key < other.key;
    return number < other.number;
}

bool QueueRules::isOnTimeAppointment(const Ticket &ticket, const HallSettings &settings)
{
    return ticket.isAppointment() && ticket.issuedAt <= ticket.slotStart.addSecs(settings.appointmentGrace);
}

QDateTime QueueRules::rankKey(const Ticket &ticket, const HallSettings &settings)
{
    if (isOnTimeAppointment(ticket, settings))
        return ticket.slotStart;
    if (ticket.hasPriority())
        return ticket.queuedAt.addSecs(-settings.priorityWeight);
    return ticket.queuedAt;
}

QueueRules::OrderKey QueueRules::orderKey(const Ticket &ticket, const HallSettings &settings, const QDateTime &now)
{
    if (ticket.queuedAt.secsTo(now) >= settings.maxPriorityDelay)
        return {0, ticket.queuedAt, ticket.number};
    if (isOnTimeAppointment(ticket, settings) && ticket.slotStart <= now)
        return {1, ticket.slotStart, ticket.number};
    return {2, rankKey(ticket, settings), ticket.number};
}

bool QueueRules::mayCall(const Ticket &ticket, const QString &window, const QStringList &categories)
{
    if (!ticket.isWaiting())
        return false;
    if (!ticket.targetWindow.isEmpty())
        return ticket.targetWindow == window;
    return categories.contains(ticket.category);
}

std::optional<qsizetype> QueueRules::pickNext(const QList<Ticket> &tickets, const QString &window,
    const QStringList &categories, const HallSettings &settings, const QDateTime &now)
{
    std::optional<qsizetype> best;
    OrderKey bestKey;
    for (qsizetype i = 0; i < tickets.size(); ++i) {
        if (!mayCall(tickets.at(i), window, categories))
            continue;
        const OrderKey key = orderKey(tickets.at(i), settings, now);
        if (!best || key < bestKey) {
            best = i;
            bestKey = key;
        }
    }
    return best;
}

QDateTime QueueRules::recallAllowedAt(const Ticket &ticket, const HallSettings &settings)
{
    return ticket.lastCalledAt.addSecs(settings.recallDelay);
}

bool QueueRules::mayMarkNoShow(const Ticket &ticket, const HallSettings &settings, const QDateTime &now)
{
    return ticket.state == TicketState::Called && ticket.calls >= settings.noShowAfterCalls
        && now >= recallAllowedAt(ticket, settings);
}

Result<Ticket> QueueRules::call(Ticket ticket, const QString &window, const QDateTime &now)
{
    if (!ticket.isWaiting())
        return refuse(QT_TRANSLATE_NOOP("ow::queue::QueueRules", "The ticket is not waiting."));
    if (!ticket.targetWindow.isEmpty() && ticket.targetWindow != window)
        return refuse(QT_TRANSLATE_NOOP("ow::queue::QueueRules", "The ticket was transferred to another window."));
    ticket.state = TicketState::Called;
    ticket.window = window;
    ticket.targetWindow.clear();
    ticket.calls = 1;
    ticket.lastCalledAt = now;
    return ticket;
}

Result<Ticket> QueueRules::recall(
    Ticket ticket, const QString &window, const HallSettings &settings, const QDateTime &now)
{
    if (ticket.state != TicketState::Called || !atWindow(ticket, window))
        return refuse(
            QT_TRANSLATE_NOOP("ow::queue::QueueRules", "Only a ticket called at this window can be called again."));
    if (now < recallAllowedAt(ticket, settings))
        return refuse(QT_TRANSLATE_NOOP("ow::queue::QueueRules", "Too soon to call the ticket again."));
    ++ticket.calls;
    ticket.lastCalledAt = now;
    return ticket;
}

Result<Ticket> QueueRules::noShow(
    Ticket ticket, const QString &window, const HallSettings &settings, const QDateTime &now)
{
    if (ticket.state != TicketState::Called || !atWindow(ticket, window))
        return refuse(QT_TRANSLATE_NOOP(
            "ow::queue::QueueRules", "Only a ticket called at this window can be marked as not present."));
    if (!mayMarkNoShow(ticket, settings, now))
        return refuse(QT_TRANSLATE_NOOP(
            "ow::queue::QueueRules", "The ticket has not been called often enough to be marked as not present."));
    ticket.state = TicketState::NoShow;
    return ticket;
}

Result<Ticket> QueueRules::serve(Ticket ticket, const QString &window)
{
    if (ticket.state != TicketState::Called || !atWindow(ticket, window))
        return refuse(QT_TRANSLATE_NOOP("ow::queue::QueueRules", "Only a ticket called at this window can be served."));
    ticket.state = TicketState::Serving;
    return ticket;
}

Result<Ticket> QueueRules::park(Ticket ticket, const QString &window)
{
    if ((ticket.state != TicketState::Called && ticket.state != TicketState::Serving) || !atWindow(ticket, window))
        return refuse(
            QT_TRANSLATE_NOOP("ow::queue::QueueRules", "Only a ticket called or served at this window can be parked."));
    ticket.state = TicketState::Parked;
    return ticket;
}

Result<Ticket> QueueRules::resume(Ticket ticket, const QString &window, const QDateTime &now)
{
    if (ticket.state != TicketState::Parked || !atWindow(ticket, window))
        return refuse(
            QT_TRANSLATE_NOOP("ow::queue::QueueRules", "Only a ticket parked at this window can be resumed."));
    ticket.state = TicketState::Called;
    ticket.calls = 1;
    ticket.lastCalledAt = now;
    return ticket;
}

Result<Ticket> QueueRules::done(Ticket ticket, const QString &window)
{
    if ((ticket.state != TicketState::Called && ticket.state != TicketState::Serving) || !atWindow(ticket, window))
        return refuse(QT_TRANSLATE_NOOP(
            "ow::queue::QueueRules", "Only a ticket called or served at this window can be finished."));
    ticket.state = TicketState::Done;
    return ticket;
}

Result<Ticket> QueueRules::transfer(
    Ticket ticket, const QString &window, const QString &toWindow, const QString &toCategory)
{
    if (ticket.state != TicketState::Called && ticket.state != TicketState::Serving
        && ticket.state != TicketState::Parked)
        return refuse(QT_TRANSLATE_NOOP("ow::queue::QueueRules", "Only a ticket at this window can be transferred."));
    if (!atWindow(ticket, window))
        return refuse(QT_TRANSLATE_NOOP("ow::queue::QueueRules", "Only a ticket at this window can be transferred."));
    if (toWindow.isEmpty() == toCategory.isEmpty())
        return refuse(QT_TRANSLATE_NOOP("ow::queue::QueueRules", "Transfer to either a window or a category."));
    if (toWindow == window)
        return refuse(QT_TRANSLATE_NOOP("ow::queue::QueueRules", "The ticket is at this window already."));
    ticket.state = TicketState::Transferred;
    ticket.window.clear();
    ticket.targetWindow = toWindow;
    if (!toCategory.isEmpty())
        ticket.category = toCategory;
    ticket.calls = 0;
    ticket.lastCalledAt = QDateTime();
    return ticket;
}

QString QueueRules::ticketNumber(const QString &prefix, int sequence)
{
    return prefix + QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
}

} // namespace ow::queue
