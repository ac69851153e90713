#include "onewindow/sync/BackOfficeCalls.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <utility>

namespace ow::sync {

BackOfficeCalls::BackOfficeCalls(QUrl baseUrl, QByteArray token, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
    , m_token(std::move(token))
{ }

void BackOfficeCalls::setCredentials(const QString &user, const QString &password)
{
    m_user = user;
    m_password = password;
}

void BackOfficeCalls::send(const QByteArray &method, const QString &path, const QUrlQuery &query,
    const QJsonObject &body, const QObject *context, Done done, Failed failed)
{
    Call call {method, path, query, body, context, std::move(done), std::move(failed)};
    if (m_token.isEmpty() && !m_user.isEmpty()) {
        signIn(std::move(call));
        return;
    }
    sendNow(std::move(call), false);
}

void BackOfficeCalls::signIn(Call call)
{
    m_afterSignIn << std::move(call);
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
        QList<Call> waiting = std::exchange(m_afterSignIn, {});
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray token =
            QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("token")).toString().toUtf8();
        if (status == 201 && !token.isEmpty()) {
            m_token = token;
            for (Call &c : waiting)
                sendNow(std::move(c), true);
            return;
        }
        const QString message = status == 0
            ? tr("The back office cannot be reached: %1").arg(reply->errorString())
            : tr("The back office refused the sign-in of %1 (%2).").arg(m_user).arg(status);
        for (const Call &c : waiting) {
            if (c.context)
                c.failed(status, message);
        }
    });
}

void BackOfficeCalls::sendNow(Call call, bool retried)
{
    QUrl url = m_baseUrl;
    url.setPath(call.path);
    url.setQuery(call.query);
    QNetworkRequest request(url);
    request.setTransferTimeout(kTimeoutMs);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray bytes =
        call.method == "GET" ? QByteArray() : QJsonDocument(call.body).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, call.method, bytes);
    connect(reply, &QNetworkReply::finished, this, [this, reply, retried, call = std::move(call)]() mutable {
        reply->deleteLater();
        if (!call.context)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        if (status == 0) {
            call.failed(0, tr("The back office cannot be reached: %1").arg(reply->errorString()));
            return;
        }
        // The session ended (expired, signed out, revoked): sign in again once, then resend.
        if (status == 401 && !retried && !m_user.isEmpty()) {
            m_token.clear();
            signIn(std::move(call));
            return;
        }
        if (status >= 400) {
            const QString message = answer.value(QLatin1String("message")).toString();
            call.failed(status, message.isEmpty() ? tr("The back office answered %1.").arg(status) : message);
            return;
        }
        call.done(status, answer);
    });
}

} // namespace ow::sync
