#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/HttpLimits.h"
#include "onewindow/backoffice/HttpRequestParser.h"
#include "onewindow/backoffice/HttpService.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class QTcpSocket;

namespace ow::backoffice {

// One client socket (plain or TLS): reads requests with HttpRequestParser, one at a time
// (keep-alive; a pipelined request waits for the answer before it), enforces the header deadline,
// the body idle timeout and the body limit (from Content-Length, before reading), streams bodies
// to a sink where the service asks, and writes answers with Content-Length. It deletes itself
// (and its socket) when the connection ends.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, HttpService *service, const HttpLimits &limits, QObject *parent = nullptr);
    ~HttpConnection() override;

    bool isAwaiting(quint64 serial) const;
    // The server stops: an idle connection closes now; the answer of a request in flight closes it.
    void drain();
    void sendDeferred(quint64 serial, const ApiReply &reply);
    // The body plan of request `serial`, decided on a worker (HttpService::BodyPlan::later).
    void resumePlan(
        quint64 serial, const std::optional<ApiReply> &refuse, qint64 maxBytes, std::shared_ptr<HttpBodySink> sink);

    // The wire form of an answer (status line, headers, body); headOnly for HEAD requests.
    // A bodyFile reply: fileLength is its size (the body itself is not included).
    static QByteArray serialize(const ApiReply &reply, bool headOnly, bool close, qint64 fileLength = -1);
    static QByteArray reasonPhrase(int status);
    // The client's X-Request-Id when it is sane (1–64 of A-Z a-z 0-9 . _ : -), else a new one.
    static QByteArray requestIdFrom(const QByteArray &header);

Q_SIGNALS:
    void closed();

private:
    // Planning: the head is read, its body plan is being decided (on a worker); nothing more is
    // read from the socket meanwhile.
    enum class Phase { Idle, Head, Planning, Body, Serving, Waiting, Sending, Closing };

    void onReadyRead();
    void processInput();
    void onHeadComplete();
    void applyPlan(const std::optional<ApiReply> &refuse, qint64 maxBytes, std::shared_ptr<HttpBodySink> sink);
    void finishRequest();
    // Passes the body bytes the parser holds to the sink or m_body, and finishes the request once
    // the body is complete; false when the sink failed (answered and closing).
    bool takeParsedBody();
    void respond(const ApiReply &reply, bool close);
    void afterResponse(bool close);
    void pumpFile();
    void failAndClose(int status, const QString &code, const QString &message);
    void onTimeout();
    void startTimer(int ms);
    void closeNow();
    void lingerAndClose();
    void abortBody();

    QTcpSocket *m_socket;
    HttpService *m_service;
    HttpLimits m_limits;
    HttpRequestParser m_parser;
    QByteArray m_input; // read from the socket, not yet fed
    QByteArray m_body;
    std::shared_ptr<HttpBodySink> m_sink;
    std::unique_ptr<QFile> m_file; // a bodyFile answer being sent
    Phase m_phase = Phase::Idle;
    QTimer m_timer;
    quint64 m_serial = 0;
    bool m_closeAfter = false;
    bool m_gone = false;
    bool m_draining = false;
    // The request being served: its id (X-Request-Id), when its head arrived, what the service
    // said of it when it deferred the answer.
    QByteArray m_requestId;
    QByteArray m_requestMethod;
    QElapsedTimer m_requestClock;
    QString m_deferredRoute;
    QString m_deferredUser;
};

} // namespace ow::backoffice
