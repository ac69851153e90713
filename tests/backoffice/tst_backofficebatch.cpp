// Group commit of the windows' next entries on PostgreSQL (issue 21, AppendBatcher; label pg):
// concurrent appends of many windows and cases that land in one statement get each the answer
// the one-by-one path gives (200, 202 held, 409 for a differing resend, 200 for a resend of an
// applied entry, 403 for another window's case), and a batch whose statement fails loses and
// doubles nothing. CaseLedger with one connection per thread, as the server's workers have.
#include "ApiClient.h"

#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/AppendBatcher.h"
#include "onewindow/backoffice/CaseLedger.h"
#include "onewindow/backoffice/Catalogues.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/Handouts.h"
#include "onewindow/backoffice/Sealer.h"
#include "onewindow/backoffice/WindowRegistry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSemaphore>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace ow::backoffice;

namespace {

const QDateTime kNow(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
const QString kW1 = QStringLiteral("330106-W01");
const QString kW2 = QStringLiteral("330106-W02");

QJsonObject entry(
    const QString &caseId, int seq, const QString &window, const QString &how = QStringLiteral("original"))
{
    static int numbers = 0;
    const QJsonObject payload = seq == 1
        ? QJsonObject {{QStringLiteral("number"), QStringLiteral("%1-20261127-%2").arg(window).arg(++numbers)},
            {QStringLiteral("region"), QStringLiteral("330106")}, {QStringLiteral("window"), window.right(3)},
            {QStringLiteral("windowName"), QStringLiteral("综合窗口")},
            {QStringLiteral("catalogVersion"), QStringLiteral("2026.11")}}
        : QJsonObject {{QStringLiteral("material"), QStringLiteral("m%1").arg(seq)}, {QStringLiteral("how"), how}};
    return QJsonObject {{QStringLiteral("case"), caseId}, {QStringLiteral("seq"), seq},
        {QStringLiteral("at"), QStringLiteral("2026-11-27T01:31:%1.000Z").arg(seq, 2, 10, QLatin1Char('0'))},
        {QStringLiteral("window"), window}, {QStringLiteral("clerk"), QStringLiteral("clerk")},
        {QStringLiteral("kind"), seq == 1 ? QStringLiteral("started") : QStringLiteral("marked")},
        {QStringLiteral("payload"), payload}};
}

Principal clerkOf(const QString &window)
{
    Principal p;
    p.user = QStringLiteral("clerk");
    p.role = QStringLiteral("clerk");
    p.window = window;
    p.windowKeyCurrent = true;
    return p;
}

struct Append
{
    QString caseId;
    QJsonArray entries;
    Principal who;
};

// A connection of its own and the ledger on it (a QSqlDatabase is used on the thread that made it).
struct Connection
{
    std::unique_ptr<Database> db;
    std::unique_ptr<Catalogues> catalogues;
    std::unique_ptr<Handouts> handouts;
    std::unique_ptr<CaseLedger> ledger;

    bool open(const QString &dir, const QString &url, const Sealer &sealer)
    {
        const Clock clock = [] { return kNow; };
        auto opened = Database::open(dir, url);
        if (!opened)
            return false;
        db = std::move(opened.value());
        catalogues = std::make_unique<Catalogues>(*db, clock);
        handouts = std::make_unique<Handouts>(*db, sealer, *catalogues, clock);
        ledger = std::make_unique<CaseLedger>(*db, sealer, clock);
        ledger->setHandouts(handouts.get());
        return true;
    }
};

// One database with the cases the wave finds.
struct Place
{
    QTemporaryDir dir;
    QString url;
    std::unique_ptr<Sealer> sealer;
    Connection main;

    bool open()
    {
        url = testDatabaseFor(dir.path());
        auto key = Sealer::open(dir.filePath(QStringLiteral("seal-key")), true);
        if (!key)
            return false;
        sealer = std::make_unique<Sealer>(std::move(key.value()));
        if (!main.open(dir.path(), url, *sealer))
            return false;
        WindowRegistry windows(*main.db, [] { return kNow; });
        for (const QString &code : {QStringLiteral("W01"), QStringLiteral("W02")}) {
            if (!windows.addWindow(QStringLiteral("330106"), code, QStringLiteral("窗口"), QStringLiteral("window")))
                return false;
        }
        // Cases c-1 … c-6 of W01 and d-1 of W02; c-3 and c-4 have seq 2 applied.
        CaseLedger &first = *main.ledger;
        for (int i = 1; i <= 6; ++i) {
            const QString id = QStringLiteral("c-%1").arg(i);
            if (first.append(id, QJsonArray {entry(id, 1, kW1)}, clerkOf(kW1)).status != 200)
                return false;
        }
        if (first.append(QStringLiteral("d-1"), QJsonArray {entry(QStringLiteral("d-1"), 1, kW2)}, clerkOf(kW2)).status
            != 200)
            return false;
        for (const QString &id : {QStringLiteral("c-3"), QStringLiteral("c-4")}) {
            if (first.append(id, QJsonArray {entry(id, 2, kW1)}, clerkOf(kW1)).status != 200)
                return false;
        }
        return true;
    }

    QList<QPair<QString, int>> rows() const
    {
        QList<QPair<QString, int>> out;
        auto q = main.db->exec(QStringLiteral("SELECT case_id, seq FROM case_entries ORDER BY case_id, seq"));
        while (q && q.value().next())
            out.append({q.value().value(0).toString(), q.value().value(1).toInt()});
        return out;
    }
};

// The wave: one request per connection, all at once.
QList<Append> wave()
{
    return {
        {QStringLiteral("c-1"), {entry(QStringLiteral("c-1"), 2, kW1)}, clerkOf(kW1)}, // next: 200
        {QStringLiteral("c-2"), {entry(QStringLiteral("c-2"), 2, kW1), entry(QStringLiteral("c-2"), 3, kW1)},
            clerkOf(kW1)}, // next two: 200
        {QStringLiteral("c-3"), {entry(QStringLiteral("c-3"), 2, kW1, QStringLiteral("copy"))},
            clerkOf(kW1)}, // differing resend: 409
        {QStringLiteral("c-4"), {entry(QStringLiteral("c-4"), 2, kW1)}, clerkOf(kW1)}, // same again: 200
        {QStringLiteral("d-1"), {entry(QStringLiteral("d-1"), 2, kW1)}, clerkOf(kW1)}, // W02's case: 403
        {QStringLiteral("c-5"), {entry(QStringLiteral("c-5"), 4, kW1)}, clerkOf(kW1)}, // after a gap: 202
        {QStringLiteral("c-6"), {entry(QStringLiteral("c-6"), 2, kW1)}, clerkOf(kW1)}, // next: 200
        {QStringLiteral("c-6"), {entry(QStringLiteral("c-6"), 2, kW1)}, clerkOf(kW1)}, // and at once again: 200
    };
}

} // namespace

class TestBackOfficeBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void oneStatementAnswersAsOneByOne();
    void failedStatementLosesNothing();

private:
    // The wave one request after another, without a batcher: the answers to compare with.
    void oneByOne();
    // The wave at once through one batcher whose first batch waits until all are queued; `fail`
    // makes that batch's statement fail.
    void together(bool fail);

