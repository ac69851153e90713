#include "onewindow/sync/RemoteQueueService.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <utility>

namespace ow::sync {

RemoteQueueService::RemoteQueueService(QUrl baseUrl, QByteArray token, QString window, QString hall, QObject *parent)
    : QueueService(parent)
    , m_baseUrl(std::move(baseUrl))
    , m_token(std::move(token))
    , m_window(std::move(window))
    , m_hall(std::move(hall))
    , m_retryTimer(new QTimer(this))
    , m_refreshTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    // After a failure the snapshot first: it answers at once (a poll would wait for an event),
    // so the screen says the link is back; its answer starts the poll again.
    connect(m_retryTimer, &QTimer::timeout, this, &RemoteQueueService::refresh);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(kRefreshGapMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &RemoteQueueService::refresh);
}

RemoteQueueService::~RemoteQueueService()
{
    // The long-poll under way ends without an answer (no failed() from a service going away).
    if (m_pollReply) {
        m_pollReply->disconnect(this);
        m_pollReply->abort();
    }
}

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

void RemoteQueueService::setCredentials(const QString &user, const QString &password)
{
    m_user = user;
    m_password = password;
}

void RemoteQueueService::send(
    const QByteArray &method, const QString &path, const QJsonObject &body, Handler handler, Failure onFailure)
{
    if (m_token.isEmpty() && !m_user.isEmpty()) {
        signIn([this, method, path, body, handler = std::move(handler), onFailure = std::move(onFailure)](
                   bool ok) mutable {
            if (ok)
                sendNow(method, path, body, std::move(handler), std::move(onFailure), true);
            else if (onFailure)
                onFailure();
        });
        return;
    }
    sendNow(method, path, body, std::move(handler), std::move(onFailure), false);
}

void RemoteQueueService::signIn(std::function<void(bool)> then)
{
    m_afterSignIn << std::move(then);
    if (m_signInReply)
        return;
    QUrl url = m_baseUrl;
    url.setPath(QStringLiteral("/v1/sessions"));
    QNetworkRequest request(url);
    request.setTransferTimeout(kTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray body =
        QJsonDocument(QJsonObject {{QStringLiteral("name"), m_user}, {QStringLiteral("password"), m_password}})
            .toJson(QJsonDocument::Compact);
    m_signInReply = m_nam.post(request, body);
    QNetworkReply *reply = m_signInReply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_signInReply = nullptr;
        const QList<std::function<void(bool)>> waiting = std::exchange(m_afterSignIn, {});
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray token =
            QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("token")).toString().toUtf8();
        if (status == 201 && !token.isEmpty()) {
            m_token = token;
            for (const auto &f : waiting)
                f(true);
            return;
        }
        Q_EMIT failed(status == 0 ? tr("The back office cannot be reached: %1").arg(reply->errorString())
                                  : tr("The back office refused the sign-in of %1 (%2).").arg(m_user).arg(status));
        for (const auto &f : waiting)
            f(false);
    });
}

void RemoteQueueService::sendNow(const QByteArray &method, const QString &path, const QJsonObject &body,
    Handler handler, Failure onFailure, bool retried)
{
    QUrl url = m_baseUrl;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setTransferTimeout(kTimeoutMs);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray bytes = method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, bytes);
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, method, path, body, retried, handler = std::move(handler),
            onFailure = std::move(onFailure)]() mutable {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
            if (status == 0) {
                Q_EMIT failed(tr("The back office cannot be reached: %1").arg(reply->errorString()));
                if (onFailure)
                    onFailure();
                return;
            }
            // The session ended (expired, signed out, revoked): sign in again once, then resend.
            if (status == 401 && !retried && !m_user.isEmpty()) {
                m_token.clear();
                signIn([this, method, path, body, handler = std::move(handler), onFailure = std::move(onFailure)](
                           bool ok) mutable {
                    if (ok)
                        sendNow(method, path, body, std::move(handler), std::move(onFailure), true);
                    else if (onFailure)
                        onFailure();
                });
                return;
            }
            // "No appointment today for this card" is an answer, not a failure.
            const bool noAppointment =
                status == 404 && answer.value(QLatin1String("error")).toString() == QLatin1String("no-appointment");
            if (status >= 400 && !noAppointment) {
                const QString message = answer.value(QLatin1String("message")).toString();
                Q_EMIT failed(message.isEmpty() ? tr("The back office answered %1.").arg(status) : message);
                if (onFailure)
                    onFailure();
                return;
            }
            handler(status, answer);
        });
}

