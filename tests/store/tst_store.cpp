#include "onewindow/store/AuditLog.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/CaseNumbering.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/store/Migrations.h"
#include "onewindow/store/Store.h"

#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::store;
using ow::Result;

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
    r.parties = QJsonArray {QJsonObject {{QStringLiteral("applicant"),
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("person")},
            {QStringLiteral("number"), QStringLiteral("33010619900101123X")},
            {QStringLiteral("name"), QStringLiteral("张三")},
            {QStringLiteral("details"), QJsonObject {{QStringLiteral("address"), QStringLiteral("杭州市")}}}}}}};
    r.applicantMasked = QStringLiteral("张* 330106********123X");
    r.hasContent = true;
    r.promisedDate = QDate(2026, 12, 4);
    r.pickup = QStringLiteral("courier");
    r.materials = {
        {QStringLiteral("id-card"), QStringLiteral("original")}, {QStringLiteral("lease"), QStringLiteral("copy")}};
    r.createdAt = QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC);
    r.updatedAt = QDateTime(QDate(2026, 11, 27), QTime(9, 5), Qt::UTC);
    return r;
}

LogEntry logEntry(const QString &caseId, int seq, const QString &kind, const QJsonObject &payload = {})
{
    return LogEntry {caseId, seq, QDateTime(QDate(2026, 11, 27), QTime(9, seq), Qt::UTC), QStringLiteral("330106-W03"),
        QStringLiteral("clerk-7"), kind, payload, {}};
}

CaseWrite caseWrite(const CaseRecord &r, const QList<LogEntry> &entries = {})
{
    CaseWrite w;
    w.record = r;
    w.entries = entries;
    return w;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
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
    void logIsAppendOnly();
    void logHasNoGaps();
    void logAndPartiesAreSealed();
    void outboxIsUnacknowledgedEntries();
    void catalogsAreKeptByHash();
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
    QVERIFY(repo.write({caseWrite(r)}).ok());

    const auto loaded = repo.load(QStringLiteral("c-1"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->number, r.number);
    QCOMPARE(loaded->catalogVersion, QStringLiteral("2026.11"));
    QCOMPARE(loaded->answers, r.answers);
    QCOMPARE(loaded->selection, r.selection);
    QVERIFY(loaded->applicant().has_value());
    QVERIFY(*loaded->applicant() == *r.applicant());
    QCOMPARE(loaded->applicant()->name, QStringLiteral("张三"));
    QVERIFY(!loaded->agent().has_value());
    QCOMPARE(loaded->parties, r.parties);
    QCOMPARE(loaded->materials, r.materials);
    QCOMPARE(loaded->promisedDate, r.promisedDate);
    QCOMPARE(loaded->pickup, QStringLiteral("courier"));
    QCOMPARE(loaded->updatedAt, r.updatedAt);

    // Updating replaces the collected materials.
    CaseRecord r2 = r;
    r2.materials.remove(QStringLiteral("lease"));
    r2.state = QStringLiteral("verdict");
    QVERIFY(repo.write({caseWrite(r2)}).ok());
    QCOMPARE(repo.findByNumber(r.number)->materials.size(), 1);
    QCOMPARE(repo.findByNumber(r.number)->state, QStringLiteral("verdict"));
    QCOMPARE(repo.list(QStringLiteral("W03")).size(), 1);
    QCOMPARE(repo.findByIdNumber(QStringLiteral("W03"), QStringLiteral(" 33010619900101123x")).size(), 1);
    QCOMPARE(repo.findByIdNumber(QStringLiteral("W03"), QStringLiteral("330106199001011234")).size(), 0);
    QVERIFY(!repo.load(QStringLiteral("nope")).ok());
    QVERIFY(repo.load(QStringLiteral("nope")).error().contains(QStringLiteral("No case")));
}

void TestStore::failedSaveWritesNothing()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    CaseRepository repo(store.value());
    QVERIFY(repo.write({caseWrite(sampleCase(QStringLiteral("c-1"), QStringLiteral("N-1")),
                           {logEntry(QStringLiteral("c-1"), 1, QStringLiteral("started"))})})
                .ok());
    // Two changes in one transaction: the second fails (a duplicate number) after the first was
    // written: neither is kept, log entries included.
    CaseRecord other = sampleCase(QStringLiteral("c-2"), QStringLiteral("N-2"));
    CaseRecord dup = sampleCase(QStringLiteral("c-3"), QStringLiteral("N-1"));
    const auto written = repo.write({caseWrite(other, {logEntry(QStringLiteral("c-2"), 1, QStringLiteral("started"))}),
        caseWrite(dup, {logEntry(QStringLiteral("c-3"), 1, QStringLiteral("started"))})});
    QVERIFY(!written.ok());
    QVERIFY(!repo.load(QStringLiteral("c-2")).ok());
    QVERIFY(!repo.load(QStringLiteral("c-3")).ok());
    QCOMPARE(CaseLog(store.value()).entries(QStringLiteral("c-2"))->size(), 0);
    QCOMPARE(repo.pendingOutbox(), 1);
}

