#include "onewindow/receipt/KeyRing.h"

#include "onewindow/receipt/WindowKey.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/evp.h>

#include <memory>

namespace ow::receipt {

Result<KeyRing> KeyRing::fromJson(const QByteArray &json)
{
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return Result<KeyRing>::failure(tr("The key list is not valid JSON."));
    const QJsonObject keys = doc.object().value(QLatin1String("keys")).toObject();
    KeyRing ring;
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        if (isDemoKeyId(it.key()))
            continue; // a demo or sample key is never trusted, whoever lists it
        const QByteArray pub = QByteArray::fromBase64(it.value().toString().toLatin1());
        if (pub.size() != 32)
            return Result<KeyRing>::failure(tr("The public key of %1 is not a valid Ed25519 key.").arg(it.key()));
        ring.add(it.key(), pub);
    }
    // Every key a window had, with its validity (a ring of an older back office: its revoked list).
    QJsonArray periods = doc.object().value(QLatin1String("validity")).toArray();
    if (!doc.object().contains(QLatin1String("validity")))
        periods = doc.object().value(QLatin1String("revoked")).toArray();
    for (const QJsonValue &v : std::as_const(periods)) {
        const QJsonObject o = v.toObject();
        const QString keyId = o.value(QLatin1String("keyId")).toString();
        const QJsonValue revokedAt = o.value(QLatin1String("revokedAt"));
        if (keyId.isEmpty() || isDemoKeyId(keyId) || !revokedAt.isString())
            continue; // current keys are in "keys"
        const QByteArray pub = QByteArray::fromBase64(o.value(QLatin1String("publicKey")).toString().toLatin1());
        const QDateTime at = QDateTime::fromString(revokedAt.toString(), Qt::ISODateWithMs);
        if (pub.size() != 32 || !at.isValid())
            return Result<KeyRing>::failure(tr("The revoked key of %1 in the key list is damaged.").arg(keyId));
        ring.addRevoked(keyId, pub, at);
    }
    const QJsonObject rating = doc.object().value(QLatin1String("ratingKey")).toObject();
    if (!rating.isEmpty()) {
        const QByteArray pub = QByteArray::fromBase64(rating.value(QLatin1String("publicKey")).toString().toLatin1());
        const QString id = rating.value(QLatin1String("keyId")).toString();
        if (pub.size() != 32 || id.isEmpty())
            return Result<KeyRing>::failure(tr("The rating key in the key list is damaged."));
        ring.setRatingKey(id, pub);
    }
    return ring;
}

Result<KeyRing> KeyRing::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Result<KeyRing>::failure(tr("Cannot read the key list %1: %2").arg(path, f.errorString()));
    return fromJson(f.readAll());
}

Result<KeyRing> KeyRing::loadDirectory(const QString &dir, const QString &ownKeyId)
{
    const QDir d(dir);
    KeyRing ring;
    if (d.exists(QStringLiteral("trusted.json"))) {
        auto published = load(d.filePath(QStringLiteral("trusted.json")));
        if (!published)
            return published;
        ring = published.value();
    }
    // The window's own key, unless the published ring already has that id (a local file never
    // overrides a published key). Other *.key files in the folder are not trusted.
    if (!ownKeyId.isEmpty() && !ring.contains(ownKeyId) && d.exists(ownKeyId + QStringLiteral(".key"))) {
        auto key = WindowKey::loadOrCreate(dir, ownKeyId);
        if (!key)
            return Result<KeyRing>::failure(key.error());
        ring.add(key->keyId(), key->publicKey());
    }
    return ring;
}

QString KeyRing::demoKeyId(const QString &keyId)
{
    return isDemoKeyId(keyId) ? keyId : QStringLiteral("DEMO-") + keyId;
}

bool KeyRing::isDemoKeyId(const QString &keyId)
{
    return keyId.startsWith(QLatin1String("DEMO-"), Qt::CaseInsensitive);
}

QString KeyRing::sampleKeyId(const QString &keyId)
{
    return QStringLiteral("DEMO-SAMPLE-") + keyId;
}

