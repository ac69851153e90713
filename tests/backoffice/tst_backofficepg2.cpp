// Two onewindow-backoffice processes on one PostgreSQL database (label pg), written to at once:
// every entry is stored and applied exactly once, in order; the two instances give the same
// answers; of two conflicting first writes exactly one wins and the other gets 409.
#include "ApiClient.h"
#include "SignedEntries.h"

#include "onewindow/store/LogEntry.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <memory>

namespace {

const QString kPassword = QStringLiteral("correct horse 9");
const QString kW1 = QStringLiteral("330106-W01");
const QString kW2 = QStringLiteral("330106-W02");
constexpr int kCasesPerWindow = 12;
constexpr int kSeqs = 8;
constexpr int kConflictCases = 10;

QJsonObject entry(const QString &caseId, int seq, const QString &window, const QString &how)
{
    ow::store::LogEntry e;
    e.caseId = caseId;
    e.seq = seq;
    e.at = QDateTime(QDate(2026, 11, 27), QTime(2, 0, seq), Qt::UTC);
    e.window = window;
    e.clerk = window == kW1 ? QStringLiteral("c1") : QStringLiteral("c2"); // the window's user
    if (seq == 1) {
        e.kind = QStringLiteral("started");
        e.payload = {{QStringLiteral("number"), signedentries::numberOf(caseId, window)},
            {QStringLiteral("region"), QStringLiteral("330106")}, {QStringLiteral("window"), window},
            {QStringLiteral("windowName"), QStringLiteral("综合窗口")},
            {QStringLiteral("catalogVersion"), QStringLiteral("2026.11")}};
    } else {
        e.kind = QStringLiteral("marked");
        e.payload = {{QStringLiteral("material"), QStringLiteral("m%1").arg(seq)}, {QStringLiteral("how"), how}};
    }
    return e.toJson();
}

struct Request
{
    Request(int toServer, QString id, QString bearer, QJsonArray sent)
        : server(toServer)
        , caseId(std::move(id))
        , token(std::move(bearer))
        , entries(std::move(sent))
    { }
    int server = 0; // 0 or 1
    QString caseId;
    QString token;
    QJsonArray entries;
    int status = 0;
    QByteArray body;
};

} // namespace

class TestBackOfficePg2 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void concurrentWritesToTwoInstances();
    void conflictingFirstWritesOneWins();
    void concurrentFirstStartsMigrateOnce();
    void idleLongPollsCostNoQueriesAndWakeAcrossInstances();
    void tokenEndedOnAnotherInstanceStopsItsWrites();
    void cleanupTestCase();

private:
    QString signIn(const QString &user);
    // Sends all requests at once (both servers, many connections) and waits for every answer.
    bool sendAll(QList<Request> &requests);
    QJsonObject get(int server, const QString &path, const QString &token, int *status);

    QTemporaryDir m_dir;
    std::unique_ptr<BackOfficeProcess> m_servers[2];
    QNetworkAccessManager m_nam[4];
    QString m_c1;
    QString m_c2;
};

