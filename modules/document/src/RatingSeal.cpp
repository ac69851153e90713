#include "onewindow/receipt/RatingSeal.h"

#include "onewindow/core/Sha256.h"

#include <QJsonDocument>
#include <QStringList>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <memory>

namespace ow::receipt {

namespace {

constexpr QLatin1String kPrefix("owr1");
constexpr int kKeyBytes = 32;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

struct PkeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); }
};
struct CipherCtxFree
{
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};
struct KdfFree
{
    void operator()(EVP_KDF *k) const { EVP_KDF_free(k); }
};
struct KdfCtxFree
{
    void operator()(EVP_KDF_CTX *c) const { EVP_KDF_CTX_free(c); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

const unsigned char *bytes(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}

Pkey privateKey(const QByteArray &raw)
{
    if (raw.size() != kKeyBytes)
        return nullptr;
    return Pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, bytes(raw), kKeyBytes));
}

Pkey publicKey(const QByteArray &raw)
{
    if (raw.size() != kKeyBytes)
        return nullptr;
    return Pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, bytes(raw), kKeyBytes));
}

QByteArray rawPublic(EVP_PKEY *key)
{
    QByteArray out(kKeyBytes, '\0');
    size_t len = size_t(out.size());
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char *>(out.data()), &len) != 1
        || len != size_t(kKeyBytes))
        return {};
    return out;
}

// X25519(mine, theirs), then HKDF-SHA256 with salt = ephemeral public | recipient public.
QByteArray sharedKey(EVP_PKEY *mine, EVP_PKEY *theirs, const QByteArray &salt)
{
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new(mine, nullptr));
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer(ctx.get(), theirs) != 1)
        return {};
    QByteArray secret(kKeyBytes, '\0');
    size_t len = size_t(secret.size());
    if (EVP_PKEY_derive(ctx.get(), reinterpret_cast<unsigned char *>(secret.data()), &len) != 1
        || len != size_t(kKeyBytes))
        return {};
    std::unique_ptr<EVP_KDF, KdfFree> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    if (!kdf)
        return {};
    std::unique_ptr<EVP_KDF_CTX, KdfCtxFree> kctx(EVP_KDF_CTX_new(kdf.get()));
    if (!kctx)
        return {};
    QByteArray info("OneWindow rating v1");
    char digest[] = "SHA256";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, secret.data(), size_t(secret.size())),
        OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_SALT, const_cast<char *>(salt.constData()), size_t(salt.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info.data(), size_t(info.size())),
        OSSL_PARAM_construct_end(),
    };
    QByteArray key(kKeyBytes, '\0');
    if (EVP_KDF_derive(kctx.get(), reinterpret_cast<unsigned char *>(key.data()), size_t(key.size()), params) != 1)
        return {};
    return key;
}

QByteArray aad(const QString &caseId, const QString &service)
{
    return QByteArrayLiteral("owr1|") + caseId.toUtf8() + '|' + service.toUtf8();
}

} // namespace

QString RatingSeal::keyIdFor(const QByteArray &publicKey)
{
    return QStringLiteral("RK-") + Sha256::hex(publicKey).left(16);
}

Result<QByteArray> RatingSeal::generatePrivateKey()
{
    QByteArray raw(kKeyBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(raw.data()), kKeyBytes) != 1)
        return Result<QByteArray>::failure(tr("No random bytes for a rating key."));
    if (!privateKey(raw))
        return Result<QByteArray>::failure(tr("The rating key cannot be made."));
    return raw;
}

Result<QByteArray> RatingSeal::publicKeyOf(const QByteArray &privateKeyBytes)
{
    const Pkey key = privateKey(privateKeyBytes);
    const QByteArray pub = key ? rawPublic(key.get()) : QByteArray();
    if (pub.isEmpty())
        return Result<QByteArray>::failure(tr("The rating key is not an X25519 key."));
    return pub;
}

