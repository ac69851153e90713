#pragma once

#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"
#include "onewindow/backoffice/HttpBodySink.h"
#include "onewindow/core/Result.h"

#include <QMutex>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace ow::backoffice {

class Database;
class Sealer;
class UploadSink;

// tus 1.0 uploads (core, creation, checksum) and the content-addressed blob store they end in.
// An upload is a row in `uploads` plus <data dir>/uploads/<id>.part; its offset is the size of
// that file (bytes are kept as they arrive, so a crash loses nothing already received). On the
// last byte the whole file's SHA-256 is compared with the `sha256` metadata: a match stores it
// sealed (Sealer) as <data dir>/blobs/<first two hex>/<sha256> with a `blobs` row; a mismatch
// discards the upload. A blob already stored is uploaded again all the same (its bytes are the
// proof of possession): creating an upload never completes at once and never tells a length.
// A blob is read (GET/HEAD /v1/blobs) only through a case the caller may read that names it
// and whose own window has uploaded its bytes completely.
class UploadStore
{
public:
    static constexpr qint64 kDefaultMaxBytes = 1024LL * 1024 * 1024;

    UploadStore(Database &db, const Sealer &sealer, const QString &dataDir, Clock clock, qint64 maxBytes);
    ~UploadStore();

    // Another thread's store on the same data (a worker's, on its own database connection): both
    // see the same uploads with a PATCH body in flight.
    void shareBusyWith(const UploadStore &other) { m_busy = other.m_busy; }

    qint64 maxBytes() const { return m_maxBytes; }
    // tus expiration: an unfinished upload untouched this long is gone (404/410, parts removed).
    void setExpirySeconds(qint64 seconds) { m_expirySeconds = seconds; }
    qint64 expirySeconds() const { return m_expirySeconds; }
    // DELETE /v1/uploads/{id} (tus termination): an unfinished upload's parts are removed → 204;
    // 409 while a PATCH is receiving or once complete (a stored blob belongs to its cases).
    ApiReply terminate(const Principal &who, const QString &uploadId);
    // Removes the parts of every unfinished upload past its expiry; how many, or the error.
    Result<int> sweepExpired();

    // POST /v1/uploads: Upload-Length, Upload-Metadata → 201 Location, Upload-Offset.
    ApiReply create(
        const Principal &who, const QByteArray &length, const QByteArray &metadata, const QByteArray &deferLength);
    // HEAD /v1/uploads/{id} → 200 Upload-Offset, Upload-Length, Cache-Control: no-store.
    ApiReply head(const Principal &who, const QString &uploadId);
    // PATCH, at head time: every header check (415, 400, 404, 409, 413) before the body is read;
    // then a sink that takes the body.
    ApiResult<std::shared_ptr<HttpBodySink>> beginPatch(const Principal &who, const QString &uploadId,
        const QByteArray &contentType, const QByteArray &offset, const QByteArray &checksum, qint64 contentLength);
    // PATCH, after the body: 204 with the new Upload-Offset, 460 on a checksum mismatch.
    ApiReply endPatch(const Principal &who, const QString &uploadId, HttpBodySink *sink);
    // GET/HEAD /v1/blobs/{sha256}.
    ApiReply blob(const Principal &who, const QString &sha256, bool headOnly);

    static bool validSha256(const QString &hex);

private:
    struct Upload
    {
        QString id;
        QString window;
        QString caseId;
        QString sha256;
        QString type;
        qint64 length = 0;
        QString state;
        QString updatedAt;
    };
    // Upload-Expires (RFC 7231 date) of an unfinished upload; nothing once complete.
    void addExpires(ApiReply &reply, const QString &updatedAt) const;
    // Removes an unfinished upload's parts and marks it gone ('failed'); "" or the error.
    QString discard(const QString &uploadId);
    ApiResult<Upload> find(const Principal &who, const QString &uploadId);
    qint64 offsetOf(const Upload &u) const;
    // The offset a client is told: the full length only once the blob is checked and stored.
    qint64 reportedOffset(const Upload &u) const;
    // An open upload whose bytes all arrived (the server stopped before it stored them) is
    // completed now; the reply to send instead when that fails (410 when the bytes were wrong).
    // `claimed`: the caller holds the upload's busy claim (a PATCH about to receive).
    std::optional<ApiReply> settle(Upload &u, bool claimed = false);
    ApiReply offsetReply(int status, qint64 offset, qint64 length) const;
    // The last byte arrived: check the whole blob and store it.
    ApiReply complete(const Upload &u);
    QString partPath(const QString &id) const;
    QString pendingPath(const QString &id) const;
    QString blobPath(const QString &sha256) const;
    bool blobStored(const QString &sha256, qint64 *length) const;
    // A case that `who` may read, that names the blob (an upload for it or an "attached" entry)
    // and whose window has a complete upload of it: its id (the first by id), "" when none.
    ApiResult<QString> readableCaseOf(const Principal &who, const QString &sha256) const;

    Database &m_db;
    const Sealer &m_sealer;
    QString m_dataDir;
    Clock m_clock;
    qint64 m_maxBytes;
    qint64 m_expirySeconds = 24 * 3600;
    // The uploads with a PATCH body in flight, shared by the stores of every thread.
    struct BusyUploads
    {
        QMutex lock;
        QSet<QString> ids;
        bool claim(const QString &id);
        void release(const QString &id);
        bool contains(const QString &id);
    };
    std::shared_ptr<BusyUploads> m_busy;
};

} // namespace ow::backoffice
