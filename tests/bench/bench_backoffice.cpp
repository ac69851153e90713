// Issue 12: case-log entries applied per second by a real onewindow-backoffice over loopback,
// with 100,000 cases already stored, on SQLite and on PostgreSQL (a throwaway cluster started
// with tests/support/pg-cluster.sh, or --pg URL of a database to use). Prints figures; asserts
// nothing.
//
// Also tus blob upload MB/s and the p99 latency of the events long-poll wake-up, when the server
// has them.
//
//   bench_backoffice [--cases N] [--requests N] [--sqlite-only | --pg postgresql://…] [--server PATH]
#include "onewindow/backoffice/Database.h"

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
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <functional>

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
constexpr int kInFlight = 8;

struct Target
{
    QString label;
    QString dataDir;
    QString url; // "" SQLite
};

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
    // The window's key, as its enrolment leaves it: only an enrolled window may push (the bench's
    // entries carry no decided document, so no signature is checked).
    auto k = (*db)->exec(
        QStringLiteral("INSERT INTO window_keys (key_id, public_key, enrolled_at) VALUES (?, ?, %1)").arg(at),
        {kWindow, QString::fromLatin1(QByteArray(32, '\x01').toBase64())});
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
        {QStringLiteral("window"), kWindow}, {QStringLiteral("clerk"), QStringLiteral("李建华")},
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
    s.process.start(serverPath(), QStringList {QStringLiteral("--port"), QStringLiteral("0")} + dbArgs(t));
    if (!s.process.waitForStarted(10000) || !s.process.waitForReadyRead(30000))
        return false;
    const auto m =
        QRegularExpression(QStringLiteral(":(\\d+)$")).match(QString::fromUtf8(s.process.readLine()).trimmed());
    s.port = quint16(m.captured(1).toUInt());
    return m.hasMatch();
}

// Sends `bodies` (path, JSON) kInFlight at a time; the number answered 200.
int run(QNetworkAccessManager &nam, quint16 port, const QString &token, const QList<QPair<QString, QByteArray>> &bodies)
{
    QEventLoop loop;
    qsizetype next = 0;
    int open = 0;
    int ok = 0;
    std::function<void()> send = [&] {
        while (open < kInFlight && next < bodies.size()) {
            QUrl url;
            url.setScheme(QStringLiteral("http"));
            url.setHost(QStringLiteral("127.0.0.1"));
            url.setPort(port);
            url.setPath(bodies.at(next).first);
            QNetworkRequest r(url);
            r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            r.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toLatin1());
            QNetworkReply *reply = nam.post(r, bodies.at(next).second);
            ++next;
            ++open;
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                    ++ok;
                reply->deleteLater();
                --open;
                send();
                if (open == 0 && next == bodies.size())
                    loop.quit();
            });
        }
    };
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    send();
    loop.exec();
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
    for (int i = 0; i < samples; ++i) {
        const QString id = QStringLiteral("%1-%2").arg(prefix).arg(i);
        QJsonObject started = entry(id, 1);
        started.insert(QStringLiteral("kind"), QStringLiteral("started"));
        started.insert(QStringLiteral("payload"),
            QJsonObject {{QStringLiteral("number"), id}, {QStringLiteral("region"), QStringLiteral("330106")},
                {QStringLiteral("window"), kWindow}, {QStringLiteral("windowName"), QStringLiteral("综合窗口")},
                {QStringLiteral("catalogVersion"), QStringLiteral("2026.11")}});
        QJsonObject decided = entry(id, 2);
        decided.insert(QStringLiteral("kind"), QStringLiteral("decided"));
        decided.insert(QStringLiteral("payload"),
            QJsonObject {{QStringLiteral("decision"), QStringLiteral("refuse")},
                {QStringLiteral("refusalReason"), QStringLiteral("bench")},
                {QStringLiteral("digest"), QStringLiteral("bench")},
                {QStringLiteral("document"), QJsonObject {{QStringLiteral("caseNumber"), id}}}});
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

bool bench(const Target &t, int cases, int requests)
{
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
    // of 10 (seqs 2–11 of other stored cases).
    for (const int batch : {1, 10}) {
        QList<QPair<QString, QByteArray>> bodies;
        const int n = batch == 1 ? requests : requests / 5;
        for (int i = 0; i < n; ++i) {
            const int c = 1 + int((qint64(i) * 7919 + (batch == 1 ? 0 : cases / 2)) % cases);
            const QString id = QStringLiteral("bench-%1").arg(c);
            QJsonArray entries;
            for (int s = 2; s < 2 + batch; ++s)
                entries.append(entry(id, s));
            bodies.append({QStringLiteral("/v1/cases/%1/entries").arg(id),
                QJsonDocument(entries).toJson(QJsonDocument::Compact)});
        }
        QElapsedTimer timer;
        timer.start();
        const int ok = run(nam, server.port, token, bodies);
        const double secs = double(timer.nsecsElapsed()) / 1e9;
        std::printf("%-10s %2d entr%s/request, %d in flight: %5d requests in %.2f s = %7.0f entries applied/s"
                    " (%d of %d answered 200)\n",
            qPrintable(t.label), batch, batch == 1 ? "y  " : "ies", kInFlight, n, secs, double(ok) * batch / secs, ok,
            n);
    }
    printLatencies(t.label, QStringLiteral("poll and write on one instance"),
        eventLatencies(nam, server.port, server.port, token, QStringLiteral("ev1"), 200));
    if (!t.url.isEmpty()) {
        Server second;
        if (start(second, t))
            printLatencies(t.label, QStringLiteral("poll on a second instance"),
                eventLatencies(nam, second.port, server.port, token, QStringLiteral("ev2"), 50));
    }

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
    QString pg = option("--pg", QString());
    serverPath() = option("--server", serverPath());
    QTemporaryDir dir;
    if (!dir.isValid() || cases < 1000 || requests < 10)
        return 2;

    std::printf("bench_backoffice: onewindow-backoffice over loopback, %d cases stored\n", cases);
    if (!bench({QStringLiteral("sqlite"), dir.filePath(QStringLiteral("sqlite")), QString()}, cases, requests))
        return 1;
    if (args.contains(QLatin1String("--sqlite-only")))
        return 0;
    Cluster cluster;
    if (pg.isEmpty()) {
        cluster.state = dir.filePath(QStringLiteral("pg-state"));
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
    }
    if (!bench({QStringLiteral("postgresql"), dir.filePath(QStringLiteral("pg")), pg}, cases, requests))
        return 1;
    return 0;
}
