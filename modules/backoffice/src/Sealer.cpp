#include "onewindow/backoffice/Sealer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTemporaryFile>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include <unistd.h>

namespace ow::backoffice {

namespace {

constexpr int kKeyBytes = 32;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;
const char kTextPrefix[] = "ows1:";
const QByteArray kFileMagic("OWSEAL1\n");

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

QByteArray randomBytes(int n)
{
    QByteArray out(n, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), n) != 1)
        return QByteArray();
    return out;
}

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.constData(), int(key.size()), reinterpret_cast<const unsigned char *>(data.constData()),
            size_t(data.size()), out, &len))
        return QByteArray();
    return QByteArray(reinterpret_cast<const char *>(out), int(len));
}

// nonce | ciphertext | tag, or "" on failure.
QByteArray gcmSeal(const QByteArray &key, const QByteArray &plain, const QByteArray &aad)
{
    const QByteArray nonce = randomBytes(kNonceBytes);
    if (nonce.isEmpty())
        return QByteArray();
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!ctx)
        return QByteArray();
    QByteArray out = nonce;
    out.resize(kNonceBytes + plain.size() + kTagBytes);
    auto *u = reinterpret_cast<unsigned char *>(out.data());
    int len = 0;
    if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1
        || EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, reinterpret_cast<const unsigned char *>(key.constData()),
               reinterpret_cast<const unsigned char *>(nonce.constData()))
            != 1)
        return QByteArray();
    if (!aad.isEmpty()
        && EVP_EncryptUpdate(
               ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(aad.constData()), int(aad.size()))
            != 1)
        return QByteArray();
    // In pieces: an int length per call.
    qsizetype done = 0;
    while (done < plain.size()) {
        const int piece = int(qMin<qsizetype>(plain.size() - done, 1 << 24));
        if (EVP_EncryptUpdate(ctx.get(), u + kNonceBytes + done, &len,
                reinterpret_cast<const unsigned char *>(plain.constData() + done), piece)
            != 1)
            return QByteArray();
        done += piece;
    }
    if (EVP_EncryptFinal_ex(ctx.get(), u + kNonceBytes + done, &len) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, u + kNonceBytes + plain.size()) != 1)
        return QByteArray();
    return out;
}

bool gcmOpen(const QByteArray &key, const QByteArray &sealed, const QByteArray &aad, QByteArray *plain)
{
    if (sealed.size() < kNonceBytes + kTagBytes)
        return false;
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!ctx)
        return false;
    const qsizetype n = sealed.size() - kNonceBytes - kTagBytes;
    plain->resize(n);
    auto *out = reinterpret_cast<unsigned char *>(plain->data());
    const auto *in = reinterpret_cast<const unsigned char *>(sealed.constData());
    int len = 0;
    if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1
        || EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, reinterpret_cast<const unsigned char *>(key.constData()), in)
            != 1)
        return false;
    if (!aad.isEmpty()
        && EVP_DecryptUpdate(
               ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(aad.constData()), int(aad.size()))
            != 1)
        return false;
    qsizetype done = 0;
    while (done < n) {
        const int piece = int(qMin<qsizetype>(n - done, 1 << 24));
        if (EVP_DecryptUpdate(ctx.get(), out + done, &len, in + kNonceBytes + done, piece) != 1)
            return false;
        done += piece;
    }
    QByteArray tag = sealed.right(kTagBytes);
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1)
        return false;
    return EVP_DecryptFinal_ex(ctx.get(), out + done, &len) == 1;
}

QString newKeyId()
{
    return QString::fromLatin1(randomBytes(4).toHex());
}

QByteArray keyFileText(const QList<QPair<QString, QByteArray>> &keys)
{
    QByteArray text("# OneWindow back-office seal keys: key id, base64 key; the last is current. Keep apart from"
                    " the data and its backups.\n");
    for (const auto &k : keys)
        text += k.first.toLatin1() + ' ' + k.second.toBase64() + '\n';
    return text;
}

Result<bool> writeKeyFile(const QString &path, const QList<QPair<QString, QByteArray>> &keys)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Result<bool>::failure(
            QStringLiteral("Cannot write the seal key file %1: %2").arg(path, f.errorString()));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(keyFileText(keys));
    if (!f.commit())
        return Result<bool>::failure(
            QStringLiteral("Cannot write the seal key file %1: %2").arg(path, f.errorString()));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

} // namespace

QString Sealer::defaultKeyFile(const QString &dataDir)
{
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (!credentials.isEmpty() && QFileInfo::exists(credentials + QStringLiteral("/seal-key")))
        return credentials + QStringLiteral("/seal-key");
    return QDir::cleanPath(QFileInfo(dataDir).absoluteFilePath()) + QStringLiteral(".seal-key");
}

