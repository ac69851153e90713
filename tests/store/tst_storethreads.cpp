// Two connections of one process to one store (the window's GUI thread and the sync engine's
// worker): a transaction that reads and then writes must wait for the other's write, not fail
// with "database is locked" because the other committed between its read and its write.
#include "onewindow/store/Store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

class TestStoreThreads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readThenWriteWhileTheOtherCommits();
};

namespace {

QString put(QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO sync_resources (name, etag, body, fetched_at) VALUES (?, '', '', '')"));
    q.addBindValue(name);
    return q.exec() ? QString() : q.lastError().text();
}

} // namespace

void TestStoreThreads::readThenWriteWhileTheOtherCommits()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto store = ow::store::Store::open(dir.path());
    QVERIFY2(store, qPrintable(store.error()));
    QString otherError = QStringLiteral("not run");
    // The other connection, on its own thread (QSqlDatabase connections belong to their thread).
    std::unique_ptr<QThread> other(QThread::create([&dir, &otherError] {
        auto second = ow::store::Store::open(dir.path());
        if (!second) {
            otherError = second.error();
            return;
        }
        otherError = second.value().transact([](QSqlDatabase &db) { return put(db, QStringLiteral("other")); });
    }));
    const QString err = store.value().transact([&](QSqlDatabase &db) {
        QSqlQuery read(db);
        if (!read.exec(QStringLiteral("SELECT COUNT(*) FROM sync_resources")) || !read.next())
            return read.lastError().text();
        read.finish();
        // The other thread writes now: it either commits at once (a deferred transaction here
        // holds no write lock) or waits for this one (an immediate one does). Either way this
        // transaction then writes.
        other->start();
        other->wait(500);
        return put(db, QStringLiteral("this"));
    });
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QVERIFY(other->wait(15000));
    QVERIFY2(otherError.isEmpty(), qPrintable(otherError));
    QSqlQuery q(store->database());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sync_resources")) && q.next());
    QCOMPARE(q.value(0).toInt(), 2);
}

QTEST_GUILESS_MAIN(TestStoreThreads)
#include "tst_storethreads.moc"
