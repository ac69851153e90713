#pragma once

#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"
#include "onewindow/backoffice/HttpLimits.h"
#include "onewindow/backoffice/HttpService.h"
#include "onewindow/backoffice/ReplyHandle.h"
#include "onewindow/core/Result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QUrlQuery>

#include <atomic>
#include <memory>

class QTcpServer;
class QTimer;
class QTcpSocket;

namespace ow::backoffice {

class AppendBatcher;
class CaseLedger;
class Catalogues;
class Database;
class UploadStore;
class Departments;
class EventLog;
class EventWaiters;
class HallQueue;
class Handouts;
class Ratings;
class Router;
class Sealer;
class SupervisorOverview;
class TokenCache;
class WindowRegistry;
class WorkerPool;

struct ServerOptions
{
    QString dataDir;
    QString db; // "" (SQLite in dataDir) or a postgresql:// URL
    int tokenMinutes = 60;
    Clock clock = systemClock();
    HttpLimits http;
    QString tlsCertFile; // both set: HTTPS only (QSslServer)
    QString tlsKeyFile;
    qint64 tusMaxBytes = 1024LL * 1024 * 1024; // Tus-Max-Size
    // The seal key file (Sealer); "": $CREDENTIALS_DIRECTORY/seal-key or "<dataDir>.seal-key",
    // made at first start.
    QString sealKeyFile;
    // /ready fails when the data folder's disk has less free than this.
    qint64 minFreeBytes = 256LL * 1024 * 1024;
    // tus expiration: an unfinished upload untouched this long is gone (Upload-Expires).
    qint64 uploadExpirySeconds = 24 * 3600;
    // Worker threads for the case routes (each with its own database connection); 0: the cores,
    // at least 2 (WorkerPool::defaultSize()).
    int workers = 0;
};

// The back office's HTTP/JSON API. Every route is in routes() (the table that dispatches, and
// that `onewindow-backoffice routes` prints), and every route is described in openapi.json.
class BackOfficeServer : public QObject, private HttpService
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxBodyBytes = 16 * 1024 * 1024;
    // The body of a route open without a sign-in (enrolment); sign-in: Accounts::kMaxSignInBody.
    static constexpr qsizetype kMaxOpenBodyBytes = 64 * 1024;

    // One request as a handler sees it (served by our own HTTP/1.1 layer, HttpConnection).
    struct Request
    {
        QByteArray method; // GET, POST …
        QString path; // percent-decoded, without the query
        QHash<QString, QString> params; // the {placeholders} of the route's path
        QByteArray header(const QByteArray &name) const;
        QUrlQuery query() const { return m_query; }
        QByteArray body() const { return m_body; } // empty for a streamed (sink) route
        QHostAddress remoteAddress() const { return m_remote; }
        // Answer later (long-poll): keep the handle, return ApiReply::later().
        ReplyHandle later() const { return m_handle; }
        // A route with a sink: what its body went to.
        HttpBodySink *bodySink() const { return m_sink.get(); }

        // Filled by the dispatcher.
        QByteArray m_rawPath;
        QList<QPair<QByteArray, QByteArray>> m_headers;
        QUrlQuery m_query;
        QByteArray m_body;
        QHostAddress m_remote;
        ReplyHandle m_handle;
        std::shared_ptr<HttpBodySink> m_sink;
        qint64 m_contentLength = 0;
        mutable QString m_user; // the signed-in user, once authenticate() found one (request log)
    };
    using Handler = ApiReply (BackOfficeServer::*)(const Request &);
    // A streamed route: called when the head is there (params, headers; no body yet); an error
    // answers at once without reading the body, a sink takes the body as it arrives.
    using SinkFactory = ApiResult<std::shared_ptr<HttpBodySink>> (BackOfficeServer::*)(const Request &);
    struct Route
    {
        QByteArray method; // GET, POST, DELETE …
        QString path; // OpenAPI form: /v1/cases/{caseId}
        Handler handler;
        qint64 maxBody = kMaxBodyBytes; // checked from Content-Length before reading (413)
        SinkFactory sink = nullptr;
    };
    static const QList<Route> &routes();

    explicit BackOfficeServer(QObject *parent = nullptr);
    ~BackOfficeServer() override;

    // Opens (creating and migrating) the database in options.dataDir.
    [[nodiscard]] Result<bool> open(const ServerOptions &options);
    // Starts listening; port 0 picks a free one. Returns the port actually bound.
    [[nodiscard]] Result<quint16> listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_port; }

    // Dispatches one request through routes(): 404 for an unknown path, 405 for a known path
    // with another method. request.method and m_rawPath must be set; params are filled here.
    ApiReply dispatch(Request request);

    // The number of open client connections.
    int connectionCount() const { return m_connectionCount; }

    // Connections accepted at most: --max-connections, and below RLIMIT_NOFILE (its soft limit
    // minus a reserve for the database, blob and upload files) once listening.
    int effectiveConnectionCap() const;
    // Graceful stop (SIGTERM): stop accepting, close idle connections, answer waiting long-polls
    // with an empty page and Retry-After, let requests in flight finish (their answers close the
    // connection); stopped() when none is left or after deadlineMs.
    void shutdown(int deadlineMs);
    // One structured log line (JSON, with "ts") on stdout.
    static void logLine(QJsonObject line);

    // SQLite's write-ahead log is checkpointed (and truncated) once it passes this size.
    static constexpr qint64 kWalCheckpointBytes = 16LL * 1024 * 1024;
    // PostgreSQL: every 5 s (and 1 s after start), events committed but left unnumbered are
    // numbered (EventLog::sweep: two index-only queries when there are none).
    static constexpr qint64 kEventSweepTicks = 5;

