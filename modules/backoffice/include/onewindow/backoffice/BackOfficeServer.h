#pragma once

#include "onewindow/core/Result.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

class QHttpServer;

namespace ow {

class BackOfficeServer : public QObject
{
    Q_OBJECT

public:
    explicit BackOfficeServer(QObject *parent = nullptr);
    ~BackOfficeServer() override;

    // Starts listening; port 0 picks a free one. Returns the port actually bound.
    Result<quint16> listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_port; }

private:
    void setupRoutes();

    std::unique_ptr<QHttpServer> m_http;
    quint16 m_port = 0;
};

} // namespace ow
