#pragma once

#include "onewindow/sync/SyncConfig.h"
#include "onewindow/sync/SyncStatus.h"

#include <QByteArray>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <functional>

namespace ow::sync {

class SyncEngine;

// The window's SyncEngine on a worker thread of its own, for the GUI: the engine's database work
// (status counts, the outbox, conflicts and their decryption), its file work (reading and hashing
// blobs before an upload) and its network work never run on the thread that owns this object.
// The worker opens its own connection to the store in `dataDir` (the same file: SQLite in WAL
// mode, one StoreLock for the process is enough) with the same data key. Everything goes by
// queued calls and signals; status() is the last status the worker sent. A draining backlog
// changes the status hundreds of times a second: only the newest is kept, and this thread hears of
// it at most every kStatusMs (one queued call at a time, never a flood of them).
class SyncService : public QObject
{
    Q_OBJECT

public:
    SyncService(const QString &dataDir, SyncConfig config, QObject *parent = nullptr);
    static constexpr int kStatusMs = 100;
    ~SyncService() override;

    void start();
    void stop();
    // As SyncEngine::setCredentials.
    void setCredentials(const QString &user, const QString &password, const QByteArray &token = {});
    QString user() const { return m_user; }
    bool running() const { return m_running; }
    void kick();
    SyncStatus status() const { return m_status; }
    // As SyncEngine::confirmCase: caseConfirmed() answers within `timeoutMs` (and, should the
    // worker be stuck, a moment after it, not acknowledged).
    void confirmCase(const QString &caseId, int timeoutMs);
    // Reads the cases waiting to be sent (numbers, or ids of cases without one), the first
    // `limit` of them, on the worker: pendingListed() answers.
    void listPending(int limit);

Q_SIGNALS:
    void statusChanged(const ow::sync::SyncStatus &status);
    void drained();
    void eventsApplied(int count, qint64 cursor);
    void resourceUpdated(const QString &path, const QByteArray &body);
    void catalogueAvailable(const QString &version, const QString &path);
    void caseConfirmed(const QString &caseId, bool acknowledged, const QString &why);
    // `cases`: the first ones of `total`; `error`: the store failed (cases then empty).
    void pendingListed(const QStringList &cases, int total, const QString &error);

private:
    void onWorker(std::function<void(SyncEngine &)> work);
    void statusFromWorker(const SyncStatus &status); // on the worker
    void takeStatus(); // here: the newest status the worker left
    void setStatus(const SyncStatus &status);

    QThread m_thread;
    QObject *m_anchor; // lives on m_thread: the context of every call made there
    struct Worker; // the worker's store and engine, touched only on m_thread
    Worker *m_worker;
    SyncStatus m_status;
    QMutex m_latestLock; // guards the two below, shared with the worker
    SyncStatus m_latest;
    bool m_latestPosted = false; // a takeStatus() call is queued
    bool m_latestNew = false;
    QTimer m_statusTimer; // kStatusMs between two statuses shown
    QString m_user;
    bool m_running = false;
};

} // namespace ow::sync
