#pragma once

#include "onewindow/core/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

namespace ow::backoffice {

// The back office's own database: <data dir>/backoffice.sqlite (WAL), created and migrated on
// first open. The SQL is kept to what SQLite and PostgreSQL both accept (see the README), so the
// same migrations and queries can run through QPSQL later; only open() is SQLite-specific.
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString &dataDir);
    static QString fileName() { return QStringLiteral("backoffice.sqlite"); }

    // Prepares, binds (positional ?) and runs one statement.
    [[nodiscard]] Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    [[nodiscard]] bool begin();
    [[nodiscard]] bool commit();
    void rollback();
    QString lastError() const;
    // One line in table audit (who did what); "" or the error.
    QString audit(const QString &actor, const QString &action, const QString &detail);
    int schemaVersion();
    static int latestSchemaVersion();

private:
    explicit Database(QString connection);
    QString migrate();

    QString m_connection;
    QString m_lastError;
};

} // namespace ow::backoffice
