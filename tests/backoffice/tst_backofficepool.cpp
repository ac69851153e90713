// The back office's workers (issue 21 item 3): a slow request (a big append; a sign-in, a tus
// upload or a window's enrolment waiting on the database) holds one worker and never the others
// nor the event loop, and with many clients appending at once (the
// same case, different cases, duplicates) every entry is stored exactly once with contiguous seqs, on SQLite and (the
// `_pg` variant) PostgreSQL.
#include "ApiClient.h"
#include "SignedEntries.h"

#include "onewindow/store/LogEntry.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

namespace {

const QString kPassword = QStringLiteral("correct horse 9");
const QString kW1 = QStringLiteral("330106-W01");
const QString kW2 = QStringLiteral("330106-W02");
const QString kW3 = QStringLiteral("330106-W03"); // enrolled during slowEnrolmentDoesNotStallTheOthers
constexpr int kClients = 8;
constexpr int kCases = 6;
constexpr int kSeqs = 10;
// The slow requests: this many appends of kBigEntries entries each, one worker each.
constexpr int kBigAppends = 3;
constexpr int kBigEntries = 1000;
constexpr int kWorkers = kBigAppends + 1;

QJsonObject entry(const QString &caseId, int seq, const QString &window)
{
    ow::store::LogEntry e;
    e.caseId = caseId;
    e.seq = seq;
    e.at = QDateTime(QDate(2026, 11, 27), QTime(2, 0, 0), Qt::UTC).addSecs(seq);
    e.window = window;
    e.clerk = window == kW1 ? QStringLiteral("c1") : QStringLiteral("c2");
    if (seq == 1) {
        e.kind = QStringLiteral("started");
        e.payload = {{QStringLiteral("number"), signedentries::numberOf(caseId, window)},
            {QStringLiteral("region"), QStringLiteral("330106")}, {QStringLiteral("window"), window},
            {QStringLiteral("windowName"), QStringLiteral("综合窗口")},
            {QStringLiteral("catalogVersion"), QStringLiteral("2026.11")}};
    } else {
        e.kind = QStringLiteral("marked");
        e.payload = {{QStringLiteral("material"), QStringLiteral("m%1").arg(seq)},
            {QStringLiteral("how"), seq % 2 ? QStringLiteral("copy") : QStringLiteral("original")}};
    }
    return e.toJson();
}

QJsonArray entries(const QString &caseId, int from, int to, const QString &window)
{
    QJsonArray out;
    for (int seq = from; seq <= to; ++seq)
        out.append(entry(caseId, seq, window));
    return out;
}

struct Push
{
    Push(QString id, QString bearer, QJsonArray sent)
        : caseId(std::move(id))
        , token(std::move(bearer))
        , entries(std::move(sent))
    { }
    QString caseId;
    QString token;
    QJsonArray entries;
    int status = 0;
    QByteArray body;
};

} // namespace

class TestBackOfficePool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void slowRequestsDoNotStallTheOthers();
    void concurrentClientsStoreEveryEntryOnce();
    void slowSignInDoesNotStallTheOthers();
    void slowUploadDoesNotStallTheOthers();
    void slowEnrolmentDoesNotStallTheOthers();
    void resendsAreNotCountedAsApplied();
    void cleanupTestCase();

private:
    QString signIn(const QString &user);
    QNetworkReply *post(QNetworkAccessManager &nam, const Push &push);
    QJsonObject readCase(const QString &caseId, const QString &token, int *status);
    QHash<QByteArray, qint64> entryCounters();
    // What probeWhileHeld() saw.
    struct Held
    {
        qint64 worstHealth = 0;
        qint64 worstAppend = 0;
        int appends = 0;
        bool slowStillWaiting = false; // the slow request had not answered when the lock went
        int slowStatus = 0;
        QByteArray slowBody;
    };
    // Holds `table` from the test's own connection (PostgreSQL: LOCK … IN EXCLUSIVE MODE, which
    // lets reads and other tables' writes through; SQLite: BEGIN IMMEDIATE, its one writer lock),
    // starts the slow request, and once it waits on the lock (PostgreSQL: a lock not granted;
    // SQLite: its body sent) probes /health and (PostgreSQL) an append to `otherCase` one after
    // another for 1.5 s; then lets go and waits for the slow request's answer.
    void probeWhileHeld(const QString &table, const std::function<QNetworkReply *(QNetworkAccessManager &)> &start,
        const QString &otherCase, Held *held);
    void checkHeld(const Held &held, const char *what);

    QTemporaryDir m_dir;
    BackOfficeProcess m_server;
    QString m_c1;
    QString m_c2;
};

