#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/CaseLedger.h"
#include "onewindow/backoffice/Catalogues.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/Handouts.h"
#include "onewindow/backoffice/Masking.h"
#include "onewindow/backoffice/Sealer.h"
#include "onewindow/backoffice/Secrets.h"
#include "onewindow/backoffice/WindowRegistry.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::backoffice;

namespace {

const QDateTime kNow(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);

QJsonObject validEntry(int seq)
{
    return QJsonObject {{QStringLiteral("case"), QStringLiteral("c-1")}, {QStringLiteral("seq"), seq},
        {QStringLiteral("at"), QStringLiteral("2026-11-27T01:31:02.120Z")},
        {QStringLiteral("window"), QStringLiteral("330106-W01")}, {QStringLiteral("clerk"), QStringLiteral("李建华")},
        {QStringLiteral("kind"), seq == 1 ? QStringLiteral("started") : QStringLiteral("marked")},
        {QStringLiteral("payload"),
            seq == 1 ? QJsonObject {{QStringLiteral("number"), QStringLiteral("330106-W01-20261127-0001")},
                {QStringLiteral("region"), QStringLiteral("330106")}, {QStringLiteral("window"), QStringLiteral("W01")},
                {QStringLiteral("windowName"), QStringLiteral("综合窗口 1")},
                {QStringLiteral("catalogVersion"), QStringLiteral("2026.11")}}
                     : QJsonObject {{QStringLiteral("material"), QStringLiteral("id-card")},
                         {QStringLiteral("how"), QStringLiteral("original")}}}};
}

} // namespace

// The back office's storage and checks without HTTP: secrets, migrations, entry validation.
class TestBackOfficeStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passwordHashIsSlowSaltedAndChecked();
    void tokensAndCodesAreRandom();
    void databaseIsCreatedPrivateAndMigratedOnce();
    void newerSchemaIsRefused();
    void entryChecks_data();
    void entryChecks();
    void sealedRecordsOpenOnlyInTheirPlace();
    void maskingHidesPeopleNotCompanies();
    void appendCostsAHandfulOfStatements();
    void nextEntryReadsNothingStored();
};

void TestBackOfficeStore::passwordHashIsSlowSaltedAndChecked()
{
    auto a = Secrets::hashPassword("s3cret-pass");
    auto b = Secrets::hashPassword("s3cret-pass");
    QVERIFY(a && b);
    QVERIFY(*a != *b); // salted
    const QStringList parts = a->split(QLatin1Char('$'));
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts.at(0), QStringLiteral("pbkdf2-sha256"));
    QVERIFY(parts.at(1).toInt() >= 200000);
    QCOMPARE(QByteArray::fromBase64(parts.at(2).toLatin1()).size(), 16);
    QVERIFY(Secrets::verifyPassword("s3cret-pass", *a));
    QVERIFY(Secrets::verifyPassword("s3cret-pass", *b));
    QVERIFY(!Secrets::verifyPassword("s3cret-pasS", *a));
    QVERIFY(!Secrets::verifyPassword("", *a));
    QString tampered = *a;
    tampered.replace(parts.at(3), QString::fromLatin1(QByteArray(32, 'x').toBase64()));
    QVERIFY(!Secrets::verifyPassword("s3cret-pass", tampered));
    QVERIFY(!Secrets::verifyPassword("s3cret-pass", QStringLiteral("plain$1$2$3")));
    QVERIFY(!Secrets::verifyPassword("s3cret-pass", QStringLiteral("s3cret-pass")));
}

void TestBackOfficeStore::tokensAndCodesAreRandom()
{
    auto t1 = Secrets::newToken();
    auto t2 = Secrets::newToken();
    QVERIFY(t1 && t2);
    QVERIFY(*t1 != *t2);
    QCOMPARE(t1->size(), 43); // 32 bytes, base64url without padding
    auto c = Secrets::newEnrolmentCode();
    QVERIFY(c);
    QVERIFY2(QRegularExpression(QStringLiteral("^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$"))
                 .match(*c)
                 .hasMatch(),
        qPrintable(*c));
    QCOMPARE(Secrets::normaliseCode(QStringLiteral(" ab2cd-efg3h ")), QStringLiteral("AB2CDEFG3H"));
}

