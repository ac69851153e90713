#include "onewindow/sync/StationQueueJournal.h"

#include "onewindow/queue/QueueRules.h"
#include "onewindow/store/Store.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace ow::sync {

namespace {

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString textOf(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject objectOf(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QString dayOf(const QDateTime &t)
{
    return t.toLocalTime().date().toString(Qt::ISODate);
}

Result<queue::Ticket> ticketOf(const QString &json)
{
    return queue::Ticket::fromJson(objectOf(json));
}

StationQueueJournal::Event eventOf(const QSqlQuery &q)
{
    StationQueueJournal::Event e;
    e.ticket = q.value(0).toString();
    e.seq = q.value(1).toInt();
    e.kind = q.value(2).toString();
    e.at = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
    e.clerk = q.value(4).toString();
    e.data = objectOf(q.value(5).toString());
    return e;
}

QString insertEvent(QSqlDatabase &db, const QString &ticket, int seq, const QString &kind, const QDateTime &at,
    const QString &clerk, const QJsonObject &data)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO station_ticket_events (ticket_id, seq, kind, at, clerk, data)"
                             " VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(ticket);
    q.addBindValue(seq);
    q.addBindValue(kind);
    q.addBindValue(iso(at));
    q.addBindValue(clerk.isEmpty() ? QVariant() : QVariant(clerk));
    q.addBindValue(textOf(data));
    return q.exec() ? QString() : q.lastError().text();
}

const QString kEventColumns = QStringLiteral("ticket_id, seq, kind, at, clerk, data");

} // namespace

QJsonObject StationQueueJournal::Event::toJson() const
{
    QJsonObject o {{QStringLiteral("ticket"), ticket}, {QStringLiteral("seq"), seq}, {QStringLiteral("kind"), kind},
        {QStringLiteral("at"), iso(at)}, {QStringLiteral("data"), data}};
    if (!clerk.isEmpty())
        o.insert(QStringLiteral("clerk"), clerk);
    return o;
}

StationQueueJournal::StationQueueJournal(store::Store &store)
    : m_store(store)
{ }

Result<queue::Ticket> StationQueueJournal::issue(
    queue::Ticket ticket, const QString &prefix, const QString &clerk, const QJsonObject &data)
{
    const QString day = dayOf(ticket.issuedAt);
    const QString err = m_store.transact([&](QSqlDatabase &db) -> QString {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO station_ticket_numbers (day, prefix, last) VALUES (?, ?, 1)"
                                 " ON CONFLICT (day, prefix) DO UPDATE SET last = last + 1"));
        q.addBindValue(day);
        q.addBindValue(prefix);
        if (!q.exec())
            return q.lastError().text();
        q.prepare(QStringLiteral("SELECT last FROM station_ticket_numbers WHERE day = ? AND prefix = ?"));
        q.addBindValue(day);
        q.addBindValue(prefix);
        if (!q.exec() || !q.next())
            return q.lastError().text();
        const int sequence = q.value(0).toInt();
        if (sequence > 999)
            return tr("The day's %1 tickets are all taken (999).").arg(prefix);
        ticket.number = queue::QueueRules::ticketNumber(prefix, sequence);
        q.finish();
        q.prepare(QStringLiteral("INSERT INTO station_tickets (id, day, number, state, ticket, last_seq)"
                                 " VALUES (?, ?, ?, ?, ?, 1)"));
        q.addBindValue(ticket.id);
        q.addBindValue(day);
        q.addBindValue(ticket.number);
        q.addBindValue(queue::stateName(ticket.state));
        q.addBindValue(textOf(ticket.toJson()));
        if (!q.exec())
            return q.lastError().text();
        return insertEvent(db, ticket.id, 1, QStringLiteral("issued"), ticket.issuedAt, clerk, data);
    });
    if (!err.isEmpty())
        return Result<queue::Ticket>::failure(err);
    return ticket;
}

