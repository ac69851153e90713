// Issue 23: call-next latency with 20 windows calling at once (call next, done, call next …) on
// a hall with a few thousand waiting tickets, against one and two onewindow-backoffice instances
// on PostgreSQL (fsync on), SQLite beside it. Prints p50/p99/max per setup (target p99 ≤ 50 ms).
//   build/dev/tests/bench/bench_queue [--tickets N] [--pg URL [--pg-data DIR]] [--workers N] [--waits]
// The windows are plain keep-alive connections (BenchConnection), as cheap as real windows on
// other PCs are for this machine; beside the latencies it prints the CPU each side spent per call.
// --waits: on PostgreSQL, samples pg_stat_activity every 10 ms on a thread of its own while the
// windows call, and prints what the benchmark's backends were waiting on (share of samples).
#include "BenchConnection.h"
#include "BenchCpu.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <thread>

#include <unistd.h>

namespace {

constexpr int kWindows = 20;
// --workers N: the servers' worker threads (default: theirs, the cores).
QStringList &serverExtra()
{
    static QStringList extra;
    return extra;
}
const QByteArray kPassword = "bench password 1";

QStringList dbArgs(const QString &url)
{
    return url.isEmpty() ? QStringList() : QStringList {QStringLiteral("--db"), url};
}

bool admin(const QString &dir, const QString &url, const QStringList &args, const QByteArray &input = {},
    QString *out = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(OW_BACKOFFICE),
        QStringList {QStringLiteral("admin")} + args + QStringList {QStringLiteral("--data-dir"), dir} + dbArgs(url));
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    if (p.exitCode() != 0)
        std::fprintf(stderr, "admin %s: %s\n", qPrintable(args.first()), p.readAllStandardError().constData());
    return p.exitCode() == 0;
}

struct Server
{
    QProcess process;
    quint16 port = 0;
    bool start(const QString &dir, const QString &url)
    {
        process.start(QStringLiteral(OW_BACKOFFICE),
            QStringList {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data-dir"), dir} + dbArgs(url)
                + serverExtra());
        QByteArray seen;
        QElapsedTimer t;
        t.start();
        const QRegularExpression listening(QStringLiteral("listening on [^ ]+:(\\d+)\\n"));
        while (t.elapsed() < 20000 && process.waitForReadyRead(1000)) {
            seen += process.readAllStandardOutput();
            const auto m = listening.match(QString::fromUtf8(seen));
            if (m.hasMatch()) {
                port = quint16(m.captured(1).toUInt());
                return true;
            }
        }
        std::fprintf(stderr, "server did not start: %s\n", process.readAllStandardError().constData());
        return false;
    }
    ~Server()
    {
        process.terminate();
        process.waitForFinished(10000);
    }
};

// Wait events of the active backends of the database of `url`, sampled until stop.
class WaitSampler
{
public:
    explicit WaitSampler(const QString &url)
        : m_url(url)
    {
        m_thread = std::thread([this] { run(); });
    }
    ~WaitSampler() { stop(); }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    void print() const
    {
        std::printf("           wait events of the active backends (%lld samples of %lld polls):", m_samples, m_polls);
        std::vector<std::pair<qint64, QString>> byCount;
        for (const auto &[name, count] : m_counts)
            byCount.push_back({count, name});
        std::sort(byCount.rbegin(), byCount.rend());
        for (size_t i = 0; i < byCount.size() && i < 6; ++i)
            std::printf(" %s %.0f %%;", qPrintable(byCount.at(i).second),
                100.0 * double(byCount.at(i).first) / double(std::max<qint64>(1, m_samples)));
        std::printf("\n");
    }

private:
    void run()
    {
        const QUrl u(m_url);
        const QString name = QStringLiteral("bench-waits");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(u.host());
            db.setPort(u.port(5432));
            db.setUserName(u.userName());
            db.setPassword(u.password());
            db.setDatabaseName(QStringLiteral("postgres"));
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT COALESCE(wait_event_type || ':' || wait_event, 'CPU') FROM"
                                         " pg_stat_activity WHERE datname = ? AND state = 'active'"));
                while (!m_stop) {
                    q.addBindValue(u.path().mid(1));
                    if (q.exec()) {
                        ++m_polls;
                        while (q.next()) {
                            ++m_counts[q.value(0).toString()];
                            ++m_samples;
                        }
                    }
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
    }
    QString m_url;
    std::atomic<bool> m_stop {false};
    std::map<QString, qint64> m_counts;
    qint64 m_samples = 0;
    qint64 m_polls = 0;
    std::thread m_thread;
};

