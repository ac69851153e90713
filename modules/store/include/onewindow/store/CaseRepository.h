#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/store/CaseRecord.h"

#include <QCoreApplication>
#include <QList>

namespace ow::store {

class Store;

struct NoticeRecord
{
    QString id;
    QString caseId;
    QString kind; // receipt, notice, tolerated, refusal
    QString qrPayload;
    QJsonObject content;
    QDateTime createdAt;
};

class CaseRepository
{
    Q_DECLARE_TR_FUNCTIONS(CaseRepository)

public:
    explicit CaseRepository(Store &store)
        : m_store(store)
    { }

    // Saves the case, its applicant(s) and its collected materials in one transaction. With an
    // outbox kind, the row that sync will push is written in the same transaction.
    // Returns "" or the error message; on error nothing is written.
    QString save(const CaseRecord &record, const QString &outboxKind = {});
    // Saves a printed document together with the case state it belongs to.
    QString saveWithNotice(const CaseRecord &record, const NoticeRecord &notice, const QString &outboxKind);

    Result<CaseRecord> load(const QString &id) const;
    Result<CaseRecord> findByNumber(const QString &number) const;
    // Cases of a window, newest first; `openOnly` keeps the unfinished drafts.
    QList<CaseRecord> list(const QString &windowCode, bool openOnly = false, int limit = 200) const;
    // One page of a window's cases, newest first, after `after` (the last case of the previous
    // page; none for the first page); with `numberPrefix`, only numbers starting with it, the
    // highest number first.
    // Served by an index: as fast with a million cases as with ten.
    QList<CaseRecord> page(
        const QString &windowCode, const CaseRecord *after, int limit, const QString &numberPrefix = {}) const;
    QList<NoticeRecord> notices(const QString &caseId) const;
    int pendingOutbox() const;

private:
    Store &m_store;
};

} // namespace ow::store
