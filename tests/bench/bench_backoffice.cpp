// Issue 12: case-log entries applied per second by a real onewindow-backoffice over loopback,
// with 100,000 cases already stored, on SQLite and on PostgreSQL (a throwaway cluster started
// with tests/support/pg-cluster.sh, or --pg URL of a database to use). Prints figures; asserts
// nothing.
//
// Also tus blob upload MB/s and the p99 latency of the events long-poll wake-up, when the server
// has them. On PostgreSQL (issue 21): entries/s with 1, 8 and 32 connections printed beside
// `pgbench` (TPC-B-like, scale 10, same connections) on the same cluster, which the benchmark starts
// with fsync on (OW_PG_DURABLE=1); the cross-instance wake-up; and what 300 idle long-polls cost
// the database (transactions/s from pg_stat_database).
//
// With --repeat N every figure is measured N times (pgbench and ours back to back in each round)
// and the medians and the targets (met / MISSED) are printed at the end.
//
// Beside every run it prints the CPU each side spent per entry (ms of CPU: PostgreSQL's processes,
// the back office, this client), read from /proc, which a busy machine does not distort as it
// does the rates. --appends-only measures the appends alone (no pgbench, events or uploads).
//
//   bench_backoffice [--cases N] [--requests N] [--repeat N] [--sqlite-only | --pg-only]
//                    [--pg postgresql://… [--pg-data DIR]] [--server PATH] [--appends-only]
#include "BenchConnection.h"
#include "BenchCpu.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/receipt/QrPayload.h"
#include "onewindow/receipt/ReceiptDocument.h"
#include "onewindow/receipt/WindowKey.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <QDir>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using ow::backoffice::Database;

