#include "onewindow/store/Migrations.h"
#include "onewindow/store/StoreLock.h"

#include <QDir>
#include <QHostInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

#include <signal.h>

// Several processes on one store: concurrent first starts, and one client per store.
class TestStoreProcesses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void concurrentFirstStartsAllSucceed();
    void secondClientIsRefused();
    void lockOfAKilledClientIsTakenOver();

private:
    static std::unique_ptr<QProcess> startLockHolder(const QString &dir);
};

void TestStoreProcesses::concurrentFirstStartsAllSucceed()
{
    QTemporaryDir dir;
    const QString data = QDir(dir.path()).filePath(QStringLiteral("new-store"));
    std::vector<std::unique_ptr<QProcess>> procs;
    for (int i = 0; i < 20; ++i) {
        procs.push_back(std::make_unique<QProcess>());
        procs.back()->start(QStringLiteral(OW_STORE_HELPER), {QStringLiteral("open"), data});
    }
    QSet<QString> answers;
    for (auto &p : procs) {
        QVERIFY(p->waitForFinished(60000));
        const QString err = QString::fromUtf8(p->readAllStandardError());
        QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, qPrintable(err));
        answers.insert(QString::fromUtf8(p->readAllStandardOutput()).trimmed());
    }
    // All migrated to the current schema and agreed on one data key.
    QCOMPARE(answers.size(), 1);
    QVERIFY2(answers.begin()->startsWith(QString::number(ow::store::Migrations::latestVersion()) + u' '),
        qPrintable(*answers.begin()));
}

std::unique_ptr<QProcess> TestStoreProcesses::startLockHolder(const QString &dir)
{
    auto holder = std::make_unique<QProcess>();
    holder->start(QStringLiteral(OW_STORE_HELPER), {QStringLiteral("lock"), dir});
    if (!holder->waitForStarted())
        return {};
    while (!holder->canReadLine() && holder->state() == QProcess::Running)
        holder->waitForReadyRead(100);
    if (holder->readLine().trimmed() != "locked")
        return {};
    return holder;
}

void TestStoreProcesses::secondClientIsRefused()
{
    QTemporaryDir dir;
    auto first = startLockHolder(dir.path());
    QVERIFY(first);

    QProcess second;
    second.start(QStringLiteral(OW_STORE_HELPER), {QStringLiteral("lock"), dir.path()});
    QVERIFY(second.waitForFinished(30000));
    QCOMPARE(second.exitCode(), 1);
    const QString message = QString::fromUtf8(second.readAllStandardError());
    QVERIFY2(message.contains(QStringLiteral("process %1").arg(first->processId())), qPrintable(message));
    QVERIFY2(message.contains(QHostInfo::localHostName()), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("ow_store_helper")), qPrintable(message));

    // Once the first client ends, the store is free again.
    first->closeWriteChannel();
    QVERIFY(first->waitForFinished(30000));
    QCOMPARE(first->exitCode(), 0);
    auto third = startLockHolder(dir.path());
    QVERIFY(third);
    third->closeWriteChannel();
    QVERIFY(third->waitForFinished(30000));
}

void TestStoreProcesses::lockOfAKilledClientIsTakenOver()
{
    QTemporaryDir dir;
    auto crashed = startLockHolder(dir.path());
    QVERIFY(crashed);
    ::kill(pid_t(crashed->processId()), SIGKILL);
    QVERIFY(crashed->waitForFinished(30000));
    QVERIFY(QFile::exists(ow::store::StoreLock::lockPath(dir.path()))); // left behind
    auto next = startLockHolder(dir.path());
    QVERIFY2(next, "the lock of a dead process must be taken over");
    next->closeWriteChannel();
    QVERIFY(next->waitForFinished(30000));
}

QTEST_GUILESS_MAIN(TestStoreProcesses)
#include "tst_storeprocesses.moc"
