#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/sync/SyncStatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ow::store {
class Store;
}

namespace ow::sync {

// The sync engine's state in the client's store (tables sync_cursor, case_remote, sync_conflicts,
// sync_uploads, sync_resources; migration 3 → 4; held cases 5 → 6), so a crash or restart resumes
// where it was.
class SyncJournal
{
    Q_DECLARE_TR_FUNCTIONS(SyncJournal)

public:
    explicit SyncJournal(store::Store &store)
        : m_store(store)
    { }

    // The readers answer an error when the store fails (never "nothing pending" instead).
    // Cases with unacknowledged entries, the one with the oldest such entry first (blocked ones too).
    [[nodiscard]] Result<QStringList> pendingCases() const;
    // The same without the blocked cases: what the pusher still sends.
    [[nodiscard]] Result<QStringList> sendableCases() const;
    // Unacknowledged entries outside the blocked cases.
    [[nodiscard]] Result<int> sendableEntries() const;
    // Cases the pusher stopped at: a 409 conflict or a rejected entry, kept until a person acts.
    [[nodiscard]] Result<QSet<QString>> blockedCases() const;
    QString recordConflict(const QString &caseId, int seq, const QString &kind, const QStringList &fields,
        const QString &message, const QDateTime &at, const QList<SyncConflict::Difference> &differences = {});
    // The differences of the named fields between this window's entry and the back office's,
    // each value as compact text (strings as they are, other JSON compact, long ones shortened).
    static QList<SyncConflict::Difference> differencesOf(
        const QStringList &fields, const QJsonObject &here, const QJsonObject &backOffice);
    [[nodiscard]] Result<QList<SyncConflict>> conflicts() const;

    struct Upload
    {
        QString sha256;
        QString location; // empty: not created at the back office yet
        qint64 length = 0;
        bool done = false;
        bool known = false;
    };
    [[nodiscard]] Result<Upload> upload(const QString &sha256) const;
    // Blobs the outbox needs (sha256 → length), recorded once, in one transaction.
    QString registerUploads(const QList<QPair<QString, qint64>> &blobs);
    QString setLocation(const QString &sha256, const QString &location);
    QString markDone(const QString &sha256, const QDateTime &at);
    [[nodiscard]] Result<int> pendingUploads() const;
    // What the pusher kept in memory, in one transaction: entries the back office acknowledged
    // (case → seqs; as CaseLog::acknowledge) and blobs it has (sync_uploads done).
    QString saveProgress(
        const QHash<QString, QList<int>> &acknowledged, const QSet<QString> &uploaded, const QDateTime &at);

    // The events cursor (0 before the first event) and the application of a page of events with the
    // new cursor, in one transaction. Events at or below the stored cursor are skipped.
    [[nodiscard]] Result<qint64> cursor() const;
    QString applyEvents(const QJsonArray &events, qint64 cursor, const QDateTime &at);
    // What the back office said about a case (empty object when nothing yet): confirmedAt,
    // confirmedNumber, confirmedDigest, routed {department: [items]}, items {item: {...}}, handoutAt,
    // heldReason and heldAt while the back office holds the case instead of routing it (`held`).
    QJsonObject remote(const QString &caseId) const;

    QString etag(const QString &name) const;
    QByteArray resource(const QString &name) const;
    QString storeResource(const QString &name, const QString &etag, const QByteArray &body, const QDateTime &at);

private:
    store::Store &m_store;
};

} // namespace ow::sync
