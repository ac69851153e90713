#include "onewindow/backoffice/EventLog.h"

#include "onewindow/backoffice/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <cstdio>
#include <utility>

namespace ow::backoffice {

EventLog::EventLog(Database &db, Clock clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(std::move(clock))
    , m_neverNumber(qEnvironmentVariableIsSet("OW_BACKOFFICE_TEST_UNNUMBERED"))
{ }

EventLog::Tables EventLog::tables(const QString &key)
{
    if (key.startsWith(QLatin1String(kHallPrefix)))
        return {QStringLiteral("hall_event_counters"), QStringLiteral("hall_events"), QStringLiteral("hall_key")};
    return {QStringLiteral("window_events"), QStringLiteral("events"), QStringLiteral("window_key_id")};
}

QString EventLog::append(
    const QString &window, const QString &type, const QString &caseId, const QString &itemId, const QJsonObject &data)
{
    const Tables t = tables(window);
    const QVariantList row {type, caseId,
        itemId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(itemId), isoUtc(m_clock()),
        QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact))};
    if (m_db.dialect() == Database::Dialect::Postgres) {
        // No cursor yet, no counter row locked: the writer's transaction commits beside the
        // others of its key; number() gives the cursor once it committed.
        auto put = m_db.exec(QStringLiteral("INSERT INTO %1 (%2, type, case_id, item_id, at, data)"
                                            " VALUES (?, ?, ?, ?, ?, ?)")
                                 .arg(t.events, t.key),
            QVariantList {window} + row);
        if (!put)
            return put.error();
        m_pending.insert(window);
        return QString();
    }
    // SQLite (one writer at a time): numbered at once. The guarded bump of the key's counter row,
    // the new cursor returned in the same round trip (RETURNING, SQLite ≥ 3.35). Its first event
    // makes the row (ON CONFLICT DO NOTHING), then bumps again.
    const QString bump =
        QStringLiteral("UPDATE %1 SET last_cursor = last_cursor + 1 WHERE %2 = ? RETURNING last_cursor")
            .arg(t.counters, t.key);
    auto last = m_db.exec(bump, {window});
    if (!last)
        return last.error();
    if (!last.value().next()) {
        auto made = m_db.exec(QStringLiteral("INSERT INTO %1 (%2, last_cursor) VALUES (?, 0)"
                                             " ON CONFLICT (%2) DO NOTHING")
                                  .arg(t.counters, t.key),
            {window});
        if (!made)
            return made.error();
        last = m_db.exec(bump, {window});
        if (!last)
            return last.error();
        if (!last.value().next())
            return QStringLiteral("The event counter of window %1 is missing.").arg(window);
    }
    const qint64 cursor = last.value().value(0).toLongLong();
    auto put = m_db.exec(QStringLiteral("INSERT INTO %1 (%2, cursor_no, type, case_id, item_id, at,"
                                        " data) VALUES (?, ?, ?, ?, ?, ?, ?)")
                             .arg(t.events, t.key),
        QVariantList {window, cursor} + row);
    if (!put)
        return put.error();
    m_pending.insert(window);
    return QString();
}

void EventLog::publish()
{
    const QSet<QString> windows = std::exchange(m_pending, {});
    if (m_db.dialect() != Database::Dialect::Postgres) {
        for (const QString &w : windows)
            Q_EMIT appended(w);
        return;
    }
    // A window's events are numbered before the writer answers (its client reads them back
    // at once); a hall's may be numbered after the answer (deferred), by whoever numbers next.
    for (const QString &key : windows) {
        if (m_deferred && key.startsWith(QLatin1String(kHallPrefix))) {
            m_unnumbered.insert(key);
            continue;
        }
        auto numbered = number(key);
        if (!numbered)
            std::fprintf(stderr, "onewindow-backoffice: numbering events: %s\n", qPrintable(numbered.error()));
    }
}

void EventLog::numberAll(const QSet<QString> &keys)
{
    for (const QString &key : keys) {
        auto numbered = number(key);
        // Left unnumbered: the next numbering of the key or the sweep numbers it.
        if (!numbered)
            std::fprintf(stderr, "onewindow-backoffice: numbering events: %s\n", qPrintable(numbered.error()));
    }
}

