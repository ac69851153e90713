#include "onewindow/sync/SyncService.h"

#include "onewindow/store/CaseRepository.h"
#include "onewindow/store/Store.h"
#include "onewindow/sync/SyncEngine.h"

#include <QNetworkInformation>

#include <memory>
#include <optional>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace ow::sync {

struct SyncService::Worker
{
    std::optional<store::Store> store;
    std::unique_ptr<SyncEngine> engine;
    QString error; // the store could not be opened
};

SyncService::SyncService(const QString &dataDir, SyncConfig config, QObject *parent)
    : QObject(parent)
    , m_anchor(new QObject)
    , m_worker(new Worker)
    , m_user(config.user)
{
    qRegisterMetaType<ow::sync::SyncStatus>();
    m_thread.setObjectName(QStringLiteral("sync"));
    m_statusTimer.setSingleShot(true);
    connect(&m_statusTimer, &QTimer::timeout, this, &SyncService::takeStatus);
    m_anchor->moveToThread(&m_thread);
    m_thread.start();
    // The store and the engine are made, used and destroyed on the worker thread only
    // (QSqlDatabase connections belong to the thread that opened them).
    QMetaObject::invokeMethod(m_anchor, [this, dataDir, config = std::move(config)]() mutable {
        // Background work: a draining backlog (hashing, SQLite, JSON) yields the CPU to the
        // clerk's screen on a busy machine (Linux: a thread's own nice value; +5).
        ::setpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid)), 5);
        // Its own connection, on this thread. Synchronous NORMAL (WAL: no fsync at each commit)
        // for what the engine writes: an acknowledgement lost in a power cut only sends the
        // entries again, which the back office answers the same; the clerk's own commits stay FULL
        // on their connection. Shorter commits here also keep the GUI's from waiting for the lock.
        store::Store::Options options;
        options.synchronous = QStringLiteral("NORMAL");
        auto opened = store::Store::open(dataDir, options);
        if (!opened) {
            m_worker->error = opened.error();
            SyncStatus failed;
            failed.state = SyncStatus::State::Error;
            failed.lastError = opened.error();
            QMetaObject::invokeMethod(this, [this, failed] { setStatus(failed); });
            return;
        }
        m_worker->store.emplace(std::move(opened.value()));
        m_worker->engine = std::make_unique<SyncEngine>(*m_worker->store, dataDir, std::move(config));
        SyncEngine *engine = m_worker->engine.get();
        // Emitted on the worker, delivered here on this object's thread (queued).
        connect(engine, &SyncEngine::statusChanged, m_anchor,
            [this](const SyncStatus &status) { statusFromWorker(status); });
        connect(engine, &SyncEngine::drained, this, &SyncService::drained);
        connect(engine, &SyncEngine::eventsApplied, this, &SyncService::eventsApplied);
        connect(engine, &SyncEngine::resourceUpdated, this, &SyncService::resourceUpdated);
        connect(engine, &SyncEngine::catalogueAvailable, this, &SyncService::catalogueAvailable);
        connect(engine, &SyncEngine::caseConfirmed, this, &SyncService::caseConfirmed);
        const SyncStatus first = engine->status();
        QMetaObject::invokeMethod(this, [this, first] { setStatus(first); });
    });
}

SyncService::~SyncService()
{
    QMetaObject::invokeMethod(
        m_anchor,
        [this] {
            m_worker->engine.reset(); // stops its requests and saves what it holds
            m_worker->store.reset();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_anchor;
    delete m_worker;
}

void SyncService::onWorker(std::function<void(SyncEngine &)> work)
{
    QMetaObject::invokeMethod(m_anchor, [this, work = std::move(work)] {
        if (m_worker->engine)
            work(*m_worker->engine);
    });
}

void SyncService::statusFromWorker(const SyncStatus &status)
{
    const QMutexLocker lock(&m_latestLock);
    m_latest = status;
    m_latestNew = true;
    if (std::exchange(m_latestPosted, true))
        return; // the one queued call takes this one too
    QMetaObject::invokeMethod(this, [this] { takeStatus(); });
}

void SyncService::takeStatus()
{
    if (m_statusTimer.isActive())
        return; // the timer takes it
    SyncStatus status;
    {
        const QMutexLocker lock(&m_latestLock);
        m_latestPosted = false;
        if (!std::exchange(m_latestNew, false))
            return;
        status = m_latest;
    }
    m_statusTimer.start(kStatusMs);
    setStatus(status);
}

void SyncService::setStatus(const SyncStatus &status)
{
    m_status = status;
    Q_EMIT statusChanged(status);
}

void SyncService::start()
{
    if (m_running)
        return;
    m_running = true;
    // The reachability backend belongs to this (the GUI) thread; the engine on the worker only
    // follows its signal.
    QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    onWorker([](SyncEngine &e) { e.start(); });
}

void SyncService::stop()
{
    m_running = false;
    onWorker([](SyncEngine &e) { e.stop(); });
}

void SyncService::setCredentials(const QString &user, const QString &password, const QByteArray &token)
{
    m_user = user;
    onWorker([user, password, token](SyncEngine &e) { e.setCredentials(user, password, token); });
}

void SyncService::kick()
{
    onWorker([](SyncEngine &e) { e.kick(); });
}

void SyncService::confirmCase(const QString &caseId, int timeoutMs)
{
    QMetaObject::invokeMethod(m_anchor, [this, caseId, timeoutMs] {
        if (m_worker->engine)
            return m_worker->engine->confirmCase(caseId, timeoutMs);
        const QString why = m_worker->error;
        QMetaObject::invokeMethod(this, [this, caseId, why] { Q_EMIT caseConfirmed(caseId, false, why); });
    });
}

void SyncService::listPending(int limit)
{
    QMetaObject::invokeMethod(m_anchor, [this, limit] {
        QStringList cases;
        int total = 0;
        QString error = m_worker->error;
        if (m_worker->engine) {
            const auto sendable = m_worker->engine->journal().sendableCases();
            if (sendable) {
                total = int(sendable->size());
                const store::CaseRepository repository(*m_worker->store);
                for (const QString &id : sendable->mid(0, limit)) {
                    const auto record = repository.load(id);
                    cases << (record && !record->number.isEmpty() ? record->number : id);
                }
            } else {
                error = sendable.error();
            }
        }
        QMetaObject::invokeMethod(this, [this, cases, total, error] { Q_EMIT pendingListed(cases, total, error); });
    });
}

} // namespace ow::sync
