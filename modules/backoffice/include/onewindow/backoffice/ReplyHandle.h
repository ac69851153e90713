#pragma once

#include "onewindow/backoffice/ApiReply.h"

#include <QPointer>

namespace ow::backoffice {

class HttpConnection;

// The seam for answering a request later (long-poll): a handler takes Request::later(), keeps the
// copy and returns ApiReply::later(); send() answers once. Copyable; send() after the client went
// away, or a second time, is a safe no-op.
class ReplyHandle
{
public:
    ReplyHandle() = default;
    ReplyHandle(HttpConnection *connection, quint64 serial);

    // True while the connection is there and still waits for this request's answer.
    bool isOpen() const;
    void send(const ApiReply &reply) const;

private:
    QPointer<HttpConnection> m_connection;
    quint64 m_serial = 0;
};

} // namespace ow::backoffice
