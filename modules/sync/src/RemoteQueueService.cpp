#include "onewindow/sync/RemoteQueueService.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace ow::sync {

RemoteQueueService::RemoteQueueService(QUrl baseUrl, QByteArray token, QString window, QString hall, QObject *parent)
    : QueueService(parent)
    , m_baseUrl(std::move(baseUrl))
    , m_token(std::move(token))
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

void RemoteQueueService::send(const QByteArray &method, const QString &path, const QJsonObject &body, Handler handler)
{
    QUrl url = m_baseUrl;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setTransferTimeout(kTimeoutMs);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray bytes = method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, bytes);
    connect(reply, &QNetworkReply::finished, this, [this, reply, handler = std::move(handler)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        if (status == 0) {
            Q_EMIT failed(tr("The back office cannot be reached: %1").arg(reply->errorString()));
            return;
        }
        if (status >= 400) {
            const QString message = answer.value(QLatin1String("message")).toString();
            Q_EMIT failed(message.isEmpty() ? tr("The back office answered %1.").arg(status) : message);
            return;
        }
        handler(status, answer);
    });
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

} // namespace ow::sync
