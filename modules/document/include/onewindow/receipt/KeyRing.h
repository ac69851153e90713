#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/receipt/QrPayload.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace ow::receipt {

// The published public keys of the windows: {"keys": {"<key id>": "<base64 raw Ed25519>"}} (the
// current ones), and — from the back office's GET /v1/keyring — "validity": [{keyId, publicKey,
// enrolledAt, revokedAt|null}], every key a window ever had (an older ring's "revoked" list
// [{keyId, publicKey, revokedAt}] is read too). A receipt signed by a revoked key is genuine when it
// was issued before the day of the revocation, and refused when issued on that day or later.
class KeyRing
{
    Q_DECLARE_TR_FUNCTIONS(KeyRing)

public:
    // A receipt that checked out: its payload, and when its key was revoked (invalid: the key is
    // current).
    struct Verified
    {
        QrPayload payload;
        QDateTime keyRevokedAt;
    };

    static Result<KeyRing> fromJson(const QByteArray &json);
    static Result<KeyRing> load(const QString &path);
    // The keys a window trusts: <dir>/trusted.json (published by the back office, optional) and
    // its own key <dir>/<ownKeyId>.key — nothing else in the folder, and a published key of the
    // same id wins over the local file. Demo and sample keys (DEMO-…) are never taken from the
    // published list; a demo window trusts its own demo key only. `ownKeyId` may be empty.
    static Result<KeyRing> loadDirectory(const QString &dir, const QString &ownKeyId);

    // Demo mode and `onewindow-tool receipt sample` sign with "DEMO-<key id>": a real key id
    // starts with the 6-digit region code, so no real window can have it.
    static QString demoKeyId(const QString &keyId);
    static bool isDemoKeyId(const QString &keyId);
    // The key of `onewindow-tool receipt sample` (a demo key too): DEMO-SAMPLE-….
    static QString sampleKeyId(const QString &keyId);
    static bool isSampleKeyId(const QString &keyId);
    QByteArray toJson() const;

    void add(const QString &keyId, const QByteArray &publicKey);
    // A key of `keyId` that was revoked at `revokedAt`.
    void addRevoked(const QString &keyId, const QByteArray &publicKey, const QDateTime &revokedAt);
    bool contains(const QString &keyId) const { return m_keys.contains(keyId); }
    qsizetype size() const { return m_keys.size(); }

    // The back office's X25519 rating key ("ratingKey": {keyId, publicKey} in GET /v1/keyring):
    // what a window seals the applicant's ratings to (RatingSeal). Empty when the ring has none.
    QString ratingKeyId() const { return m_ratingKeyId; }
    QByteArray ratingKey() const { return m_ratingKey; }
    void setRatingKey(const QString &keyId, const QByteArray &publicKey);

    // Parses and checks a scanned payload: genuine → the payload and, for a key revoked since,
    // when; otherwise why not (forged, altered, unknown key, or issued after its key's revocation).
    Result<Verified> check(const QString &payloadText) const;
    // check() without the revocation: genuine → the payload.
    Result<QrPayload> verify(const QString &payloadText) const;

    // The raw Ed25519 check.
    static bool verifySignature(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature);

private:
    struct Revoked
    {
        QByteArray publicKey;
        QDateTime revokedAt;
    };

    QHash<QString, QByteArray> m_keys;
    QHash<QString, QList<Revoked>> m_revoked;
    QString m_ratingKeyId;
    QByteArray m_ratingKey;
};

} // namespace ow::receipt