void TestBackOfficePg2::initTestCase()
{
    QVERIFY2(testOnPostgres(), "OW_TEST_DB is not set: this test runs on PostgreSQL only (ctest -L pg)");
    QVERIFY(m_dir.isValid());
    const QString data = m_dir.filePath(QStringLiteral("data"));
    for (const QString &code : {QStringLiteral("W01"), QStringLiteral("W02")}) {
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
    // Both processes start at once on the new database: the migration lock lets one migrate.
    for (auto &s : m_servers)
        s = std::make_unique<BackOfficeProcess>();
    QVERIFY(m_servers[0]->start(data));
    QVERIFY(m_servers[1]->start(data));
    QVERIFY(m_servers[0]->port() != m_servers[1]->port());
    // Both windows enrol their keys (through the first instance): they may push from then on.
    for (const QString &window : {kW1, kW2}) {
        QString why;
        const QJsonObject body = signedentries::enrolment(data, window, &why);
        QVERIFY2(!body.isEmpty(), qPrintable(why));
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/enrol").arg(m_servers[0]->port())));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam[0].post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        reply->deleteLater();
    }
    m_c1 = signIn(QStringLiteral("c1"));
    m_c2 = signIn(QStringLiteral("c2"));
    QVERIFY(!m_c1.isEmpty() && !m_c2.isEmpty());
}

QString TestBackOfficePg2::signIn(const QString &user)
{
    ApiClient api {QJsonObject()};
    api.setPort(m_servers[0]->port());
    const ApiResponse r = api.call("POST", QStringLiteral("/v1/sessions"),
        QJsonObject {{QStringLiteral("name"), user}, {QStringLiteral("password"), kPassword}});
    return r.status == 201 ? r.object().value(QLatin1String("token")).toString() : QString();
}

bool TestBackOfficePg2::sendAll(QList<Request> &requests)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    int open = int(requests.size());
    for (qsizetype i = 0; i < requests.size(); ++i) {
        Request &r = requests[i];
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(m_servers[r.server]->port());
        url.setPath(QStringLiteral("/v1/cases/%1/entries").arg(r.caseId));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + r.token.toLatin1());
        // Two managers per server: up to 12 connections to each at once.
        QNetworkReply *reply =
            m_nam[r.server * 2 + int(i % 2)].post(request, QJsonDocument(r.entries).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&r, reply, &open, &loop] {
            r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            r.body = reply->readAll();
            reply->deleteLater();
            if (--open == 0)
                loop.quit();
        });
    }
    timeout.start(180000);
    if (open > 0)
        loop.exec();
    return open == 0;
}

QJsonObject TestBackOfficePg2::get(int server, const QString &path, const QString &token, int *status)
{
    ApiClient api {QJsonObject()};
    api.setPort(m_servers[server]->port());
    const ApiResponse r = api.call("GET", path, QJsonValue::Undefined,
        {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toLatin1()}});
    *status = r.status;
    return r.object();
}