void TestBackOfficePool::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString data = m_dir.filePath(QStringLiteral("data"));
    for (const QString &code : {QStringLiteral("W01"), QStringLiteral("W02"), QStringLiteral("W03")}) {
        const AdminRun r = runAdmin(data,
            {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"),
                QStringLiteral("--code"), code, QStringLiteral("--name"), QStringLiteral("综合窗口"),
                QStringLiteral("--kind"), QStringLiteral("window")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    for (const auto &[user, window] : {std::pair {QStringLiteral("c1"), kW1}, std::pair {QStringLiteral("c2"), kW2}}) {
        const AdminRun r = runAdmin(data,
            {QStringLiteral("add-user"), QStringLiteral("--name"), user, QStringLiteral("--role"),
                QStringLiteral("clerk"), QStringLiteral("--window"), window},
            kPassword.toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    QVERIFY(m_server.start(data, 0, {QStringLiteral("--workers"), QString::number(kWorkers)}));
    ApiClient api {QJsonObject()};
    api.setPort(m_server.port());
    for (const QString &window : {kW1, kW2}) {
        const QString why = signedentries::enrol(api, data, window);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
    m_c1 = signIn(QStringLiteral("c1"));
    m_c2 = signIn(QStringLiteral("c2"));
    QVERIFY(!m_c1.isEmpty() && !m_c2.isEmpty());
}

QString TestBackOfficePool::signIn(const QString &user)
{
    ApiClient api {QJsonObject()};
    api.setPort(m_server.port());
    const ApiResponse r = api.call("POST", QStringLiteral("/v1/sessions"),
        QJsonObject {{QStringLiteral("name"), user}, {QStringLiteral("password"), kPassword}});
    return r.status == 201 ? r.object().value(QLatin1String("token")).toString() : QString();
}

QNetworkReply *TestBackOfficePool::post(QNetworkAccessManager &nam, const Push &push)
{
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1/v1/cases/%2/entries").arg(m_server.port()).arg(push.caseId)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + push.token.toLatin1());
    request.setTransferTimeout(120000);
    return nam.post(request, QJsonDocument(push.entries).toJson(QJsonDocument::Compact));
}

QJsonObject TestBackOfficePool::readCase(const QString &caseId, const QString &token, int *status)
{
    ApiClient api {QJsonObject()};
    api.setPort(m_server.port());
    const ApiResponse r = api.call("GET", QStringLiteral("/v1/cases/") + caseId, QJsonValue::Undefined,
        {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toLatin1()}});
    *status = r.status;
    return r.object();
}

void TestBackOfficePool::slowRequestsDoNotStallTheOthers()
{
    // kBigAppends appends of kBigEntries entries each (real work: each entry checked, sealed,
    // stored, applied) on their own connections. Once a body is with the server, /health,
    // a read of the other window's case and (PostgreSQL) an append to it are asked: with the work
    // on workers they answer while the big ones still run; on one thread they waited for them.
    // (SQLite has one writer: there the case routes take turns, and only /health is asked.)
    const QString other = QStringLiteral("small-1");
    {
        ApiClient api {QJsonObject()};
        api.setPort(m_server.port());
        const ApiResponse made = api.call("POST", QStringLiteral("/v1/cases/") + other + QStringLiteral("/entries"),
            entries(other, 1, 1, kW2),
            {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_c2.toLatin1()}});
        QCOMPARE(made.status, 200);
    }
    std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
    QList<QNetworkReply *> big;
    QElapsedTimer clock;
    clock.start();
    int uploaded = 0;
    int bigDone = 0;
    qint64 bigLastMs = -1;
    for (int i = 0; i < kBigAppends; ++i) {
        nams.push_back(std::make_unique<QNetworkAccessManager>());
        const QString id = QStringLiteral("big-%1").arg(i);
        QNetworkReply *reply = post(*nams.back(), Push {id, m_c1, entries(id, 1, kBigEntries, kW1)});
        connect(reply, &QNetworkReply::uploadProgress, this, [&uploaded](qint64 sent, qint64 total) {
            if (total > 0 && sent == total)
                ++uploaded;
        });
        connect(reply, &QNetworkReply::finished, this, [&bigDone, &bigLastMs, &clock] {
            ++bigDone;
            bigLastMs = clock.elapsed();
        });
        big.append(reply);
    }
    // The probes go as soon as the first body is with the server: its append (or, on SQLite, the
    // appends taking turns) still runs for a while, and a loaded machine may finish the first one
    // before the last body has even been sent.
    QTRY_VERIFY_WITH_TIMEOUT(uploaded >= 1 || bigDone > 0, 60000);
    const qint64 askedAt = clock.elapsed();
    QVERIFY2(bigDone == 0, "the big appends finished before the probes could be sent: make them bigger");

    QNetworkAccessManager probeNam;
    QNetworkReply *health =
        probeNam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(m_server.port()))));
    qint64 healthMs = -1;
    connect(health, &QNetworkReply::finished, this, [&] { healthMs = clock.elapsed() - askedAt; });
    QNetworkAccessManager smallNam;
    QNetworkAccessManager readNam;
    QNetworkReply *read = nullptr;
    qint64 readMs = -1;
    QNetworkReply *small = nullptr;
    qint64 smallMs = -1;
    if (testOnPostgres()) {
        QNetworkRequest readRequest(
            QUrl(QStringLiteral("http://127.0.0.1:%1/v1/cases/%2").arg(m_server.port()).arg(other)));
        readRequest.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_c2.toLatin1());
        read = readNam.get(readRequest);
        connect(read, &QNetworkReply::finished, this, [&] { readMs = clock.elapsed() - askedAt; });
        small = post(smallNam, Push {other, m_c2, entries(other, 2, 2, kW2)});
        connect(small, &QNetworkReply::finished, this, [&] { smallMs = clock.elapsed() - askedAt; });
    }

    QTRY_VERIFY_WITH_TIMEOUT(
        healthMs >= 0 && (!read || readMs >= 0) && (!small || smallMs >= 0) && bigDone == kBigAppends, 120000);
    const qint64 bigMs = bigLastMs - askedAt;
    qInfo("after the bodies: /health %lld ms, read %lld ms, small append %lld ms; big appends done %lld ms later",
        healthMs, readMs, smallMs, bigMs);
    QCOMPARE(health->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    for (QNetworkReply *reply : big)
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    // Answered while the big appends still ran, and quickly.
    QVERIFY2(healthMs < bigMs, "/health waited for the slow appends");
    QVERIFY2(healthMs <= 250, qPrintable(QStringLiteral("/health took %1 ms").arg(healthMs)));
    if (read) {
        QCOMPARE(read->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY2(readMs < bigMs && readMs <= 500, qPrintable(QStringLiteral("the read took %1 ms").arg(readMs)));
    }
    if (small) {
        QCOMPARE(small->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY2(
            smallMs < bigMs && smallMs <= 1000, qPrintable(QStringLiteral("the small append took %1 ms").arg(smallMs)));
    }
}

void TestBackOfficePool::concurrentClientsStoreEveryEntryOnce()
{
    // kCases cases of each window; every entry alone, overlapping ranges and a backwards run, each
    // request twice, shuffled and spread over kClients clients at once: all land on the workers.
    QList<Push> pushes;
    QHash<QString, QJsonArray> expected;
    QHash<QString, QString> tokenOf;
    for (int w = 0; w < 2; ++w) {
        const QString window = w ? kW2 : kW1;
        const QString token = w ? m_c2 : m_c1;
        for (int c = 0; c < kCases; ++c) {
            const QString id = QStringLiteral("pool-%1-%2").arg(w).arg(c);
            const QJsonArray all = entries(id, 1, kSeqs, window);
            expected.insert(id, all);
            tokenOf.insert(id, token);
            for (int copy = 0; copy < 2; ++copy) {
                for (int seq = 1; seq <= kSeqs; ++seq)
                    pushes.append(Push {id, token, QJsonArray {all.at(seq - 1)}});
                pushes.append(Push {id, token, entries(id, 1, 4, window)});
                pushes.append(Push {id, token, entries(id, 3, kSeqs, window)});
                QJsonArray backwards;
                for (int seq = kSeqs - 2; seq >= 2; --seq)
                    backwards.append(all.at(seq - 1));
                pushes.append(Push {id, token, backwards});
            }
        }
    }
    std::shuffle(pushes.begin(), pushes.end(), *QRandomGenerator::global());
    std::vector<std::unique_ptr<QNetworkAccessManager>> clients;
    for (int i = 0; i < kClients; ++i)
        clients.push_back(std::make_unique<QNetworkAccessManager>());
    int open = int(pushes.size());
    for (qsizetype i = 0; i < pushes.size(); ++i) {
        Push &p = pushes[i];
        QNetworkReply *reply = post(*clients[size_t(i % kClients)], p);
        connect(reply, &QNetworkReply::finished, this, [&p, reply, &open] {
            p.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            p.body = reply->readAll();
            reply->deleteLater();
            --open;
        });
    }
    QTRY_VERIFY_WITH_TIMEOUT(open == 0, 180000);
    for (const Push &p : pushes)
        QVERIFY2(p.status == 200 || p.status == 202,
            qPrintable(QStringLiteral("%1: %2 %3").arg(p.caseId).arg(p.status).arg(QString::fromUtf8(p.body))));

    for (auto it = expected.begin(); it != expected.end(); ++it) {
        int status = 0;
        const QJsonObject stored = readCase(it.key(), tokenOf.value(it.key()), &status);
        QCOMPARE(status, 200);
        QCOMPARE(stored.value(QLatin1String("entries")).toArray(), it.value());
        QCOMPARE(stored.value(QLatin1String("applied")).toInt(), kSeqs);
    }
    // Straight from the database: one row per (case, seq), seqs 1..kSeqs, all applied.
    const QString connection = QStringLiteral("pool-peek");
    {
        QSqlDatabase db = openTestDatabase(m_dir.filePath(QStringLiteral("data")), connection);
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT c.case_id, c.applied_seq, COUNT(e.seq), COUNT(DISTINCT e.seq),"
                                      " COUNT(e.applied_at), MIN(e.seq), MAX(e.seq) FROM cases c"
                                      " JOIN case_entries e ON e.case_id = c.case_id"
                                      " WHERE c.case_id LIKE 'pool-%' GROUP BY c.case_id, c.applied_seq")));
        int cases = 0;
        while (q.next()) {
            ++cases;
            for (int column : {1, 2, 3, 4, 6})
                QCOMPARE(q.value(column).toInt(), kSeqs);
            QCOMPARE(q.value(5).toInt(), 1);
        }
        QCOMPARE(cases, 2 * kCases);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

void TestBackOfficePool::probeWhileHeld(const QString &table,
    const std::function<QNetworkReply *(QNetworkAccessManager &)> &start, const QString &otherCase, Held *held)
{
    ApiClient api {QJsonObject()};
    api.setPort(m_server.port());
    const QByteArray bearer = QByteArrayLiteral("Bearer ") + m_c2.toLatin1();
    QCOMPARE(api.call("POST", QStringLiteral("/v1/cases/%1/entries").arg(otherCase), entries(otherCase, 1, 1, kW2),
                    {{QByteArrayLiteral("Authorization"), bearer}})
                 .status,
        200);
    const QString connection = QStringLiteral("pool-lock");
    {
        QSqlDatabase db = openTestDatabase(m_dir.filePath(QStringLiteral("data")), connection);
        QVERIFY(db.isOpen());
        QSqlQuery hold(db);
        if (testOnPostgres()) {
            QVERIFY(hold.exec(QStringLiteral("BEGIN")));
            QVERIFY(hold.exec(QStringLiteral("LOCK TABLE %1 IN EXCLUSIVE MODE").arg(table)));
        } else {
            QVERIFY(hold.exec(QStringLiteral("PRAGMA busy_timeout = 5000")));
            QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));
        }
        QNetworkAccessManager slowNam;
        QNetworkReply *slow = start(slowNam);
        bool answered = false;
        bool sent = false;
        connect(slow, &QNetworkReply::finished, this, [&answered] { answered = true; });
        connect(slow, &QNetworkReply::uploadProgress, this, [&sent](qint64 done, qint64 total) {
            if (total <= 0 || done == total)
                sent = true;
        });
        if (testOnPostgres()) {
            // Its write waits for the table (a lock on it not granted: the signal to go on). Only
            // this database's lock on this table counts: pg_locks shows the whole cluster, where
            // other tests' databases have brief lock waits of their own.
            QSqlQuery waiting(db);
            QVERIFY(waiting.prepare(QStringLiteral("SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND relation = "
                                                   "?::regclass AND database = (SELECT oid FROM pg_database WHERE "
                                                   "datname = current_database())")));
            waiting.addBindValue(table);
            QTRY_VERIFY_WITH_TIMEOUT(waiting.exec() && waiting.next() && waiting.value(0).toInt() > 0, 10000);
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(sent || answered, 10000);
        }
        // Probes one after another for 1.5 s: each answers quickly.
        QElapsedTimer window;
        window.start();
        int seq = 2;
        while (window.elapsed() < 1500) {
            QElapsedTimer one;
            one.start();
            QCOMPARE(api.call("GET", QStringLiteral("/health")).status, 200);
            held->worstHealth = std::max(held->worstHealth, one.elapsed());
            if (testOnPostgres()) {
                one.restart();
                QCOMPARE(api.call("POST", QStringLiteral("/v1/cases/%1/entries").arg(otherCase),
                                entries(otherCase, seq, seq, kW2), {{QByteArrayLiteral("Authorization"), bearer}})
                             .status,
                    200);
                held->worstAppend = std::max(held->worstAppend, one.elapsed());
                ++seq;
            }
        }
        held->appends = seq - 2;
        held->slowStillWaiting = !answered;
        QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
        QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
        held->slowStatus = slow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        held->slowBody = slow->readAll();
        delete slow;
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

void TestBackOfficePool::checkHeld(const Held &held, const char *what)
{
    qInfo("while %s waited on the database: /health at most %lld ms, an append at most %lld ms (%d appends); it "
          "then answered %d",
        what, held.worstHealth, held.worstAppend, held.appends, held.slowStatus);
    QVERIFY2(held.worstHealth <= 250, qPrintable(QStringLiteral("/health took %1 ms").arg(held.worstHealth)));
    QVERIFY2(held.worstAppend <= 1000, qPrintable(QStringLiteral("an append took %1 ms").arg(held.worstAppend)));
    QVERIFY2(held.slowStillWaiting, "the slow request did not wait on the lock: the probes proved nothing");
}

void TestBackOfficePool::slowSignInDoesNotStallTheOthers()
{
    // A sign-in whose writes wait on the database: a wrong password, whose audit row waits for the
    // audit table the test holds. Meanwhile /health and (PostgreSQL) an append answer at once;
    // with the sign-in's database work on the event-loop thread they waited for it (up to the 5 s
    // lock or busy timeout).
    Held held;
    probeWhileHeld(
        QStringLiteral("audit"),
        [this](QNetworkAccessManager &nam) {
            QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/sessions").arg(m_server.port())));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            return nam.post(request,
                QJsonDocument(QJsonObject {{QStringLiteral("name"), QStringLiteral("c1")},
                                  {QStringLiteral("password"), QStringLiteral("not the password")}})
                    .toJson(QJsonDocument::Compact));
        },
        QStringLiteral("signin-other"), &held);
    if (QTest::currentTestFailed())
        return;
    checkHeld(held, "a sign-in");
    QCOMPARE(held.slowStatus, 401);
}

