#pragma once

#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

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

// The same for a program that talks to devices simulated in this process: the simulators answer
// from umockdev's thread and need this thread's event loop turning (unplug and replug requests land
// here), so the wait keeps processing events, calling `whileRunning` between slices.
inline ProcessRun runProcessServingEvents(
    const QString &program, const QStringList &args, const std::function<void()> &whileRunning = {})
{
    QProcess p;
    p.start(program, args);
    ProcessRun r;
    if (!p.waitForStarted())
        return r;
    while (!p.waitForFinished(20)) {
        QCoreApplication::processEvents();
        if (whileRunning)
            whileRunning();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace ow::testsupport
