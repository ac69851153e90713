#include "onewindow/sync/SupervisorOverview.h"

#include <QJsonArray>

namespace ow::sync {

namespace {

// Reads one object's fields; the first missing or mistyped required one is remembered.
class Reader
{
public:
    Reader(const QJsonObject &o, QString where, QString *error)
        : m_o(o)
        , m_where(std::move(where))
        , m_error(error)
    { }

    QJsonValue need(const char *name, QJsonValue::Type type, bool nullable = false) const
    {
        const QJsonValue v = m_o.value(QLatin1String(name));
        if (nullable && (v.isNull() || v.isUndefined()))
            return QJsonValue();
        if (v.type() != type)
            fail(name);
        return v;
    }
    QString text(const char *name, bool nullable = false) const
    {
        return need(name, QJsonValue::String, nullable).toString();
    }
    qint64 integer(const char *name) const { return qint64(need(name, QJsonValue::Double).toDouble()); }
    bool flag(const char *name) const { return need(name, QJsonValue::Bool).toBool(); }
    std::optional<qint64> optInteger(const char *name) const
    {
        const QJsonValue v = need(name, QJsonValue::Double, true);
        return v.isDouble() ? std::optional<qint64>(qint64(v.toDouble())) : std::nullopt;
    }
    std::optional<double> optNumber(const char *name) const
    {
        const QJsonValue v = need(name, QJsonValue::Double, true);
        return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
    }
    QDate date(const char *name, bool nullable = false) const
    {
        const QString s = text(name, nullable);
        if (s.isEmpty())
            return QDate();
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!d.isValid())
            fail(name);
        return d;
    }
    QDateTime time(const char *name, bool nullable = false) const
    {
        const QString s = text(name, nullable);
        if (s.isEmpty())
            return QDateTime();
        const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!t.isValid())
            fail(name);
        return t;
    }
    QJsonObject object(const char *name, bool nullable = false) const
    {
        return need(name, QJsonValue::Object, nullable).toObject();
    }
    QJsonArray array(const char *name) const { return need(name, QJsonValue::Array).toArray(); }
    bool has(const char *name) const { return m_o.value(QLatin1String(name)).isObject(); }
    QString where() const { return m_where; }

private:
    void fail(const char *name) const
    {
        if (m_error->isEmpty())
            *m_error = SupervisorOverview::tr("The back office's overview is not understood (%1.%2).")
                           .arg(m_where, QLatin1String(name));
    }

    QJsonObject m_o;
    QString m_where;
    QString *m_error;
};

template<typename T, typename F>
QList<T> each(const QJsonArray &array, const QString &where, QString *error, F read)
{
    QList<T> out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i)
        out << read(Reader(array.at(i).toObject(), QStringLiteral("%1[%2]").arg(where).arg(i), error));
    return out;
}

SupervisorOverview::Outcome outcome(const Reader &r)
{
    SupervisorOverview::Outcome o;
    o.window = r.text("window", true);
    o.clerk = r.text("clerk", true);
    o.tickets = int(r.integer("tickets"));
    o.avgWaitSeconds = r.optNumber("avgWaitSeconds");
    o.p90WaitSeconds = r.optInteger("p90WaitSeconds");
    o.avgHandlingSeconds = r.optNumber("avgHandlingSeconds");
    o.accepted = int(r.integer("accepted"));
    o.tolerated = int(r.integer("tolerated"));
    o.notice = int(r.integer("notice"));
    o.refused = int(r.integer("refused"));
    o.cases = int(r.integer("cases"));
    o.oneVisit = int(r.integer("oneVisit"));
    o.oneVisitShare = r.optNumber("oneVisitShare");
    return o;
}

SupervisorOverview::DeadlineCount count(const Reader &r)
{
    return {r.text("key"), r.text("name"), int(r.integer("near")), int(r.integer("overdue"))};
}

} // namespace

QString SupervisorOverview::windowName(const QString &keyId) const
{
    for (const LiveWindow &w : windows) {
        if (w.window == keyId && !w.name.isEmpty())
            return w.name;
    }
    return keyId;
}