void TestStore::noticeAndOutboxInOneTransaction()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    CaseRepository repo(store.value());
    CaseRecord r = sampleCase(QStringLiteral("c-1"), QStringLiteral("N-1"));
    r.state = QStringLiteral("print");
    CaseWrite w =
        caseWrite(r, {logEntry(r.id, 1, QStringLiteral("started")), logEntry(r.id, 2, QStringLiteral("decided"))});
    w.notice = NoticeRecord {QStringLiteral("n-1"), r.id, QStringLiteral("receipt"), QStringLiteral("OW2;payload"),
        QJsonObject {{QStringLiteral("title"), QStringLiteral("受理回执")}}, r.updatedAt};
    QVERIFY(repo.write({w}).ok());
    QCOMPARE(repo.notices(r.id).size(), 1);
    QCOMPARE(repo.notices(r.id).first().qrPayload, QStringLiteral("OW2;payload"));
    QCOMPARE(repo.pendingOutbox(), 2);
    QCOMPARE(repo.load(r.id)->logSeq, 2);
    // The same notice id again fails, and the entry and state change with it are not kept.
    r.state = QStringLiteral("done");
    w = caseWrite(r, {logEntry(r.id, 3, QStringLiteral("finished"))});
    w.notice = NoticeRecord {QStringLiteral("n-1"), r.id, QStringLiteral("receipt"), {}, {}, r.updatedAt};
    QVERIFY(!repo.write({w}).ok());
    QCOMPARE(repo.load(r.id)->state, QStringLiteral("print"));
    QCOMPARE(repo.pendingOutbox(), 2);
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
    // A store as version 1 wrote it: one accepted case, one in progress, the applicant in the clear.
    QStringList v1 = Migrations::steps().at(0);
    v1 << QStringLiteral(
        "INSERT INTO applicants (id, kind, id_number, name, details, updated_at) VALUES"
        " ('p1', 'person', '33010619900101123X', '王小明', '{\"address\":\"杭州市文三路\"}', '2026-01-05')")
       << QStringLiteral(
              "INSERT INTO cases (id, number, window_code, clerk, state, catalog_version, applicant_id, draft,"
              " created_at, updated_at) VALUES ('old', 'N-OLD', 'W03', 'c', 'done', '2026.01', 'p1',"
              " '{\"decision\":\"accept\",\"visits\":2,\"applicant\":{\"name\":\"王小明\"}}', '2026-01-05', "
              "'2026-01-05')")
       << QStringLiteral("INSERT INTO cases (id, number, window_code, clerk, state, catalog_version, applicant_id,"
                         " created_at, updated_at) VALUES ('wip', 'N-WIP', 'W03', 'c', 'materials', '2026.01', 'p1',"
                         " '2026-01-06', '2026-01-06')")
       << QStringLiteral("PRAGMA user_version = 1");
    rawExec(path, v1);

    {
        auto store = Store::open(dir.path());
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QCOMPARE(store->schemaVersion(), Migrations::latestVersion());
        CaseRepository repo(store.value());
        const auto old = repo.findByNumber(QStringLiteral("N-OLD"));
        QVERIFY2(old.ok(), qPrintable(old.error()));
        QCOMPARE(old->pickup, QStringLiteral("window"));
        QCOMPARE(old->catalogVersion, QStringLiteral("2026.01"));
        QCOMPARE(old->applicant()->name, QStringLiteral("王小明"));
        QCOMPARE(old->applicantMasked, QStringLiteral("王** 330106********123X"));
        QCOMPARE(old->decision, QStringLiteral("accept"));
        QCOMPARE(old->visits, 2);
        QCOMPARE(repo.findByIdNumber(QStringLiteral("W03"), QStringLiteral("33010619900101123X")).size(), 2);
        // The unfinished one has no log to resume from: it is closed, not resumed half-read.
        QCOMPARE(repo.findByNumber(QStringLiteral("N-WIP"))->state, QStringLiteral("abandoned"));
        QVERIFY(!repo.latestOpen(QStringLiteral("W03")).has_value());
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    const QByteArray all = fileBytes(path) + fileBytes(path + QStringLiteral("-wal"));
    QVERIFY(!all.contains("33010619900101123X"));
    QVERIFY(!all.contains(QStringLiteral("王小明").toUtf8()));
    QVERIFY(!all.contains(QStringLiteral("文三路").toUtf8()));
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
    auto take = [&](QDate d) {
        Result<QString> out = Result<QString>::failure(QStringLiteral("not run"));
        const QString err = store.value().transact([&](QSqlDatabase &db) {
            out = CaseNumbering::takeNumber(db, region, window, d);
            return out.ok() ? QString() : out.error();
        });
        Q_UNUSED(err);
        return out;
    };
    const auto first = take(day);
    QCOMPARE(first.ok(), ok);
    if (!ok)
        return;
    QCOMPARE(first.value(), QStringLiteral("330106-W03-20261128-0001"));
    QCOMPARE(take(day).value(), QStringLiteral("330106-W03-20261128-0002"));
    QCOMPARE(take(day.addDays(1)).value(), QStringLiteral("330106-W03-20261129-0001"));
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
        Result<QString> n = Result<QString>::failure(QString());
        const QString err = s.transact([&](QSqlDatabase &db) {
            n = CaseNumbering::takeNumber(db, QStringLiteral("330106"), QStringLiteral("W03"), QDate(2026, 11, 28));
            return n.ok() ? QString() : n.error();
        });
        QVERIFY2(err.isEmpty() && n.ok(), qPrintable(err));
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

void TestStore::logIsAppendOnly()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    CaseRepository repo(store.value());
    const CaseRecord r = sampleCase(QStringLiteral("c-1"), QStringLiteral("N-1"));
    QVERIFY(repo.write({caseWrite(r, {logEntry(r.id, 1, QStringLiteral("started"))})}).ok());
    QSqlQuery q(store->database());
    QVERIFY(!q.exec(QStringLiteral("UPDATE case_log SET kind = 'finished'")));
    QVERIFY2(q.lastError().text().contains(QStringLiteral("never changed")), qPrintable(q.lastError().text()));
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM case_log")));
    QVERIFY(q.lastError().text().contains(QStringLiteral("never deleted")));
    // Acknowledging is the one change allowed, once.
    QCOMPARE(CaseLog(store.value()).acknowledge(r.id, 1, r.updatedAt), QString());
    QVERIFY(!q.exec(QStringLiteral("UPDATE case_log SET acked_at = NULL")));
    QCOMPARE(CaseLog(store.value()).entries(r.id)->size(), 1);
}

