#include "onewindow/backoffice/EventLog.h"

#include "onewindow/backoffice/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

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

QString EventLog::append(
    const QString &window, const QString &type, const QString &caseId, const QString &itemId, const QJsonObject &data)
{
    const Tables t = tables(window);
    // The guarded bump of the window's counter row, the new cursor returned in the same round trip
    // (RETURNING: PostgreSQL, SQLite ≥ 3.35). Its first event makes the row (ON CONFLICT DO
    // NOTHING runs on both alike, and waits for a concurrent first insert), then bumps again.
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
        {window, cursor, type, caseId, itemId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(itemId),
            isoUtc(m_clock()), QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact))});
    if (!put)
        return put.error();
    // PostgreSQL: every instance's EventWaiters hears of it once the transaction commits (and
    // never if it rolls back).
    if (m_db.dialect() == Database::Dialect::Postgres) {
        auto told = m_db.exec(QStringLiteral("SELECT pg_notify('ow_events', ?)"), {window});
        if (!told)
            return told.error();
    }
    m_pending.insert(window);
    return QString();
}

void EventLog::publish()
{
    const QSet<QString> windows = std::exchange(m_pending, {});
    for (const QString &w : windows)
        Q_EMIT appended(w);
}

ApiResult<QJsonObject> EventLog::read(const QString &window, qint64 after, int limit)
{
    const Tables t = tables(window);
    auto q = m_db.exec(QStringLiteral("SELECT cursor_no, type, case_id, at, item_id, data FROM %1"
                                      " WHERE %2 = ? AND cursor_no > ? ORDER BY cursor_no LIMIT ?")
                           .arg(t.events, t.key),
        {window, after, limit});
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