void TestBackOfficePool::slowUploadDoesNotStallTheOthers()
{
    // A tus upload of 4 MiB whose last PATCH, once its body is in, waits to record the offset and
    // the stored blob (the uploads table held; on SQLite the writer lock). Meanwhile /health and
    // (PostgreSQL) an append answer at once; with the upload's database work on the event-loop
    // thread they waited for it. Then the upload completes: its offset is the whole length.
    const QByteArray bytes = QByteArray(4 * 1024 * 1024, 'u') + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    const QByteArray sha = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    const QByteArray bearer = QByteArrayLiteral("Bearer ") + m_c1.toLatin1();
    ApiClient api {QJsonObject()};
    api.setPort(m_server.port());
    const ApiResponse made = api.call("POST", QStringLiteral("/v1/uploads"), QJsonValue::Undefined,
        {{QByteArrayLiteral("Authorization"), bearer}, {QByteArrayLiteral("Tus-Resumable"), QByteArrayLiteral("1.0.0")},
            {QByteArrayLiteral("Upload-Length"), QByteArray::number(bytes.size())},
            {QByteArrayLiteral("Upload-Metadata"),
                "sha256 " + sha.toHex().toBase64() + ",type " + QByteArray("application/pdf").toBase64()}});
    QCOMPARE(made.status, 201);
    const QByteArray location = made.headers.value("location");
    QVERIFY(location.startsWith("/v1/uploads/"));
    Held held;
    probeWhileHeld(
        QStringLiteral("uploads"),
        [&](QNetworkAccessManager &nam) {
            QNetworkRequest request(
                QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.port()).arg(QString::fromLatin1(location))));
            request.setRawHeader(QByteArrayLiteral("Authorization"), bearer);
            request.setRawHeader(QByteArrayLiteral("Tus-Resumable"), QByteArrayLiteral("1.0.0"));
            request.setRawHeader(QByteArrayLiteral("Upload-Offset"), QByteArrayLiteral("0"));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/offset+octet-stream"));
            request.setTransferTimeout(60000);
            return nam.sendCustomRequest(request, QByteArrayLiteral("PATCH"), bytes);
        },
        QStringLiteral("upload-other"), &held);
    if (QTest::currentTestFailed())
        return;
    checkHeld(held, "a tus PATCH");
    QVERIFY2(held.slowStatus == 204, held.slowBody.constData());
    const ApiResponse head = api.call("HEAD", QString::fromLatin1(location), QJsonValue::Undefined,
        {{QByteArrayLiteral("Authorization"), bearer},
            {QByteArrayLiteral("Tus-Resumable"), QByteArrayLiteral("1.0.0")}});
    QCOMPARE(head.status, 200);
    QCOMPARE(head.headers.value("upload-offset").toLongLong(), qint64(bytes.size()));
}

