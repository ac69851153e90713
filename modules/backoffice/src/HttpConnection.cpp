#include "onewindow/backoffice/HttpConnection.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTcpSocket>

#include <sys/socket.h>

namespace ow::backoffice {

namespace {

constexpr qint64 kReadChunk = 64 * 1024;
constexpr int kLingerMs = 2000;
// Stopping: how long a connection that sent nothing yet may take to begin its request.
constexpr int kDrainGraceMs = 1000;

bool hasHeader(const ApiReply &reply, const QByteArray &name)
{
    for (const auto &h : reply.headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpService *service, const HttpLimits &limits, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_service(service)
    , m_limits(limits)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(4 * kReadChunk);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        if (m_gone)
            return;
        abortBody();
        m_gone = true;
        m_timer.stop();
        Q_EMIT closed();
        deleteLater();
    });
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_phase == Phase::Sending) {
            pumpFile();
            return;
        }
        if (m_phase == Phase::Closing && m_socket->bytesToWrite() == 0 && !qobject_cast<QSslSocket *>(m_socket))
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    });
    m_phase = Phase::Head;
    startTimer(m_limits.headerTimeoutMs);
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    abortBody();
}

bool HttpConnection::isAwaiting(quint64 serial) const
{
    return !m_gone && m_phase == Phase::Waiting && serial == m_serial
        && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::drain()
{
    m_draining = true;
    if (m_gone)
        return;
    if (m_phase == Phase::Idle) {
        // Between requests: close (an answer still being written leaves first).
        if (m_socket->bytesToWrite() > 0)
            lingerAndClose();
        else
            closeNow();
        return;
    }
    if (m_phase == Phase::Head && !m_parser.headStarted() && m_input.isEmpty()) {
        // Accepted, no request read yet: one may be in the socket already; it is served (and
        // its answer closes). Nothing within a moment: closed.
        processInput();
        if (!m_gone && m_phase == Phase::Head && !m_parser.headStarted() && m_input.isEmpty())
            startTimer(kDrainGraceMs);
    }
}

void HttpConnection::sendDeferred(quint64 serial, const ApiReply &reply)
{
    if (!isAwaiting(serial) || reply.deferred)
        return;
    respond(reply, !m_parser.keepAlive());
    if (m_phase == Phase::Idle)
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

void HttpConnection::startTimer(int ms)
{
    m_timer.start(ms);
}

void HttpConnection::onReadyRead()
{
    if (m_gone)
        return;
    if (m_phase == Phase::Closing) {
        // Lingering after an answer that closes: read nothing more. The client's further bytes
        // stay in the (bounded) buffers until the linger timer closes, so the client reads our
        // answer instead of a reset that would discard it.
        return;
    }
    processInput();
}

void HttpConnection::processInput()
{
    bool answered = false;
    while (!m_gone && (m_phase == Phase::Idle || m_phase == Phase::Head || m_phase == Phase::Body)) {
        if (answered && m_phase == Phase::Idle) {
            // One request per turn of the event loop: the next pipelined request waits until the
            // other connections had theirs, so a client pipelining thousands never holds them.
            QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
            return;
        }
        if (m_input.isEmpty()) {
            m_input = m_socket->read(kReadChunk);
            if (m_input.isEmpty())
                return;
        }
        if (m_phase == Phase::Idle) {
            m_phase = Phase::Head;
            startTimer(m_limits.headerTimeoutMs);
        }
        const qsizetype used = m_parser.feed(m_input);
        m_input.remove(0, used);
        if (m_parser.state() == HttpRequestParser::State::Failed) {
            const int status = m_parser.errorStatus();
            const QString code = status == 431 ? QStringLiteral("headers-too-large")
                : status == 411                ? QStringLiteral("length-required")
                : status == 501                ? QStringLiteral("not-implemented")
                : status == 505                ? QStringLiteral("http-version-not-supported")
                                               : QStringLiteral("bad-request");
            failAndClose(status, code, m_parser.errorMessage());
            return;
        }
        if (m_phase == Phase::Head && m_parser.headComplete()) {
            onHeadComplete();
            answered = m_phase != Phase::Body;
            if (answered)
                continue; // answered (or closing) at head time
        }
        if (m_phase == Phase::Body) {
            if (!takeParsedBody())
                return;
            answered = m_phase != Phase::Body;
        }
    }
}

bool HttpConnection::takeParsedBody()
{
    const QByteArray piece = m_parser.takeBody();
    if (!piece.isEmpty()) {
        startTimer(m_limits.bodyIdleTimeoutMs);
        if (m_sink) {
            if (!m_sink->write(piece)) {
                const bool full = m_sink->diskFull();
                abortBody();
                if (full)
                    failAndClose(507, QStringLiteral("insufficient-storage"),
                        QStringLiteral("The back office's disk is full; try again later."));
                else
                    failAndClose(500, QStringLiteral("storage-unavailable"),
                        QStringLiteral("The back office cannot store the body; try again shortly."));
                return false;
            }
        } else {
            m_body.append(piece);
        }
    }
    if (m_parser.state() == HttpRequestParser::State::Complete)
        finishRequest();
    return true;
}

QByteArray HttpConnection::requestIdFrom(const QByteArray &header)
{
    static const QRegularExpression sane(QStringLiteral("^[A-Za-z0-9._:-]{1,64}$"));
    if (!header.isEmpty() && sane.match(QString::fromLatin1(header)).hasMatch())
        return header;
    return QByteArray::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, '0');
}

void HttpConnection::onHeadComplete()
{
    m_requestClock.start();
    m_requestMethod = m_parser.method();
    m_requestId = requestIdFrom(m_parser.header(QByteArrayLiteral("X-Request-Id")).trimmed());
    ++m_serial;
    HttpService::BodyPlan plan = m_service->planBody(m_parser, m_socket->peerAddress(), ReplyHandle(this, m_serial));
    if (plan.later) {
        // The service decides on a worker (resumePlan); the socket's bytes wait in its buffer.
        m_phase = Phase::Planning;
        m_timer.stop();
        return;
    }
    applyPlan(plan.refuse, plan.maxBytes, std::move(plan.sink));
}

void HttpConnection::resumePlan(
    quint64 serial, const std::optional<ApiReply> &refuse, qint64 maxBytes, std::shared_ptr<HttpBodySink> sink)
{
    if (m_gone || m_phase != Phase::Planning || serial != m_serial) {
        if (sink)
            sink->aborted();
        return;
    }
    applyPlan(refuse, maxBytes, std::move(sink));
    // What the parser took with the head, then what waits in the socket's buffer.
    if (m_phase == Phase::Body && !takeParsedBody())
        return;
    if (m_phase == Phase::Body || m_phase == Phase::Idle)
        processInput();
}

void HttpConnection::applyPlan(
    const std::optional<ApiReply> &refuse, qint64 maxBytes, std::shared_ptr<HttpBodySink> sink)
{
    const bool bodyFollows = m_parser.contentLength() > 0;
    if (refuse) {
        if (sink)
            sink->aborted();
        respond(*refuse, bodyFollows || !m_parser.keepAlive());
        return;
    }
    if (m_parser.contentLength() > maxBytes) {
        if (sink)
            sink->aborted();
        failAndClose(413, QStringLiteral("body-too-large"),
            QStringLiteral("This request's body is at most %1 bytes; Content-Length says %2.")
                .arg(maxBytes)
                .arg(m_parser.contentLength()));
        return;
    }
    m_sink = std::move(sink);
    m_body.clear();
    if (bodyFollows) {
        if (m_parser.expectsContinue())
            m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
        m_phase = Phase::Body;
        startTimer(m_limits.bodyIdleTimeoutMs);
        return;
    }
    m_phase = Phase::Body; // an empty body: complete at once
    finishRequest();
}

void HttpConnection::finishRequest()
{
    m_phase = Phase::Serving;
    m_timer.stop();
    std::shared_ptr<HttpBodySink> sink = std::move(m_sink);
    if (sink)
        sink->finished();
    const QByteArray body = std::exchange(m_body, QByteArray());
    const ApiReply reply = m_service->serve(m_parser, body, sink, m_socket->peerAddress(), ReplyHandle(this, m_serial));
    if (m_gone)
        return;
    if (reply.deferred) {
        m_phase = Phase::Waiting;
        m_deferredRoute = reply.logRoute;
        m_deferredUser = reply.logUser;
        return;
    }
    respond(reply, !m_parser.keepAlive());
}

void HttpConnection::respond(const ApiReply &answer, bool close)
{
    if (m_gone)
        return;
    // Every answer carries its request's id and is logged once; a failure before the head was
    // complete gets an id of its own.
    ApiReply reply = answer;
    close = close || m_draining;
    if (m_requestId.isEmpty()) {
        m_requestId = requestIdFrom(QByteArray());
        m_requestMethod = m_parser.method();
        m_requestClock.start();
    }
    reply.headers.append({QByteArrayLiteral("X-Request-Id"), m_requestId});
    HttpService::Answered done;
    done.method = m_requestMethod;
    done.route = !reply.logRoute.isEmpty() ? reply.logRoute : m_deferredRoute;
    done.user = !reply.logUser.isEmpty() ? reply.logUser : m_deferredUser;
    done.requestId = std::exchange(m_requestId, QByteArray());
    done.status = reply.status;
    done.seconds = double(m_requestClock.nsecsElapsed()) / 1e9;
    m_deferredRoute.clear();
    m_deferredUser.clear();
    m_service->answered(done);
    const bool headOnly = m_parser.method() == "HEAD";
    m_parser.reset();
    m_body.clear();
    m_sink.reset();
    if (!reply.bodyFile.isEmpty()) {
        auto file = std::make_unique<QFile>(reply.bodyFile);
        if (!file->open(QIODevice::ReadOnly)) {
            m_socket->write(
                serialize(ApiReply::storage(QStringLiteral("cannot read %1").arg(reply.bodyFile)), headOnly, close));
            afterResponse(close);
            return;
        }
        m_socket->write(serialize(reply, headOnly, close, file->size()));
        if (!headOnly && file->size() > 0) {
            m_file = std::move(file);
            m_closeAfter = close;
            m_phase = Phase::Sending;
            pumpFile();
            return;
        }
        afterResponse(close);
        return;
    }
    m_socket->write(serialize(reply, headOnly, close));
    afterResponse(close);
}

void HttpConnection::afterResponse(bool close)
{
    if (close) {
        lingerAndClose();
        return;
    }
    m_phase = Phase::Idle;
    startTimer(m_limits.keepAliveMs);
}

void HttpConnection::pumpFile()
{
    // Keep about 256 KiB queued: the file is read as fast as the client takes it, no faster.
    bool progressed = false;
    while (m_file && m_socket->bytesToWrite() < 4 * kReadChunk && !m_file->atEnd()) {
        const QByteArray chunk = m_file->read(kReadChunk);
        if (chunk.isEmpty())
            break;
        m_socket->write(chunk);
        progressed = true;
    }
    if (progressed)
        startTimer(m_limits.bodyIdleTimeoutMs);
    if (m_file && m_file->atEnd()) {
        m_file.reset();
        afterResponse(m_closeAfter);
        if (m_phase == Phase::Idle)
            QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
    }
}

void HttpConnection::failAndClose(int status, const QString &code, const QString &message)
{
    abortBody();
    respond(ApiReply::error(status, code, message), true);
}

void HttpConnection::onTimeout()
{
    switch (m_phase) {
    case Phase::Idle: closeNow(); return;
    case Phase::Head:
        if (!m_parser.headStarted() && m_input.isEmpty() && (m_serial > 0 || m_draining)) {
            closeNow();
            return;
        }
        failAndClose(408, QStringLiteral("request-timeout"),
            QStringLiteral("The request's headers did not arrive within %1 ms.").arg(m_limits.headerTimeoutMs));
        return;
    case Phase::Body:
        failAndClose(408, QStringLiteral("request-timeout"),
            QStringLiteral("The request's body paused for more than %1 ms.").arg(m_limits.bodyIdleTimeoutMs));
        return;
    case Phase::Closing:
    case Phase::Sending: closeNow(); return; // a client that stopped reading
    case Phase::Planning:
    case Phase::Serving:
    case Phase::Waiting: return;
    }
}

void HttpConnection::lingerAndClose()
{
    m_phase = Phase::Closing;
    m_input.clear();
    startTimer(kLingerMs);
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket)) {
        ssl->disconnectFromHost();
        return;
    }
    if (m_socket->bytesToWrite() == 0)
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
}

