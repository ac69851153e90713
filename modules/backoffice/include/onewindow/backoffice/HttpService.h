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
    };

    virtual ~HttpService() = default;
    virtual BodyPlan planBody(const HttpRequestParser &head, const QHostAddress &peer) = 0;
    // body is empty when the plan had a sink. Return ApiReply::later() to answer through handle.
    virtual ApiReply serve(const HttpRequestParser &head, const QByteArray &body, HttpBodySink *sink,
        const QHostAddress &peer, const ReplyHandle &handle) = 0;
};

} // namespace ow::backoffice
