#include "onewindow/store/Store.h"

#include "onewindow/store/Migrations.h"

#include <QAtomicInt>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace ow::store {

namespace {

QAtomicInt s_connectionCounter;

int userVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

} // namespace

Store::Store(QString connectionName, QString path, Sealer sealer)
    : m_connection(std::move(connectionName))
    , m_path(std::move(path))
    , m_sealer(std::move(sealer))
{ }

Store::Store(Store &&other) noexcept
    : m_connection(std::move(other.m_connection))
    , m_path(std::move(other.m_path))
    , m_sealer(other.m_sealer)
{
    other.m_connection.clear();
}

Store::~Store()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString Store::defaultDataDir()
{
    // Shared by the client and onewindow-tool: ~/.local/share/onewindow on Linux.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("onewindow"));
}

Result<Store> Store::open(const QString &dataDir)
{
    using R = Result<Store>;
    if (!QDir().mkpath(dataDir))
        return R::failure(tr("Cannot create the data folder %1.").arg(dataDir));
    auto sealer = Sealer::loadOrCreate(QDir(dataDir).filePath(QStringLiteral("keys")));
    if (!sealer)
        return R::failure(sealer.error());
    const QString path = QDir(dataDir).filePath(QStringLiteral("onewindow.sqlite"));
    const QString name = QStringLiteral("ow-store-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    Store store(name, path, sealer.value());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid())
            return R::failure(tr("The SQLite driver for Qt is missing (install libqt6sql6-sqlite)."));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return R::failure(tr("Cannot open the store %1: %2").arg(path, db.lastError().text()));

        QSqlQuery q(db);
        // A file that is not SQLite fails here, before anything is written.
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
            return R::failure(tr("%1 is not a OneWindow store or is damaged: %2").arg(path, q.lastError().text()));
        q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));

        const int version = userVersion(db);
        if (version < 0)
            return R::failure(tr("%1 is not a OneWindow store or is damaged.").arg(path));
        if (version > Migrations::latestVersion())
            return R::failure(tr("The store %1 was written by a newer OneWindow (schema %2; this version knows up "
                                 "to %3). Update OneWindow; the store has not been changed.")
                                  .arg(path)
                                  .arg(version)
                                  .arg(Migrations::latestVersion()));
        const QString err = Migrations::apply(db, version);
        if (!err.isEmpty())
            return R::failure(tr("Cannot upgrade the store %1: %2").arg(path, err));
    }
    return R(std::move(store));
}

QSqlDatabase Store::database() const
{
    return QSqlDatabase::database(m_connection);
}

int Store::schemaVersion() const
{
    return userVersion(database());
}

QString Store::transact(const std::function<QString(QSqlDatabase &)> &work)
{
    QSqlDatabase db = database();
    if (!db.transaction())
        return tr("The store is busy or read-only: %1").arg(db.lastError().text());
    const QString err = work(db);
    if (!err.isEmpty()) {
        db.rollback();
        return err;
    }
    if (!db.commit()) {
        const QString commitErr = db.lastError().text();
        db.rollback();
        return tr("Saving failed: %1").arg(commitErr);
    }
    return {};
}

} // namespace ow::store
