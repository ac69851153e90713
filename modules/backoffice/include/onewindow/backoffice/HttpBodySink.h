#pragma once

#include <QByteArray>

namespace ow::backoffice {

// Where a streamed request body goes as it arrives (a tus PATCH: to the upload's file) instead of
// into memory. write() is called for every piece; then exactly one of finished() (the whole body
// by Content-Length arrived; the route's handler runs next) or aborted() (the connection died or
// timed out before that).
class HttpBodySink
{
public:
    virtual ~HttpBodySink() = default;
    // false: the sink cannot take more; the connection answers 507 when diskFull(), else 500,
    // and closes.
    virtual bool write(const QByteArray &bytes) = 0;
    virtual bool diskFull() const { return false; }
    virtual void finished() = 0;
    virtual void aborted() = 0;
};

} // namespace ow::backoffice
