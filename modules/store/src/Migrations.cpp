#include "onewindow/store/Migrations.h"

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
        // 2 → 3 (issue 10, item 11): an index for every query the client runs on cases. The
        // Cases page pages by (window, updated_at, id) newest first; resumeLatest finds the newest
        // open case through a partial index of the open ones (a few rows, not the whole window).
        // Case numbers are UNIQUE (an index already); states have cases_state.
        {
            QStringLiteral("CREATE INDEX IF NOT EXISTS cases_window_updated ON cases(window_code, updated_at, id)"),
            QStringLiteral("CREATE INDEX IF NOT EXISTS cases_open ON cases(window_code, updated_at)"
                           " WHERE state NOT IN ('done', 'abandoned')"),
        },
    };
    return s;
}

int Migrations::latestVersion()
{
    return int(steps().size());
}

QString Migrations::apply(QSqlDatabase &db, int from)
{
    // The caller (Store::open) holds one exclusive transaction around all the steps.
    QSqlQuery q(db);
    for (int v = from; v < latestVersion(); ++v) {
        for (const QString &sql : steps().at(v)) {
            if (!q.exec(sql))
                return QStringLiteral("migration %1→%2: %3").arg(v).arg(v + 1).arg(q.lastError().text());
        }
    }
    if (from < latestVersion() && !q.exec(QStringLiteral("PRAGMA user_version = %1").arg(latestVersion())))
        return QStringLiteral("migration %1→%2: %3").arg(from).arg(latestVersion()).arg(q.lastError().text());
    return {};
}

} // namespace ow::store
