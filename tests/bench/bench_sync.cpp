// Drains an outbox of N cases with M blobs of B bytes each (default 1,000 cases, 5,000 blobs of
// 100 KB) from a client store to a real onewindow-backoffice over loopback with the sync engine,
// and uploads the same bytes raw with curl (tus POST + PATCH, one curl process for all creations
// and one for all PATCHes, keep-alive) to a fresh, empty back office, once one at a time and once
// with as many transfers at once as the engine has upload lanes; prints the throughputs and the
// ratios (target >= 0.8, issue 25), each run and the median of the runs.
// Usage: bench_sync [cases] [blobs per case] [bytes per blob] [runs, default 3]
#include "SyncFixture.h"

#include "onewindow/store/CaseLog.h"
#include "onewindow/sync/SyncEngine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace synctest;

namespace {

int fail(const char *what)
{
    std::fprintf(stderr, "bench_sync: %s\n", what);
    return 1;
}

// Runs curl with a config file (and more options); returns its stdout ("" and a message on failure).
QByteArray curl(const QString &configPath, const QStringList &options, QString *error)
{
    QProcess p;
    // Waited for in an event loop, not with waitForFinished(): the back offices (QProcess children
    // of this bench) write a line per request to stdout, and only a running event loop reads their
    // pipes; blocked here, a full pipe would stop the back office and curl with it.
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(1200000, &loop, &QEventLoop::quit);
    p.start(QStringLiteral("curl"),
        QStringList {QStringLiteral("--silent"), QStringLiteral("--show-error")} + options
            + QStringList {QStringLiteral("--config"), configPath});
    if (p.state() != QProcess::NotRunning)
        loop.exec();
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        *error = QStringLiteral("curl did not finish in 20 minutes");
        return {};
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("curl failed: ") + QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    return p.readAllStandardOutput();
}

// The same blobs uploaded raw with curl (tus POST, then PATCH of the whole blob) to a fresh back
// office: one curl process for all creations and one for all PATCHes, so the connection is kept
// alive and process start-up is not measured; `parallel` > 1 runs that many transfers at once
// (curl --parallel), like the engine's upload lanes. Seconds, or -1 (with `error`).
double curlUpload(const QString &dir, const QString &name, const QStringList &shas, const QString &blobDir, int bytes,
    int parallel, QString *error)
{
    Server raw;
    const QString rawDir = QDir(dir).filePath(name);
    if (!setUpWindow(rawDir).isEmpty() || !raw.start(rawDir)) {
        *error = QStringLiteral("a back office for curl did not start");
        return -1;
    }
    const QByteArray token = signIn(raw.port());
    const QByteArray base = QStringLiteral("http://127.0.0.1:%1").arg(raw.port()).toUtf8();
    // The scans are sealed at rest in the client's blob store: curl sends their plain bytes, put
    // in files of their own before the clock starts.
    const ow::store::BlobStore blobs(blobDir);
    const QDir plainDir(QDir(dir).filePath(name + QStringLiteral("-plain")));
    if (!plainDir.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("cannot make the folder of the plain scans");
        return -1;
    }
    for (const QString &sha : shas) {
        const auto bytesOf = blobs.get(sha);
        QFile plain(plainDir.filePath(sha));
        if (!bytesOf || !plain.open(QIODevice::WriteOnly) || plain.write(bytesOf.value()) != bytesOf.value().size()) {
            *error = QStringLiteral("cannot write the plain bytes of scan %1").arg(sha);
            return -1;
        }
    }
    QStringList options;
    if (parallel > 1)
        options << QStringLiteral("--parallel") << QStringLiteral("--parallel-max") << QString::number(parallel);
    QFile create(QDir(dir).filePath(name + QStringLiteral("-create.curl")));
    if (!create.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the curl config");
        return -1;
    }
    for (qsizetype i = 0; i < shas.size(); ++i) {
        if (i > 0)
            create.write("next\n");
        create.write("url = \"" + base + "/v1/uploads\"\nrequest = \"POST\"\n");
        create.write("header = \"Tus-Resumable: 1.0.0\"\nheader = \"Authorization: Bearer " + token + "\"\n");
        create.write("header = \"Upload-Length: " + QByteArray::number(bytes) + "\"\n");
        create.write("header = \"Upload-Metadata: sha256 " + shas.at(i).toUtf8().toBase64() + "\"\n");
        // The index, so that the Locations can be matched when the transfers run in parallel.
        create.write("output = \"/dev/null\"\nwrite-out = \"" + QByteArray::number(i) + " %header{location}\\n\"\n");
    }
    create.close();
    QElapsedTimer t;
    t.start();
    QHash<int, QByteArray> locations;
    for (const QByteArray &line : curl(create.fileName(), options, error).split('\n')) {
        const QList<QByteArray> parts = line.trimmed().split(' ');
        if (parts.size() == 2)
            locations.insert(parts.at(0).toInt(), parts.at(1));
    }
    if (!error->isEmpty())
        return -1;
    QFile patch(QDir(dir).filePath(name + QStringLiteral("-patch.curl")));
    if (!patch.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the curl config");
        return -1;
    }
    for (qsizetype i = 0; i < shas.size(); ++i) {
        const QByteArray loc = locations.value(int(i));
        if (loc.isEmpty()) {
            *error = QStringLiteral("a tus creation by curl gave no Location");
            return -1;
        }
        if (i > 0)
            patch.write("next\n");
        patch.write("url = \"" + (loc.startsWith("http") ? loc : base + loc) + "\"\nrequest = \"PATCH\"\n");
        patch.write("header = \"Tus-Resumable: 1.0.0\"\nheader = \"Authorization: Bearer " + token + "\"\n");
        patch.write("header = \"Upload-Offset: 0\"\nheader = \"Content-Type: application/offset+octet-stream\"\n");
        patch.write("data-binary = \"@" + plainDir.filePath(shas.at(i)).toUtf8() + "\"\n");
        patch.write("output = \"/dev/null\"\nwrite-out = \"%{http_code}\\n\"\n");
    }
    patch.close();
    const QByteArray codes = curl(patch.fileName(), options, error);
    if (!error->isEmpty())
        return -1;
    const double seconds = t.elapsed() / 1000.0;
    if (codes.count("204") != shas.size()) {
        *error = QStringLiteral("not every PATCH by curl was answered 204");
        return -1;
    }
    return seconds;
}

struct Run
{
    int entries = 0;
    double engine = 0; // seconds
    double curl = 0;
    double curlParallel = 0;
};

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.size() % 2 ? v.at(v.size() / 2) : (v.at(v.size() / 2 - 1) + v.at(v.size() / 2)) / 2;
}

