#pragma once

#include "onewindow/backoffice/ReplyHandle.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace ow::backoffice {

class EventLog;

// The long-polls of GET /v1/events?wait=…: each waits until its window has an event after its
// cursor, or until its wait is over (then an empty page). Woken in-process by
// EventLog::appended(), and every second each waiter rechecks the database as well (another
// instance, or the admin command, may have written the event). Never busy-polls.
class EventWaiters : public QObject
{
    Q_OBJECT

public:
    static constexpr int kRecheckMs = 1000;

    explicit EventWaiters(EventLog &events, QObject *parent = nullptr);

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

    EventLog &m_events;
    QList<Waiter> m_waiters;
    QTimer m_recheck;
    quint64 m_next = 0;
};

} // namespace ow::backoffice