void HttpConnection::abortBody()
{
    if (m_sink) {
        std::shared_ptr<HttpBodySink> sink = std::move(m_sink);
        sink->aborted();
    }
}

void HttpConnection::closeNow()
{
    if (m_gone)
        return;
    abortBody();
    m_gone = true;
    m_timer.stop();
    m_socket->abort();
    Q_EMIT closed();
    deleteLater();
}

QByteArray HttpConnection::reasonPhrase(int status)
{
    switch (status) {
    case 100: return QByteArrayLiteral("Continue");
    case 200: return QByteArrayLiteral("OK");
    case 201: return QByteArrayLiteral("Created");
    case 202: return QByteArrayLiteral("Accepted");
    case 204: return QByteArrayLiteral("No Content");
    case 304: return QByteArrayLiteral("Not Modified");
    case 400: return QByteArrayLiteral("Bad Request");
    case 401: return QByteArrayLiteral("Unauthorized");
    case 403: return QByteArrayLiteral("Forbidden");
    case 404: return QByteArrayLiteral("Not Found");
    case 405: return QByteArrayLiteral("Method Not Allowed");
    case 408: return QByteArrayLiteral("Request Timeout");
    case 409: return QByteArrayLiteral("Conflict");
    case 410: return QByteArrayLiteral("Gone");
    case 411: return QByteArrayLiteral("Length Required");
    case 412: return QByteArrayLiteral("Precondition Failed");
    case 413: return QByteArrayLiteral("Content Too Large");
    case 415: return QByteArrayLiteral("Unsupported Media Type");
    case 429: return QByteArrayLiteral("Too Many Requests");
    case 431: return QByteArrayLiteral("Request Header Fields Too Large");
    case 460: return QByteArrayLiteral("Checksum Mismatch");
    case 500: return QByteArrayLiteral("Internal Server Error");
    case 501: return QByteArrayLiteral("Not Implemented");
    case 503: return QByteArrayLiteral("Service Unavailable");
    case 505: return QByteArrayLiteral("HTTP Version Not Supported");
    case 507: return QByteArrayLiteral("Insufficient Storage");
    default: return QByteArrayLiteral("Status");
    }
}

