// The sync engine on a store, pushing until the outbox is empty: the victim of tst_synckill,
// which kills it with SIGKILL at random points. Usage: sync_worker DATA_DIR URL USER PASSWORD
#include "onewindow/store/Store.h"
#include "onewindow/sync/SyncEngine.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 5) {
        std::fprintf(stderr, "usage: sync_worker DATA_DIR URL USER PASSWORD\n");
        return 2;
    }
    const QString dataDir = QString::fromLocal8Bit(argv[1]);
    auto store = ow::store::Store::open(dataDir);
    if (!store) {
        std::fprintf(stderr, "sync_worker: %s\n", qPrintable(store.error()));
        return 1;
    }
    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(QString::fromLocal8Bit(argv[2]));
    config.user = QString::fromLocal8Bit(argv[3]);
    config.password = QString::fromLocal8Bit(argv[4]);
    config.pull = false;
    config.requestTimeoutMs = 3000;
    config.backoffBaseMs = 50;
    config.backoffMaxMs = 500;
    config.batchEntries = 4;
    config.chunkBytes = 8 * 1024;
    ow::sync::SyncEngine engine(store.value(), dataDir, config);
    QObject::connect(&engine, &ow::sync::SyncEngine::drained, &app, [&engine] {
        for (const ow::sync::SyncConflict &c : engine.status().conflicts)
            std::fprintf(stderr, "sync_worker: case %s entry %lld stopped: %s\n", qPrintable(c.caseId), c.seq,
                qPrintable(c.fields.join(QLatin1Char(','))));
        std::fprintf(stdout, "drained\n");
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
    QString lastError;
    QObject::connect(&engine, &ow::sync::SyncEngine::statusChanged, &app, [&lastError](const ow::sync::SyncStatus &s) {
        if (s.lastError != lastError) {
            lastError = s.lastError;
            std::fprintf(stderr, "sync_worker: %d entries left; %s\n", s.pendingEntries, qPrintable(lastError));
        }
    });
    engine.start();
    std::fprintf(stdout, "ready\n");
    std::fflush(stdout);
    return app.exec();
}