    QList<QPair<int, QJsonValue>> m_expected;
    QList<QPair<QString, int>> m_expectedRows;
};

void TestBackOfficeBatch::initTestCase()
{
    QVERIFY2(testOnPostgres(), "OW_TEST_DB is not set: batching is PostgreSQL's (ctest -L pg)");
    oneByOne();
}

void TestBackOfficeBatch::oneByOne()
{
    Place place;
    QVERIFY(place.open());
    for (const Append &a : wave()) {
        const ApiReply r = place.main.ledger->append(a.caseId, a.entries, a.who);
        m_expected.append({r.status, r.body});
    }
    const QList<int> statuses {200, 200, 409, 200, 403, 202, 200, 200};
    for (qsizetype i = 0; i < statuses.size(); ++i)
        QCOMPARE(m_expected.at(i).first, statuses.at(i));
    m_expectedRows = place.rows();
    // 7 started entries, c-3 and c-4 at seq 2, then c-1 2, c-2 2 and 3, c-5 4 (held) and c-6 2.
    QCOMPARE(m_expectedRows.size(), 7 + 2 + 5);
}

void TestBackOfficeBatch::together(bool fail)
{
    const QList<Append> requests = wave();
    Place place;
    QVERIFY(place.open());
    AppendBatcher batcher;
    batcher.setMaxInFlight(1); // so that the first batch takes every request but the second c-6
    QSemaphore gate;
    std::atomic<int> calls {0};
    QList<int> sizes;
    QMutex sizesLock;
    batcher.setHook([&](int size, bool taken) {
        if (!taken) {
            if (calls.fetch_add(1) == 0)
                gate.acquire(); // the first batch waits until the test saw every request queued
            return true;
        }
        QMutexLocker locked(&sizesLock);
        sizes.append(size);
        return !(fail && sizes.size() == 1);
    });
    QList<QPair<int, QJsonValue>> answers(requests.size());
    std::vector<std::unique_ptr<QThread>> threads;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        threads.emplace_back(QThread::create([&, i] {
            Connection mine;
            if (!mine.open(place.dir.path(), place.url, *place.sealer))
                return;
            mine.ledger->setBatcher(&batcher);
            const Append &a = requests.at(i);
            const ApiReply r = mine.ledger->append(a.caseId, a.entries, a.who);
            answers[i] = {r.status, r.body};
        }));
        threads.back()->start();
    }
    QTRY_COMPARE(batcher.queued(), int(requests.size()));
    gate.release();
    for (auto &t : threads)
        QVERIFY(t->wait(60000));
    // The first statement carried one request per case: all but the second c-6.
    QVERIFY(!sizes.isEmpty());
    QCOMPARE(sizes.first(), int(requests.size()) - 1);
    QCOMPARE(batcher.stats().largest, int(requests.size()) - 1);
    // c-1, c-2 and the first c-6 moved in the statement; the rest went the one-by-one way (all of
    // them when the statement failed).
    QCOMPARE(batcher.stats().moved, fail ? 0 : 3);
    for (qsizetype i = 0; i < requests.size(); ++i) {
        QCOMPARE(answers.at(i).first, m_expected.at(i).first);
        QCOMPARE(answers.at(i).second, m_expected.at(i).second);
    }
    QCOMPARE(place.rows(), m_expectedRows);
}

void TestBackOfficeBatch::oneStatementAnswersAsOneByOne()
{
    together(false);
}

void TestBackOfficeBatch::failedStatementLosesNothing()
{
    together(true);
}

QTEST_GUILESS_MAIN(TestBackOfficeBatch)
#include "tst_backofficebatch.moc"
