#include "onewindow/backoffice/Handouts.h"

#include "onewindow/backoffice/Catalogues.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/Ratings.h"
#include "onewindow/backoffice/Sealer.h"

#include "onewindow/core/WorkCalendar.h"

#include <QJsonDocument>
#include <QSet>

namespace ow::backoffice {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// "" for a field a hand-out has not (a NOT NULL column): a null QString binds as NULL.
QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

Handouts::Handouts(Database &db, const Sealer &sealer, Catalogues &catalogues, Clock clock)
    : m_db(db)
    , m_sealer(sealer)
    , m_catalogues(catalogues)
    , m_clock(std::move(clock))
    , m_stats(db)
{ }

QString Handouts::supplementRequested(
    const QString &caseId, const QString &itemId, const QString &what, int days, QJsonObject *eventData)
{
    auto calendar = m_catalogues.workCalendar();
    if (!calendar)
        return calendar.error();
    const QDateTime now = m_clock();
    // The service centre's day (UTC+8) is the day the request was made.
    const QDate today = now.toOffsetFromUtc(8 * 3600).date();
    const QDate due = calendar->addWorkingDays(today, days);
    const QString task = QStringLiteral("item:") + itemId;
    auto q = m_db.exec(QStringLiteral("INSERT INTO case_tasks (case_id, task, item_id, bring, due_date, opened_at)"
                                      " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, task) DO UPDATE SET"
                                      " bring = excluded.bring, due_date = excluded.due_date,"
                                      " opened_at = excluded.opened_at, done_seq = NULL, done_at = NULL"),
        {caseId, task, itemId, what, due.toString(Qt::ISODate), isoUtc(now)});
    if (!q)
        return q.error();
    const QString counted = m_stats.supplementRequested(caseId, task, what, due.toString(Qt::ISODate));
    if (!counted.isEmpty())
        return counted;
    eventData->insert(QStringLiteral("task"), task);
    eventData->insert(QStringLiteral("bring"), what);
    eventData->insert(QStringLiteral("dueBy"), due.toString(Qt::ISODate));
    eventData->insert(QStringLiteral("days"), days);
    return {};
}

bool Handouts::follows(const QString &kind)
{
    static const QStringList kinds {QStringLiteral("supplemented"), QStringLiteral("handedOut"),
        QStringLiteral("dispatched"), QStringLiteral("rated"), QStringLiteral("decided"), QStringLiteral("reopened"),
        QStringLiteral("visit")};
    return kinds.contains(kind);
}

QString Handouts::entriesApplied(const QString &caseId, const QString &window, int fromSeq, int toSeq)
{
    auto rows = m_db.exec(QStringLiteral("SELECT seq, kind, content FROM case_entries WHERE case_id = ? AND seq > ?"
                                         " AND seq <= ? AND kind IN ('supplemented', 'handedOut', 'dispatched',"
                                         " 'rated', 'decided', 'reopened', 'visit') ORDER BY seq"),
        {caseId, fromSeq, toSeq});
    if (!rows)
        return rows.error();
    QList<std::tuple<int, QString, QString>> found;
    while (rows.value().next())
        found.append(
            {rows.value().value(0).toInt(), rows.value().value(1).toString(), rows.value().value(2).toString()});
    for (const auto &[seq, kind, content] : std::as_const(found)) {
        auto entry = m_sealer.openEntry(caseId, seq, content);
        if (!entry)
            return entry.error();
        // The supervisor's overview counts decisions, visits and supplements (SupervisorStats).
        QString why = m_stats.caseEntry(caseId, seq, window, entry.value());
        if (!why.isEmpty())
            return why;
        if (kind == QLatin1String("decided") || kind == QLatin1String("reopened") || kind == QLatin1String("visit"))
            continue;
        if (kind == QLatin1String("supplemented"))
            why = applySupplement(caseId, seq, entry.value());
        else if (kind == QLatin1String("rated"))
            why = m_ratings ? m_ratings->rated(caseId, seq, window, entry.value()) : QString();
        else
            why = applyHandout(caseId, seq, entry.value());
        if (!why.isEmpty())
            return why;
    }
    return {};
}

QString Handouts::applySupplement(const QString &caseId, int seq, const QJsonObject &entry)
{
    const QJsonObject p = entry.value(QLatin1String("payload")).toObject();
    const QString task = text(p, "task");
    const QString at = text(entry, "at");
    const QJsonObject brought {{QStringLiteral("seq"), seq}, {QStringLiteral("at"), at}, {QStringLiteral("task"), task},
        {QStringLiteral("materials"), p.value(QLatin1String("materials"))}};
    // The task is done (a 容缺 line has no row until now: it is the decided document's).
    auto done = m_db.exec(QStringLiteral("UPDATE case_tasks SET done_seq = ?, done_at = ? WHERE case_id = ? AND"
                                         " task = ? AND done_seq IS NULL"),
        {seq, at, caseId, task});
    if (!done)
        return done.error();
    if (task.startsWith(QLatin1String("tolerated:")) && done.value().numRowsAffected() == 0) {
        auto made = m_db.exec(QStringLiteral("INSERT INTO case_tasks (case_id, task, item_id, bring, due_date,"
                                             " opened_at, done_seq, done_at) VALUES (?, ?, NULL, ?, '', ?, ?, ?)"
                                             " ON CONFLICT (case_id, task) DO NOTHING"),
            {caseId, task, task.mid(10), at, seq, at});
        if (!made)
            return made.error();
    }
    // Which items see it: the requesting item, or every item of the case for a 容缺 line.
    QString sql = QStringLiteral("SELECT item_id, state, supplements FROM items WHERE case_id = ?");
    QVariantList binds {caseId};
    if (task.startsWith(QLatin1String("item:"))) {
        sql += QStringLiteral(" AND item_id = ?");
        binds.append(task.mid(5));
    }
    auto items = m_db.exec(sql, binds);
    if (!items)
        return items.error();
    QList<std::tuple<QString, QString, QString>> rows;
    while (items.value().next())
        rows.append(
            {items.value().value(0).toString(), items.value().value(1).toString(), items.value().value(2).toString()});
    const QString now = isoUtc(m_clock());
    for (const auto &[itemId, state, supplements] : std::as_const(rows)) {
        QJsonArray list = QJsonDocument::fromJson(supplements.toUtf8()).array();
        bool seen = false;
        for (const QJsonValue &v : std::as_const(list))
            seen = seen || v.toObject().value(QLatin1String("seq")).toInt() == seq;
        if (seen)
            continue;
        list.append(brought);
        // A department's request answered: back to the department, to be decided again.
        const bool answered = task == QLatin1String("item:") + itemId && state == QLatin1String("supplement");
        auto put = m_db.exec(QStringLiteral("UPDATE items SET supplements = ?, state = ?, updated_at = ?"
                                            " WHERE item_id = ?"),
            {QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)),
                answered ? QStringLiteral("routed") : state, now, itemId});
        if (!put)
            return put.error();
    }
    return {};
}