namespace {

const QString kWindow = QStringLiteral("330106-W01");

// --server PATH: measure another build of onewindow-backoffice (default: this tree's).
QString &serverPath()
{
    static QString path = QStringLiteral(OW_BACKOFFICE);
    return path;
}
const QString kPassword = QStringLiteral("bench password 1");

// The window's key (seeded as enrolled): decided entries are signed with it, as the window does.
const ow::receipt::WindowKey &windowKey()
{
    static const ow::receipt::WindowKey key = [] {
        auto made = ow::receipt::WindowKey::generate(kWindow);
        if (!made)
            qFatal("key: %s", qPrintable(made.error()));
        return made.value();
    }();
    return key;
}

// A decided (refusal) entry's payload as the window makes it: the document frozen, its QR signed.
QJsonObject decidedPayload(const QString &caseId, const QString &number)
{
    ow::receipt::ReceiptDocument d;
    d.kind = ow::receipt::DocumentKind::RefusalNotice;
    d.caseId = caseId;
    d.caseNumber = number;
    d.issuedAt = QDateTime(QDate(2026, 11, 27), QTime(1, 31, 3), Qt::UTC);
    auto frozen = ow::receipt::ReceiptDocument::fromJson(d.toJson(false));
    if (!frozen)
        qFatal("document: %s", qPrintable(frozen.error()));
    d = frozen.value();
    ow::receipt::QrPayload qr = ow::receipt::QrPayload::forDocument(d, windowKey().keyId());
    const auto signature = windowKey().sign(qr.signedPart());
    if (!signature)
        qFatal("sign: %s", qPrintable(signature.error()));
    qr.signature = signature.value();
    d.qrPayload = qr.encode();
    return {{QStringLiteral("decision"), QStringLiteral("refuse")}, {QStringLiteral("refusalReason"), QString()},
        {QStringLiteral("digest"), QString::fromLatin1(d.digest().toHex())}, {QStringLiteral("document"), d.toJson()}};
}
constexpr int kIdlePolls = 300;

struct Target
{
    QString label;
    QString dataDir;
    QString url; // "" SQLite
    QString pgData; // the cluster's data folder (its postmaster.pid), "" unknown
};

// What each side spent between two readings.
struct CpuReading
{
    double postgres = -1;
    double server = -1;
    double client = -1;
};

CpuReading readCpu(const Target &t, qint64 serverPid)
{
    return {benchcpu::postgresSeconds(t.pgData), benchcpu::processSeconds(serverPid, true),
        benchcpu::processSeconds(getpid(), false)};
}

// " | CPU per entry: PostgreSQL a ms, server b ms, client c ms"
QString cpuPerEntry(const CpuReading &before, const CpuReading &after, double entries)
{
    auto ms = [entries](double a, double b) {
        return a < 0 || b < 0 || entries <= 0 ? QStringLiteral("?")
                                              : QString::number((b - a) * 1000.0 / entries, 'f', 3);
    };
    return QStringLiteral(" | CPU ms/entry: PostgreSQL %1, server %2, client %3")
        .arg(ms(before.postgres, after.postgres), ms(before.server, after.server), ms(before.client, after.client));
}

QStringList dbArgs(const Target &t)
{
    QStringList a {QStringLiteral("--data-dir"), t.dataDir};
    if (!t.url.isEmpty())
        a << QStringLiteral("--db") << t.url;
    return a;
}

bool admin(const Target &t, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(serverPath(), QStringList {QStringLiteral("admin")} + args + dbArgs(t));
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        std::fprintf(
            stderr, "admin %s: %s\n", qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
        return false;
    }
    return true;
}

// The window (enrolled), a clerk and `cases` cases of one `started` entry each, in two portable bulk
// statements.
bool seed(const Target &t, int cases)
{
    if (!admin(t,
            {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"),
                QStringLiteral("--code"), QStringLiteral("W01"), QStringLiteral("--name"), QStringLiteral("bench"),
                QStringLiteral("--kind"), QStringLiteral("window")})
        || !admin(t,
            {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("c1"), QStringLiteral("--role"),
                QStringLiteral("clerk"), QStringLiteral("--window"), kWindow},
            kPassword.toUtf8() + '\n'))
        return false;
    auto db = Database::open(t.dataDir, t.url);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return false;
    }
    const QString series =
        QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) ").arg(cases);
    const QString at = QStringLiteral("'2026-11-27T01:00:00.000Z'");
    if (!(*db)->begin())
        return false;
    auto a = (*db)->exec(series
        + QStringLiteral("INSERT INTO cases (case_id, window_key_id, applied_seq, created_at, updated_at)"
                         " SELECT 'bench-' || i, '%1', 1, %2, %2 FROM n")
              .arg(kWindow, at));
    auto b = (*db)->exec(series
        + QStringLiteral(
            "INSERT INTO case_entries (case_id, seq, kind, content, received_at, applied_at)"
            " SELECT 'bench-' || i, 1, 'started', '{\"at\":\"2026-11-27T01:00:00.000Z\",\"case\":\"bench-'"
            " || i || '\",\"clerk\":\"c\",\"kind\":\"started\",\"payload\":{},\"seq\":1,\"window\":\"%1\"}',"
            " %2, %2 FROM n")
              .arg(kWindow, at));
    // The window's key, as its enrolment leaves it: only an enrolled window may push, and its
    // decided entries (the events' wake-up) are signed with it.
    auto k = (*db)->exec(
        QStringLiteral("INSERT INTO window_keys (key_id, public_key, enrolled_at) VALUES (?, ?, %1)").arg(at),
        {kWindow, QString::fromLatin1(windowKey().publicKey().toBase64())});
    if (!a || !b || !k || !(*db)->commit()) {
        std::fprintf(stderr, "seed: %s\n", qPrintable((*db)->lastError()));
        return false;
    }
    return true;
}

QJsonObject entry(const QString &caseId, int seq)
{
    return QJsonObject {{QStringLiteral("case"), caseId}, {QStringLiteral("seq"), seq},
        {QStringLiteral("at"), QStringLiteral("2026-11-27T01:31:%1.000Z").arg(seq % 60, 2, 10, QLatin1Char('0'))},
        // The signed-in clerk, as the window writes it (app/client: the clerk is the user who
        // signed in); a name that is not a user of the window costs a lookup and is replaced.
        {QStringLiteral("window"), kWindow}, {QStringLiteral("clerk"), QStringLiteral("c1")},
        {QStringLiteral("kind"), QStringLiteral("marked")},
        {QStringLiteral("payload"),
            QJsonObject {{QStringLiteral("material"), QStringLiteral("id-card")},
                {QStringLiteral("how"), QStringLiteral("copy")}}}};
}

