#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace ow::sync {

// What the window's sync is doing, for the status bar and the sync panel.
struct SyncConflict
{
    QString caseId;
    QString caseNumber;
    qint64 seq = 0;
    QStringList fields; // what differs, as the back office named it ("at", "payload.how", …)
    QDateTime at;
};

struct SyncStatus
{
    enum class State { Online, Syncing, Offline, Error };
    State state = State::Offline;
    int pendingEntries = 0; // log entries not yet acknowledged
    int pendingCases = 0;
    int pendingBlobs = 0;
    qint64 blobBytesDone = 0; // of the blob being uploaded now
    qint64 blobBytesTotal = 0;
    QDateTime offlineSince; // invalid when online
    QDateTime lastSuccess;
    QString lastError; // in words, for the clerk; empty when none
    QList<SyncConflict> conflicts;
};

} // namespace ow::sync

Q_DECLARE_METATYPE(ow::sync::SyncStatus)
