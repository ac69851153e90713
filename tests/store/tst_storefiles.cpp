#include "onewindow/store/Store.h"
#include "onewindow/store/StoreLock.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using ow::store::Store;

namespace {

int modeOf(const QString &path)
{
    struct stat st
    { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

bool chmodTo(const QString &path, mode_t mode)
{
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

} // namespace

// The store's files on disk: personal data readable by its owner only, and durable commits.
class TestStoreFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshStoreIsPrivate_data();
    void freshStoreIsPrivate();
    void looseStoreIsTightened();
    void lockFileIsPrivate();
    void commitsAreFullySynchronous();
    void clientQueriesUseIndexes_data();
    void clientQueriesUseIndexes();
};

void TestStoreFiles::freshStoreIsPrivate_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("mode");
    QTest::newRow("data folder") << QString() << 0700;
    QTest::newRow("store") << QStringLiteral("onewindow.sqlite") << 0600;
    QTest::newRow("write-ahead log") << QStringLiteral("onewindow.sqlite-wal") << 0600;
    QTest::newRow("shared memory") << QStringLiteral("onewindow.sqlite-shm") << 0600;
    QTest::newRow("keys folder") << QStringLiteral("keys") << 0700;
    QTest::newRow("data key") << QStringLiteral("keys/data.key") << 0600;
}

void TestStoreFiles::freshStoreIsPrivate()
{
    QFETCH(QString, file);
    QFETCH(int, mode);
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("onewindow"));
    auto store = Store::open(data);
    QVERIFY2(store.ok(), qPrintable(store.error()));
    QVERIFY(store.value()
                .transact([](QSqlDatabase &db) {
                    QSqlQuery q(db);
                    return q.exec(QStringLiteral(
                               "INSERT INTO audit (at, clerk, action, subject) VALUES ('t', 'c', 'a', 's')"))
                        ? QString()
                        : QStringLiteral("insert failed");
                })
                .isEmpty());
    const QString path = file.isEmpty() ? data : QDir(data).filePath(file);
    QCOMPARE(modeOf(path), mode);
}

void TestStoreFiles::looseStoreIsTightened()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("onewindow"));
    {
        QVERIFY(Store::open(data).ok());
    }
    // As an older version left it: 0755 folders, 0644 files.
    QVERIFY(chmodTo(data, 0755));
    QVERIFY(chmodTo(QDir(data).filePath(QStringLiteral("keys")), 0755));
    QVERIFY(chmodTo(QDir(data).filePath(QStringLiteral("keys/data.key")), 0644));
    QVERIFY(chmodTo(QDir(data).filePath(QStringLiteral("onewindow.sqlite")), 0644));
    auto store = Store::open(data);
    QVERIFY2(store.ok(), qPrintable(store.error()));
    QCOMPARE(modeOf(data), 0700);
    QCOMPARE(modeOf(QDir(data).filePath(QStringLiteral("keys"))), 0700);
    QCOMPARE(modeOf(QDir(data).filePath(QStringLiteral("keys/data.key"))), 0600);
    QCOMPARE(modeOf(QDir(data).filePath(QStringLiteral("onewindow.sqlite"))), 0600);
    QCOMPARE(modeOf(QDir(data).filePath(QStringLiteral("onewindow.sqlite-wal"))), 0600);
}

void TestStoreFiles::lockFileIsPrivate()
{
    QTemporaryDir dir;
    auto lock = ow::store::StoreLock::acquire(dir.path());
    QVERIFY2(lock.ok(), qPrintable(lock.error()));
    QCOMPARE(modeOf(ow::store::StoreLock::lockPath(dir.path())), 0600);
    QCOMPARE(modeOf(dir.path()), 0700);
}

void TestStoreFiles::commitsAreFullySynchronous()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    QVERIFY(store.ok());
    QCOMPARE(store->synchronousMode(), QStringLiteral("FULL"));
    auto bench = Store::open(dir.filePath(QStringLiteral("b")), Store::Options {QStringLiteral("NORMAL")});
    QVERIFY(bench.ok());
    QCOMPARE(bench->synchronousMode(), QStringLiteral("NORMAL"));
    QVERIFY(!Store::open(dir.filePath(QStringLiteral("c")), Store::Options {QStringLiteral("OFF")}).ok());
}

void TestStoreFiles::clientQueriesUseIndexes_data()
{
    // The shapes of the queries the client runs on cases (CaseRepository list/page/find).
    QTest::addColumn<QString>("sql");
    QTest::newRow("resume latest open case")
        << QStringLiteral("SELECT id FROM cases WHERE window_code = 'W01' AND state NOT IN ('done', 'abandoned') "
                          "ORDER BY updated_at DESC LIMIT 1");
    QTest::newRow("Cases page, first page")
        << QStringLiteral("SELECT id FROM cases WHERE window_code = 'W01' ORDER BY updated_at DESC, id DESC LIMIT 100");
    QTest::newRow("Cases page, next page")
        << QStringLiteral("SELECT id FROM cases WHERE window_code = 'W01' AND (updated_at, id) < ('t', 'i') "
                          "ORDER BY updated_at DESC, id DESC LIMIT 100");
    QTest::newRow("Cases page, number prefix")
        << QStringLiteral("SELECT id FROM cases WHERE +window_code = 'W01' AND number >= 'a' AND number < 'b' "
                          "ORDER BY number DESC LIMIT 100");
    QTest::newRow("find by number") << QStringLiteral("SELECT id FROM cases WHERE number = 'n'");
    QTest::newRow("by state") << QStringLiteral("SELECT id FROM cases WHERE state = 'materials'");
}

void TestStoreFiles::clientQueriesUseIndexes()
{
    QFETCH(QString, sql);
    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    QVERIFY(store.ok());
    QSqlQuery q(store->database());
    QVERIFY(q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql));
    QStringList plan;
    while (q.next())
        plan << q.value(3).toString();
    QVERIFY(!plan.isEmpty());
    for (const QString &step : std::as_const(plan)) {
        QVERIFY2(!step.startsWith(QLatin1String("SCAN")), qPrintable(plan.join(QStringLiteral("; "))));
        QVERIFY2(!step.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan.join(QStringLiteral("; "))));
    }
}

QTEST_GUILESS_MAIN(TestStoreFiles)
#include "tst_storefiles.moc"