struct Server
{
    QProcess process;
    quint16 port = 0;
    ~Server()
    {
        process.terminate();
        if (!process.waitForFinished(10000))
            process.kill();
        process.waitForFinished(5000);
    }
};

bool start(Server &s, const Target &t)
{
    // 300 idle long-polls from 127.0.0.1: above the default cap per address (64).
    s.process.start(serverPath(),
        QStringList {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--max-connections-per-address"),
            QStringLiteral("1000")}
            + dbArgs(t));
    if (!s.process.waitForStarted(10000) || !s.process.waitForReadyRead(30000))
        return false;
    const auto m =
        QRegularExpression(QStringLiteral(":(\\d+)$")).match(QString::fromUtf8(s.process.readLine()).trimmed());
    s.port = quint16(m.captured(1).toUInt());
    return m.hasMatch();
}

// Sends `bodies` (path, JSON) `inFlight` at a time over `inFlight` keep-alive HTTP/1.1
// connections (BenchConnection), one request in flight on each; the number answered 200.
int run(quint16 port, const QString &token, const QList<QPair<QString, QByteArray>> &bodies, int inFlight)
{
    std::vector<std::unique_ptr<BenchConnection>> conns;
    QEventLoop loop;
    qsizetype next = 0;
    int answered = 0;
    int ok = 0;
    std::function<void(BenchConnection &)> send = [&](BenchConnection &c) {
        if (next >= bodies.size())
            return;
        const auto &[path, body] = bodies.at(next++);
        c.send("POST", path.toUtf8(), token.toLatin1(), body, [&, conn = &c](int status, const QByteArray &) {
            ok += status == 200 ? 1 : 0;
            if (++answered == bodies.size())
                loop.quit();
            else
                send(*conn);
        });
    };
    for (int i = 0; i < std::max(1, inFlight); ++i)
        conns.push_back(std::make_unique<BenchConnection>(port));
    for (const auto &c : conns)
        send(*c);
    if (answered < bodies.size()) {
        QTimer::singleShot(600000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return ok;
}

struct Answer
{
    int status = 0;
    QByteArray body;
    QByteArray location;
    QByteArray offset;
};

Answer send(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url,
    const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body = {})
{
    QNetworkRequest r(url);
    for (const auto &h : headers)
        r.setRawHeader(h.first, h.second);
    QNetworkReply *reply = nam.sendCustomRequest(r, method, body);
    QEventLoop wait;
    QObject::connect(reply, &QNetworkReply::finished, &wait, &QEventLoop::quit);
    QTimer::singleShot(120000, &wait, &QEventLoop::quit);
    wait.exec();
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    a.location = reply->rawHeader("Location");
    a.offset = reply->rawHeader("Upload-Offset");
    reply->abort();
    reply->deleteLater();
    return a;
}

// tus 1.0: POST creates the upload, PATCHes of `chunk` bytes with their sha256 send it; MB/s of
// the whole (hashing by the server on completion included). 0 when the server has no tus.
double uploadRate(QNetworkAccessManager &nam, quint16 port, const QString &token, qint64 size, qint64 chunk)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator gen {quint32(chunk)}; // another blob each time (a known sha256 completes at once)
    gen.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
    const QByteArray sha = QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
    const QByteArray bearer = QByteArrayLiteral("Bearer ") + token.toLatin1();
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));
    QElapsedTimer timer;
    timer.start();
    const Answer made = send(nam, "POST", base.resolved(QUrl(QStringLiteral("/v1/uploads"))),
        {{"Authorization", bearer}, {"Tus-Resumable", "1.0.0"}, {"Upload-Length", QByteArray::number(size)},
            {"Upload-Metadata",
                "sha256 " + sha.toBase64() + ",material " + QByteArrayLiteral("bench").toBase64() + ",filename "
                    + QByteArrayLiteral("bench.pdf").toBase64() + ",type "
                    + QByteArrayLiteral("application/pdf").toBase64()}});
    if (made.status != 201 || made.location.isEmpty()) {
        std::fprintf(stderr, "POST /v1/uploads: %d %s\n", made.status, made.body.constData());
        return 0;
    }
    const QUrl upload = base.resolved(QUrl(QString::fromLatin1(made.location)));
    for (qint64 offset = 0; offset < size; offset += chunk) {
        const QByteArray piece = data.mid(offset, chunk);
        const Answer a = send(nam, "PATCH", upload,
            {{"Authorization", bearer}, {"Tus-Resumable", "1.0.0"}, {"Content-Type", "application/offset+octet-stream"},
                {"Upload-Offset", QByteArray::number(offset)},
                {"Upload-Checksum",
                    "sha256 " + QCryptographicHash::hash(piece, QCryptographicHash::Sha256).toBase64()}},
            piece);
        if (a.status != 204) {
            std::fprintf(
                stderr, "PATCH at %lld: %d %s\n", static_cast<long long>(offset), a.status, a.body.constData());
            return 0;
        }
    }
    return double(size) / (1024.0 * 1024.0) / (double(timer.nsecsElapsed()) / 1e9);
}