void TestBackOfficePg2::concurrentWritesToTwoInstances()
{
    // Cases of both windows. Each entry goes alone to both instances, and overlapping ranges of
    // entries go to both too, all shuffled and in flight at once.
    QList<Request> requests;
    QHash<QString, QJsonArray> expected;
    QHash<QString, QString> tokenOf;
    for (int w = 0; w < 2; ++w) {
        const QString window = w ? kW2 : kW1;
        const QString token = w ? m_c2 : m_c1;
        for (int c = 0; c < kCasesPerWindow; ++c) {
            const QString id = QStringLiteral("pg2-%1-%2").arg(w).arg(c);
            QJsonArray all;
            for (int seq = 1; seq <= kSeqs; ++seq)
                all.append(entry(id, seq, window, seq % 2 ? QStringLiteral("copy") : QStringLiteral("original")));
            expected.insert(id, all);
            tokenOf.insert(id, token);
            auto range = [&all](int from, int to) {
                QJsonArray out;
                for (int s = from; s <= to; ++s)
                    out.append(all.at(s - 1));
                return out;
            };
            for (int server = 0; server < 2; ++server) {
                for (int seq = 1; seq <= kSeqs; ++seq)
                    requests.append(Request {server, id, token, range(seq, seq)});
                requests.append(Request {server, id, token, range(1, 4)});
                requests.append(Request {server, id, token, range(3, kSeqs)});
                QJsonArray backwards;
                for (int seq = 6; seq >= 2; --seq)
                    backwards.append(all.at(seq - 1));
                requests.append(Request {server, id, token, backwards});
            }
        }
    }
    std::shuffle(requests.begin(), requests.end(), *QRandomGenerator::global());
    QVERIFY(sendAll(requests));
    for (const Request &r : requests)
        QVERIFY2(r.status == 200 || r.status == 202,
            qPrintable(QStringLiteral("%1 on instance %2: %3 %4")
                           .arg(r.caseId)
                           .arg(r.server)
                           .arg(r.status)
                           .arg(QString::fromUtf8(r.body))));

    // Every entry is there once, in order, applied, and both instances say the same.
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        int s0 = 0;
        int s1 = 0;
        const QJsonObject a = get(0, QStringLiteral("/v1/cases/") + it.key(), tokenOf.value(it.key()), &s0);
        const QJsonObject b = get(1, QStringLiteral("/v1/cases/") + it.key(), tokenOf.value(it.key()), &s1);
        QCOMPARE(s0, 200);
        QCOMPARE(s1, 200);
        QCOMPARE(a.value(QLatin1String("entries")).toArray(), it.value());
        QCOMPARE(a.value(QLatin1String("applied")).toInt(), kSeqs);
        QCOMPARE(a.value(QLatin1String("held")).toArray(), QJsonArray());
        QCOMPARE(b, a);
    }
    // The same entry again gets the same answer from either instance.
    QList<Request> again;
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        for (int server = 0; server < 2; ++server)
            again.append(Request {server, it.key(), tokenOf.value(it.key()), QJsonArray {it.value().at(2)}});
    }
    QVERIFY(sendAll(again));
    for (qsizetype i = 0; i < again.size(); i += 2) {
        QCOMPARE(again.at(i).status, 200);
        QCOMPARE(again.at(i + 1).status, again.at(i).status);
        QCOMPARE(QJsonDocument::fromJson(again.at(i + 1).body), QJsonDocument::fromJson(again.at(i).body));
    }

    // Straight from the database: one row per (case, seq), all applied, applied_seq at the end.
    const QString connection = QStringLiteral("pg2-peek");
    {
        QSqlDatabase db = openTestDatabase(m_dir.filePath(QStringLiteral("data")), connection);
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        QVERIFY(
            q.exec(QStringLiteral("SELECT c.case_id, c.applied_seq, COUNT(e.seq), COUNT(e.applied_at),"
                                  " MIN(e.seq), MAX(e.seq) FROM cases c JOIN case_entries e ON e.case_id = c.case_id"
                                  " WHERE c.case_id LIKE 'pg2-%' GROUP BY c.case_id, c.applied_seq")));
        int cases = 0;
        while (q.next()) {
            ++cases;
            QCOMPARE(q.value(1).toInt(), kSeqs);
            QCOMPARE(q.value(2).toInt(), kSeqs);
            QCOMPARE(q.value(3).toInt(), kSeqs);
            QCOMPARE(q.value(4).toInt(), 1);
            QCOMPARE(q.value(5).toInt(), kSeqs);
        }
        QCOMPARE(cases, 2 * kCasesPerWindow);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

void TestBackOfficePg2::conflictingFirstWritesOneWins()
{
    // The same new case with different content at seq 2, one version to each instance at once:
    // one is stored (200), the other gets 409 naming seq 2, and nothing of it is kept.
    QList<Request> requests;
    for (int c = 0; c < kConflictCases; ++c) {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        requests.append(Request {
            0, id, m_c1, QJsonArray {entry(id, 1, kW1, QString()), entry(id, 2, kW1, QStringLiteral("copy"))}});
        requests.append(Request {
            1, id, m_c1, QJsonArray {entry(id, 1, kW1, QString()), entry(id, 2, kW1, QStringLiteral("original"))}});
    }
    QVERIFY(sendAll(requests));
    for (qsizetype i = 0; i < requests.size(); i += 2) {
        const Request &a = requests.at(i);
        const Request &b = requests.at(i + 1);
        QList<int> statuses {a.status, b.status};
        std::sort(statuses.begin(), statuses.end());
        QVERIFY2(statuses == (QList<int> {200, 409}),
            qPrintable(QStringLiteral("%1 %2 / %3 %4")
                           .arg(a.status)
                           .arg(QString::fromUtf8(a.body))
                           .arg(b.status)
                           .arg(QString::fromUtf8(b.body))));
        const Request &loser = a.status == 409 ? a : b;
        const Request &winner = a.status == 409 ? b : a;
        const QJsonObject err = QJsonDocument::fromJson(loser.body).object();
        QCOMPARE(err.value(QLatin1String("error")).toString(), QStringLiteral("entry-conflict"));
        const QJsonArray conflicts =
            err.value(QLatin1String("details")).toObject().value(QLatin1String("conflicts")).toArray();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.at(0).toObject().value(QLatin1String("seq")).toInt(), 2);
        for (int server = 0; server < 2; ++server) {
            int status = 0;
            const QJsonObject stored = get(server, QStringLiteral("/v1/cases/") + a.caseId, m_c1, &status);
            QCOMPARE(status, 200);
            QCOMPARE(stored.value(QLatin1String("entries")).toArray(), winner.entries);
        }
    }
}

