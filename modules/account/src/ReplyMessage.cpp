#include "onewindow/account/ReplyMessage.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace ow::account {

bool ReplyMessage::unreachable(const QNetworkReply *reply)
{
    const auto status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid())
        return status.toInt() == 502 || status.toInt() == 503 || status.toInt() == 504;
    return reply->error() != QNetworkReply::NoError;
}

QString ReplyMessage::describe(QNetworkReply *reply, const QByteArray &body)
{
    const auto status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        const QString host = reply->url().host();
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            return tr("The back office at %1 refused the connection (is it running?).").arg(host);
        case QNetworkReply::HostNotFoundError:
            return tr("The back office's host %1 was not found (check the address and the network).").arg(host);
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError: return tr("The back office at %1 did not answer in time.").arg(host);
        case QNetworkReply::SslHandshakeFailedError:
        case QNetworkReply::InsecureRedirectError:
            return tr("The secure connection to %1 failed (certificate not trusted or TLS error): %2")
                .arg(host, reply->errorString());
        case QNetworkReply::RemoteHostClosedError:
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::NetworkSessionFailedError:
        case QNetworkReply::UnknownNetworkError: return tr("No network connection to the back office at %1.").arg(host);
        default: return tr("The back office at %1 could not be reached: %2").arg(host, reply->errorString());
        }
    }
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QString message = o.value(QLatin1String("message")).toString();
    if (!message.isEmpty())
        return tr("The back office answered %1: %2").arg(status.toInt()).arg(message);
    return tr("The back office answered %1 unexpectedly.").arg(status.toInt());
}

QString ReplyMessage::errorCode(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toString();
}

} // namespace ow::account