// One drain of a fresh outbox, and the same bytes with curl. An empty error: all went well.
QString runOnce(const QString &dir, int cases, int perCase, int bytes, int lanes, Run *run)
{
    Server server;
    const QString serverDir = QDir(dir).filePath(QStringLiteral("server"));
    if (!setUpWindow(serverDir).isEmpty() || !server.start(serverDir))
        return QStringLiteral("the back office did not start");
    if (!serverHasTus(server.port()))
        return QStringLiteral("this back office has no tus uploads");

    const QString clientDir = QDir(dir).filePath(QStringLiteral("client"));
    ow::store::Store::Options fast;
    fast.synchronous = QStringLiteral("NORMAL"); // only for making the outbox quickly
    QList<MadeCase> made;
    {
        auto store = ow::store::Store::open(clientDir, fast);
        if (!store)
            return store.error();
        ow::store::BlobStore blobs(clientDir);
        QRandomGenerator rng(99);
        QElapsedTimer t;
        t.start();
        made = makeCases(store.value(), blobs, cases, perCase, perCase, bytes, bytes, rng, ow::Clock::system());
        std::printf(
            "made %d cases with %d blobs of %d bytes in %.1f s\n", cases, cases * perCase, bytes, t.elapsed() / 1000.0);
    }
    auto store = ow::store::Store::open(clientDir); // synchronous=FULL, as the client runs
    if (!store)
        return store.error();
    ow::store::CaseLog log(store.value());
    run->entries = log.pendingCount();

    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    config.user = kClerk;
    config.password = kPassword;
    config.pull = false;
    config.parallelUploads = lanes;
    ow::sync::SyncEngine engine(store.value(), clientDir, config);
    QEventLoop loop;
    QObject::connect(&engine, &ow::sync::SyncEngine::drained, &loop, &QEventLoop::quit);
    QTimer::singleShot(1800000, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    t.start();
    engine.start();
    loop.exec();
    run->engine = t.elapsed() / 1000.0;
    engine.stop();
    if (log.pendingCount() != 0)
        return QStringLiteral("the outbox did not drain: %1").arg(engine.status().lastError);
    if (!engine.status().conflicts.isEmpty())
        return QStringLiteral("the back office refused a case");

    QStringList shas;
    for (const MadeCase &c : made)
        shas += c.blobs;
    if (shas.isEmpty())
        return QString(); // entries only: nothing for curl to compare with
    QString error;
    run->curl = curlUpload(dir, QStringLiteral("raw"), shas, clientDir, bytes, 1, &error);
    if (error.isEmpty())
        run->curlParallel = curlUpload(dir, QStringLiteral("rawp"), shas, clientDir, bytes, lanes, &error);
    return error;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int cases = argc > 1 ? QByteArray(argv[1]).toInt() : 1000;
    const int perCase = argc > 2 ? QByteArray(argv[2]).toInt() : 5;
    const int bytes = argc > 3 ? QByteArray(argv[3]).toInt() : 100 * 1000;
    const int runs = argc > 4 ? std::max(1, QByteArray(argv[4]).toInt()) : 3;
    // OW_BENCH_LANES: try the engine (and curl --parallel) with another number of upload lanes.
    const int lanes = qEnvironmentVariableIntValue("OW_BENCH_LANES") > 0
        ? qEnvironmentVariableIntValue("OW_BENCH_LANES")
        : ow::sync::SyncConfig().parallelUploads;
    const double totalMb = double(cases) * perCase * bytes / 1e6;
    QList<double> engine, raw, rawParallel, ratio, ratioParallel;
    for (int i = 0; i < runs; ++i) {
        QTemporaryDir dir;
        Run run;
        const QString err = runOnce(dir.path(), cases, perCase, bytes, lanes, &run);
        if (!err.isEmpty())
            return fail(qPrintable(err));
        std::printf("run %d: sync engine %d entries and %d blobs (%.1f MB) in %.2f s: %.2f MB/s, %.0f cases/s;"
                    " curl %.2f s: %.2f MB/s; curl --parallel-max %d %.2f s: %.2f MB/s\n",
            i + 1, run.entries, cases * perCase, totalMb, run.engine, totalMb / run.engine, cases / run.engine,
            run.curl, totalMb / run.curl, lanes, run.curlParallel, totalMb / run.curlParallel);
        std::fflush(stdout);
        engine << totalMb / run.engine;
        raw << totalMb / run.curl;
        rawParallel << totalMb / run.curlParallel;
        ratio << run.curl / run.engine;
        ratioParallel << run.curlParallel / run.engine;
    }
    std::printf("median of %d runs: sync engine %.2f MB/s (entries and blobs); curl (tus POST + PATCH, blobs only)"
                " %.2f MB/s, with %d in parallel %.2f MB/s\n",
        runs, median(engine), median(raw), lanes, median(rawParallel));
    std::printf("ratio sync engine / curl: %.2f (target >= 0.8); / curl --parallel-max %d: %.2f\n", median(ratio),
        lanes, median(ratioParallel));
    return 0;
}
