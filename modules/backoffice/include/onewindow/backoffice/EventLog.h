#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>

namespace ow::backoffice {

class Database;

// Each window's events (confirmed, routed, decided, ready, handout) with a cursor that is strictly
// increasing per window: a reader that comes back with the last cursor it got never misses and
// never gets again an event, and never sees one of a rolled-back transaction. A key
// "hall:<code>" is a hall's events for its display and windows (HallQueue), kept in hall_events
// by the same rule. Cursors are opaque whole numbers, not consecutive.
// - SQLite (one writer at a time): the next cursor is taken in the writer's transaction by a
//   guarded UPDATE of the key's counter row (window_events, hall_event_counters).
// - PostgreSQL: no row is shared between writers, so concurrent writers commit together (group
//   commit). An event's cursor is its transaction's id times kTransactionSpan plus its rank in the
//   transaction (pg_current_xact_id()). Transactions commit in any order, so a reader returns only
//   the events of transactions older than its snapshot's xmin (every one of them has ended: no
//   event can appear below that bound later); a committed event above it is "pending" and read
//   again shortly (EventWaiters). The wake-up (NOTIFY ow_events) goes after the commit, from
//   publish(), in a statement of its own committed without waiting for the disk: PostgreSQL
//   serializes the commits of notifying transactions, which must not include the data's.
class EventLog : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxWaitSeconds = 30;
    static constexpr int kMaxLimit = 500;
    static constexpr int kDefaultLimit = 100;
    static constexpr const char *kHallPrefix = "hall:";

    EventLog(Database &db, Clock clock, QObject *parent = nullptr);

    // Inside the caller's open transaction: appends one event; "" or the error (then roll back).
    [[nodiscard]] QString append(const QString &window, const QString &type, const QString &caseId,
        const QString &itemId, const QJsonObject &data);
    // After the caller's transaction ended: announces appended() for each window written to and,
    // on PostgreSQL, notifies every instance (a rolled-back one only causes a needless recheck).
    void publish();

    // {"events": […], "cursor": n} after `after`, at most `limit`. `pending` (may be null) is set
    // when a committed event after the page's cursor is not readable yet (PostgreSQL: an older
    // transaction is still open); read again soon.
    ApiResult<QJsonObject> read(const QString &window, qint64 after, int limit, bool *pending = nullptr);

    // PostgreSQL: the SQL of the bound below which every event is final (see above), for a
    // reader of the event tables' cursor_no (HallQueue's latest calls).
    static QString finalBelowSql();
    // Cursors one transaction can give per key (PostgreSQL).
    static constexpr qint64 kTransactionSpan = 65536;

Q_SIGNALS:
    void appended(const QString &window);

private:
    struct Tables
    {
        QString counters;
        QString events;
        QString key;
    };
    static Tables tables(const QString &key);
    Database &m_db;
    Clock m_clock;
    QSet<QString> m_pending;
};

} // namespace ow::backoffice
