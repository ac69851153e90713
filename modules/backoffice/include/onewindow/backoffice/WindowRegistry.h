#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"
#include "onewindow/core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ow::backoffice {

class Database;
struct Principal;

// Windows and township stations, their one-time enrolment codes and their public keys. A window's
// key id is "<region>-<code>" (as the client forms it, see store::WindowSettings), so case numbers
// and receipts name their window without a round trip.
class WindowRegistry
{
public:
    static constexpr int kDefaultCodeHours = 72;

    // One key a window had: valid from its enrolment until its revocation (null: still current).
    struct KeyPeriod
    {
        QByteArray publicKey; // raw 32 bytes
        QString enrolledAt;
        QString revokedAt; // "" while current
        bool current() const { return revokedAt.isEmpty(); }
        // Whether a document issued at `issued` was signed while this key was valid: before its
        // revocation (a window may sign before its enrolment reached the back office).
        bool validAt(const QDateTime &issued) const;
    };

    WindowRegistry(Database &db, Clock clock);

    // Adds a window or station ("window" | "station") and returns its first enrolment code.
    [[nodiscard]] Result<QString> addWindow(const QString &region, const QString &code, const QString &name,
        const QString &kind, int validHours = kDefaultCodeHours);
    // A fresh code for an existing window (e.g. after its key was revoked); older codes stay valid
    // until used or expired.
    [[nodiscard]] Result<QString> issueCode(const QString &keyId, int validHours = kDefaultCodeHours);
    // Revokes the window's current key: it moves to the ring's "revoked" list, and every session
    // of the window's users ends at once (their tokens answer 401).
    [[nodiscard]] Result<bool> revokeKey(const QString &keyId);
    bool windowExists(const QString &keyId);
    // Every key the window ever had, oldest first.
    ApiResult<QList<KeyPeriod>> keysOf(const QString &keyId);
    // nullopt when `who` may push (entries, uploads): a clerk or station of a window that has a
    // current key. Else 403 window-not-enrolled / window-key-revoked (or 503).
    std::optional<ApiReply> refusePush(const Principal &who);

    // POST /v1/enrol {code, keyId, publicKey}.
    ApiReply enrol(const QJsonObject &body);
    // GET /v1/keyring[?region=R]: {"keys": {id: base64} (current keys), "revoked": [{keyId,
    // publicKey, revokedAt}], "validity": [{keyId, publicKey, enrolledAt, revokedAt|null}] (every
    // key ever enrolled)} ("keys" and "validity" are receipt::KeyRing's format), with an ETag; 304
    // when If-None-Match matches.
    // `ratingKey` ({keyId, publicKey}: the X25519 key windows seal ratings to) rides along.
    ApiReply keyRing(const QString &region, const QByteArray &ifNoneMatch, const QJsonObject &ratingKey = {});

private:
    Database &m_db;
    Clock m_clock;
};

} // namespace ow::backoffice
