#pragma once

#include "onewindow/core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

class QSaveFile;

namespace ow::store {

class Sealer;

// Content-addressed files (scanned documents, …) under `<data-dir>/blobs/ab/abcdef…`, named by
// the SHA-256 of their bytes (64 lower-case hex digits). Files are 0600 in 0700 folders, written
// atomically (a temporary file renamed into place), and read back only when their hash matches.
// Each file is sealed: "OWSCAN1\n" and the store's Sealer output (AES-256-GCM, associated data
// "blob:<sha256>") under the data key in `<data-dir>/keys/data.key`, outside the blob folder. A
// file written before sealing (plain bytes) still reads, and is sealed when it is stored again.
class BlobStore
{
    Q_DECLARE_TR_FUNCTIONS(BlobStore)

public:
    explicit BlobStore(QString dataDir);

    // Stores `bytes` and returns their SHA-256 (hex). Storing the same bytes twice is a no-op.
    [[nodiscard]] Result<QString> put(const QByteArray &bytes);
    // The bytes of a blob, verified against its name; a damaged or missing blob is an error.
    [[nodiscard]] Result<QByteArray> get(const QString &sha256) const;
    bool contains(const QString &sha256) const;
    // The blob's length in bytes (not its sealed file's), -1 when it is not there.
    qint64 sizeOf(const QString &sha256) const;
    QString pathOf(const QString &sha256) const;
    QString root() const { return m_root; }

    static QString sha256Hex(const QByteArray &bytes);
    static bool isValidName(const QString &sha256);

    // Test seam: called with the temporary file just before it is committed; returning false
    // makes the write fail (as a full disk would) and leaves nothing behind.
    void setBeforeCommitForTest(std::function<bool(QSaveFile &)> hook) { m_beforeCommit = std::move(hook); }

private:
    // The data key's sealer (loaded on first use), or the error.
    Result<const Sealer *> sealer() const;

    QString m_dataDir;
    QString m_root;
    mutable std::shared_ptr<Sealer> m_sealer;
    std::function<bool(QSaveFile &)> m_beforeCommit;
};

} // namespace ow::store
