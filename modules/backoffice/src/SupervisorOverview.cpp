#include "onewindow/backoffice/SupervisorOverview.h"

#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/Catalogues.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/SupervisorStats.h"

#include "onewindow/core/WorkCalendar.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace ow::backoffice {

namespace {

constexpr int kCentreUtcOffset = 8 * 3600;

QJsonValue orNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
}

// The first instant of a centre's day, as stored (UTC ISO 8601).
QString dayStartUtc(QDate day)
{
    return isoUtc(QDateTime(day, QTime(0, 0), Qt::OffsetFromUTC, kCentreUtcOffset));
}

// What one row of the outcomes adds up.
struct Tally
{
    QList<qint64> waits;
    qint64 waitSum = 0;
    qint64 handlingSum = 0;
    int handled = 0;
    int accepted = 0;
    int tolerated = 0;
    int notice = 0;
    int refused = 0;
    int cases = 0;
    int oneVisit = 0;

    QJsonObject toJson(const QJsonValue &window, const QJsonValue &clerk) const
    {
        QList<qint64> sorted = waits;
        const qint64 p90 = SupervisorOverview::p90(sorted);
        const int tickets = int(waits.size());
        return QJsonObject {{QStringLiteral("window"), window}, {QStringLiteral("clerk"), clerk},
            {QStringLiteral("tickets"), tickets},
            {QStringLiteral("avgWaitSeconds"), tickets ? QJsonValue(double(waitSum) / tickets) : QJsonValue()},
            {QStringLiteral("p90WaitSeconds"), p90 < 0 ? QJsonValue() : QJsonValue(p90)},
            {QStringLiteral("avgHandlingSeconds"), handled ? QJsonValue(double(handlingSum) / handled) : QJsonValue()},
            {QStringLiteral("accepted"), accepted}, {QStringLiteral("tolerated"), tolerated},
            {QStringLiteral("notice"), notice}, {QStringLiteral("refused"), refused}, {QStringLiteral("cases"), cases},
            {QStringLiteral("oneVisit"), oneVisit},
            {QStringLiteral("oneVisitShare"), cases ? QJsonValue(double(oneVisit) / cases) : QJsonValue()}};
    }
};

} // namespace

SupervisorOverview::SupervisorOverview(Database &db, Catalogues &catalogues, Clock clock)
    : m_db(db)
    , m_catalogues(catalogues)
    , m_clock(std::move(clock))
{ }

qint64 SupervisorOverview::p90(QList<qint64> &values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype rank = (9 * values.size() + 9) / 10; // ceil(0.9 n), in integers
    return values.at(rank - 1);
}

QString SupervisorOverview::scope(const QString &column) const
{
    if (m_supervisor.isEmpty())
        return QString();
    return QStringLiteral(" AND %1 IN (SELECT window_key_id FROM supervised_windows WHERE user_name = ?)").arg(column);
}

QVariantList SupervisorOverview::scoped(QVariantList binds) const
{
    if (!m_supervisor.isEmpty())
        binds.append(m_supervisor);
    return binds;
}

