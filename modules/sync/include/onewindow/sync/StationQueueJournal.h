#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/queue/Ticket.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ow::store {
class Store;
}

namespace ow::sync {

// A station's own queue in its store (tables station_tickets, station_ticket_events and
// station_ticket_numbers, store migration 7 → 8): each ticket as it is now, and its events with a
// seq per ticket (1 = issued), kept until the back office has them (sent_at). One Store per thread:
// the LocalQueueService writes on the GUI thread's store, the sync engine reads and marks on its own.
class StationQueueJournal
{
    Q_DECLARE_TR_FUNCTIONS(StationQueueJournal)

public:
    explicit StationQueueJournal(store::Store &store);

    struct Event
    {
        QString ticket;
        int seq = 0;
        QString kind; // issued, called, recalled, served, parked, resumed, transferred, no-show, done
        QDateTime at;
        QString clerk;
        QJsonObject data;
        QJsonObject toJson() const;
    };

    // A new ticket (state waiting) and its `issued` event (seq 1), numbered `prefix` + the day's
    // next sequence (its local day), all in one transaction: the ticket with its number set.
    [[nodiscard]] Result<queue::Ticket> issue(
        queue::Ticket ticket, const QString &prefix, const QString &clerk, const QJsonObject &data = {});
    // The ticket after a transition and the event that made it (the ticket's next seq), in one
    // transaction. An error message, or "".
    [[nodiscard]] QString record(const queue::Ticket &after, const QString &kind, const QDateTime &at,
        const QString &clerk, const QJsonObject &data = {});

    // The tickets still in play (waiting, called, serving, parked, transferred) and those of
    // `day` (local date), whatever their state.
    [[nodiscard]] Result<QList<queue::Ticket>> tickets(const QDate &day) const;
    [[nodiscard]] Result<queue::Ticket> ticket(const QString &id) const;
    // The latest calls (called, recalled, resumed), newest first.
    [[nodiscard]] Result<QList<Event>> latestCalls(int limit) const;
    // Every event of a ticket, in seq order.
    [[nodiscard]] Result<QList<Event>> events(const QString &ticketId) const;

    // What the back office does not have yet: the first `limit` unsent events (by ticket, seq)
    // and the tickets they belong to as they are now.
    struct Unsent
    {
        QList<queue::Ticket> tickets;
        QList<Event> events;
    };
    [[nodiscard]] Result<Unsent> unsent(int limit) const;
    [[nodiscard]] Result<int> unsentCount() const;
    // The back office has these (applied now or before).
    [[nodiscard]] QString markSent(const QList<Event> &events, const QDateTime &at);

private:
    store::Store &m_store;
};

} // namespace ow::sync
