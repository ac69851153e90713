#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/HttpBodySink.h"

#include <QJsonObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace ow::backoffice {

class HttpConnection;

// The seam for answering a request later (long-poll, a worker's answer): a handler takes
// Request::later(), keeps the copy and returns ApiReply::later(); send() answers once. Also how a
// body plan decided later arrives (plan()). Copyable, and copied across threads, but used only on
// the connection's thread; send() or plan() after the client went away, or a second time, is a
// safe no-op.
class ReplyHandle
{
public:
    ReplyHandle() = default;
    ReplyHandle(HttpConnection *connection, quint64 serial);

    // True while the connection is there and still waits for this request's answer.
    bool isOpen() const;
    void send(const ApiReply &reply) const;
    // The body plan of a request whose planBody() answered BodyPlan::decideLater(): refuse
    // (answer now), else read the body (at most maxBytes, into `sink` when there is one).
    void plan(const std::optional<ApiReply> &refuse, qint64 maxBytes, std::shared_ptr<HttpBodySink> sink) const;
    // A copy whose send() passes a JSON object body through `transform` first (a long-poll whose
    // page has another shape than EventLog's: the hall's calls).
    using Transform = std::function<QJsonObject(const QJsonObject &)>;
    ReplyHandle transformed(Transform transform) const;

private:
    QPointer<HttpConnection> m_connection;
    quint64 m_serial = 0;
    Transform m_transform;
};

} // namespace ow::backoffice
