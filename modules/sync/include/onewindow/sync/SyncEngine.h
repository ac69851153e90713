#pragma once

#include "onewindow/store/BlobStore.h"
#include "onewindow/store/LogEntry.h"
#include "onewindow/sync/Backoff.h"
#include "onewindow/sync/SyncConfig.h"
#include "onewindow/sync/SyncJournal.h"
#include "onewindow/sync/SyncStatus.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QNetworkReply;

namespace ow {
class Clock;
}
namespace ow::store {
class Store;
}

namespace ow::sync {

// The window's offline-first sync: pushes the outbox (unacknowledged case log entries, and the
// blobs they reference over tus 1.0 first), pulls the window's events into the store, keeps
// resources fresh by ETag. Fully asynchronous on one QNetworkAccessManager: it never blocks the
// thread it lives on (the store's thread; QSqlDatabase connections are per thread). All its
// state is in the store, so a crash or restart resumes where it was.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    SyncEngine(store::Store &store, const QString &dataDir, SyncConfig config, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Seams for tests: the clock that stamps acknowledgements and "offline since", and the random
    // source of the backoff jitter (values in [0, 1)).
    void setClock(const Clock &clock) { m_clock = &clock; }
    void setRandom(std::function<double()> random);

    void start();
    void stop();
    // Another clerk signed in (or the same one again): sync as them from now on. A `token` from
    // their sign-in is used until it is refused; without one, the same user keeps the session it
    // has and another user signs in first.
    void setCredentials(const QString &user, const QString &password, const QByteArray &token = {});
    const QString &user() const { return m_config.user; }
    // Something changed (new entries, the network came back): try now, forgetting the backoff.
    void kick();

    SyncStatus status() const { return m_status; }
    SyncJournal &journal() { return m_journal; }
    bool running() const { return m_running; }

Q_SIGNALS:
    void statusChanged(const ow::sync::SyncStatus &status);
    // The outbox is empty (nothing pending outside blocked cases).
    void drained();
    // A page of events was applied to the store.
    void eventsApplied(int count, qint64 cursor);
    // A refreshed resource (a new ETag) was stored.
    void resourceUpdated(const QString &path, const QByteArray &body);

private:
    enum class Failure { Network, Server, Refused };

    QNetworkRequest request(const QString &pathOrUrl, int timeoutMs) const;
    QDateTime now() const;
    void signIn(std::function<void()> then);
    void schedulePush(int delayMs);
    void pushStep();
    void pushEntries(const QString &caseId, const QList<store::LogEntry> &entries);
    void uploadStep(const QString &caseId, int seq, const QString &material, const QString &sha256);
    void createUpload(const QString &caseId, const QString &material, const QString &sha256, const QByteArray &bytes);
    void headUpload(const QString &sha256, const QString &location);
    void patchUpload(const QString &sha256, const QString &location, qint64 offset, const QByteArray &bytes);
    void pushFailed(Failure why, const QString &message, int retryAfterMs = 0);
    void pushSucceeded();
    void schedulePull(int delayMs);
    void pullStep();
    void refreshStep();
    void scanOutbox();
    void updateStatus();
    void setError(Failure why, const QString &message);
    void onReachability(bool online);
    static QString describe(QNetworkReply *reply);

    store::Store &m_store;
    store::BlobStore m_blobs;
    SyncConfig m_config;
    SyncJournal m_journal;
    const Clock *m_clock;
    QNetworkAccessManager m_nam;
    Backoff m_pushBackoff;
    Backoff m_pullBackoff;
    QTimer m_pushTimer;
    QTimer m_pullTimer;
    QTimer m_refreshTimer;
    QPointer<QNetworkReply> m_pushReply;
    QPointer<QNetworkReply> m_pullReply;
    QPointer<QNetworkReply> m_signInReply;
    QList<std::function<void()>> m_afterSignIn;
    QByteArray m_token;
    bool m_running = false;
    bool m_pushBusy = false;
    QHash<QString, qint64> m_knownOffset; // sha256 → the server's offset as last answered
    QHash<QString, QDateTime> m_heldUntil; // case → not before (202 held)
    QSet<QString> m_scanned; // cases whose blobs are registered in sync_uploads
    SyncStatus m_status;
    int m_failure = -1; // a Failure while the last request failed, -1 when it succeeded
};

} // namespace ow::sync