Result<int> EventLog::number(const QString &key)
{
    if (m_db.dialect() != Database::Dialect::Postgres || m_neverNumber)
        return 0;
    const Tables t = tables(key);
    int total = 0;
    // Until no committed event of the key is left unnumbered: a numbering that found the counter
    // row locked leaves its events to the holder, who looks again here after its commit (the
    // events committed before that attempt, so before the holder's look).
    for (;;) {
        // Most often a concurrent writer's numbering took this key's events too (one numbering
        // for many calls): then nothing to lock, nothing to commit.
        auto waiting = m_db.exec(
            QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ? AND cursor_no IS NULL LIMIT 1").arg(t.events, t.key), {key});
        if (!waiting)
            return Result<int>::failure(waiting.error());
        if (!waiting.value().next())
            return total;
        waiting.value().finish();
        int numbered = 0;
        for (int attempt = 1;; ++attempt) {
            if (!m_db.begin())
                return Result<int>::failure(m_db.lastError());
            auto done = numberLocked(t, key);
            if (done && done.value() < 0) {
                m_db.rollback(); // another numbering holds the key: it looks again after its commit
                return total;
            }
            // Durable (synchronous commit): a numbering lost in a crash would give its cursors again.
            if (done && m_db.commit()) {
                numbered = done.value();
                break;
            }
            const bool again = m_db.lastErrorRetryable() && attempt < kNumberingAttempts;
            const QString why = done ? m_db.lastError() : done.error();
            m_db.rollback();
            if (!again)
                return Result<int>::failure(why);
        }
        if (numbered > 0)
            tell(key);
        total += numbered;
    }
}

Result<int> EventLog::numberLocked(const Tables &t, const QString &key)
{
    // The counter row's lock orders the numberings of a key; each statement after it sees every
    // numbering committed before (READ COMMITTED: a snapshot per statement). A hall's numbering
    // does not wait for it (-1 when another numbering holds it: that one numbers these events
    // after its commit); a window's waits, so that its writer's events are numbered when it
    // answers (its client reads them back at once).
    const bool skip = key.startsWith(QLatin1String(kHallPrefix));
    auto last = m_db.exec(QStringLiteral("SELECT last_cursor FROM %1 WHERE %2 = ? FOR UPDATE%3")
                              .arg(t.counters, t.key, skip ? QStringLiteral(" SKIP LOCKED") : QString()),
        {key});
    if (!last)
        return Result<int>::failure(last.error());
    if (!last.value().next()) {
        last.value().finish();
        auto exists = m_db.exec(QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ?").arg(t.counters, t.key), {key});
        if (!exists)
            return Result<int>::failure(exists.error());
        if (exists.value().next() && skip)
            return -1;
        // The key's first event: its counter row (a concurrent first insert is waited for).
        auto made = m_db.exec(QStringLiteral("INSERT INTO %1 (%2, last_cursor) VALUES (?, 0)"
                                             " ON CONFLICT (%2) DO NOTHING")
                                  .arg(t.counters, t.key),
            {key});
        if (!made)
            return Result<int>::failure(made.error());
        last = m_db.exec(
            QStringLiteral("SELECT last_cursor FROM %1 WHERE %2 = ? FOR UPDATE").arg(t.counters, t.key), {key});
        if (!last)
            return Result<int>::failure(last.error());
        if (!last.value().next())
            return Result<int>::failure(QStringLiteral("The event counter of %1 is missing.").arg(key));
    }
    const qint64 from = last.value().value(0).toLongLong();
    last.value().finish();
    // Every event of the key committed so far, in the order of their ids.
    auto set = m_db.exec(QStringLiteral("WITH s AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM %1"
                                        " WHERE %2 = ? AND cursor_no IS NULL)"
                                        " UPDATE %1 SET cursor_no = ? + s.rn FROM s WHERE %1.id = s.id")
                             .arg(t.events, t.key),
        {key, from});
    if (!set)
        return Result<int>::failure(set.error());
    const int count = set.value().numRowsAffected();
    if (count <= 0)
        return 0;
    auto bumped = m_db.exec(
        QStringLiteral("UPDATE %1 SET last_cursor = ? WHERE %2 = ?").arg(t.counters, t.key), {from + count, key});
    if (!bumped)
        return Result<int>::failure(bumped.error());
    return count;
}

void EventLog::tell(const QString &key)
{
    // Every instance's EventWaiters hears of it (LISTEN). Its own transaction, not flushed before
    // the answer (synchronous_commit off for it alone): NOTIFY's commit takes a lock on the
    // database that would otherwise be held through a WAL flush. A lost hint is covered: the
    // listeners read again after a reconnect, and this instance is told below.
    auto told = m_db.exec(
        QStringLiteral("SELECT set_config('synchronous_commit', 'off', true), pg_notify('ow_events', ?)"), {key});
    if (!told)
        std::fprintf(stderr, "onewindow-backoffice: event notification: %s\n", qPrintable(told.error()));
    Q_EMIT appended(key);
}

Result<int> EventLog::sweep()
{
    if (m_db.dialect() != Database::Dialect::Postgres || m_neverNumber)
        return 0;
    QStringList keys;
    for (const Tables &t : {tables(QLatin1String(kHallPrefix)), tables(QString())}) {
        auto q = m_db.exec(QStringLiteral("SELECT DISTINCT %1 FROM %2 WHERE cursor_no IS NULL").arg(t.key, t.events));
        if (!q)
            return Result<int>::failure(q.error());
        while (q.value().next())
            keys.append(q.value().value(0).toString());
    }
    int total = 0;
    for (const QString &key : keys) {
        auto numbered = number(key);
        if (!numbered)
            return numbered;
        total += numbered.value();
    }
    return total;
}

ApiResult<QJsonObject> EventLog::read(const QString &window, qint64 after, int limit)
{
    const Tables t = tables(window);
    auto q = m_db.exec(QStringLiteral("SELECT cursor_no, type, case_id, at, item_id, data FROM %1"
                                      " WHERE %2 = ? AND cursor_no > ? ORDER BY cursor_no LIMIT ?")
                           .arg(t.events, t.key),
        {window, after, limit}); // cursor_no > after: numbered rows only
    if (!q)
        return ApiReply::storage(q.error());
    QJsonArray events;
    qint64 cursor = after;
    while (q.value().next()) {
        cursor = q.value().value(0).toLongLong();
        const QVariant item = q.value().value(4);
        events.append(
            QJsonObject {{QStringLiteral("cursor"), cursor}, {QStringLiteral("type"), q.value().value(1).toString()},
                {QStringLiteral("case"), q.value().value(2).toString()},
                {QStringLiteral("at"), q.value().value(3).toString()},
                {QStringLiteral("item"), item.isNull() ? QJsonValue() : QJsonValue(item.toString())},
                {QStringLiteral("data"), QJsonDocument::fromJson(q.value().value(5).toString().toUtf8()).object()}});
    }
    return QJsonObject {{QStringLiteral("events"), events}, {QStringLiteral("cursor"), cursor}};
}

} // namespace ow::backoffice
