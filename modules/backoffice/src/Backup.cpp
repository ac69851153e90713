#include "onewindow/backoffice/Backup.h"

#include "onewindow/backoffice/Clock.h"
#include "onewindow/backoffice/Database.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace ow::backoffice {

namespace {

QString lockPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("server.lock"));
}

QString blobRelative(const QString &sha256)
{
    return QStringLiteral("blobs/") + sha256.left(2) + QLatin1Char('/') + sha256;
}

// Copies `from` to `to` (made 0600, its folder made), replacing a file of another size; "" or why not.
QString copyFile(const QString &from, const QString &to)
{
    const QFileInfo target(to);
    if (target.exists() && target.size() == QFileInfo(from).size())
        return QString();
    QDir().mkpath(target.path());
    const QString temporary = to + QStringLiteral(".copying");
    QFile::remove(temporary);
    if (!QFile::copy(from, temporary))
        return QStringLiteral("cannot copy %1 to %2").arg(from, temporary);
    QFile::setPermissions(temporary, QFile::ReadOwner | QFile::WriteOwner);
    QFile::remove(to);
    if (!QFile::rename(temporary, to))
        return QStringLiteral("cannot rename %1 to %2").arg(temporary, to);
    return QString();
}

// Runs a PostgreSQL client program (pg_dump, pg_restore); "" or its error output.
QString runClient(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return QStringLiteral("cannot run %1 (Debian package postgresql-client)").arg(program);
    p.closeWriteChannel();
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("%1 failed: %2").arg(program, QString::fromUtf8(p.readAllStandardError()).trimmed());
    return QString();
}

// The blobs and the unfinished uploads a database names.
struct Named
{
    QStringList blobs;
    QStringList openUploads;
};

Result<Named> namedIn(QSqlDatabase db)
{
    Named named;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT sha256 FROM blobs ORDER BY sha256")))
        return Result<Named>::failure(q.lastError().text());
    while (q.next())
        named.blobs.append(q.value(0).toString());
    if (!q.exec(QStringLiteral("SELECT upload_id FROM uploads WHERE state = 'open' ORDER BY upload_id")))
        return Result<Named>::failure(q.lastError().text());
    while (q.next())
        named.openUploads.append(q.value(0).toString());
    return named;
}

// Copies the named blobs (each must be there) and the part files of the open uploads (when there
// are) from the data folder `from` to `to`.
QString copyNamed(const Named &named, const QString &from, const QString &to)
{
    for (const QString &sha : named.blobs) {
        const QString source = QDir(from).filePath(blobRelative(sha));
        if (!QFileInfo::exists(source))
            return QStringLiteral("the database names blob %1, but %2 is missing").arg(sha, source);
        const QString failed = copyFile(source, QDir(to).filePath(blobRelative(sha)));
        if (!failed.isEmpty())
            return failed;
    }
    for (const QString &id : named.openUploads) {
        const QString relative = QStringLiteral("uploads/") + id + QStringLiteral(".part");
        const QString source = QDir(from).filePath(relative);
        if (!QFileInfo::exists(source))
            continue; // expired or finished meanwhile: the upload restarts from HEAD's offset
        const QString failed = copyFile(source, QDir(to).filePath(relative));
        if (!failed.isEmpty())
            return failed;
    }
    return QString();
}

} // namespace

int Backup::holdServerLock(const QString &dataDir, QString *error)
{
    const QByteArray path = QFile::encodeName(lockPath(dataDir));
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0 || ::flock(fd, LOCK_SH | LOCK_NB) != 0) {
        *error = QStringLiteral("cannot lock %1 (a restore is running?)").arg(lockPath(dataDir));
        if (fd >= 0)
            ::close(fd);
        return -1;
    }
    return fd;
}

