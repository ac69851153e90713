#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ow::store {

// One entry of a case's log: what changed, when, where and by whom. Entries are appended in the
// same transaction as the change and never changed or deleted; a correction is a new entry. The
// kinds and their payloads are listed in modules/store/README.md. The back office applies exactly
// these entries, idempotently, by (caseId, seq).
struct LogEntry
{
    QString caseId;
    int seq = 0; // 1, 2, 3 … per case, no gaps
    QDateTime at; // UTC
    QString window; // the window's key id (region-code)
    QString clerk;
    QString kind;
    QJsonObject payload;
    QDateTime ackedAt; // when the back office acknowledged it (invalid: not yet)

    // The entry as the back office receives it (and as its content is compared for idempotency).
    QJsonObject toJson() const;
    bool sameContent(const LogEntry &o) const { return toJson() == o.toJson(); }
};

} // namespace ow::store
