#pragma once

#include <QFile>
#include <QTemporaryDir>

// A private SANE configuration that enables only SANE's own "test" backend (two virtual
// scanners, test:0 and test:1), so tests go through the real libsane without hardware.
// Set SANE_CONFIG_DIR to dir.path() before the first sane_init (in-process) or in the
// environment of a child process.
inline bool writeSaneTestConfig(const QTemporaryDir &dir, bool enabled = true)
{
    QFile dll(dir.filePath(QStringLiteral("dll.conf")));
    if (!dll.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return !enabled || dll.write("test\n") == 5;
}
