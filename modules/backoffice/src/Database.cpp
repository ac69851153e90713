#include "onewindow/backoffice/Database.h"

#include "onewindow/backoffice/AppendBatcher.h"

#include "onewindow/backoffice/Clock.h"
#include "onewindow/backoffice/Metrics.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <libpq-fe.h>

#include <cstdio>

namespace ow::backoffice {

namespace {

// Each migration is a list of statements in plain SQL that SQLite and PostgreSQL both run:
// VARCHAR/INTEGER/TEXT columns, CHECK constraints, no AUTOINCREMENT/SERIAL (keys are natural or
// UUIDs; a generated row id is spelt {{ID}}), timestamps as ISO 8601 text, public keys as base64
// text (no BLOB/BYTEA).
const QList<QStringList> &migrations()
{
    static const QList<QStringList> all {
        {
            QStringLiteral("CREATE TABLE windows ("
                           " key_id VARCHAR(40) PRIMARY KEY,"
                           " region VARCHAR(6) NOT NULL,"
                           " code VARCHAR(8) NOT NULL,"
                           " name VARCHAR(200) NOT NULL,"
                           " kind VARCHAR(16) NOT NULL CHECK (kind IN ('window', 'station')),"
                           " created_at VARCHAR(32) NOT NULL,"
                           " UNIQUE (region, code))"),
            QStringLiteral("CREATE TABLE enrolment_codes ("
                           " code_hash VARCHAR(64) PRIMARY KEY,"
                           " window_key_id VARCHAR(40) NOT NULL REFERENCES windows (key_id),"
                           " created_at VARCHAR(32) NOT NULL,"
                           " expires_at VARCHAR(32) NOT NULL,"
                           " used_at VARCHAR(32))"),
            QStringLiteral("CREATE TABLE window_keys ("
                           " key_id VARCHAR(40) NOT NULL REFERENCES windows (key_id),"
                           " public_key VARCHAR(64) NOT NULL,"
                           " enrolled_at VARCHAR(32) NOT NULL,"
                           " revoked_at VARCHAR(32),"
                           " PRIMARY KEY (key_id, public_key))"),
            QStringLiteral("CREATE TABLE users ("
                           " name VARCHAR(100) PRIMARY KEY,"
                           " role VARCHAR(16) NOT NULL"
                           "  CHECK (role IN ('clerk', 'station', 'supervisor', 'department', 'admin')),"
                           " window_key_id VARCHAR(40) REFERENCES windows (key_id),"
                           " department VARCHAR(64),"
                           " password_hash VARCHAR(200) NOT NULL,"
                           " failed_count INTEGER NOT NULL DEFAULT 0,"
                           " locked_until VARCHAR(32),"
                           " created_at VARCHAR(32) NOT NULL)"),
            QStringLiteral("CREATE TABLE sessions ("
                           " token_hash VARCHAR(64) PRIMARY KEY,"
                           " user_name VARCHAR(100) NOT NULL REFERENCES users (name),"
                           " created_at VARCHAR(32) NOT NULL,"
                           " expires_at VARCHAR(32) NOT NULL,"
                           " ended_at VARCHAR(32))"),
            QStringLiteral("CREATE TABLE cases ("
                           " case_id VARCHAR(64) PRIMARY KEY,"
                           " window_key_id VARCHAR(40) NOT NULL REFERENCES windows (key_id),"
                           " applied_seq INTEGER NOT NULL,"
                           " created_at VARCHAR(32) NOT NULL,"
                           " updated_at VARCHAR(32) NOT NULL)"),
            // Held (out-of-order) entries are rows with seq > cases.applied_seq; the primary key
            // makes "never applied twice" a property of the table, not of the code.
            QStringLiteral("CREATE TABLE case_entries ("
                           " case_id VARCHAR(64) NOT NULL REFERENCES cases (case_id),"
                           " seq INTEGER NOT NULL CHECK (seq >= 1),"
                           " kind VARCHAR(32) NOT NULL,"
                           " content TEXT NOT NULL,"
                           " received_at VARCHAR(32) NOT NULL,"
                           " applied_at VARCHAR(32),"
                           " PRIMARY KEY (case_id, seq))"),
            QStringLiteral("CREATE TABLE audit ("
                           " id VARCHAR(36) PRIMARY KEY,"
                           " at VARCHAR(32) NOT NULL,"
                           " actor VARCHAR(100) NOT NULL,"
                           " action VARCHAR(64) NOT NULL,"
                           " detail TEXT NOT NULL)"),
        },
        // tus uploads and the content-addressed blob store (UploadStore). An upload's bytes are in
        // <data dir>/uploads/<id>.part until complete, then in <data dir>/blobs/; offset_bytes is
        // the last offset a PATCH ended at (the file's size is the truth after a crash).
        {
            QStringLiteral("CREATE TABLE uploads ("
                           " upload_id VARCHAR(36) PRIMARY KEY,"
                           " window_key_id VARCHAR(40) NOT NULL,"
                           " uploaded_by VARCHAR(100) NOT NULL,"
                           " case_id VARCHAR(64),"
                           " material VARCHAR(200) NOT NULL,"
                           " filename VARCHAR(255) NOT NULL,"
                           " media_type VARCHAR(100) NOT NULL,"
                           " sha256 VARCHAR(64) NOT NULL,"
                           " length_bytes BIGINT NOT NULL CHECK (length_bytes >= 0),"
                           " offset_bytes BIGINT NOT NULL CHECK (offset_bytes >= 0),"
                           " state VARCHAR(16) NOT NULL CHECK (state IN ('open', 'complete', 'failed')),"
                           " created_at VARCHAR(32) NOT NULL,"
                           " updated_at VARCHAR(32) NOT NULL)"),
            QStringLiteral("CREATE INDEX uploads_by_sha256 ON uploads (sha256)"),
            QStringLiteral("CREATE TABLE blobs ("
                           " sha256 VARCHAR(64) PRIMARY KEY,"
                           " length_bytes BIGINT NOT NULL CHECK (length_bytes >= 0),"
                           " media_type VARCHAR(100) NOT NULL,"
                           " stored_at VARCHAR(32) NOT NULL)"),
        },
        // Routing to departments, department decisions, window events, reference data.
        {
            QStringLiteral("CREATE TABLE catalogues ("
                           " sha256 VARCHAR(64) PRIMARY KEY,"
                           " version VARCHAR(100) NOT NULL,"
                           " region VARCHAR(16) NOT NULL,"
                           " content TEXT NOT NULL,"
                           " added_at VARCHAR(32) NOT NULL)"),
            QStringLiteral("CREATE TABLE calendar_years ("
                           " year INTEGER PRIMARY KEY,"
                           " content TEXT NOT NULL,"
                           " updated_at VARCHAR(32) NOT NULL)"),
            QStringLiteral("CREATE TABLE departments ("
                           " code VARCHAR(64) PRIMARY KEY,"
                           " name VARCHAR(200) NOT NULL,"
                           " created_at VARCHAR(32) NOT NULL)"),
            QStringLiteral("CREATE TABLE supervised_windows ("
                           " user_name VARCHAR(100) NOT NULL REFERENCES users (name),"
                           " window_key_id VARCHAR(40) NOT NULL REFERENCES windows (key_id),"
                           " PRIMARY KEY (user_name, window_key_id))"),
            // One row per case once its acceptance is applied: the primary key routes it once.
            QStringLiteral("CREATE TABLE case_routing ("
                           " case_id VARCHAR(64) PRIMARY KEY REFERENCES cases (case_id),"
                           " state VARCHAR(16) NOT NULL CHECK (state IN ('unroutable', 'routed', 'handout')),"
                           " catalog_sha256 VARCHAR(64) NOT NULL,"
                           " decided_seq INTEGER NOT NULL,"
                           " reason TEXT NOT NULL,"
                           " updated_at VARCHAR(32) NOT NULL)"),
            QStringLiteral("CREATE TABLE items ("
                           " item_id VARCHAR(36) PRIMARY KEY,"
                           " case_id VARCHAR(64) NOT NULL REFERENCES cases (case_id),"
                           " window_key_id VARCHAR(40) NOT NULL REFERENCES windows (key_id),"
                           " matter VARCHAR(64) NOT NULL,"
                           " name VARCHAR(300) NOT NULL,"
                           " department VARCHAR(64) NOT NULL,"
                           " state VARCHAR(16) NOT NULL"
                           "  CHECK (state IN ('routed', 'supplement', 'approved', 'rejected', 'ready')),"
                           " reason TEXT,"
                           " what TEXT,"
                           " routed_at VARCHAR(32) NOT NULL,"
                           " updated_at VARCHAR(32) NOT NULL,"
                           " UNIQUE (case_id, matter))"),
            // The per-window cursor counter: UPDATE … SET last_cursor = last_cursor + 1 takes the
            // row lock that orders concurrent writers.
            QStringLiteral("CREATE TABLE window_events ("
                           " window_key_id VARCHAR(40) PRIMARY KEY REFERENCES windows (key_id),"
                           " last_cursor INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE events ("
                           " window_key_id VARCHAR(40) NOT NULL REFERENCES windows (key_id),"
                           " cursor_no INTEGER NOT NULL CHECK (cursor_no >= 1),"
                           " type VARCHAR(16) NOT NULL"
                           "  CHECK (type IN ('confirmed', 'routed', 'decided', 'ready', 'handout')),"
                           " case_id VARCHAR(64) NOT NULL,"
                           " item_id VARCHAR(36),"
                           " at VARCHAR(32) NOT NULL,"
                           " data TEXT NOT NULL,"
                           " PRIMARY KEY (window_key_id, cursor_no))"),
        },
        // A case whose decided items differ from the back office's own evaluation is held as
        // 'disputed' and its window told by a 'held' event: both CHECKs widened (table rebuilt,
        // which SQLite and PostgreSQL both run).
        {
            QStringLiteral("CREATE TABLE case_routing_v3 ("
                           " case_id VARCHAR(64) PRIMARY KEY REFERENCES cases (case_id),"
                           " state VARCHAR(16) NOT NULL"
                           "  CHECK (state IN ('unroutable', 'disputed', 'routed', 'handout')),"
                           " catalog_sha256 VARCHAR(64) NOT NULL,"
                           " decided_seq INTEGER NOT NULL,"
                           " reason TEXT NOT NULL,"
                           " updated_at VARCHAR(32) NOT NULL)"),
            QStringLiteral("INSERT INTO case_routing_v3 (case_id, state, catalog_sha256, decided_seq, reason,"
                           " updated_at) SELECT case_id, state, catalog_sha256, decided_seq, reason, updated_at"
                           " FROM case_routing"),
            QStringLiteral("DROP TABLE case_routing"),
            QStringLiteral("ALTER TABLE case_routing_v3 RENAME TO case_routing"),
            QStringLiteral("CREATE TABLE events_v3 ("
                           " window_key_id VARCHAR(40) NOT NULL REFERENCES windows (key_id),"
                           " cursor_no INTEGER NOT NULL CHECK (cursor_no >= 1),"
                           " type VARCHAR(16) NOT NULL"
                           "  CHECK (type IN ('confirmed', 'routed', 'held', 'decided', 'ready', 'handout')),"
                           " case_id VARCHAR(64) NOT NULL,"
                           " item_id VARCHAR(36),"
                           " at VARCHAR(32) NOT NULL,"
                           " data TEXT NOT NULL,"
                           " PRIMARY KEY (window_key_id, cursor_no))"),
            QStringLiteral("INSERT INTO events_v3 (window_key_id, cursor_no, type, case_id, item_id, at, data)"
                           " SELECT window_key_id, cursor_no, type, case_id, item_id, at, data FROM events"),
            QStringLiteral("DROP TABLE events"),
            QStringLiteral("ALTER TABLE events_v3 RENAME TO events"),
        },
        // What a department reads of its item, kept at routing time (Router): the case number,
        // the applicant masked as JSON (never the full name or ID number), the promised date
        // (ISO, '' for items routed before) and the item's materials with their scans as JSON.
        {
            QStringLiteral("ALTER TABLE items ADD COLUMN case_number VARCHAR(64) NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE items ADD COLUMN applicant TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE items ADD COLUMN promised_date VARCHAR(10) NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE items ADD COLUMN materials TEXT NOT NULL DEFAULT '[]'"),
        },
        // Administration: a disabled user (it cannot sign in, its sessions ended) and the log of
        // every admin command that changed something (who ran it, as which OS user, what, when).
        {
            QStringLiteral("ALTER TABLE users ADD COLUMN disabled_at VARCHAR(32)"),
            QStringLiteral("CREATE TABLE admin_audit ("
                           " id VARCHAR(36) PRIMARY KEY,"
                           " at VARCHAR(32) NOT NULL,"
                           " os_user VARCHAR(200) NOT NULL,"
                           " command VARCHAR(32) NOT NULL,"
                           " target VARCHAR(200) NOT NULL,"
                           " detail TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX admin_audit_at ON admin_audit (at)"),
        },
        // Personal data sealed (Sealer): the blind index of the ID numbers in a case's entries
        // (HMAC-SHA256 under a key outside the database), the audit listed by time, the blobs a
        // case's entries name.
        {
            QStringLiteral("CREATE TABLE case_id_index ("
                           " id_hmac VARCHAR(64) NOT NULL,"
                           " case_id VARCHAR(64) NOT NULL REFERENCES cases (case_id),"
                           " PRIMARY KEY (id_hmac, case_id))"),
            QStringLiteral("CREATE INDEX audit_by_at ON audit (at)"),
            // The blobs a case's entries name (an "attached" entry's sha256): with entries sealed,
            // the blob access rule finds a case's scans here.
            QStringLiteral("CREATE TABLE case_blobs ("
                           " case_id VARCHAR(64) NOT NULL REFERENCES cases (case_id),"
                           " sha256 VARCHAR(64) NOT NULL,"
                           " PRIMARY KEY (case_id, sha256))"),
            QStringLiteral("CREATE INDEX case_blobs_by_sha256 ON case_blobs (sha256)"),
        },
        // Case numbers, unique per window and in the window's own series: taken by the case's
        // "started" entry before the entry is stored (CaseLedger::append).
        {
            QStringLiteral("CREATE TABLE case_numbers ("
                           " number VARCHAR(64) PRIMARY KEY,"
                           " window_key_id VARCHAR(40) NOT NULL REFERENCES windows (key_id),"
                           " case_id VARCHAR(64) NOT NULL UNIQUE,"
                           " taken_at VARCHAR(32) NOT NULL)"),
        },
        // The hall's queue (issue 23, HallQueue): halls with their settings (HallSettings JSON),
        // categories (the catalogue's matter groups), windows and the categories each serves, hall
        // devices (kiosks, displays: a revocable token each), appointments, tickets with the rank
        // the call order uses (QueueRules), each ticket's log, and the day's number series per
        // hall and prefix (taken by a guarded UPDATE, like the events' cursor).
        {
            QStringLiteral("CREATE TABLE halls ("
                           " code VARCHAR(32) PRIMARY KEY,"
                           " name VARCHAR(200) NOT NULL,"
                           " settings TEXT NOT NULL,"
                           " created_at VARCHAR(32) NOT NULL)"),
            QStringLiteral("CREATE TABLE hall_categories ("
                           " hall VARCHAR(32) NOT NULL REFERENCES halls (code),"
                           " code VARCHAR(64) NOT NULL,"
                           " name VARCHAR(64) NOT NULL,"
                           " letter VARCHAR(1) NOT NULL,"
                           " position INTEGER NOT NULL,"
                           " PRIMARY KEY (hall, code),"
                           " UNIQUE (hall, letter))"),
            QStringLiteral("CREATE TABLE hall_windows ("
                           " window_key_id VARCHAR(40) PRIMARY KEY REFERENCES windows (key_id),"
                           " hall VARCHAR(32) NOT NULL REFERENCES halls (code))"),
            QStringLiteral("CREATE TABLE hall_window_categories ("
                           " window_key_id VARCHAR(40) NOT NULL REFERENCES hall_windows (window_key_id),"
                           " category VARCHAR(64) NOT NULL,"
                           " PRIMARY KEY (window_key_id, category))"),
            QStringLiteral("CREATE TABLE hall_devices ("
                           " name VARCHAR(100) PRIMARY KEY,"
                           " hall VARCHAR(32) NOT NULL REFERENCES halls (code),"
                           " kind VARCHAR(16) NOT NULL CHECK (kind IN ('kiosk', 'display')),"
                           " token_hash VARCHAR(64) NOT NULL UNIQUE,"
                           " created_at VARCHAR(32) NOT NULL,"
                           " revoked_at VARCHAR(32))"),
            QStringLiteral("CREATE TABLE appointments ("
                           " id VARCHAR(36) PRIMARY KEY,"
                           " hall VARCHAR(32) NOT NULL REFERENCES halls (code),"
                           " category VARCHAR(64) NOT NULL,"
                           " slot_start VARCHAR(32) NOT NULL,"
                           " slot_end VARCHAR(32) NOT NULL,"
                           " id_hmac VARCHAR(64),"
                           " state VARCHAR(16) NOT NULL CHECK (state IN ('booked', 'checked-in', 'cancelled')),"
                           " ticket_id VARCHAR(36),"
                           " created_at VARCHAR(32) NOT NULL)"),
            QStringLiteral("CREATE INDEX appointments_by_hall ON appointments (hall, slot_start)"),
            QStringLiteral("CREATE TABLE ticket_numbers ("
                           " hall VARCHAR(32) NOT NULL,"
                           " day VARCHAR(10) NOT NULL,"
                           " prefix VARCHAR(16) NOT NULL,"
                           " last_no INTEGER NOT NULL,"
                           " PRIMARY KEY (hall, day, prefix))"),
            QStringLiteral("CREATE TABLE tickets ("
                           " id VARCHAR(36) PRIMARY KEY,"
                           " hall VARCHAR(32) NOT NULL,"
                           " day VARCHAR(10) NOT NULL,"
                           " number VARCHAR(24) NOT NULL,"
                           " category VARCHAR(64) NOT NULL,"
                           " source VARCHAR(16) NOT NULL,"
                           " priority VARCHAR(16) NOT NULL,"
                           " issued_at VARCHAR(32) NOT NULL,"
                           " queued_at VARCHAR(32) NOT NULL,"
                           " rank_class INTEGER NOT NULL,"
                           " rank_key VARCHAR(32) NOT NULL,"
                           " appointment_id VARCHAR(36),"
                           " slot_start VARCHAR(32),"
                           " slot_end VARCHAR(32),"
                           " case_id VARCHAR(64),"
                           " case_number VARCHAR(64),"
                           " state VARCHAR(16) NOT NULL,"
                           " calls INTEGER NOT NULL,"
                           " last_called_at VARCHAR(32),"
                           " window_key_id VARCHAR(40),"
                           " target_window VARCHAR(40),"
                           " last_seq INTEGER NOT NULL,"
                           " UNIQUE (hall, day, number))"),
            QStringLiteral("CREATE INDEX tickets_waiting ON tickets (hall, state, category)"),
            QStringLiteral("CREATE INDEX tickets_by_window ON tickets (window_key_id, state)"),
            QStringLiteral("CREATE TABLE ticket_events ("
                           " ticket_id VARCHAR(36) NOT NULL REFERENCES tickets (id),"
                           " seq INTEGER NOT NULL,"
                           " kind VARCHAR(16) NOT NULL,"
                           " at VARCHAR(32) NOT NULL,"
                           " window_key_id VARCHAR(40),"
                           " clerk VARCHAR(100),"
                           " data TEXT NOT NULL,"
                           " PRIMARY KEY (ticket_id, seq))"),
            // The hall display's calls (EventLog with a "hall:<code>" key): the same shape and
            // cursor rule as a window's events.
            QStringLiteral("CREATE TABLE hall_event_counters ("
                           " hall_key VARCHAR(40) PRIMARY KEY,"
                           " last_cursor INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE hall_events ("
                           " hall_key VARCHAR(40) NOT NULL,"
                           " cursor_no INTEGER NOT NULL CHECK (cursor_no >= 1),"
                           " type VARCHAR(16) NOT NULL CHECK (type IN ('call', 'recall', 'resume')),"
                           " case_id VARCHAR(64) NOT NULL,"
                           " item_id VARCHAR(36),"
                           " at VARCHAR(32) NOT NULL,"
                           " data TEXT NOT NULL,"
                           " PRIMARY KEY (hall_key, cursor_no))"),
        },
        // The case comes back to its window (issue 22; Handouts, Ratings): supplement tasks (a
        // department's request, done by a "supplemented" entry), what was supplemented per item,
        // hand-outs and dispatches, and the applicant's ratings (好差评) with their rectification
        // tasks, call-backs and appeals. A rating's content is sealed (Sealer); its level is not.
        {
            QStringLiteral("CREATE TABLE case_tasks ("
                           " case_id VARCHAR(64) NOT NULL REFERENCES cases (case_id),"
                           " task VARCHAR(300) NOT NULL,"
                           " item_id VARCHAR(36),"
                           " bring TEXT NOT NULL,"
                           " due_date VARCHAR(10) NOT NULL,"
                           " opened_at VARCHAR(32) NOT NULL,"
                           " done_seq INTEGER,"
                           " done_at VARCHAR(32),"
                           " PRIMARY KEY (case_id, task))"),
            QStringLiteral("ALTER TABLE items ADD COLUMN supplements TEXT NOT NULL DEFAULT '[]'"),
            QStringLiteral("ALTER TABLE items ADD COLUMN handed_out VARCHAR(16)"),
            QStringLiteral("ALTER TABLE items ADD COLUMN handed_out_at VARCHAR(32)"),
            QStringLiteral("CREATE TABLE case_handouts ("
                           " case_id VARCHAR(64) PRIMARY KEY REFERENCES cases (case_id),"
                           " kind VARCHAR(16) NOT NULL CHECK (kind IN ('handedOut', 'dispatched')),"
                           " seq INTEGER NOT NULL,"
                           " at VARCHAR(32) NOT NULL,"
                           " carrier VARCHAR(100) NOT NULL,"
                           " tracking VARCHAR(100) NOT NULL)"),
            QStringLiteral("CREATE TABLE ratings ("
                           " rating_id VARCHAR(36) PRIMARY KEY,"
                           " case_id VARCHAR(64) NOT NULL REFERENCES cases (case_id),"
                           " seq INTEGER NOT NULL,"
                           " window_key_id VARCHAR(40) NOT NULL,"
                           " clerk VARCHAR(100) NOT NULL,"
                           " service VARCHAR(16) NOT NULL CHECK (service IN ('acceptance', 'supplement', 'handout')),"
                           " level VARCHAR(20) NOT NULL,"
                           " content TEXT NOT NULL,"
                           " rated_at VARCHAR(32) NOT NULL,"
                           " received_at VARCHAR(32) NOT NULL,"
                           " state VARCHAR(16) NOT NULL CHECK (state IN ('valid', 'removed')),"
                           " UNIQUE (case_id, seq))"),
            QStringLiteral("CREATE INDEX ratings_by_rated_at ON ratings (rated_at)"),
            QStringLiteral("CREATE TABLE rating_tasks ("
                           " rating_id VARCHAR(36) PRIMARY KEY REFERENCES ratings (rating_id),"
                           " window_key_id VARCHAR(40) NOT NULL,"
                           " opened_at VARCHAR(32) NOT NULL,"
                           " due_date VARCHAR(10) NOT NULL,"
                           " state VARCHAR(16) NOT NULL CHECK (state IN ('open', 'done')),"
                           " callback_by VARCHAR(100),"
                           " callback_at VARCHAR(32),"
                           " callback_outcome VARCHAR(16),"
                           " callback_note TEXT)"),
            QStringLiteral("CREATE TABLE rating_appeals ("
                           " appeal_id VARCHAR(36) PRIMARY KEY,"
                           " rating_id VARCHAR(36) NOT NULL REFERENCES ratings (rating_id),"
                           " clerk VARCHAR(100) NOT NULL,"
                           " reason TEXT NOT NULL,"
                           " filed_at VARCHAR(32) NOT NULL,"
                           " state VARCHAR(16) NOT NULL CHECK (state IN ('pending', 'upheld', 'removed')),"
                           " decided_by VARCHAR(100),"
                           " decided_at VARCHAR(32),"
                           " note TEXT)"),
        },
        // The supervisor's overview (issue 24, SupervisorStats, SupervisorOverview): per ticket its
        // first call's wait and its handling time, per decided entry its decision, per case its
        // result day and visit counters, per supplement its due date, each written in the
        // transaction of the write it follows; indexes so that one refresh reads ranges by window
        // (a supervisor's) or by day (an admin's), never the case log or every ticket.
        {
            QStringLiteral("CREATE TABLE sv_tickets ("
                           " ticket_id VARCHAR(36) PRIMARY KEY,"
                           " window_key_id VARCHAR(40) NOT NULL,"
                           " clerk VARCHAR(100) NOT NULL,"
                           " day VARCHAR(10) NOT NULL,"
                           " called_at VARCHAR(32) NOT NULL,"
                           " wait_seconds INTEGER NOT NULL,"
                           " served_at VARCHAR(32),"
                           " handling_seconds INTEGER)"),
            QStringLiteral("CREATE INDEX sv_tickets_by_window ON sv_tickets (window_key_id, day)"),
            QStringLiteral("CREATE INDEX sv_tickets_by_day ON sv_tickets (day)"),
            QStringLiteral("CREATE TABLE sv_decisions ("
                           " case_id VARCHAR(64) NOT NULL,"
                           " seq INTEGER NOT NULL,"
                           " window_key_id VARCHAR(40) NOT NULL,"
                           " clerk VARCHAR(100) NOT NULL,"
                           " day VARCHAR(10) NOT NULL,"
                           " decision VARCHAR(16) NOT NULL,"
                           " PRIMARY KEY (case_id, seq))"),
            QStringLiteral("CREATE INDEX sv_decisions_by_window ON sv_decisions (window_key_id, day)"),
            QStringLiteral("CREATE INDEX sv_decisions_by_day ON sv_decisions (day)"),
            QStringLiteral("CREATE TABLE sv_cases ("
                           " case_id VARCHAR(64) PRIMARY KEY,"
                           " window_key_id VARCHAR(40) NOT NULL,"
                           " clerk VARCHAR(100) NOT NULL,"
                           " result_day VARCHAR(10),"
                           " returns INTEGER NOT NULL,"
                           " visit_returns INTEGER NOT NULL,"
                           " supplements INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX sv_cases_by_window ON sv_cases (window_key_id, result_day)"),
            QStringLiteral("CREATE INDEX sv_cases_by_day ON sv_cases (result_day)"),
            QStringLiteral("CREATE TABLE sv_tasks ("
                           " case_id VARCHAR(64) NOT NULL,"
                           " task VARCHAR(300) NOT NULL,"
                           " window_key_id VARCHAR(40) NOT NULL,"
                           " kind VARCHAR(16) NOT NULL CHECK (kind IN ('supplement', 'tolerated')),"
                           " bring TEXT NOT NULL,"
                           " due_date VARCHAR(10) NOT NULL,"
                           " done INTEGER NOT NULL,"
                           " PRIMARY KEY (case_id, task))"),
            QStringLiteral("CREATE INDEX sv_tasks_by_window ON sv_tasks (window_key_id, done, due_date)"),
            QStringLiteral("CREATE INDEX sv_tasks_by_due ON sv_tasks (done, due_date)"),
            QStringLiteral("CREATE INDEX items_open_by_window ON items (window_key_id, state, promised_date)"),
            QStringLiteral("CREATE INDEX items_open_by_date ON items (state, promised_date)"),
            QStringLiteral("CREATE INDEX cases_by_window ON cases (window_key_id, updated_at)"),
            QStringLiteral("CREATE INDEX tickets_by_state ON tickets (state, window_key_id)"),
            QStringLiteral("CREATE INDEX users_by_window ON users (window_key_id)"),
            QStringLiteral("CREATE INDEX sessions_by_user ON sessions (user_name, expires_at)"),
            QStringLiteral("CREATE INDEX rating_tasks_by_window ON rating_tasks (window_key_id, state, due_date)"),
            QStringLiteral("CREATE INDEX rating_tasks_by_state ON rating_tasks (state, due_date)"),
            QStringLiteral("CREATE INDEX rating_appeals_by_state ON rating_appeals (state, filed_at)"),
        },
        // The hall's events follow its whole waiting line (issue 23): besides the display's calls,
        // a ticket that starts to wait (issued, checked in: "issue"; sent to another window or
        // category: "transfer"), so the windows' waiting lists follow the long-poll too. SQLite
        // cannot change a CHECK: the table is rebuilt (on both databases alike).
        {
            QStringLiteral("CREATE TABLE hall_events_v2 ("
                           " hall_key VARCHAR(40) NOT NULL,"
                           " cursor_no INTEGER NOT NULL CHECK (cursor_no >= 1),"
                           " type VARCHAR(16) NOT NULL"
                           " CHECK (type IN ('call', 'recall', 'resume', 'issue', 'transfer')),"
                           " case_id VARCHAR(64) NOT NULL,"
                           " item_id VARCHAR(36),"
                           " at VARCHAR(32) NOT NULL,"
                           " data TEXT NOT NULL,"
                           " PRIMARY KEY (hall_key, cursor_no))"),
            QStringLiteral("INSERT INTO hall_events_v2 (hall_key, cursor_no, type, case_id, item_id, at, data)"
                           " SELECT hall_key, cursor_no, type, case_id, item_id, at, data FROM hall_events"),
            QStringLiteral("DROP TABLE hall_events"),
            QStringLiteral("ALTER TABLE hall_events_v2 RENAME TO hall_events"),
        },
        // The supervisor's overview at a province's size (issue 24): its range reads of sv_tickets
        // and of the items near their dates answered from the index alone (no heap page per row,
        // which made an admin's refresh read thousands of pages), the indexes they replace dropped.
        {
            QStringLiteral("CREATE INDEX sv_tickets_by_day_cover ON sv_tickets"
                           " (day, window_key_id, clerk, wait_seconds, handling_seconds)"),
            QStringLiteral("CREATE INDEX sv_tickets_by_window_cover ON sv_tickets"
                           " (window_key_id, day, clerk, wait_seconds, handling_seconds)"),
            QStringLiteral("CREATE INDEX items_open_cover ON items (state, promised_date, window_key_id, department)"),
            QStringLiteral("DROP INDEX sv_tickets_by_day"),
            QStringLiteral("DROP INDEX sv_tickets_by_window"),
            QStringLiteral("DROP INDEX items_open_by_date"),
        },
        // An append reads the case's stored entries only when it may resend or fill a gap (issue
        // 21): no entry is stored above MAX(applied_seq, stored_seq), so a request whose seqs are
        // all above it has nothing stored to compare with. Only a case with held entries stores
        // above applied_seq; the others keep 0.
        {
            QStringLiteral("ALTER TABLE cases ADD COLUMN stored_seq INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("UPDATE cases SET stored_seq = (SELECT MAX(e.seq) FROM case_entries e"
                           " WHERE e.case_id = cases.case_id) WHERE EXISTS (SELECT 1 FROM case_entries e"
                           " WHERE e.case_id = cases.case_id AND e.seq > cases.applied_seq)"),
        },
        // Events numbered after their commit (issue 23): a writer inserts its event without a
        // cursor (no counter row locked in its transaction, so a hall's calls commit side by side)
        // and a short numbering transaction per key gives the committed ones their cursors in
        // lock order (EventLog::number). The rows get an id from the database ({{ID}}: an identity
        // on PostgreSQL, the rowid on SQLite) that orders them within a numbering; readers take
        // only numbered rows. Both tables rebuilt, rows copied; the sweep finds the unnumbered
        // rows by a partial index.
        {
            QStringLiteral("CREATE TABLE hall_events_v3 ("
                           " id {{ID}},"
                           " hall_key VARCHAR(40) NOT NULL,"
                           " cursor_no INTEGER CHECK (cursor_no >= 1),"
                           " type VARCHAR(16) NOT NULL"
                           " CHECK (type IN ('call', 'recall', 'resume', 'issue', 'transfer')),"
                           " case_id VARCHAR(64) NOT NULL,"
                           " item_id VARCHAR(36),"
                           " at VARCHAR(32) NOT NULL,"
                           " data TEXT NOT NULL,"
                           " UNIQUE (hall_key, cursor_no))"),
            QStringLiteral("INSERT INTO hall_events_v3 (hall_key, cursor_no, type, case_id, item_id, at, data)"
                           " SELECT hall_key, cursor_no, type, case_id, item_id, at, data FROM hall_events"
                           " ORDER BY hall_key, cursor_no"),
            QStringLiteral("DROP TABLE hall_events"),
            QStringLiteral("ALTER TABLE hall_events_v3 RENAME TO hall_events"),
            QStringLiteral("CREATE INDEX hall_events_unnumbered ON hall_events (hall_key) WHERE cursor_no IS NULL"),
            QStringLiteral("CREATE TABLE events_v4 ("
                           " id {{ID}},"
                           " window_key_id VARCHAR(40) NOT NULL REFERENCES windows (key_id),"
                           " cursor_no INTEGER CHECK (cursor_no >= 1),"
                           " type VARCHAR(16) NOT NULL"
                           "  CHECK (type IN ('confirmed', 'routed', 'held', 'decided', 'ready', 'handout')),"
                           " case_id VARCHAR(64) NOT NULL,"
                           " item_id VARCHAR(36),"
                           " at VARCHAR(32) NOT NULL,"
                           " data TEXT NOT NULL,"
                           " UNIQUE (window_key_id, cursor_no))"),
            QStringLiteral("INSERT INTO events_v4 (window_key_id, cursor_no, type, case_id, item_id, at, data)"
                           " SELECT window_key_id, cursor_no, type, case_id, item_id, at, data FROM events"
                           " ORDER BY window_key_id, cursor_no"),
            QStringLiteral("DROP TABLE events"),
            QStringLiteral("ALTER TABLE events_v4 RENAME TO events"),
            QStringLiteral("CREATE INDEX events_unnumbered ON events (window_key_id) WHERE cursor_no IS NULL"),
        },
        // Call next reads the waiting line in its order (issue 23): one partial index over the
        // waiting tickets per class of QueueRules::orderKey (overdue by queued_at, on-time
        // appointments by slot, the rest by rank_key; number breaks ties), so a call walks a few
        // entries of one index instead of sorting every waiting ticket of the hall.
        {
            QStringLiteral("CREATE INDEX tickets_next_overdue ON tickets (hall, queued_at, number)"
                           " WHERE state IN ('waiting', 'transferred')"),
            QStringLiteral("CREATE INDEX tickets_next_appointment ON tickets (hall, slot_start, number)"
                           " WHERE state IN ('waiting', 'transferred') AND rank_class = 1"),
            QStringLiteral("CREATE INDEX tickets_next_rank ON tickets (hall, rank_key, number)"
                           " WHERE state IN ('waiting', 'transferred')"),
        },
    };
    return all;
}

// pg_advisory_xact_lock key of the migrations ("OWDB" in ASCII).
constexpr qint64 kMigrationLock = 0x4F574442;

// Reconnection backoff (PostgreSQL): the first attempt at once, then 100 ms doubling to 1 s, so
// the server serves again within about a second of the database's return.
constexpr int kFirstBackoffMs = 100;
constexpr int kMaxBackoffMs = 1000;
// Reconnections by any connection of the process (the workers' each have their own).
std::atomic<quint64> g_reconnects {0};
// Prepared statements kept per connection (the SQL texts are a fixed set; a bound on mistakes).
constexpr qsizetype kMaxPrepared = 512;

thread_local Database::Fault t_fault = Database::Fault::None;

qint64 monotonicMs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

// "? … ?" → "$1 … $2" outside quoted literals (PostgreSQL's PREPARE).
QString pgPlaceholders(const QString &sql)
{
    QString out;
    out.reserve(sql.size() + 16);
    bool quoted = false;
    int n = 0;
    for (const QChar c : sql) {
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        if (c == QLatin1Char('?') && !quoted)
            out += QLatin1Char('$') + QString::number(++n);
        else
            out += c;
    }
    return out;
}

bool holdsNul(const QVariant &v)
{
    return v.metaType().id() == QMetaType::QString && v.toString().contains(QChar(u'\0'));
}

} // namespace

Database::Database(QString connection, Dialect dialect)
    : m_connection(std::move(connection))
    , m_dialect(dialect)
{ }

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

int Database::latestSchemaVersion()
{
    return int(migrations().size());
}

bool Database::isPostgresUrl(const QString &url)
{
    return url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"));
}

QString Database::displayUrl(const QString &url)
{
    return QUrl(url).toString(QUrl::RemovePassword);
}

QString Database::forUpdate() const
{
    return m_dialect == Dialect::Postgres ? QStringLiteral(" FOR UPDATE") : QString();
}

Result<std::unique_ptr<Database>> Database::open(const QString &dataDir, const QString &url)
{
    using R = Result<std::unique_ptr<Database>>;
    const QString name = QStringLiteral("ow-backoffice-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!url.isEmpty()) {
        if (!isPostgresUrl(url))
            return R::failure(QStringLiteral("--db takes a postgresql://user[:password]@host[:port]/dbname URL, not %1")
                                  .arg(displayUrl(url)));
        const QUrl u(url, QUrl::StrictMode);
        const QString dbName = u.path().mid(1);
        if (!u.isValid() || u.host().isEmpty() || dbName.isEmpty() || dbName.contains(QLatin1Char('/')))
            return R::failure(
                QStringLiteral("%1 is not a postgresql://user[:password]@host[:port]/dbname URL").arg(displayUrl(url)));
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return R::failure(QStringLiteral("The Qt PostgreSQL driver (QPSQL, Debian package libqt6sql6-psql) is"
                                             " not installed."));
        std::unique_ptr<Database> self(new Database(name, Dialect::Postgres));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(u.host());
            db.setPort(u.port(5432));
            db.setDatabaseName(dbName);
            db.setUserName(u.userName());
            db.setPassword(u.password());
            // libpq options from the URL's query; a connect timeout unless the URL names one.
            QStringList options;
            bool timeout = false;
            for (const auto &item : QUrlQuery(u).queryItems(QUrl::FullyDecoded)) {
                options << item.first + QLatin1Char('=') + item.second;
                timeout = timeout || item.first == QLatin1String("connect_timeout");
            }
            if (!timeout)
                options << QStringLiteral("connect_timeout=10");
            options << QStringLiteral("application_name=onewindow-backoffice");
            db.setConnectOptions(options.join(QLatin1Char(';')));
            if (!db.open())
                return R::failure(
                    QStringLiteral("Cannot open %1: %2").arg(displayUrl(url), db.lastError().text().trimmed()));
        }
        if (!self->configureSession())
            return R::failure(self->lastError());
        const QString migrated = self->migrate();
        if (!migrated.isEmpty())
            return R::failure(migrated);
        return R(std::move(self));
    }

