#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/receipt/Rating.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ow::receipt {

// A rating sealed at the window for the back office only (a sealed box): the window knows the back
// office's X25519 rating public key (served with the key ring), makes a fresh X25519 key pair per
// rating, derives an AES-256 key by HKDF-SHA256 from the shared secret (salt: both public keys,
// info "OneWindow rating v1") and encrypts the rating's JSON with AES-256-GCM, the case id and the
// service as associated data (a sealed rating moved to another case or service does not open).
// The ephemeral private key is dropped at once: the window, the clerk's session included, cannot
// open what it sealed.
//
//   owr1:<rating key id>:<base64(ephemeral public key 32 | nonce 12 | ciphertext | tag 16)>
//
// Pure codec over OpenSSL (the algorithms sit behind this one seam: 密评 may ask for SM2/SM4).
class RatingSeal
{
    Q_DECLARE_TR_FUNCTIONS(RatingSeal)

public:
    // "RK-" + the first 16 hex digits of SHA-256 of the public key.
    static QString keyIdFor(const QByteArray &publicKey);
    // A new X25519 private key (raw 32 bytes), and its public half.
    [[nodiscard]] static Result<QByteArray> generatePrivateKey();
    [[nodiscard]] static Result<QByteArray> publicKeyOf(const QByteArray &privateKey);

    // The sealed form of `rating` (its caseId and service are bound as associated data).
    [[nodiscard]] static Result<QString> seal(const Rating &rating, const QByteArray &publicKey);
    // The key id a sealed text names ("" when it is not one).
    static QString keyIdOf(const QString &sealed);
    // Opens a sealed rating of `caseId` and `service` with the back office's private key.
    [[nodiscard]] static Result<Rating> open(
        const QString &sealed, const QByteArray &privateKey, const QString &caseId, const QString &service);
};

} // namespace ow::receipt
