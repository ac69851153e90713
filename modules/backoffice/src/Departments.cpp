#include "onewindow/backoffice/Departments.h"

#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/EventLog.h"
#include "onewindow/backoffice/Handouts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace ow::backoffice {

namespace {

const QStringList &itemStates()
{
    static const QStringList all {QStringLiteral("routed"), QStringLiteral("supplement"), QStringLiteral("approved"),
        QStringLiteral("rejected"), QStringLiteral("ready")};
    return all;
}

const char kItemColumns[] =
    "SELECT item_id, case_id, window_key_id, matter, name, department, state, reason, what, routed_at,"
    " updated_at, case_number, applicant, promised_date, materials, supplements, handed_out FROM items";

QJsonValue orNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
}

// '' (an item routed before items kept it) is null.
QJsonValue textOrNull(const QVariant &v)
{
    return v.toString().isEmpty() ? QJsonValue() : QJsonValue(v.toString());
}

QJsonValue objectOrNull(const QVariant &v)
{
    const QJsonDocument doc = QJsonDocument::fromJson(v.toString().toUtf8());
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue();
}

QJsonObject rowJson(const QSqlQuery &q)
{
    return QJsonObject {{QStringLiteral("item"), q.value(0).toString()},
        {QStringLiteral("caseNumber"), textOrNull(q.value(11))},
        {QStringLiteral("applicant"), objectOrNull(q.value(12))},
        {QStringLiteral("promisedDate"), textOrNull(q.value(13))},
        {QStringLiteral("materials"), QJsonDocument::fromJson(q.value(14).toString().toUtf8()).array()},
        {QStringLiteral("case"), q.value(1).toString()}, {QStringLiteral("window"), q.value(2).toString()},
        {QStringLiteral("matter"), q.value(3).toString()}, {QStringLiteral("name"), q.value(4).toString()},
        {QStringLiteral("department"), q.value(5).toString()}, {QStringLiteral("state"), q.value(6).toString()},
        {QStringLiteral("reason"), orNull(q.value(7))}, {QStringLiteral("what"), orNull(q.value(8))},
        {QStringLiteral("routedAt"), q.value(9).toString()}, {QStringLiteral("updatedAt"), q.value(10).toString()},
        // What the window took in for a supplement request or a 容缺 line (Handouts), and whether
        // the result was handed out (handedOut) or sent (dispatched).
        {QStringLiteral("supplements"), QJsonDocument::fromJson(q.value(15).toString().toUtf8()).array()},
        {QStringLiteral("handedOut"), orNull(q.value(16))}};
}

ApiReply forbidden(const QString &why)
{
    return ApiReply::error(403, QStringLiteral("forbidden"), why);
}

} // namespace

Departments::Departments(Database &db, EventLog &events, Clock clock)
    : m_db(db)
    , m_events(events)
    , m_clock(std::move(clock))
{ }

Result<bool> Departments::add(const QString &code, const QString &name)
{
    using R = Result<bool>;
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,63}$"));
    const QString c = code.trimmed();
    if (!re.match(c).hasMatch())
        return R::failure(QStringLiteral("A department code is the catalogue's department id: 1–64 lower-case"
                                         " letters, digits, '_' or '-' (e.g. amr)."));
    if (name.trimmed().isEmpty() || name.trimmed().size() > 200)
        return R::failure(QStringLiteral("A department needs a name (up to 200 characters)."));
    if (exists(c))
        return R::failure(QStringLiteral("Department %1 already exists.").arg(c));
    auto q = m_db.exec(QStringLiteral("INSERT INTO departments (code, name, created_at) VALUES (?, ?, ?)"),
        {c, name.trimmed(), isoUtc(m_clock())});
    if (!q)
        return R::failure(q.error());
    return true;
}

bool Departments::exists(const QString &code)
{
    auto q = m_db.exec(QStringLiteral("SELECT 1 FROM departments WHERE code = ?"), {code.trimmed()});
    return q && q.value().next();
}

