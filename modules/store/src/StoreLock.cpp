#include "onewindow/store/StoreLock.h"

#include "onewindow/store/FileModes.h"

#include <QDir>

namespace ow::store {

StoreLock::StoreLock(const QString &path)
    : m_file(path)
{
    m_file.setStaleLockTime(0); // never stale by age; only when its process is gone
}

QString StoreLock::lockPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("onewindow.lock"));
}

Result<std::unique_ptr<StoreLock>> StoreLock::acquire(const QString &dataDir)
{
    using R = Result<std::unique_ptr<StoreLock>>;
    const QString dirErr = FileModes::makePrivateDir(dataDir);
    if (!dirErr.isEmpty())
        return R::failure(dirErr);
    const QString path = lockPath(dataDir);
    std::unique_ptr<StoreLock> lock(new StoreLock(path));
    if (lock->m_file.tryLock(0)) {
        const QString modeErr = FileModes::makePrivateFile(path);
        if (!modeErr.isEmpty())
            return R::failure(modeErr);
        return R(std::move(lock));
    }
    if (lock->m_file.error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString app;
        if (lock->m_file.getLockInfo(&pid, &host, &app))
            return R::failure(tr("Another OneWindow is already using the store in %1: process %2 (%3) on %4. "
                                 "Close that one first; two clients on one store would overwrite each other's "
                                 "cases.")
                                  .arg(dataDir)
                                  .arg(pid)
                                  .arg(app.isEmpty() ? QStringLiteral("?") : app, host));
        return R::failure(tr("Another OneWindow is already using the store in %1 (lock file %2). Close that one "
                             "first.")
                              .arg(dataDir, path));
    }
    return R::failure(tr("Cannot lock the store in %1 (%2): check the folder's permissions.").arg(dataDir, path));
}

} // namespace ow::store
