#pragma once

#include <QtGlobal>

namespace ow::backoffice {

// The HTTP layer's limits (onewindow-backoffice options; the tests shorten the times).
struct HttpLimits
{
    int headerTimeoutMs = 10'000; // from a request's first byte to the end of its headers → 408
    int bodyIdleTimeoutMs = 30'000; // longest pause inside a body → 408 and close
    int keepAliveMs = 60'000; // an idle keep-alive connection is closed after this
    int maxConnections = 2000; // more at once → 503 and close
    int maxConnectionsPerAddress = 64; // from one address (IPv6: one /64) → 503 and close
    qint64 maxJsonBodyBytes = 16 * 1024 * 1024; // JSON routes → 413 from Content-Length
    int tlsHandshakeTimeoutMs = 10'000;
};

} // namespace ow::backoffice
