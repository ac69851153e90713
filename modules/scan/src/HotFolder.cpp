#include "onewindow/scan/HotFolder.h"

#include "onewindow/scan/PageImporter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ow::scan {

HotFolder::HotFolder(QString dir, int settleMs, QObject *parent)
    : QObject(parent)
    , m_dir(std::move(dir))
{
    m_timer.setInterval(settleMs);
    connect(&m_timer, &QTimer::timeout, this, &HotFolder::checkNow);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &HotFolder::scanFolder);
}

bool HotFolder::isCandidateName(const QString &fileName)
{
    if (fileName.startsWith(u'.') || fileName.startsWith(u'~') || fileName.endsWith(u'~'))
        return false;
    const QString lower = fileName.toLower();
    for (const char *temp : {".part", ".tmp", ".crdownload", ".partial", ".download"}) {
        if (lower.endsWith(QLatin1String(temp)))
            return false;
    }
    for (const QString &pattern : PageImporter::nameFilters()) {
        if (lower.endsWith(pattern.mid(1)))
            return true;
    }
    return false;
}

bool HotFolder::start()
{
    if (!QDir().mkpath(m_dir))
        return false;
    if (!m_watcher.directories().contains(m_dir) && !m_watcher.addPath(m_dir))
        return false;
    scanFolder();
    return true;
}

void HotFolder::scanFolder()
{
    const QFileInfoList files = QDir(m_dir).entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    QSet<QString> present;
    for (const QFileInfo &f : files) {
        const QString path = f.absoluteFilePath();
        present.insert(path);
        if (!isCandidateName(f.fileName()) || m_handed.contains(path) || m_pending.contains(path))
            continue;
        m_pending.insert(path, Seen {});
    }
    // Files that went away (moved by settle() or by hand) may come back as new ones.
    m_handed.intersect(present);
    for (auto it = m_pending.begin(); it != m_pending.end();)
        it = present.contains(it.key()) ? std::next(it) : m_pending.erase(it);
    if (!m_pending.isEmpty() && !m_timer.isActive())
        m_timer.start();
}

void HotFolder::checkNow()
{
    QStringList ready;
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        const QFileInfo f(it.key());
        if (!f.exists())
            continue;
        const qint64 size = f.size();
        const QDateTime modified = f.lastModified();
        if (size > 0 && size == it->size && modified == it->modified) {
            QFile probe(it.key());
            if (probe.open(QIODevice::ReadOnly))
                ready.append(it.key());
            continue;
        }
        it->size = size;
        it->modified = modified;
    }
    for (const QString &path : std::as_const(ready)) {
        m_pending.remove(path);
        m_handed.insert(path);
    }
    if (m_pending.isEmpty())
        m_timer.stop();
    for (const QString &path : std::as_const(ready))
        Q_EMIT fileReady(path);
}

QString HotFolder::settle(const QString &path, bool imported)
{
    const QString sub = QDir(m_dir).filePath(imported ? QStringLiteral("imported") : QStringLiteral("refused"));
    if (!QDir().mkpath(sub))
        return {};
    const QFileInfo f(path);
    QString target = QDir(sub).filePath(f.fileName());
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = QDir(sub).filePath(QStringLiteral("%1-%2.%3").arg(f.completeBaseName()).arg(n).arg(f.suffix()));
    return QFile::rename(path, target) ? target : QString();
}

} // namespace ow::scan
