#include "onewindow/sync/RemoteQueueService.h"

#include "onewindow/sync/BackOfficeCalls.h"

#include <utility>

namespace ow::sync {

RemoteQueueService::RemoteQueueService(QUrl baseUrl, QByteArray token, QString window, QString hall, QObject *parent)
    : QueueService(parent)
    , m_calls(new BackOfficeCalls(std::move(baseUrl), std::move(token), this))
    , m_window(std::move(window))
    , m_hall(std::move(hall))
{ }

QString RemoteQueueService::actionName(Action action)
{
    switch (action) {
    case Action::Serve: return QStringLiteral("serve");
    case Action::Recall: return QStringLiteral("recall");
    case Action::NoShow: return QStringLiteral("no-show");
    case Action::Park: return QStringLiteral("park");
    case Action::Resume: return QStringLiteral("resume");
    case Action::Done: return QStringLiteral("done");
    case Action::Transfer: return QStringLiteral("transfer");
    }
    return QString();
}

void RemoteQueueService::setToken(const QByteArray &token)
{
    m_calls->setToken(token);
}

void RemoteQueueService::setCredentials(const QString &user, const QString &password)
{
    m_calls->setCredentials(user, password);
}

void RemoteQueueService::send(
    const QByteArray &method, const QString &path, const QJsonObject &body, Handler handler, const QStringList &answers)
{
    m_calls->send(
        method, path, {}, body, this, std::move(handler), [this](int, const QString &message) { Q_EMIT failed(message); },
        answers);
}

void RemoteQueueService::refresh()
{
    send("GET", QStringLiteral("/v1/halls/%1/queue").arg(m_hall), {}, [this](int, const QJsonObject &body) {
        auto snapshot = queue::QueueSnapshot::fromJson(body);
        if (!snapshot) {
            Q_EMIT failed(snapshot.error());
            return;
        }
        Q_EMIT snapshotReady(*snapshot);
    });
}

void RemoteQueueService::callNext()
{
    send("POST", QStringLiteral("/v1/windows/%1/calls").arg(m_window), {}, [this](int status, const QJsonObject &body) {
        if (status == 204) {
            Q_EMIT nobodyWaiting();
            return;
        }
        auto ticket = queue::Ticket::fromJson(body);
        if (!ticket) {
            Q_EMIT failed(ticket.error());
            return;
        }
        Q_EMIT ticketChanged(*ticket);
    });
}

void RemoteQueueService::act(const QString &ticketId, Action action, const ActionArgs &args)
{
    QJsonObject body;
    const auto put = [&body](const char *name, const QString &value) {
        if (!value.isEmpty())
            body.insert(QLatin1String(name), value);
    };
    put("toWindow", args.toWindow);
    put("toCategory", args.toCategory);
    put("caseId", args.caseId);
    put("caseNumber", args.caseNumber);
    send("POST", QStringLiteral("/v1/tickets/%1/%2").arg(ticketId, actionName(action)), body,
        [this](int, const QJsonObject &answer) {
            auto ticket = queue::Ticket::fromJson(answer);
            if (!ticket) {
                Q_EMIT failed(ticket.error());
                return;
            }
            Q_EMIT ticketChanged(*ticket);
        });
}

void RemoteQueueService::issue(const QString &category, ow::queue::Priority priority, const QString &caseNumber)
{
    QJsonObject body {
        {QStringLiteral("category"), category}, {QStringLiteral("priority"), queue::priorityName(priority)}};
    if (!caseNumber.isEmpty())
        body.insert(QStringLiteral("caseNumber"), caseNumber);
    send("POST", QStringLiteral("/v1/halls/%1/tickets").arg(m_hall), body, [this](int, const QJsonObject &answer) {
        auto ticket = queue::Ticket::fromJson(answer.value(QLatin1String("ticket")).toObject());
        if (!ticket) {
            Q_EMIT failed(ticket.error());
            return;
        }
        Q_EMIT ticketIssued(
            *ticket, answer.value(QLatin1String("ahead")).toInt(), answer.value(QLatin1String("follow")).toString());
    });
}

void RemoteQueueService::checkIn(const QString &idNumber, ow::queue::Priority priority)
{
    const QJsonObject body {
        {QStringLiteral("idNumber"), idNumber}, {QStringLiteral("priority"), queue::priorityName(priority)}};
    send("POST", QStringLiteral("/v1/halls/%1/appointments/check-in").arg(m_hall), body,
        [this](int status, const QJsonObject &answer) {
            if (status == 404) { // "no-appointment", the one refusal passed as an answer
                Q_EMIT noAppointment();
                return;
            }
            auto ticket = queue::Ticket::fromJson(answer.value(QLatin1String("ticket")).toObject());
            if (!ticket) {
                Q_EMIT failed(ticket.error());
                return;
            }
            Q_EMIT ticketIssued(*ticket, answer.value(QLatin1String("ahead")).toInt(),
                answer.value(QLatin1String("follow")).toString());
        },
        {QStringLiteral("no-appointment")});
}

} // namespace ow::sync
