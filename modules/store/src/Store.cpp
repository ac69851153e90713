#include "onewindow/store/Store.h"

#include "onewindow/store/FileModes.h"
#include "onewindow/store/Migrations.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace ow::store {

namespace {

QAtomicInt s_connectionCounter;
constexpr int kBusyTimeoutMs = 10000;

// Creates an empty file with mode 0600 unless it exists (an empty file is an empty SQLite store).
QString createPrivateFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return {};
    }
    if (errno == EEXIST)
        return FileModes::makePrivateFile(path);
    return Store::tr("Cannot create the store %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
}

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
    , m_writeFault(std::move(other.m_writeFault))
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

Result<Store> Store::open(const QString &dataDir, const Options &options)
{
    using R = Result<Store>;
    // Personal data: the data folder is 0700 and every file in it 0600 (also for a store made by
    // an older version with 0755/0644).
    const QString dirErr = FileModes::makePrivateDir(dataDir);
    if (!dirErr.isEmpty())
        return R::failure(dirErr);
    auto sealer = Sealer::loadOrCreate(QDir(dataDir).filePath(QStringLiteral("keys")));
    if (!sealer)
        return R::failure(sealer.error());
    const QString path = QDir(dataDir).filePath(QStringLiteral("onewindow.sqlite"));
    // SQLite makes the WAL and SHM files with the mode of the main file: create it 0600 first.
    const QString createErr = createPrivateFile(path);
    if (!createErr.isEmpty())
        return R::failure(createErr);
    const QString name = QStringLiteral("ow-store-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    Store store(name, path, sealer.value());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid())
            return R::failure(tr("The SQLite driver for Qt is missing (install libqt6sql6-sqlite)."));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        if (!db.open())
            return R::failure(tr("Cannot open the store %1: %2").arg(path, db.lastError().text()));

        QSqlQuery q(db);
        // A file that is not SQLite fails here, before anything is written.
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
            return R::failure(tr("%1 is not a OneWindow store or is damaged: %2").arg(path, q.lastError().text()));
        q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        // A committed case (its number may already be on paper) survives a power cut.
        const QString sync = options.synchronous.toUpper();
        if (sync != u"FULL" && sync != u"NORMAL" && sync != u"EXTRA")
            return R::failure(tr("Unknown synchronous mode %1 (FULL, NORMAL or EXTRA).").arg(options.synchronous));
        q.exec(QStringLiteral("PRAGMA synchronous=%1").arg(sync));

        const QString err = migrate(db, path, store.m_sealer);
        if (!err.isEmpty())
            return R::failure(err);
    }
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QString modeErr = FileModes::makePrivateFile(path + suffix);
        if (!modeErr.isEmpty())
            return R::failure(modeErr);
    }
    return R(std::move(store));
}

QString Store::migrate(QSqlDatabase &db, const QString &path, const Sealer &sealer)
{
    // One exclusive transaction for the whole upgrade, the version read inside it: of several
    // processes opening a new store at once, one migrates and the others then find it current.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN EXCLUSIVE")))
        return tr("The store %1 is busy (another program holds it): %2").arg(path, q.lastError().text());
    const auto rollback = [&db] { QSqlQuery(db).exec(QStringLiteral("ROLLBACK")); };
    const int version = userVersion(db);
    if (version < 0) {
        rollback();
        return tr("%1 is not a OneWindow store or is damaged.").arg(path);
    }
    if (version > Migrations::latestVersion()) {
        rollback();
        return tr("The store %1 was written by a newer OneWindow (schema %2; this version knows up "
                  "to %3). Update OneWindow; the store has not been changed.")
            .arg(path)
            .arg(version)
            .arg(Migrations::latestVersion());
    }
    const QString err = Migrations::apply(db, version, sealer);
    if (!err.isEmpty()) {
        rollback();
        return tr("Cannot upgrade the store %1: %2").arg(path, err);
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const QString commitErr = q.lastError().text();
        rollback();
        return tr("Cannot upgrade the store %1: %2").arg(path, commitErr);
    }
    return {};
}

QString Store::synchronousMode() const
{
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("PRAGMA synchronous")) && q.next()) {
        switch (q.value(0).toInt()) {
        case 0: return QStringLiteral("OFF");
        case 1: return QStringLiteral("NORMAL");
        case 2: return QStringLiteral("FULL");
        case 3: return QStringLiteral("EXTRA");
        }
    }
    return {};
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
    if (!m_writeFault.isEmpty())
        return tr("Saving failed: %1").arg(m_writeFault);
    QSqlDatabase db = database();
    // IMMEDIATE: the write lock is taken at BEGIN, where SQLite waits for it (the busy timeout).
    // A deferred transaction that reads first and then writes fails at once ("database is
    // locked") when another connection of this process (the sync engine's, on its thread) has
    // committed since the read.
    QSqlQuery begin(db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return tr("The store is busy or read-only: %1").arg(begin.lastError().text());
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