Result<bool> Departments::supervise(const QString &user, const QStringList &windows)
{
    using R = Result<bool>;
    for (const QString &w : windows) {
        auto known = m_db.exec(QStringLiteral("SELECT 1 FROM windows WHERE key_id = ?"), {w});
        if (!known)
            return R::failure(known.error());
        if (!known.value().next())
            return R::failure(QStringLiteral("There is no window %1 (add it with admin add-window).").arg(w));
    }
    for (const QString &w : windows) {
        auto q = m_db.exec(
            QStringLiteral("INSERT INTO supervised_windows (user_name, window_key_id) VALUES (?, ?)"), {user, w});
        if (!q)
            return R::failure(q.error());
    }
    return true;
}

bool Departments::mayReadWindow(const Principal &who, const QString &window)
{
    if (who.role == QLatin1String("admin"))
        return true;
    if (who.isWindowRole())
        return who.window == window;
    if (who.role != QLatin1String("supervisor"))
        return false;
    auto q = m_db.exec(QStringLiteral("SELECT 1 FROM supervised_windows WHERE user_name = ? AND window_key_id = ?"),
        {who.user, window});
    return q && q.value().next();
}

ApiReply Departments::items(const Principal &who, const QString &code, const QString &state)
{
    if (who.role != QLatin1String("department") || who.department != code)
        return forbidden(QStringLiteral("Only department %1's own users read its items.").arg(code));
    if (!state.isEmpty() && !itemStates().contains(state))
        return ApiReply::error(400, QStringLiteral("bad-request"),
            QStringLiteral("state is one of %1.").arg(itemStates().join(QStringLiteral(", "))));
    QString sql = QString::fromLatin1(kItemColumns) + QStringLiteral(" WHERE department = ?");
    QVariantList binds {code};
    if (!state.isEmpty()) {
        sql += QStringLiteral(" AND state = ?");
        binds.append(state);
    }
    auto q = m_db.exec(sql + QStringLiteral(" ORDER BY routed_at, case_id, matter"), binds);
    if (!q)
        return ApiReply::storage(q.error());
    QJsonArray all;
    while (q.value().next())
        all.append(rowJson(q.value()));
    return ApiReply::json(200, QJsonObject {{QStringLiteral("department"), code}, {QStringLiteral("items"), all}});
}

ApiResult<Departments::Item> Departments::ownItem(const Principal &who, const QString &itemId)
{
    if (who.role != QLatin1String("department"))
        return forbidden(QStringLiteral("Only a department records decisions, not a %1.").arg(who.role));
    auto q = m_db.exec(
        QStringLiteral("SELECT case_id, window_key_id, department, state FROM items WHERE item_id = ?"), {itemId});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next())
        return ApiReply::error(404, QStringLiteral("not-found"), QStringLiteral("There is no item %1.").arg(itemId));
    Item item {itemId, q.value().value(0).toString(), q.value().value(1).toString(), q.value().value(2).toString(),
        q.value().value(3).toString()};
    if (item.department != who.department)
        return forbidden(QStringLiteral("Item %1 is routed to another department.").arg(itemId));
    // Lock the case's routing row: two departments finishing a case's last items at once are
    // ordered, so the second sees the first's item and the hand-out is not missed.
    auto locked = m_db.exec(
        QStringLiteral("UPDATE case_routing SET updated_at = ? WHERE case_id = ?"), {isoUtc(m_clock()), item.caseId});
    if (!locked)
        return ApiReply::storage(locked.error());
    // Read the item again under the lock.
    auto again = m_db.exec(QStringLiteral("SELECT state FROM items WHERE item_id = ?"), {itemId});
    if (!again)
        return ApiReply::storage(again.error());
    if (again.value().next())
        item.state = again.value().value(0).toString();
    return item;
}

