#include "onewindow/store/Sealer.h"

#include "onewindow/store/FileModes.h"

#include <QDir>
#include <QFile>
#include <QTemporaryFile>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include <unistd.h>

namespace ow::store {

namespace {

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char *bytes(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}

unsigned char *bytes(QByteArray &b)
{
    return reinterpret_cast<unsigned char *>(b.data());
}

QByteArray randomBytes(int n)
{
    QByteArray out(n, '\0');
    if (RAND_bytes(bytes(out), n) != 1)
        return {};
    return out;
}

Result<Sealer> parseKeyFile(const QString &path, const QByteArray &content)
{
    const QByteArray raw = QByteArray::fromBase64(content.trimmed());
    if (raw.size() != 2 * Sealer::kKeySize)
        return Result<Sealer>::failure(
            Sealer::tr("The data key %1 is damaged (expected %2 bytes, found %3). Restore it from the backup; "
                       "without it the personal data in the store cannot be read.")
                .arg(path)
                .arg(2 * Sealer::kKeySize)
                .arg(raw.size()));
    return Sealer::fromKeys(raw.left(Sealer::kKeySize), raw.mid(Sealer::kKeySize));
}

} // namespace

Sealer::Sealer(QByteArray aesKey, QByteArray hmacKey)
    : m_aesKey(std::move(aesKey))
    , m_hmacKey(std::move(hmacKey))
{ }

Sealer Sealer::fromKeys(const QByteArray &aesKey, const QByteArray &hmacKey)
{
    return Sealer(aesKey, hmacKey);
}

bool Sealer::keysValid() const
{
    return m_aesKey.size() == kKeySize && m_hmacKey.size() == kKeySize;
}

Result<Sealer> Sealer::loadOrCreate(const QString &keysDir)
{
    using R = Result<Sealer>;
    const QString dirErr = FileModes::makePrivateDir(keysDir);
    if (!dirErr.isEmpty())
        return R::failure(dirErr);
    const QString path = QDir(keysDir).filePath(QStringLiteral("data.key"));
    for (int attempt = 0; attempt < 2; ++attempt) {
        QFile f(path);
        if (f.exists()) {
            if (!f.open(QIODevice::ReadOnly))
                return R::failure(tr("Cannot read the data key %1: %2").arg(path, f.errorString()));
            const QString modeErr = FileModes::makePrivateFile(path);
            if (!modeErr.isEmpty())
                return R::failure(modeErr);
            return parseKeyFile(path, f.readAll());
        }
        const QByteArray aes = randomBytes(kKeySize);
        const QByteArray hmac = randomBytes(kKeySize);
        if (aes.isEmpty() || hmac.isEmpty())
            return R::failure(tr("Cannot make the data key: the system's random source failed (OpenSSL)."));
        // Write the whole key into a private temporary file, then link it into place: link(2)
        // fails if data.key exists, so of two processes starting at once exactly one publishes
        // its key and the other reads that one (never a half-written file).
        QTemporaryFile tmp(QDir(keysDir).filePath(QStringLiteral("data.key.XXXXXX")));
        if (!tmp.open())
            return R::failure(tr("Cannot write the data key in %1: %2").arg(keysDir, tmp.errorString()));
        tmp.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QByteArray content = (aes + hmac).toBase64() + '\n';
        if (tmp.write(content) != content.size() || !tmp.flush() || ::fsync(tmp.handle()) != 0)
            return R::failure(tr("Cannot write the data key in %1: %2").arg(keysDir, tmp.errorString()));
        const QByteArray from = QFile::encodeName(tmp.fileName());
        const QByteArray to = QFile::encodeName(path);
        if (::link(from.constData(), to.constData()) == 0)
            return fromKeys(aes, hmac);
        if (errno != EEXIST)
            return R::failure(
                tr("Cannot write the data key %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno))));
        // Another process was first: read its key.
    }
    return R::failure(tr("Cannot read the data key %1.").arg(path));
}

Result<QByteArray> Sealer::seal(const QByteArray &plain, const QByteArray &aad) const
{
    using R = Result<QByteArray>;
    if (!keysValid())
        return R::failure(tr("The data key is not usable (wrong size)."));
    const QByteArray nonce = randomBytes(kNonceSize);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (nonce.isEmpty() || !ctx)
        return R::failure(tr("Sealing failed (OpenSSL)."));
    QByteArray out;
    out.reserve(1 + kNonceSize + plain.size() + kTagSize);
    out.append(kVersion);
    out.append(nonce);
    QByteArray cipher(plain.size(), '\0');
    QByteArray tag(kTagSize, '\0');
    int len = 0;
    int finalLen = 0;
    if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1
        || EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_aesKey), bytes(nonce)) != 1
        || (!aad.isEmpty() && EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1)
        || (!plain.isEmpty() && EVP_EncryptUpdate(ctx.get(), bytes(cipher), &len, bytes(plain), int(plain.size())) != 1)
        || EVP_EncryptFinal_ex(ctx.get(), bytes(cipher) + (plain.isEmpty() ? 0 : len), &finalLen) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, tag.data()) != 1)
        return R::failure(tr("Sealing failed (OpenSSL)."));
    out.append(cipher);
    out.append(tag);
    return out;
}

Result<QByteArray> Sealer::open(const QByteArray &sealed, const QByteArray &aad) const
{
    using R = Result<QByteArray>;
    if (!keysValid())
        return R::failure(tr("The data key is not usable (wrong size)."));
    if (sealed.size() < 1 + kNonceSize + kTagSize)
        return R::failure(tr("A sealed value is too short (%1 bytes, at least %2): the store is damaged.")
                              .arg(sealed.size())
                              .arg(1 + kNonceSize + kTagSize));
    if (sealed.at(0) != kVersion)
        return R::failure(tr("A sealed value has an unknown format (version %1).").arg(int(quint8(sealed.at(0)))));
    const QByteArray nonce = sealed.mid(1, kNonceSize);
    const QByteArray cipher = sealed.mid(1 + kNonceSize, sealed.size() - 1 - kNonceSize - kTagSize);
    QByteArray tag = sealed.right(kTagSize);
    QByteArray plain(cipher.size(), '\0');
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    int finalLen = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1
        || EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_aesKey), bytes(nonce)) != 1
        || (!aad.isEmpty() && EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1)
        || (!cipher.isEmpty()
            && EVP_DecryptUpdate(ctx.get(), bytes(plain), &len, bytes(cipher), int(cipher.size())) != 1)
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) != 1)
        return R::failure(tr("Opening a sealed value failed (OpenSSL)."));
    if (EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + (cipher.isEmpty() ? 0 : len), &finalLen) != 1)
        return R::failure(tr("A sealed value does not open: it was altered, belongs elsewhere, or the data key is "
                             "not the one it was sealed with."));
    return plain;
}

QString Sealer::blindIndex(const QString &value) const
{
    const QByteArray normal = value.trimmed().toUpper().toUtf8();
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLen = 0;
    if (!keysValid()
        || HMAC(EVP_sha256(), m_hmacKey.constData(), int(m_hmacKey.size()), bytes(normal), size_t(normal.size()), mac,
               &macLen)
            == nullptr)
        return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(mac), int(macLen)).toHex());
}

} // namespace ow::store