void TestBackOfficePg2::concurrentFirstStartsMigrateOnce()
{
    // Four admin commands at once on a new database: each migrates or waits for the one that
    // does (pg_advisory_xact_lock); all succeed and every migration is recorded once.
    const QString fresh = m_dir.filePath(QStringLiteral("fresh"));
    const QStringList db = databaseArguments(fresh);
    QCOMPARE(db.size(), 2);
    QList<QProcess *> runs;
    for (int i = 0; i < 4; ++i) {
        auto *p = new QProcess(this);
        p->start(QStringLiteral(OW_BACKOFFICE),
            QStringList {QStringLiteral("admin"), QStringLiteral("add-window"), QStringLiteral("--region"),
                QStringLiteral("330106"), QStringLiteral("--code"), QStringLiteral("X%1").arg(i),
                QStringLiteral("--name"), QStringLiteral("站点"), QStringLiteral("--kind"), QStringLiteral("station")}
                + db);
        runs.append(p);
    }
    for (QProcess *p : runs) {
        QVERIFY(p->waitForFinished(60000));
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        delete p;
    }
    const QString connection = QStringLiteral("pg2-fresh");
    {
        QSqlDatabase d = openTestDatabase(fresh, connection);
        QVERIFY(d.isOpen());
        QSqlQuery q(d);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT version), MIN(version), MAX(version)"
                                      " FROM schema_migrations"))
            && q.next());
        QVERIFY(q.value(0).toInt() >= 1);
        QCOMPARE(q.value(1).toInt(), q.value(0).toInt());
        QCOMPARE(q.value(2).toInt(), 1);
        QCOMPARE(q.value(3).toInt(), q.value(0).toInt());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM windows")) && q.next());
        QCOMPARE(q.value(0).toInt(), 4);
        d.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

