#include "onewindow/backoffice/EventLog.h"

#include "onewindow/backoffice/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace ow::backoffice {

EventLog::EventLog(Database &db, Clock clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(std::move(clock))
{ }

EventLog::Tables EventLog::tables(const QString &key)
{
    if (key.startsWith(QLatin1String(kHallPrefix)))
        return {QStringLiteral("hall_event_counters"), QStringLiteral("hall_events"), QStringLiteral("hall_key")};
    return {QStringLiteral("window_events"), QStringLiteral("events"), QStringLiteral("window_key_id")};
}

QString EventLog::finalBelowSql()
{
    // Every transaction below the snapshot's xmin has ended; pg_current_snapshot() is the snapshot
    // the statement reads with.
    return QStringLiteral("pg_snapshot_xmin(pg_current_snapshot())::text::bigint * %1").arg(kTransactionSpan);
}

QString EventLog::append(
    const QString &window, const QString &type, const QString &caseId, const QString &itemId, const QJsonObject &data)
{
    const Tables t = tables(window);
    const QVariant item = itemId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(itemId);
    const QString at = isoUtc(m_clock());
    const QString json = QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
    if (m_db.dialect() == Database::Dialect::Postgres) {
        // The cursor from the transaction's id (taken by its first write, so never a wait), ranked
        // after this transaction's earlier events of the key: one statement, no shared row.
        auto put = m_db.exec(
            QStringLiteral("INSERT INTO %1 (%2, cursor_no, type, case_id, item_id, at, data)"
                           " SELECT ?, n.c, ?, ?, ?, ?, ? FROM (SELECT COALESCE((SELECT MAX(cursor_no) + 1 FROM %1"
                           " WHERE %2 = ? AND cursor_no >= x.base AND cursor_no < x.base + %3), x.base) AS c,"
                           " x.base FROM (SELECT pg_current_xact_id()::text::bigint * %3 AS base) x) n"
                           " WHERE n.c < n.base + %3")
                .arg(t.events, t.key)
                .arg(kTransactionSpan),
            {window, type, caseId, item, at, json, window});
        if (!put)
            return put.error();
        if (put.value().numRowsAffected() != 1)
            return QStringLiteral("More than %1 events of %2 in one transaction.").arg(kTransactionSpan).arg(window);
        m_pending.insert(window);
        return QString();
    }
    // SQLite: the guarded bump of the window's counter row, the new cursor returned in the same
    // round trip (RETURNING, SQLite ≥ 3.35). Its first event makes the row, then bumps again.
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
        {window, cursor, type, caseId, item, at, json});
    if (!put)
        return put.error();
    m_pending.insert(window);
    return QString();
}

void EventLog::publish()
{
    const QSet<QString> windows = std::exchange(m_pending, {});
    if (windows.isEmpty())
        return;
    if (m_db.dialect() == Database::Dialect::Postgres) {
        // Every instance's EventWaiters hears of it. A statement of its own (the caller's
        // transaction has ended), committed without waiting for the disk (a lost wake-up costs a
        // reread, nothing else), so the database's notification lock is never held across a flush.
        const QString sql =
            QStringLiteral("SELECT set_config('synchronous_commit', 'off', true), pg_notify('ow_events', ?)");
        for (const QString &w : windows) {
            auto told = m_db.exec(sql, {w});
            if (!told)
                std::fprintf(stderr, "onewindow-backoffice: could not notify the other instances of an event: %s\n",
                    qPrintable(told.error()));
        }
    }
    for (const QString &w : windows)
        Q_EMIT appended(w);
}

ApiResult<QJsonObject> EventLog::read(const QString &window, qint64 after, int limit, bool *pending)
{
    const Tables t = tables(window);
    const bool postgres = m_db.dialect() == Database::Dialect::Postgres;
    auto q = m_db.exec(QStringLiteral("SELECT cursor_no, type, case_id, at, item_id, data, %3 FROM %1"
                                      " WHERE %2 = ? AND cursor_no > ? ORDER BY cursor_no LIMIT ?")
                           .arg(t.events, t.key,
                               postgres ? QStringLiteral("cursor_no < ") + finalBelowSql() : QStringLiteral("1 = 1")),
        {window, after, limit});
    if (!q)
        return ApiReply::storage(q.error());
    if (pending)
        *pending = false;
    QJsonArray events;
    qint64 cursor = after;
    while (q.value().next()) {
        if (!q.value().value(6).toBool()) {
            // Committed after an older transaction that is still open (PostgreSQL): it and what
            // follows wait until that one ends, so that nothing is read out of order.
            if (pending)
                *pending = true;
            break;
        }
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
