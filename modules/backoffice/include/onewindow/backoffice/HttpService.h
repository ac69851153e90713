#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/HttpBodySink.h"
#include "onewindow/backoffice/ReplyHandle.h"

#include <QHostAddress>

#include <memory>
#include <optional>

namespace ow::backoffice {

class HttpRequestParser;

// What HttpConnection asks of the application (BackOfficeServer): how to take a request's body
// once its head is known, and the answer once the body is there.
class HttpService
{
public:
    struct BodyPlan
    {
        std::optional<ApiReply> refuse; // answer now without reading the body (and close if one follows)
        qint64 maxBytes = 0; // Content-Length over this: 413 and close, nothing read
        std::shared_ptr<HttpBodySink> sink; // stream the body here instead of memory
        // Decided later (its checks run on a worker): the connection reads nothing more until
        // the plan comes through ReplyHandle::plan() on the connection's thread.
        bool later = false;
        static BodyPlan decideLater()
        {
            BodyPlan p;
            p.later = true;
            return p;
        }
    };

    // One answer sent (for the request log and the metrics): `route` and `user` are what the
    // service put into the reply (ApiReply::logRoute/logUser), "" when it never saw the request.
    struct Answered
    {
        QByteArray method;
        QString route;
        QString user;
        QByteArray requestId;
        int status = 0;
        double seconds = 0; // from the request's head to its answer
    };

    virtual ~HttpService() = default;
    // `handle` is the request's: keep a copy to give the plan later (BodyPlan::decideLater()).
    virtual BodyPlan planBody(const HttpRequestParser &head, const QHostAddress &peer, const ReplyHandle &handle) = 0;
    // body is empty when the plan had a sink (shared: a worker may finish with it after this
    // returns). Return ApiReply::later() to answer through handle.
    virtual ApiReply serve(const HttpRequestParser &head, const QByteArray &body,
        const std::shared_ptr<HttpBodySink> &sink, const QHostAddress &peer, const ReplyHandle &handle) = 0;
    virtual void answered(const Answered &) { }
};

} // namespace ow::backoffice