// GET /v1/events long-poll wake-up: a poll (wait=30) is parked on `pollPort`, then a `decided`
// entry (which makes a `confirmed` event) is sent to `writePort`; the time from sending it to the
// poll's answer, `samples` times. Empty when the server has no events.
QList<double> eventLatencies(QNetworkAccessManager &nam, quint16 pollPort, quint16 writePort, const QString &token,
    const QString &prefix, int samples)
{
    QList<double> out;
    const QByteArray bearer = QByteArrayLiteral("Bearer ") + token.toLatin1();
    const QUrl pollBase(QStringLiteral("http://127.0.0.1:%1").arg(pollPort));
    const QUrl writeBase(QStringLiteral("http://127.0.0.1:%1").arg(writePort));
    const Answer first = send(nam, "GET",
        pollBase.resolved(QUrl(QStringLiteral("/v1/events?after=0&wait=0&limit=500"))), {{"Authorization", bearer}});
    if (first.status != 200)
        return out;
    qint64 cursor = 0;
    for (;;) { // to the end of what is there
        const Answer page = send(nam, "GET",
            pollBase.resolved(QUrl(QStringLiteral("/v1/events?after=%1&wait=0&limit=500").arg(cursor))),
            {{"Authorization", bearer}});
        const qint64 next = QJsonDocument::fromJson(page.body).object().value(QLatin1String("cursor")).toInteger();
        if (page.status != 200 || next == cursor)
            break;
        cursor = next;
    }
    static int numbers = 0;
    for (int i = 0; i < samples; ++i) {
        const QString id = QStringLiteral("%1-%2").arg(prefix).arg(i);
        // A number of the window's own series, one per case.
        const QString number = QStringLiteral("%1-20261127-%2").arg(kWindow).arg(++numbers, 4, 10, QLatin1Char('0'));
        QJsonObject started = entry(id, 1);
        started.insert(QStringLiteral("kind"), QStringLiteral("started"));
        started.insert(QStringLiteral("payload"),
            QJsonObject {{QStringLiteral("number"), number}, {QStringLiteral("region"), QStringLiteral("330106")},
                {QStringLiteral("window"), kWindow}, {QStringLiteral("windowName"), QStringLiteral("综合窗口")},
                {QStringLiteral("catalogVersion"), QStringLiteral("2026.11")}});
        QJsonObject decided = entry(id, 2);
        decided.insert(QStringLiteral("kind"), QStringLiteral("decided"));
        decided.insert(QStringLiteral("payload"), decidedPayload(id, number));
        const QUrl entries = writeBase.resolved(QUrl(QStringLiteral("/v1/cases/%1/entries").arg(id)));
        const QList<QPair<QByteArray, QByteArray>> json {
            {"Authorization", bearer}, {"Content-Type", "application/json"}};
        if (send(nam, "POST", entries, json, QJsonDocument(QJsonArray {started}).toJson(QJsonDocument::Compact)).status
            != 200)
            return {};
        QNetworkRequest poll(
            pollBase.resolved(QUrl(QStringLiteral("/v1/events?after=%1&wait=30&limit=500").arg(cursor))));
        poll.setRawHeader("Authorization", bearer);
        QNetworkReply *held = nam.get(poll);
        QEventLoop park; // let the poll reach the server and be parked
        QTimer::singleShot(30, &park, &QEventLoop::quit);
        park.exec();
        QElapsedTimer timer;
        timer.start();
        QNetworkRequest write(entries);
        write.setRawHeader("Authorization", bearer);
        write.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *posted = nam.post(write, QJsonDocument(QJsonArray {decided}).toJson(QJsonDocument::Compact));
        QEventLoop wait;
        double latency = -1;
        QObject::connect(held, &QNetworkReply::finished, &wait, [&] {
            latency = double(timer.nsecsElapsed()) / 1e6;
            if (posted->isFinished())
                wait.quit();
        });
        QObject::connect(posted, &QNetworkReply::finished, &wait, [&] {
            if (held->isFinished())
                wait.quit();
        });
        QTimer::singleShot(40000, &wait, &QEventLoop::quit);
        wait.exec();
        const QJsonObject page = QJsonDocument::fromJson(held->readAll()).object();
        held->deleteLater();
        posted->deleteLater();
        const QJsonArray events = page.value(QLatin1String("events")).toArray();
        if (latency < 0 || events.isEmpty())
            return {};
        cursor = page.value(QLatin1String("cursor")).toInteger();
        out.append(latency);
    }
    return out;
}