ApiReply SupervisorOverview::overview(const Principal &who, const QString &fromText, const QString &toText,
    const QString &offsetText, const QString &limitText)
{
    if (who.role == QLatin1String("admin"))
        m_supervisor.clear();
    else if (who.role == QLatin1String("supervisor"))
        m_supervisor = who.user;
    else
        return ApiReply::error(403, QStringLiteral("forbidden"),
            QStringLiteral("The overview is the supervisors' (their windows) and the admins': a %1 does not read it.")
                .arg(who.role));
    const QDateTime now = m_clock();
    const QDate today = now.toOffsetFromUtc(kCentreUtcOffset).date();
    const QDate from = fromText.isEmpty() ? today : QDate::fromString(fromText, Qt::ISODate);
    const QDate to = toText.isEmpty() ? from : QDate::fromString(toText, Qt::ISODate);
    if (!from.isValid() || !to.isValid() || (!fromText.isEmpty() && fromText.size() != 10)
        || (!toText.isEmpty() && toText.size() != 10))
        return ApiReply::error(400, QStringLiteral("bad-request"), QStringLiteral("from and to are dates YYYY-MM-DD."));
    if (to < from || from.daysTo(to) >= kMaxPeriodDays)
        return ApiReply::error(400, QStringLiteral("bad-request"),
            QStringLiteral("The period is from..to, from not after to, at most %1 days.").arg(kMaxPeriodDays));
    bool offsetOk = true;
    bool limitOk = true;
    const int offset = offsetText.isEmpty() ? 0 : offsetText.toInt(&offsetOk);
    const int limit = limitText.isEmpty() ? kDefaultPage : limitText.toInt(&limitOk);
    if (!offsetOk || !limitOk || offset < 0 || limit < 1 || limit > kMaxPage)
        return ApiReply::error(400, QStringLiteral("bad-request"),
            QStringLiteral("offset is 0 or more, limit 1 to %1 (windows per page).").arg(kMaxPage));
    const QString fromDay = from.toString(Qt::ISODate);
    const QString toDay = to.toString(Qt::ISODate);
    const QString todayText = today.toString(Qt::ISODate);
    auto calendar = m_catalogues.workCalendar();
    if (!calendar)
        return ApiReply::storage(calendar.error());

    // 1. Live: the windows, their last sync, the ticket at each, the clerk signed in, the waiting.
    auto windows = m_db.exec(m_supervisor.isEmpty()
            ? QStringLiteral("SELECT w.key_id, w.name, w.kind, hw.hall, (SELECT MAX(c.updated_at) FROM cases c"
                             " WHERE c.window_key_id = w.key_id) FROM windows w LEFT JOIN hall_windows hw"
                             " ON hw.window_key_id = w.key_id ORDER BY w.key_id")
            : QStringLiteral("SELECT w.key_id, w.name, w.kind, hw.hall, (SELECT MAX(c.updated_at) FROM cases c"
                             " WHERE c.window_key_id = w.key_id) FROM supervised_windows s JOIN windows w"
                             " ON w.key_id = s.window_key_id LEFT JOIN hall_windows hw ON hw.window_key_id = w.key_id"
                             " WHERE s.user_name = ? ORDER BY w.key_id"),
        scoped({}));
    if (!windows)
        return ApiReply::storage(windows.error());
    QList<QJsonObject> live;
    QHash<QString, qsizetype> liveIndex;
    while (windows.value().next()) {
        const QSqlQuery &q = windows.value();
        const QString key = q.value(0).toString();
        const QString kind = q.value(2).toString();
        QJsonValue age;
        bool offline = kind == QLatin1String("station");
        if (!q.value(4).isNull()) {
            const qint64 seconds =
                std::max<qint64>(0, QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs).secsTo(now));
            age = seconds;
            offline = offline && seconds >= kOfflineSeconds;
        }
        liveIndex.insert(key, live.size());
        live.append(QJsonObject {{QStringLiteral("window"), key}, {QStringLiteral("name"), q.value(1).toString()},
            {QStringLiteral("kind"), kind}, {QStringLiteral("hall"), orNull(q.value(3))},
            {QStringLiteral("clerk"), QJsonValue()}, {QStringLiteral("serving"), QJsonValue()},
            {QStringLiteral("waiting"), 0}, {QStringLiteral("longestWaitSeconds"), QJsonValue()},
            {QStringLiteral("lastSyncAt"), orNull(q.value(4))}, {QStringLiteral("syncAgeSeconds"), age},
            {QStringLiteral("offline"), offline}});
    }
    auto serving = m_db.exec(QStringLiteral("SELECT t.window_key_id, t.id, t.number, t.category, t.state,"
                                            " t.last_called_at, s.served_at FROM tickets t LEFT JOIN sv_tickets s"
                                            " ON s.ticket_id = t.id WHERE t.state IN ('called', 'serving')")
            + scope(QStringLiteral("t.window_key_id")),
        scoped({}));
    if (!serving)
        return ApiReply::storage(serving.error());
    while (serving.value().next()) {
        const QSqlQuery &q = serving.value();
        const qsizetype at = liveIndex.value(q.value(0).toString(), -1);
        if (at < 0)
            continue;
        const bool served = q.value(4).toString() == QLatin1String("serving") && !q.value(6).isNull();
        const QString since = (served ? q.value(6) : q.value(5)).toString();
        live[at].insert(QStringLiteral("serving"),
            QJsonObject {{QStringLiteral("ticket"), q.value(1).toString()},
                {QStringLiteral("number"), q.value(2).toString()}, {QStringLiteral("category"), q.value(3).toString()},
                {QStringLiteral("state"), q.value(4).toString()}, {QStringLiteral("since"), since},
                {QStringLiteral("seconds"),
                    std::max<qint64>(0, QDateTime::fromString(since, Qt::ISODateWithMs).secsTo(now))}});
    }
    auto signedIn = m_db.exec(QStringLiteral("SELECT u.window_key_id, u.name FROM users u JOIN sessions s"
                                             " ON s.user_name = u.name WHERE u.role IN ('clerk', 'station')"
                                             " AND u.disabled_at IS NULL AND s.ended_at IS NULL AND s.expires_at > ?")
            + scope(QStringLiteral("u.window_key_id")) + QStringLiteral(" ORDER BY s.created_at"),
        scoped({isoUtc(now)}));
    if (!signedIn)
        return ApiReply::storage(signedIn.error());
    while (signedIn.value().next()) {
        const qsizetype at = liveIndex.value(signedIn.value().value(0).toString(), -1);
        if (at >= 0)
            live[at].insert(QStringLiteral("clerk"), signedIn.value().value(1).toString()); // the latest wins
    }
    auto categories = m_db.exec(QStringLiteral("SELECT window_key_id, category FROM hall_window_categories WHERE 1 = 1")
            + scope(QStringLiteral("window_key_id")),
        scoped({}));
    if (!categories)
        return ApiReply::storage(categories.error());
    QHash<QString, QSet<QString>> servesCategories;
    while (categories.value().next())
        servesCategories[categories.value().value(0).toString()].insert(categories.value().value(1).toString());
    auto waiting =
        m_db.exec(QStringLiteral("SELECT hall, category, target_window, COUNT(*), MIN(queued_at) FROM tickets"
                                 " WHERE state IN ('waiting', 'transferred') AND hall IN (SELECT hall FROM"
                                 " hall_windows WHERE 1 = 1")
                + scope(QStringLiteral("window_key_id")) + QStringLiteral(") GROUP BY hall, category, target_window"),
            scoped({}));
    if (!waiting)
        return ApiReply::storage(waiting.error());
    while (waiting.value().next()) {
        const QSqlQuery &q = waiting.value();
        const QString hall = q.value(0).toString();
        const QString category = q.value(1).toString();
        const QString target = q.value(2).toString();
        const int count = q.value(3).toInt();
        const qint64 longest =
            std::max<qint64>(0, QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs).secsTo(now));
        for (QJsonObject &w : live) {
            const QString key = w.value(QLatin1String("window")).toString();
            if (w.value(QLatin1String("hall")).toString() != hall)
                continue;
            if (target.isEmpty() ? !servesCategories.value(key).contains(category) : target != key)
                continue;
            w.insert(QStringLiteral("waiting"), w.value(QLatin1String("waiting")).toInt() + count);
            const QJsonValue before = w.value(QLatin1String("longestWaitSeconds"));
            if (before.isNull() || before.toInteger() < longest)
                w.insert(QStringLiteral("longestWaitSeconds"), longest);
        }
    }

    // 2. Deadlines: items routed and not decided, their promised date near or past; supplements
    // not brought by their date.
    // Departments by their names (admin add-department, seed-demo from the catalogue): a code the
    // back office does not know is answered as its own name.
    auto departmentRows = m_db.exec(QStringLiteral("SELECT code, name FROM departments"));
    if (!departmentRows)
        return ApiReply::storage(departmentRows.error());
    QHash<QString, QString> departmentNames;
    while (departmentRows.value().next())
        departmentNames.insert(departmentRows.value().value(0).toString(), departmentRows.value().value(1).toString());
    const auto departmentName = [&departmentNames](const QString &code) { return departmentNames.value(code, code); };
    const QDate nearLimit = calendar->addWorkingDays(today, kNearWorkingDays);
    const QString nearText = nearLimit.toString(Qt::ISODate);
    auto items = m_db.exec(QStringLiteral("SELECT i.case_id, i.case_number, i.item_id, i.matter, i.name,"
                                          " i.window_key_id, i.department, i.promised_date FROM items i WHERE"
                                          " i.state = 'routed' AND i.promised_date <> '' AND i.promised_date <= ?")
            + scope(QStringLiteral("i.window_key_id"))
            + QStringLiteral(" ORDER BY i.promised_date, i.case_number, i.matter LIMIT %1").arg(kMaxListed),
        scoped({nearText}));
    if (!items)
        return ApiReply::storage(items.error());
    QJsonArray itemArray;
    while (items.value().next()) {
        const QSqlQuery &q = items.value();
        const QDate promised = QDate::fromString(q.value(7).toString(), Qt::ISODate);
        itemArray.append(QJsonObject {{QStringLiteral("case"), q.value(0).toString()},
            {QStringLiteral("caseNumber"), q.value(1).toString()}, {QStringLiteral("item"), q.value(2).toString()},
            {QStringLiteral("matter"), q.value(3).toString()}, {QStringLiteral("name"), q.value(4).toString()},
            {QStringLiteral("window"), q.value(5).toString()}, {QStringLiteral("department"), q.value(6).toString()},
            {QStringLiteral("departmentName"), departmentName(q.value(6).toString())},
            {QStringLiteral("promisedDate"), q.value(7).toString()},
            {QStringLiteral("workingDaysLeft"), calendar->workingDaysBetween(today, promised)},
            {QStringLiteral("overdue"), promised < today}});
    }
    auto counts = m_db.exec(QStringLiteral("SELECT window_key_id, department, SUM(CASE WHEN promised_date < ? THEN 1"
                                           " ELSE 0 END), COUNT(*) FROM items WHERE state = 'routed' AND"
                                           " promised_date <> '' AND promised_date <= ?")
            + scope(QStringLiteral("window_key_id")) + QStringLiteral(" GROUP BY window_key_id, department"),
        scoped({todayText, nearText}));
    if (!counts)
        return ApiReply::storage(counts.error());
    QMap<QString, QPair<int, int>> byWindow;
    QMap<QString, QPair<int, int>> byDepartment;
    while (counts.value().next()) {
        const int overdue = counts.value().value(2).toInt();
        const int near = counts.value().value(3).toInt() - overdue;
        auto &w = byWindow[counts.value().value(0).toString()];
        w.first += near;
        w.second += overdue;
        auto &d = byDepartment[counts.value().value(1).toString()];
        d.first += near;
        d.second += overdue;
    }
    const auto countArray = [](const QMap<QString, QPair<int, int>> &m, auto &&nameOf) {
        QJsonArray out;
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            out.append(QJsonObject {{QStringLiteral("key"), it.key()}, {QStringLiteral("name"), nameOf(it.key())},
                {QStringLiteral("near"), it.value().first}, {QStringLiteral("overdue"), it.value().second}});
        return out;
    };
    const auto windowName = [&live, &liveIndex](const QString &key) {
        const qsizetype at = liveIndex.value(key, -1);
        return at < 0 ? key : live.at(at).value(QLatin1String("name")).toString();
    };
    auto supplements =
        m_db.exec(QStringLiteral("SELECT t.case_id, n.number, t.window_key_id, t.task, t.kind, t.bring, t.due_date"
                                 " FROM sv_tasks t LEFT JOIN case_numbers n ON n.case_id = t.case_id WHERE t.done = 0"
                                 " AND t.due_date < ?")
                + scope(QStringLiteral("t.window_key_id"))
                + QStringLiteral(" ORDER BY t.due_date, t.case_id, t.task LIMIT %1").arg(kMaxListed),
            scoped({todayText}));
    if (!supplements)
        return ApiReply::storage(supplements.error());
    QJsonArray supplementArray;
    while (supplements.value().next()) {
        const QSqlQuery &q = supplements.value();
        supplementArray.append(QJsonObject {{QStringLiteral("case"), q.value(0).toString()},
            {QStringLiteral("caseNumber"), q.value(1).toString()}, {QStringLiteral("window"), q.value(2).toString()},
            {QStringLiteral("task"), q.value(3).toString()}, {QStringLiteral("kind"), q.value(4).toString()},
            {QStringLiteral("bring"), q.value(5).toString()}, {QStringLiteral("dueBy"), q.value(6).toString()}});
    }
    QJsonObject deadlines {{QStringLiteral("today"), todayText}, {QStringLiteral("nearLimit"), nearText},
        {QStringLiteral("items"), itemArray}, {QStringLiteral("byWindow"), QJsonArray()},
        {QStringLiteral("byDepartment"), countArray(byDepartment, departmentName)},
        {QStringLiteral("supplementsOverdue"), supplementArray}};

    // The page: the windows that need attention first (a station offline, then the most items
    // overdue, the most waiting, the longest wait), then by key.
    QList<qsizetype> order(live.size());
    std::iota(order.begin(), order.end(), qsizetype(0));
    const auto attention = [&](qsizetype i) {
        const QJsonObject &w = live.at(i);
        const QString key = w.value(QLatin1String("window")).toString();
        return std::make_tuple(w.value(QLatin1String("offline")).toBool() ? 0 : 1, -byWindow.value(key).second,
            -w.value(QLatin1String("waiting")).toInt(), -w.value(QLatin1String("longestWaitSeconds")).toInteger(), key);
    };
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return attention(a) < attention(b); });
    QStringList pageWindows;
    QSet<QString> onPage;
    QJsonArray liveArray;
    for (qsizetype i = offset; i < order.size() && i < qsizetype(offset) + limit; ++i) {
        const QJsonObject &w = live.at(order.at(i));
        pageWindows << w.value(QLatin1String("window")).toString();
        onPage.insert(pageWindows.last());
        liveArray.append(w);
    }
    QJsonArray byWindowArray;
    for (const QString &key : std::as_const(pageWindows)) {
        if (byWindow.contains(key))
            byWindowArray.append(QJsonObject {{QStringLiteral("key"), key}, {QStringLiteral("name"), windowName(key)},
                {QStringLiteral("near"), byWindow.value(key).first},
                {QStringLiteral("overdue"), byWindow.value(key).second}});
    }
    deadlines.insert(QStringLiteral("byWindow"), byWindowArray);
    const QJsonObject page {{QStringLiteral("offset"), offset}, {QStringLiteral("limit"), limit},
        {QStringLiteral("windows"), qint64(live.size())}};

    // 3 and 5. Outcomes over the period and per day.
    Tally total;
    QMap<QString, Tally> perWindow;
    QMap<QPair<QString, QString>, Tally> perClerk;
    QMap<QString, Tally> perDay;
    for (const QJsonObject &w : std::as_const(live))
        perWindow[w.value(QLatin1String("window")).toString()];
    for (QDate d = from; d <= to; d = d.addDays(1))
        perDay[d.toString(Qt::ISODate)];
    const auto each = [&](const QString &window, const QString &clerk, const QString &day, auto &&add) {
        add(total);
        add(perWindow[window]);
        add(perClerk[{window, clerk}]);
        add(perDay[day]);
    };
    auto tickets = m_db.exec(QStringLiteral("SELECT window_key_id, clerk, day, wait_seconds, handling_seconds FROM"
                                            " sv_tickets WHERE day >= ? AND day <= ?")
            + scope(QStringLiteral("window_key_id")),
        scoped({fromDay, toDay}));
    if (!tickets)
        return ApiReply::storage(tickets.error());
    while (tickets.value().next()) {
        const QSqlQuery &q = tickets.value();
        const qint64 wait = q.value(3).toLongLong();
        const bool handled = !q.value(4).isNull();
        const qint64 handling = q.value(4).toLongLong();
        each(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), [&](Tally &t) {
            t.waits.append(wait);
            t.waitSum += wait;
            if (handled) {
                ++t.handled;
                t.handlingSum += handling;
            }
        });
    }
    auto decisions = m_db.exec(QStringLiteral("SELECT window_key_id, clerk, day, decision, COUNT(*) FROM sv_decisions"
                                              " WHERE day >= ? AND day <= ?")
            + scope(QStringLiteral("window_key_id")) + QStringLiteral(" GROUP BY window_key_id, clerk, day, decision"),
        scoped({fromDay, toDay}));
    if (!decisions)
        return ApiReply::storage(decisions.error());
    while (decisions.value().next()) {
        const QSqlQuery &q = decisions.value();
        const QString decision = q.value(3).toString();
        const int n = q.value(4).toInt();
        each(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), [&](Tally &t) {
            if (decision == QLatin1String("accept"))
                t.accepted += n;
            else if (decision == QLatin1String("accepttolerated"))
                t.tolerated += n;
            else if (decision == QLatin1String("notice"))
                t.notice += n;
            else if (decision == QLatin1String("refuse"))
                t.refused += n;
        });
    }
    // "At most one visit": GET /v1/cases/{caseId}'s rule, 1 + max(returns by reopened, returns by
    // visit) + supplements brought in person ≤ 1.
    auto cases = m_db.exec(QStringLiteral("SELECT window_key_id, clerk, result_day, COUNT(*), SUM(CASE WHEN"
                                          " (CASE WHEN returns > visit_returns THEN returns ELSE visit_returns END)"
                                          " + supplements = 0 THEN 1 ELSE 0 END) FROM sv_cases WHERE result_day >= ?"
                                          " AND result_day <= ?")
            + scope(QStringLiteral("window_key_id")) + QStringLiteral(" GROUP BY window_key_id, clerk, result_day"),
        scoped({fromDay, toDay}));
    if (!cases)
        return ApiReply::storage(cases.error());
    while (cases.value().next()) {
        const QSqlQuery &q = cases.value();
        const int n = q.value(3).toInt();
        const int one = q.value(4).toInt();
        each(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), [&](Tally &t) {
            t.cases += n;
            t.oneVisit += one;
        });
    }
    QJsonArray windowRows;
    for (const QString &key : std::as_const(pageWindows))
        windowRows.append(perWindow.value(key).toJson(key, QJsonValue()));
    QJsonArray clerkRows;
    for (auto it = perClerk.cbegin(); it != perClerk.cend(); ++it) {
        if (onPage.contains(it.key().first))
            clerkRows.append(it.value().toJson(it.key().first, it.key().second));
    }
    QJsonArray daily;
    for (auto it = perDay.cbegin(); it != perDay.cend(); ++it) {
        const QJsonObject t = it.value().toJson(QJsonValue(), QJsonValue());
        daily.append(QJsonObject {{QStringLiteral("day"), it.key()},
            {QStringLiteral("tickets"), t.value(QLatin1String("tickets"))},
            {QStringLiteral("p90WaitSeconds"), t.value(QLatin1String("p90WaitSeconds"))},
            {QStringLiteral("accepted"), it.value().accepted + it.value().tolerated},
            {QStringLiteral("cases"), t.value(QLatin1String("cases"))},
            {QStringLiteral("oneVisitShare"), t.value(QLatin1String("oneVisitShare"))}});
    }
    const QJsonObject outcomes {{QStringLiteral("total"), total.toJson(QJsonValue(), QJsonValue())},
        {QStringLiteral("windows"), windowRows}, {QStringLiteral("clerks"), clerkRows}};

    // 4. Ratings: bad ones still open or rated in the period; appeals pending.
    auto bad = m_db.exec(QStringLiteral("SELECT r.rating_id, r.case_id, n.number, r.window_key_id, r.clerk, r.service,"
                                        " r.level, r.rated_at, t.due_date, t.state, t.callback_by, t.callback_at,"
                                        " t.callback_outcome, (SELECT COUNT(*) FROM rating_appeals a WHERE"
                                        " a.rating_id = r.rating_id AND a.state = 'pending') FROM rating_tasks t"
                                        " JOIN ratings r ON r.rating_id = t.rating_id LEFT JOIN case_numbers n"
                                        " ON n.case_id = r.case_id WHERE r.state = 'valid' AND (t.state = 'open'"
                                        " OR (r.rated_at >= ? AND r.rated_at < ?))")
            + scope(QStringLiteral("t.window_key_id"))
            + QStringLiteral(" ORDER BY t.due_date, r.rating_id LIMIT %1").arg(kMaxListed),
        scoped({dayStartUtc(from), dayStartUtc(to.addDays(1))}));
    if (!bad)
        return ApiReply::storage(bad.error());
    QJsonArray badArray;
    while (bad.value().next()) {
        const QSqlQuery &q = bad.value();
        const bool open = q.value(9).toString() == QLatin1String("open");
        QJsonValue callback;
        if (!q.value(11).isNull())
            callback = QJsonObject {{QStringLiteral("by"), q.value(10).toString()},
                {QStringLiteral("at"), q.value(11).toString()}, {QStringLiteral("outcome"), q.value(12).toString()}};
        badArray.append(QJsonObject {{QStringLiteral("rating"), q.value(0).toString()},
            {QStringLiteral("case"), q.value(1).toString()}, {QStringLiteral("caseNumber"), q.value(2).toString()},
            {QStringLiteral("window"), q.value(3).toString()}, {QStringLiteral("clerk"), q.value(4).toString()},
            {QStringLiteral("service"), q.value(5).toString()}, {QStringLiteral("level"), q.value(6).toString()},
            {QStringLiteral("ratedAt"), q.value(7).toString()}, {QStringLiteral("dueBy"), q.value(8).toString()},
            {QStringLiteral("state"), q.value(9).toString()},
            {QStringLiteral("overdue"), open && q.value(8).toString() < todayText},
            {QStringLiteral("callback"), callback}, {QStringLiteral("appealPending"), q.value(13).toInt() > 0}});
    }
    auto appeals =
        m_db.exec(QStringLiteral("SELECT a.appeal_id, a.rating_id, r.case_id, n.number, r.window_key_id,"
                                 " a.clerk, r.level, a.reason, a.filed_at FROM rating_appeals a JOIN ratings r"
                                 " ON r.rating_id = a.rating_id LEFT JOIN case_numbers n ON n.case_id ="
                                 " r.case_id WHERE a.state = 'pending'")
                + scope(QStringLiteral("r.window_key_id"))
                + QStringLiteral(" ORDER BY a.filed_at, a.appeal_id LIMIT %1").arg(kMaxListed),
            scoped({}));
    if (!appeals)
        return ApiReply::storage(appeals.error());
    QJsonArray appealArray;
    while (appeals.value().next()) {
        const QSqlQuery &q = appeals.value();
        appealArray.append(QJsonObject {{QStringLiteral("appeal"), q.value(0).toString()},
            {QStringLiteral("rating"), q.value(1).toString()}, {QStringLiteral("case"), q.value(2).toString()},
            {QStringLiteral("caseNumber"), q.value(3).toString()}, {QStringLiteral("window"), q.value(4).toString()},
            {QStringLiteral("clerk"), q.value(5).toString()}, {QStringLiteral("level"), q.value(6).toString()},
            {QStringLiteral("reason"), q.value(7).toString()}, {QStringLiteral("filedAt"), q.value(8).toString()}});
    }

    ApiReply reply = ApiReply::json(200,
        QJsonObject {{QStringLiteral("generatedAt"), isoUtc(now)}, {QStringLiteral("today"), todayText},
            {QStringLiteral("from"), fromDay}, {QStringLiteral("to"), toDay}, {QStringLiteral("page"), page},
            {QStringLiteral("windows"), liveArray}, {QStringLiteral("deadlines"), deadlines},
            {QStringLiteral("outcomes"), outcomes},
            {QStringLiteral("ratings"),
                QJsonObject {{QStringLiteral("bad"), badArray}, {QStringLiteral("appeals"), appealArray}}},
            {QStringLiteral("daily"), daily}});
    reply.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return reply;
}

} // namespace ow::backoffice