QByteArray HttpConnection::serialize(const ApiReply &reply, bool headOnly, bool close, qint64 fileLength)
{
    QByteArray body;
    QByteArray type;
    if (!reply.bodyFile.isEmpty()) {
        type = reply.contentType.isEmpty() ? QByteArrayLiteral("application/octet-stream") : reply.contentType;
    } else if (!reply.raw.isNull()) {
        body = reply.raw;
        type = reply.contentType.isEmpty() ? QByteArrayLiteral("application/octet-stream") : reply.contentType;
    } else if (!reply.body.isUndefined()) {
        body = reply.body.isArray() ? QJsonDocument(reply.body.toArray()).toJson(QJsonDocument::Compact)
                                    : QJsonDocument(reply.body.toObject()).toJson(QJsonDocument::Compact);
        type = QByteArrayLiteral("application/json");
    }
    const bool noBody = reply.status == 204 || reply.status == 304 || reply.status < 200;
    QByteArray out;
    out.reserve(256 + (headOnly || noBody ? 0 : body.size()));
    out += "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    out += "Date: "
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1()
        + "\r\n";
    for (const auto &h : reply.headers)
        out += h.first + ": " + h.second + "\r\n";
    if (!noBody) {
        if (!type.isEmpty() && !hasHeader(reply, QByteArrayLiteral("Content-Type")))
            out += "Content-Type: " + type + "\r\n";
        if (!hasHeader(reply, QByteArrayLiteral("Content-Length")))
            out += "Content-Length: "
                + QByteArray::number(reply.bodyFile.isEmpty() ? body.size() : qMax<qint64>(0, fileLength)) + "\r\n";
    }
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!headOnly && !noBody)
        out += body;
    return out;
}

} // namespace ow::backoffice
