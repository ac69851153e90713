#include "onewindow/backoffice/Ratings.h"

#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/Catalogues.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/Sealer.h"

#include "onewindow/core/WorkCalendar.h"
#include "onewindow/receipt/Rating.h"
#include "onewindow/receipt/RatingSeal.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace ow::backoffice {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonValue orNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
}

QByteArray contentAad(const QString &ratingId)
{
    return QByteArrayLiteral("rating|") + ratingId.toUtf8();
}

ApiReply badRequest(const QString &why)
{
    return ApiReply::error(400, QStringLiteral("bad-request"), why);
}

int levelCode(const QString &level)
{
    static const QStringList order {QStringLiteral("veryDissatisfied"), QStringLiteral("dissatisfied"),
        QStringLiteral("basic"), QStringLiteral("satisfied"), QStringLiteral("verySatisfied")};
    return int(order.indexOf(level)) + 1; // 0: declined
}

const char kRatingColumns[] =
    "SELECT r.rating_id, r.case_id, r.seq, r.window_key_id, r.clerk, r.service, r.level, r.content, r.rated_at,"
    " r.state, t.due_date, t.state, t.callback_by, t.callback_at, t.callback_outcome, t.callback_note,"
    " n.number FROM ratings r LEFT JOIN rating_tasks t ON t.rating_id = r.rating_id"
    " LEFT JOIN case_numbers n ON n.case_id = r.case_id";

} // namespace

Ratings::Ratings(Database &db, const Sealer &sealer, Catalogues &catalogues, Clock clock)
    : m_db(db)
    , m_sealer(sealer)
    , m_catalogues(catalogues)
    , m_clock(std::move(clock))
{ }

QString Ratings::check(const Sealer &sealer, const QString &caseId, const QJsonObject &payload)
{
    auto opened =
        receipt::RatingSeal::open(text(payload, "sealed"), sealer.ratingPrivateKey(), caseId, text(payload, "service"));
    return opened ? QString() : opened.error();
}

QString Ratings::rated(const QString &caseId, int seq, const QString &window, const QJsonObject &entry)
{
    const QJsonObject p = entry.value(QLatin1String("payload")).toObject();
    auto rating = receipt::RatingSeal::open(text(p, "sealed"), m_sealer.ratingPrivateKey(), caseId, text(p, "service"));
    if (!rating)
        return rating.error();
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto sealed = m_sealer.seal(QJsonDocument(rating->toJson()).toJson(QJsonDocument::Compact), contentAad(id));
    if (!sealed)
        return sealed.error();
    const QString now = isoUtc(m_clock());
    auto put = m_db.exec(QStringLiteral("INSERT INTO ratings (rating_id, case_id, seq, window_key_id, clerk, service,"
                                        " level, content, rated_at, received_at, state) VALUES (?, ?, ?, ?, ?, ?, ?,"
                                        " ?, ?, ?, 'valid') ON CONFLICT (case_id, seq) DO NOTHING"),
        {id, caseId, seq, window, text(entry, "clerk"), rating->service, receipt::Rating::levelName(rating->level),
            sealed.value(), isoUtc(rating->at), now});
    if (!put)
        return put.error();
    if (put.value().numRowsAffected() != 1 || !rating->bad())
        return {};
    auto calendar = m_catalogues.workCalendar();
    if (!calendar)
        return calendar.error();
    // The service centre's day (UTC+8): 15 working days from it.
    const QDate due = calendar->addWorkingDays(m_clock().toOffsetFromUtc(8 * 3600).date(), kRectificationDays);
    auto task = m_db.exec(QStringLiteral("INSERT INTO rating_tasks (rating_id, window_key_id, opened_at, due_date,"
                                         " state) VALUES (?, ?, ?, ?, 'open')"),
        {id, window, now, due.toString(Qt::ISODate)});
    return task ? QString() : task.error();
}