void printLatencies(const QString &label, const QString &what, QList<double> ms)
{
    if (ms.isEmpty()) {
        std::printf("%-10s events long-poll wake-up (%s): not measured (no events in this server)\n", qPrintable(label),
            qPrintable(what));
        return;
    }
    std::sort(ms.begin(), ms.end());
    auto at = [&ms](double p) { return ms.at(std::min(ms.size() - 1, qsizetype(p * double(ms.size())))); };
    std::printf("%-10s events long-poll wake-up (%s, %lld samples): p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
        qPrintable(label), qPrintable(what), static_cast<long long>(ms.size()), at(0.5), at(0.99), ms.last());
}

// Transactions committed on the database of `url` per second while kIdlePolls long-polls wait on
// the server at `port` (pg_stat_database, over 10 s, 12 s after they are parked); -1 if not
// measured.
double idleLoad(quint16 port, const QString &token, const QString &url)
{
    std::vector<std::unique_ptr<QTcpSocket>> polls;
    for (int i = 0; i < kIdlePolls; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, port);
        if (!socket->waitForConnected(5000))
            return -1;
        socket->write("GET /v1/events?after=1000000&wait=30 HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer "
            + token.toLatin1() + "\r\n\r\n");
        socket->flush();
        polls.push_back(std::move(socket));
    }
    // Parked, and the statistics of earlier work reported (a backend does so up to 10 s late).
    QEventLoop park;
    QTimer::singleShot(12000, &park, &QEventLoop::quit);
    park.exec();
    const QUrl u(url);
    double perSecond = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-stats"));
        db.setHostName(u.host());
        db.setPort(u.port(5432));
        db.setUserName(u.userName());
        db.setPassword(u.password());
        db.setDatabaseName(QStringLiteral("postgres")); // not the measured database
        if (db.open()) {
            auto commits = [&db, &u] {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT xact_commit FROM pg_stat_database WHERE datname = ?"));
                q.addBindValue(u.path().mid(1));
                return q.exec() && q.next() ? q.value(0).toLongLong() : qint64(-1);
            };
            const qint64 before = commits();
            QEventLoop wait;
            QTimer::singleShot(10000, &wait, &QEventLoop::quit);
            wait.exec();
            const qint64 after = commits();
            if (before >= 0 && after >= 0)
                perSecond = double(after - before) / 10.0;
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-stats"));
    for (const auto &s : polls) {
        if (s->bytesAvailable() > 0)
            return -1; // answered: not idle
    }
    return perSecond;
}

// Makes database pgbench (scale 10) on the cluster of `url`; false without pgbench.
bool pgbenchInit(const QString &url)
{
    const QString base = url.left(url.lastIndexOf(QLatin1Char('/')));
    QProcess::execute(QStringLiteral("psql"),
        {base + QStringLiteral("/postgres"), QStringLiteral("-qc"), QStringLiteral("CREATE DATABASE pgbench")});
    QProcess init;
    init.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    init.start(QStringLiteral("pgbench"),
        {QStringLiteral("-q"), QStringLiteral("-i"), QStringLiteral("-s"), QStringLiteral("10"),
            base + QStringLiteral("/pgbench")});
    return init.waitForFinished(300000) && init.exitCode() == 0;
}

