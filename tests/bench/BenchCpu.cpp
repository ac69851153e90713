#include "BenchCpu.h"

#include <QDir>
#include <QFile>
#include <QList>

#include <unistd.h>

namespace benchcpu {

double processSeconds(qint64 pid, bool children, qint64 *parent)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // After the command's closing parenthesis: state ppid … utime stime cutime cstime (fields 3–17).
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 15)
        return -1;
    if (parent)
        *parent = fields.at(1).toLongLong();
    double ticks = fields.at(11).toDouble() + fields.at(12).toDouble();
    if (children)
        ticks += fields.at(13).toDouble() + fields.at(14).toDouble();
    return ticks / double(sysconf(_SC_CLK_TCK));
}

double postgresSeconds(const QString &pgData)
{
    QFile pidFile(pgData + QStringLiteral("/postmaster.pid"));
    if (pgData.isEmpty() || !pidFile.open(QIODevice::ReadOnly))
        return -1;
    const qint64 postmaster = pidFile.readLine().trimmed().toLongLong();
    double total = processSeconds(postmaster, true);
    if (total < 0)
        return -1;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        qint64 parent = 0;
        if (!number || pid == postmaster)
            continue;
        const double own = processSeconds(pid, false, &parent);
        if (own >= 0 && parent == postmaster)
            total += own;
    }
    return total;
}

} // namespace benchcpu
