#pragma once

#include "onewindow/backoffice/ReplyHandle.h"
#include "onewindow/core/Result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace ow::backoffice {

class EventLog;

// The long-polls of GET /v1/events?wait=…: each waits until its window has an event after its
// cursor, or until its wait is over (then an empty page). Woken, never polling the database:
// in-process by EventLog::appended() after the writer's commit, and on PostgreSQL by a
// notification on channel `ow_events` (EventLog::append runs pg_notify in the transaction that
// writes the event, so every instance on the database hears of it after the commit). The LISTEN
// connection is its own and lives on this object's thread; it is watched through libpq's
// connection state (no query) and opened again while the database is away, and after that every
// waiter reads once (a notification may have been missed meanwhile). A waiting window costs no
// query until something happens to it.
class EventWaiters : public QObject
{
    Q_OBJECT

public:
    static constexpr int kWatchMs = 500;
    static constexpr const char *kChannel = "ow_events";

    explicit EventWaiters(EventLog &events, QObject *parent = nullptr);
    ~EventWaiters() override;

    // PostgreSQL: listens on a new connection made like `connectionName` (the server's).
    [[nodiscard]] Result<bool> listen(const QString &connectionName);
    // Also wakes waiters on what `events` (a worker's, on another thread) appends: queued here.
    void watch(EventLog &events);
    // Holds `handle` until an event of `window` after `after` is there, at most `seconds`.
    void wait(const QString &window, qint64 after, int limit, int seconds, const ReplyHandle &handle);
    int count() const { return int(m_waiters.size()); }
    // The server stops: every waiter gets an empty page at its cursor with Retry-After.
    void endAll(int retryAfterSeconds);

private:
    struct Waiter
    {
        quint64 id = 0;
        QString window;
        qint64 after = 0;
        int limit = 0;
        ReplyHandle handle;
    };
    // Answers the waiters of `window` (all when empty) that have events; `finalId` is answered
    // even without.
    void check(const QString &window, quint64 finalId = 0);
    bool openListener();
    void watchListener();

    EventLog &m_events;
    QList<Waiter> m_waiters;
    quint64 m_next = 0;
    QString m_listener; // the LISTEN connection's name ("" on SQLite)
    bool m_listening = false;
    QTimer m_watch;
};

} // namespace ow::backoffice