Q_SIGNALS:
    void stopped();

private:
    void answered(const Answered &done) override;
    // Accepting pauses at the cap and resumes when a connection closes (no busy accept loop).
    void updateAccepting();
    // RLIMIT_NOFILE (its soft limit raised to the hard one) minus a reserve.
    static int descriptorCap();
    static constexpr int kPendingConnections = 16;
    static constexpr int kShutdownRetryAfterSeconds = 2;
    static constexpr int kDescriptorReserve = 64;
    static constexpr int kDescriptorCeiling = 1 << 20;
    void finishShutdownIfIdle();
    // Hands hall keys with unnumbered events to the numbering thread (any thread).
    void numberLater(const QSet<QString> &keys);
    // The signed-in caller (and r.m_user for the request log).
    ApiResult<Principal> authenticate(const Request &r);
    BodyPlan planBody(const HttpRequestParser &head, const QHostAddress &peer, const ReplyHandle &handle) override;
    // The head-time checks that need the database (on a worker): the bearer token before a body
    // is read (`gate`), and the route's sink (a tus PATCH's checks and its files).
    BodyPlan planChecks(const Request &request, const Route &route, bool gate, bool withSink);
    ApiReply serve(const HttpRequestParser &head, const QByteArray &body, const std::shared_ptr<HttpBodySink> &sink,
        const QHostAddress &peer, const ReplyHandle &handle) override;
    Request requestFrom(const HttpRequestParser &head, const QHostAddress &peer) const;
    // Finds the route; nullptr and an error reply (404/405) when none fits.
    const Route *findRoute(Request *request, ApiReply *error) const;
    void onPendingConnection();
    // Every second, on a worker: the WAL checkpoint when the log passed kWalCheckpointBytes, and
    // now and then the sweep of expired uploads.
    void maintain();
    // The open connections' gauges (read by /metrics on a worker).
    void publishConnectionGauges();
    // A 503 and close, without a connection object.
    void refuseConnection(QTcpSocket *socket, const QString &message);

    ApiReply health(const Request &r);
    ApiReply ready(const Request &r);
    ApiReply metrics(const Request &r);
    ApiReply deleteUpload(const Request &r);
    ApiReply openApi(const Request &r);
    ApiReply enrol(const Request &r);
    ApiReply keyRing(const Request &r);
    ApiReply signIn(const Request &r);
    ApiReply currentSession(const Request &r);
    ApiReply signOut(const Request &r);
    ApiReply appendEntries(const Request &r);
    ApiReply searchCases(const Request &r);
    ApiReply readCase(const Request &r);
    ApiReply tusOptions(const Request &r);
    ApiReply createUpload(const Request &r);
    ApiReply headUpload(const Request &r);
    ApiReply patchUpload(const Request &r);
    ApiResult<std::shared_ptr<HttpBodySink>> patchUploadSink(const Request &r);
    ApiReply getBlob(const Request &r);
    ApiReply headBlob(const Request &r);
    // tus: 412 without Tus-Resumable: 1.0.0; every /v1/uploads answer carries Tus-Resumable.
    static bool isTusPath(const QString &path);
    static std::optional<ApiReply> tusPrecondition(const Request &r);
    static ApiReply withTusHeaders(const Request &r, ApiReply reply);
    ApiReply listCatalogues(const Request &r);
    ApiReply getCatalogue(const Request &r);
    ApiReply getCalendar(const Request &r);
    ApiReply departmentItems(const Request &r);
    ApiReply decideItem(const Request &r);
    ApiReply itemReady(const Request &r);
    ApiReply readEvents(const Request &r);
    // The hall's queue (HallQueue; QueueRoutes.cpp): on a worker but readHallEvents (long-poll).
    ApiReply readHall(const Request &r);
    ApiReply readHallQueue(const Request &r);
    ApiReply issueTicket(const Request &r);
    ApiReply checkInAppointment(const Request &r);
    ApiReply checkInByIdCard(const Request &r);
    ApiReply readHallEvents(const Request &r);
    ApiReply callNext(const Request &r);
    ApiReply pushStationTickets(const Request &r);
    ApiReply readTicket(const Request &r);
    ApiReply followTicket(const Request &r);
    ApiReply actOnTicket(const Request &r);
    HallQueue &hallQueue();
    // The applicant's ratings (Ratings): supervisors' and admins' routes, the rated clerk's appeal.
    ApiReply listRatings(const Request &r);
    ApiReply ratingTasks(const Request &r);
    ApiReply ratingCallback(const Request &r);
    ApiReply appealRating(const Request &r);
    ApiReply ratingAppeals(const Request &r);
    ApiReply decideAppeal(const Request &r);
    // The supervisor's overview (SupervisorOverview), on a worker.
    ApiReply supervisorOverview(const Request &r);

    ApiResult<QJsonValue> jsonBody(const Request &r) const;
    // The signed-in caller and the valid {caseId} of a /v1/cases/… request.
    struct CaseCall
    {
        Principal who;
        QString caseId;
    };
    ApiResult<CaseCall> caseCall(const Request &r);
    // The stores a handler uses: the worker thread's own (its database connection) on a worker,
    // the server's on the event-loop thread.
    Accounts &accounts();
    CaseLedger &cases();
    EventLog &events();
    Departments &departments();
    WindowRegistry &windows();
    UploadStore &uploads();
    Ratings &ratings();
    Catalogues &catalogues();
    Database &database();
    // The few routes answered on the event-loop thread: no database, file or CPU-heavy work
    // (/health, the built-in API file, tus OPTIONS). Every other handler runs on a worker and
    // touches only the stores above, Metrics, the Sealer and EventWaiters::generation() (all
    // guarded), never the event-loop thread's state.
    static bool runsOnEventLoop(Handler handler);
    // A worker thread's start and end: its own Database connection and the stores on it.
    QString startWorker();
    static void endWorker();
    // dispatch(); on SQLite a request that may write holds m_sqliteWrites meanwhile.
    ApiReply dispatchSerialized(Request request, bool writes);

    std::unique_ptr<QTcpServer> m_tcp;
    HttpLimits m_limits;
    QString m_tlsCert;
    QString m_tlsKey;
    int m_connectionCount = 0;
    QHash<QByteArray, int> m_perAddress; // open connections per SignInThrottle::addressKey

    std::unique_ptr<Database> m_db;
    std::unique_ptr<Sealer> m_sealer;
    std::unique_ptr<WindowRegistry> m_windows;
    std::unique_ptr<Accounts> m_accounts;
    std::unique_ptr<CaseLedger> m_cases;
    std::unique_ptr<UploadStore> m_uploads;
    std::unique_ptr<Catalogues> m_catalogues;
    std::unique_ptr<EventLog> m_events;
    std::unique_ptr<EventWaiters> m_waiters;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<Departments> m_departments;
    std::unique_ptr<HallQueue> m_hallQueue;
    std::unique_ptr<Ratings> m_ratings;
    std::unique_ptr<Handouts> m_handouts;
    std::unique_ptr<SupervisorOverview> m_overview;
    quint16 m_port = 0;
    QTimer *m_maintenance = nullptr;
    QString m_dataDir;
    qint64 m_minFreeBytes = 0;
    int m_fdCap = 0; // 0: not listening yet
    bool m_acceptPaused = false; // after an accept error, for a moment
    bool m_listenerPaused = false; // at the descriptor cap
    int m_refusing = 0; // sockets answering a 503 before they close
    bool m_stopping = false;
    bool m_stoppedSent = false;
    qint64 m_ticks = 0;
    std::atomic<bool> m_maintaining {false}; // a maintenance job is queued or running
    int m_schema = 0; // the schema version this binary migrated to (for /health, no query)
    // Tokens (SHA-256 of the Authorization header) that passed the body gate, until when
    // (m_gateClock ms): planBody lets them through without a worker's query for a while.
    static constexpr qint64 kGateMemoryMs = 10000;
    static constexpr qsizetype kGateMemorySize = 4096;
    QHash<QByteArray, qint64> m_gatePassed;
    QElapsedTimer m_gateClock;
    int m_lockFd = -1; // the shared lock on <data dir>/server.lock
    QString m_dbUrl;
    QMutex m_sqliteWrites;
    Clock m_clock;
    int m_tokenMinutes = 0;
    // Declared last: stopped (its threads joined) first, while the stores it uses still exist.
    // PostgreSQL: group commit of the windows' next entries, and the append route's token cache
    // (issue 21); both shared by the workers, so they outlive the pool.
    std::unique_ptr<AppendBatcher> m_batcher;
    std::unique_ptr<TokenCache> m_tokens;
    // PostgreSQL: the hall events' numbering (issue 23), one thread of its own with its own
    // connection, so the workers are free once a request is answered. The keys the workers noted
    // while a numbering ran are numbered together by the next one: under load one durable
    // numbering transaction covers the calls of many windows. Stopped after the workers.
    QMutex m_numberingLock;
    QSet<QString> m_numberingKeys;
    bool m_numberingQueued = false;
    std::unique_ptr<WorkerPool> m_numbering;
    std::unique_ptr<WorkerPool> m_pool;
};

} // namespace ow::backoffice
