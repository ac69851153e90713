#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ow::testsupport {

// One run of a program as a person at the terminal would do it: exit code and both streams.
struct ProcessRun
{
    int exitCode = -1; // -1: crashed or timed out
    QString out;
    QString err;
};

inline ProcessRun runProcess(const QString &program, const QStringList &args,
    const QProcessEnvironment &env = QProcessEnvironment(), int timeoutMs = 30000)
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(program, args);
    ProcessRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace ow::testsupport
