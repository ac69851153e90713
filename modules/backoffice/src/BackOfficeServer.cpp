#include "onewindow/backoffice/BackOfficeServer.h"

#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/AppendBatcher.h"
#include "onewindow/backoffice/Backup.h"
#include "onewindow/backoffice/CaseLedger.h"
#include "onewindow/backoffice/Catalogues.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/Departments.h"
#include "onewindow/backoffice/EventLog.h"
#include "onewindow/backoffice/EventWaiters.h"
#include "onewindow/backoffice/HallQueue.h"
#include "onewindow/backoffice/Handouts.h"
#include "onewindow/backoffice/Ratings.h"
#include "onewindow/backoffice/Router.h"
#include "onewindow/backoffice/Sealer.h"
#include "onewindow/backoffice/SignInThrottle.h"
#include "onewindow/backoffice/SupervisorOverview.h"
#include "onewindow/backoffice/WindowRegistry.h"
#include "onewindow/receipt/RatingSeal.h"

#include "onewindow/backoffice/HttpConnection.h"
#include "onewindow/backoffice/Metrics.h"
#include "onewindow/backoffice/TokenCache.h"
#include "onewindow/backoffice/UploadStore.h"
#include "onewindow/backoffice/WorkerPool.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <cstdio>
#include <limits>
#include <optional>

#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace ow::backoffice {

namespace {

// A route's path template split at '/' once: literal segments, and "{name}" ones as the name.
struct PathPattern
{
    QList<QString> segments;
    QList<bool> isParam;
};

PathPattern patternOf(const QString &pattern)
{
    PathPattern p;
    for (const QString &w : pattern.split(QLatin1Char('/'))) {
        const bool param = w.startsWith(QLatin1Char('{')) && w.endsWith(QLatin1Char('}'));
        p.segments.append(param ? w.mid(1, w.size() - 2) : w);
        p.isParam.append(param);
    }
    return p;
}

// Matches the segments of "/v1/cases/abc/entries" (raw, percent-encoded) against those of
// "/v1/cases/{caseId}/entries".
bool matchPath(const PathPattern &pattern, const QList<QByteArray> &have, QHash<QString, QString> *params)
{
    if (pattern.segments.size() != have.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < have.size(); ++i) {
        const QByteArray &raw = have.at(i);
        const QString segment =
            raw.contains('%') ? QString::fromUtf8(QByteArray::fromPercentEncoding(raw)) : QString::fromUtf8(raw);
        if (pattern.isParam.at(i)) {
            if (segment.isEmpty())
                return false;
            found.insert(pattern.segments.at(i), segment);
        } else if (pattern.segments.at(i) != segment) {
            return false;
        }
    }
    *params = found;
    return true;
}

// One worker thread's own database connection and the stores on it (a QSqlDatabase connection is
// used only on the thread that opened it). Catalogues' parsed catalogues, the Sealer and Metrics
// are shared by all, guarded.
struct WorkerStores
{
    std::unique_ptr<Database> db;
    std::unique_ptr<WindowRegistry> windows;
    std::unique_ptr<Accounts> accounts;
    std::unique_ptr<CaseLedger> cases;
    std::unique_ptr<Catalogues> catalogues;
    std::unique_ptr<EventLog> events;
    std::unique_ptr<Router> router;
    std::unique_ptr<Departments> departments;
    std::unique_ptr<HallQueue> hallQueue;
    std::unique_ptr<Ratings> ratings;
    std::unique_ptr<Handouts> handouts;
    std::unique_ptr<SupervisorOverview> overview;
    std::unique_ptr<UploadStore> uploads;
};

// Set on a worker thread (startWorker), null on the event-loop thread.
thread_local WorkerStores *t_stores = nullptr;

} // namespace

QByteArray BackOfficeServer::Request::header(const QByteArray &name) const
{
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QByteArray();
}

const QList<BackOfficeServer::Route> &BackOfficeServer::routes()
{
    static const QList<Route> all {
        // Routes open to anyone take a small body at most (checked from Content-Length at the
        // head); every other route's body is read only after its bearer token is (planBody).
        {"GET", QStringLiteral("/health"), &BackOfficeServer::health, 0},
        {"GET", QStringLiteral("/ready"), &BackOfficeServer::ready, 0},
        {"GET", QStringLiteral("/metrics"), &BackOfficeServer::metrics, 0},
        {"GET", QStringLiteral("/v1/openapi.json"), &BackOfficeServer::openApi, 0},
        {"POST", QStringLiteral("/v1/enrol"), &BackOfficeServer::enrol, kMaxOpenBodyBytes},
        {"GET", QStringLiteral("/v1/keyring"), &BackOfficeServer::keyRing, 0},
        {"POST", QStringLiteral("/v1/sessions"), &BackOfficeServer::signIn, Accounts::kMaxSignInBody},
        {"GET", QStringLiteral("/v1/sessions/current"), &BackOfficeServer::currentSession},
        {"DELETE", QStringLiteral("/v1/sessions/current"), &BackOfficeServer::signOut},
        {"POST", QStringLiteral("/v1/cases/{caseId}/entries"), &BackOfficeServer::appendEntries},
        {"GET", QStringLiteral("/v1/cases/{caseId}"), &BackOfficeServer::readCase},
        {"GET", QStringLiteral("/v1/cases"), &BackOfficeServer::searchCases},
        {"OPTIONS", QStringLiteral("/v1/uploads"), &BackOfficeServer::tusOptions, 0},
        {"POST", QStringLiteral("/v1/uploads"), &BackOfficeServer::createUpload, 0},
        {"HEAD", QStringLiteral("/v1/uploads/{uploadId}"), &BackOfficeServer::headUpload, 0},
        {"PATCH", QStringLiteral("/v1/uploads/{uploadId}"), &BackOfficeServer::patchUpload,
            std::numeric_limits<qint64>::max(), &BackOfficeServer::patchUploadSink},
        {"DELETE", QStringLiteral("/v1/uploads/{uploadId}"), &BackOfficeServer::deleteUpload, 0},
        {"GET", QStringLiteral("/v1/blobs/{sha256}"), &BackOfficeServer::getBlob, 0},
        {"HEAD", QStringLiteral("/v1/blobs/{sha256}"), &BackOfficeServer::headBlob, 0},
        {"GET", QStringLiteral("/v1/catalogues"), &BackOfficeServer::listCatalogues, 0},
        {"GET", QStringLiteral("/v1/catalogues/{sha256}"), &BackOfficeServer::getCatalogue, 0},
        {"GET", QStringLiteral("/v1/calendar"), &BackOfficeServer::getCalendar, 0},
        {"GET", QStringLiteral("/v1/departments/{code}/items"), &BackOfficeServer::departmentItems},
        {"POST", QStringLiteral("/v1/items/{itemId}/decision"), &BackOfficeServer::decideItem},
        {"POST", QStringLiteral("/v1/items/{itemId}/ready"), &BackOfficeServer::itemReady},
        {"GET", QStringLiteral("/v1/events"), &BackOfficeServer::readEvents},
        // The hall's queue (QueueRoutes.cpp).
        {"GET", QStringLiteral("/v1/halls/{hall}"), &BackOfficeServer::readHall},
        {"GET", QStringLiteral("/v1/halls/{hall}/queue"), &BackOfficeServer::readHallQueue},
        {"POST", QStringLiteral("/v1/halls/{hall}/tickets"), &BackOfficeServer::issueTicket, 64 * 1024},
        {"POST", QStringLiteral("/v1/halls/{hall}/appointments/{appointmentId}/check-in"),
            &BackOfficeServer::checkInAppointment, 64 * 1024},
        {"POST", QStringLiteral("/v1/halls/{hall}/appointments/check-in"), &BackOfficeServer::checkInByIdCard,
            64 * 1024},
        {"GET", QStringLiteral("/v1/halls/{hall}/events"), &BackOfficeServer::readHallEvents},
        {"POST", QStringLiteral("/v1/windows/{window}/calls"), &BackOfficeServer::callNext, 64 * 1024},
        {"POST", QStringLiteral("/v1/windows/{window}/tickets"), &BackOfficeServer::pushStationTickets},
        {"GET", QStringLiteral("/v1/tickets/{ticketId}"), &BackOfficeServer::readTicket},
        {"GET", QStringLiteral("/v1/tickets/{ticketId}/follow"), &BackOfficeServer::followTicket, 0},
        {"POST", QStringLiteral("/v1/tickets/{ticketId}/serve"), &BackOfficeServer::actOnTicket, 64 * 1024},
        {"POST", QStringLiteral("/v1/tickets/{ticketId}/recall"), &BackOfficeServer::actOnTicket, 64 * 1024},
        {"POST", QStringLiteral("/v1/tickets/{ticketId}/no-show"), &BackOfficeServer::actOnTicket, 64 * 1024},
        {"POST", QStringLiteral("/v1/tickets/{ticketId}/park"), &BackOfficeServer::actOnTicket, 64 * 1024},
        {"POST", QStringLiteral("/v1/tickets/{ticketId}/resume"), &BackOfficeServer::actOnTicket, 64 * 1024},
        {"POST", QStringLiteral("/v1/tickets/{ticketId}/done"), &BackOfficeServer::actOnTicket, 64 * 1024},
        {"POST", QStringLiteral("/v1/tickets/{ticketId}/transfer"), &BackOfficeServer::actOnTicket, 64 * 1024},
        {"GET", QStringLiteral("/v1/ratings"), &BackOfficeServer::listRatings, 0},
        {"GET", QStringLiteral("/v1/ratings/tasks"), &BackOfficeServer::ratingTasks, 0},
        {"POST", QStringLiteral("/v1/ratings/{ratingId}/callback"), &BackOfficeServer::ratingCallback,
            kMaxOpenBodyBytes},
        {"POST", QStringLiteral("/v1/cases/{caseId}/ratings/{seq}/appeal"), &BackOfficeServer::appealRating,
            kMaxOpenBodyBytes},
        {"GET", QStringLiteral("/v1/ratings/appeals"), &BackOfficeServer::ratingAppeals, 0},
        {"POST", QStringLiteral("/v1/ratings/appeals/{appealId}/decision"), &BackOfficeServer::decideAppeal,
            kMaxOpenBodyBytes},
        {"GET", QStringLiteral("/v1/supervisor/overview"), &BackOfficeServer::supervisorOverview, 0},
    };
    return all;
}