Result<int> Ratings::reseal(Database &db, const Sealer &sealer)
{
    auto rows = db.exec(QStringLiteral("SELECT rating_id, content FROM ratings"));
    if (!rows)
        return Result<int>::failure(rows.error());
    QList<QPair<QString, QString>> stale;
    while (rows.value().next()) {
        const QString content = rows.value().value(1).toString();
        if (Sealer::keyIdOf(content) != sealer.currentKeyId())
            stale.append({rows.value().value(0).toString(), content});
    }
    int count = 0;
    for (const auto &[id, content] : std::as_const(stale)) {
        auto plain = sealer.open(content, contentAad(id));
        if (!plain)
            return Result<int>::failure(plain.error());
        auto sealed = sealer.seal(plain.value(), contentAad(id));
        if (!sealed)
            return Result<int>::failure(sealed.error());
        auto put = db.exec(QStringLiteral("UPDATE ratings SET content = ? WHERE rating_id = ?"), {sealed.value(), id});
        if (!put)
            return Result<int>::failure(put.error());
        ++count;
    }
    return count;
}

ApiReply Ratings::forbidden(const Principal &who)
{
    return ApiReply::error(403, QStringLiteral("forbidden"),
        QStringLiteral("Ratings are the applicants': a %1 does not read them; supervisors and admins do.")
            .arg(who.role));
}

ApiResult<bool> Ratings::mayManage(const Principal &who, const QString &window)
{
    if (who.role == QLatin1String("admin"))
        return true;
    if (who.role != QLatin1String("supervisor"))
        return forbidden(who);
    if (window.isEmpty())
        return true; // filtered per row
    auto q = m_db.exec(QStringLiteral("SELECT 1 FROM supervised_windows WHERE user_name = ? AND window_key_id = ?"),
        {who.user, window});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next())
        return ApiReply::error(
            403, QStringLiteral("forbidden"), QStringLiteral("Window %1 is not one you supervise.").arg(window));
    return true;
}

ApiResult<QJsonObject> Ratings::ratingJson(const QString &ratingId)
{
    auto q = m_db.exec(QString::fromLatin1(kRatingColumns) + QStringLiteral(" WHERE r.rating_id = ?"), {ratingId});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next())
        return ApiReply::error(
            404, QStringLiteral("not-found"), QStringLiteral("There is no rating %1.").arg(ratingId));
    const QSqlQuery &r = q.value();
    auto plain = m_sealer.open(r.value(7).toString(), contentAad(ratingId));
    if (!plain)
        return ApiReply::storage(plain.error());
    const QJsonObject rating = QJsonDocument::fromJson(plain.value()).object();
    QJsonValue task;
    if (!r.value(10).isNull()) {
        QJsonValue callback;
        if (!r.value(13).isNull())
            callback = QJsonObject {{QStringLiteral("by"), r.value(12).toString()},
                {QStringLiteral("at"), r.value(13).toString()}, {QStringLiteral("outcome"), r.value(14).toString()},
                {QStringLiteral("note"), r.value(15).toString()}};
        task = QJsonObject {{QStringLiteral("dueBy"), r.value(10).toString()},
            {QStringLiteral("state"), r.value(11).toString()}, {QStringLiteral("callback"), callback}};
    }
    return QJsonObject {{QStringLiteral("rating"), ratingId}, {QStringLiteral("case"), r.value(1).toString()},
        {QStringLiteral("caseNumber"), r.value(16).toString()}, {QStringLiteral("seq"), r.value(2).toInt()},
        {QStringLiteral("window"), r.value(3).toString()}, {QStringLiteral("clerk"), r.value(4).toString()},
        {QStringLiteral("service"), r.value(5).toString()}, {QStringLiteral("level"), r.value(6).toString()},
        {QStringLiteral("reasons"), rating.value(QLatin1String("reasons")).toArray()},
        {QStringLiteral("text"), text(rating, "text")}, {QStringLiteral("ratedAt"), r.value(8).toString()},
        {QStringLiteral("state"), r.value(9).toString()}, {QStringLiteral("rectification"), task}};
}

