#include "onewindow/queue/QueueSnapshot.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ow::queue {

namespace {

QDateTime readTime(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

Result<QList<Ticket>> readTickets(const QJsonValue &v)
{
    QList<Ticket> out;
    if (!v.isArray())
        return Result<QList<Ticket>>::failure(
            QCoreApplication::translate("ow::queue::QueueSnapshot", "A list of tickets is missing."));
    for (const QJsonValue &one : v.toArray()) {
        auto t = Ticket::fromJson(one.toObject());
        if (!t)
            return Result<QList<Ticket>>::failure(t.error());
        out.append(*t);
    }
    return out;
}

} // namespace

QJsonObject HallCall::toJson() const
{
    return QJsonObject {{QLatin1String("cursor"), cursor}, {QLatin1String("type"), type},
        {QLatin1String("ticket"), ticket}, {QLatin1String("number"), number}, {QLatin1String("category"), category},
        {QLatin1String("window"), window}, {QLatin1String("at"), at.toUTC().toString(Qt::ISODateWithMs)}};
}

Result<HallCall> HallCall::fromJson(const QJsonObject &json)
{
    HallCall c;
    c.cursor = json.value(QLatin1String("cursor")).toInteger();
    c.type = json.value(QLatin1String("type")).toString();
    c.ticket = json.value(QLatin1String("ticket")).toString();
    c.number = json.value(QLatin1String("number")).toString();
    c.category = json.value(QLatin1String("category")).toString();
    c.window = json.value(QLatin1String("window")).toString();
    c.at = readTime(json.value(QLatin1String("at")));
    if (c.number.isEmpty() || c.window.isEmpty() || !c.at.isValid()
        || (c.type != QLatin1String("call") && c.type != QLatin1String("recall") && c.type != QLatin1String("resume")))
        return Result<HallCall>::failure(
            QCoreApplication::translate("ow::queue::QueueSnapshot", "A call does not read."));
    return c;
}

QJsonObject QueueSnapshot::toJson() const
{
    QJsonArray cats;
    for (const CategoryLoad &c : categories)
        cats.append(QJsonObject {{QLatin1String("code"), c.code}, {QLatin1String("name"), c.name},
            {QLatin1String("letter"), c.letter}, {QLatin1String("waiting"), c.waiting},
            {QLatin1String("longestWaitSeconds"), c.longestWaitSeconds}});
    QJsonArray callList;
    for (const HallCall &c : calls)
        callList.append(c.toJson());
    QJsonArray parkedList;
    for (const Ticket &t : parked)
        parkedList.append(t.toJson());
    QJsonArray nextList;
    for (const Ticket &t : next)
        nextList.append(t.toJson());
    return QJsonObject {{QLatin1String("hall"), hall}, {QLatin1String("at"), at.toUTC().toString(Qt::ISODateWithMs)},
        {QLatin1String("categories"), cats}, {QLatin1String("calls"), callList},
        {QLatin1String("current"), current ? QJsonValue(current->toJson()) : QJsonValue(QJsonValue::Null)},
        {QLatin1String("parked"), parkedList}, {QLatin1String("next"), nextList}};
}

Result<QueueSnapshot> QueueSnapshot::fromJson(const QJsonObject &json)
{
    using R = Result<QueueSnapshot>;
    QueueSnapshot s;
    s.hall = json.value(QLatin1String("hall")).toString();
    s.at = readTime(json.value(QLatin1String("at")));
    if (s.hall.isEmpty() || !s.at.isValid())
        return R::failure(
            QCoreApplication::translate("ow::queue::QueueSnapshot", "The queue's hall or time is missing."));
    for (const QJsonValue &v : json.value(QLatin1String("categories")).toArray()) {
        const QJsonObject o = v.toObject();
        s.categories.append({o.value(QLatin1String("code")).toString(), o.value(QLatin1String("name")).toString(),
            o.value(QLatin1String("letter")).toString(), o.value(QLatin1String("waiting")).toInt(),
            o.value(QLatin1String("longestWaitSeconds")).toInteger()});
    }
    for (const QJsonValue &v : json.value(QLatin1String("calls")).toArray()) {
        auto c = HallCall::fromJson(v.toObject());
        if (!c)
            return R::failure(c.error());
        s.calls.append(*c);
    }
    const QJsonValue current = json.value(QLatin1String("current"));
    if (current.isObject()) {
        auto t = Ticket::fromJson(current.toObject());
        if (!t)
            return R::failure(t.error());
        s.current = *t;
    }
    auto parked = readTickets(json.value(QLatin1String("parked")));
    if (!parked)
        return R::failure(parked.error());
    s.parked = *parked;
    auto next = readTickets(json.value(QLatin1String("next")));
    if (!next)
        return R::failure(next.error());
    s.next = *next;
    return s;
}

} // namespace ow::queue
