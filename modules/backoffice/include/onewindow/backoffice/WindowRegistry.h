#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"
#include "onewindow/core/Result.h"

#include <QJsonObject>
#include <QString>

namespace ow::backoffice {

class Database;

// Windows and township stations, their one-time enrolment codes and their public keys. A window's
// key id is "<region>-<code>" (as the client forms it, see store::WindowSettings), so case numbers
// and receipts name their window without a round trip.
class WindowRegistry
{
public:
    static constexpr int kDefaultCodeHours = 72;

    WindowRegistry(Database &db, Clock clock);

    // Adds a window or station ("window" | "station") and returns its first enrolment code.
    [[nodiscard]] Result<QString> addWindow(const QString &region, const QString &code, const QString &name,
        const QString &kind, int validHours = kDefaultCodeHours);
    // A fresh code for an existing window (e.g. after its key was revoked); older codes stay valid
    // until used or expired.
    [[nodiscard]] Result<QString> issueCode(const QString &keyId, int validHours = kDefaultCodeHours);
    // Revokes the window's current key: it moves to the ring's "revoked" list.
    [[nodiscard]] Result<bool> revokeKey(const QString &keyId);
    bool windowExists(const QString &keyId);

    // POST /v1/enrol {code, keyId, publicKey}.
    ApiReply enrol(const QJsonObject &body);
    // GET /v1/keyring[?region=R]: {"keys": {id: base64}, "revoked": [{keyId, publicKey, revokedAt}]}
    // ("keys" is receipt::KeyRing's format), with an ETag; 304 when If-None-Match matches.
    ApiReply keyRing(const QString &region, const QByteArray &ifNoneMatch);

private:
    Database &m_db;
    Clock m_clock;
};

} // namespace ow::backoffice
