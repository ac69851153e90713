#pragma once

#include "onewindow/core/Result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <atomic>
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
    // What a failed statement means for the caller's answer (ApiReply::storage): the database is
    // away (503 database-unavailable with Retry-After; PostgreSQL reconnects by itself), the disk
    // under it is full (507), the input cannot be stored on this backend (400: a NUL in text, a
    // value PostgreSQL refuses as data), or anything else (503 storage-unavailable).
    enum class Fault { None, Unavailable, Full, BadInput, Other };

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

    // Prepares, binds (positional ?) and runs one statement. On PostgreSQL a statement with binds
    // is prepared once per connection and kept (EXECUTE only afterwards): read a result before
    // running the same SQL again. Text with a NUL character is refused (Fault::BadInput) on every
    // backend before it reaches the database. A lost PostgreSQL connection is opened again, with
    // a backoff (100 ms doubling to 1 s) between attempts while the server stays away; a SELECT
    // (or any statement the server refused because it was shutting down) outside a transaction
    // runs again on the new connection.
    [[nodiscard]] Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    [[nodiscard]] bool begin();
    [[nodiscard]] bool commit();
    void rollback();
    QString lastError() const;
    // True when the last failure is worth running the whole transaction again: a serialization
    // failure, a deadlock or a unique violation from a concurrent writer (PostgreSQL), or a
    // connection lost before COMMIT was sent (the server rolled the transaction back; the next
    // begin() reconnects).
    bool lastErrorRetryable() const { return m_retryable; }
    // True when the connection was lost while COMMIT was on its way: the transaction may or may
    // not have been committed. Only a transaction whose re-run is idempotent (a case-log append,
    // where the same entry again is acknowledged again) may run again.
    bool lastCommitUnknown() const { return m_commitUnknown; }
    Fault lastFault() const { return m_fault; }
    // The fault of the last failure on the calling thread (ApiReply::storage); None after a
    // statement that succeeded.
    static Fault threadFault();
    // Statements sent so far (exec, BEGIN, COMMIT, ROLLBACK), for tests and benchmarks.
    qint64 statementCount() const { return m_statements.load(std::memory_order_relaxed); }
    // Reconnects now if the connection was lost and the backoff allows; false while away.
    [[nodiscard]] bool ensureConnected();
    // False when `db` is a QPSQL connection that libpq knows is lost (no query is sent).
    static bool postgresConnectionOk(const QSqlDatabase &db);
    // The connection's parameters, for a second connection of this process (a LISTEN connection).
    QString connectionName() const { return m_connection; }
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
    // BEGIN (SQLite: BEGIN IMMEDIATE); false and the error when it failed.
    bool startTransaction(QSqlDatabase &db, QSqlError *error);
    // Records a failure; `sent` is false when the statement cannot have run (the server refused it
    // while shutting down, or the connection was known to be lost).
    void setError(const QSqlError &error, const QString &context);
    void fail(Fault fault, const QString &message);
    bool connectionLost(const QSqlError &error) const;
    [[nodiscard]] bool reopen();
    [[nodiscard]] bool configureSession();
    Result<QSqlQuery> run(const QString &sql, const QVariantList &binds);

    QString m_connection;
    Dialect m_dialect = Dialect::Sqlite;
    QString m_lastError;
    QString m_walPath;
    bool m_retryable = false;
    bool m_commitUnknown = false;
    bool m_lostBeforeSending = false;
    Fault m_fault = Fault::None;
    bool m_inTransaction = false;
    bool m_broken = false;
    qint64 m_nextAttemptMs = 0;
    // The process's reconnections when this connection last failed to reconnect: when another
    // connection has got through since, the database is back and this one tries at once.
    quint64 m_reconnectsSeen = 0;
    int m_backoffMs = 100;
    QString m_connectOptions; // PostgreSQL: as opened
    QHash<QString, QString> m_prepared; // PostgreSQL: SQL text → name of its prepared statement
    qint64 m_preparedSeq = 0;
    std::atomic<qint64> m_statements {0};
};

} // namespace ow::backoffice
