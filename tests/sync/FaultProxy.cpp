#include "FaultProxy.h"

#include <QHostAddress>

namespace {
constexpr int kTickMs = 50;
constexpr qint64 kPerTick = FaultProxy::kThrottleBytesPerSecond * kTickMs / 1000;
} // namespace

FaultProxy::FaultProxy(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onConnection);
    m_throttle.setInterval(kTickMs);
    connect(&m_throttle, &QTimer::timeout, this, &FaultProxy::tick);
}

FaultProxy::~FaultProxy()
{
    dropAll();
}

bool FaultProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FaultProxy::setMode(Mode mode, qint64 resetAfterBytes)
{
    m_mode = mode;
    m_resetAfter = resetAfterBytes;
    dropAll();
    if (mode == Mode::Throttle)
        m_throttle.start();
    else
        m_throttle.stop();
}

void FaultProxy::dropAll()
{
    const QList<Pipe *> pipes = m_pipes;
    for (Pipe *p : pipes)
        close(p);
}

void FaultProxy::close(Pipe *p)
{
    if (!m_pipes.removeOne(p))
        return;
    for (QTcpSocket *s : {p->client.data(), p->server.data()}) {
        if (s) {
            s->disconnect(this);
            s->abort();
            s->deleteLater();
        }
    }
    delete p;
}

void FaultProxy::onConnection()
{
    while (QTcpSocket *c = m_server.nextPendingConnection()) {
        ++m_accepted;
        auto *p = new Pipe;
        p->client = c;
        c->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        p->mode = m_mode;
        m_pipes << p;
        connect(c, &QTcpSocket::disconnected, this, [this, p] { close(p); });
        connect(c, &QTcpSocket::readyRead, this, [this, p] {
            if (!p->client)
                return;
            const QByteArray bytes = p->client->readAll();
            switch (p->mode) {
            case Mode::Stall:
                if (!p->answered) {
                    p->answered = true;
                    ++m_injected;
                }
                return; // held forever
            case Mode::Fail503:
                if (!p->answered) {
                    p->answered = true;
                    ++m_injected;
                    const QByteArray body("{\"error\":\"unavailable\",\"message\":\"injected by the test proxy\"}");
                    p->client->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                                     "Connection: close\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    p->client->disconnectFromHost();
                }
                return;
            default: p->toServer += bytes; pump(p);
            }
        });
        if (p->mode == Mode::Stall || p->mode == Mode::Fail503)
            continue;
        auto *s = new QTcpSocket(this);
        p->server = s;
        connect(s, &QTcpSocket::connected, this, [this, p] {
            p->server->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            pump(p);
        });
        connect(s, &QTcpSocket::readyRead, this, [this, p] {
            if (!p->server)
                return;
            if (p->mode == Mode::DropAnswer) {
                ++m_injected;
                close(p); // applied at the back office, the answer never arrives
                return;
            }
            p->toClient += p->server->readAll();
            pump(p);
        });
        connect(s, &QTcpSocket::disconnected, this, [this, p] {
            // Deliver what the server sent, then close the client's side too.
            pump(p);
            if (p->client && p->toClient.isEmpty())
                p->client->disconnectFromHost();
        });
        connect(s, &QTcpSocket::errorOccurred, this, [this, p](QAbstractSocket::SocketError e) {
            if (e != QAbstractSocket::RemoteHostClosedError)
                close(p); // the server is not there (killed): the client sees a reset
        });
        s->connectToHost(QHostAddress::LocalHost, m_target);
    }
}

void FaultProxy::pump(Pipe *p)
{
    if (p->mode == Mode::Throttle)
        return; // tick() moves the bytes
    if (p->server && p->server->state() == QAbstractSocket::ConnectedState && !p->toServer.isEmpty()) {
        QByteArray out = std::exchange(p->toServer, {});
        if (p->mode == Mode::ResetAfter && p->up + out.size() > m_resetAfter) {
            out.truncate(int(std::max<qint64>(0, m_resetAfter - p->up)));
            p->server->write(out);
            p->server->flush();
            ++m_injected;
            close(p);
            return;
        }
        p->up += out.size();
        p->server->write(out);
    }
    if (p->client && !p->toClient.isEmpty()) {
        p->client->write(std::exchange(p->toClient, {}));
        if (!p->server || p->server->state() == QAbstractSocket::UnconnectedState)
            p->client->disconnectFromHost();
    }
}

void FaultProxy::tick()
{
    const QList<Pipe *> pipes = m_pipes;
    for (Pipe *p : pipes) {
        if (p->mode != Mode::Throttle)
            continue;
        if (p->server && p->server->state() == QAbstractSocket::ConnectedState && !p->toServer.isEmpty()) {
            p->server->write(p->toServer.left(kPerTick));
            p->toServer.remove(0, kPerTick);
        }
        if (p->client && !p->toClient.isEmpty()) {
            p->client->write(p->toClient.left(kPerTick));
            p->toClient.remove(0, kPerTick);
            if (p->toClient.isEmpty() && (!p->server || p->server->state() == QAbstractSocket::UnconnectedState))
                p->client->disconnectFromHost();
        }
    }
}
