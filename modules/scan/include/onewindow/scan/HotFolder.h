#pragma once

#include <QDateTime>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace ow::scan {

// A folder where a document camera's software (or anyone) drops page files. A file is handed
// on once it has finished being written: its size and modification time stayed the same over
// one settle interval and it can be opened. Temporary names (.part, .tmp, .crdownload, ~…,
// hidden files) are ignored until renamed. The folder is watched (inotify), and the settle
// timer only runs while files are pending: no polling when nothing happens.
class HotFolder : public QObject
{
    Q_OBJECT

public:
    explicit HotFolder(QString dir, int settleMs = 1500, QObject *parent = nullptr);

    QString dir() const { return m_dir; }
    // Starts watching (creating the folder if needed); files already there count as new.
    bool start();
    // After import: moves the file into "imported/" or "refused/" beside it, so nothing is lost
    // and the same file is not picked up again. Returns the new path ("" if it could not move).
    QString settle(const QString &path, bool imported);

    // One check of the pending files (the timer calls it; tests may call it directly).
    void checkNow();
    static bool isCandidateName(const QString &fileName);

Q_SIGNALS:
    void fileReady(const QString &path);

private:
    void scanFolder();

    struct Seen
    {
        qint64 size = -1;
        QDateTime modified;
    };
    QString m_dir;
    QFileSystemWatcher m_watcher;
    QTimer m_timer;
    QHash<QString, Seen> m_pending;
    QSet<QString> m_handed;
};

} // namespace ow::scan