    QDir dir(dataDir);
    if (!dir.exists() && !QDir().mkpath(dataDir))
        return R::failure(QStringLiteral("Cannot create the data folder %1").arg(dataDir));
    QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString path = dir.filePath(fileName());
    const bool fresh = !QFile::exists(path);

    std::unique_ptr<Database> self(new Database(name, Dialect::Sqlite));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return R::failure(QStringLiteral("Cannot open %1: %2").arg(path, db.lastError().text()));
    }
    if (fresh)
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    // SQLite only: write-ahead log (readers never block the writer) and enforced foreign keys.
    // PostgreSQL has both by default.
    for (const QString &pragma :
        {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA foreign_keys=ON")}) {
        auto q = self->exec(pragma);
        if (!q)
            return R::failure(q.error());
    }
    self->m_walPath = path + QStringLiteral("-wal");
    const QString migrated = self->migrate();
    if (!migrated.isEmpty())
        return R::failure(migrated);
    return R(std::move(self));
}

QString Database::checkpoint()
{
    if (m_dialect != Dialect::Sqlite)
        return QString();
    auto q = exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    if (!q)
        return q.error();
    // One row: busy (1 when a reader kept it from finishing), log frames, frames checkpointed.
    if (q.value().next() && q.value().value(0).toInt() != 0)
        return QStringLiteral("the checkpoint was blocked by a reader (%1 of %2 frames copied)")
            .arg(q.value().value(2).toLongLong())
            .arg(q.value().value(1).toLongLong());
    return QString();
}

QString Database::copyTo(const QString &file)
{
    if (m_dialect != Dialect::Sqlite)
        return QStringLiteral("A PostgreSQL database is copied with pg_dump.");
    QString quoted = file;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    auto q = exec(QStringLiteral("VACUUM INTO '%1'").arg(quoted));
    return q ? QString() : q.error();
}

Database::Fault Database::threadFault()
{
    return t_fault;
}

void Database::fail(Fault fault, const QString &message)
{
    m_lastError = message;
    m_fault = fault;
    t_fault = fault;
    m_retryable = false;
    m_commitUnknown = false;
    m_lostBeforeSending = false;
}

bool Database::connectionLost(const QSqlError &error) const
{
    if (m_dialect != Dialect::Postgres)
        return false;
    // SQLSTATE class 08 (connection exception); 57P01-57P03: the server is shutting down or
    // starting up (it ended this session).
    const QString code = error.nativeErrorCode();
    if (code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01") || code == QLatin1String("57P02")
        || code == QLatin1String("57P03"))
        return true;
    if (error.type() == QSqlError::ConnectionError)
        return true;
    // No SQLSTATE when the socket simply closed: libpq's own view of the connection.
    return !postgresConnectionOk(QSqlDatabase::database(m_connection, false));
}

bool Database::postgresConnectionOk(const QSqlDatabase &db)
{
    // QPSQL's handle is a PGconn* (its metatype is named after the struct, pg_conn*); anything
    // else is not a connection libpq can judge.
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return true;
    PGconn *conn = *static_cast<PGconn *const *>(handle.constData());
    return conn == nullptr || PQstatus(conn) == CONNECTION_OK;
}

void Database::setError(const QSqlError &error, const QString &context)
{
    Metrics::global().databaseError();
    m_lastError = error.text().trimmed();
    if (!context.isEmpty())
        m_lastError += QStringLiteral(" in: ") + context;
    // SQLSTATE (QPSQL): 40001 serialization_failure, 40P01 deadlock_detected, 23505 unique_violation.
    const QString code = error.nativeErrorCode();
    m_retryable = m_dialect == Dialect::Postgres
        && (code == QLatin1String("40001") || code == QLatin1String("40P01") || code == QLatin1String("23505"));
    m_commitUnknown = false;
    m_lostBeforeSending = false;
    Fault fault = Fault::Other;
    if (m_dialect == Dialect::Postgres) {
        if (connectionLost(error)) {
            fault = Fault::Unavailable;
            if (!m_broken)
                std::fprintf(stderr, "onewindow-backoffice: lost the database connection; reconnecting\n");
            m_broken = true;
            m_nextAttemptMs = 0; // the first attempt at once
            // 57P0x came before our statement was read: it did not run.
            m_lostBeforeSending = code.startsWith(QLatin1String("57P0"));
            if (m_inTransaction) {
                // The server rolled the transaction back, unless COMMIT itself was on its way.
                if (context == QLatin1String("COMMIT") && !m_lostBeforeSending)
                    m_commitUnknown = true;
                else
                    m_retryable = true;
            }
        } else if (code == QLatin1String("53100")) { // disk_full ("could not extend file")
            fault = Fault::Full;
        } else if (code.startsWith(QLatin1String("22"))) { // data exception: the value, not the server
            fault = Fault::BadInput;
        } else if (code == QLatin1String("53300")) { // too many connections: the server is there but full
            fault = Fault::Unavailable;
        }
    } else {
        // A lock held past the busy timeout (SQLITE_BUSY) stays storage-unavailable, like
        // PostgreSQL's lock_timeout: the database is there, another writer holds it.
        switch (code.toInt() & 0xff) {
        case 13: fault = Fault::Full; break; // SQLITE_FULL
        case 18: // SQLITE_TOOBIG
        case 20: fault = Fault::BadInput; break; // SQLITE_MISMATCH
        default: break;
        }
    }
    m_fault = fault;
    t_fault = fault;
}

bool Database::configureSession()
{
    if (m_dialect != Dialect::Postgres)
        return true;
    // A lock held by another session fails after 5 s (503) like SQLite's busy timeout, instead
    // of stalling the request; UTC so that nothing depends on the server's zone.
    for (const QString &set : {QStringLiteral("SET lock_timeout = '5s'"), QStringLiteral("SET TIME ZONE 'UTC'"),
             QStringLiteral("SET client_min_messages = warning"), AppendBatcher::sessionSetup()}) {
        if (!run(set, {}))
            return false;
    }
    return true;
}

bool Database::reopen()
{
    m_prepared.clear(); // they lived on the old connection
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.close();
    if (!db.open()) {
        fail(Fault::Unavailable,
            QStringLiteral("The database is not reachable: %1").arg(db.lastError().text().trimmed()));
        return false;
    }
    if (!configureSession()) {
        const QString why = m_lastError;
        db.close();
        fail(Fault::Unavailable, why);
        return false;
    }
    return true;
}

bool Database::ensureConnected()
{
    if (!m_broken)
        return true;
    const qint64 now = monotonicMs();
    // Waiting out the backoff only while no other connection has got through: once one has, the
    // database is back, and every worker serves again at its next request, not up to 1 s later.
    if (now < m_nextAttemptMs && g_reconnects.load() == m_reconnectsSeen) {
        fail(Fault::Unavailable,
            QStringLiteral("The database is not reachable; the next attempt is in %1 ms.").arg(m_nextAttemptMs - now));
        return false;
    }
    if (reopen()) {
        m_broken = false;
        m_backoffMs = kFirstBackoffMs;
        m_nextAttemptMs = 0;
        ++g_reconnects;
        std::fprintf(stderr, "onewindow-backoffice: reconnected to the database\n");
        return true;
    }
    m_nextAttemptMs = now + m_backoffMs;
    m_backoffMs = std::min(m_backoffMs * 2, kMaxBackoffMs);
    m_reconnectsSeen = g_reconnects.load();
    return false;
}

Result<QSqlQuery> Database::run(const QString &sql, const QVariantList &binds)
{
    m_statements.fetch_add(1, std::memory_order_relaxed);
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    // Without binds the statement runs as it is: QPSQL prepares with PREPARE, which PostgreSQL
    // takes only for SELECT/INSERT/UPDATE/DELETE, not for CREATE TABLE or SET.
    if (binds.isEmpty()) {
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            setError(q.lastError(), sql);
            return Result<QSqlQuery>::failure(m_lastError);
        }
        t_fault = Fault::None;
        return q;
    }
    if (m_dialect == Dialect::Postgres) {
        // Prepared once per connection: afterwards one EXECUTE goes to the server (QPSQL's own
        // prepare() would PREPARE, EXECUTE and DEALLOCATE every time). The values are written as
        // QPSQL writes them for its EXECUTE (QSqlDriver::formatValue: escaped by libpq).
        auto it = m_prepared.find(sql);
        if (it == m_prepared.end()) {
            if (m_prepared.size() >= kMaxPrepared) {
                QSqlQuery drop(db);
                if (!drop.exec(QStringLiteral("DEALLOCATE ALL"))) {
                    setError(drop.lastError(), QStringLiteral("DEALLOCATE ALL"));
                    return Result<QSqlQuery>::failure(m_lastError);
                }
                m_prepared.clear();
            }
            const QString name = QStringLiteral("ow_%1").arg(++m_preparedSeq);
            QSqlQuery prepare(db);
            m_statements.fetch_add(1, std::memory_order_relaxed);
            if (!prepare.exec(QStringLiteral("PREPARE %1 AS %2").arg(name, pgPlaceholders(sql)))) {
                setError(prepare.lastError(), sql);
                return Result<QSqlQuery>::failure(m_lastError);
            }
            it = m_prepared.insert(sql, name);
        }
        QString call = QStringLiteral("EXECUTE ") + it.value() + QStringLiteral(" (");
        for (qsizetype i = 0; i < binds.size(); ++i) {
            QSqlField field(QString(), binds.at(i).metaType());
            field.setValue(binds.at(i));
            if (i > 0)
                call += QLatin1String(", ");
            call += db.driver()->formatValue(field);
        }
        call += QLatin1Char(')');
        QSqlQuery q(db);
        if (!q.exec(call)) {
            setError(q.lastError(), sql);
            return Result<QSqlQuery>::failure(m_lastError);
        }
        t_fault = Fault::None;
        return q;
    }
    QSqlQuery q(db);
    if (!q.prepare(sql)) {
        setError(q.lastError(), sql);
        return Result<QSqlQuery>::failure(m_lastError);
    }
    for (qsizetype i = 0; i < binds.size(); ++i)
        q.bindValue(int(i), binds.at(i));
    if (!q.exec()) {
        setError(q.lastError(), sql);
        return Result<QSqlQuery>::failure(m_lastError);
    }
    t_fault = Fault::None;
    return q;
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &binds)
{
    // PostgreSQL's text cannot hold NUL (and QPSQL would cut the statement there); SQLite's could,
    // but the same input gets the same answer on every backend: 400, before the database.
    for (const QVariant &v : binds) {
        if (holdsNul(v)) {
            fail(Fault::BadInput, QStringLiteral("A text value holds a NUL character, which is not stored."));
            return Result<QSqlQuery>::failure(m_lastError);
        }
    }
    if (!ensureConnected())
        return Result<QSqlQuery>::failure(m_lastError);
    auto q = run(sql, binds);
    if (q || m_inTransaction || !m_broken)
        return q;
    // The connection was lost outside a transaction: a read, or a statement the server refused
    // while shutting down, runs once more on a new connection (a write whose fate is unknown
    // does not).
    const bool safe = m_lostBeforeSending || sql.trimmed().startsWith(QLatin1String("SELECT"), Qt::CaseInsensitive);
    if (!safe || !ensureConnected())
        return Result<QSqlQuery>::failure(m_lastError);
    return run(sql, binds);
}