void TestStore::logHasNoGaps()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    CaseRepository repo(store.value());
    const CaseRecord r = sampleCase(QStringLiteral("c-1"), QStringLiteral("N-1"));
    QVERIFY(repo.write({caseWrite(r, {logEntry(r.id, 1, QStringLiteral("started"))})}).ok());
    // A writer that missed entry 2 (another client, a stale screen) is refused.
    const auto gap = repo.write({caseWrite(r, {logEntry(r.id, 3, QStringLiteral("answered"))})});
    QVERIFY(!gap.ok());
    QVERIFY2(gap.error().contains(QStringLiteral("changed elsewhere")), qPrintable(gap.error()));
    const auto again = repo.write({caseWrite(r, {logEntry(r.id, 1, QStringLiteral("started"))})});
    QVERIFY(!again.ok());
    QVERIFY(repo.write({caseWrite(r, {logEntry(r.id, 2, QStringLiteral("answered"))})}).ok());
    const auto entries = CaseLog(store.value()).entries(r.id);
    QCOMPARE(entries->size(), 2);
    QCOMPARE(entries->at(1).kind, QStringLiteral("answered"));
}

void TestStore::logAndPartiesAreSealed()
{
    QTemporaryDir dir;
    QString path;
    {
        auto store = Store::open(dir.path());
        path = store->path();
        CaseRepository repo(store.value());
        const CaseRecord r = sampleCase(QStringLiteral("c-1"), QStringLiteral("N-1"));
        const QJsonObject parties {{QStringLiteral("parties"), r.parties}};
        QVERIFY(repo.write({caseWrite(r,
                               {logEntry(r.id, 1, QStringLiteral("started")),
                                   logEntry(r.id, 2, QStringLiteral("parties"), parties)})})
                    .ok());
        const auto entries = CaseLog(store.value()).entries(r.id);
        QVERIFY2(entries.ok(), qPrintable(entries.error()));
        QCOMPARE(entries->at(1).payload, parties);
        // A sealed payload copied to another entry does not open there.
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER case_log_never_changed")));
        QVERIFY(q.exec(QStringLiteral(
            "UPDATE case_log SET payload = (SELECT payload FROM case_log WHERE seq = 2) WHERE seq = 1")));
        QVERIFY(!CaseLog(store.value()).entries(r.id).ok());
    }
    QSqlDatabase::removeDatabase(QString());
    QByteArray all = fileBytes(path) + fileBytes(path + QStringLiteral("-wal"));
    QVERIFY(!all.isEmpty());
    QVERIFY(!all.contains("33010619900101123X"));
    QVERIFY(!all.contains(QStringLiteral("张三").toUtf8()));
    QVERIFY(!all.contains(QStringLiteral("杭州市").toUtf8()));
}