BackOfficeServer::BackOfficeServer(QObject *parent)
    : QObject(parent)
{ }

BackOfficeServer::~BackOfficeServer()
{
    // The workers first (they hand hall events to the numbering thread), then that thread; what
    // it had not taken yet is numbered here, so a graceful stop leaves nothing for the sweep.
    m_pool.reset();
    m_numbering.reset();
    if (m_events)
        m_events->numberAll(std::exchange(m_numberingKeys, {}));
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

Result<bool> BackOfficeServer::open(const ServerOptions &options)
{
    // A shared lock on the data folder while the server runs: `admin restore` checks it (several
    // servers on one PostgreSQL database and shared folder all hold it).
    if (!QDir().mkpath(options.dataDir))
        return Result<bool>::failure(QStringLiteral("Cannot create the data folder %1").arg(options.dataDir));
    QString lockError;
    m_lockFd = Backup::holdServerLock(options.dataDir, &lockError);
    if (m_lockFd < 0)
        return Result<bool>::failure(lockError);
    auto db = Database::open(options.dataDir, options.db);
    if (!db)
        return Result<bool>::failure(db.error());
    m_db = std::move(db.value());
    const QString keyFile =
        options.sealKeyFile.isEmpty() ? Sealer::defaultKeyFile(options.dataDir) : options.sealKeyFile;
    bool made = false;
    // A key file named by --seal-key must exist; the default one is made at first start.
    auto sealer = Sealer::open(keyFile, options.sealKeyFile.isEmpty(), &made);
    if (!sealer)
        return Result<bool>::failure(sealer.error());
    if (made)
        qInfo("onewindow-backoffice: made the seal key %s (0600); keep it apart from the data and its backups",
            qPrintable(keyFile));
    m_sealer = std::make_unique<Sealer>(std::move(sealer.value()));
    m_windows = std::make_unique<WindowRegistry>(*m_db, options.clock);
    m_accounts = std::make_unique<Accounts>(*m_db, *m_windows, options.clock, options.tokenMinutes);
    m_cases = std::make_unique<CaseLedger>(*m_db, *m_sealer, options.clock);
    if (m_db->dialect() == Database::Dialect::Postgres) {
        m_batcher = std::make_unique<AppendBatcher>();
        m_tokens = std::make_unique<TokenCache>();
        m_cases->setBatcher(m_batcher.get());
    }
    m_uploads = std::make_unique<UploadStore>(*m_db, *m_sealer, options.dataDir, options.clock, options.tusMaxBytes);
    m_uploads->setExpirySeconds(options.uploadExpirySeconds);
    m_catalogues = std::make_unique<Catalogues>(*m_db, options.clock);
    m_events = std::make_unique<EventLog>(*m_db, options.clock);
    m_waiters = std::make_unique<EventWaiters>(*m_events);
    if (m_db->dialect() == Database::Dialect::Postgres) {
        auto listening = m_waiters->listen(m_db->connectionName());
        if (!listening)
            return Result<bool>::failure(listening.error());
    }
    m_router = std::make_unique<Router>(*m_db, *m_sealer, *m_catalogues, *m_events, options.clock);
    m_departments = std::make_unique<Departments>(*m_db, *m_events, options.clock);
    m_cases->setRouting(m_router.get(), m_departments.get());
    m_cases->setWindows(m_windows.get());
    m_hallQueue = std::make_unique<HallQueue>(*m_db, *m_events, options.clock);
    m_ratings = std::make_unique<Ratings>(*m_db, *m_sealer, *m_catalogues, options.clock);
    m_handouts = std::make_unique<Handouts>(*m_db, *m_sealer, *m_catalogues, options.clock);
    m_handouts->setRatings(m_ratings.get());
    m_cases->setHandouts(m_handouts.get());
    m_departments->setHandouts(m_handouts.get());
    m_overview = std::make_unique<SupervisorOverview>(*m_db, *m_catalogues, options.clock);
    m_schema = m_db->schemaVersion();
    m_dbUrl = options.db;
    m_clock = options.clock;
    m_tokenMinutes = options.tokenMinutes;
    m_dataDir = options.dataDir;
    m_pool = std::make_unique<WorkerPool>();
    auto workers = m_pool->start(
        options.workers > 0 ? options.workers : WorkerPool::defaultSize(), [this] { return startWorker(); },
        [] { endWorker(); });
    if (!workers) {
        m_pool.reset();
        return Result<bool>::failure(workers.error());
    }
    if (m_db->dialect() == Database::Dialect::Postgres) {
        m_numbering = std::make_unique<WorkerPool>(false);
        auto numbering = m_numbering->start(
            1, [this] { return startWorker(); }, [] { endWorker(); });
        if (!numbering) {
            m_numbering.reset();
            m_pool.reset();
            return Result<bool>::failure(numbering.error());
        }
    }
    // A woken long-poll's page is read on a worker, ahead of the queued requests (one query).
    m_waiters->setReader([this](const QString &window, qint64 after, int limit, EventWaiters::Done done) {
        m_pool->submit(
            [this, window, after, limit, done = std::move(done)] {
                auto page = events().read(window, after, limit);
                QMetaObject::invokeMethod(
                    m_waiters.get(), [done, page] { done(page); }, Qt::QueuedConnection);
            },
            true);
    });
    m_gateClock.start();
    m_limits = options.http;
    m_tlsCert = options.tlsCertFile;
    m_tlsKey = options.tlsKeyFile;
    m_minFreeBytes = options.minFreeBytes;
    m_maintenance = new QTimer(this);
    m_maintenance->setInterval(1000);
    connect(m_maintenance, &QTimer::timeout, this, &BackOfficeServer::maintain);
    m_maintenance->start();
    return true;
}

QString BackOfficeServer::startWorker()
{
    auto db = Database::open(m_dataDir, m_dbUrl);
    if (!db)
        return db.error();
    auto stores = std::make_unique<WorkerStores>();
    stores->db = std::move(db.value());
    Database &d = *stores->db;
    stores->windows = std::make_unique<WindowRegistry>(d, m_clock);
    stores->accounts = std::make_unique<Accounts>(d, *stores->windows, m_clock, m_tokenMinutes);
    stores->cases = std::make_unique<CaseLedger>(d, *m_sealer, m_clock);
    stores->catalogues = std::make_unique<Catalogues>(d, m_clock);
    stores->events = std::make_unique<EventLog>(d, m_clock);
    stores->events->setDeferredNumbering(true);
    stores->router = std::make_unique<Router>(d, *m_sealer, *stores->catalogues, *stores->events, m_clock);
    stores->departments = std::make_unique<Departments>(d, *stores->events, m_clock);
    stores->cases->setRouting(stores->router.get(), stores->departments.get());
    stores->cases->setWindows(stores->windows.get());
    stores->cases->setBatcher(m_batcher.get());
    // Sign-ins on this worker count in the event loop's throttle; SQLite's writer lock is taken
    // only around their writes (not during PBKDF2).
    stores->accounts->runOnWorker(
        *m_accounts, m_db->dialect() == Database::Dialect::Sqlite ? &m_sqliteWrites : nullptr);
    stores->hallQueue = std::make_unique<HallQueue>(d, *stores->events, m_clock);
    stores->ratings = std::make_unique<Ratings>(d, *m_sealer, *stores->catalogues, m_clock);
    stores->handouts = std::make_unique<Handouts>(d, *m_sealer, *stores->catalogues, m_clock);
    stores->handouts->setRatings(stores->ratings.get());
    stores->cases->setHandouts(stores->handouts.get());
    stores->departments->setHandouts(stores->handouts.get());
    stores->overview = std::make_unique<SupervisorOverview>(d, *stores->catalogues, m_clock);
    stores->uploads = std::make_unique<UploadStore>(d, *m_sealer, m_dataDir, m_clock, m_uploads->maxBytes());
    stores->uploads->setExpirySeconds(m_uploads->expirySeconds());
    stores->uploads->shareBusyWith(*m_uploads);
    // EventWaiters stays on the event-loop thread: a worker's appends reach it queued.
    m_waiters->watch(*stores->events);
    t_stores = stores.release();
    return QString();
}

void BackOfficeServer::endWorker()
{
    delete std::exchange(t_stores, nullptr);
}

Accounts &BackOfficeServer::accounts()
{
    return t_stores ? *t_stores->accounts : *m_accounts;
}

CaseLedger &BackOfficeServer::cases()
{
    return t_stores ? *t_stores->cases : *m_cases;
}

EventLog &BackOfficeServer::events()
{
    return t_stores ? *t_stores->events : *m_events;
}

Departments &BackOfficeServer::departments()
{
    return t_stores ? *t_stores->departments : *m_departments;
}

HallQueue &BackOfficeServer::hallQueue()
{
    return t_stores ? *t_stores->hallQueue : *m_hallQueue;
}

WindowRegistry &BackOfficeServer::windows()
{
    return t_stores ? *t_stores->windows : *m_windows;
}

UploadStore &BackOfficeServer::uploads()
{
    return t_stores ? *t_stores->uploads : *m_uploads;
}

Ratings &BackOfficeServer::ratings()
{
    return t_stores ? *t_stores->ratings : *m_ratings;
}

Catalogues &BackOfficeServer::catalogues()
{
    return t_stores ? *t_stores->catalogues : *m_catalogues;
}

Database &BackOfficeServer::database()
{
    return t_stores ? *t_stores->db : *m_db;
}

bool BackOfficeServer::runsOnEventLoop(Handler handler)
{
    // Liveness, the built-in API file and tus OPTIONS: no database, no file, no real CPU work.
    // Everything else (uploads, enrolment, the key ring, blobs, catalogues, sessions, ratings,
    // readiness, /metrics' sign-in, the first read of a long-poll) runs on a worker.
    return handler == &BackOfficeServer::health || handler == &BackOfficeServer::openApi
        || handler == &BackOfficeServer::tusOptions;
}

void BackOfficeServer::maintain()
{
    // On a worker, one job at a time: the upload sweep and a WAL checkpoint may take a while
    // (files, a TRUNCATE checkpoint copying up to the WAL's size), and must not hold requests.
    if (!m_pool || m_maintaining.exchange(true))
        return;
    // Expired uploads' parts are collected every minute (sooner with a short expiry).
    const qint64 sweepEvery = qBound(qint64(1), m_uploads->expirySeconds() / 2, qint64(60));
    const bool sweep = ++m_ticks % sweepEvery == 0;
    const bool numbering = m_ticks % kEventSweepTicks == 1 && database().dialect() == Database::Dialect::Postgres;
    m_pool->submit([this, sweep, numbering] {
        const auto done = qScopeGuard([this] { m_maintaining = false; });
        // SQLite's one writer: the sweep writes, the checkpoint wants no writer in between.
        std::optional<QMutexLocker<QMutex>> serialized;
        if (database().dialect() == Database::Dialect::Sqlite)
            serialized.emplace(&m_sqliteWrites);
        if (sweep) {
            auto swept = uploads().sweepExpired();
            if (!swept)
                std::fprintf(stderr, "onewindow-backoffice: upload sweep: %s\n", qPrintable(swept.error()));
            else if (swept.value() > 0)
                logLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("uploads-expired")},
                    {QStringLiteral("count"), swept.value()}});
        }
        // PostgreSQL: events an instance committed but did not number (it died in between).
        if (numbering) {
            auto numbered = events().sweep();
            if (!numbered)
                std::fprintf(stderr, "onewindow-backoffice: event sweep: %s\n", qPrintable(numbered.error()));
        }
        // SQLite checkpoints on its own only while no statement reads across a commit; under a
        // steady stream of requests its log grew without bound (issue 21). A TRUNCATE
        // checkpoint between writes copies it into the database file and empties it.
        const QString wal = database().walPath();
        if (!wal.isEmpty() && QFileInfo(wal).size() > kWalCheckpointBytes) {
            const QString failed = database().checkpoint();
            if (!failed.isEmpty())
                std::fprintf(stderr, "onewindow-backoffice: WAL checkpoint: %s\n", qPrintable(failed));
        }
    });
}

