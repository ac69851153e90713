#include "onewindow/store/BlobStore.h"

#include "onewindow/store/Sealer.h"

#include "onewindow/core/Sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace ow::store {

namespace {

constexpr QFileDevice::Permissions kFileMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
const QByteArray kMagic("OWSCAN1\n");

QByteArray aadOf(const QString &sha256)
{
    return QByteArrayLiteral("blob:") + sha256.toLatin1();
}

constexpr QFileDevice::Permissions kDirMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

bool makePrivateDir(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
    return QFile::setPermissions(path, kDirMode);
}

} // namespace

BlobStore::BlobStore(QString dataDir)
    : m_dataDir(dataDir)
    , m_root(QDir(dataDir).filePath(QStringLiteral("blobs")))
{ }

Result<const Sealer *> BlobStore::sealer() const
{
    if (!m_sealer) {
        auto loaded = Sealer::loadOrCreate(QDir(m_dataDir).filePath(QStringLiteral("keys")));
        if (!loaded)
            return Result<const Sealer *>::failure(loaded.error());
        m_sealer = std::make_shared<Sealer>(loaded.value());
    }
    return static_cast<const Sealer *>(m_sealer.get());
}

QString BlobStore::sha256Hex(const QByteArray &bytes)
{
    return Sha256::hex(bytes);
}

bool BlobStore::isValidName(const QString &sha256)
{
    if (sha256.size() != 64)
        return false;
    for (const QChar c : sha256) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

QString BlobStore::pathOf(const QString &sha256) const
{
    return m_root + u'/' + sha256.left(2) + u'/' + sha256;
}

bool BlobStore::contains(const QString &sha256) const
{
    return isValidName(sha256) && QFileInfo::exists(pathOf(sha256));
}

qint64 BlobStore::sizeOf(const QString &sha256) const
{
    if (!isValidName(sha256))
        return -1;
    QFile file(pathOf(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    if (file.read(kMagic.size()) != kMagic)
        return file.size();
    return qMax<qint64>(0, file.size() - kMagic.size() - 1 - Sealer::kNonceSize - Sealer::kTagSize);
}

Result<QString> BlobStore::put(const QByteArray &bytes)
{
    const QString sha = sha256Hex(bytes);
    const QString path = pathOf(sha);
    if (QFileInfo::exists(path)) {
        // Already there: keep it if it is intact and sealed; replace it if it was damaged, seal
        // it if it was stored plain (before sealing).
        QFile have(path);
        const bool sealed = have.open(QIODevice::ReadOnly) && have.read(kMagic.size()) == kMagic;
        have.close();
        if (sealed && get(sha))
            return sha;
    }
    auto key = sealer();
    if (!key)
        return Result<QString>::failure(key.error());
    auto sealed = key.value()->seal(bytes, aadOf(sha));
    if (!sealed)
        return Result<QString>::failure(sealed.error());
    const QByteArray content = kMagic + sealed.value();
    const QString dir = QFileInfo(path).path();
    if (!makePrivateDir(m_root) || !makePrivateDir(dir))
        return Result<QString>::failure(tr("Cannot create the folder %1 for scanned documents.").arg(dir));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Result<QString>::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    if (!file.setPermissions(kFileMode) || file.write(content) != content.size()
        || (m_beforeCommit && !m_beforeCommit(file))) {
        file.cancelWriting();
        return Result<QString>::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    if (!file.commit())
        return Result<QString>::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return sha;
}

Result<QByteArray> BlobStore::get(const QString &sha256) const
{
    if (!isValidName(sha256))
        return Result<QByteArray>::failure(tr("\"%1\" is not a document reference (SHA-256).").arg(sha256));
    QFile file(pathOf(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return Result<QByteArray>::failure(tr("The scanned document %1 is missing from the store.").arg(sha256));
    QByteArray bytes = file.readAll();
    if (bytes.startsWith(kMagic)) {
        auto key = sealer();
        if (!key)
            return Result<QByteArray>::failure(key.error());
        auto plain = key.value()->open(bytes.mid(kMagic.size()), aadOf(sha256));
        if (!plain)
            return Result<QByteArray>::failure(tr("The scanned document %1 is damaged in the store.").arg(sha256));
        bytes = plain.value();
    }
    if (sha256Hex(bytes) != sha256)
        return Result<QByteArray>::failure(tr("The scanned document %1 is damaged in the store.").arg(sha256));
    return bytes;
}

} // namespace ow::store
