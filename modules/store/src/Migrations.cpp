#include "onewindow/store/Migrations.h"

#include "onewindow/store/CaseRepository.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ow::store {

const QList<QStringList> &Migrations::steps()
{
    static const QList<QStringList> s = {
        // 0 → 1: cases, applicants, materials, notices, audit, outbox, numbering.
        {
            QStringLiteral("CREATE TABLE applicants ("
                           " id TEXT PRIMARY KEY,"
                           " kind TEXT NOT NULL CHECK (kind IN ('person','company')),"
                           " id_number TEXT NOT NULL,"
                           " name TEXT NOT NULL,"
                           " details TEXT NOT NULL DEFAULT '{}',"
                           " updated_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE cases ("
                           " id TEXT PRIMARY KEY,"
                           " number TEXT NOT NULL UNIQUE,"
                           " window_code TEXT NOT NULL,"
                           " clerk TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " verdict TEXT,"
                           " catalog_version TEXT NOT NULL,"
                           " selection TEXT NOT NULL DEFAULT '{}',"
                           " answers TEXT NOT NULL DEFAULT '{}',"
                           " applicant_id TEXT REFERENCES applicants(id),"
                           " agent_id TEXT REFERENCES applicants(id),"
                           " promised_date TEXT,"
                           " draft TEXT NOT NULL DEFAULT '{}',"
                           " created_at TEXT NOT NULL,"
                           " updated_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX cases_state ON cases(state)"),
            QStringLiteral("CREATE TABLE collected_materials ("
                           " case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
                           " material_id TEXT NOT NULL,"
                           " status TEXT NOT NULL,"
                           " updated_at TEXT NOT NULL,"
                           " PRIMARY KEY (case_id, material_id))"),
            QStringLiteral("CREATE TABLE notices ("
                           " id TEXT PRIMARY KEY,"
                           " case_id TEXT NOT NULL REFERENCES cases(id),"
                           " kind TEXT NOT NULL,"
                           " qr_payload TEXT NOT NULL,"
                           " content TEXT NOT NULL,"
                           " created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE audit ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " at TEXT NOT NULL,"
                           " clerk TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " subject TEXT NOT NULL,"
                           " detail TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE TABLE outbox ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " case_id TEXT NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " payload TEXT NOT NULL,"
                           " created_at TEXT NOT NULL,"
                           " sent_at TEXT)"),
            QStringLiteral("CREATE TABLE case_sequences ("
                           " window_code TEXT NOT NULL,"
                           " day TEXT NOT NULL,"
                           " last INTEGER NOT NULL,"
                           " PRIMARY KEY (window_code, day))"),
        },
        // 1 → 2: how the applicant collects the result (window or courier).
        {
            QStringLiteral("ALTER TABLE cases ADD COLUMN pickup TEXT NOT NULL DEFAULT 'window'"
                           " CHECK (pickup IN ('window','courier'))"),
        },
        // 2 → 3: the case log (append-only, sealed payloads; the outbox is its unacknowledged
        // entries), pinned catalogues, frozen decided documents, sealed parties with a blind index.
        {
            QStringLiteral("CREATE TABLE case_log ("
                           " case_id TEXT NOT NULL,"
                           " seq INTEGER NOT NULL CHECK (seq >= 1),"
                           " at TEXT NOT NULL,"
                           " window TEXT NOT NULL,"
                           " clerk TEXT NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " payload BLOB NOT NULL,"
                           " acked_at TEXT,"
                           " PRIMARY KEY (case_id, seq))"),
            QStringLiteral("CREATE INDEX case_log_pending ON case_log(acked_at) WHERE acked_at IS NULL"),
            QStringLiteral("CREATE TRIGGER case_log_never_changed BEFORE UPDATE ON case_log"
                           " WHEN NEW.case_id IS NOT OLD.case_id OR NEW.seq IS NOT OLD.seq OR NEW.at IS NOT OLD.at"
                           " OR NEW.window IS NOT OLD.window OR NEW.clerk IS NOT OLD.clerk OR NEW.kind IS NOT OLD.kind"
                           " OR NEW.payload IS NOT OLD.payload OR OLD.acked_at IS NOT NULL"
                           " BEGIN SELECT RAISE(ABORT, 'case log entries are never changed'); END"),
            QStringLiteral("CREATE TRIGGER case_log_never_deleted BEFORE DELETE ON case_log"
                           " BEGIN SELECT RAISE(ABORT, 'case log entries are never deleted'); END"),
            QStringLiteral("CREATE TABLE catalogs ("
                           " sha256 TEXT PRIMARY KEY,"
                           " version TEXT NOT NULL,"
                           " content BLOB NOT NULL,"
                           " stored_at TEXT NOT NULL)"),
            QStringLiteral("ALTER TABLE cases ADD COLUMN catalog_sha256 TEXT"),
            QStringLiteral("ALTER TABLE cases ADD COLUMN decision TEXT"),
            QStringLiteral("ALTER TABLE cases ADD COLUMN document TEXT"),
            QStringLiteral("ALTER TABLE cases ADD COLUMN visits INTEGER NOT NULL DEFAULT 1"),
            QStringLiteral("ALTER TABLE cases ADD COLUMN parties BLOB"),
            QStringLiteral("ALTER TABLE cases ADD COLUMN applicant_masked TEXT"),
            QStringLiteral("ALTER TABLE cases ADD COLUMN applicant_blind TEXT"),
            QStringLiteral("ALTER TABLE cases ADD COLUMN has_content INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE cases ADD COLUMN log_seq INTEGER NOT NULL DEFAULT 0"),
            // An index for every query the client runs on cases: the Cases page pages by (window,
            // updated_at, id) newest first; resumeLatest and the empty-draft sweep go through a partial
            // index of the open ones; numbers are UNIQUE (their own index); the blind index for
            // exact ID search.
            QStringLiteral("CREATE INDEX cases_window_updated ON cases(window_code, updated_at, id)"),
            QStringLiteral("CREATE INDEX cases_open ON cases(window_code, has_content, updated_at)"
                           " WHERE state NOT IN ('done', 'abandoned')"),
            QStringLiteral("CREATE INDEX cases_applicant_blind ON cases(applicant_blind)"),
        },
        // 3 → 4: sync state (modules/sync): the events cursor, what the back office said about each
        // case, conflicts and rejected entries (never dropped), resumable tus uploads, ETag'd resources.
        {
            QStringLiteral("CREATE TABLE sync_cursor (id INTEGER PRIMARY KEY CHECK (id = 1),"
                           " cursor INTEGER NOT NULL, updated_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE case_remote ("
                           " case_id TEXT PRIMARY KEY,"
                           " confirmed_at TEXT,"
                           " confirmed_number TEXT,"
                           " confirmed_digest TEXT,"
                           " routed TEXT NOT NULL DEFAULT '{}',"
                           " items TEXT NOT NULL DEFAULT '{}',"
                           " handout_at TEXT,"
                           " updated_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE sync_conflicts ("
                           " case_id TEXT NOT NULL,"
                           " seq INTEGER NOT NULL,"
                           " kind TEXT NOT NULL CHECK (kind IN ('conflict','rejected')),"
                           " fields TEXT NOT NULL,"
                           " message TEXT NOT NULL,"
                           " at TEXT NOT NULL,"
                           " PRIMARY KEY (case_id, seq))"),
            QStringLiteral("CREATE TABLE sync_uploads ("
                           " sha256 TEXT PRIMARY KEY,"
                           " location TEXT,"
                           " length INTEGER NOT NULL,"
                           " done_at TEXT)"),
            QStringLiteral("CREATE TABLE sync_resources ("
                           " name TEXT PRIMARY KEY,"
                           " etag TEXT NOT NULL,"
                           " body BLOB NOT NULL,"
                           " fetched_at TEXT NOT NULL)"),
        },
        // 4 → 5: what a conflict differs in, field by field, this window's value beside the back
        // office's (sealed like the case log: it may hold personal data).
        {
            QStringLiteral("ALTER TABLE sync_conflicts ADD COLUMN difference BLOB"),
        },
        // 5 → 6: a case the back office holds instead of routing it (its `held` event: the window's
        // decided items differ from the back office's evaluation): the reason and since when,
        // cleared when the case is routed.
        {
            QStringLiteral("ALTER TABLE case_remote ADD COLUMN held_reason TEXT"),
            QStringLiteral("ALTER TABLE case_remote ADD COLUMN held_at TEXT"),
        },
        // 6 → 7: what the hold is about as the back office states it (JSON: code, onlyDecided,
        // onlyEvaluated), so the window words it in the clerk's language; cleared with the hold.
        {
            QStringLiteral("ALTER TABLE case_remote ADD COLUMN held_detail TEXT"),
        },
        // 7 → 8: a station's own queue (issue 23), kept offline and pushed to the back office
        // (POST /v1/windows/{window}/tickets) when the link returns: each ticket as it is now (its
        // wire JSON, no personal data), its events with a per-ticket seq (sent_at set once the
        // back office took them), and the day's last number per prefix.
        {
            QStringLiteral("CREATE TABLE station_tickets ("
                           " id TEXT PRIMARY KEY,"
                           " day TEXT NOT NULL,"
                           " number TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " ticket TEXT NOT NULL,"
                           " last_seq INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX station_tickets_day ON station_tickets(day, state)"),
            QStringLiteral("CREATE TABLE station_ticket_events ("
                           " ticket_id TEXT NOT NULL REFERENCES station_tickets(id),"
                           " seq INTEGER NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " at TEXT NOT NULL,"
                           " clerk TEXT,"
                           " data TEXT NOT NULL DEFAULT '{}',"
                           " sent_at TEXT,"
                           " PRIMARY KEY (ticket_id, seq))"),
            QStringLiteral("CREATE INDEX station_ticket_events_unsent ON station_ticket_events(sent_at)"
                           " WHERE sent_at IS NULL"),
            QStringLiteral("CREATE TABLE station_ticket_numbers ("
                           " day TEXT NOT NULL,"
                           " prefix TEXT NOT NULL,"
                           " last INTEGER NOT NULL,"
                           " PRIMARY KEY (day, prefix))"),
        },
    };
    return s;
}

int Migrations::latestVersion()
{
    return int(steps().size());
}

QString Migrations::apply(QSqlDatabase &db, int from, const Sealer &sealer)
{
    // The caller (Store::open) holds one exclusive transaction around all the steps.
    QSqlQuery q(db);
    for (int v = from; v < latestVersion(); ++v) {
        for (const QString &sql : steps().at(v)) {
            if (!q.exec(sql))
                return QStringLiteral("migration %1→%2: %3").arg(v).arg(v + 1).arg(q.lastError().text());
        }
        if (v == 2) {
            const QString err = CaseRepository::sealLegacy(db, sealer);
            if (!err.isEmpty())
                return QStringLiteral("migration 2→3: %1").arg(err);
        }
    }
    if (from < latestVersion() && !q.exec(QStringLiteral("PRAGMA user_version = %1").arg(latestVersion())))
        return QStringLiteral("migration %1→%2: %3").arg(from).arg(latestVersion()).arg(q.lastError().text());
    return {};
}

} // namespace ow::store