void RemoteQueueService::refresh()
{
    // Following, with no poll under way (the first snapshot, or a retry): tried again later.
    const auto retryLater = [this] {
        if (m_following && !m_pollReply && !m_retryTimer->isActive())
            m_retryTimer->start(m_backoff.next());
    };
    send(
        "GET", QStringLiteral("/v1/halls/%1/queue").arg(m_hall), {},
        [this, retryLater](int, const QJsonObject &body) {
            auto snapshot = queue::QueueSnapshot::fromJson(body);
            if (!snapshot) {
                Q_EMIT failed(snapshot.error());
                retryLater();
                return;
            }
            m_backoff.reset();
            if (m_following) {
                // Follow the events from the newest call on (snapshot.calls is newest first): what
                // came before is in this snapshot already.
                if (!m_cursor)
                    m_cursor = snapshot->calls.isEmpty() ? 0 : snapshot->calls.constFirst().cursor;
                poll(); // unless one is under way
            }
            Q_EMIT snapshotReady(*snapshot);
        },
        retryLater);
}

void RemoteQueueService::follow()
{
    if (m_following)
        return;
    m_following = true;
    refresh();
}

void RemoteQueueService::poll()
{
    if (m_pollReply || !m_cursor)
        return;
    if (m_token.isEmpty() && !m_user.isEmpty()) {
        signIn([this](bool ok) {
            if (ok)
                poll();
            else if (!m_retryTimer->isActive())
                m_retryTimer->start(m_backoff.next());
        });
        return;
    }
    QUrl url = m_baseUrl;
    url.setPath(QStringLiteral("/v1/halls/%1/events").arg(m_hall));
    url.setQuery(QUrlQuery {{QStringLiteral("after"), QString::number(*m_cursor)},
        {QStringLiteral("wait"), QString::number(kEventWaitSeconds)},
        {QStringLiteral("limit"), QString::number(kEventLimit)}});
    QNetworkRequest request(url);
    // The back office holds the request up to kEventWaitSeconds: the timeout is beyond that.
    request.setTransferTimeout(kEventWaitSeconds * 1000 + kTimeoutMs);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    m_pollReply = m_nam.get(request);
    QNetworkReply *reply = m_pollReply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { pollAnswered(reply); });
}

void RemoteQueueService::pollAnswered(QNetworkReply *reply)
{
    reply->deleteLater();
    m_pollReply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    if (status == 401 && !m_user.isEmpty() && m_backoff.failures() == 0) {
        // The session ended: sign in again (poll does) and go on.
        m_token.clear();
        m_backoff.next();
        poll();
        return;
    }
    if (status != 200) {
        const QString message = answer.value(QLatin1String("message")).toString();
        retryPoll(status == 0       ? tr("The back office cannot be reached: %1").arg(reply->errorString())
                : message.isEmpty() ? tr("The back office answered %1.").arg(status)
                                    : message);
        return;
    }
    m_backoff.reset();
    const qint64 cursor = answer.value(QLatin1String("cursor")).toInteger(*m_cursor);
    if (cursor > *m_cursor)
        m_cursor = cursor;
    // New events, the wait over without any (times move on), or the link back: the snapshot
    // again, once for a burst of events.
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
    poll();
}

void RemoteQueueService::retryPoll(const QString &problem)
{
    Q_EMIT failed(problem);
    if (!m_retryTimer->isActive())
        m_retryTimer->start(m_backoff.next());
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
    QJsonObject body {{QStringLiteral("priority"), queue::priorityName(priority)}};
    // A return ticket may leave the category to the back office (the case's accepting window's).
    if (!category.isEmpty() || caseNumber.isEmpty())
        body.insert(QStringLiteral("category"), category);
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
            if (status == 404) {
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
        });
}

} // namespace ow::sync