Result<SupervisorOverview> SupervisorOverview::fromJson(const QJsonObject &json)
{
    QString error;
    const Reader top(json, QStringLiteral("overview"), &error);
    SupervisorOverview out;
    out.generatedAt = top.time("generatedAt");
    out.today = top.date("today");
    out.from = top.date("from");
    out.to = top.date("to");
    const Reader page(top.object("page"), QStringLiteral("page"), &error);
    out.pageOffset = int(page.integer("offset"));
    out.pageLimit = int(page.integer("limit"));
    out.windowCount = int(page.integer("windows"));
    out.windows = each<LiveWindow>(top.array("windows"), QStringLiteral("windows"), &error, [&error](const Reader &r) {
        LiveWindow w;
        w.window = r.text("window");
        w.name = r.text("name");
        w.kind = r.text("kind");
        w.hall = r.text("hall", true);
        w.clerk = r.text("clerk", true);
        if (r.has("serving")) {
            const Reader s(r.object("serving"), r.where() + QStringLiteral(".serving"), &error);
            w.serving = Serving {s.text("ticket"), s.text("number"), s.text("category"), s.text("state"),
                s.time("since"), s.integer("seconds")};
        }
        w.waiting = int(r.integer("waiting"));
        w.longestWaitSeconds = r.optInteger("longestWaitSeconds");
        w.lastSyncAt = r.time("lastSyncAt", true);
        w.syncAgeSeconds = r.optInteger("syncAgeSeconds");
        w.offline = r.flag("offline");
        return w;
    });

    const Reader deadlines(top.object("deadlines"), QStringLiteral("deadlines"), &error);
    out.nearLimit = deadlines.date("nearLimit");
    out.deadlineItems =
        each<DeadlineItem>(deadlines.array("items"), QStringLiteral("deadlines.items"), &error, [](const Reader &r) {
            return DeadlineItem {r.text("case"), r.text("caseNumber"), r.text("item"), r.text("matter"), r.text("name"),
                r.text("window"), r.text("department"), r.text("departmentName"), r.date("promisedDate"),
                int(r.integer("workingDaysLeft")), r.flag("overdue")};
        });
    out.deadlinesByWindow =
        each<DeadlineCount>(deadlines.array("byWindow"), QStringLiteral("deadlines.byWindow"), &error, count);
    out.deadlinesByDepartment =
        each<DeadlineCount>(deadlines.array("byDepartment"), QStringLiteral("deadlines.byDepartment"), &error, count);
    out.supplementsOverdue = each<Supplement>(deadlines.array("supplementsOverdue"),
        QStringLiteral("deadlines.supplementsOverdue"), &error, [](const Reader &r) {
            return Supplement {r.text("case"), r.text("caseNumber"), r.text("window"), r.text("task"), r.text("kind"),
                r.text("bring"), r.date("dueBy")};
        });

    const Reader outcomes(top.object("outcomes"), QStringLiteral("outcomes"), &error);
    out.total = outcome(Reader(outcomes.object("total"), QStringLiteral("outcomes.total"), &error));
    out.windowOutcomes = each<Outcome>(outcomes.array("windows"), QStringLiteral("outcomes.windows"), &error, outcome);
    out.clerkOutcomes = each<Outcome>(outcomes.array("clerks"), QStringLiteral("outcomes.clerks"), &error, outcome);

    const Reader ratings(top.object("ratings"), QStringLiteral("ratings"), &error);
    out.badRatings =
        each<BadRating>(ratings.array("bad"), QStringLiteral("ratings.bad"), &error, [&error](const Reader &r) {
            BadRating b;
            b.rating = r.text("rating");
            b.caseId = r.text("case");
            b.caseNumber = r.text("caseNumber");
            b.window = r.text("window");
            b.clerk = r.text("clerk");
            b.service = r.text("service");
            b.level = r.text("level");
            b.ratedAt = r.time("ratedAt");
            b.dueBy = r.date("dueBy");
            b.state = r.text("state");
            b.overdue = r.flag("overdue");
            if (r.has("callback")) {
                const Reader c(r.object("callback"), r.where() + QStringLiteral(".callback"), &error);
                b.callback = Callback {c.text("by"), c.time("at"), c.text("outcome")};
            }
            b.appealPending = r.flag("appealPending");
            return b;
        });
    out.appeals =
        each<Appeal>(ratings.array("appeals"), QStringLiteral("ratings.appeals"), &error, [](const Reader &r) {
            return Appeal {r.text("appeal"), r.text("rating"), r.text("case"), r.text("caseNumber"), r.text("window"),
                r.text("clerk"), r.text("level"), r.text("reason"), r.time("filedAt")};
        });

    out.daily = each<Day>(top.array("daily"), QStringLiteral("daily"), &error, [](const Reader &r) {
        return Day {r.date("day"), int(r.integer("tickets")), r.optInteger("p90WaitSeconds"),
            int(r.integer("accepted")), int(r.integer("cases")), r.optNumber("oneVisitShare")};
    });
    if (!error.isEmpty())
        return Result<SupervisorOverview>::failure(error);
    return out;
}

} // namespace ow::sync
