#pragma once

#include "onewindow/store/BlobStore.h"
#include "onewindow/store/LogEntry.h"
#include "onewindow/sync/Backoff.h"
#include "onewindow/sync/StationQueueJournal.h"
#include "onewindow/sync/SyncConfig.h"
#include "onewindow/sync/SyncJournal.h"
#include "onewindow/sync/SyncStatus.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

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
    // At a decision: sends the case's unacknowledged entries now, on a request of its own (or,
    // with none left, asks the back office whether it holds the whole case), and answers
    // caseConfirmed() within `timeoutMs`: acknowledged only when the back office acknowledged
    // every entry of the case. Any failure on the way (refused connection, timeout, 5xx) also
    // turns the status Offline/Error at once.
    void confirmCase(const QString &caseId, int timeoutMs);

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
    // With "/v1/catalogues" among SyncConfig::refreshPaths: the back office's newest catalogue
    // was checked and kept as `path` (<dataDir>/catalogues/<version>.json). New cases use it
    // (CatalogueShelf::forNewCases); open cases keep the catalogue pinned on them.
    void catalogueAvailable(const QString &version, const QString &path);
    // The answer to confirmCase(): `why` says what failed when not acknowledged.
    void caseConfirmed(const QString &caseId, bool acknowledged, const QString &why);

private:
    enum class Failure { Network, Server, Refused };

    // One blob on its way to the back office (tus: create, HEAD to resume, PATCH chunks).
    struct UploadJob
    {
        QString caseId;
        int seq = 0;
        QString material;
        QByteArray bytes;
        qint64 sent = 0; // of the PATCH in flight, for the progress bar
        QPointer<QNetworkReply> reply;
    };

    // A confirmCase() on its way.
    struct Confirmation
    {
        QString caseId;
        qint64 deadline = 0; // m_monotonic time
        bool done = false;
        QPointer<QNetworkReply> reply;
    };

    QNetworkRequest request(const QString &pathOrUrl, int timeoutMs) const;
    QDateTime now() const;
    void signIn(std::function<void()> then);
    void schedulePush(int delayMs);
    void pushStep();
    bool loadQueue();
    std::optional<QList<store::LogEntry>> unacked(const QString &caseId);
    void dropCase(const QString &caseId);
    bool blobDone(const QString &sha256);
    void pushEntries(const QString &caseId, const QList<store::LogEntry> &entries);
    // A station's queue (SyncConfig::stationWindow): true when a push of its unsent events is
    // now in flight (on the entries lane), or the store failed (retried with backoff); false when
    // there is nothing to send.
    bool pushStationQueue();
    static QList<int> acknowledgedOf(const QJsonObject &answer, const QList<int> &seqs);
    void recordAcks(const QString &caseId, const QList<int> &acked);
    void confirmStep(const std::shared_ptr<Confirmation> &c);
    void confirmDone(const std::shared_ptr<Confirmation> &c, bool acknowledged, const QString &why);
    void uploadStep(const QString &caseId, int seq, const QString &material, const QString &sha256);
    void createUpload(const QString &sha256);
    void headUpload(const QString &sha256, const QString &location);
    void patchUpload(const QString &sha256, const QString &location, qint64 offset);
    void uploadDone(const QString &sha256);
    QString locationOf(const QString &sha256) const;
    QString setLocation(const QString &sha256, const QString &location);
    QNetworkReply *track(const QString &sha256, QNetworkReply *reply);
    bool finishUpload(const QString &sha256, QNetworkReply *reply);
    void blobProgress();
    qint64 uploadBytesInFlight() const;
    QString saveProgress();
    void pushFailed(Failure why, const QString &message, int retryAfterMs = 0);
    void retryLater(int delayMs);
    void pushSucceeded();
    bool pushIdle() const { return !m_pushReply && m_uploads.isEmpty(); }
    void schedulePull(int delayMs);
    void pullStep();
    // Any request that met no back office (or a 5xx) makes the status say so at once; the first
    // answer again brings it back.
    void linkFailed(QNetworkReply *reply);
    void linkAnswered();
    void refreshStep();
    // Writes the fetched GET /v1/keyring into the trusted keys (TrustedKeys).
    void keepKeyRing(const QByteArray &ring);
    void fetchCatalogue();
    void scanOutbox();
    void requestStatus();
    void updateStatus(bool exact = true);
    void setError(Failure why, const QString &message);
    void onReachability(bool online);
    static QString describe(QNetworkReply *reply);

    store::Store &m_store;
    store::BlobStore m_blobs;
    QString m_dataDir;
    SyncConfig m_config;
    SyncJournal m_journal;
    StationQueueJournal m_stationQueue;
    const Clock *m_clock;
    QNetworkAccessManager m_nam; // sign-in, entries, events, resources
    // The blobs, on connections of their own (up to 6 per host): an upload never queues the
    // entries of a small case behind it, and several uploads keep the link busy.
    QNetworkAccessManager m_uploadNam;
    Backoff m_pushBackoff;
    Backoff m_pullBackoff;
    QTimer m_pushTimer;
    QTimer m_pullTimer;
    QTimer m_refreshTimer;
    QTimer m_statusTimer; // coalesces the status updates while the push is busy
    QTimer m_saveTimer; // saves the acknowledgements and finished uploads kept in memory
    QElapsedTimer m_monotonic;
    qint64 m_retryAtMs = -1; // m_monotonic time before which the pusher starts nothing new
    QPointer<QNetworkReply> m_pushReply; // the entries POST in flight
    bool m_stationTurn = true; // the station's queue goes next on the entries lane
    QPointer<QNetworkReply> m_pullReply;
    QPointer<QNetworkReply> m_signInReply;
    QPointer<QNetworkReply> m_catalogueReply;
    QPointer<QThread> m_catalogueThread; // checking and keeping a new catalogue
    QSet<QString> m_badCatalogues; // sha256 of catalogues that failed the check
    QList<std::function<void()>> m_afterSignIn;
    QByteArray m_token;
    bool m_running = false;
    bool m_pushBusy = false; // the pusher waits for a sign-in
    QHash<QString, UploadJob> m_uploads; // sha256 → in flight
    // The outbox as the pusher walks it: the sendable cases in order (read once, then again when
    // it is walked through or kicked), and the unacknowledged entries of the first of them.
    QStringList m_queue;
    bool m_queueLoaded = false;
    QHash<QString, QList<store::LogEntry>> m_unacked;
    QHash<QString, bool> m_blobDone; // sha256 → at the back office (as far as known here)
    QSet<QString> m_doneUnsaved; // of those, not yet marked in sync_uploads (one transaction later)
    QHash<QString, QList<int>> m_ackUnsaved; // case → seqs acknowledged, not yet saved
    int m_sendableEntries = 0; // unacknowledged entries outside blocked cases, kept while pushing
    QHash<QString, QString> m_locations; // sha256 → upload URL of a one-PATCH blob (not stored)
    QHash<QString, qint64> m_knownOffset; // sha256 → the server's offset as last answered
    QHash<QString, QDateTime> m_heldUntil; // case → not before (202 held)
    QSet<QString> m_scanned; // cases whose blobs are registered in sync_uploads
    int m_blockedSeen = -1; // conflicts when m_blockedBlobs was computed
    QSet<QString> m_blockedBlobs; // blobs only blocked cases wait for
    qint64 m_progressEmitted = 0;
    SyncStatus m_status;
    int m_failure = -1; // a Failure while the last request failed, -1 when it succeeded
    QString m_storeError; // a reading of the store that failed since the last status
    bool m_storeFailing = false; // the last status showed a failing store
};

} // namespace ow::sync