void BackOfficeServer::publishConnectionGauges()
{
    Metrics &m = Metrics::global();
    m.setGauge("onewindow_open_connections", "Client connections open.", m_connectionCount);
    m.setGauge(
        "onewindow_connection_limit", "Connections accepted at most (below RLIMIT_NOFILE).", effectiveConnectionCap());
}

Result<quint16> BackOfficeServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_db)
        return Result<quint16>::failure(QStringLiteral("The database is not open."));
    if (m_tlsCert.isEmpty() != m_tlsKey.isEmpty())
        return Result<quint16>::failure(QStringLiteral("TLS needs both --tls-cert and --tls-key."));
    if (!m_tlsCert.isEmpty()) {
        QFile certFile(m_tlsCert);
        QFile keyFile(m_tlsKey);
        if (!certFile.open(QIODevice::ReadOnly))
            return Result<quint16>::failure(QStringLiteral("Cannot read the TLS certificate %1.").arg(m_tlsCert));
        if (!keyFile.open(QIODevice::ReadOnly))
            return Result<quint16>::failure(QStringLiteral("Cannot read the TLS key %1.").arg(m_tlsKey));
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (chain.isEmpty() || chain.first().isNull())
            return Result<quint16>::failure(QStringLiteral("%1 holds no PEM certificate.").arg(m_tlsCert));
        if (key.isNull())
            return Result<quint16>::failure(
                QStringLiteral("%1 holds no unencrypted PEM RSA or EC private key.").arg(m_tlsKey));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(key);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        // Forward secrecy and authenticated encryption only: ECDHE key exchange with AES-GCM or
        // ChaCha20-Poly1305 on TLS 1.2, and TLS 1.3's suites (all ECDHE and AEAD). No RSA key
        // exchange, no CBC, no plain DHE, no pre-shared keys.
        QList<QSslCipher> ciphers;
        for (const QSslCipher &c : QSslConfiguration::supportedCiphers()) {
            const QString n = c.name();
            const bool tls13 = n.startsWith(QLatin1String("TLS_"));
            const bool ecdheAead = n.startsWith(QLatin1String("ECDHE-")) && !n.contains(QLatin1String("-PSK-"))
                && (n.contains(QLatin1String("-GCM-")) || n.contains(QLatin1String("CHACHA20-POLY1305")));
            if (tls13 || ecdheAead)
                ciphers.append(c);
        }
        if (ciphers.isEmpty())
            return Result<quint16>::failure(QStringLiteral("The TLS library offers no ECDHE + AEAD cipher suite."));
        tls.setCiphers(ciphers);
        auto ssl = std::make_unique<QSslServer>();
        ssl->setSslConfiguration(tls);
        ssl->setHandshakeTimeout(m_limits.tlsHandshakeTimeoutMs);
        // A socket whose handshake fails (plain HTTP, an untrusting client, a timeout) never
        // becomes a pending connection: drop it here.
        connect(ssl.get(), &QSslServer::errorOccurred, this,
            [](QSslSocket *socket, QAbstractSocket::SocketError) { socket->deleteLater(); });
        m_tcp = std::move(ssl);
    } else {
        m_tcp = std::make_unique<QTcpServer>();
    }
    // Sockets Qt accepted but we did not take yet also hold descriptors: few, and in the reserve.
    m_tcp->setMaxPendingConnections(kPendingConnections);
    connect(m_tcp.get(), &QTcpServer::pendingConnectionAvailable, this, &BackOfficeServer::onPendingConnection);
    // Out of descriptors all the same (another part of the process holds more than the reserve):
    // stop accepting for a moment instead of the notifier firing on the same error for ever.
    connect(m_tcp.get(), &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) {
        if (m_stopping || !m_tcp)
            return;
        m_tcp->pauseAccepting();
        m_acceptPaused = true;
        QTimer::singleShot(200, this, [this] {
            m_acceptPaused = false;
            updateAccepting();
        });
    });
    if (!m_tcp->listen(address, port))
        return Result<quint16>::failure(
            QStringLiteral("Cannot listen on %1:%2 (%3)").arg(address.toString()).arg(port).arg(m_tcp->errorString()));
    m_port = m_tcp->serverPort();
    m_fdCap = descriptorCap();
    publishConnectionGauges();
    return m_port;
}