ApiResult<QJsonObject> Departments::itemJson(const QString &itemId)
{
    auto q = m_db.exec(QString::fromLatin1(kItemColumns) + QStringLiteral(" WHERE item_id = ?"), {itemId});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next())
        return ApiReply::error(404, QStringLiteral("not-found"), QStringLiteral("There is no item %1.").arg(itemId));
    return rowJson(q.value());
}

QString Departments::checkHandout(const QString &caseId, const QString &window)
{
    auto open = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM items WHERE case_id = ?"
                                         " AND state NOT IN ('ready', 'rejected')"),
        {caseId});
    if (!open)
        return open.error();
    if (!open.value().next() || open.value().value(0).toInt() != 0)
        return QString();
    // The guarded update makes the hand-out happen once, whoever finishes last.
    auto done = m_db.exec(QStringLiteral("UPDATE case_routing SET state = 'handout', updated_at = ?"
                                         " WHERE case_id = ? AND state = 'routed'"),
        {isoUtc(m_clock()), caseId});
    if (!done)
        return done.error();
    if (done.value().numRowsAffected() != 1)
        return QString();
    auto counts = m_db.exec(QStringLiteral("SELECT state, COUNT(*) FROM items WHERE case_id = ? GROUP BY state"
                                           " ORDER BY state"),
        {caseId});
    if (!counts)
        return counts.error();
    int ready = 0;
    int rejected = 0;
    while (counts.value().next())
        (counts.value().value(0).toString() == QLatin1String("ready") ? ready : rejected) +=
            counts.value().value(1).toInt();
    return m_events.append(window, QStringLiteral("handout"), caseId, QString(),
        QJsonObject {{QStringLiteral("ready"), ready}, {QStringLiteral("rejected"), rejected}});
}

ApiReply Departments::decide(const Principal &who, const QString &itemId, const QJsonObject &body)
{
    const QString outcome = body.value(QLatin1String("outcome")).toString();
    static const QStringList outcomes {
        QStringLiteral("approved"), QStringLiteral("rejected"), QStringLiteral("supplement")};
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != QLatin1String("outcome") && it.key() != QLatin1String("reason")
            && it.key() != QLatin1String("what") && it.key() != QLatin1String("days"))
            return ApiReply::error(
                400, QStringLiteral("bad-request"), QStringLiteral("Unknown field \"%1\".").arg(it.key()));
        if (it.key() == QLatin1String("days"))
            continue;
        if (!it.value().isString())
            return ApiReply::error(
                400, QStringLiteral("bad-request"), QStringLiteral("\"%1\" is a string.").arg(it.key()));
    }
    if (!outcomes.contains(outcome))
        return ApiReply::error(
            400, QStringLiteral("bad-request"), QStringLiteral("\"outcome\" is approved, rejected or supplement."));
    const QString reason = body.value(QLatin1String("reason")).toString().trimmed();
    const QString what = body.value(QLatin1String("what")).toString().trimmed();
    if (outcome == QLatin1String("rejected") && reason.isEmpty())
        return ApiReply::error(400, QStringLiteral("bad-request"), QStringLiteral("A rejection needs its \"reason\"."));
    if (outcome == QLatin1String("supplement") && what.isEmpty())
        return ApiReply::error(400, QStringLiteral("bad-request"),
            QStringLiteral("A request for supplement needs \"what\" is to be supplied."));
    // A supplement is due in working days (Handouts::kDefaultSupplementDays unless "days").
    const QJsonValue daysValue = body.value(QLatin1String("days"));
    const int days = daysValue.isUndefined() ? Handouts::kDefaultSupplementDays : daysValue.toInt(-1);
    if (!daysValue.isUndefined()
        && (outcome != QLatin1String("supplement") || !daysValue.isDouble() || days < 1
            || days > Handouts::kMaxSupplementDays || daysValue.toDouble() != days))
        return ApiReply::error(400, QStringLiteral("bad-request"),
            QStringLiteral("\"days\" (a supplement's working days) is a whole number from 1 to %1.")
                .arg(Handouts::kMaxSupplementDays));

    if (!m_db.begin())
        return ApiReply::storage(m_db.lastError());
    auto fail = [this](ApiReply r) {
        m_db.rollback();
        return r;
    };
    auto item = ownItem(who, itemId);
    if (!item)
        return fail(item.error);
    const QString from = item.value->state;
    if (from != QLatin1String("routed") && from != QLatin1String("supplement"))
        return fail(ApiReply::error(409, QStringLiteral("item-decided"),
            QStringLiteral("Item %1 is %2 already; only a new or supplemented item is decided.").arg(itemId, from)));
    auto moved = m_db.exec(QStringLiteral("UPDATE items SET state = ?, reason = ?, what = ?, updated_at = ?"
                                          " WHERE item_id = ? AND state = ?"),
        {outcome, reason.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(reason),
            what.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(what), isoUtc(m_clock()), itemId,
            from});
    if (!moved)
        return fail(ApiReply::storage(moved.error()));
    if (moved.value().numRowsAffected() != 1)
        return fail(ApiReply::error(
            409, QStringLiteral("item-decided"), QStringLiteral("Item %1 was decided meanwhile.").arg(itemId)));
    QJsonObject data {{QStringLiteral("department"), item.value->department}, {QStringLiteral("outcome"), outcome}};
    if (!reason.isEmpty())
        data.insert(QStringLiteral("reason"), reason);
    if (!what.isEmpty())
        data.insert(QStringLiteral("what"), what);
    // The supplement request becomes a task of the case at its window: {task, bring, dueBy}.
    if (outcome == QLatin1String("supplement") && m_handouts) {
        const QString task = m_handouts->supplementRequested(item.value->caseId, itemId, what, days, &data);
        if (!task.isEmpty())
            return fail(ApiReply::storage(task));
    }
    QString why = m_events.append(item.value->window, QStringLiteral("decided"), item.value->caseId, itemId, data);
    if (why.isEmpty() && outcome == QLatin1String("rejected"))
        why = checkHandout(item.value->caseId, item.value->window);
    if (!why.isEmpty())
        return fail(ApiReply::storage(why));
    auto json = itemJson(itemId);
    if (!json)
        return fail(json.error);
    if (!m_db.commit())
        return ApiReply::storage(m_db.lastError());
    m_events.publish();
    return ApiReply::json(200, *json.value);
}