Result<QString> RatingSeal::seal(const Rating &rating, const QByteArray &recipientPublic)
{
    using R = Result<QString>;
    const Pkey recipient = publicKey(recipientPublic);
    if (!recipient)
        return R::failure(tr("The back office's rating key is not an X25519 key."));
    EVP_PKEY *made = EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519");
    const Pkey ephemeral(made);
    if (!ephemeral)
        return R::failure(tr("No key could be made to seal the rating."));
    const QByteArray ephemeralPublic = rawPublic(ephemeral.get());
    const QByteArray key = sharedKey(ephemeral.get(), recipient.get(), ephemeralPublic + recipientPublic);
    if (key.isEmpty() || ephemeralPublic.isEmpty())
        return R::failure(tr("The rating could not be sealed (key agreement failed)."));
    QByteArray nonce(kNonceBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(nonce.data()), kNonceBytes) != 1)
        return R::failure(tr("No random bytes to seal the rating."));
    const QByteArray plain = QJsonDocument(rating.toJson()).toJson(QJsonDocument::Compact);
    const QByteArray ad = aad(rating.caseId, rating.service);
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
    QByteArray out(plain.size(), '\0');
    QByteArray tag(kTagBytes, '\0');
    int len = 0;
    int total = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1
        || EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(nonce)) != 1
        || EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(ad), int(ad.size())) != 1
        || EVP_EncryptUpdate(
               ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &len, bytes(plain), int(plain.size()))
            != 1)
        return R::failure(tr("The rating could not be sealed."));
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(out.data()) + total, &len) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, tag.data()) != 1)
        return R::failure(tr("The rating could not be sealed."));
    out.truncate(total + len);
    return QStringLiteral("%1:%2:%3")
        .arg(kPrefix, keyIdFor(recipientPublic), QString::fromLatin1((ephemeralPublic + nonce + out + tag).toBase64()));
}

QString RatingSeal::keyIdOf(const QString &sealed)
{
    const QStringList parts = sealed.split(u':');
    return parts.size() == 3 && parts.first() == kPrefix ? parts.at(1) : QString();
}

Result<Rating> RatingSeal::open(
    const QString &sealed, const QByteArray &privateKeyBytes, const QString &caseId, const QString &service)
{
    using R = Result<Rating>;
    const QStringList parts = sealed.split(u':');
    if (parts.size() != 3 || parts.first() != kPrefix)
        return R::failure(tr("This is not a sealed rating."));
    const Pkey mine = privateKey(privateKeyBytes);
    if (!mine)
        return R::failure(tr("The rating key is not an X25519 key."));
    const QByteArray minePublic = rawPublic(mine.get());
    if (parts.at(1) != keyIdFor(minePublic))
        return R::failure(tr("The rating is sealed to key %1, not to this back office's key.").arg(parts.at(1)));
    const auto decoded =
        QByteArray::fromBase64Encoding(parts.at(2).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() < kKeyBytes + kNonceBytes + kTagBytes)
        return R::failure(tr("The sealed rating is damaged."));
    const QByteArray &box = decoded.decoded;
    const QByteArray ephemeralPublic = box.left(kKeyBytes);
    const QByteArray nonce = box.mid(kKeyBytes, kNonceBytes);
    const QByteArray cipher = box.mid(kKeyBytes + kNonceBytes, box.size() - kKeyBytes - kNonceBytes - kTagBytes);
    QByteArray tag = box.right(kTagBytes);
    const Pkey ephemeral = publicKey(ephemeralPublic);
    if (!ephemeral)
        return R::failure(tr("The sealed rating is damaged."));
    const QByteArray key = sharedKey(mine.get(), ephemeral.get(), ephemeralPublic + minePublic);
    if (key.isEmpty())
        return R::failure(tr("The sealed rating is damaged."));
    const QByteArray ad = aad(caseId, service);
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
    QByteArray plain(cipher.size(), '\0');
    int len = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1
        || EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(nonce)) != 1
        || EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(ad), int(ad.size())) != 1
        || EVP_DecryptUpdate(
               ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &len, bytes(cipher), int(cipher.size()))
            != 1)
        return R::failure(tr("The sealed rating does not open."));
    const int total = len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1
        || EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + total, &len) != 1)
        return R::failure(tr("The sealed rating does not open: altered, or not of this case and service."));
    plain.truncate(total + len);
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(plain, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return R::failure(tr("The sealed rating is not a rating."));
    auto rating = Rating::fromJson(doc.object());
    if (!rating)
        return rating;
    if (rating->caseId != caseId || rating->service != service)
        return R::failure(tr("The sealed rating is of another case or service."));
    return rating;
}

} // namespace ow::receipt