int BackOfficeServer::descriptorCap()
{
    // Take the hard limit when the soft one is lower (systemd's default is 1024 soft, 524288
    // hard), then keep a reserve below it for the database, files, pending sockets and the
    // 503 answers of refused connections.
    struct rlimit limit
    { };
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return kDescriptorCeiling;
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < limit.rlim_max) {
        struct rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? rlim_t(kDescriptorCeiling)
                                                          : qMin(limit.rlim_max, rlim_t(kDescriptorCeiling));
        if (raised.rlim_cur > limit.rlim_cur && ::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    const qint64 soft = limit.rlim_cur == RLIM_INFINITY ? kDescriptorCeiling : qint64(limit.rlim_cur);
    const qint64 reserve = qMax<qint64>(kDescriptorReserve, soft / 10);
    return int(qBound<qint64>(1, soft - reserve, qint64(kDescriptorCeiling)));
}

void BackOfficeServer::shutdown(int deadlineMs)
{
    if (m_stopping)
        return;
    m_stopping = true;
    logLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("stopping")},
        {QStringLiteral("connections"), m_connectionCount}, {QStringLiteral("longPolls"), m_waiters->count()},
        {QStringLiteral("deadlineMs"), deadlineMs}});
    if (m_tcp)
        m_tcp->close();
    // Drained first, so the long-polls' answers close their connections after they are sent.
    for (HttpConnection *connection : findChildren<HttpConnection *>(QString(), Qt::FindDirectChildrenOnly))
        connection->drain();
    m_waiters->endAll(kShutdownRetryAfterSeconds);
    QTimer::singleShot(deadlineMs, this, [this] {
        if (m_stoppedSent)
            return;
        m_stoppedSent = true;
        logLine(QJsonObject {
            {QStringLiteral("event"), QStringLiteral("stopped")}, {QStringLiteral("unfinished"), m_connectionCount}});
        Q_EMIT stopped();
    });
    finishShutdownIfIdle();
}

void BackOfficeServer::numberLater(const QSet<QString> &keys)
{
    if (keys.isEmpty())
        return;
    if (!m_numbering) {
        events().numberAll(keys);
        return;
    }
    QMutexLocker locked(&m_numberingLock);
    m_numberingKeys.unite(keys);
    if (m_numberingQueued)
        return;
    m_numberingQueued = true;
    m_numbering->submit([this] {
        QSet<QString> taken;
        {
            QMutexLocker lockedNow(&m_numberingLock);
            taken = std::exchange(m_numberingKeys, {});
            m_numberingQueued = false;
        }
        events().numberAll(taken);
    });
}

void BackOfficeServer::finishShutdownIfIdle()
{
    if (!m_stopping || m_stoppedSent || m_connectionCount > 0)
        return;
    m_stoppedSent = true;
    // Queued: the last answer's bytes leave before the event loop ends.
    QTimer::singleShot(0, this, [this] {
        logLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("stopped")}, {QStringLiteral("unfinished"), 0}});
        Q_EMIT stopped();
    });
}

int BackOfficeServer::effectiveConnectionCap() const
{
    return m_fdCap > 0 ? qMin(m_limits.maxConnections, m_fdCap) : m_limits.maxConnections;
}

