#pragma once

#include "onewindow/core/Result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

namespace ow::backoffice {

// The back office's own database, created and migrated on open: <data dir>/backoffice.sqlite
// (WAL) by default, or PostgreSQL through QPSQL with a `postgresql://user[:password]@host[:port]/db`
// URL. The SQL is kept to what SQLite and PostgreSQL both accept (see the README): the same
// migrations and queries run on both; what differs is behind dialect(), forUpdate() and open().
class Database
{
public:
    enum class Dialect { Sqlite, Postgres };

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // `url` empty: SQLite in dataDir; otherwise a postgresql:// (or postgres://) URL; query items
    // (`?sslmode=verify-full&connect_timeout=5`) are passed to libpq as connection options.
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString &dataDir, const QString &url = {});
    static QString fileName() { return QStringLiteral("backoffice.sqlite"); }
    static bool isPostgresUrl(const QString &url);
    // The URL without its password, for messages and logs.
    static QString displayUrl(const QString &url);

    Dialect dialect() const { return m_dialect; }
    // " FOR UPDATE" on PostgreSQL (row lock until the transaction ends), "" on SQLite, whose one
    // writer at a time already serialises transactions.
    QString forUpdate() const;

    // Prepares, binds (positional ?) and runs one statement.
    [[nodiscard]] Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    [[nodiscard]] bool begin();
    [[nodiscard]] bool commit();
    void rollback();
    QString lastError() const;
    // True when the last failure is worth running the whole transaction again: a serialization
    // failure, a deadlock or a unique violation from a concurrent writer (PostgreSQL).
    bool lastErrorRetryable() const { return m_retryable; }
    // One line in table audit (who did what); "" or the error.
    QString audit(const QString &actor, const QString &action, const QString &detail);
    int schemaVersion();
    static int latestSchemaVersion();

    // SQLite: the write-ahead log's file (backoffice.sqlite-wal), "" on PostgreSQL.
    QString walPath() const { return m_walPath; }
    // SQLite: copies the log's pages into the database file and truncates the log
    // (wal_checkpoint(TRUNCATE)); "" or why not (busy: a reader still needs the log). PostgreSQL:
    // nothing to do.
    [[nodiscard]] QString checkpoint();
    // A consistent copy of the whole database into a new SQLite file (VACUUM INTO, one read
    // transaction: writers go on meanwhile). SQLite only; "" or the error.
    [[nodiscard]] QString copyTo(const QString &file);

private:
    Database(QString connection, Dialect dialect);
    QString migrate();
    void setError(const QSqlError &error, const QString &context);

    QString m_connection;
    Dialect m_dialect = Dialect::Sqlite;
    QString m_lastError;
    QString m_walPath;
    bool m_retryable = false;
};

} // namespace ow::backoffice
