#include "onewindow/store/AuditLog.h"
#include "onewindow/store/CaseNumbering.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/store/Migrations.h"
#include "onewindow/store/Store.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::store;

namespace {

CaseRecord sampleCase(const QString &id, const QString &number)
{
    CaseRecord r;
    r.id = id;
    r.number = number;
    r.windowCode = QStringLiteral("W03");
    r.clerk = QStringLiteral("clerk-7");
    r.state = QStringLiteral("materials");
    r.catalogVersion = QStringLiteral("2026.11");
    r.selection = QJsonObject {{QStringLiteral("bundle"), QStringLiteral("open-restaurant")}};
    r.answers = QJsonObject {{QStringLiteral("area"), 120}};
    r.applicant =
        ApplicantRecord {QStringLiteral("p-1"), QStringLiteral("person"), QStringLiteral("33010619900101123X"),
            QStringLiteral("张三"), QJsonObject {{QStringLiteral("address"), QStringLiteral("杭州市")}}};
    r.promisedDate = QDate(2026, 12, 4);
    r.pickup = QStringLiteral("courier");
    r.materials = {
        {QStringLiteral("id-card"), QStringLiteral("original")}, {QStringLiteral("lease"), QStringLiteral("copy")}};
    r.createdAt = QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC);
    r.updatedAt = QDateTime(QDate(2026, 11, 27), QTime(9, 5), Qt::UTC);
    return r;
}

// Executes SQL on a raw connection to the store file, outside the Store class.
void rawExec(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &s : statements)
            QVERIFY2(q.exec(s), qPrintable(s));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshStoreIsCurrentAndWal();
    void roundTrip();
    void failedSaveWritesNothing();
    void noticeAndOutboxInOneTransaction();
    void newerStoreIsRefused();
    void olderStoreIsMigrated();
    void damagedFileIsReported();
    void caseNumbers_data();
    void caseNumbers();
    void caseNumbersUniqueAcrossConnections();
    void auditLog();
};

void TestStore::freshStoreIsCurrentAndWal()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    QVERIFY2(store.ok(), qPrintable(store.error()));
    QCOMPARE(store->schemaVersion(), Migrations::latestVersion());
    QSqlQuery q(store->database());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
}

void TestStore::roundTrip()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    QVERIFY(store.ok());
    CaseRepository repo(store.value());
    const CaseRecord r = sampleCase(QStringLiteral("c-1"), QStringLiteral("330106-W03-20261127-0001"));
    QCOMPARE(repo.save(r), QString());

    const auto loaded = repo.load(QStringLiteral("c-1"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->number, r.number);
    QCOMPARE(loaded->catalogVersion, QStringLiteral("2026.11"));
    QCOMPARE(loaded->answers, r.answers);
    QCOMPARE(loaded->selection, r.selection);
    QVERIFY(loaded->applicant.has_value());
    QVERIFY(*loaded->applicant == *r.applicant);
    QVERIFY(!loaded->agent.has_value());
    QCOMPARE(loaded->materials, r.materials);
    QCOMPARE(loaded->promisedDate, r.promisedDate);
    QCOMPARE(loaded->pickup, QStringLiteral("courier"));
    QCOMPARE(loaded->updatedAt, r.updatedAt);

    // Updating replaces the collected materials.
    CaseRecord r2 = r;
    r2.materials.remove(QStringLiteral("lease"));
    r2.state = QStringLiteral("verdict");
    QCOMPARE(repo.save(r2), QString());
    QCOMPARE(repo.findByNumber(r.number)->materials.size(), 1);
    QCOMPARE(repo.findByNumber(r.number)->state, QStringLiteral("verdict"));
    QCOMPARE(repo.list(QStringLiteral("W03")).size(), 1);
    QVERIFY(!repo.load(QStringLiteral("nope")).ok());
    QVERIFY(repo.load(QStringLiteral("nope")).error().contains(QStringLiteral("No case")));
}

void TestStore::failedSaveWritesNothing()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    CaseRepository repo(store.value());
    QCOMPARE(repo.save(sampleCase(QStringLiteral("c-1"), QStringLiteral("N-1"))), QString());
    // A second case with the same number fails at the cases insert, after its applicant was
    // written in the same transaction: the applicant update must be rolled back too.
    CaseRecord dup = sampleCase(QStringLiteral("c-2"), QStringLiteral("N-1"));
    dup.applicant->name = QStringLiteral("李四");
    const QString err = repo.save(dup, QStringLiteral("case.accepted"));
    QVERIFY(!err.isEmpty());
    QCOMPARE(repo.load(QStringLiteral("c-1"))->applicant->name, QStringLiteral("张三"));
    QVERIFY(!repo.load(QStringLiteral("c-2")).ok());
    QCOMPARE(repo.pendingOutbox(), 0);
}

void TestStore::noticeAndOutboxInOneTransaction()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    CaseRepository repo(store.value());
    CaseRecord r = sampleCase(QStringLiteral("c-1"), QStringLiteral("N-1"));
    r.state = QStringLiteral("done");
    NoticeRecord n {QStringLiteral("n-1"), r.id, QStringLiteral("receipt"), QStringLiteral("OW1|payload"),
        QJsonObject {{QStringLiteral("title"), QStringLiteral("受理回执")}}, r.updatedAt};
    QCOMPARE(repo.saveWithNotice(r, n, QStringLiteral("case.accepted")), QString());
    QCOMPARE(repo.notices(r.id).size(), 1);
    QCOMPARE(repo.notices(r.id).first().qrPayload, QStringLiteral("OW1|payload"));
    QCOMPARE(repo.pendingOutbox(), 1);
    // The same notice id again fails, and the case state change with it is not kept.
    r.state = QStringLiteral("reopened");
    QVERIFY(!repo.saveWithNotice(r, n, QStringLiteral("case.accepted")).isEmpty());
    QCOMPARE(repo.load(r.id)->state, QStringLiteral("done"));
    QCOMPARE(repo.pendingOutbox(), 1);
}

