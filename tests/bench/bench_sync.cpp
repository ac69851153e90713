// Drains an outbox of N cases with M blobs of B bytes each (default 1,000 cases, 5,000 blobs of
// 100 KB) from a client store to a real onewindow-backoffice over loopback with the sync engine,
// and uploads the same bytes raw with curl (tus POST + PATCH, one curl process for all creations
// and one for all PATCHes, keep-alive) to a second, empty back office; prints both throughputs
// and their ratio (target ≥ 0.7). Usage: bench_sync [cases] [blobs per case] [bytes per blob]
#include "SyncFixture.h"

#include "onewindow/store/CaseLog.h"
#include "onewindow/sync/SyncEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace synctest;

namespace {

int fail(const char *what)
{
    std::fprintf(stderr, "bench_sync: %s\n", what);
    return 1;
}

// Runs curl with a config file; returns its stdout ("" and a message on failure).
QByteArray curl(const QString &configPath, QString *error)
{
    QProcess p;
    p.start(QStringLiteral("curl"),
        {QStringLiteral("--silent"), QStringLiteral("--show-error"), QStringLiteral("--config"), configPath});
    if (!p.waitForStarted(10000) || !p.waitForFinished(600000) || p.exitCode() != 0) {
        *error = QStringLiteral("curl failed: ") + QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    return p.readAllStandardOutput();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int cases = argc > 1 ? QByteArray(argv[1]).toInt() : 1000;
    const int perCase = argc > 2 ? QByteArray(argv[2]).toInt() : 5;
    const int bytes = argc > 3 ? QByteArray(argv[3]).toInt() : 100 * 1000;
    QTemporaryDir dir;
    Server server;
    const QString serverDir = dir.filePath(QStringLiteral("server"));
    if (!setUpWindow(serverDir).isEmpty() || !server.start(serverDir))
        return fail("the back office did not start");
    if (!serverHasTus(server.port()))
        return fail("this back office has no tus uploads");

    const QString clientDir = dir.filePath(QStringLiteral("client"));
    ow::store::Store::Options fast;
    fast.synchronous = QStringLiteral("NORMAL"); // only for making the outbox quickly
    QList<MadeCase> made;
    {
        auto store = ow::store::Store::open(clientDir, fast);
        if (!store)
            return fail(qPrintable(store.error()));
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
        return fail(qPrintable(store.error()));
    ow::store::CaseLog log(store.value());
    const int entries = log.pendingCount();
    const double totalBytes = double(cases) * perCase * bytes;

    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    config.user = kClerk;
    config.password = kPassword;
    config.pull = false;
    ow::sync::SyncEngine engine(store.value(), clientDir, config);
    QEventLoop loop;
    QObject::connect(&engine, &ow::sync::SyncEngine::drained, &loop, &QEventLoop::quit);
    QTimer::singleShot(1800000, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    t.start();
    engine.start();
    loop.exec();
    const double engineSeconds = t.elapsed() / 1000.0;
    if (log.pendingCount() != 0)
        return fail("the outbox did not drain");
    std::printf("sync engine: %d entries and %d blobs (%.1f MB) in %.2f s: %.2f MB/s, %.0f cases/s\n", entries,
        cases * perCase, totalBytes / 1e6, engineSeconds, totalBytes / 1e6 / engineSeconds, cases / engineSeconds);

    // curl, the same bytes, to a second back office (the first has every blob already).
    Server raw;
    const QString rawDir = dir.filePath(QStringLiteral("raw"));
    if (!setUpWindow(rawDir).isEmpty() || !raw.start(rawDir))
        return fail("the second back office did not start");
    const QByteArray token = signIn(raw.port());
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(raw.port());
    ow::store::BlobStore blobs(clientDir);
    QStringList shas;
    for (const MadeCase &c : made)
        shas += c.blobs;
    QFile create(dir.filePath(QStringLiteral("create.curl")));
    if (!create.open(QIODevice::WriteOnly))
        return fail("cannot write the curl config");
    for (qsizetype i = 0; i < shas.size(); ++i) {
        if (i > 0)
            create.write("next\n");
        create.write("url = \"" + base.toUtf8() + "/v1/uploads\"\nrequest = \"POST\"\n");
        create.write("header = \"Tus-Resumable: 1.0.0\"\nheader = \"Authorization: Bearer " + token + "\"\n");
        create.write("header = \"Upload-Length: " + QByteArray::number(bytes) + "\"\n");
        create.write("header = \"Upload-Metadata: sha256 " + shas.at(i).toUtf8().toBase64() + "\"\n");
        create.write("output = \"/dev/null\"\nwrite-out = \"%header{location}\\n\"\n");
    }
    create.close();
    QString error;
    t.restart();
    const QList<QByteArray> locations = curl(create.fileName(), &error).split('\n');
    if (!error.isEmpty())
        return fail(qPrintable(error));
    QFile patch(dir.filePath(QStringLiteral("patch.curl")));
    if (!patch.open(QIODevice::WriteOnly))
        return fail("cannot write the curl config");
    for (qsizetype i = 0; i < shas.size(); ++i) {
        const QByteArray loc = locations.value(i).trimmed();
        if (loc.isEmpty())
            return fail("a tus creation by curl gave no Location");
        if (i > 0)
            patch.write("next\n");
        patch.write("url = \"" + (loc.startsWith("http") ? loc : base.toUtf8() + loc) + "\"\nrequest = \"PATCH\"\n");
        patch.write("header = \"Tus-Resumable: 1.0.0\"\nheader = \"Authorization: Bearer " + token + "\"\n");
        patch.write("header = \"Upload-Offset: 0\"\nheader = \"Content-Type: application/offset+octet-stream\"\n");
        patch.write("data-binary = \"@" + blobs.pathOf(shas.at(i)).toUtf8() + "\"\noutput = \"/dev/null\"\n");
    }
    patch.close();
    curl(patch.fileName(), &error);
    if (!error.isEmpty())
        return fail(qPrintable(error));
    const double curlSeconds = t.elapsed() / 1000.0;
    std::printf("curl (tus POST + PATCH, blobs only): %.1f MB in %.2f s: %.2f MB/s\n", totalBytes / 1e6, curlSeconds,
        totalBytes / 1e6 / curlSeconds);
    std::printf("ratio sync engine / curl: %.2f (target >= 0.7)\n", curlSeconds / engineSeconds);
    return 0;
}