ApiReply Ratings::list(const Principal &who, const QString &window, const QString &since, const QString &until)
{
    auto may = mayManage(who, window);
    if (!may)
        return may.error;
    QString sql = QStringLiteral("SELECT r.rating_id, r.window_key_id FROM ratings r WHERE r.rated_at >= ? AND"
                                 " r.rated_at < ?");
    QVariantList binds {
        since.isEmpty() ? QStringLiteral("0000") : since, until.isEmpty() ? QStringLiteral("9999") : until};
    if (!window.isEmpty()) {
        sql += QStringLiteral(" AND r.window_key_id = ?");
        binds.append(window);
    }
    if (who.role == QLatin1String("supervisor")) {
        sql += QStringLiteral(" AND r.window_key_id IN (SELECT window_key_id FROM supervised_windows WHERE"
                              " user_name = ?)");
        binds.append(who.user);
    }
    auto q = m_db.exec(sql + QStringLiteral(" ORDER BY r.rated_at, r.rating_id"), binds);
    if (!q)
        return ApiReply::storage(q.error());
    QStringList ids;
    while (q.value().next())
        ids << q.value().value(0).toString();
    QJsonArray out;
    for (const QString &id : std::as_const(ids)) {
        auto one = ratingJson(id);
        if (!one)
            return one.error;
        out.append(*one.value);
    }
    ApiReply r = ApiReply::json(200, QJsonObject {{QStringLiteral("ratings"), out}});
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return r;
}

ApiReply Ratings::tasks(const Principal &who, const QString &state)
{
    auto may = mayManage(who, QString());
    if (!may)
        return may.error;
    if (!state.isEmpty() && state != QLatin1String("open") && state != QLatin1String("done"))
        return badRequest(QStringLiteral("state is open or done."));
    QString sql = QStringLiteral("SELECT t.rating_id FROM rating_tasks t WHERE 1 = 1");
    QVariantList binds;
    if (!state.isEmpty()) {
        sql += QStringLiteral(" AND t.state = ?");
        binds.append(state);
    }
    if (who.role == QLatin1String("supervisor")) {
        sql += QStringLiteral(" AND t.window_key_id IN (SELECT window_key_id FROM supervised_windows WHERE"
                              " user_name = ?)");
        binds.append(who.user);
    }
    auto q = m_db.exec(sql + QStringLiteral(" ORDER BY t.due_date, t.rating_id"), binds);
    if (!q)
        return ApiReply::storage(q.error());
    QStringList ids;
    while (q.value().next())
        ids << q.value().value(0).toString();
    const QString today = m_clock().toOffsetFromUtc(8 * 3600).date().toString(Qt::ISODate);
    QJsonArray out;
    for (const QString &id : std::as_const(ids)) {
        auto one = ratingJson(id);
        if (!one)
            return one.error;
        QJsonObject o = *one.value;
        const QJsonObject t = o.value(QLatin1String("rectification")).toObject();
        o.insert(QStringLiteral("overdue"),
            t.value(QLatin1String("state")).toString() == QLatin1String("open")
                && t.value(QLatin1String("dueBy")).toString() < today);
        out.append(o);
    }
    ApiReply r = ApiReply::json(200, QJsonObject {{QStringLiteral("tasks"), out}});
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return r;
}

