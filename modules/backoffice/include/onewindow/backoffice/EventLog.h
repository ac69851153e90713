#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"
#include "onewindow/core/Result.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>

#include <utility>

namespace ow::backoffice {

class Database;

// Each window's events (confirmed, routed, decided, ready, handout) with a cursor that is strictly
// increasing per window, never skips and never repeats. A key "hall:<code>" is a hall's events for
// its display and windows (HallQueue), kept in hall_events by the same rule.
//
// PostgreSQL: the writer's transaction inserts the event without a cursor (no lock shared with the
// other writers of the key). Once it committed, a short numbering transaction (number()) locks the
// key's counter row, gives every committed unnumbered event of the key the next cursors in the
// order of their ids, and commits durably; then a NOTIFY wakes the listeners. Readers take only
// numbered rows, and numberings follow one another in lock order, so a reader that has seen
// cursor n never misses a later-numbered event. An event left unnumbered (the instance died
// between commit and numbering) is numbered by the next numbering of its key or by sweep().
// SQLite (one writer at a time): numbered in the writer's transaction.
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
    // After the caller's transaction ended: SQLite announces appended() for each window written
    // to; PostgreSQL numbers their events and then announces (a rolled-back one only causes a
    // needless check): a window's now, a hall's now or, deferred, later (takeUnnumbered()).
    void publish();
    // Deferred: publish() only notes the halls; takeUnnumbered() hands them over (once the
    // request's answer is on its way) to the server's numbering thread, which numbers them.
    void setDeferredNumbering(bool deferred) { m_deferred = deferred; }
    [[nodiscard]] QSet<QString> takeUnnumbered() { return std::exchange(m_unnumbered, {}); }
    // Numbers what takeUnnumbered() would hand over, here and now.
    void numberPending() { numberAll(takeUnnumbered()); }
    // Numbers these keys' events (a failure is logged: the next numbering or the sweep covers it).
    void numberAll(const QSet<QString> &keys);
    // PostgreSQL: numbers the key's committed unnumbered events in a transaction of its own;
    // how many. 0 on SQLite.
    [[nodiscard]] Result<int> number(const QString &key);
    // PostgreSQL: numbers every key's unnumbered events (start-up and a periodic sweep: two
    // index-only queries when there are none); how many.
    [[nodiscard]] Result<int> sweep();

    // {"events": […], "cursor": n} after `after`, at most `limit`.
    ApiResult<QJsonObject> read(const QString &window, qint64 after, int limit);

Q_SIGNALS:
    void appended(const QString &window);

private:
    struct Tables
    {
        QString counters;
        QString events;
        QString key;
    };
    static constexpr int kNumberingAttempts = 3;
    static Tables tables(const QString &key);
    Result<int> numberLocked(const Tables &t, const QString &key);
    void tell(const QString &key);
    Database &m_db;
    Clock m_clock;
    // Test seam (OW_BACKOFFICE_TEST_UNNUMBERED): this process never numbers, as if it died after
    // each commit.
    bool m_neverNumber = false;
    bool m_deferred = false;
    QSet<QString> m_pending;
    QSet<QString> m_unnumbered;
};

} // namespace ow::backoffice
