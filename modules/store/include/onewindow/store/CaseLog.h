#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/store/LogEntry.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

namespace ow::store {

class Sealer;
class Store;

// The append-only log of every case in the store (table case_log). Payloads are sealed at rest
// (AES-256-GCM, the case id and seq as associated data), so personal data never lies in the clear.
// The outbox is the entries that the back office has not acknowledged yet.
class CaseLog
{
    Q_DECLARE_TR_FUNCTIONS(CaseLog)

public:
    explicit CaseLog(Store &store)
        : m_store(store)
    { }

    // Inside a transaction: appends `entry` as the case's next entry. `entry.seq` must be the
    // case's last seq + 1: anything else means another writer got there first, and nothing is written.
    static QString append(QSqlDatabase &db, const Sealer &sealer, const LogEntry &entry);
    static int lastSeq(const QSqlDatabase &db, const QString &caseId);

    Result<QList<LogEntry>> entries(const QString &caseId) const;
    // Unacknowledged entries, oldest first (and in seq order within a case).
    Result<QList<LogEntry>> pending(int limit = 500) const;
    int pendingCount() const;
    // The back office has the entry: it leaves the outbox (the entry itself stays).
    QString acknowledge(const QString &caseId, int seq, const QDateTime &at);
    // The same for several entries of one case, in one transaction (what the sync engine does
    // with a batch the back office acknowledged).
    QString acknowledge(const QString &caseId, const QList<int> &seqs, const QDateTime &at);

private:
    Store &m_store;
};

} // namespace ow::store