Result<Sealer> Sealer::open(const QString &keyFile, bool create, bool *created)
{
    if (created)
        *created = false;
    Sealer s;
    s.m_file = keyFile;
    if (!QFile::exists(keyFile)) {
        if (!create)
            return Result<Sealer>::failure(QStringLiteral("There is no seal key file %1.").arg(keyFile));
        const QByteArray key = randomBytes(kKeyBytes);
        if (key.isEmpty())
            return Result<Sealer>::failure(QStringLiteral("No random bytes for a seal key."));
        // Written whole under a temporary name, then linked into place: link(2) never replaces a
        // file, so of two servers starting at once on one database exactly one key is made and
        // both use it.
        QDir().mkpath(QFileInfo(keyFile).absolutePath());
        QTemporaryFile tmp(keyFile + QStringLiteral(".XXXXXX"));
        if (!tmp.open())
            return Result<Sealer>::failure(
                QStringLiteral("Cannot write the seal key file %1: %2").arg(keyFile, tmp.errorString()));
        tmp.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QByteArray text = keyFileText({{newKeyId(), key}});
        if (tmp.write(text) != text.size() || !tmp.flush() || ::fsync(tmp.handle()) != 0)
            return Result<Sealer>::failure(
                QStringLiteral("Cannot write the seal key file %1: %2").arg(keyFile, tmp.errorString()));
        if (::link(QFile::encodeName(tmp.fileName()).constData(), QFile::encodeName(keyFile).constData()) == 0) {
            if (created)
                *created = true;
        } else if (errno != EEXIST) {
            return Result<Sealer>::failure(QStringLiteral("Cannot write the seal key file %1: %2")
                                               .arg(keyFile, QString::fromLocal8Bit(strerror(errno))));
        }
    }
    const QString why = s.load();
    if (!why.isEmpty())
        return Result<Sealer>::failure(why);
    s.m_indexKey = hmac(s.m_keys.first().second, QByteArrayLiteral("onewindow blind index v1"));
    s.m_ratingKey = hmac(s.m_keys.first().second, QByteArrayLiteral("onewindow rating key v1"));
    return s;
}

QString Sealer::load()
{
    QFile f(m_file);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("Cannot read the seal key file %1: %2").arg(m_file, f.errorString());
    const QDateTime modified = QFileInfo(m_file).lastModified();
    QList<QPair<QString, QByteArray>> keys;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> parts = line.split(' ');
        const QByteArray key = parts.size() == 2
            ? QByteArray::fromBase64(parts.at(1), QByteArray::AbortOnBase64DecodingErrors)
            : QByteArray();
        if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(0).contains(':') || key.size() != kKeyBytes)
            return QStringLiteral("The seal key file %1 has a line that is not \"<key id> <base64 of 32 bytes>\".")
                .arg(m_file);
        keys.append({QString::fromLatin1(parts.at(0)), key});
    }
    if (keys.isEmpty())
        return QStringLiteral("The seal key file %1 holds no key.").arg(m_file);
    // Keys are only ever added: a file that lost the first (blind-index) key is not this one.
    if (!m_keys.isEmpty() && keys.first() != m_keys.first())
        return QStringLiteral("The seal key file %1 no longer starts with key %2.").arg(m_file, m_keys.first().first);
    m_keys = keys;
    m_modified = modified;
    return QString();
}

Sealer::Keys Sealer::keysNow() const
{
    QMutexLocker locked(m_lock.get());
    reloadIfChanged();
    return m_keys;
}

void Sealer::reloadIfChanged() const
{
    // The caller holds m_lock.
    if (QFileInfo(m_file).lastModified() == m_modified)
        return;
    const QString why = const_cast<Sealer *>(this)->load();
    if (!why.isEmpty())
        qWarning("onewindow-backoffice: %s (keeping the keys read before)", qPrintable(why));
}

QStringList Sealer::keyIds() const
{
    QStringList out;
    for (const auto &k : keysNow())
        out.append(k.first);
    return out;
}

QByteArray Sealer::key(const QString &id) const
{
    for (const auto &k : keysNow()) {
        if (k.first == id)
            return k.second;
    }
    return QByteArray();
}

bool Sealer::isSealed(const QString &text)
{
    return text.startsWith(QLatin1String(kTextPrefix));
}

bool Sealer::isSealedFile(const QByteArray &head)
{
    return head.startsWith(kFileMagic);
}

QString Sealer::keyIdOf(const QString &text)
{
    if (!isSealed(text))
        return QString();
    return text.section(QLatin1Char(':'), 1, 1);
}

QString Sealer::keyIdOfFile(const QByteArray &head)
{
    if (!isSealedFile(head) || head.size() <= kFileMagic.size())
        return QString();
    const int n = quint8(head.at(kFileMagic.size()));
    return QString::fromLatin1(head.mid(kFileMagic.size() + 1, n));
}

Result<QString> Sealer::seal(const QByteArray &plain, const QByteArray &aad) const
{
    const Keys keys = keysNow();
    const QByteArray sealed = gcmSeal(keys.last().second, plain, aad);
    if (sealed.isEmpty())
        return Result<QString>::failure(QStringLiteral("Sealing failed (OpenSSL)."));
    return QLatin1String(kTextPrefix) + keys.last().first + QLatin1Char(':') + QString::fromLatin1(sealed.toBase64());
}

