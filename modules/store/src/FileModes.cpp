#include "onewindow/store/FileModes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ow::store {

QString FileModes::makePrivateDir(const QString &dir)
{
    if (!QDir().mkpath(dir))
        return tr("Cannot create the folder %1.").arg(dir);
    const auto mode = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    if (!QFile::setPermissions(dir, mode))
        return tr("Cannot make the folder %1 private (mode 0700).").arg(dir);
    return {};
}

QString FileModes::makePrivateFile(const QString &path)
{
    if (!QFileInfo::exists(path))
        return {};
    if (!QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return tr("Cannot make the file %1 private (mode 0600).").arg(path);
    return {};
}

} // namespace ow::store
