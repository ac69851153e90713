#pragma once

#include <QByteArray>
#include <QObject>

#include <functional>
#include <memory>

class QTcpSocket;

// One keep-alive HTTP/1.1 connection to a server on loopback with one request in flight, as a
// window sends (the next after the answer): a plain socket client, lean as pgbench's is, instead of
// QNetworkAccessManager (a thread hop and a reply object per request), whose CPU on a small machine
// the server's figure paid for. Connects (again) on demand; the server closing the connection
// (Connection: close) or dropping it is no error for the next request.
class BenchConnection : public QObject
{
public:
    // status 0: the request was lost (no connection, dropped before its answer).
    using Answer = std::function<void(int status, const QByteArray &body)>;

    explicit BenchConnection(quint16 port, QObject *parent = nullptr);
    ~BenchConnection() override;

    // Sends one request; `answer` runs from the event loop (never inside send()).
    void send(const QByteArray &method, const QByteArray &path, const QByteArray &token, const QByteArray &body,
        Answer answer);
    bool busy() const { return bool(m_answer); }

private:
    bool ensureConnected();
    void readAnswers();
    void finish(int status, const QByteArray &body);

    quint16 m_port;
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_in;
    Answer m_answer;
};