void TestStore::newerStoreIsRefused()
{
    QTemporaryDir dir;
    {
        auto store = Store::open(dir.path());
        QVERIFY(store.ok());
    }
    const QString path = dir.filePath(QStringLiteral("onewindow.sqlite"));
    rawExec(path, {QStringLiteral("PRAGMA user_version = 99")});
    const QByteArray before = [&] {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    auto store = Store::open(dir.path());
    QVERIFY(!store.ok());
    QVERIFY2(store.error().contains(QStringLiteral("newer OneWindow")), qPrintable(store.error()));
    QVERIFY(store.error().contains(QStringLiteral("99")));
    rawExec(path, {QStringLiteral("SELECT 1")});
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().size(), before.size());
}

void TestStore::olderStoreIsMigrated()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("onewindow.sqlite"));
    // A store as version 1 wrote it, with one case in it.
    QStringList v1 = Migrations::steps().at(0);
    v1 << QStringLiteral(
        "INSERT INTO cases (id, number, window_code, clerk, state, catalog_version, created_at, "
        "updated_at) VALUES ('old', 'N-OLD', 'W03', 'c', 'done', '2026.01', '2026-01-05', '2026-01-05')")
       << QStringLiteral("PRAGMA user_version = 1");
    rawExec(path, v1);

    auto store = Store::open(dir.path());
    QVERIFY2(store.ok(), qPrintable(store.error()));
    QCOMPARE(store->schemaVersion(), Migrations::latestVersion());
    CaseRepository repo(store.value());
    const auto old = repo.findByNumber(QStringLiteral("N-OLD"));
    QVERIFY2(old.ok(), qPrintable(old.error()));
    QCOMPARE(old->pickup, QStringLiteral("window"));
    QCOMPARE(old->catalogVersion, QStringLiteral("2026.01"));
}

void TestStore::damagedFileIsReported()
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("onewindow.sqlite")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    auto store = Store::open(dir.path());
    QVERIFY(!store.ok());
    QVERIFY2(store.error().contains(QStringLiteral("damaged")), qPrintable(store.error()));
}

void TestStore::caseNumbers_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("window");
    QTest::addColumn<bool>("ok");
    QTest::newRow("configured") << "330106"
                                << "W03" << true;
    QTest::newRow("short region") << "3301"
                                  << "W03" << false;
    QTest::newRow("no window") << "330106"
                               << "" << false;
    QTest::newRow("dash in window") << "330106"
                                    << "W-3" << false;
}

void TestStore::caseNumbers()
{
    QFETCH(QString, region);
    QFETCH(QString, window);
    QFETCH(bool, ok);
    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    const QDate day(2026, 11, 28);
    const auto first = CaseNumbering::nextNumber(store.value(), region, window, day);
    QCOMPARE(first.ok(), ok);
    if (!ok)
        return;
    QCOMPARE(first.value(), QStringLiteral("330106-W03-20261128-0001"));
    QCOMPARE(CaseNumbering::nextNumber(store.value(), region, window, day).value(),
        QStringLiteral("330106-W03-20261128-0002"));
    QCOMPARE(CaseNumbering::nextNumber(store.value(), region, window, day.addDays(1)).value(),
        QStringLiteral("330106-W03-20261129-0001"));
    QVERIFY(CaseNumbering::newCaseId() != CaseNumbering::newCaseId());
    QCOMPARE(CaseNumbering::newCaseId().size(), 36);
}

void TestStore::caseNumbersUniqueAcrossConnections()
{
    QTemporaryDir dir;
    auto a = Store::open(dir.path());
    auto b = Store::open(dir.path());
    QVERIFY(a.ok() && b.ok());
    QSet<QString> seen;
    for (int i = 0; i < 50; ++i) {
        Store &s = (i % 2) ? b.value() : a.value();
        const auto n =
            CaseNumbering::nextNumber(s, QStringLiteral("330106"), QStringLiteral("W03"), QDate(2026, 11, 28));
        QVERIFY2(n.ok(), qPrintable(n.error()));
        QVERIFY2(!seen.contains(n.value()), qPrintable(n.value()));
        seen.insert(n.value());
    }
    QVERIFY(seen.contains(QStringLiteral("330106-W03-20261128-0050")));
}

void TestStore::auditLog()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    AuditLog log(store.value());
    const QDateTime at(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC);
    QCOMPARE(log.record({at, QStringLiteral("clerk-7"), QStringLiteral("reveal"), QStringLiteral("p-1"),
                 QStringLiteral("id number")}),
        QString());
    QCOMPARE(log.record({at.addSecs(5), QStringLiteral("clerk-7"), QStringLiteral("reveal"), QStringLiteral("p-2"),
                 QStringLiteral("name")}),
        QString());
    QCOMPARE(log.entries().size(), 2);
    const auto p1 = log.entries(QStringLiteral("p-1"));
    QCOMPARE(p1.size(), 1);
    QCOMPARE(p1.first().at, at);
    QCOMPARE(p1.first().detail, QStringLiteral("id number"));
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
