#include "onewindow/backoffice/BackOfficeServer.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonObject>

namespace ow {

BackOfficeServer::BackOfficeServer(QObject *parent)
    : QObject(parent)
    , m_http(std::make_unique<QHttpServer>())
{
    setupRoutes();
}

BackOfficeServer::~BackOfficeServer() = default;

void BackOfficeServer::setupRoutes()
{
    m_http->route(QStringLiteral("/health"), QHttpServerRequest::Method::Get, [] {
        const QJsonObject body {
            {QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("service"), QStringLiteral("onewindow-backoffice")},
            {QStringLiteral("version"), QStringLiteral(ONEWINDOW_VERSION)},
        };
        return QHttpServerResponse(body);
    });
}

Result<quint16> BackOfficeServer::listen(const QHostAddress &address, quint16 port)
{
    const quint16 bound = m_http->listen(address, port);
    if (bound == 0)
        return Result<quint16>::failure(
            tr("Cannot listen on %1:%2 (is the port in use?)").arg(address.toString()).arg(port));
    m_port = bound;
    return bound;
}

} // namespace ow
