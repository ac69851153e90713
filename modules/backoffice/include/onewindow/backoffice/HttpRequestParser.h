#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace ow::backoffice {

// An incremental HTTP/1.1 request codec (no I/O): feed it bytes as they arrive; it parses the
// request line and the headers (at most kMaxHeadBytes together, else 431; bad syntax 400), then
// hands out the body bytes by Content-Length. Chunked request bodies are refused (411), as is any
// other Transfer-Encoding (501). One request at a time: after Complete, reset() for the next one
// (the bytes feed() did not consume belong to it).
class HttpRequestParser
{
public:
    static constexpr qsizetype kMaxHeadBytes = 16 * 1024;
    static constexpr int kMaxHeaders = 100;

    enum class State { Head, Body, Complete, Failed };

    // Consumes bytes of the current request and returns how many it took (never more than the
    // current request needs). Body bytes are collected until takeBody().
    qsizetype feed(const char *data, qsizetype size);
    qsizetype feed(const QByteArray &bytes) { return feed(bytes.constData(), bytes.size()); }
    void reset();

    State state() const { return m_state; }
    bool headComplete() const { return m_state == State::Body || m_state == State::Complete; }
    bool headStarted() const { return m_headBytes > 0 || m_state != State::Head; }
    // Failed: the status to answer (400, 411, 431, 501, 505) and a sentence for the body.
    int errorStatus() const { return m_errorStatus; }
    QString errorMessage() const { return m_errorMessage; }

    QByteArray method() const { return m_method; }
    QByteArray target() const { return m_target; } // as sent: /path?query
    QByteArray version() const { return m_version; } // HTTP/1.1 or HTTP/1.0
    const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }
    // The first header of that name (case-insensitive), empty if none.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    qint64 contentLength() const { return m_contentLength; }
    qint64 bodyReceived() const { return m_bodyReceived; }
    // HTTP/1.1 without "Connection: close", or HTTP/1.0 with "Connection: keep-alive".
    bool keepAlive() const;
    bool expectsContinue() const;

    // The body bytes received since the last call.
    QByteArray takeBody();

private:
    void fail(int status, const QString &message);
    bool parseHead(const QByteArray &head);

    State m_state = State::Head;
    QByteArray m_headBuffer;
    qsizetype m_headBytes = 0;
    int m_errorStatus = 0;
    QString m_errorMessage;
    QByteArray m_method;
    QByteArray m_target;
    QByteArray m_version;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    qint64 m_contentLength = 0;
    qint64 m_bodyReceived = 0;
    QByteArray m_body;
};

} // namespace ow::backoffice