// pgbench's tps (TPC-B-like, 10 s) on that database with `clients` clients; -1 if it failed.
double pgbenchTps(const QString &url, int clients)
{
    const QString db = url.left(url.lastIndexOf(QLatin1Char('/'))) + QStringLiteral("/pgbench");
    QProcess p;
    p.start(QStringLiteral("pgbench"),
        {QStringLiteral("-n"), QStringLiteral("-c"), QString::number(clients), QStringLiteral("-j"),
            QString::number(std::min(clients, 4)), QStringLiteral("-T"), QStringLiteral("10"), db});
    if (!p.waitForFinished(60000))
        return -1;
    const auto m = QRegularExpression(QStringLiteral("tps = ([0-9.]+)")).match(QString::fromUtf8(p.readAll()));
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

double median(QList<double> v)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2)
                                       : QStringLiteral("?");
}

bool bench(const Target &t, int cases, int requests, int repeats, bool appendsOnly)
{
    const bool withPgbench = !appendsOnly && !t.url.isEmpty() && pgbenchInit(t.url);
    QElapsedTimer seeding;
    seeding.start();
    if (!seed(t, cases))
        return false;
    std::printf("%-10s seeded %d cases in %.1f s\n", qPrintable(t.label), cases, double(seeding.elapsed()) / 1000.0);
    Server server;
    if (!start(server, t)) {
        std::fprintf(stderr, "the back office did not start: %s\n", server.process.readAllStandardError().constData());
        return false;
    }
    QNetworkAccessManager nam;
    QNetworkRequest signIn(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/sessions").arg(server.port)));
    signIn.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.post(signIn,
        QJsonDocument(
            QJsonObject {{QStringLiteral("name"), QStringLiteral("c1")}, {QStringLiteral("password"), kPassword}})
            .toJson());
    QEventLoop wait;
    QObject::connect(reply, &QNetworkReply::finished, &wait, &QEventLoop::quit);
    QTimer::singleShot(30000, &wait, &QEventLoop::quit);
    wait.exec();
    const QString token = QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("token")).toString();
    reply->deleteLater();
    if (token.isEmpty())
        return false;

    // One entry per request (seq 2 of distinct stored cases, spread over the table), then batches
    // of 10 (seqs 2–11 of other stored cases); with 1, 8 and 32 connections (every request on a
    // case of its own, so every entry is new: --cases must exceed 3.6 × --repeat × --requests).
    // On PostgreSQL each round runs pgbench with the same connections first, back to back, so a
    // busy machine weighs on both sides of the ratio alike.
    int round = 0;
    QHash<QPair<int, int>, QList<double>> rates; // (batch, connections) → entries/s per round
    QHash<int, QList<double>> pgTps; // connections → tps per round
    QHash<QPair<int, int>, QList<double>> ratios; // entries/s over pgbench's tps, per round
    for (int rep = 0; rep < repeats; ++rep) {
        if (withPgbench) {
            for (const int clients : {1, 8, 32}) {
                const double tps = pgbenchTps(t.url, clients);
                if (tps > 0)
                    pgTps[clients].append(tps);
                std::printf("%-10s round %d: pgbench %2d clients: %.0f tps (TPC-B-like, scale 10, same cluster)\n",
                    qPrintable(t.label), rep + 1, clients, tps);
            }
        }
        for (const int batch : {1, 10}) {
            for (const int inFlight : {1, 8, 32}) {
                QList<QPair<QString, QByteArray>> bodies;
                const int n = batch == 1 ? requests : requests / 5;
                for (int i = 0; i < n; ++i, ++round) {
                    const int c = 1 + int((qint64(round) * 7919) % cases);
                    const QString id = QStringLiteral("bench-%1").arg(c);
                    QJsonArray entries;
                    for (int s = 2; s < 2 + batch; ++s)
                        entries.append(entry(id, s));
                    bodies.append({QStringLiteral("/v1/cases/%1/entries").arg(id),
                        QJsonDocument(entries).toJson(QJsonDocument::Compact)});
                }
                const CpuReading cpuBefore = readCpu(t, server.process.processId());
                QElapsedTimer timer;
                timer.start();
                const int ok = run(server.port, token, bodies, inFlight);
                const double secs = double(timer.nsecsElapsed()) / 1e9;
                const double rate = double(ok) * batch / secs;
                const QString cpu = cpuPerEntry(cpuBefore, readCpu(t, server.process.processId()), double(ok) * batch);
                rates[{batch, inFlight}].append(rate);
                QString beside;
                if (!pgTps.value(inFlight).isEmpty() && pgTps.value(inFlight).size() == rep + 1) {
                    const double tps = pgTps.value(inFlight).last();
                    ratios[{batch, inFlight}].append(rate / tps);
                    beside =
                        QStringLiteral(" | pgbench %1 tps, ratio %2").arg(tps, 0, 'f', 0).arg(rate / tps, 0, 'f', 2);
                }
                std::printf("%-10s round %d: %2d entr%s/request, %2d connections: %5d requests in %.2f s = %7.0f"
                            " entries/s (%d of %d answered 200)%s%s, load %s\n",
                    qPrintable(t.label), rep + 1, batch, batch == 1 ? "y  " : "ies", inFlight, n, secs, rate, ok, n,
                    qPrintable(beside), qPrintable(cpu), qPrintable(loadAverage()));
                std::fflush(stdout);
            }
        }
    }
    std::printf(
        "%-10s medians of %d round(s), load average %s:\n", qPrintable(t.label), repeats, qPrintable(loadAverage()));
    for (const int batch : {1, 10}) {
        for (const int inFlight : {1, 8, 32}) {
            QString beside;
            if (!ratios.value({batch, inFlight}).isEmpty())
                beside = QStringLiteral(" | pgbench %1 tps, ratio %2")
                             .arg(median(pgTps.value(inFlight)), 0, 'f', 0)
                             .arg(median(ratios.value({batch, inFlight})), 0, 'f', 2);
            std::printf("%-10s   %2d entr%s/request, %2d connections: %7.0f entries/s%s\n", qPrintable(t.label), batch,
                batch == 1 ? "y  " : "ies", inFlight, median(rates.value({batch, inFlight})), qPrintable(beside));
        }
    }
    // The targets of issue 21 (medians of the per-round ratios).
    QList<double> scaling;
    for (qsizetype i = 0; i < rates.value({1, 8}).size() && i < rates.value({1, 1}).size(); ++i)
        scaling.append(rates.value({1, 8}).at(i) / rates.value({1, 1}).at(i));
    auto target = [&t](const char *what, double value, double goal) {
        if (value < 0)
            std::printf("%-10s target %s: not measured\n", qPrintable(t.label), what);
        else
            std::printf("%-10s target %s: %.2f× (goal ≥ %.1f×) %s\n", qPrintable(t.label), what, value, goal,
                value >= goal ? "met" : "MISSED");
    };
    if (withPgbench) {
        target("1 entry/request, 8 connections vs pgbench 8 clients", median(ratios.value({1, 8})), 0.8);
        target("10 entries/request, 8 connections vs pgbench 8 clients", median(ratios.value({10, 8})), 3.0);
    }
    target("1 entry/request, 8 connections vs 1 connection", median(scaling), 3.0);
    std::fflush(stdout);
    if (appendsOnly)
        return true;
    printLatencies(t.label, QStringLiteral("poll and write on one instance"),
        eventLatencies(nam, server.port, server.port, token, QStringLiteral("ev1"), 200));
    if (!t.url.isEmpty()) {
        Server second;
        if (start(second, t)) {
            QList<double> wake = eventLatencies(nam, second.port, server.port, token, QStringLiteral("ev2"), 100);
            printLatencies(t.label, QStringLiteral("poll on a second instance"), wake);
            if (!wake.isEmpty()) {
                std::sort(wake.begin(), wake.end());
                const double p99 = wake.at(std::min(wake.size() - 1, qsizetype(0.99 * double(wake.size()))));
                std::printf("%-10s target cross-instance wake-up p99: %.1f ms (goal ≤ 100 ms) %s\n",
                    qPrintable(t.label), p99, p99 <= 100 ? "met" : "MISSED");
            }
            const double load = idleLoad(second.port, token, t.url);
            if (load >= 0)
                std::printf("%-10s %d idle long-polls on one instance: %.1f database transactions/s\n"
                            "%-10s target idle long-polls: %.1f queries/s (goal ≤ 5) %s\n",
                    qPrintable(t.label), kIdlePolls, load, qPrintable(t.label), load, load <= 5 ? "met" : "MISSED");
        }
    }
    std::fflush(stdout);

    const qint64 blob = 64 * 1024 * 1024;
    for (const qint64 chunk : {qint64(1) << 20, qint64(8) << 20}) {
        const double rate = uploadRate(nam, server.port, token, blob, chunk);
        if (rate > 0)
            std::printf("%-10s blob upload (tus, %lld MiB in %lld MiB PATCHes with sha256): %6.1f MB/s\n",
                qPrintable(t.label), static_cast<long long>(blob >> 20), static_cast<long long>(chunk >> 20), rate);
        else
            std::printf("%-10s blob upload: not measured (no tus in this server)\n", qPrintable(t.label));
    }
    return true;
}