ApiReply Ratings::callback(const Principal &who, const QString &ratingId, const QJsonObject &body)
{
    if (who.role != QLatin1String("supervisor") && who.role != QLatin1String("admin"))
        return forbidden(who);
    static const QStringList outcomes {
        QStringLiteral("resolved"), QStringLiteral("unresolved"), QStringLiteral("unreachable")};
    const QString outcome = text(body, "outcome");
    if (!outcomes.contains(outcome))
        return badRequest(QStringLiteral("\"outcome\" is resolved, unresolved or unreachable."));
    const QString note = text(body, "note").trimmed();
    if (note.size() > kMaxText)
        return badRequest(QStringLiteral("\"note\" is at most %1 characters.").arg(kMaxText));
    auto window =
        m_db.exec(QStringLiteral("SELECT window_key_id, state FROM rating_tasks WHERE rating_id = ?"), {ratingId});
    if (!window)
        return ApiReply::storage(window.error());
    if (!window.value().next())
        return ApiReply::error(
            404, QStringLiteral("not-found"), QStringLiteral("Rating %1 has no rectification task.").arg(ratingId));
    auto may = mayManage(who, window.value().value(0).toString());
    if (!may)
        return may.error;
    if (window.value().value(1).toString() != QLatin1String("open"))
        return ApiReply::error(409, QStringLiteral("task-done"),
            QStringLiteral("The call-back of rating %1 is recorded already.").arg(ratingId));
    auto done = m_db.exec(QStringLiteral("UPDATE rating_tasks SET state = 'done', callback_by = ?, callback_at = ?,"
                                         " callback_outcome = ?, callback_note = ? WHERE rating_id = ? AND"
                                         " state = 'open'"),
        {who.user, isoUtc(m_clock()), outcome, note, ratingId});
    if (!done)
        return ApiReply::storage(done.error());
    if (done.value().numRowsAffected() != 1)
        return ApiReply::error(409, QStringLiteral("task-done"),
            QStringLiteral("The call-back of rating %1 is recorded already.").arg(ratingId));
    auto one = ratingJson(ratingId);
    if (!one)
        return one.error;
    return ApiReply::json(200, *one.value);
}

ApiReply Ratings::appeal(const Principal &who, const QString &caseId, int seq, const QJsonObject &body)
{
    if (!who.isWindowRole())
        return ApiReply::error(403, QStringLiteral("forbidden"),
            QStringLiteral("Only the clerk whose service was rated appeals a rating."));
    const QString reason = text(body, "reason").trimmed();
    if (reason.isEmpty() || reason.size() > kMaxText)
        return badRequest(QStringLiteral("An appeal gives its \"reason\" (at most %1 characters).").arg(kMaxText));
    auto q = m_db.exec(QStringLiteral("SELECT rating_id, window_key_id, clerk, state FROM ratings WHERE case_id = ?"
                                      " AND seq = ?"),
        {caseId, seq});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next())
        return ApiReply::error(
            404, QStringLiteral("not-found"), QStringLiteral("Case %1 has no rating at seq %2.").arg(caseId).arg(seq));
    const QString ratingId = q.value().value(0).toString();
    if (q.value().value(1).toString() != who.window || q.value().value(2).toString() != who.user)
        return ApiReply::error(403, QStringLiteral("forbidden"),
            QStringLiteral("Only the clerk whose service was rated appeals this rating."));
    if (q.value().value(3).toString() != QLatin1String("valid"))
        return ApiReply::error(
            409, QStringLiteral("rating-removed"), QStringLiteral("This rating was removed already."));
    auto pending = m_db.exec(
        QStringLiteral("SELECT appeal_id FROM rating_appeals WHERE rating_id = ? AND state = 'pending'"), {ratingId});
    if (!pending)
        return ApiReply::storage(pending.error());
    if (pending.value().next())
        return ApiReply::error(409, QStringLiteral("appeal-pending"),
            QStringLiteral("An appeal of this rating is pending."),
            QJsonObject {{QStringLiteral("appeal"), pending.value().value(0).toString()}});
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString now = isoUtc(m_clock());
    auto put = m_db.exec(QStringLiteral("INSERT INTO rating_appeals (appeal_id, rating_id, clerk, reason, filed_at,"
                                        " state) VALUES (?, ?, ?, ?, ?, 'pending')"),
        {id, ratingId, who.user, reason, now});
    if (!put)
        return ApiReply::storage(put.error());
    // The clerk learns the appeal, never the rating.
    return ApiReply::json(201,
        QJsonObject {{QStringLiteral("appeal"), id}, {QStringLiteral("case"), caseId}, {QStringLiteral("seq"), seq},
            {QStringLiteral("state"), QStringLiteral("pending")}, {QStringLiteral("filedAt"), now}});
}

