#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QTcpSocket>

// A deliberately small HTTP/1.1 client on a bare QTcpSocket, written from the RFC and the tus
// protocol text rather than with the project's own network code: the tus and hostile-input tests
// control every byte they send (partial bodies, slow headers) and read answers with timeouts.
struct RawResponse
{
    bool ok = false; // a complete answer arrived in time
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

class RawHttp
{
public:
    // The request's bytes: request line, Host, the headers, Content-Length when there is a body.
    static QByteArray format(const QByteArray &method, const QByteArray &target, const RawHeaders &headers,
        const QByteArray &body, bool forceLength = false);
    // Reads one answer (Content-Length bodies; none for HEAD/204/304) within timeoutMs.
    static RawResponse read(QTcpSocket &socket, int timeoutMs, bool head = false);
    // One request on a fresh connection to 127.0.0.1:port.
    static RawResponse request(quint16 port, const QByteArray &method, const QByteArray &target,
        const RawHeaders &headers = {}, const QByteArray &body = {}, int timeoutMs = 30000);
};