// The throwaway cluster of the pg tests, for the benchmark's own run.
struct Cluster
{
    QString state;
    bool started = false;
    ~Cluster()
    {
        if (started)
            QProcess::execute(QStringLiteral("sh"), {QStringLiteral(OW_PG_CLUSTER), QStringLiteral("stop"), state});
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&args](const char *name, const QString &fallback) {
        const qsizetype i = args.indexOf(QLatin1String(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const int cases = option("--cases", QStringLiteral("100000")).toInt();
    const int requests = option("--requests", QStringLiteral("3000")).toInt();
    const int repeats = option("--repeat", QStringLiteral("1")).toInt();
    QString pg = option("--pg", QString());
    QString pgData = option("--pg-data", QString());
    const bool appendsOnly = args.contains(QLatin1String("--appends-only"));
    serverPath() = option("--server", serverPath());
    QTemporaryDir dir;
    if (!dir.isValid() || cases < 1000 || requests < 10 || repeats < 1
        || qint64(cases) * 10 < qint64(requests) * 36 * repeats)
        return 2;

    std::printf("bench_backoffice: onewindow-backoffice over loopback, %d cases stored, load average %s\n", cases,
        qPrintable(loadAverage()));
    if (!args.contains(QLatin1String("--pg-only"))
        && !bench({QStringLiteral("sqlite"), dir.filePath(QStringLiteral("sqlite")), QString(), QString()}, cases,
            requests, repeats, appendsOnly))
        return 1;
    if (args.contains(QLatin1String("--sqlite-only")))
        return 0;
    Cluster cluster;
    if (pg.isEmpty()) {
        cluster.state = dir.filePath(QStringLiteral("pg-state"));
        // fsync on: the figures of a database that keeps what it acknowledged.
        qputenv("OW_PG_DURABLE", "1");
        cluster.started = QProcess::execute(QStringLiteral("sh"),
                              {QStringLiteral(OW_PG_CLUSTER), QStringLiteral("start"), cluster.state})
            == 0;
        QFile f(cluster.state + QStringLiteral("/url"));
        if (!cluster.started || !f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "no PostgreSQL cluster (pass --pg URL or install postgresql)\n");
            return 1;
        }
        const QString base = QString::fromUtf8(f.readLine()).trimmed();
        QProcess::execute(
            QStringLiteral("psql"), {base, QStringLiteral("-qc"), QStringLiteral("CREATE DATABASE bench")});
        pg = base.left(base.lastIndexOf(QLatin1Char('/'))) + QStringLiteral("/bench");
        QFile folder(cluster.state + QStringLiteral("/cluster"));
        if (folder.open(QIODevice::ReadOnly))
            pgData = QString::fromUtf8(folder.readLine()).trimmed() + QStringLiteral("/data");
    }
    if (!bench({QStringLiteral("postgresql"), dir.filePath(QStringLiteral("pg")), pg, pgData}, cases, requests, repeats,
            appendsOnly))
        return 1;
    return 0;
}
