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
    enum class Kind {
        Conflict, // 409: the back office already holds other content at this (case, seq)
        Rejected, // 400 (or a blob that cannot be sent): the back office refused the entry
    };
    Kind kind = Kind::Conflict;
    QString caseId;
    QString caseNumber;
    qint64 seq = 0;
    QStringList fields; // what differs, as the back office named it ("at", "payload.how", …)
    // Field by field, this window's value and the back office's, as text (a 409 whose answer
    // carried the stored entry; empty otherwise).
    struct Difference
    {
        QString field;
        QString here;
        QString backOffice;
    };
    QList<Difference> differences;
    QString message; // why, in the back office's (or the engine's) words; may be empty
    QDateTime at;
};

struct SyncStatus
{
    enum class State { Online, Syncing, Offline, Error };
    State state = State::Offline;
    // What is still to be sent, outside the cases a conflict stopped (those are in `conflicts`):
    // with nothing else to send the state is Online even while conflicts wait for a person.
    int pendingEntries = 0; // log entries not yet acknowledged
    int pendingCases = 0;
    int pendingBlobs = 0;
    qint64 blobBytesDone = 0; // of the blobs being uploaded now
    qint64 blobBytesTotal = 0;
    QDateTime offlineSince; // invalid when online
    QDateTime lastSuccess;
    QString lastError; // in words, for the clerk; empty when none
    QList<SyncConflict> conflicts;
};

} // namespace ow::sync

Q_DECLARE_METATYPE(ow::sync::SyncStatus)