void TestBackOfficePool::slowEnrolmentDoesNotStallTheOthers()
{
    // A window's enrolment whose code cannot be marked used yet (enrolment_codes held; on SQLite
    // the writer lock): /health and (PostgreSQL) an append answer meanwhile; with enrolment on
    // the event-loop thread they waited for it. Then the window is enrolled.
    QString why;
    const QJsonObject body = signedentries::enrolment(m_dir.filePath(QStringLiteral("data")), kW3, &why);
    QVERIFY2(!body.isEmpty(), qPrintable(why));
    Held held;
    probeWhileHeld(
        QStringLiteral("enrolment_codes"),
        [this, &body](QNetworkAccessManager &nam) {
            QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/enrol").arg(m_server.port())));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            return nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        },
        QStringLiteral("enrol-other"), &held);
    if (QTest::currentTestFailed())
        return;
    checkHeld(held, "an enrolment");
    QVERIFY2(held.slowStatus == 201, held.slowBody.constData());
}

QHash<QByteArray, qint64> TestBackOfficePool::entryCounters()
{
    QHash<QByteArray, qint64> out;
    ApiClient api {QJsonObject()};
    api.setPort(m_server.port());
    const ApiResponse r = api.call("GET", QStringLiteral("/metrics"));
    for (const QByteArray &line : r.raw.split('\n')) {
        if (line.startsWith("onewindow_entries_"))
            out.insert(line.left(line.indexOf(' ')), line.mid(line.indexOf(' ') + 1).toLongLong());
    }
    return out;
}

void TestBackOfficePool::resendsAreNotCountedAsApplied()
{
    // /metrics counts an entry as applied once: a resend (the client's retry after a lost
    // answer) is acknowledged again but counted as replayed; a held entry counts as applied when
    // the gap before it is filled.
    const QString id = QStringLiteral("metrics-1");
    const QByteArray bearer = QByteArrayLiteral("Bearer ") + m_c1.toLatin1();
    ApiClient api {QJsonObject()};
    api.setPort(m_server.port());
    auto push = [&](int from, int to) {
        return api.call("POST", QStringLiteral("/v1/cases/%1/entries").arg(id), entries(id, from, to, kW1),
            {{QByteArrayLiteral("Authorization"), bearer}});
    };
    const QHash<QByteArray, qint64> before = entryCounters();
    QCOMPARE(push(1, 3).status, 200);
    QCOMPARE(push(1, 3).status, 200); // sent again: the same answer
    QCOMPARE(push(5, 5).status, 202); // held for seq 4
    QCOMPARE(push(4, 4).status, 200); // fills the gap: 4 and 5 applied
    QCOMPARE(push(2, 5).status, 200); // all of it again
    const QHash<QByteArray, qint64> after = entryCounters();
    auto delta = [&](const char *name) { return after.value(name, -1) - before.value(name, 0); };
    QCOMPARE(delta("onewindow_entries_applied_total"), qint64(5));
    QCOMPARE(delta("onewindow_entries_stored_total"), qint64(5));
    QCOMPARE(delta("onewindow_entries_replayed_total"), qint64(3 + 4));
}

void TestBackOfficePool::cleanupTestCase()
{
    m_server.stop();
}

QTEST_MAIN(TestBackOfficePool)
#include "tst_backofficepool.moc"