bool &sampleWaits()
{
    static bool on = false;
    return on;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min(v.size() - 1, size_t(p * double(v.size()))));
}

bool bench(
    const QString &label, const QString &dir, const QString &url, const QString &pgData, int tickets, int instances)
{
    QJsonArray windows;
    for (int i = 1; i <= kWindows; ++i) {
        const QString code = QStringLiteral("W%1").arg(i, 2, 10, QLatin1Char('0'));
        if (!admin(dir, url,
                {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"),
                    QStringLiteral("--code"), code, QStringLiteral("--name"), code, QStringLiteral("--kind"),
                    QStringLiteral("window")})
            || !admin(dir, url,
                {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("c%1").arg(i),
                    QStringLiteral("--role"), QStringLiteral("clerk"), QStringLiteral("--window"),
                    QStringLiteral("330106-") + code},
                kPassword + '\n'))
            return false;
        windows.append(QJsonObject {{QStringLiteral("window"), QStringLiteral("330106-") + code},
            {QStringLiteral("categories"), QJsonArray {QStringLiteral("a"), QStringLiteral("b")}}});
    }
    QFile hall(dir + QStringLiteral(".hall.json"));
    if (!hall.open(QIODevice::WriteOnly))
        return false;
    hall.write(QJsonDocument(
        QJsonObject {{QStringLiteral("hall"), QStringLiteral("H1")}, {QStringLiteral("name"), QStringLiteral("H1")},
            {QStringLiteral("categories"),
                QJsonArray {QJsonObject {{QStringLiteral("code"), QStringLiteral("a")},
                                {QStringLiteral("name"), QStringLiteral("商事登记")},
                                {QStringLiteral("letter"), QStringLiteral("A")}},
                    QJsonObject {{QStringLiteral("code"), QStringLiteral("b")},
                        {QStringLiteral("name"), QStringLiteral("社会保障")},
                        {QStringLiteral("letter"), QStringLiteral("B")}}}},
            {QStringLiteral("windows"), windows}})
                   .toJson());
    hall.close();
    QString out;
    if (!admin(dir, url, {QStringLiteral("set-hall"), hall.fileName()})
        || !admin(dir, url,
            {QStringLiteral("add-hall-device"), QStringLiteral("--hall"), QStringLiteral("H1"),
                QStringLiteral("--kind"), QStringLiteral("kiosk"), QStringLiteral("--name"), QStringLiteral("k")},
            {}, &out))
        return false;
    const QByteArray kiosk =
        out.mid(out.indexOf(QLatin1String("token: ")) + 7).section(QLatin1Char('\n'), 0, 0).trimmed().toLatin1();
    std::vector<std::unique_ptr<Server>> servers;
    for (int i = 0; i < instances; ++i) {
        servers.push_back(std::make_unique<Server>());
        if (!servers.back()->start(dir, url))
            return false;
    }
    QNetworkAccessManager nam; // the set-up's requests
    const auto request = [&](int n, const QString &path, const QByteArray &token) {
        QNetworkRequest r(
            QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(servers.at(size_t(n % instances))->port).arg(path)));
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty())
            r.setRawHeader("Authorization", "Bearer " + token);
        return r;
    };
    const auto wait = [](QNetworkReply *reply) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        reply->deleteLater();
        return reply;
    };
    QList<QByteArray> tokens;
    for (int i = 1; i <= kWindows; ++i) {
        QNetworkReply *r = wait(nam.post(request(i, QStringLiteral("/v1/sessions"), {}),
            QJsonDocument(QJsonObject {{QStringLiteral("name"), QStringLiteral("c%1").arg(i)},
                              {QStringLiteral("password"), QString::fromLatin1(kPassword)}})
                .toJson()));
        tokens.append(
            QJsonDocument::fromJson(r->readAll()).object().value(QLatin1String("token")).toString().toLatin1());
    }
    QElapsedTimer issuing;
    issuing.start();
    for (int i = 0; i < tickets; ++i) {
        QNetworkReply *r = wait(nam.post(request(i, QStringLiteral("/v1/halls/H1/tickets"), kiosk),
            QJsonDocument(
                QJsonObject {{QStringLiteral("category"), i % 3 ? QStringLiteral("a") : QStringLiteral("b")},
                    {QStringLiteral("priority"), i % 10 < 3 ? QStringLiteral("elderly") : QStringLiteral("none")}})
                .toJson()));
        if (r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 201) {
            std::fprintf(stderr, "issue: %d %s %s\n", r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                qPrintable(r->errorString()), r->readAll().constData());
            return false;
        }
    }
    const double issueMs = double(issuing.elapsed());
    std::vector<double> latencies;
    int running = kWindows;
    int failures = 0;
    std::unique_ptr<WaitSampler> sampler;
    if (sampleWaits() && !url.isEmpty())
        sampler = std::make_unique<WaitSampler>(url);
    // Each window is a PC of its own with a keep-alive connection to each instance: it calls on
    // one instance and says done on the other (with two), so the call's events cross instances.
    std::vector<std::vector<std::unique_ptr<BenchConnection>>> conns(static_cast<size_t>(kWindows));
    for (auto &perWindow : conns) {
        for (const auto &server : servers)
            perWindow.push_back(std::make_unique<BenchConnection>(server->port));
    }
    const auto conn = [&](int w, int n) -> BenchConnection & {
        return *conns.at(size_t(w - 1)).at(size_t(n % instances));
    };
    const auto cpuNow = [&] {
        double serversSeconds = 0;
        for (const auto &server : servers)
            serversSeconds += benchcpu::processSeconds(server->process.processId(), true);
        return std::array<double, 3> {pgData.isEmpty() ? -1 : benchcpu::postgresSeconds(pgData), serversSeconds,
            benchcpu::processSeconds(getpid(), false)};
    };
    const std::array<double, 3> cpuBefore = cpuNow();
    QElapsedTimer all;
    all.start();
    QEventLoop loop;
    std::function<void(int)> step = [&](int w) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        conn(w, w).send("POST", QStringLiteral("/v1/windows/330106-W%1/calls").arg(w, 2, 10, QLatin1Char('0')).toUtf8(),
            tokens.at(w - 1), QByteArray(), [&, w, timer](int status, const QByteArray &body) {
                if (status != 200) {
                    if (status != 204)
                        std::fprintf(stderr, "call: %d %s\n", status, body.constData());
                    failures += status == 204 ? 0 : 1;
                    if (--running == 0)
                        loop.quit();
                    return;
                }
                latencies.push_back(double(timer->nsecsElapsed()) / 1e6);
                const QString id = QJsonDocument::fromJson(body).object().value(QLatin1String("id")).toString();
                conn(w, w + 1).send("POST", QStringLiteral("/v1/tickets/%1/done").arg(id).toUtf8(), tokens.at(w - 1),
                    QByteArray(), [&, w](int doneStatus, const QByteArray &doneBody) {
                        if (doneStatus != 200) {
                            std::fprintf(stderr, "done: %d %s\n", doneStatus, doneBody.constData());
                            ++failures;
                        }
                        step(w);
                    });
            });
    };
    for (int w = 1; w <= kWindows; ++w)
        step(w);
    loop.exec();
    const double seconds = double(all.elapsed()) / 1000.0;
    const std::array<double, 3> cpuAfter = cpuNow();
    const auto perCall = [&](size_t i) {
        return cpuBefore.at(i) < 0 || latencies.empty()
            ? QStringLiteral("?")
            : QString::number((cpuAfter.at(i) - cpuBefore.at(i)) * 1000.0 / double(latencies.size()), 'f', 2);
    };
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QByteArray load =
        loadavg.open(QIODevice::ReadOnly) ? loadavg.readAll().split(' ').mid(0, 3).join(' ') : QByteArray("?");
    std::printf("%-10s %d instance%s, %d windows, %d tickets (issued at %.1f ms each): call next p50 %.1f ms, "
                "p99 %.1f ms, max %.1f ms; %zu calls in %.1f s (%.0f calls/s, with done); %d failed; CPU ms per call"
                " and its done: PostgreSQL %s, server%s %s, client %s; load %s\n",
        qPrintable(label), instances, instances > 1 ? "s" : "", kWindows, tickets, issueMs / tickets,
        percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(latencies, 1.0), latencies.size(), seconds,
        double(latencies.size()) / seconds, failures, qPrintable(perCall(0)), instances > 1 ? "s" : "",
        qPrintable(perCall(1)), qPrintable(perCall(2)), load.constData());
    if (sampler) {
        sampler->stop();
        sampler->print();
    }
    std::fflush(stdout);
    return failures == 0 && int(latencies.size()) == tickets;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QLatin1String("--tickets"));
    const int tickets = at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : 2000;
    const qsizetype pgAt = args.indexOf(QLatin1String("--pg"));
    QString pg = pgAt >= 0 && pgAt + 1 < args.size() ? args.at(pgAt + 1) : QString();
    // --pg-data DIR: the data folder of the --pg cluster, for PostgreSQL's CPU.
    const qsizetype pgDataAt = args.indexOf(QLatin1String("--pg-data"));
    QString pgData = pgDataAt >= 0 && pgDataAt + 1 < args.size() ? args.at(pgDataAt + 1) : QString();
    const qsizetype workersAt = args.indexOf(QLatin1String("--workers"));
    if (workersAt >= 0 && workersAt + 1 < args.size())
        serverExtra() = {QStringLiteral("--workers"), args.at(workersAt + 1)};
    sampleWaits() = args.contains(QLatin1String("--waits"));
    QTemporaryDir dir;
    std::printf("bench_queue: call next over loopback, %d windows at once (call next, done, …)\n", kWindows);
    if (!bench(QStringLiteral("sqlite"), dir.filePath(QStringLiteral("sqlite")), QString(), QString(), tickets, 1))
        return 1;
    QString state;
    if (pg.isEmpty()) {
        state = dir.filePath(QStringLiteral("pg-state"));
        qputenv("OW_PG_DURABLE", "1");
        if (QProcess::execute(QStringLiteral("sh"), {QStringLiteral(OW_PG_CLUSTER), QStringLiteral("start"), state})
            != 0)
            return 1;
        QFile f(state + QStringLiteral("/url"));
        if (!f.open(QIODevice::ReadOnly))
            return 1;
        pg = QString::fromUtf8(f.readLine()).trimmed();
        QFile folder(state + QStringLiteral("/cluster"));
        if (folder.open(QIODevice::ReadOnly))
            pgData = QString::fromUtf8(folder.readLine()).trimmed() + QStringLiteral("/data");
    }
    const QString base = pg.left(pg.lastIndexOf(QLatin1Char('/')));
    bool ok = true;
    for (int instances : {1, 2}) {
        const QString name = QStringLiteral("benchq%1").arg(instances);
        QProcess::execute(
            QStringLiteral("psql"), {pg, QStringLiteral("-qc"), QStringLiteral("CREATE DATABASE ") + name});
        ok = ok
            && bench(QStringLiteral("postgresql"), dir.filePath(name), base + QLatin1Char('/') + name, pgData, tickets,
                instances);
    }
    if (!state.isEmpty())
        QProcess::execute(QStringLiteral("sh"), {QStringLiteral(OW_PG_CLUSTER), QStringLiteral("stop"), state});
    return ok ? 0 : 1;
}