void BackOfficeServer::updateAccepting()
{
    if (!m_tcp || m_stopping || m_acceptPaused)
        return;
    // At the descriptor cap the listener stops taking connections (they wait in the kernel's
    // backlog) and resumes as soon as one closes. Below it, --max-connections answers 503.
    if (m_fdCap > 0 && m_connectionCount + m_refusing >= m_fdCap) {
        if (!m_listenerPaused) {
            m_tcp->pauseAccepting();
            m_listenerPaused = true;
            logLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("accept-paused")},
                {QStringLiteral("connections"), m_connectionCount}, {QStringLiteral("cap"), m_fdCap}});
        }
    } else if (m_listenerPaused) {
        m_tcp->resumeAccepting();
        m_listenerPaused = false;
        logLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("accept-resumed")},
            {QStringLiteral("connections"), m_connectionCount}});
    }
}

void BackOfficeServer::onPendingConnection()
{
    while (m_tcp->hasPendingConnections()) {
        QTcpSocket *socket = m_tcp->nextPendingConnection();
        if (!socket)
            return;
        if (m_stopping) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        if (m_connectionCount >= effectiveConnectionCap()) {
            // Over the cap: a short 503 and close, without a connection object.
            refuseConnection(socket, QStringLiteral("The back office is at its connection limit; try again shortly."));
            continue;
        }
        const QByteArray from = SignInThrottle::addressKey(socket->peerAddress());
        int &fromThere = m_perAddress[from];
        if (fromThere >= m_limits.maxConnectionsPerAddress) {
            // One host (or one IPv6 /64) cannot take every slot: the same short 503.
            refuseConnection(socket,
                QStringLiteral("This address has %1 connections open, the most one address may; try again "
                               "shortly.")
                    .arg(m_limits.maxConnectionsPerAddress));
            continue;
        }
        ++fromThere;
        ++m_connectionCount;
        publishConnectionGauges();
        auto *connection = new HttpConnection(socket, this, m_limits, this);
        connect(connection, &HttpConnection::closed, this, [this, from] {
            --m_connectionCount;
            publishConnectionGauges();
            auto it = m_perAddress.find(from);
            if (it != m_perAddress.end() && --it.value() <= 0)
                m_perAddress.erase(it);
            updateAccepting();
            finishShutdownIfIdle();
        });
        if (m_stopping)
            connection->drain();
    }
    updateAccepting();
}

void BackOfficeServer::refuseConnection(QTcpSocket *socket, const QString &message)
{
    socket->write(
        HttpConnection::serialize(ApiReply::error(503, QStringLiteral("too-many-connections"), message), false, true));
    ++m_refusing;
    connect(socket, &QObject::destroyed, this, [this] {
        --m_refusing;
        updateAccepting();
    });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(2000, socket, [socket] { socket->abort(); });
    socket->disconnectFromHost();
}

BackOfficeServer::Request BackOfficeServer::requestFrom(const HttpRequestParser &head, const QHostAddress &peer) const
{
    Request r;
    r.method = head.method();
    const QByteArray target = head.target();
    const qsizetype q = target.indexOf('?');
    r.m_rawPath = q < 0 ? target : target.left(q);
    r.path = QString::fromUtf8(QByteArray::fromPercentEncoding(r.m_rawPath));
    if (q >= 0)
        r.m_query = QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
    r.m_headers = head.headers();
    // tus core: X-HTTP-Method-Override MUST be taken as the method (clients behind proxies that
    // only pass GET and POST send PATCH and HEAD this way).
    const QByteArray override = r.header(QByteArrayLiteral("X-HTTP-Method-Override")).trimmed().toUpper();
    if (isTusPath(r.path) && !override.isEmpty())
        r.method = override;
    r.m_remote = peer;
    r.m_contentLength = head.contentLength();
    return r;
}

const BackOfficeServer::Route *BackOfficeServer::findRoute(Request *request, ApiReply *error) const
{
    // Every route's template split once (routes() is a static list); the path once per request.
    static const QList<PathPattern> patterns = [] {
        QList<PathPattern> out;
        for (const Route &route : routes())
            out.append(patternOf(route.path));
        return out;
    }();
    const QList<QByteArray> have = request->m_rawPath.split('/');
    QList<QByteArray> allowed;
    for (qsizetype i = 0; i < routes().size(); ++i) {
        const Route &route = routes().at(i);
        QHash<QString, QString> params;
        if (!matchPath(patterns.at(i), have, &params))
            continue;
        if (route.method != request->method) {
            allowed.append(route.method);
            continue;
        }
        request->params = params;
        return &route;
    }
    if (!allowed.isEmpty()) {
        *error = ApiReply::error(405, QStringLiteral("method-not-allowed"),
            QStringLiteral("%1 takes %2, not %3.")
                .arg(request->path, QString::fromLatin1(allowed.join(", ")), QString::fromLatin1(request->method)));
        error->headers.append({QByteArrayLiteral("Allow"), allowed.join(", ")});
        return nullptr;
    }
    *error =
        ApiReply::error(404, QStringLiteral("not-found"), QStringLiteral("There is no %1 here.").arg(request->path));
    return nullptr;
}

HttpService::BodyPlan BackOfficeServer::planBody(
    const HttpRequestParser &head, const QHostAddress &peer, const ReplyHandle &handle)
{
    BodyPlan plan;
    Request request = requestFrom(head, peer);
    ApiReply error;
    const Route *route = findRoute(&request, &error);
    if (!route) {
        plan.refuse = withTusHeaders(request, error);
        return plan;
    }
    if (auto refused = tusPrecondition(request)) {
        plan.refuse = withTusHeaders(request, *refused);
        return plan;
    }
    plan.maxBytes = route->maxBody;
    // A body for a route that needs a sign-in is read only from a signed-in caller: anyone else
    // is answered at the head, so unauthenticated bodies never fill the server's memory.
    const bool open = route->handler == &BackOfficeServer::signIn || route->handler == &BackOfficeServer::enrol;
    const bool gate = !open && head.contentLength() > 0 && head.contentLength() <= route->maxBody;
    const bool withSink = route->sink && head.contentLength() <= route->maxBody;
    if (!gate && !withSink)
        return plan;
    // A token that passed this gate in the last kGateMemoryMs passes it again without a query
    // (a window pushing case after case): the handler checks it fully on its worker all the
    // same, so a token ended meanwhile sends at most one body that is then answered 401.
    const QByteArray token = gate
        ? QCryptographicHash::hash(request.header(QByteArrayLiteral("Authorization")), QCryptographicHash::Sha256)
        : QByteArray();
    const qint64 now = m_gateClock.elapsed();
    if (!withSink && m_gatePassed.value(token, -1) > now)
        return plan;
    if (!m_pool)
        return planChecks(request, *route, gate, withSink);
    // The token's and the sink's checks query the database: on a worker, ahead of the queued
    // requests (one short query); the connection reads nothing more until the plan is back.
    m_pool->submit(
        [this, request = std::move(request), route, gate, withSink, handle, token] {
            std::optional<QMutexLocker<QMutex>> serialized;
            if (withSink && m_db->dialect() == Database::Dialect::Sqlite)
                serialized.emplace(&m_sqliteWrites); // a PATCH's checks may settle or expire it
            const BodyPlan decided = planChecks(request, *route, gate, withSink);
            serialized.reset();
            QMetaObject::invokeMethod(
                this,
                [this, handle, decided, token] {
                    if (!token.isEmpty() && !decided.refuse) {
                        if (m_gatePassed.size() >= kGateMemorySize)
                            m_gatePassed.clear();
                        m_gatePassed.insert(token, m_gateClock.elapsed() + kGateMemoryMs);
                    }
                    handle.plan(decided.refuse, decided.maxBytes, decided.sink);
                },
                Qt::QueuedConnection);
        },
        true);
    return BodyPlan::decideLater();
}

