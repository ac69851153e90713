#pragma once

#include "onewindow/core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ow::store {

// Seals personal data at rest: AES-256-GCM (OpenSSL EVP) with a random 12-byte nonce, and an
// HMAC-SHA256 blind index so an exact ID-number search works without the plain text.
// Sealed form (raw bytes, stored as a BLOB): version byte 0x01 | nonce (12) | ciphertext | tag (16).
// The keys live in <keysDir>/data.key (0600 in a 0700 folder): base64 of the 32-byte AES key
// followed by the 32-byte HMAC key.
class Sealer
{
    Q_DECLARE_TR_FUNCTIONS(Sealer)

public:
    static constexpr char kVersion = 0x01;
    static constexpr int kKeySize = 32;
    static constexpr int kNonceSize = 12;
    static constexpr int kTagSize = 16;

    // Loads <keysDir>/data.key, creating it (random keys) on first use. Two processes starting at
    // once agree on one key: the file is published with link(2), which never replaces a file.
    static Result<Sealer> loadOrCreate(const QString &keysDir);
    // For tests: a sealer with the given keys (32 bytes each; other sizes make seal/open fail).
    static Sealer fromKeys(const QByteArray &aesKey, const QByteArray &hmacKey);

    // `aad` is authenticated but not encrypted (e.g. the row and column a value belongs to), so a
    // sealed value copied into another row does not open there.
    [[nodiscard]] Result<QByteArray> seal(const QByteArray &plain, const QByteArray &aad = {}) const;
    [[nodiscard]] Result<QByteArray> open(const QByteArray &sealed, const QByteArray &aad = {}) const;

    // Lower-case hex HMAC-SHA256 of the trimmed, upper-cased value ("33010619900101123x" and
    // " 33010619900101123X" give the same index).
    QString blindIndex(const QString &value) const;

private:
    Sealer(QByteArray aesKey, QByteArray hmacKey);
    bool keysValid() const;

    QByteArray m_aesKey;
    QByteArray m_hmacKey;
};

} // namespace ow::store