void TestBackOfficePg2::idleLongPollsCostNoQueriesAndWakeAcrossInstances()
{
    constexpr int kPolls = 20;
    const QString data = m_dir.filePath(QStringLiteral("data"));
    int status = 0;
    const QJsonObject first = get(1, QStringLiteral("/v1/events?limit=500"), m_c1, &status);
    QCOMPARE(status, 200);
    const qint64 after = first.value(QLatin1String("cursor")).toInteger();

    // kPolls long-polls of window 1 wait on the second instance (several managers: a manager
    // opens at most 6 connections to a host).
    std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
    for (int i = 0; i < 4; ++i)
        nams.push_back(std::make_unique<QNetworkAccessManager>());
    QList<QNetworkReply *> polls;
    QList<qint64> answeredAt(kPolls, -1);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < kPolls; ++i) {
        QNetworkRequest request(QUrl(
            QStringLiteral("http://127.0.0.1:%1/v1/events?after=%2&wait=30").arg(m_servers[1]->port()).arg(after)));
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_c1.toLatin1());
        request.setTransferTimeout(40000);
        QNetworkReply *reply = nams[size_t(i % 4)]->get(request);
        connect(reply, &QNetworkReply::finished, this, [&answeredAt, &clock, i] { answeredAt[i] = clock.elapsed(); });
        polls.append(reply);
    }

    // Idle: the database hears nothing from them (transactions committed on the database, seen
    // from pg_stat_database, over 3 s; the old 1 s recheck made kPolls a second). The polls wait
    // 30 s; the measuring takes at most 21 s after they are in.
    QTest::qWait(1500); // all polls are in and held
    const QString connection = QStringLiteral("pg2-stats");
    qint64 before = -1;
    qint64 later = -1;
    {
        QSqlDatabase db = openTestDatabase(data, connection);
        auto commits = [&db] {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"))
                || !q.next())
                return qint64(-1);
            return q.value(0).toLongLong();
        };
        // Autovacuum's transactions on the tables the set-up wrote count in pg_stat_database too
        // (seen on a loaded machine: 24 in 3 s); they are not the server's.
        QSqlQuery quiet(db);
        if (!quiet.exec(QStringLiteral("DO $$ DECLARE t record; BEGIN FOR t IN SELECT tablename FROM pg_tables"
                                       " WHERE schemaname = current_schema() LOOP EXECUTE format('ALTER TABLE %I SET"
                                       " (autovacuum_enabled = false)', t.tablename); END LOOP; END $$")))
            qWarning("autovacuum stays on: %s", qPrintable(quiet.lastError().text()));
        // Statistics of earlier work may still arrive (a backend reports them up to 10 s late,
        // later on a loaded machine): the cost is the quietest 3 s window within 21 s, before
        // the polls' own 30 s end.
        for (int window = 0; window < 7; ++window) {
            before = commits();
            QTest::qWait(3000);
            later = commits();
            if (later - before <= 5)
                break;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    QVERIFY(before >= 0 && later >= 0);
    qInfo("%d idle long-polls: %lld transactions in 3 s", kPolls, later - before);
    QVERIFY2(later - before <= 5, qPrintable(QStringLiteral("%1 transactions").arg(later - before)));
    for (qsizetype i = 0; i < polls.size(); ++i)
        QVERIFY2(answeredAt.at(i) < 0, "a long-poll ended without an event");

    // An event written through the FIRST instance wakes every poll on the second at once.
    const QString caseId = QStringLiteral("wake-1");
    const QString number = signedentries::numberOf(caseId, kW1);
    QJsonObject decided = entry(caseId, 2, kW1, QString());
    decided.insert(QStringLiteral("kind"), QStringLiteral("decided"));
    decided.insert(QStringLiteral("payload"), signedentries::decidedPayload(caseId, number, signedentries::keyOf(kW1)));
    QList<Request> push {Request(0, caseId, m_c1, QJsonArray {entry(caseId, 1, kW1, QString()), decided})};
    QVERIFY(sendAll(push));
    QVERIFY2(push.at(0).status == 200, push.at(0).body.constData());
    const qint64 committed = clock.elapsed();
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(answeredAt.cbegin(), answeredAt.cend(), [](qint64 t) { return t >= 0; }), 10000);
    QList<qint64> delays;
    for (qsizetype i = 0; i < polls.size(); ++i) {
        QNetworkReply *reply = polls.at(i);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonArray events =
            QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("events")).toArray();
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.at(0).toObject().value(QLatin1String("type")).toString(), QStringLiteral("confirmed"));
        delays.append(answeredAt.at(i) - committed);
        reply->deleteLater();
    }
    std::sort(delays.begin(), delays.end());
    qInfo("cross-instance wake-up after the writer's answer: median %lld ms, slowest %lld ms",
        delays.at(delays.size() / 2), delays.last());
    QVERIFY2(delays.last() <= 1000, qPrintable(QStringLiteral("slowest %1 ms").arg(delays.last())));
}

void TestBackOfficePg2::tokenEndedOnAnotherInstanceStopsItsWrites()
{
    // Issue 21: an instance keeps a window's token a few seconds (TokenCache), so the window's
    // next entries cost no token query there; their statement checks the session itself, so a
    // sign-out on the other instance stops the very next write, cache or not.
    const QString token = signIn(QStringLiteral("c1"));
    QVERIFY(!token.isEmpty());
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto post = [&](int seq) {
        QList<Request> one {Request {0, id, token, QJsonArray {entry(id, seq, kW1, QStringLiteral("original"))}}};
        return sendAll(one) ? one.first().status : -1;
    };
    QCOMPARE(post(1), 200);
    QCOMPARE(post(2), 200);
    QCOMPARE(post(3), 200);
    ApiClient api {QJsonObject()};
    api.setPort(m_servers[1]->port());
    const ApiResponse out = api.call("DELETE", QStringLiteral("/v1/sessions/current"), QJsonValue::Undefined,
        {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toLatin1()}});
    QCOMPARE(out.status, 204);
    QCOMPARE(post(4), 401);
    for (int server = 0; server < 2; ++server) {
        int status = 0;
        const QJsonObject stored = get(server, QStringLiteral("/v1/cases/") + id, m_c1, &status);
        QCOMPARE(status, 200);
        QCOMPARE(stored.value(QLatin1String("entries")).toArray().size(), 3);
    }
}

void TestBackOfficePg2::cleanupTestCase()
{
    for (auto &s : m_servers) {
        if (s)
            s->stop();
    }
}

QTEST_GUILESS_MAIN(TestBackOfficePg2)
#include "tst_backofficepg2.moc"