HttpService::BodyPlan BackOfficeServer::planChecks(const Request &request, const Route &route, bool gate, bool withSink)
{
    BodyPlan plan;
    plan.maxBytes = route.maxBody;
    if (gate) {
        auto who = accounts().authenticate(request.header(QByteArrayLiteral("Authorization")));
        if (!who) {
            plan.refuse = withTusHeaders(request, who.error);
            return plan;
        }
    }
    if (withSink) {
        auto sink = (this->*route.sink)(request);
        if (!sink)
            plan.refuse = withTusHeaders(request, sink.error);
        else
            plan.sink = *sink.value;
    }
    return plan;
}

ApiReply BackOfficeServer::serve(const HttpRequestParser &head, const QByteArray &body,
    const std::shared_ptr<HttpBodySink> &sink, const QHostAddress &peer, const ReplyHandle &handle)
{
    Request request = requestFrom(head, peer);
    request.m_body = body;
    request.m_sink = sink;
    request.m_handle = handle;
    if (m_pool) {
        Request probe = request;
        ApiReply unused;
        const Route *route = findRoute(&probe, &unused);
        if (route && !runsOnEventLoop(route->handler)) {
            // Answered on a worker; the answer comes back to this thread (queued), where the
            // connection lives. A connection gone meanwhile makes send() a no-op; a handler that
            // answers later itself (a long-poll) returns ApiReply::later(), which send() ignores.
            // On SQLite every route here counts as writing (reading a case or a blob writes its
            // audit row) but the reads that never write and sign-in, which takes the writer lock
            // itself around its writes (not during PBKDF2).
            const Handler h = route->handler;
            const bool writes = h != &BackOfficeServer::signIn && h != &BackOfficeServer::ready
                && h != &BackOfficeServer::metrics && h != &BackOfficeServer::readEvents
                && h != &BackOfficeServer::readHallEvents;
            m_pool->submit([this, request = std::move(request), handle, writes]() mutable {
                const ApiReply reply = dispatchSerialized(std::move(request), writes);
                QMetaObject::invokeMethod(
                    this, [handle, reply] { handle.send(reply); }, Qt::QueuedConnection);
                numberLater(events().takeUnnumbered()); // the answer does not wait for their cursors
            });
            ApiReply later = ApiReply::later();
            later.logRoute = route->path;
            return later;
        }
    }
    const bool writes = request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS";
    return dispatchSerialized(std::move(request), writes);
}

ApiReply BackOfficeServer::dispatchSerialized(Request request, bool writes)
{
    // SQLite has one writer, and a connection whose read snapshot went stale (another connection
    // committed while one of its statements was open) fails its next write at once with "database
    // is locked", busy timeout or not. So on SQLite the case routes (on workers) and the writing
    // routes (here) take turns; PostgreSQL's row locks order concurrent writers by themselves.
    if (!writes || m_db->dialect() != Database::Dialect::Sqlite)
        return dispatch(std::move(request));
    QMutexLocker serialized(&m_sqliteWrites);
    return dispatch(std::move(request));
}

ApiReply BackOfficeServer::dispatch(Request request)
{
    if (request.m_rawPath.isEmpty())
        request.m_rawPath = request.path.toUtf8();
    ApiReply error;
    const Route *route = findRoute(&request, &error);
    if (!route)
        return withTusHeaders(request, error);
    ApiReply reply;
    if (auto refused = tusPrecondition(request))
        reply = *refused;
    else if (request.m_body.size() > route->maxBody)
        reply = ApiReply::error(413, QStringLiteral("body-too-large"),
            QStringLiteral("A request body is at most %1 bytes.").arg(route->maxBody));
    else
        reply = (this->*route->handler)(request);
    // For the request log and the metrics: the route's template (never the raw path, which
    // names cases and uploads) and the user the token named.
    reply.logRoute = route->path;
    reply.logUser = request.m_user;
    return withTusHeaders(request, reply);
}

ApiResult<Principal> BackOfficeServer::authenticate(const Request &r)
{
    auto who = accounts().authenticate(r.header(QByteArrayLiteral("Authorization")));
    if (who)
        r.m_user = who.value->user;
    return who;
}

void BackOfficeServer::answered(const Answered &done)
{
    Metrics::global().countRequest(
        done.method, done.route.isEmpty() ? QStringLiteral("unmatched") : done.route, done.status, done.seconds);
    // One JSON line a request on stdout (journald keeps it): never the raw path, the query, a
    // header value or a body, which may name people or carry a token.
    const QJsonObject line {{QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("event"), QStringLiteral("request")},
        {QStringLiteral("id"), QString::fromLatin1(done.requestId)},
        {QStringLiteral("method"), QString::fromLatin1(done.method)},
        {QStringLiteral("route"), done.route.isEmpty() ? QStringLiteral("unmatched") : done.route},
        {QStringLiteral("status"), done.status}, {QStringLiteral("ms"), qRound(done.seconds * 10000.0) / 10.0},
        {QStringLiteral("user"), done.user.isEmpty() ? QJsonValue() : QJsonValue(done.user)}};
    logLine(line);
}

void BackOfficeServer::logLine(QJsonObject line)
{
    if (!line.contains(QLatin1String("ts")))
        line.insert(QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fflush(stdout);
}

ApiResult<QJsonValue> BackOfficeServer::jsonBody(const Request &r) const
{
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(r.body(), &err);
    if (err.error != QJsonParseError::NoError)
        return ApiReply::error(400, QStringLiteral("invalid-json"),
            QStringLiteral("The body is not valid JSON (%1 at offset %2).").arg(err.errorString()).arg(err.offset));
    if (doc.isArray())
        return QJsonValue(doc.array());
    return QJsonValue(doc.object());
}

ApiResult<BackOfficeServer::CaseCall> BackOfficeServer::caseCall(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    const QString id = r.params.value(QStringLiteral("caseId"));
    if (!CaseLedger::validCaseId(id))
        return ApiReply::error(
            400, QStringLiteral("bad-case-id"), QStringLiteral("A case id is 1–64 letters, digits, '.', '_' or '-'."));
    return CaseCall {*who.value, id};
}

ApiReply BackOfficeServer::health(const Request &)
{
    return ApiReply::json(200,
        QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("service"), QStringLiteral("onewindow-backoffice")},
            {QStringLiteral("version"), QStringLiteral(ONEWINDOW_VERSION)}, {QStringLiteral("schema"), m_schema}});
}

ApiReply BackOfficeServer::ready(const Request &)
{
    // Readiness (a load balancer's question): the database answers a real query, its schema is
    // the one this binary expects, and the data folder's disk has room. /health stays liveness.
    QJsonObject checks;
    bool ok = true;
    const auto check = [&checks, &ok](const char *name, bool passed, const QString &detail) {
        checks.insert(
            QLatin1String(name), QJsonObject {{QStringLiteral("ok"), passed}, {QStringLiteral("detail"), detail}});
        ok = ok && passed;
    };
    auto version = database().exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    const bool answered = version && version.value().next();
    check("database", answered, answered ? QStringLiteral("answers") : QStringLiteral("does not answer"));
    const int schema = answered ? version.value().value(0).toInt() : 0;
    check("schema", schema == Database::latestSchemaVersion(),
        QStringLiteral("%1 of %2").arg(schema).arg(Database::latestSchemaVersion()));
    struct statvfs fs
    { };
    const QByteArray dir = QFile::encodeName(m_dataDir);
    if (::statvfs(dir.constData(), &fs) != 0) {
        check("disk", false, QStringLiteral("cannot stat the data folder"));
    } else {
        const qint64 free = qint64(fs.f_bavail) * qint64(fs.f_frsize);
        check("disk", free >= m_minFreeBytes,
            QStringLiteral("%1 MiB free, at least %2 MiB needed").arg(free >> 20).arg(m_minFreeBytes >> 20));
    }
    ApiReply reply = ApiReply::json(ok ? 200 : 503,
        QJsonObject {{QStringLiteral("status"), ok ? QStringLiteral("ready") : QStringLiteral("unready")},
            {QStringLiteral("checks"), checks}});
    if (!ok)
        reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5")});
    reply.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return reply;
}