QString StationQueueJournal::record(
    const queue::Ticket &after, const QString &kind, const QDateTime &at, const QString &clerk, const QJsonObject &data)
{
    return m_store.transact([&](QSqlDatabase &db) -> QString {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE station_tickets SET state = ?, ticket = ?, last_seq = last_seq + 1"
                                 " WHERE id = ? RETURNING last_seq"));
        q.addBindValue(queue::stateName(after.state));
        q.addBindValue(textOf(after.toJson()));
        q.addBindValue(after.id);
        if (!q.exec())
            return q.lastError().text();
        if (!q.next())
            return tr("There is no such ticket.");
        const int seq = q.value(0).toInt();
        q.finish();
        return insertEvent(db, after.id, seq, kind, at, clerk, data);
    });
}

Result<QList<queue::Ticket>> StationQueueJournal::tickets(const QDate &day) const
{
    using R = Result<QList<queue::Ticket>>;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT ticket FROM station_tickets WHERE day = ?"
                             " OR state IN ('waiting', 'called', 'serving', 'parked', 'transferred')"
                             " ORDER BY day, number"));
    q.addBindValue(day.toString(Qt::ISODate));
    if (!q.exec())
        return R::failure(q.lastError().text());
    QList<queue::Ticket> out;
    while (q.next()) {
        auto t = ticketOf(q.value(0).toString());
        if (!t)
            return R::failure(t.error());
        out << t.value();
    }
    return out;
}

Result<queue::Ticket> StationQueueJournal::ticket(const QString &id) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT ticket FROM station_tickets WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Result<queue::Ticket>::failure(q.lastError().text());
    if (!q.next())
        return Result<queue::Ticket>::failure(tr("There is no such ticket."));
    return ticketOf(q.value(0).toString());
}

Result<QList<StationQueueJournal::Event>> StationQueueJournal::latestCalls(int limit) const
{
    using R = Result<QList<Event>>;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT %1 FROM station_ticket_events WHERE kind IN ('called', 'recalled', 'resumed')"
                             " ORDER BY at DESC, rowid DESC LIMIT ?")
                  .arg(kEventColumns));
    q.addBindValue(limit);
    if (!q.exec())
        return R::failure(q.lastError().text());
    QList<Event> out;
    while (q.next())
        out << eventOf(q);
    return out;
}

Result<QList<StationQueueJournal::Event>> StationQueueJournal::events(const QString &ticketId) const
{
    using R = Result<QList<Event>>;
    QSqlQuery q(m_store.database());
    q.prepare(
        QStringLiteral("SELECT %1 FROM station_ticket_events WHERE ticket_id = ? ORDER BY seq").arg(kEventColumns));
    q.addBindValue(ticketId);
    if (!q.exec())
        return R::failure(q.lastError().text());
    QList<Event> out;
    while (q.next())
        out << eventOf(q);
    return out;
}

Result<StationQueueJournal::Unsent> StationQueueJournal::unsent(int limit) const
{
    using R = Result<Unsent>;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT %1 FROM station_ticket_events WHERE sent_at IS NULL"
                             " ORDER BY ticket_id, seq LIMIT ?")
                  .arg(kEventColumns));
    q.addBindValue(limit);
    if (!q.exec())
        return R::failure(q.lastError().text());
    Unsent out;
    QStringList ids;
    while (q.next()) {
        out.events << eventOf(q);
        if (!ids.contains(out.events.constLast().ticket))
            ids << out.events.constLast().ticket;
    }
    for (const QString &id : std::as_const(ids)) {
        auto t = ticket(id);
        if (!t)
            return R::failure(t.error());
        out.tickets << t.value();
    }
    return out;
}

Result<int> StationQueueJournal::unsentCount() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM station_ticket_events WHERE sent_at IS NULL")) || !q.next())
        return Result<int>::failure(q.lastError().text());
    return q.value(0).toInt();
}

QString StationQueueJournal::markSent(const QList<Event> &events, const QDateTime &at)
{
    return m_store.transact([&](QSqlDatabase &db) -> QString {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE station_ticket_events SET sent_at = ?"
                                 " WHERE ticket_id = ? AND seq = ? AND sent_at IS NULL"));
        for (const Event &e : events) {
            q.addBindValue(iso(at));
            q.addBindValue(e.ticket);
            q.addBindValue(e.seq);
            if (!q.exec())
                return q.lastError().text();
        }
        return QString();
    });
}

} // namespace ow::sync