Result<QByteArray> Sealer::open(const QString &text, const QByteArray &aad) const
{
    if (!isSealed(text))
        return text.toUtf8();
    const QString id = keyIdOf(text);
    const QByteArray k = key(id);
    if (k.isEmpty())
        return Result<QByteArray>::failure(
            QStringLiteral("A record is sealed with key %1, which is not in %2.").arg(id, m_file));
    QByteArray plain;
    if (!gcmOpen(k, QByteArray::fromBase64(text.section(QLatin1Char(':'), 2).toLatin1()), aad, &plain))
        return Result<QByteArray>::failure(
            QStringLiteral("A sealed record does not open (altered, or moved from another row)."));
    return plain;
}

namespace {
QByteArray entryAad(const QString &caseId, int seq)
{
    return QByteArrayLiteral("entry:") + caseId.toUtf8() + ':' + QByteArray::number(seq);
}
} // namespace

Result<QString> Sealer::sealEntry(const QString &caseId, int seq, const QJsonObject &entry) const
{
    return seal(QJsonDocument(entry).toJson(QJsonDocument::Compact), entryAad(caseId, seq));
}

Result<QJsonObject> Sealer::openEntry(const QString &caseId, int seq, const QString &stored) const
{
    auto plain = open(stored, entryAad(caseId, seq));
    if (!plain)
        return Result<QJsonObject>::failure(
            QStringLiteral("Case %1, entry %2: %3").arg(caseId).arg(seq).arg(plain.error()));
    QJsonParseError e {};
    const QJsonDocument doc = QJsonDocument::fromJson(plain.value(), &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        return Result<QJsonObject>::failure(
            QStringLiteral("Case %1, entry %2 is not a JSON object.").arg(caseId).arg(seq));
    return doc.object();
}

Result<bool> Sealer::sealFile(const QString &from, const QString &to, const QByteArray &aad) const
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return Result<bool>::failure(QStringLiteral("Cannot read %1").arg(from));
    const QByteArray plain = in.readAll();
    in.close();
    return sealToFile(plain, to, aad);
}

Result<bool> Sealer::sealToFile(const QByteArray &plain, const QString &to, const QByteArray &aad) const
{
    const Keys keys = keysNow();
    const QByteArray sealed = gcmSeal(keys.last().second, plain, aad);
    if (sealed.isEmpty())
        return Result<bool>::failure(QStringLiteral("Sealing %1 failed (OpenSSL).").arg(to));
    QDir().mkpath(QFileInfo(to).absolutePath());
    QSaveFile out(to);
    const QByteArray id = keys.last().first.toLatin1();
    if (!out.open(QIODevice::WriteOnly) || !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || out.write(kFileMagic) != kFileMagic.size() || !out.putChar(char(quint8(id.size())))
        || out.write(id) != id.size() || out.write(sealed) != sealed.size() || !out.commit())
        return Result<bool>::failure(QStringLiteral("Cannot write %1: %2").arg(to, out.errorString()));
    return true;
}

Result<QByteArray> Sealer::openFile(const QString &path, const QByteArray &aad) const
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Result<QByteArray>::failure(QStringLiteral("Cannot read %1").arg(path));
    const QByteArray all = f.readAll();
    if (!isSealedFile(all))
        return all; // stored before sealing
    const QString id = keyIdOfFile(all);
    const QByteArray k = key(id);
    if (k.isEmpty())
        return Result<QByteArray>::failure(
            QStringLiteral("%1 is sealed with key %2, which is not in %3.").arg(path, id, m_file));
    QByteArray plain;
    if (!gcmOpen(k, all.mid(kFileMagic.size() + 1 + id.size()), aad, &plain))
        return Result<QByteArray>::failure(QStringLiteral("%1 does not open (altered or not this blob).").arg(path));
    return plain;
}

QString Sealer::normaliseIdNumber(const QString &idNumber)
{
    QString out;
    for (QChar c : idNumber) {
        if (c.isSpace() || c == QLatin1Char('-'))
            continue;
        out.append(c.toUpper());
    }
    return out;
}

QString Sealer::blindIndex(const QString &idNumber) const
{
    return QString::fromLatin1(hmac(m_indexKey, normaliseIdNumber(idNumber).toUtf8()).toHex());
}

Result<QString> Sealer::rotate()
{
    const QByteArray key = randomBytes(kKeyBytes);
    if (key.isEmpty())
        return Result<QString>::failure(QStringLiteral("No random bytes for a seal key."));
    QString id = newKeyId();
    while (keyIds().contains(id))
        id = newKeyId();
    auto keys = keysNow();
    keys.append({id, key});
    auto written = writeKeyFile(m_file, keys);
    if (!written)
        return Result<QString>::failure(written.error());
    QMutexLocker locked(m_lock.get());
    const QString why = load();
    if (!why.isEmpty())
        return Result<QString>::failure(why);
    return id;
}

} // namespace ow::backoffice
