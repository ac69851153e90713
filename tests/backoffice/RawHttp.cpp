#include "RawHttp.h"

#include <QDeadlineTimer>
#include <QHostAddress>

QByteArray RawHttp::format(const QByteArray &method, const QByteArray &target, const RawHeaders &headers,
    const QByteArray &body, bool forceLength)
{
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    bool hasLength = false;
    for (const auto &h : headers) {
        out += h.first + ": " + h.second + "\r\n";
        hasLength = hasLength || h.first.compare("Content-Length", Qt::CaseInsensitive) == 0;
    }
    if (!hasLength && (!body.isEmpty() || forceLength))
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

RawResponse RawHttp::read(QTcpSocket &socket, int timeoutMs, bool head)
{
    RawResponse r;
    QDeadlineTimer deadline(timeoutMs);
    QByteArray buffer;
    const auto fill = [&] {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            return false;
        buffer += socket.readAll();
        return true;
    };
    qsizetype end = -1;
    for (;;) {
        // Skip interim 1xx answers (100 Continue).
        end = buffer.indexOf("\r\n\r\n");
        if (end >= 0 && buffer.startsWith("HTTP/1.1 1")) {
            buffer.remove(0, end + 4);
            continue;
        }
        if (end >= 0)
            break;
        if (deadline.hasExpired() || !fill())
            return r;
    }
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.at(0).trimmed().split(' ');
    if (statusLine.size() < 2)
        return r;
    r.status = statusLine.at(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            r.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    buffer.remove(0, end + 4);
    const qint64 length = (head || r.status == 204 || r.status == 304) ? 0 : r.header("content-length").toLongLong();
    while (buffer.size() < length) {
        if (deadline.hasExpired() || !fill())
            return r;
    }
    r.body = buffer.left(length);
    r.ok = true;
    return r;
}

RawResponse RawHttp::request(quint16 port, const QByteArray &method, const QByteArray &target,
    const RawHeaders &headers, const QByteArray &body, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return RawResponse();
    socket.write(format(method, target, headers, body));
    return read(socket, timeoutMs, method == "HEAD");
}
