#pragma once

#include "onewindow/core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QString>

#include <memory>

namespace ow::backoffice {

// Authenticated encryption (AES-256-GCM, OpenSSL EVP) of what the back office keeps about people:
// case entries and blobs. The keys live outside the database, in a key file of lines
// "<key id> <base64 of 32 bytes>" (the last line is the current key; older lines stay to open
// what they sealed), mode 0600: --seal-key FILE, else $CREDENTIALS_DIRECTORY/seal-key (systemd),
// else "<data dir>.seal-key" beside the data folder, made at first start.
//
// A sealed text is "ows1:<key id>:<base64(nonce 12 | ciphertext | tag 16)>"; a sealed file is
// "OWSEAL1\n", one byte of key-id length, the key id, the nonce, the ciphertext and the tag. Each
// record has a fresh random nonce and its identity as associated data (an entry's case and seq, a
// blob's sha256), so a record moved to another row does not open.
class Sealer
{
public:
    // Where the key is when no --seal-key is given (see above).
    static QString defaultKeyFile(const QString &dataDir);
    // Reads the key file, or makes it (one new key, 0600) when it does not exist and `create`.
    // *created tells whether it was made now.
    [[nodiscard]] static Result<Sealer> open(const QString &keyFile, bool create, bool *created = nullptr);

    QString keyFile() const { return m_file; }
    QString currentKeyId() const { return keysNow().last().first; }
    QStringList keyIds() const;

    static bool isSealed(const QString &text);
    static bool isSealedFile(const QByteArray &head);
    // The key id a sealed text or file names ("" if none).
    static QString keyIdOf(const QString &text);
    static QString keyIdOfFile(const QByteArray &head);

    [[nodiscard]] Result<QString> seal(const QByteArray &plain, const QByteArray &aad) const;
    // Opens a sealed text; a text that is not sealed (written before sealing) comes back as is.
    [[nodiscard]] Result<QByteArray> open(const QString &text, const QByteArray &aad) const;

    // A case entry as stored in case_entries.content, and back (associated data: case and seq).
    [[nodiscard]] Result<QString> sealEntry(const QString &caseId, int seq, const QJsonObject &entry) const;
    [[nodiscard]] Result<QJsonObject> openEntry(const QString &caseId, int seq, const QString &stored) const;

    // Blob files: `to` gets the sealed bytes of `from` (written to a temporary name, then renamed).
    [[nodiscard]] Result<bool> sealFile(const QString &from, const QString &to, const QByteArray &aad) const;
    [[nodiscard]] Result<bool> sealToFile(const QByteArray &plain, const QString &to, const QByteArray &aad) const;
    // The plain bytes of a blob file (sealed, or plain from before sealing).
    [[nodiscard]] Result<QByteArray> openFile(const QString &path, const QByteArray &aad) const;

    // HMAC-SHA256 (hex) of a normalised ID number under a key derived from the first key of the
    // file (stable across rotations): exact search without the number in the database.
    QString blindIndex(const QString &idNumber) const;
    static QString normaliseIdNumber(const QString &idNumber);

    // The back office's X25519 rating private key (raw 32 bytes; receipt::RatingSeal), derived from
    // the first key of the file like the blind index: every instance sharing the key file has it,
    // and it is never in the database. Its public half is served with the key ring.
    QByteArray ratingPrivateKey() const { return m_ratingKey; }

    // Appends a new current key to the file (the old ones stay, to open what they sealed).
    [[nodiscard]] Result<QString> rotate();

private:
    Sealer() = default;
    // "" or why the file does not read.
    QString load();
    // Reads the file again when it changed (a rotation by `admin rotate-seal-key` while the
    // server runs): new records are then sealed with the new key, re-sealed ones still open.
    void reloadIfChanged() const;
    using Keys = QList<QPair<QString, QByteArray>>;
    // The keys as they are now (read again when the file changed); safe from any thread.
    Keys keysNow() const;
    QByteArray key(const QString &id) const;

    QString m_file;
    mutable QList<QPair<QString, QByteArray>> m_keys; // oldest first; last = current
    mutable QDateTime m_modified;
    // Guards m_keys and m_modified: the back office's workers seal and open at once (reloads
    // included). Shared so that a Sealer stays movable.
    std::shared_ptr<QMutex> m_lock = std::make_shared<QMutex>();
    QByteArray m_indexKey;
    QByteArray m_ratingKey;
};

} // namespace ow::backoffice
