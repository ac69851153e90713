#include "onewindow/receipt/WindowKey.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <openssl/evp.h>

#include <memory>

namespace ow::receipt {

namespace {

struct PkeyDeleter
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

Pkey privateFromSeed(const QByteArray &seed)
{
    return Pkey(EVP_PKEY_new_raw_private_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(seed.constData()), size_t(seed.size())));
}

QByteArray rawPublic(EVP_PKEY *key)
{
    QByteArray out(32, '\0');
    size_t len = size_t(out.size());
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char *>(out.data()), &len) != 1 || len != 32)
        return {};
    return out;
}

bool validKeyId(const QString &id)
{
    if (id.isEmpty() || id.size() > 32)
        return false;
    for (QChar c : id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_')
            return false;
    }
    return true;
}

} // namespace

Result<WindowKey> WindowKey::generate(const QString &keyId)
{
    if (!validKeyId(keyId))
        return Result<WindowKey>::failure(tr("A key id uses only letters, digits, '-' and '_' (at most 32)."));
    EVP_PKEY *raw = nullptr;
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr), &EVP_PKEY_CTX_free);
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1)
        return Result<WindowKey>::failure(tr("Cannot generate the window's signing key (OpenSSL)."));
    Pkey key(raw);
    WindowKey k;
    k.m_keyId = keyId;
    k.m_private = QByteArray(32, '\0');
    size_t len = 32;
    if (EVP_PKEY_get_raw_private_key(key.get(), reinterpret_cast<unsigned char *>(k.m_private.data()), &len) != 1)
        return Result<WindowKey>::failure(tr("Cannot generate the window's signing key (OpenSSL)."));
    k.m_public = rawPublic(key.get());
    return k;
}

Result<WindowKey> WindowKey::loadOrCreate(const QString &dir, const QString &keyId)
{
    if (!validKeyId(keyId))
        return Result<WindowKey>::failure(tr("A key id uses only letters, digits, '-' and '_' (at most 32)."));
    const QString path = QDir(dir).filePath(keyId + QStringLiteral(".key"));
    QFile f(path);
    if (f.exists()) {
        if (!f.open(QIODevice::ReadOnly))
            return Result<WindowKey>::failure(tr("Cannot read the window key %1: %2").arg(path, f.errorString()));
        const QByteArray seed = QByteArray::fromBase64(f.readAll().trimmed());
        Pkey key = seed.size() == 32 ? privateFromSeed(seed) : Pkey();
        if (!key)
            return Result<WindowKey>::failure(tr("The window key %1 is damaged.").arg(path));
        WindowKey k;
        k.m_keyId = keyId;
        k.m_private = seed;
        k.m_public = rawPublic(key.get());
        return k;
    }
    auto k = generate(keyId);
    if (!k)
        return k;
    if (!QDir().mkpath(dir)
        || !QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        return Result<WindowKey>::failure(tr("Cannot create the key folder %1.").arg(dir));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Result<WindowKey>::failure(tr("Cannot write the window key %1: %2").arg(path, out.errorString()));
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(k->m_private.toBase64() + '\n');
    if (!out.commit())
        return Result<WindowKey>::failure(tr("Cannot write the window key %1: %2").arg(path, out.errorString()));
    return k;
}

Result<QByteArray> WindowKey::sign(const QByteArray &message) const
{
    Pkey key = privateFromSeed(m_private);
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    QByteArray sig(64, '\0');
    size_t len = size_t(sig.size());
    if (!key || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1
        || EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len,
               reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()))
            != 1
        || len != 64)
        return Result<QByteArray>::failure(tr("Signing failed (OpenSSL)."));
    return sig;
}

} // namespace ow::receipt