ApiReply BackOfficeServer::metrics(const Request &r)
{
    // Open from loopback (a local Prometheus or node exporter's proxy), otherwise only with an
    // admin's bearer token.
    if (!r.remoteAddress().isLoopback()) {
        auto who = authenticate(r);
        if (!who)
            return who.error;
        if (who.value->role != QLatin1String("admin"))
            return ApiReply::error(403, QStringLiteral("forbidden"),
                QStringLiteral("/metrics is open from loopback, otherwise to admins."));
    }
    // On a worker: the gauges are published where they change (connections, long-polls, the
    // pool), never read from the event-loop thread's state here.
    Metrics &m = Metrics::global();
    ApiReply reply =
        ApiReply::bytes(200, m.exposition(), QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"));
    reply.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return reply;
}

ApiReply BackOfficeServer::openApi(const Request &)
{
    QFile f(QStringLiteral(":/backoffice/openapi.json"));
    if (!f.open(QIODevice::ReadOnly))
        return ApiReply::error(
            404, QStringLiteral("not-found"), QStringLiteral("The API description is not built in."));
    return ApiReply::json(200, QJsonDocument::fromJson(f.readAll()).object());
}

ApiReply BackOfficeServer::enrol(const Request &r)
{
    auto body = jsonBody(r);
    if (!body)
        return body.error;
    if (!body.value->isObject())
        return ApiReply::error(400, QStringLiteral("bad-request"), QStringLiteral("The body is a JSON object."));
    return windows().enrol(body.value->toObject());
}

ApiReply BackOfficeServer::keyRing(const Request &r)
{
    // The rating key windows seal the applicant's ratings to (receipt::RatingSeal).
    const auto ratingPublic = receipt::RatingSeal::publicKeyOf(m_sealer->ratingPrivateKey());
    QJsonObject ratingKey;
    if (ratingPublic)
        ratingKey = {{QStringLiteral("keyId"), receipt::RatingSeal::keyIdFor(ratingPublic.value())},
            {QStringLiteral("publicKey"), QString::fromLatin1(ratingPublic.value().toBase64())}};
    return windows().keyRing(
        r.query().queryItemValue(QStringLiteral("region")), r.header(QByteArrayLiteral("If-None-Match")), ratingKey);
}

ApiReply BackOfficeServer::signIn(const Request &r)
{
    auto body = jsonBody(r);
    if (!body)
        return body.error;
    if (!body.value->isObject())
        return ApiReply::error(400, QStringLiteral("bad-request"), QStringLiteral("The body is a JSON object."));
    return accounts().signIn(body.value->toObject(), r.remoteAddress(), r.later());
}

ApiReply BackOfficeServer::currentSession(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    return ApiReply::json(200,
        QJsonObject {
            {QStringLiteral("expiresAt"), who.value->expiresAt}, {QStringLiteral("user"), who.value->toJson()}});
}

ApiReply BackOfficeServer::signOut(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    ApiReply reply = accounts().signOut(*who.value);
    if (reply.status == 204) {
        if (m_tokens)
            m_tokens->forget(who.value->tokenHash);
        // The body gate forgets the token at once (the handlers refuse it anyway).
        const QByteArray token =
            QCryptographicHash::hash(r.header(QByteArrayLiteral("Authorization")), QCryptographicHash::Sha256);
        QMetaObject::invokeMethod(
            this, [this, token] { m_gatePassed.remove(token); }, Qt::QueuedConnection);
    }
    return reply;
}

ApiReply BackOfficeServer::appendEntries(const Request &r)
{
    CaseLedger::AppendCounts counts;
    ApiReply reply;
    bool recheck = true;
    // A window's token seen in the last few seconds: its next entries go without a token query,
    // as their statement checks the session itself; anything else is answered after the full
    // check below (TokenCache).
    const QString tokenHash = m_tokens ? TokenCache::hashOf(r.header(QByteArrayLiteral("Authorization"))) : QString();
    if (const auto cached = m_tokens ? m_tokens->find(tokenHash) : std::nullopt) {
        const QString id = r.params.value(QStringLiteral("caseId"));
        auto body = jsonBody(r);
        if (body && CaseLedger::validCaseId(id)) {
            reply = cases().append(id, *body.value, *cached, &counts, &recheck);
            if (!recheck)
                r.m_user = cached->user;
        }
    }
    if (recheck) {
        auto call = caseCall(r);
        if (!call)
            return call.error;
        if (m_tokens && call.value->who.isWindowRole() && call.value->who.windowKeyCurrent)
            m_tokens->remember(call.value->who);
        auto body = jsonBody(r);
        if (!body)
            return body.error;
        reply = cases().append(call.value->caseId, *body.value, call.value->who, &counts);
    }
    events().publish();
    if (reply.status == 200 || reply.status == 202)
        Metrics::global().addEntries(counts.stored, counts.applied, counts.replayed);
    return reply;
}

ApiReply BackOfficeServer::readCase(const Request &r)
{
    auto call = caseCall(r);
    if (!call)
        return call.error;
    const QString reveal = r.query().queryItemValue(QStringLiteral("reveal"));
    if (!reveal.isEmpty() && reveal != QLatin1String("1") && reveal != QLatin1String("0"))
        return ApiReply::error(400, QStringLiteral("bad-request"), QStringLiteral("reveal is 1 or 0."));
    return cases().read(call.value->caseId, call.value->who, reveal == QLatin1String("1"));
}

ApiReply BackOfficeServer::searchCases(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    const QUrlQuery q = r.query();
    // By case number or by a scanned QR (issue 22); else by exact ID number.
    if (q.hasQueryItem(QStringLiteral("number")))
        return cases().findByNumber(q.queryItemValue(QStringLiteral("number"), QUrl::FullyDecoded), *who.value);
    if (q.hasQueryItem(QStringLiteral("qr")))
        return cases().findByQr(q.queryItemValue(QStringLiteral("qr"), QUrl::FullyDecoded), *who.value);
    return cases().findByIdNumber(q.queryItemValue(QStringLiteral("idNumber"), QUrl::FullyDecoded), *who.value);
}

ApiReply BackOfficeServer::listRatings(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    const QUrlQuery q = r.query();
    return ratings().list(*who.value, q.queryItemValue(QStringLiteral("window")),
        q.queryItemValue(QStringLiteral("since")), q.queryItemValue(QStringLiteral("until")));
}

ApiReply BackOfficeServer::ratingTasks(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    return ratings().tasks(*who.value, r.query().queryItemValue(QStringLiteral("state")));
}

ApiReply BackOfficeServer::ratingCallback(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    auto body = jsonBody(r);
    if (!body)
        return body.error;
    return ratings().callback(*who.value, r.params.value(QStringLiteral("ratingId")), body.value->toObject());
}

ApiReply BackOfficeServer::appealRating(const Request &r)
{
    auto call = caseCall(r);
    if (!call)
        return call.error;
    bool ok = false;
    const int seq = r.params.value(QStringLiteral("seq")).toInt(&ok);
    if (!ok || seq < 1)
        return ApiReply::error(400, QStringLiteral("bad-request"), QStringLiteral("seq is the rated entry's seq."));
    auto body = jsonBody(r);
    if (!body)
        return body.error;
    return ratings().appeal(call.value->who, call.value->caseId, seq, body.value->toObject());
}

ApiReply BackOfficeServer::ratingAppeals(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    return ratings().appeals(*who.value, r.query().queryItemValue(QStringLiteral("state")));
}

ApiReply BackOfficeServer::decideAppeal(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    auto body = jsonBody(r);
    if (!body)
        return body.error;
    return ratings().decideAppeal(*who.value, r.params.value(QStringLiteral("appealId")), body.value->toObject());
}

bool BackOfficeServer::isTusPath(const QString &path)
{
    return path == QLatin1String("/v1/uploads") || path.startsWith(QLatin1String("/v1/uploads/"));
}

std::optional<ApiReply> BackOfficeServer::tusPrecondition(const Request &r)
{
    if (!isTusPath(r.path) || r.method == "OPTIONS" || r.header(QByteArrayLiteral("Tus-Resumable")) == "1.0.0")
        return std::nullopt;
    ApiReply refused = ApiReply::error(
        412, QStringLiteral("tus-version"), QStringLiteral("Uploads speak tus 1.0.0: send Tus-Resumable: 1.0.0."));
    refused.headers.append({QByteArrayLiteral("Tus-Version"), QByteArrayLiteral("1.0.0")});
    return refused;
}

ApiReply BackOfficeServer::withTusHeaders(const Request &r, ApiReply reply)
{
    if (isTusPath(r.path) && !reply.deferred)
        reply.headers.append({QByteArrayLiteral("Tus-Resumable"), QByteArrayLiteral("1.0.0")});
    return reply;
}

ApiReply BackOfficeServer::tusOptions(const Request &)
{
    ApiReply r = ApiReply::empty(204);
    r.headers.append({QByteArrayLiteral("Tus-Version"), QByteArrayLiteral("1.0.0")});
    r.headers.append(
        {QByteArrayLiteral("Tus-Extension"), QByteArrayLiteral("creation,checksum,expiration,termination")});
    r.headers.append({QByteArrayLiteral("Tus-Max-Size"), QByteArray::number(m_uploads->maxBytes())});
    r.headers.append({QByteArrayLiteral("Tus-Checksum-Algorithm"), QByteArrayLiteral("sha1,sha256")});
    return r;
}

ApiReply BackOfficeServer::createUpload(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    if (auto refused = windows().refusePush(*who.value))
        return *refused;
    return uploads().create(*who.value, r.header(QByteArrayLiteral("Upload-Length")),
        r.header(QByteArrayLiteral("Upload-Metadata")), r.header(QByteArrayLiteral("Upload-Defer-Length")));
}

ApiReply BackOfficeServer::headUpload(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    return uploads().head(*who.value, r.params.value(QStringLiteral("uploadId")));
}

ApiResult<std::shared_ptr<HttpBodySink>> BackOfficeServer::patchUploadSink(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    if (auto refused = windows().refusePush(*who.value))
        return *refused;
    return uploads().beginPatch(*who.value, r.params.value(QStringLiteral("uploadId")),
        r.header(QByteArrayLiteral("Content-Type")), r.header(QByteArrayLiteral("Upload-Offset")),
        r.header(QByteArrayLiteral("Upload-Checksum")), r.m_contentLength);
}

ApiReply BackOfficeServer::patchUpload(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    return uploads().endPatch(*who.value, r.params.value(QStringLiteral("uploadId")), r.bodySink());
}

ApiReply BackOfficeServer::deleteUpload(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    return uploads().terminate(*who.value, r.params.value(QStringLiteral("uploadId")));
}

ApiReply BackOfficeServer::getBlob(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    return uploads().blob(*who.value, r.params.value(QStringLiteral("sha256")), false);
}

ApiReply BackOfficeServer::headBlob(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    return uploads().blob(*who.value, r.params.value(QStringLiteral("sha256")), true);
}

ApiReply BackOfficeServer::listCatalogues(const Request &r)
{
    return catalogues().list(r.header(QByteArrayLiteral("If-None-Match")));
}

ApiReply BackOfficeServer::getCatalogue(const Request &r)
{
    return catalogues().get(r.params.value(QStringLiteral("sha256")), r.header(QByteArrayLiteral("If-None-Match")));
}

ApiReply BackOfficeServer::getCalendar(const Request &r)
{
    return catalogues().calendar(r.header(QByteArrayLiteral("If-None-Match")));
}

ApiReply BackOfficeServer::departmentItems(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    return departments().items(
        *who.value, r.params.value(QStringLiteral("code")), r.query().queryItemValue(QStringLiteral("state")));
}

ApiReply BackOfficeServer::decideItem(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    auto body = jsonBody(r);
    if (!body)
        return body.error;
    if (!body.value->isObject())
        return ApiReply::error(400, QStringLiteral("bad-request"), QStringLiteral("The body is a JSON object."));
    return departments().decide(*who.value, r.params.value(QStringLiteral("itemId")), body.value->toObject());
}

ApiReply BackOfficeServer::itemReady(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    return departments().ready(*who.value, r.params.value(QStringLiteral("itemId")));
}

ApiReply BackOfficeServer::readEvents(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    if (!who.value->isWindowRole())
        return ApiReply::error(403, QStringLiteral("forbidden"),
            QStringLiteral("Events are read by a window's clerk or station, not a %1.").arg(who.value->role));
    const QUrlQuery query = r.query();
    auto number = [&query](const char *name, qint64 fallback, qint64 lo, qint64 hi, qint64 *out) {
        const QString text = query.queryItemValue(QLatin1String(name));
        if (text.isEmpty()) {
            *out = fallback;
            return true;
        }
        bool ok = false;
        *out = text.toLongLong(&ok);
        return ok && *out >= lo && *out <= hi;
    };
    qint64 after = 0;
    qint64 wait = 0;
    qint64 limit = EventLog::kDefaultLimit;
    if (!number("after", 0, 0, std::numeric_limits<qint64>::max(), &after)
        || !number("wait", 0, 0, EventLog::kMaxWaitSeconds, &wait)
        || !number("limit", EventLog::kDefaultLimit, 1, EventLog::kMaxLimit, &limit))
        return ApiReply::error(400, QStringLiteral("bad-request"),
            QStringLiteral("after is a cursor (a whole number from 0), wait 0–%1 seconds, limit 1–%2.")
                .arg(EventLog::kMaxWaitSeconds)
                .arg(EventLog::kMaxLimit));
    // The first read on a worker; an empty page waits on the event loop (EventWaiters), where
    // an idle long-poll costs no query.
    const QString window = who.value->window;
    const quint64 seen = m_waiters->generation(window);
    auto page = events().read(window, after, int(limit));
    if (!page)
        return page.error;
    if (wait > 0 && page.value->value(QLatin1String("events")).toArray().isEmpty()) {
        QMetaObject::invokeMethod(
            m_waiters.get(),
            [waiters = m_waiters.get(), window, after, limit, wait, handle = r.later(), seen] {
                waiters->wait(window, after, int(limit), int(wait), handle, seen);
            },
            Qt::QueuedConnection);
        return ApiReply::later();
    }
    return ApiReply::json(200, *page.value);
}

ApiReply BackOfficeServer::supervisorOverview(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    const QUrlQuery q = r.query();
    SupervisorOverview &overview = t_stores ? *t_stores->overview : *m_overview;
    return overview.overview(*who.value, q.queryItemValue(QStringLiteral("from")),
        q.queryItemValue(QStringLiteral("to")), q.queryItemValue(QStringLiteral("offset")),
        q.queryItemValue(QStringLiteral("limit")));
}

} // namespace ow::backoffice
