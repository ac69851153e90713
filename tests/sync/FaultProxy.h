#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

// An in-process TCP proxy between the sync engine and the back office that injects faults:
//   Pass        bytes go through untouched;
//   Fail503     the proxy itself answers every request "HTTP/1.1 503" and closes (no upstream);
//   Stall       bytes are accepted and held, nothing is ever answered;
//   ResetAfter  after N bytes from the client (per connection) both sockets are aborted;
//   Throttle    each direction of each connection runs at 64 kbit/s;
//   DropAnswer  the request reaches the back office (which applies it), its answer is lost: the
//               client's connection is reset when the first byte of the answer comes.
// Changing the mode drops the live connections, so the next request meets the new mode.
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Pass, Fail503, Stall, ResetAfter, Throttle, DropAnswer };

    explicit FaultProxy(QObject *parent = nullptr);
    ~FaultProxy() override;
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    void setTarget(quint16 port) { m_target = port; }
    void setMode(Mode mode, qint64 resetAfterBytes = 0);
    Mode mode() const { return m_mode; }
    void dropAll();
    int accepted() const { return m_accepted; }
    int injected() const { return m_injected; } // 503s answered, connections stalled or reset

    static constexpr qint64 kThrottleBytesPerSecond = 64000 / 8;

private:
    struct Pipe
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> server;
        Mode mode = Mode::Pass;
        qint64 up = 0; // bytes from the client forwarded so far
        QByteArray toServer;
        QByteArray toClient;
        bool answered = false;
    };
    void onConnection();
    void pump(Pipe *p);
    void close(Pipe *p);
    void tick();

    QTcpServer m_server;
    QList<Pipe *> m_pipes;
    QTimer m_throttle;
    quint16 m_target = 0;
    Mode m_mode = Mode::Pass;
    qint64 m_resetAfter = 0;
    int m_accepted = 0;
    int m_injected = 0;
};
