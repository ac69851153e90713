#include "onewindow/queue/Ticket.h"

#include <QCoreApplication>
#include <QJsonValue>

#include <array>
#include <utility>

namespace ow::queue {

namespace {

template<typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char *>, N> &table, const QString &text)
{
    for (const auto &[e, name] : table) {
        if (text == QLatin1String(name))
            return e;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<TicketSource, const char *>, 5> kSources {{
    {TicketSource::Kiosk, "kiosk"},
    {TicketSource::Window, "window"},
    {TicketSource::Appointment, "appointment"},
    {TicketSource::Return, "return"},
    {TicketSource::Station, "station"},
}};
constexpr std::array<std::pair<Priority, const char *>, 5> kPriorities {{
    {Priority::None, "none"},
    {Priority::Elderly, "elderly"},
    {Priority::Disabled, "disabled"},
    {Priority::Pregnant, "pregnant"},
    {Priority::Military, "military"},
}};
constexpr std::array<std::pair<TicketState, const char *>, 7> kStates {{
    {TicketState::Waiting, "waiting"},
    {TicketState::Called, "called"},
    {TicketState::Serving, "serving"},
    {TicketState::Parked, "parked"},
    {TicketState::Done, "done"},
    {TicketState::NoShow, "no-show"},
    {TicketState::Transferred, "transferred"},
}};

QJsonValue timeValue(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QJsonValue textValue(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// A nullable time field: absent or null → invalid; otherwise it must read.
bool readTime(const QJsonObject &json, const char *field, QDateTime &out)
{
    const QJsonValue v = json.value(QLatin1String(field));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString())
        return false;
    out = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!out.isValid())
        return false;
    out = out.toUTC();
    return true;
}

bool readText(const QJsonObject &json, const char *field, QString &out)
{
    const QJsonValue v = json.value(QLatin1String(field));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString())
        return false;
    out = v.toString();
    return true;
}

} // namespace

QString sourceName(TicketSource source)
{
    return nameOf(kSources, source);
}
QString priorityName(Priority priority)
{
    return nameOf(kPriorities, priority);
}
QString stateName(TicketState state)
{
    return nameOf(kStates, state);
}

Result<TicketSource> ticketSourceFromString(const QString &text)
{
    if (const auto v = valueOf(kSources, text))
        return *v;
    return Result<TicketSource>::failure(
        QCoreApplication::translate("ow::queue::Ticket", "Unknown ticket source: %1").arg(text.left(40)));
}
Result<Priority> priorityFromString(const QString &text)
{
    if (const auto v = valueOf(kPriorities, text))
        return *v;
    return Result<Priority>::failure(
        QCoreApplication::translate("ow::queue::Ticket", "Unknown priority: %1").arg(text.left(40)));
}
Result<TicketState> ticketStateFromString(const QString &text)
{
    if (const auto v = valueOf(kStates, text))
        return *v;
    return Result<TicketState>::failure(
        QCoreApplication::translate("ow::queue::Ticket", "Unknown ticket state: %1").arg(text.left(40)));
}

QJsonObject Ticket::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("id"), id);
    o.insert(QLatin1String("number"), number);
    o.insert(QLatin1String("hall"), hall);
    o.insert(QLatin1String("category"), category);
    o.insert(QLatin1String("source"), sourceName(source));
    o.insert(QLatin1String("priority"), priorityName(priority));
    o.insert(QLatin1String("issuedAt"), timeValue(issuedAt));
    o.insert(QLatin1String("queuedAt"), timeValue(queuedAt));
    o.insert(QLatin1String("appointment"), textValue(appointmentId));
    o.insert(QLatin1String("slotStart"), timeValue(slotStart));
    o.insert(QLatin1String("slotEnd"), timeValue(slotEnd));
    o.insert(QLatin1String("caseId"), textValue(caseId));
    o.insert(QLatin1String("caseNumber"), textValue(caseNumber));
    o.insert(QLatin1String("state"), stateName(state));
    o.insert(QLatin1String("calls"), calls);
    o.insert(QLatin1String("lastCalledAt"), timeValue(lastCalledAt));
    o.insert(QLatin1String("window"), textValue(window));
    o.insert(QLatin1String("targetWindow"), textValue(targetWindow));
    return o;
}

Result<Ticket> Ticket::fromJson(const QJsonObject &json)
{
    const auto fail = [](const char *field) {
        return Result<Ticket>::failure(
            QCoreApplication::translate("ow::queue::Ticket", "The ticket's field %1 is missing or does not read.")
                .arg(QLatin1String(field)));
    };
    Ticket t;
    for (const auto &[field, out] : std::initializer_list<std::pair<const char *, QString *>> {
             {"id", &t.id}, {"number", &t.number}, {"hall", &t.hall}, {"category", &t.category}}) {
        const QJsonValue v = json.value(QLatin1String(field));
        if (!v.isString() || v.toString().isEmpty() || v.toString().size() > 64)
            return fail(field);
        *out = v.toString();
    }
    const auto source = ticketSourceFromString(json.value(QLatin1String("source")).toString());
    if (!source)
        return fail("source");
    t.source = *source;
    const QJsonValue priorityValue = json.value(QLatin1String("priority"));
    if (!priorityValue.isUndefined()) {
        const auto priority = priorityFromString(priorityValue.toString());
        if (!priority)
            return fail("priority");
        t.priority = *priority;
    }
    const QJsonValue stateValue = json.value(QLatin1String("state"));
    if (!stateValue.isUndefined()) {
        const auto state = ticketStateFromString(stateValue.toString());
        if (!state)
            return fail("state");
        t.state = *state;
    }
    if (!readTime(json, "issuedAt", t.issuedAt) || !t.issuedAt.isValid())
        return fail("issuedAt");
    if (!readTime(json, "queuedAt", t.queuedAt))
        return fail("queuedAt");
    if (!t.queuedAt.isValid())
        t.queuedAt = t.issuedAt;
    if (!readTime(json, "slotStart", t.slotStart))
        return fail("slotStart");
    if (!readTime(json, "slotEnd", t.slotEnd))
        return fail("slotEnd");
    if (!readTime(json, "lastCalledAt", t.lastCalledAt))
        return fail("lastCalledAt");
    if (!readText(json, "appointment", t.appointmentId))
        return fail("appointment");
    if (!readText(json, "caseId", t.caseId))
        return fail("caseId");
    if (!readText(json, "caseNumber", t.caseNumber))
        return fail("caseNumber");
    if (!readText(json, "window", t.window))
        return fail("window");
    if (!readText(json, "targetWindow", t.targetWindow))
        return fail("targetWindow");
    const QJsonValue callsValue = json.value(QLatin1String("calls"));
    if (!callsValue.isUndefined()) {
        if (!callsValue.isDouble() || callsValue.toDouble() < 0 || callsValue.toDouble() > 1000
            || callsValue.toDouble() != double(callsValue.toInt()))
            return fail("calls");
        t.calls = callsValue.toInt();
    }
    return t;
}

bool operator==(const Ticket &a, const Ticket &b)
{
    return a.id == b.id && a.number == b.number && a.hall == b.hall && a.category == b.category && a.source == b.source
        && a.priority == b.priority && a.issuedAt == b.issuedAt && a.queuedAt == b.queuedAt
        && a.appointmentId == b.appointmentId && a.slotStart == b.slotStart && a.slotEnd == b.slotEnd
        && a.caseId == b.caseId && a.caseNumber == b.caseNumber && a.state == b.state && a.calls == b.calls
        && a.lastCalledAt == b.lastCalledAt && a.window == b.window && a.targetWindow == b.targetWindow;
}

} // namespace ow::queue