bool Backup::serverRunning(const QString &dataDir)
{
    const QByteArray path = QFile::encodeName(lockPath(dataDir));
    const int fd = ::open(path.constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
    ::close(fd);
    return held;
}

Result<QString> Backup::create(const QString &dataDir, const QString &dbUrl, const QString &toDir)
{
    using R = Result<QString>;
    QDir to(toDir);
    if (to.exists() && !to.isEmpty())
        return R::failure(QStringLiteral("%1 is not empty: a backup goes into a new folder.").arg(toDir));
    if (!QDir().mkpath(toDir))
        return R::failure(QStringLiteral("Cannot make %1.").arg(toDir));
    QFile::setPermissions(toDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString started = isoUtc(QDateTime::currentDateTimeUtc());
    Named named;
    QString databaseFile;
    if (dbUrl.isEmpty()) {
        auto db = Database::open(dataDir);
        if (!db)
            return R::failure(db.error());
        databaseFile = Database::fileName();
        const QString copy = to.filePath(databaseFile);
        const QString failed = db.value()->copyTo(copy);
        if (!failed.isEmpty())
            return R::failure(QStringLiteral("VACUUM INTO %1: %2").arg(copy, failed));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        // What the copy names, read from the copy itself.
        const QString connection = QStringLiteral("ow-backup-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            c.setDatabaseName(copy);
            c.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (!c.open())
                return R::failure(QStringLiteral("Cannot open the copy %1: %2").arg(copy, c.lastError().text()));
            auto found = namedIn(c);
            c.close();
            if (!found) {
                QSqlDatabase::removeDatabase(connection);
                return R::failure(found.error());
            }
            named = found.value();
        }
        QSqlDatabase::removeDatabase(connection);
    } else {
        auto db = Database::open(dataDir, dbUrl); // checks the URL and the schema
        if (!db)
            return R::failure(db.error());
        databaseFile = QStringLiteral("backoffice.pgdump");
        const QString failed = runClient(QStringLiteral("pg_dump"),
            {QStringLiteral("--format=custom"), QStringLiteral("--no-owner"), QStringLiteral("--file"),
                to.filePath(databaseFile), QStringLiteral("--dbname"), dbUrl});
        if (!failed.isEmpty())
            return R::failure(failed);
        // After the dump: the blobs the database names now, a superset of the dump's.
        auto blobs = db.value()->exec(QStringLiteral("SELECT sha256 FROM blobs ORDER BY sha256"));
        if (!blobs)
            return R::failure(blobs.error());
        while (blobs.value().next())
            named.blobs.append(blobs.value().value(0).toString());
        auto uploads = db.value()->exec(QStringLiteral("SELECT upload_id FROM uploads WHERE state = 'open'"));
        if (!uploads)
            return R::failure(uploads.error());
        while (uploads.value().next())
            named.openUploads.append(uploads.value().value(0).toString());
    }
    const QString failed = copyNamed(named, dataDir, toDir);
    if (!failed.isEmpty())
        return R::failure(failed);
    const QJsonObject manifest {{QStringLiteral("format"), QStringLiteral("onewindow-backup-1")},
        {QStringLiteral("database"), dbUrl.isEmpty() ? QStringLiteral("sqlite") : QStringLiteral("postgresql")},
        {QStringLiteral("file"), databaseFile}, {QStringLiteral("startedAt"), started},
        {QStringLiteral("finishedAt"), isoUtc(QDateTime::currentDateTimeUtc())},
        {QStringLiteral("schema"), Database::latestSchemaVersion()}, {QStringLiteral("blobs"), named.blobs.size()},
        {QStringLiteral("openUploads"), named.openUploads.size()}};
    QFile m(to.filePath(manifestName()));
    if (!m.open(QIODevice::WriteOnly) || m.write(QJsonDocument(manifest).toJson()) < 0 || !m.flush())
        return R::failure(QStringLiteral("Cannot write %1.").arg(m.fileName()));
    return QStringLiteral("backup in %1: the database (%2), %3 blobs, %4 unfinished uploads; the seal key is not in it")
        .arg(toDir, databaseFile)
        .arg(named.blobs.size())
        .arg(named.openUploads.size());
}

Result<QString> Backup::restore(const QString &dataDir, const QString &dbUrl, const QString &fromDir, bool force)
{
    using R = Result<QString>;
    QFile m(QDir(fromDir).filePath(manifestName()));
    if (!m.open(QIODevice::ReadOnly))
        return R::failure(QStringLiteral("%1 has no %2: not a finished backup.").arg(fromDir, manifestName()));
    const QJsonObject manifest = QJsonDocument::fromJson(m.readAll()).object();
    if (manifest.value(QLatin1String("format")).toString() != QLatin1String("onewindow-backup-1"))
        return R::failure(QStringLiteral("%1 is not a backup this version reads.").arg(m.fileName()));
    const bool postgres = manifest.value(QLatin1String("database")).toString() == QLatin1String("postgresql");
    if (postgres != !dbUrl.isEmpty())
        return R::failure(postgres
                ? QStringLiteral("This backup is of a PostgreSQL database: restore it with --db URL.")
                : QStringLiteral("This backup is of a SQLite database: restore it without --db."));
    if (!QDir().mkpath(dataDir))
        return R::failure(QStringLiteral("Cannot make %1.").arg(dataDir));
    if (serverRunning(dataDir) && !force)
        return R::failure(QStringLiteral("A server is running on %1 (it holds server.lock): stop it first, or give"
                                         " --force to overwrite its data under it.")
                              .arg(dataDir));
    // Blobs and unfinished uploads first: a database restored after them names nothing missing.
    int blobs = 0;
    for (const QString &sub : {QStringLiteral("blobs"), QStringLiteral("uploads")}) {
        QDirIterator it(QDir(fromDir).filePath(sub), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString source = it.next();
            const QString relative = QDir(fromDir).relativeFilePath(source);
            const QString failed = copyFile(source, QDir(dataDir).filePath(relative));
            if (!failed.isEmpty())
                return R::failure(failed);
            blobs += sub == QLatin1String("blobs") ? 1 : 0;
        }
    }
    const QString file = QDir(fromDir).filePath(manifest.value(QLatin1String("file")).toString());
    if (postgres) {
        const QString failed = runClient(QStringLiteral("pg_restore"),
            {QStringLiteral("--clean"), QStringLiteral("--if-exists"), QStringLiteral("--no-owner"),
                QStringLiteral("--single-transaction"), QStringLiteral("--dbname"), dbUrl, file});
        if (!failed.isEmpty())
            return R::failure(failed);
    } else {
        const QString target = QDir(dataDir).filePath(Database::fileName());
        const QString temporary = target + QStringLiteral(".restoring");
        QFile::remove(temporary);
        if (!QFile::copy(file, temporary))
            return R::failure(QStringLiteral("Cannot copy %1 to %2.").arg(file, temporary));
        QFile::setPermissions(temporary, QFile::ReadOwner | QFile::WriteOwner);
        // The old log and index belong to the old file: a log replayed into the restored one
        // would corrupt it.
        QFile::remove(target + QStringLiteral("-wal"));
        QFile::remove(target + QStringLiteral("-shm"));
        QFile::remove(target);
        if (!QFile::rename(temporary, target))
            return R::failure(QStringLiteral("Cannot rename %1 to %2.").arg(temporary, target));
    }
    // Opening migrates a backup from an older version, and proves it opens.
    auto db = Database::open(dataDir, dbUrl);
    if (!db)
        return R::failure(QStringLiteral("restored, but it does not open: %1").arg(db.error()));
    return QStringLiteral("restored %1 into %2: the database and %3 blobs (taken %4)")
        .arg(fromDir, dbUrl.isEmpty() ? dataDir : Database::displayUrl(dbUrl))
        .arg(blobs)
        .arg(manifest.value(QLatin1String("startedAt")).toString());
}

} // namespace ow::backoffice
