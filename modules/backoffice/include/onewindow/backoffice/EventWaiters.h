#pragma once

#include "onewindow/backoffice/ReplyHandle.h"
#include "onewindow/core/Result.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

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
    // Where a woken waiter's page is read: the server gives a worker's EventLog, whose answer
    // comes back to `done` on this object's thread (queued). Unset: read here, on this thread.
    using Done = std::function<void(const ApiResult<QJsonObject> &page)>;
    using Reader = std::function<void(const QString &window, qint64 after, int limit, Done done)>;
    void setReader(Reader reader) { m_reader = std::move(reader); }
    // Holds `handle` until an event of `window` after `after` is there, at most `seconds`.
    // `seen` is generation(window) from before the caller's own read of the log (on a worker):
    // when a wake-up for the window came since, it reads once more now (the event may have been
    // committed after that read), else it only waits.
    void wait(const QString &window, qint64 after, int limit, int seconds, const ReplyHandle &handle, quint64 seen);
    // Grows whenever waiters of `window` (or all) are woken; any thread.
    quint64 generation(const QString &window) const;
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
        bool reading = false; // its page is being read (Reader)
        bool again = false; // woken again meanwhile: read once more
        bool final = false; // its wait is over: answer with what the read finds
    };
    void startRead(Waiter &w);
    void readDone(quint64 id, const ApiResult<QJsonObject> &page);
    // Answers the waiters of `window` (all when empty) that have events; `finalId` is answered
    // even without.
    void check(const QString &window, quint64 finalId = 0);
    bool openListener();
    void publishCount() const;
    void watchListener();

    EventLog &m_events;
    QList<Waiter> m_waiters;
    quint64 m_next = 0;
    QString m_listener; // the LISTEN connection's name ("" on SQLite)
    bool m_listening = false;
    QTimer m_watch;
    Reader m_reader;
    mutable QMutex m_generationLock;
    quint64 m_generation = 0;
    quint64 m_allAt = 0; // the last wake-up of every window
    QHash<QString, quint64> m_windowAt; // the last wake-up of each window
    int m_endedRetryAfter = 0; // endAll() was called: later waits end at once
};

} // namespace ow::backoffice
