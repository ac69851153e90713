#include "onewindow/backoffice/SupervisorStats.h"

#include "onewindow/backoffice/Clock.h"
#include "onewindow/backoffice/Database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace ow::backoffice {

namespace {

constexpr int kCentreUtcOffset = 8 * 3600;

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// "" for a NOT NULL text column: a null QString binds as NULL.
QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

SupervisorStats::SupervisorStats(Database &db)
    : m_db(db)
{ }

QString SupervisorStats::centreDay(const QDateTime &at)
{
    return at.toOffsetFromUtc(kCentreUtcOffset).date().toString(Qt::ISODate);
}

QString SupervisorStats::ticketEvent(const QString &ticketId, const QString &kind, const QDateTime &at,
    const QString &window, const QString &clerk, const QDateTime &knownQueuedAt)
{
    if (kind == QLatin1String("called")) {
        QDateTime queuedAt = knownQueuedAt;
        if (!queuedAt.isValid()) {
            auto queued = m_db.exec(QStringLiteral("SELECT queued_at FROM tickets WHERE id = ?"), {ticketId});
            if (!queued)
                return queued.error();
            if (!queued.value().next())
                return QStringLiteral("ticket %1 is not stored").arg(ticketId);
            queuedAt = QDateTime::fromString(queued.value().value(0).toString(), Qt::ISODateWithMs);
        }
        const qint64 wait = std::max<qint64>(0, queuedAt.secsTo(at));
        // The first call counts: a recall or a call at another window after a transfer does not.
        auto put = m_db.exec(QStringLiteral("INSERT INTO sv_tickets (ticket_id, window_key_id, clerk, day, called_at,"
                                            " wait_seconds) VALUES (?, ?, ?, ?, ?, ?)"
                                            " ON CONFLICT (ticket_id) DO NOTHING"),
            {ticketId, notNull(window), notNull(clerk), centreDay(at), isoUtc(at), wait});
        return put ? QString() : put.error();
    }
    if (kind == QLatin1String("served")) {
        auto put =
            m_db.exec(QStringLiteral("UPDATE sv_tickets SET served_at = ? WHERE ticket_id = ? AND served_at IS NULL"),
                {isoUtc(at), ticketId});
        return put ? QString() : put.error();
    }
    if (kind == QLatin1String("done")) {
        auto served = m_db.exec(QStringLiteral("SELECT served_at FROM sv_tickets WHERE ticket_id = ?"), {ticketId});
        if (!served)
            return served.error();
        if (!served.value().next() || served.value().value(0).isNull())
            return {}; // done without being served (a station's push of an odd log): no handling time
        const QDateTime servedAt = QDateTime::fromString(served.value().value(0).toString(), Qt::ISODateWithMs);
        auto put = m_db.exec(QStringLiteral("UPDATE sv_tickets SET handling_seconds = ? WHERE ticket_id = ?"
                                            " AND handling_seconds IS NULL"),
            {std::max<qint64>(0, servedAt.secsTo(at)), ticketId});
        return put ? QString() : put.error();
    }
    return {};
}

QString SupervisorStats::caseEntry(const QString &caseId, int seq, const QString &window, const QJsonObject &entry)
{
    const QString kind = text(entry, "kind");
    const QJsonObject p = entry.value(QLatin1String("payload")).toObject();
    if (kind == QLatin1String("decided"))
        return decided(caseId, seq, window, entry);
    if (kind == QLatin1String("reopened"))
        return countVisit(caseId, window, "returns");
    if (kind == QLatin1String("visit")) {
        const QString why = text(p, "why");
        if (why == QLatin1String("return"))
            return countVisit(caseId, window, "visit_returns");
        if (why == QLatin1String("supplement"))
            return countVisit(caseId, window, "supplements");
        return {};
    }
    if (kind == QLatin1String("supplemented")) {
        auto done = m_db.exec(
            QStringLiteral("UPDATE sv_tasks SET done = 1 WHERE case_id = ? AND task = ?"), {caseId, text(p, "task")});
        return done ? QString() : done.error();
    }
    return {};
}

QString SupervisorStats::countVisit(const QString &caseId, const QString &window, const char *column)
{
    const QString c = QString::fromLatin1(column);
    auto put = m_db.exec(QStringLiteral("INSERT INTO sv_cases (case_id, window_key_id, clerk, result_day, returns,"
                                        " visit_returns, supplements) VALUES (?, ?, '', NULL, ?, ?, ?)"
                                        " ON CONFLICT (case_id) DO UPDATE SET %1 = sv_cases.%1 + 1")
                             .arg(c),
        {caseId, window, int(c == QLatin1String("returns")), int(c == QLatin1String("visit_returns")),
            int(c == QLatin1String("supplements"))});
    return put ? QString() : put.error();
}

QString SupervisorStats::decided(const QString &caseId, int seq, const QString &window, const QJsonObject &entry)
{
    const QJsonObject p = entry.value(QLatin1String("payload")).toObject();
    const QString decision = text(p, "decision");
    const QString clerk = notNull(text(entry, "clerk"));
    const QString day = centreDay(QDateTime::fromString(text(entry, "at"), Qt::ISODateWithMs));
    auto put = m_db.exec(QStringLiteral("INSERT INTO sv_decisions (case_id, seq, window_key_id, clerk, day, decision)"
                                        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, seq) DO NOTHING"),
        {caseId, seq, window, clerk, day, decision});
    if (!put)
        return put.error();
    if (decision == QLatin1String("notice"))
        return {};
    // The result: the first accept, accepttolerated or refuse dates the case and names its clerk.
    auto result = m_db.exec(QStringLiteral("INSERT INTO sv_cases (case_id, window_key_id, clerk, result_day, returns,"
                                           " visit_returns, supplements) VALUES (?, ?, ?, ?, 0, 0, 0)"
                                           " ON CONFLICT (case_id) DO UPDATE SET"
                                           " clerk = CASE WHEN sv_cases.result_day IS NULL THEN excluded.clerk"
                                           " ELSE sv_cases.clerk END,"
                                           " result_day = COALESCE(sv_cases.result_day, excluded.result_day)"),
        {caseId, window, clerk, day});
    if (!result)
        return result.error();
    if (decision != QLatin1String("accepttolerated"))
        return {};
    // The 容缺 lines: the materials the items were routed with as "tolerated" (Router ran just
    // before, in this transaction), due by the decided document's line of the same name.
    QHash<QString, QString> dueByName;
    for (const QJsonValue &v :
        p.value(QLatin1String("document")).toObject().value(QLatin1String("missing")).toArray()) {
        const QJsonObject m = v.toObject();
        if (m.value(QLatin1String("tolerable")).toBool())
            dueByName.insert(text(m, "material"), text(m, "supplementBy"));
    }
    auto items = m_db.exec(QStringLiteral("SELECT materials FROM items WHERE case_id = ?"), {caseId});
    if (!items)
        return items.error();
    QHash<QString, QString> tolerated; // task → name
    while (items.value().next()) {
        for (const QJsonValue &v : QJsonDocument::fromJson(items.value().value(0).toString().toUtf8()).array()) {
            const QJsonObject m = v.toObject();
            if (text(m, "status") == QLatin1String("tolerated"))
                tolerated.insert(QStringLiteral("tolerated:") + text(m, "material"), text(m, "name"));
        }
    }
    for (auto it = tolerated.cbegin(); it != tolerated.cend(); ++it) {
        const QString due = dueByName.value(it.value());
        if (due.isEmpty())
            continue;
        auto task = m_db.exec(QStringLiteral("INSERT INTO sv_tasks (case_id, task, window_key_id, kind, bring,"
                                             " due_date, done) VALUES (?, ?, ?, 'tolerated', ?, ?, 0)"
                                             " ON CONFLICT (case_id, task) DO NOTHING"),
            {caseId, it.key(), window, it.value(), due});
        if (!task)
            return task.error();
    }
    return {};
}

QString SupervisorStats::supplementRequested(
    const QString &caseId, const QString &task, const QString &bring, const QString &dueDate)
{
    auto put = m_db.exec(QStringLiteral("INSERT INTO sv_tasks (case_id, task, window_key_id, kind, bring, due_date,"
                                        " done) SELECT ?, ?, window_key_id, 'supplement', ?, ?, 0 FROM cases"
                                        " WHERE case_id = ? ON CONFLICT (case_id, task) DO UPDATE SET"
                                        " bring = excluded.bring, due_date = excluded.due_date, done = 0"),
        {caseId, task, bring, dueDate, caseId});
    return put ? QString() : put.error();
}

} // namespace ow::backoffice
