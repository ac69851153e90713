#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/store/Sealer.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace ow::store {

// The local SQLite store. One Store per thread (QSqlDatabase connections are per thread).
class Store
{
    Q_DECLARE_TR_FUNCTIONS(Store)

public:
    ~Store();
    Store(Store &&other) noexcept;
    Store &operator=(Store &&) = delete;
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Opens (creating if needed) the store in `dataDir`, migrating it to the current schema, with
    // the data key of <dataDir>/keys (made on first use).
    struct Options
    {
        // PRAGMA synchronous: FULL, so a committed case (its number may be on paper already)
        // survives a power cut. Only the intake benchmark sets NORMAL, to measure the cost.
        QString synchronous = QStringLiteral("FULL");
    };
    static Result<Store> open(const QString &dataDir, const Options &options);
    static Result<Store> open(const QString &dataDir) { return open(dataDir, Options()); }
    // The standard per-user location shared by the client and the tool (~/.local/share/onewindow).
    static QString defaultDataDir();

    QSqlDatabase database() const;
    QString path() const { return m_path; }
    int schemaVersion() const;
    // The PRAGMA synchronous in effect ("FULL" unless Options said otherwise).
    QString synchronousMode() const;
    // Seals and opens the personal data of this store (the data key of <dataDir>/keys).
    const Sealer &sealer() const { return m_sealer; }

    // Runs `work` in one transaction: committed if it returns an empty string, rolled back and
    // the message returned otherwise (also when the commit itself fails).
    QString transact(const std::function<QString(QSqlDatabase &)> &work);

    // Test seam for failing writes (a full disk, a store gone read-only): while set, every
    // transact() fails with this message and writes nothing. Empty clears it.
    void setWriteFault(const QString &message) { m_writeFault = message; }

private:
    Store(QString connectionName, QString path, Sealer sealer);
    static QString migrate(QSqlDatabase &db, const QString &path, const Sealer &sealer);
    QString m_connection;
    QString m_path;
    Sealer m_sealer;
    QString m_writeFault;
};

} // namespace ow::store
