#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace ow::receipt {
struct QrPayload;
} // namespace ow::receipt

namespace ow::backoffice {

class AppendBatcher;
class Database;
class Departments;
class Handouts;
class Router;
class Sealer;
class WindowRegistry;
struct Principal;

// The cases as their windows' logs say: entries in store::LogEntry::toJson() form, kept by
// (case, seq). An entry is applied when every earlier seq of its case is there; until then it is
// held. The same entry again is acknowledged again; other content under a known (case, seq) is a
// conflict. The primary key (case_id, seq) means nothing is ever stored, or applied, twice.
class CaseLedger
{
public:
    static constexpr int kMaxEntriesPerRequest = 1000;

    // Entries are stored sealed (Sealer); the ID numbers of their parties get a blind index row.
    CaseLedger(Database &db, const Sealer &sealer, Clock clock);
    // Routing runs in the transaction that applies entries; reading follows the departments'
    // window rules (supervisors read only the windows they supervise).
    void setRouting(Router *router, Departments *departments);
    // The windows' keys: a push is taken only from a window with a current key, and a decided
    // entry's signature is checked against the window's key ring.
    void setWindows(WindowRegistry *windows) { m_windows = windows; }
    // Supplements, hand-outs, dispatches and ratings applied with the entries; the case's progress
    // (visits, tasks, items) in GET /v1/cases/{caseId}.
    void setHandouts(Handouts *handouts) { m_handouts = handouts; }
    // PostgreSQL: a window's next entries are written in batches with other workers' (group
    // commit, AppendBatcher); without one, each in a statement of its own.
    void setBatcher(AppendBatcher *batcher) { m_batcher = batcher; }

    static bool validCaseId(const QString &caseId);
    // POST /v1/cases/{caseId}/entries: 200 {case, applied, acknowledged, held} when nothing is
    // held, 202 when some entries wait for a gap; 409 (nothing stored) naming the differing fields.
    // Before anything is stored: 403 unless the caller's window has a current key and owns the
    // case; an entry's "clerk" that is not a clerk or station of that window becomes the caller's
    // name; a "started" entry's number must be new and in the window's series (409 / 422); a
    // "decided" entry's digest, QR and signature must be the document's and the window's (422).
    // `counts` (if given) says what a stored request did: entries newly stored, entries newly
    // applied (held ones a gap-filler completed included), and entries that were stored already
    // (resends, acknowledged again).
    struct AppendCounts
    {
        int stored = 0;
        int applied = 0;
        int replayed = 0;
    };
    // `recheck` given: `who` comes from a cache (TokenCache), good only for the next-entries
    // statement, which checks the token's session itself. Any other outcome stores nothing and
    // sets *recheck: the caller checks the token fully and appends again.
    ApiReply append(const QString &caseId, const QJsonValue &body, const Principal &who, AppendCounts *counts = nullptr,
        bool *recheck = nullptr);
    // GET /v1/cases/{caseId}: the applied entries and the held seqs. The case's own window reads
    // them as written; a supervisor or admin reads people masked (Masking) unless `reveal`. Every
    // read is audited (who, which case, whether revealed); Cache-Control: no-store.
    ApiReply read(const QString &caseId, const Principal &who, bool reveal = false);
    // GET /v1/cases?idNumber=: the cases whose entries name a person with this ID number (blind
    // index), for supervisors (their windows) and admins. Audited without the number.
    ApiReply findByIdNumber(const QString &idNumber, const Principal &who);
    // GET /v1/cases?number=: the case of this number, for whoever may read its window (a window
    // its own cases). Audited.
    ApiReply findByNumber(const QString &number, const Principal &who);
    // GET /v1/cases?qr=: the case of a scanned receipt, notice or slip QR. The signature is checked
    // against every key the case's window had (a key revoked since vouches for what was issued
    // before the day of its revocation) and the digest against the case's documents; a forged,
    // altered or revoked QR is refused (422) with the reason.
    ApiReply findByQr(const QString &text, const Principal &who);

private:
    static constexpr int kAttempts = 5;
    // The request's one transaction: nullopt when committed (seqs and applied filled in), else the
    // error reply; retry says whether running it again may succeed.
    std::optional<ApiReply> store(const QString &caseId, const QJsonArray &entries, const Principal &who, bool &retry,
        QList<int> &seqs, int &applied, AppendCounts &counts);
    // PostgreSQL, a window's next entries (issue 21): one self-committing statement, shared with
    // other requests' (AppendBatcher), that moves the case's row where its guard holds (this
    // window's case, nothing stored above applied_seq, the entries its next seqs, the token live)
    // and inserts them (no BEGIN, no read, no row lock, no COMMIT: 1 round trip instead of 5).
    // Only for entries that nothing else follows (no routing, hand-out, blob or ID-number row);
    // `taken` false means store() does it (the guard did not hold, or the statement failed), as
    // everything else.
    std::optional<ApiReply> storeNext(const QString &caseId, const QJsonArray &entries, const Principal &who,
        QList<int> &seqs, int &applied, AppendCounts &counts, bool &taken);
    static constexpr int kMaxNextEntries = 16;
    // Whether storeNext may take these entries at all (their kinds and seqs).
    bool mayStoreNext(const QJsonArray &entries) const;

    // nullopt when every entry may be stored as `entries` now holds them (clerks replaced), else
    // the refusal.
    std::optional<ApiReply> admit(const QString &caseId, QJsonArray &entries, const Principal &who);
    std::optional<ApiReply> checkDecided(
        const QString &caseId, int index, const QJsonObject &entry, const QString &caseNumber, const Principal &who);
    // A handedOut / dispatched entry's slip, as checkDecided checks a decided document.
    std::optional<ApiReply> checkSlip(
        const QString &caseId, int index, const QJsonObject &entry, const QString &caseNumber, const Principal &who);
    // The QR's signature is by `who`'s window's key, one valid when the document was issued.
    std::optional<ApiReply> checkSignature(
        int index, const receipt::QrPayload &qr, const QDateTime &issuedAt, const Principal &who);
    // {cases: [{case, window, number, createdAt}]} of the case ids the caller may read.
    ApiReply casesFound(const QList<QString> &caseIds, const Principal &who, const QString &auditAction);

    Database &m_db;
    const Sealer &m_sealer;
    Clock m_clock;
    WindowRegistry *m_windows = nullptr;
    Router *m_router = nullptr;
    Departments *m_departments = nullptr;
    Handouts *m_handouts = nullptr;
    AppendBatcher *m_batcher = nullptr;
};

} // namespace ow::backoffice
