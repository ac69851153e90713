#pragma once

#include "onewindow/core/Result.h"

#include <QByteArray>
#include <QString>

namespace ow::backoffice {

// Passwords, tokens and codes. Passwords are stored as
// "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>" (OpenSSL PKCS5_PBKDF2_HMAC, SHA-256,
// 16-byte random salt); tokens and enrolment codes are random and only their SHA-256 is stored.
class Secrets
{
public:
    static constexpr int kIterations = 210000;

    [[nodiscard]] static Result<QString> hashPassword(const QByteArray &password);
    static bool verifyPassword(const QByteArray &password, const QString &stored);
    // Burns the same time as a verification, for unknown users (no timing hint that a name exists).
    static void burnVerification(const QByteArray &password);

    [[nodiscard]] static Result<QByteArray> randomBytes(int count);
    // A bearer token: 32 random bytes, base64url without padding.
    [[nodiscard]] static Result<QString> newToken();
    // An enrolment code: 15 characters of an unambiguous alphabet, as XXXXX-XXXXX-XXXXX (75 bits).
    [[nodiscard]] static Result<QString> newEnrolmentCode();
    // Upper-cased, without spaces and dashes: what a code's hash is taken of.
    static QString normaliseCode(const QString &code);
    static QString sha256Hex(const QByteArray &data);
};

} // namespace ow::backoffice