ApiReply Departments::ready(const Principal &who, const QString &itemId)
{
    if (!m_db.begin())
        return ApiReply::storage(m_db.lastError());
    auto fail = [this](ApiReply r) {
        m_db.rollback();
        return r;
    };
    auto item = ownItem(who, itemId);
    if (!item)
        return fail(item.error);
    if (item.value->state != QLatin1String("approved"))
        return fail(ApiReply::error(409, QStringLiteral("item-not-approved"),
            QStringLiteral("Item %1 is %2; only an approved item's result is ready.").arg(itemId, item.value->state)));
    auto moved = m_db.exec(QStringLiteral("UPDATE items SET state = 'ready', updated_at = ? WHERE item_id = ?"
                                          " AND state = 'approved'"),
        {isoUtc(m_clock()), itemId});
    if (!moved)
        return fail(ApiReply::storage(moved.error()));
    if (moved.value().numRowsAffected() != 1)
        return fail(ApiReply::error(
            409, QStringLiteral("item-not-approved"), QStringLiteral("Item %1 changed meanwhile.").arg(itemId)));
    QString why = m_events.append(item.value->window, QStringLiteral("ready"), item.value->caseId, itemId,
        QJsonObject {{QStringLiteral("department"), item.value->department}});
    if (why.isEmpty())
        why = checkHandout(item.value->caseId, item.value->window);
    if (!why.isEmpty())
        return fail(ApiReply::storage(why));
    auto json = itemJson(itemId);
    if (!json)
        return fail(json.error);
    if (!m_db.commit())
        return ApiReply::storage(m_db.lastError());
    m_events.publish();
    return ApiReply::json(200, *json.value);
}

} // namespace ow::backoffice