bool Database::startTransaction(QSqlDatabase &db, QSqlError *error)
{
    if (m_dialect != Dialect::Sqlite) {
        if (db.transaction())
            return true;
        *error = db.lastError();
        return false;
    }
    // SQLite has one writer. The server's workers each hold a connection: a deferred BEGIN that
    // reads and then writes fails at once (SQLITE_BUSY, no waiting) when another connection
    // committed in between; BEGIN IMMEDIATE takes the write lock first, waiting up to the busy
    // timeout, so concurrent transactions queue instead of failing.
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return true;
    *error = q.lastError();
    return false;
}

bool Database::begin()
{
    if (!ensureConnected())
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    m_statements.fetch_add(1, std::memory_order_relaxed);
    QSqlError error;
    if (startTransaction(db, &error)) {
        m_inTransaction = true;
        return true;
    }
    setError(error, QStringLiteral("BEGIN"));
    // BEGIN on a connection found lost: nothing was done yet; on a new connection, once more.
    if (m_broken && ensureConnected()) {
        db = QSqlDatabase::database(m_connection, false);
        m_statements.fetch_add(1, std::memory_order_relaxed);
        if (startTransaction(db, &error)) {
            m_inTransaction = true;
            return true;
        }
        setError(error, QStringLiteral("BEGIN"));
    }
    return false;
}

