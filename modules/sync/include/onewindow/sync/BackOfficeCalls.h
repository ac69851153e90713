#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkReply;

namespace ow::sync {

// JSON requests to the back office as the signed-in user (their bearer token), asynchronous on
// its own QNetworkAccessManager (Qt does HTTP off the GUI thread), each with a transfer timeout.
// Without a token, or when the back office refuses it (401: expired, signed out, revoked), it
// signs in with the user's credentials (in memory only; POST /v1/sessions) and sends the request
// again once. The answer goes to `done` (2xx) or the reason to `failed` (unreachable, 4xx, 5xx).
class BackOfficeCalls final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 10000;
    using Done = std::function<void(int status, const QJsonObject &body)>;
    using Failed = std::function<void(int status, const QString &message)>;

    BackOfficeCalls(QUrl baseUrl, QByteArray token, QObject *parent = nullptr);

    void setToken(const QByteArray &token) { m_token = token; }
    void setCredentials(const QString &user, const QString &password);
    QString user() const { return m_user; }

    // `context` guards the callbacks: none runs once it is gone.
    void send(const QByteArray &method, const QString &path, const QUrlQuery &query, const QJsonObject &body,
        const QObject *context, Done done, Failed failed);

private:
    struct Call
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QJsonObject body;
        QPointer<const QObject> context;
        Done done;
        Failed failed;
    };
    void sendNow(Call call, bool retried);
    void signIn(Call call);

    QNetworkAccessManager m_nam;
    QUrl m_baseUrl;
    QByteArray m_token;
    QString m_user;
    QString m_password;
    QNetworkReply *m_signInReply = nullptr;
    QList<Call> m_afterSignIn;
};

} // namespace ow::sync