ApiReply Ratings::appeals(const Principal &who, const QString &state)
{
    auto may = mayManage(who, QString());
    if (!may)
        return may.error;
    if (!state.isEmpty()
        && !QStringList {QStringLiteral("pending"), QStringLiteral("upheld"), QStringLiteral("removed")}.contains(
            state))
        return badRequest(QStringLiteral("state is pending, upheld or removed."));
    QString sql = QStringLiteral("SELECT a.appeal_id, a.rating_id, a.clerk, a.reason, a.filed_at, a.state,"
                                 " a.decided_by, a.decided_at, a.note FROM rating_appeals a JOIN ratings r ON"
                                 " r.rating_id = a.rating_id WHERE 1 = 1");
    QVariantList binds;
    if (!state.isEmpty()) {
        sql += QStringLiteral(" AND a.state = ?");
        binds.append(state);
    }
    if (who.role == QLatin1String("supervisor")) {
        sql += QStringLiteral(" AND r.window_key_id IN (SELECT window_key_id FROM supervised_windows WHERE"
                              " user_name = ?)");
        binds.append(who.user);
    }
    auto q = m_db.exec(sql + QStringLiteral(" ORDER BY a.filed_at, a.appeal_id"), binds);
    if (!q)
        return ApiReply::storage(q.error());
    QList<QJsonObject> rows;
    while (q.value().next()) {
        const QSqlQuery &a = q.value();
        rows.append(QJsonObject {{QStringLiteral("appeal"), a.value(0).toString()},
            {QStringLiteral("clerk"), a.value(2).toString()}, {QStringLiteral("reason"), a.value(3).toString()},
            {QStringLiteral("filedAt"), a.value(4).toString()}, {QStringLiteral("state"), a.value(5).toString()},
            {QStringLiteral("decidedBy"), orNull(a.value(6))}, {QStringLiteral("decidedAt"), orNull(a.value(7))},
            {QStringLiteral("note"), orNull(a.value(8))}, {QStringLiteral("rating"), a.value(1).toString()}});
    }
    QJsonArray out;
    for (QJsonObject o : std::as_const(rows)) {
        auto one = ratingJson(o.value(QLatin1String("rating")).toString());
        if (!one)
            return one.error;
        o.insert(QStringLiteral("rating"), *one.value);
        out.append(o);
    }
    ApiReply r = ApiReply::json(200, QJsonObject {{QStringLiteral("appeals"), out}});
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return r;
}

ApiReply Ratings::decideAppeal(const Principal &who, const QString &appealId, const QJsonObject &body)
{
    if (who.role != QLatin1String("supervisor") && who.role != QLatin1String("admin"))
        return forbidden(who);
    const QString decision = text(body, "decision");
    if (decision != QLatin1String("upheld") && decision != QLatin1String("removed"))
        return badRequest(QStringLiteral("\"decision\" is upheld (the rating stands) or removed."));
    const QString note = text(body, "note").trimmed();
    if (note.size() > kMaxText)
        return badRequest(QStringLiteral("\"note\" is at most %1 characters.").arg(kMaxText));
    auto q = m_db.exec(QStringLiteral("SELECT a.rating_id, r.window_key_id, a.state FROM rating_appeals a JOIN"
                                      " ratings r ON r.rating_id = a.rating_id WHERE a.appeal_id = ?"),
        {appealId});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next())
        return ApiReply::error(
            404, QStringLiteral("not-found"), QStringLiteral("There is no appeal %1.").arg(appealId));
    const QString ratingId = q.value().value(0).toString();
    auto may = mayManage(who, q.value().value(1).toString());
    if (!may)
        return may.error;
    if (q.value().value(2).toString() != QLatin1String("pending"))
        return ApiReply::error(
            409, QStringLiteral("appeal-decided"), QStringLiteral("Appeal %1 is decided already.").arg(appealId));
    if (!m_db.begin())
        return ApiReply::storage(m_db.lastError());
    const QString now = isoUtc(m_clock());
    auto done = m_db.exec(QStringLiteral("UPDATE rating_appeals SET state = ?, decided_by = ?, decided_at = ?,"
                                         " note = ? WHERE appeal_id = ? AND state = 'pending'"),
        {decision, who.user, now, note, appealId});
    if (!done || done.value().numRowsAffected() != 1) {
        m_db.rollback();
        return done ? ApiReply::error(
                   409, QStringLiteral("appeal-decided"), QStringLiteral("Appeal %1 is decided already.").arg(appealId))
                    : ApiReply::storage(done.error());
    }
    if (decision == QLatin1String("removed")) {
        // A removed rating counts nowhere; its rectification, if any, ends with it.
        auto removed =
            m_db.exec(QStringLiteral("UPDATE ratings SET state = 'removed' WHERE rating_id = ?"), {ratingId});
        auto closed =
            m_db.exec(QStringLiteral("UPDATE rating_tasks SET state = 'done' WHERE rating_id = ? AND state = 'open'"),
                {ratingId});
        if (!removed || !closed) {
            m_db.rollback();
            return ApiReply::storage(removed ? closed.error() : removed.error());
        }
    }
    if (!m_db.commit())
        return ApiReply::storage(m_db.lastError());
    auto one = ratingJson(ratingId);
    if (!one)
        return one.error;
    return ApiReply::json(200,
        QJsonObject {{QStringLiteral("appeal"), appealId}, {QStringLiteral("state"), decision},
            {QStringLiteral("decidedBy"), who.user}, {QStringLiteral("decidedAt"), now},
            {QStringLiteral("rating"), *one.value}});
}

