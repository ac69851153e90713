#pragma once

#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QString>

#include <memory>

namespace ow::store {

// One client per store: <dataDir>/onewindow.lock (QLockFile), held for as long as the object
// lives. Two clients on one store would overwrite each other's cases. A lock left by a process
// that died (crash, SIGKILL) is taken over.
class StoreLock
{
    Q_DECLARE_TR_FUNCTIONS(StoreLock)

public:
    // The lock, or a message naming the process (pid, host, program) that holds it.
    static Result<std::unique_ptr<StoreLock>> acquire(const QString &dataDir);
    static QString lockPath(const QString &dataDir);

private:
    explicit StoreLock(const QString &path);
    QLockFile m_file;
};

} // namespace ow::store