void TestStore::outboxIsUnacknowledgedEntries()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    CaseRepository repo(store.value());
    const CaseRecord a = sampleCase(QStringLiteral("c-a"), QStringLiteral("N-1"));
    const CaseRecord b = sampleCase(QStringLiteral("c-b"), QStringLiteral("N-2"));
    QVERIFY(repo.write({caseWrite(a, {logEntry(a.id, 1, QStringLiteral("started"))})}).ok());
    QVERIFY(repo.write({caseWrite(b, {logEntry(b.id, 1, QStringLiteral("started"))})}).ok());
    QVERIFY(repo.write({caseWrite(a, {logEntry(a.id, 2, QStringLiteral("finished"))})}).ok());
    CaseLog log(store.value());
    auto pending = log.pending();
    QCOMPARE(pending->size(), 3);
    QCOMPARE(pending->at(0).caseId, a.id);
    QCOMPARE(pending->at(1).caseId, b.id);
    QCOMPARE(pending->at(2).seq, 2);
    QCOMPARE(log.acknowledge(a.id, 1, a.updatedAt), QString());
    pending = log.pending();
    QCOMPARE(pending->size(), 2);
    QCOMPARE(log.pendingCount(), 2);
    QVERIFY(log.entries(a.id)->first().ackedAt.isValid());
    QCOMPARE(pending->first().toJson().value(QStringLiteral("kind")).toString(), QStringLiteral("started"));
}

void TestStore::catalogsAreKeptByHash()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    CaseRepository repo(store.value());
    QCOMPARE(repo.storeCatalog(QStringLiteral("abc"), QStringLiteral("2026.11"), "{\"v\":1}"), QString());
    QCOMPARE(repo.storeCatalog(QStringLiteral("abc"), QStringLiteral("2026.11"), "{\"v\":1}"), QString());
    QCOMPARE(repo.catalog(QStringLiteral("abc")).value(), QByteArray("{\"v\":1}"));
    QVERIFY(!repo.catalog(QStringLiteral("def")).ok());
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
