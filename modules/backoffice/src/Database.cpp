#include "onewindow/backoffice/Database.h"

#include "onewindow/backoffice/Clock.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QStringList>
#include <QUuid>

namespace ow::backoffice {

namespace {

// Each migration is a list of statements in plain SQL that SQLite and PostgreSQL both run:
// VARCHAR/INTEGER/TEXT columns, CHECK constraints, no AUTOINCREMENT/SERIAL (keys are natural or
// UUIDs), timestamps as ISO 8601 text, public keys as base64 text (no BLOB/BYTEA).
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
    };
    return all;
}

} // namespace

Database::Database(QString connection)
    : m_connection(std::move(connection))
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

Result<std::unique_ptr<Database>> Database::open(const QString &dataDir)
{
    using R = Result<std::unique_ptr<Database>>;
    QDir dir(dataDir);
    if (!dir.exists() && !QDir().mkpath(dataDir))
        return R::failure(QStringLiteral("Cannot create the data folder %1").arg(dataDir));
    QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString path = dir.filePath(fileName());
    const bool fresh = !QFile::exists(path);

    const QString name = QStringLiteral("ow-backoffice-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<Database> self(new Database(name));
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
    const QString migrated = self->migrate();
    if (!migrated.isEmpty())
        return R::failure(migrated);
    return R(std::move(self));
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.prepare(sql)) {
        m_lastError = q.lastError().text() + QStringLiteral(" in: ") + sql;
        return Result<QSqlQuery>::failure(m_lastError);
    }
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        m_lastError = q.lastError().text() + QStringLiteral(" in: ") + sql;
        return Result<QSqlQuery>::failure(m_lastError);
    }
    return q;
}

bool Database::begin()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (db.transaction())
        return true;
    m_lastError = db.lastError().text();
    return false;
}

bool Database::commit()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (db.commit())
        return true;
    m_lastError = db.lastError().text();
    db.rollback();
    return false;
}

void Database::rollback()
{
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
    auto made = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                    " version INTEGER PRIMARY KEY, applied_at VARCHAR(32) NOT NULL)"));
    if (!made)
        return made.error();
    const int current = schemaVersion();
    if (current > latestSchemaVersion())
        return QStringLiteral("The database has schema %1, newer than this back office (%2).")
            .arg(current)
            .arg(latestSchemaVersion());
    for (int v = current + 1; v <= latestSchemaVersion(); ++v) {
        if (!begin())
            return m_lastError;
        for (const QString &sql : migrations().at(v - 1)) {
            auto q = exec(sql);
            if (!q) {
                rollback();
                return q.error();
            }
        }
        auto q = exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"),
            {v, isoUtc(QDateTime::currentDateTimeUtc())});
        if (!q || !commit()) {
            rollback();
            return m_lastError;
        }
    }
    return QString();
}

} // namespace ow::backoffice