void TestBackOfficeStore::databaseIsCreatedPrivateAndMigratedOnce()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("new/data"));
    {
        auto db = Database::open(dir);
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
    }
    const QString file = dir + QLatin1Char('/') + Database::fileName();
    QCOMPARE(QFile::permissions(file) & ~(QFile::ReadUser | QFile::WriteUser | QFile::ReadOwner | QFile::WriteOwner),
        QFile::Permissions());
    QCOMPARE(QFile::permissions(dir) & (QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup), QFile::Permissions());
    auto again = Database::open(dir); // migrations run once
    QVERIFY2(again, qPrintable(again.error()));
    auto q = again.value()->exec(QStringLiteral("SELECT COUNT(*) FROM schema_migrations"));
    QVERIFY(q && q.value().next());
    QCOMPARE(q.value().value(0).toInt(), Database::latestSchemaVersion());
}

void TestBackOfficeStore::newerSchemaIsRefused()
{
    QTemporaryDir tmp;
    {
        auto db = Database::open(tmp.path());
        QVERIFY(db);
        QVERIFY(
            db.value()->exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (99, 'x')")));
    }
    auto db = Database::open(tmp.path());
    QVERIFY(!db);
    QVERIFY2(db.error().contains(QLatin1String("newer")), qPrintable(db.error()));
}

void TestBackOfficeStore::entryChecks_data()
{
    QTest::addColumn<QJsonValue>("body");
    QTest::addColumn<int>("status");
    auto with = [](int seq, const QString &key, const QJsonValue &v) {
        QJsonObject e = validEntry(seq);
        if (v.isUndefined())
            e.remove(key);
        else
            e.insert(key, v);
        return QJsonValue(QJsonArray {e});
    };
    QTest::newRow("valid") << QJsonValue(QJsonArray {validEntry(1), validEntry(2)}) << 200;
    QTest::newRow("held") << QJsonValue(QJsonArray {validEntry(3)}) << 202;
    QTest::newRow("not an array") << QJsonValue(validEntry(1)) << 400;
    QTest::newRow("empty") << QJsonValue(QJsonArray {}) << 400;
    QTest::newRow("not an object") << QJsonValue(QJsonArray {QStringLiteral("x")}) << 400;
    for (const char *field : {"case", "seq", "at", "window", "clerk", "kind", "payload"})
        QTest::newRow(qPrintable(QStringLiteral("no %1").arg(QLatin1String(field))))
            << with(2, QLatin1String(field), QJsonValue::Undefined) << 400;
    QTest::newRow("extra field") << with(2, QStringLiteral("ackedAt"), QStringLiteral("x")) << 400;
    QTest::newRow("other case") << with(2, QStringLiteral("case"), QStringLiteral("c-2")) << 400;
    QTest::newRow("seq 0") << with(2, QStringLiteral("seq"), 0) << 400;
    QTest::newRow("seq string") << with(2, QStringLiteral("seq"), QStringLiteral("2")) << 400;
    QTest::newRow("seq fraction") << with(2, QStringLiteral("seq"), 2.5) << 400;
    QTest::newRow("bad time") << with(2, QStringLiteral("at"), QStringLiteral("yesterday")) << 400;
    QTest::newRow("empty window") << with(2, QStringLiteral("window"), QString()) << 400;
    QTest::newRow("clerk number") << with(2, QStringLiteral("clerk"), 7) << 400;
    QTest::newRow("unknown kind") << with(2, QStringLiteral("kind"), QStringLiteral("teleported")) << 400;
    QTest::newRow("started later") << with(2, QStringLiteral("kind"), QStringLiteral("started")) << 400;
    QTest::newRow("seq 1 not started") << with(1, QStringLiteral("kind"), QStringLiteral("marked")) << 400;
    QTest::newRow("payload array") << with(2, QStringLiteral("payload"), QJsonArray {}) << 400;
    // The payload its kind has (store::EntryKinds).
    const auto withPayload = [](const QString &key, const QJsonValue &v) {
        QJsonObject e = validEntry(2);
        QJsonObject p = e.value(QLatin1String("payload")).toObject();
        if (v.isUndefined())
            p.remove(key);
        else
            p.insert(key, v);
        e.insert(QStringLiteral("payload"), p);
        return QJsonValue(QJsonArray {e});
    };
    QTest::newRow("mark cleared") << withPayload(QStringLiteral("how"), QJsonValue::Null) << 202;
    QTest::newRow("payload field missing") << withPayload(QStringLiteral("material"), QJsonValue::Undefined) << 400;
    QTest::newRow("payload field of another type") << withPayload(QStringLiteral("material"), 7) << 400;
    QTest::newRow("payload value unknown") << withPayload(QStringLiteral("how"), QStringLiteral("fax")) << 400;
    QJsonObject count = validEntry(2);
    count.insert(QStringLiteral("kind"), QStringLiteral("counted"));
    count.insert(QStringLiteral("payload"),
        QJsonObject {{QStringLiteral("material"), QStringLiteral("id-card")}, {QStringLiteral("pieces"), 1.5}});
    QTest::newRow("pieces fraction") << QJsonValue(QJsonArray {count}) << 400;
    QTest::newRow("other window") << with(2, QStringLiteral("window"), QStringLiteral("330106-W02")) << 403;
    // The case number is of the window's own series (store::CaseNumbering's form).
    QJsonObject foreign = validEntry(1);
    QJsonObject started = foreign.value(QLatin1String("payload")).toObject();
    started.insert(QStringLiteral("number"), QStringLiteral("330106-W02-20261127-0001"));
    foreign.insert(QStringLiteral("payload"), started);
    QTest::newRow("number of another window") << QJsonValue(QJsonArray {foreign}) << 422;
    started.insert(QStringLiteral("number"), QString());
    foreign.insert(QStringLiteral("payload"), started);
    QTest::newRow("no number") << QJsonValue(QJsonArray {foreign}) << 422;
    started.remove(QStringLiteral("number"));
    foreign.insert(QStringLiteral("payload"), started);
    QTest::newRow("number missing") << QJsonValue(QJsonArray {foreign}) << 400;
}

void TestBackOfficeStore::entryChecks()
{
    QFETCH(QJsonValue, body);
    QFETCH(int, status);
    QTemporaryDir tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    const Clock clock = [] { return kNow; };
    WindowRegistry windows(**db, clock);
    QVERIFY(windows.addWindow(
        QStringLiteral("330106"), QStringLiteral("W01"), QStringLiteral("窗口"), QStringLiteral("window")));
    const auto sealer = Sealer::open(tmp.filePath(QStringLiteral("seal-key")), true);
    QVERIFY2(sealer, qPrintable(sealer.error()));
    CaseLedger ledger(**db, sealer.value(), clock);
    Principal clerk;
    clerk.user = QStringLiteral("c1");
    clerk.role = QStringLiteral("clerk");
    clerk.window = QStringLiteral("330106-W01");
    const ApiReply r = ledger.append(QStringLiteral("c-1"), body, clerk);
    QVERIFY2(r.status == status,
        qPrintable(QString::number(r.status) + QLatin1Char(' ')
            + r.body.toObject().value(QLatin1String("message")).toString()));
    if (status >= 400) {
        QVERIFY(r.body.toObject().contains(QLatin1String("error")));
        // Nothing is kept of a refused request.
        auto q = db.value()->exec(QStringLiteral("SELECT COUNT(*) FROM case_entries"));
        QVERIFY(q && q.value().next());
        QCOMPARE(q.value().value(0).toInt(), 0);
    }
}

void TestBackOfficeStore::appendCostsAHandfulOfStatements()
{
    // Statements sent for one request (Database's counter: every exec, BEGIN, COMMIT): a fixed
    // handful for the request, and one INSERT per new entry, not a query per entry and seq.
    QTemporaryDir tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    const Clock clock = [] { return kNow; };
    WindowRegistry windows(**db, clock);
    QVERIFY(windows.addWindow(
        QStringLiteral("330106"), QStringLiteral("W01"), QStringLiteral("窗口"), QStringLiteral("window")));
    const auto sealer = Sealer::open(tmp.filePath(QStringLiteral("seal-key")), true);
    QVERIFY(sealer);
    CaseLedger ledger(**db, sealer.value(), clock);
    Principal clerk;
    clerk.user = QStringLiteral("c1");
    clerk.role = QStringLiteral("clerk");
    clerk.window = QStringLiteral("330106-W01");
    QCOMPARE(ledger.append(QStringLiteral("c-1"), QJsonArray {validEntry(1)}, clerk).status, 200);

    auto cost = [&](const QJsonArray &entries) {
        const qint64 before = db.value()->statementCount();
        const ApiReply r = ledger.append(QStringLiteral("c-1"), entries, clerk);
        return r.status == 200 ? db.value()->statementCount() - before : -1;
    };
    const qint64 one = cost(QJsonArray {validEntry(2)});
    QJsonArray ten;
    for (int seq = 3; seq <= 12; ++seq)
        ten.append(validEntry(seq));
    const qint64 tenMore = cost(ten);
    const qint64 again = cost(ten); // all there already: acknowledged again, nothing written
    qInfo("statements: 1 entry %lld, 10 entries %lld, the 10 again %lld", one, tenMore, again);
    QVERIFY2(one > 0 && one <= 10, qPrintable(QString::number(one)));
    QVERIFY2(tenMore > 0 && tenMore - one <= 9, qPrintable(QString::number(tenMore)));
    QVERIFY2(again > 0 && again <= one, qPrintable(QString::number(again)));
    // An entry after a gap is held, then applied with the one that fills the gap.
    QCOMPARE(ledger.append(QStringLiteral("c-1"), QJsonArray {validEntry(14)}, clerk).status, 202);
    const ApiReply filled = ledger.append(QStringLiteral("c-1"), QJsonArray {validEntry(13)}, clerk);
    QCOMPARE(filled.status, 200);
    QCOMPARE(filled.body.toObject().value(QLatin1String("applied")).toInt(), 14);
}

void TestBackOfficeStore::nextEntryReadsNothingStored()
{
    // Issue 21: a window's next entry (seqs above everything stored) costs BEGIN, the case's row,
    // the INSERT, the case's UPDATE and COMMIT: no read of the stored entries (there are none at
    // those seqs) and none for hand-outs (a "marked" entry is not theirs). Resends, held entries and
    // the gap they wait for still read what is stored.
    QTemporaryDir tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    const Clock clock = [] { return kNow; };
    WindowRegistry windows(**db, clock);
    QVERIFY(windows.addWindow(
        QStringLiteral("330106"), QStringLiteral("W01"), QStringLiteral("窗口"), QStringLiteral("window")));
    const auto sealer = Sealer::open(tmp.filePath(QStringLiteral("seal-key")), true);
    QVERIFY(sealer);
    Catalogues catalogues(**db, clock);
    Handouts handouts(**db, sealer.value(), catalogues, clock);
    CaseLedger ledger(**db, sealer.value(), clock);
    ledger.setHandouts(&handouts);
    Principal clerk;
    clerk.user = QStringLiteral("李建华");
    clerk.role = QStringLiteral("clerk");
    clerk.window = QStringLiteral("330106-W01");
    QCOMPARE(ledger.append(QStringLiteral("c-1"), QJsonArray {validEntry(1)}, clerk).status, 200);
    auto cost = [&](const QJsonArray &entries, int status) {
        const qint64 before = db.value()->statementCount();
        const ApiReply r = ledger.append(QStringLiteral("c-1"), entries, clerk);
        return r.status == status ? db.value()->statementCount() - before : -1;
    };
    QCOMPARE(cost(QJsonArray {validEntry(2)}, 200), qint64(5));
    QCOMPARE(cost(QJsonArray {validEntry(3), validEntry(4)}, 200), qint64(5));
    // A resend reads what is stored (BEGIN, the row, the stored entries, COMMIT): the same is
    // acknowledged, a different one is a 409.
    QCOMPARE(cost(QJsonArray {validEntry(4)}, 200), qint64(4));
    QJsonObject other = validEntry(4);
    other.insert(QStringLiteral("at"), QStringLiteral("2026-11-27T01:31:09.000Z"));
    QVERIFY(cost(QJsonArray {other}, 409) > 0);
    // Held after a gap, then a different resend of the held one (409), then the gap filled.
    QCOMPARE(ledger.append(QStringLiteral("c-1"), QJsonArray {validEntry(7)}, clerk).status, 202);
    QCOMPARE(ledger.append(QStringLiteral("c-1"), QJsonArray {validEntry(6)}, clerk).status, 202);
    other = validEntry(7);
    other.insert(QStringLiteral("at"), QStringLiteral("2026-11-27T01:31:09.000Z"));
    QCOMPARE(ledger.append(QStringLiteral("c-1"), QJsonArray {other}, clerk).status, 409);
    const ApiReply filled = ledger.append(QStringLiteral("c-1"), QJsonArray {validEntry(5)}, clerk);
    QCOMPARE(filled.status, 200);
    QCOMPARE(filled.body.toObject().value(QLatin1String("applied")).toInt(), 7);
    // Everything applied again: the next entry is cheap again.
    QCOMPARE(cost(QJsonArray {validEntry(8)}, 200), qint64(5));
    auto rows = db.value()->exec(QStringLiteral("SELECT COUNT(*), MAX(seq) FROM case_entries WHERE case_id = 'c-1'"));
    QVERIFY(rows && rows.value().next());
    QCOMPARE(rows.value().value(0).toInt(), 8);
    QCOMPARE(rows.value().value(1).toInt(), 8);
}

void TestBackOfficeStore::sealedRecordsOpenOnlyInTheirPlace()
{
    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("k"));
    bool made = false;
    auto sealer = Sealer::open(file, true, &made);
    QVERIFY2(sealer, qPrintable(sealer.error()));
    QVERIFY(made);
    QCOMPARE(QFileInfo(file).permissions() & 0x7077, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QJsonObject entry {{QStringLiteral("kind"), QStringLiteral("parties")},
        {QStringLiteral("payload"), QJsonObject {{QStringLiteral("name"), QStringLiteral("王小明")}}}};
    const auto a = sealer.value().sealEntry(QStringLiteral("c-1"), 2, entry);
    const auto b = sealer.value().sealEntry(QStringLiteral("c-1"), 2, entry);
    QVERIFY(a && b);
    QVERIFY(a.value() != b.value()); // a fresh nonce each time
    QVERIFY(!a.value().contains(QStringLiteral("王小明")));
    QCOMPARE(sealer.value().openEntry(QStringLiteral("c-1"), 2, a.value()).value(), entry);
    // Moved to another seq or case: does not open.
    QVERIFY(!sealer.value().openEntry(QStringLiteral("c-1"), 3, a.value()));
    QVERIFY(!sealer.value().openEntry(QStringLiteral("c-2"), 2, a.value()));
    // A flipped byte: does not open.
    QString bad = a.value();
    bad[bad.size() - 3] = bad.at(bad.size() - 3) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    QVERIFY(!sealer.value().openEntry(QStringLiteral("c-1"), 2, bad));
    // Written before sealing: read as is.
    QCOMPARE(sealer.value().openEntry(QStringLiteral("c-1"), 2, QStringLiteral("{\"kind\":\"x\"}")).value(),
        QJsonObject({{QStringLiteral("kind"), QStringLiteral("x")}}));
    // The same file opened again: the same keys, the same blind index; another key file: others.
    auto again = Sealer::open(file, false);
    QVERIFY(again);
    QCOMPARE(again.value().openEntry(QStringLiteral("c-1"), 2, a.value()).value(), entry);
    QCOMPARE(again.value().blindIndex(QStringLiteral("33010619900101123x")),
        sealer.value().blindIndex(QStringLiteral(" 330106-19900101123X")));
    auto other = Sealer::open(tmp.filePath(QStringLiteral("k2")), true);
    QVERIFY(other);
    QVERIFY(!other.value().openEntry(QStringLiteral("c-1"), 2, a.value()));
    QVERIFY(other.value().blindIndex(QStringLiteral("33010619900101123X"))
        != sealer.value().blindIndex(QStringLiteral("33010619900101123X")));
    // Rotation: new records under the new key, old ones still open, the blind index unchanged.
    const QString index = sealer.value().blindIndex(QStringLiteral("33010619900101123X"));
    const auto id = sealer.value().rotate();
    QVERIFY(id);
    QCOMPARE(sealer.value().currentKeyId(), id.value());
    QCOMPARE(Sealer::keyIdOf(sealer.value().sealEntry(QStringLiteral("c-1"), 4, entry).value()), id.value());
    QCOMPARE(sealer.value().openEntry(QStringLiteral("c-1"), 2, a.value()).value(), entry);
    QCOMPARE(sealer.value().blindIndex(QStringLiteral("33010619900101123X")), index);
    // A named key file that does not exist is an error, not a new key.
    QVERIFY(!Sealer::open(tmp.filePath(QStringLiteral("missing")), false));
}

void TestBackOfficeStore::maskingHidesPeopleNotCompanies()
{
    QCOMPARE(Masking::personName(QStringLiteral("李建华")), QStringLiteral("李*"));
    QCOMPARE(Masking::idNumber(QStringLiteral("330106199001010038")), QStringLiteral("3301**********0038"));
    const QJsonObject entry {{QStringLiteral("kind"), QStringLiteral("parties")},
        {QStringLiteral("payload"),
            QJsonObject {{QStringLiteral("parties"),
                QJsonArray {
                    QJsonObject {{QStringLiteral("kind"), QStringLiteral("person")},
                        {QStringLiteral("number"), QStringLiteral("330106199001010038")},
                        {QStringLiteral("name"), QStringLiteral("李建华")},
                        {QStringLiteral("details"),
                            QJsonObject {{QStringLiteral("address"), QStringLiteral("浙江省杭州市西湖区文三路100号")},
                                {QStringLiteral("birthDate"), QStringLiteral("1990-01-01")},
                                {QStringLiteral("phone"), QStringLiteral("13812345678")}}}},
                    QJsonObject {{QStringLiteral("kind"), QStringLiteral("company")},
                        {QStringLiteral("number"), QStringLiteral("91330106MA2KXXXX1X")},
                        {QStringLiteral("name"), QStringLiteral("杭州某某餐饮有限公司")}}}}}}};
    const QByteArray masked = QJsonDocument(Masking::entry(entry).toObject()).toJson(QJsonDocument::Compact);
    for (const char *gone : {"李建华", "330106199001010038", "文三路", "1990-01-01", "13812345678"})
        QVERIFY2(!masked.contains(gone), masked.constData());
    for (const char *kept :
        {"李*", "3301**********0038", "浙江省杭州市****", "138****5678", "91330106MA2KXXXX1X", "杭州某某餐饮有限公司"})
        QVERIFY2(masked.contains(kept), masked.constData());
}

QTEST_GUILESS_MAIN(TestBackOfficeStore)
#include "tst_backofficestore.moc"
