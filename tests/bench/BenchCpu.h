#pragma once

#include <QString>
#include <QtGlobal>

// CPU seconds (user + system) from /proc, for the benches that print what each side spent.
namespace benchcpu {

// What a process spent, from /proc/PID/stat; with `children`, also what its children that have
// exited spent; `parent` gets its parent's pid. -1 if unreadable.
double processSeconds(qint64 pid, bool children, qint64 *parent = nullptr);
// PostgreSQL's: the postmaster with its exited children and every live child (backends, WAL
// writer, checkpointer). -1 without the data folder (its postmaster.pid).
double postgresSeconds(const QString &pgData);

} // namespace benchcpu