QString Handouts::applyHandout(const QString &caseId, int seq, const QJsonObject &entry)
{
    const QString kind = text(entry, "kind");
    const QJsonObject p = entry.value(QLatin1String("payload")).toObject();
    const QString at = text(entry, "at");
    auto made = m_db.exec(QStringLiteral("INSERT INTO case_handouts (case_id, kind, seq, at, carrier, tracking)"
                                         " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING"),
        {caseId, kind, seq, at, notNull(text(p, "carrier")), notNull(text(p, "tracking"))});
    if (!made)
        return made.error();
    for (const QJsonValue &v : p.value(QLatin1String("items")).toArray()) {
        const QString itemId = text(v.toObject(), "item");
        auto given = m_db.exec(QStringLiteral("UPDATE items SET handed_out = ?, handed_out_at = ?, updated_at = ?"
                                              " WHERE case_id = ? AND item_id = ? AND handed_out IS NULL"
                                              " AND state IN ('ready', 'rejected')"),
            {kind, at, isoUtc(m_clock()), caseId, itemId});
        if (!given)
            return given.error();
    }
    return {};
}

ApiResult<QJsonObject> Handouts::progress(const QString &caseId)
{
    // Visits: the "visit" entries (first, return, supplement until the result; pickup beside it);
    // a log without them (an older window) counts its first visit and each return ("reopened").
    auto rows = m_db.exec(QStringLiteral("SELECT seq, kind, content FROM case_entries WHERE case_id = ? AND"
                                         " applied_at IS NOT NULL AND kind IN ('visit', 'reopened', 'decided')"
                                         " ORDER BY seq"),
        {caseId});
    if (!rows)
        return ApiReply::storage(rows.error());
    // The first visit (the acceptance) always; each return after a notice ("reopened", or the
    // window's "visit" return entries, whichever says more); each supplement brought in person.
    int returns = 0;
    int visitReturns = 0;
    int supplements = 0;
    int pickup = 0;
    QJsonObject lastDecided;
    QList<std::tuple<int, QString, QString>> found;
    while (rows.value().next())
        found.append(
            {rows.value().value(0).toInt(), rows.value().value(1).toString(), rows.value().value(2).toString()});
    for (const auto &[seq, kind, content] : std::as_const(found)) {
        if (kind == QLatin1String("reopened")) {
            ++returns;
            continue;
        }
        auto entry = m_sealer.openEntry(caseId, seq, content);
        if (!entry)
            return ApiReply::storage(entry.error());
        const QJsonObject p = entry.value().value(QLatin1String("payload")).toObject();
        if (kind == QLatin1String("decided")) {
            lastDecided = p;
            continue;
        }
        const QString why = text(p, "why");
        if (why == QLatin1String("pickup"))
            ++pickup;
        else if (why == QLatin1String("return"))
            ++visitReturns;
        else if (why == QLatin1String("supplement"))
            ++supplements;
    }
    const int untilResult = 1 + std::max(returns, visitReturns) + supplements;
    auto handout = m_db.exec(
        QStringLiteral("SELECT kind, seq, at, carrier, tracking FROM case_handouts WHERE case_id = ?"), {caseId});
    if (!handout)
        return ApiReply::storage(handout.error());
    QJsonValue handoutJson;
    bool dispatched = false;
    if (handout.value().next()) {
        dispatched = handout.value().value(0).toString() == QLatin1String("dispatched");
        handoutJson = QJsonObject {{QStringLiteral("kind"), handout.value().value(0).toString()},
            {QStringLiteral("seq"), handout.value().value(1).toInt()},
            {QStringLiteral("at"), handout.value().value(2).toString()},
            {QStringLiteral("carrier"), handout.value().value(3).toString()},
            {QStringLiteral("tracking"), handout.value().value(4).toString()}};
    }
    const QJsonObject visits {{QStringLiteral("untilResult"), untilResult}, {QStringLiteral("pickup"), pickup},
        {QStringLiteral("dispatched"), dispatched}, {QStringLiteral("atMostOnce"), untilResult <= 1}};

    // Tasks: the departments' requests and the 容缺 lines of the last decided document.
    const QDate today = m_clock().toOffsetFromUtc(8 * 3600).date();
    QJsonArray tasks;
    QSet<QString> listed;
    auto t = m_db.exec(QStringLiteral("SELECT task, item_id, bring, due_date, done_seq, done_at FROM case_tasks"
                                      " WHERE case_id = ? ORDER BY opened_at, task"),
        {caseId});
    if (!t)
        return ApiReply::storage(t.error());
    QHash<QString, QJsonObject> doneTolerated;
    while (t.value().next()) {
        const QString task = t.value().value(0).toString();
        const bool done = !t.value().value(4).isNull();
        const QDate due = QDate::fromString(t.value().value(3).toString(), Qt::ISODate);
        QJsonObject o {{QStringLiteral("task"), task},
            {QStringLiteral("kind"),
                task.startsWith(QLatin1String("item:")) ? QStringLiteral("supplement") : QStringLiteral("tolerated")},
            {QStringLiteral("item"), t.value().value(1).isNull() ? QJsonValue() : t.value().value(1).toString()},
            {QStringLiteral("bring"), t.value().value(2).toString()},
            {QStringLiteral("dueBy"), due.isValid() ? QJsonValue(due.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("done"), done},
            {QStringLiteral("doneSeq"), done ? QJsonValue(t.value().value(4).toInt()) : QJsonValue()},
            {QStringLiteral("overdue"), !done && due.isValid() && due < today}};
        if (task.startsWith(QLatin1String("tolerated:")))
            doneTolerated.insert(task, o);
        else
            tasks.append(o);
    }
    // The 容缺 lines: the materials the items were routed with as "tolerated" (Router), due by the
    // decided document's line of the same name.
    QHash<QString, QDate> dueByName;
    for (const QJsonValue &v :
        lastDecided.value(QLatin1String("document")).toObject().value(QLatin1String("missing")).toArray()) {
        const QJsonObject m = v.toObject();
        if (m.value(QLatin1String("tolerable")).toBool())
            dueByName.insert(text(m, "material"), QDate::fromString(text(m, "supplementBy"), Qt::ISODate));
    }
    auto routed = m_db.exec(QStringLiteral("SELECT materials FROM items WHERE case_id = ? ORDER BY matter"), {caseId});
    if (!routed)
        return ApiReply::storage(routed.error());
    while (routed.value().next()) {
        for (const QJsonValue &v : QJsonDocument::fromJson(routed.value().value(0).toString().toUtf8()).array()) {
            const QJsonObject m = v.toObject();
            if (text(m, "status") != QLatin1String("tolerated"))
                continue;
            const QString task = QStringLiteral("tolerated:") + text(m, "material");
            if (listed.contains(task))
                continue;
            listed.insert(task);
            const QDate due = dueByName.value(text(m, "name"));
            QJsonObject o = doneTolerated.value(task);
            const bool done = o.value(QLatin1String("done")).toBool();
            o.insert(QStringLiteral("task"), task);
            o.insert(QStringLiteral("kind"), QStringLiteral("tolerated"));
            o.insert(QStringLiteral("item"), QJsonValue());
            o.insert(QStringLiteral("bring"), text(m, "name"));
            o.insert(QStringLiteral("dueBy"), due.isValid() ? QJsonValue(due.toString(Qt::ISODate)) : QJsonValue());
            o.insert(QStringLiteral("done"), done);
            if (!o.contains(QLatin1String("doneSeq")))
                o.insert(QStringLiteral("doneSeq"), QJsonValue());
            o.insert(QStringLiteral("overdue"), !done && due.isValid() && due < today);
            tasks.append(o);
        }
    }

    auto items = m_db.exec(QStringLiteral("SELECT item_id, matter, name, department, state, reason, what,"
                                          " handed_out, handed_out_at, supplements FROM items WHERE case_id = ?"
                                          " ORDER BY matter"),
        {caseId});
    if (!items)
        return ApiReply::storage(items.error());
    QJsonArray itemArray;
    const auto orNull = [](const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toString()); };
    while (items.value().next()) {
        const QSqlQuery &q = items.value();
        itemArray.append(QJsonObject {{QStringLiteral("item"), q.value(0).toString()},
            {QStringLiteral("matter"), q.value(1).toString()}, {QStringLiteral("name"), q.value(2).toString()},
            {QStringLiteral("department"), q.value(3).toString()}, {QStringLiteral("state"), q.value(4).toString()},
            {QStringLiteral("reason"), orNull(q.value(5))}, {QStringLiteral("what"), orNull(q.value(6))},
            {QStringLiteral("handedOut"), orNull(q.value(7))}, {QStringLiteral("handedOutAt"), orNull(q.value(8))},
            {QStringLiteral("supplements"), QJsonDocument::fromJson(q.value(9).toString().toUtf8()).array().size()}});
    }
    return QJsonObject {{QStringLiteral("visits"), visits}, {QStringLiteral("tasks"), tasks},
        {QStringLiteral("items"), itemArray}, {QStringLiteral("handout"), handoutJson}};
}

} // namespace ow::backoffice