Result<int> Ratings::exportLines(QIODevice &out, const QDateTime &since, const QDateTime &until)
{
    auto q = m_db.exec(QStringLiteral("SELECT rating_id FROM ratings WHERE rated_at >= ? AND rated_at < ?"
                                      " ORDER BY rated_at, rating_id"),
        {since.isValid() ? isoUtc(since) : QStringLiteral("0000"),
            until.isValid() ? isoUtc(until) : QStringLiteral("9999")});
    if (!q)
        return Result<int>::failure(q.error());
    QStringList ids;
    while (q.value().next())
        ids << q.value().value(0).toString();
    int lines = 0;
    for (const QString &id : std::as_const(ids)) {
        auto one = ratingJson(id);
        if (!one)
            return Result<int>::failure(one.error.body.toObject().value(QLatin1String("message")).toString());
        const QJsonObject r = *one.value;
        auto appeal = m_db.exec(QStringLiteral("SELECT state, decided_at FROM rating_appeals WHERE rating_id = ?"
                                               " ORDER BY filed_at DESC"),
            {id});
        if (!appeal)
            return Result<int>::failure(appeal.error());
        QJsonValue appealJson;
        if (appeal.value().next())
            appealJson = QJsonObject {{QStringLiteral("state"), appeal.value().value(0).toString()},
                {QStringLiteral("decidedAt"), orNull(appeal.value().value(1))}};
        const QString level = r.value(QLatin1String("level")).toString();
        const QJsonObject line {{QStringLiteral("schema"), QStringLiteral("onewindow.rating/1")},
            {QStringLiteral("ratingId"), id}, {QStringLiteral("caseId"), r.value(QLatin1String("case"))},
            {QStringLiteral("caseNumber"), r.value(QLatin1String("caseNumber"))},
            {QStringLiteral("window"), r.value(QLatin1String("window"))},
            {QStringLiteral("staff"), r.value(QLatin1String("clerk"))},
            {QStringLiteral("service"), r.value(QLatin1String("service"))}, {QStringLiteral("level"), level},
            {QStringLiteral("levelCode"), levelCode(level)},
            {QStringLiteral("reasons"), r.value(QLatin1String("reasons"))},
            {QStringLiteral("text"), r.value(QLatin1String("text"))},
            {QStringLiteral("ratedAt"), r.value(QLatin1String("ratedAt"))},
            {QStringLiteral("state"), r.value(QLatin1String("state"))},
            {QStringLiteral("rectification"), r.value(QLatin1String("rectification"))},
            {QStringLiteral("appeal"), appealJson}};
        if (out.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n') < 0)
            return Result<int>::failure(out.errorString());
        ++lines;
    }
    return lines;
}

} // namespace ow::backoffice
