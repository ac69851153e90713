#pragma once

#include "onewindow/backoffice/HttpBodySink.h"
#include "onewindow/core/Sha256.h"

#include <QCryptographicHash>
#include <QFile>
#include <QString>

#include <functional>
#include <optional>

namespace ow::backoffice {

// The body of one tus PATCH, written to disk as it arrives. Without Upload-Checksum the bytes go
// straight onto the upload's file (flushed piece by piece, so bytes received before a dropped
// connection or a killed process are kept, as tus wants). With a checksum they go to a side file
// and are appended only when the whole PATCH body matches (commit(), on the worker that answers
// the PATCH); otherwise nothing of it is kept. Made and opened on a worker, written on the
// connection's thread, committed on a worker: one thread at a time.
class UploadSink : public HttpBodySink
{
public:
    UploadSink(QString uploadId, QString partPath, QString pendingPath,
        std::optional<QCryptographicHash::Algorithm> algorithm, QByteArray expectedDigest,
        std::function<void(const QString &)> release);
    ~UploadSink() override;

    bool open();
    bool write(const QByteArray &bytes) override;
    void finished() override;
    void aborted() override;

    // After finished(): a checksummed body that matched is appended to the upload's file.
    void commit();

    QString uploadId() const { return m_uploadId; }
    // After finished(): the checksum of the body did not match (nothing kept).
    bool checksumFailed() const { return m_checksumFailed; }
    // After finished(): the bytes could not be stored.
    QString storageError() const { return m_storageError; }
    bool diskFull() const override { return m_diskFull; }

private:
    QString m_uploadId;
    QString m_partPath;
    QString m_pendingPath;
    std::optional<QCryptographicHash::Algorithm> m_algorithm;
    QByteArray m_expected;
    std::function<void(const QString &)> m_release;
    QFile m_file;
    std::optional<QCryptographicHash> m_hash; // sha1
    std::optional<Sha256> m_sha256; // through OpenSSL
    bool m_done = false;
    bool m_checksumFailed = false;
    bool m_checked = false; // finished(), matched, not committed yet
    QString m_storageError;
    bool m_diskFull = false;
};

} // namespace ow::backoffice
