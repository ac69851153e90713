#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace ow::sync {

// Where and as whom the window syncs, and the knobs of the engine.
struct SyncConfig
{
    QUrl baseUrl; // the back office, e.g. http://127.0.0.1:8787
    QString user; // a clerk or station user of this window
    QString password; // held in memory only (from the clerk's sign-in), never written
    // A session token from the clerk's own sign-in, used until the back office answers 401; then
    // the engine signs in again with user and password. Empty: it signs in first.
    QByteArray token;
    int batchEntries = 200; // entries per POST /v1/cases/{id}/entries (the server takes ≤ 1000)
    qint64 chunkBytes = 1024 * 1024; // bytes per tus PATCH
    // Blobs uploaded at once, each on its own keep-alive connection (the uploads have a
    // QNetworkAccessManager of their own, which opens up to 6 per host). Several in flight hide
    // the round trips (and the Nagle delays of Qt's sockets, which do not set TCP_NODELAY); at
    // most 64 MiB of blobs are held in memory for them at once.
    int parallelUploads = 6;
    int requestTimeoutMs = 30000; // transfer timeout of every request (the long poll adds its wait)
    int pollWaitSeconds = 30; // GET /v1/events?wait=
    bool pull = true; // run the puller
    int backoffBaseMs = 1000;
    int backoffMaxMs = 60000;
    int idleRecheckMs = 10000; // how often an idle pusher looks at the outbox again
    // A station's key id (330106-S07): its own offline queue (StationQueueJournal, kept by a
    // LocalQueueService) is pushed to POST /v1/windows/{stationWindow}/tickets, up to
    // stationBatchEvents events a request, on the entries lane whenever no entries request is in
    // flight (its tickets never wait behind a backlog of cases). Empty: no queue.
    QString stationWindow;
    int stationBatchEvents = 200;
    // Resources kept fresh by ETag (If-None-Match), e.g. "/v1/keyring"; fetched at start and then
    // every refreshIntervalMs.
    QStringList refreshPaths;
    int refreshIntervalMs = 15 * 60 * 1000;
};

} // namespace ow::sync