bool Database::commit()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    m_statements.fetch_add(1, std::memory_order_relaxed);
    if (db.commit()) {
        m_inTransaction = false;
        return true;
    }
    setError(db.lastError(), QStringLiteral("COMMIT"));
    m_inTransaction = false;
    if (!m_broken)
        db.rollback();
    return false;
}

void Database::rollback()
{
    m_inTransaction = false;
    if (m_broken)
        return; // the server ended the transaction with the connection
    m_statements.fetch_add(1, std::memory_order_relaxed);
    QSqlDatabase::database(m_connection, false).rollback();
}

QString Database::lastError() const
{
    return m_lastError;
}

QString Database::audit(const QString &actor, const QString &action, const QString &detail)
{
    auto q = exec(QStringLiteral("INSERT INTO audit (id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)"),
        {QUuid::createUuid().toString(QUuid::WithoutBraces), isoUtc(QDateTime::currentDateTimeUtc()), actor, action,
            detail});
    return q ? QString() : q.error();
}

int Database::schemaVersion()
{
    auto q = exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    return q && q.value().next() ? q.value().value(0).toInt() : 0;
}

QString Database::migrate()
{
    // One transaction per migration. On PostgreSQL each takes a transaction-scoped advisory lock
    // first, so of two processes starting at once one migrates and the other then sees the new
    // version (the lock also covers the CREATE TABLE IF NOT EXISTS, which races on PostgreSQL).
    for (;;) {
        if (!begin())
            return m_lastError;
        if (m_dialect == Dialect::Postgres) {
            auto locked = exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLock));
            if (!locked) {
                rollback();
                return locked.error();
            }
        }
        auto made = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                        " version INTEGER PRIMARY KEY, applied_at VARCHAR(32) NOT NULL)"));
        if (!made) {
            rollback();
            return made.error();
        }
        auto version = exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
        if (!version) {
            rollback();
            return version.error();
        }
        const int current = version.value().next() ? version.value().value(0).toInt() : 0;
        version.value().finish(); // SQLite drops no table (a rebuild) while a statement is active
        if (current > latestSchemaVersion()) {
            rollback();
            return QStringLiteral("The database has schema %1, newer than this back office (%2).")
                .arg(current)
                .arg(latestSchemaVersion());
        }
        if (current == latestSchemaVersion())
            return commit() ? QString() : m_lastError;
        for (QString sql : migrations().at(current)) {
            // A generated row id, the one column type the two spell differently.
            sql.replace(QLatin1String("{{ID}}"),
                m_dialect == Dialect::Postgres ? QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
                                               : QLatin1String("INTEGER PRIMARY KEY"));
            auto q = exec(sql);
            if (!q) {
                rollback();
                return q.error();
            }
        }
        auto q = exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"),
            {current + 1, isoUtc(QDateTime::currentDateTimeUtc())});
        if (!q) {
            rollback();
            return q.error();
        }
        if (!commit())
            return m_lastError;
    }
}

} // namespace ow::backoffice
