#pragma once

#include "onewindow/core/Result.h"

#include <QString>

namespace ow::backoffice {

// `admin backup --to DIR` and `admin restore --from DIR [--force]`: a consistent online copy of
// the database and of every blob it names, and the way back.
//
// SQLite: `VACUUM INTO` copies the database in one read transaction (the server goes on writing);
// then every blob the copy names (and the part file of every upload the copy has open) is copied
// from the blob store. Blob files are written before their row commits and never change, so the
// copy's blobs are all there. PostgreSQL: `pg_dump --format=custom` (Debian's postgresql-client),
// then every blob the database names once the dump is done (a superset of the dump's).
// The seal key is never part of a backup (keep it apart; without it nothing opens).
//
// Restore puts the blobs back first, then the database (SQLite: the file replaced, its WAL
// dropped; PostgreSQL: `pg_restore --clean --if-exists --single-transaction`), so a server started
// afterwards never names a blob it lacks. A running server holds a shared lock on
// <data dir>/server.lock: restore refuses while it is held, unless --force.
class Backup
{
public:
    static QString manifestName() { return QStringLiteral("onewindow-backup.json"); }

    // What was copied ("database + N blobs + M unfinished uploads"), or the error.
    [[nodiscard]] static Result<QString> create(const QString &dataDir, const QString &dbUrl, const QString &toDir);
    [[nodiscard]] static Result<QString> restore(
        const QString &dataDir, const QString &dbUrl, const QString &fromDir, bool force);

    // The server's shared lock on its data folder (kept for the process's life): the file
    // descriptor, or -1 with the reason in *error.
    static int holdServerLock(const QString &dataDir, QString *error);
    // True when some process (a server) holds the data folder's lock.
    static bool serverRunning(const QString &dataDir);
};

} // namespace ow::backoffice