bool KeyRing::isSampleKeyId(const QString &keyId)
{
    return keyId.startsWith(QLatin1String("DEMO-SAMPLE-"), Qt::CaseInsensitive);
}

QByteArray KeyRing::toJson() const
{
    QJsonObject keys;
    QJsonArray validity;
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it)
        keys.insert(it.key(), QString::fromLatin1(it.value().toBase64()));
    for (auto it = m_revoked.cbegin(); it != m_revoked.cend(); ++it) {
        for (const Revoked &r : it.value())
            validity.append(QJsonObject {{QStringLiteral("keyId"), it.key()},
                {QStringLiteral("publicKey"), QString::fromLatin1(r.publicKey.toBase64())},
                {QStringLiteral("revokedAt"), r.revokedAt.toUTC().toString(Qt::ISODateWithMs)}});
    }
    QJsonObject out {{QStringLiteral("keys"), keys}};
    if (!validity.isEmpty())
        out.insert(QStringLiteral("validity"), validity);
    if (!m_ratingKey.isEmpty())
        out.insert(QStringLiteral("ratingKey"),
            QJsonObject {{QStringLiteral("keyId"), m_ratingKeyId},
                {QStringLiteral("publicKey"), QString::fromLatin1(m_ratingKey.toBase64())}});
    return QJsonDocument(out).toJson();
}

void KeyRing::setRatingKey(const QString &keyId, const QByteArray &publicKey)
{
    m_ratingKeyId = keyId;
    m_ratingKey = publicKey;
}

void KeyRing::add(const QString &keyId, const QByteArray &publicKey)
{
    m_keys.insert(keyId, publicKey);
}

void KeyRing::addRevoked(const QString &keyId, const QByteArray &publicKey, const QDateTime &revokedAt)
{
    m_revoked[keyId].append({publicKey, revokedAt});
}

bool KeyRing::verifySignature(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature)
{
    if (publicKey.size() != 32 || signature.size() != 64)
        return false;
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        EVP_PKEY_new_raw_public_key(
            EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(publicKey.constData()), 32),
        &EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    return key && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1
        && EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()), 64,
               reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()))
        == 1;
}

Result<KeyRing::Verified> KeyRing::check(const QString &payloadText) const
{
    using R = Result<Verified>;
    auto payload = QrPayload::parse(payloadText);
    if (!payload)
        return R::failure(payload.error());
    const auto it = m_keys.constFind(payload->keyId);
    const auto old = m_revoked.constFind(payload->keyId);
    if (it == m_keys.constEnd() && old == m_revoked.constEnd())
        return R::failure(tr("Window key \"%1\" is unknown here: the receipt cannot be checked (update the key list).")
                              .arg(payload->keyId));
    if (it != m_keys.constEnd() && verifySignature(*it, payload->signedPart(), payload->signature))
        return Verified {payload.value(), QDateTime()};
    if (old != m_revoked.constEnd()) {
        for (const Revoked &r : old.value()) {
            if (!verifySignature(r.publicKey, payload->signedPart(), payload->signature))
                continue;
            // The QR names the day of issue only: a receipt of the revocation's own day cannot be
            // told apart from one made after it, so only an earlier day is genuine.
            const QDate revokedOn = r.revokedAt.toLocalTime().date();
            if (payload->issued < revokedOn)
                return Verified {payload.value(), r.revokedAt};
            return R::failure(
                tr("Window key \"%1\" was revoked on %2 and this receipt is dated %3: it is not "
                   "genuine.")
                    .arg(payload->keyId, revokedOn.toString(Qt::ISODate), payload->issued.toString(Qt::ISODate)));
        }
    }
    return R::failure(tr("The signature does not match: this receipt was altered or forged."));
}

Result<QrPayload> KeyRing::verify(const QString &payloadText) const
{
    auto checked = check(payloadText);
    if (!checked)
        return Result<QrPayload>::failure(checked.error());
    return checked->payload;
}

} // namespace ow::receipt
