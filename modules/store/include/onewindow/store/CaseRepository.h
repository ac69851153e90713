#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/store/CaseRecord.h"
#include "onewindow/store/LogEntry.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace ow::store {

class Sealer;
class Store;

struct NoticeRecord
{
    QString id;
    QString caseId;
    QString kind; // receipt, notice, tolerated, refusal
    QString qrPayload;
    QJsonObject content; // the whole decided document, frozen
    QDateTime createdAt;
};

// One change of one case: its new projection, the log entries that say what changed, and the
// printed document if the change decided the case. Several writes go in one transaction.
struct CaseWrite
{
    CaseRecord record;
    QList<LogEntry> entries;
    std::optional<NoticeRecord> notice;
    // Takes the window's next case number inside the same transaction (a new case): it is set on
    // the record and on the "number" of the first entry's payload.
    bool takeNumber = false;
    QString regionCode;
    QDate day;
};

class CaseRepository
{
    Q_DECLARE_TR_FUNCTIONS(CaseRepository)

public:
    explicit CaseRepository(Store &store)
        : m_store(store)
    { }

    // Writes every change in one transaction: the log entries (each the next seq of its case),
    // the projections and any notice; on error nothing is written. Returns the case number taken
    // (empty when none was).
    [[nodiscard]] Result<QString> write(const QList<CaseWrite> &writes);
    // Stores a catalogue's source once (by SHA-256), so a case can always be evaluated against
    // the version pinned on it.
    [[nodiscard]] QString storeCatalog(const QString &sha256, const QString &version, const QByteArray &content);
    Result<QByteArray> catalog(const QString &sha256) const;

    Result<CaseRecord> load(const QString &id) const;
    Result<CaseRecord> findByNumber(const QString &number) const;
    // Cases whose first applicant has this ID number or credit code (exact, by the blind index).
    QList<CaseRecord> findByIdNumber(const QString &windowCode, const QString &idNumber, int limit = 50) const;
    // Cases of a window, newest first; `openOnly` keeps the unfinished ones.
    QList<CaseRecord> list(const QString &windowCode, bool openOnly = false, int limit = 200, int offset = 0) const;
    // The newest unfinished case of the window that has content (a party or a matter).
    std::optional<CaseRecord> latestOpen(const QString &windowCode) const;
    // Unfinished cases of the window with nothing in them (left by a crash).
    QList<CaseRecord> emptyDrafts(const QString &windowCode) const;
    // One page of a window's cases, newest first, after `after` (the last case of the previous
    // page; none for the first page); with `numberPrefix`, only numbers starting with it, the
    // highest number first.
    // Served by an index: as fast with a million cases as with ten.
    QList<CaseRecord> page(
        const QString &windowCode, const CaseRecord *after, int limit, const QString &numberPrefix = {}) const;
    QList<NoticeRecord> notices(const QString &caseId) const;
    // Log entries the back office has not acknowledged.
    int pendingOutbox() const;

    // Stores written before the case log (schema ≤ 2) kept applicants and drafts in the clear:
    // seals them into the cases' parties, erases the clear text (secure_delete), and closes the
    // unfinished ones, which have no log to resume from. Decided cases stay listed as they were.
    static QString sealLegacy(QSqlDatabase &db, const Sealer &sealer);

private:
    Store &m_store;
};

} // namespace ow::store
