#include "onewindow/store/BlobStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace ow::store {

namespace {

constexpr QFileDevice::Permissions kFileMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kDirMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

bool makePrivateDir(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
    return QFile::setPermissions(path, kDirMode);
}

} // namespace

BlobStore::BlobStore(QString dataDir)
    : m_root(QDir(dataDir).filePath(QStringLiteral("blobs")))
{ }

QString BlobStore::sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
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

Result<QString> BlobStore::put(const QByteArray &bytes)
{
    const QString sha = sha256Hex(bytes);
    const QString path = pathOf(sha);
    if (QFileInfo::exists(path)) {
        // Already there: keep it if it is intact, replace it if it was damaged.
        if (get(sha))
            return sha;
    }
    const QString dir = QFileInfo(path).path();
    if (!makePrivateDir(m_root) || !makePrivateDir(dir))
        return Result<QString>::failure(tr("Cannot create the folder %1 for scanned documents.").arg(dir));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Result<QString>::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    if (!file.setPermissions(kFileMode) || file.write(bytes) != bytes.size()
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
    if (sha256Hex(bytes) != sha256)
        return Result<QByteArray>::failure(tr("The scanned document %1 is damaged in the store.").arg(sha256));
    return bytes;
}

} // namespace ow::store
