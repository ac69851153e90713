#include "onewindow/sync/SyncEngine.h"

#include "onewindow/core/Clock.h"
#include "onewindow/core/Sha256.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/Store.h"
#include "onewindow/sync/CatalogueShelf.h"
#include "onewindow/sync/TrustedKeys.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkInformation>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QUrlQuery>

#include <algorithm>
#include <optional>

namespace ow::sync {

namespace {

constexpr int kScanAhead = 20; // cases looked at for entries and blobs to send
constexpr int kSaveCases = 50; // acknowledged cases saved in one transaction…
constexpr int kSaveMs = 250; // …or after this long
constexpr int kStatusMs = 250; // the status while pushing, at most this often
constexpr qint64 kMaxUploadBytes = 64 * 1024 * 1024; // blobs held in memory for the upload lanes
const QByteArray kTus("1.0.0");
const QString kCatalogues = QStringLiteral("/v1/catalogues");
const QString kKeyRing = QStringLiteral("/v1/keyring");

QJsonObject jsonOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

int statusOf(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

int retryAfterMs(QNetworkReply *reply)
{
    bool ok = false;
    const int s = reply->rawHeader("Retry-After").toInt(&ok);
    return ok ? s * 1000 : 0;
}

QByteArray b64(const QString &s)
{
    return s.toUtf8().toBase64();
}

} // namespace

SyncEngine::SyncEngine(store::Store &store, const QString &dataDir, SyncConfig config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_blobs(dataDir)
    , m_dataDir(dataDir)
    , m_config(std::move(config))
    , m_journal(store)
    , m_stationQueue(store)
    , m_clock(&Clock::system())
    , m_pushBackoff(m_config.backoffBaseMs, m_config.backoffMaxMs)
    , m_pullBackoff(m_config.backoffBaseMs, m_config.backoffMaxMs)
    , m_token(m_config.token)
{
    m_nam.setAutoDeleteReplies(false);
    m_uploadNam.setAutoDeleteReplies(false);
    m_pushTimer.setSingleShot(true);
    m_pullTimer.setSingleShot(true);
    connect(&m_pushTimer, &QTimer::timeout, this, &SyncEngine::pushStep);
    connect(&m_pullTimer, &QTimer::timeout, this, &SyncEngine::pullStep);
    connect(&m_refreshTimer, &QTimer::timeout, this, &SyncEngine::refreshStep);
    m_statusTimer.setSingleShot(true);
    connect(&m_statusTimer, &QTimer::timeout, this, [this] { updateStatus(false); });
    m_saveTimer.setSingleShot(true);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] {
        const QString err = saveProgress();
        if (!err.isEmpty())
            pushFailed(Failure::Refused, err);
    });
    m_monotonic.start();
    m_status.offlineSince = now();
}

SyncEngine::~SyncEngine()
{
    stop();
    if (m_catalogueThread) {
        m_catalogueThread->wait();
        delete m_catalogueThread.data();
    }
}

void SyncEngine::setRandom(std::function<double()> random)
{
    m_pushBackoff.setRandom(random);
    m_pullBackoff.setRandom(std::move(random));
}

QDateTime SyncEngine::now() const
{
    return m_clock->now().toUTC();
}

void SyncEngine::start()
{
    if (m_running)
        return;
    m_running = true;
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability r) {
                onReachability(r == QNetworkInformation::Reachability::Online
                    || r == QNetworkInformation::Reachability::Site || r == QNetworkInformation::Reachability::Local);
            });
    }
    loadQueue(); // the blobs the outbox needs are registered: counted while offline too
    updateStatus();
    schedulePush(0);
    if (m_config.pull)
        schedulePull(0);
    if (!m_config.refreshPaths.isEmpty()) {
        m_refreshTimer.start(m_config.refreshIntervalMs);
        QTimer::singleShot(0, this, &SyncEngine::refreshStep);
    }
}

void SyncEngine::stop()
{
    m_running = false;
    m_pushTimer.stop();
    m_pullTimer.stop();
    m_refreshTimer.stop();
    m_statusTimer.stop();
    QList<QPointer<QNetworkReply> *> replies {&m_pushReply, &m_pullReply, &m_signInReply, &m_catalogueReply};
    for (UploadJob &job : m_uploads)
        replies << &job.reply;
    for (QPointer<QNetworkReply> *r : replies) {
        if (*r) {
            QNetworkReply *reply = r->data();
            *r = nullptr;
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
    m_uploads.clear();
    m_pushBusy = false;
    m_afterSignIn.clear();
    m_queueLoaded = false;
    m_unacked.clear();
    if (!saveProgress().isEmpty()) {
        // The back office has them; the next start sends or asks again.
        m_ackUnsaved.clear();
        m_doneUnsaved.clear();
    }
}

void SyncEngine::setCredentials(const QString &user, const QString &password, const QByteArray &token)
{
    const bool sameUser = user == m_config.user;
    m_config.user = user;
    m_config.password = password;
    m_config.token.clear();
    if (!token.isEmpty() || !sameUser)
        m_token = token;
    kick();
}

void SyncEngine::kick()
{
    if (!m_running)
        return;
    m_pushBackoff.reset();
    m_pullBackoff.reset();
    m_heldUntil.clear();
    m_retryAtMs = -1;
    m_queueLoaded = false; // new cases or entries: read the outbox again
    m_unacked.clear();
    if (!m_pushBusy)
        schedulePush(0);
    if (m_config.pull && !m_pullReply)
        schedulePull(0);
}

void SyncEngine::onReachability(bool online)
{
    if (online)
        kick();
}

QNetworkRequest SyncEngine::request(const QString &pathOrUrl, int timeoutMs) const
{
    const QUrl url = pathOrUrl.startsWith(QLatin1String("http"))
        ? QUrl(pathOrUrl)
        : m_config.baseUrl.resolved(QUrl(pathOrUrl, QUrl::StrictMode));
    QNetworkRequest r(url);
    r.setTransferTimeout(timeoutMs);
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!m_token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_token);
    return r;
}

QString SyncEngine::describe(QNetworkReply *reply)
{
    const int status = statusOf(reply);
    if (status == 0) {
        if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError)
            return tr("The back office did not answer in time.");
        return tr("The back office cannot be reached (%1).").arg(reply->errorString());
    }
    const QString message =
        jsonOf(reply->isOpen() ? reply->peek(4096) : QByteArray()).value(QLatin1String("message")).toString();
    if (message.isEmpty())
        return tr("The back office answered %1.").arg(status);
    return tr("The back office answered %1: %2").arg(status).arg(message);
}

void SyncEngine::signIn(std::function<void()> then)
{
    m_afterSignIn << std::move(then);
    if (m_signInReply)
        return;
    QNetworkRequest r = request(QStringLiteral("/v1/sessions"), m_config.requestTimeoutMs);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    r.setRawHeader("Authorization", QByteArray());
    const QByteArray body = QJsonDocument(
        QJsonObject {{QStringLiteral("name"), m_config.user}, {QStringLiteral("password"), m_config.password}})
                                .toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_nam.post(r, body);
    m_signInReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_signInReply != reply)
            return;
        m_signInReply = nullptr;
        const int status = statusOf(reply);
        const QList<std::function<void()>> waiting = std::exchange(m_afterSignIn, {});
        if (status == 201) {
            m_token = jsonOf(reply->isOpen() ? reply->readAll() : QByteArray())
                          .value(QLatin1String("token"))
                          .toString()
                          .toUtf8();
            if (!m_token.isEmpty()) {
                for (const auto &f : waiting)
                    f();
                return;
            }
        }
        const Failure why = status == 0 ? Failure::Network : status >= 500 ? Failure::Server : Failure::Refused;
        const QString message = status == 401 || status == 403
            ? tr("The back office refused the sign-in of %1.").arg(m_config.user)
            : describe(reply);
        m_pushBusy = false;
        pushFailed(why, message, retryAfterMs(reply));
        if (m_config.pull)
            schedulePull(std::max(retryAfterMs(reply), m_pullBackoff.next()));
    });
}

void SyncEngine::schedulePush(int delayMs)
{
    if (m_running)
        m_pushTimer.start(std::max(0, delayMs));
}

void SyncEngine::schedulePull(int delayMs)
{
    if (m_running && m_config.pull)
        m_pullTimer.start(std::max(0, delayMs));
}

bool SyncEngine::loadQueue()
{
    const QString err = saveProgress();
    if (!err.isEmpty())
        setError(Failure::Refused, err);
    const auto queue = m_journal.sendableCases();
    const auto sendable = m_journal.sendableEntries();
    if (!queue || !sendable) {
        // A failing store is an error on the screen, never an empty outbox ("drained").
        m_storeError = !queue ? queue.error() : sendable.error();
        m_queue.clear();
        m_unacked.clear();
        m_queueLoaded = false;
        return false;
    }
    m_queue = queue.value();
    m_sendableEntries = sendable.value();
    m_queueLoaded = true;
    const QSet<QString> queued(m_queue.cbegin(), m_queue.cend());
    for (auto it = m_unacked.begin(); it != m_unacked.end();)
        it = queued.contains(it.key()) ? std::next(it) : m_unacked.erase(it);
    scanOutbox();
    return true;
}

void SyncEngine::scanOutbox()
{
    store::CaseLog log(m_store);
    QList<QPair<QString, qint64>> blobs;
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        const QString &caseId = m_queue.at(i);
        if (m_scanned.contains(caseId))
            continue;
        const auto entries = log.entries(caseId);
        if (!entries)
            continue;
        QList<store::LogEntry> unsent;
        for (const store::LogEntry &e : entries.value()) {
            if (e.ackedAt.isValid())
                continue;
            unsent << e;
            if (e.kind != QLatin1String("attached"))
                continue;
            const QString sha = e.payload.value(QLatin1String("sha256")).toString();
            if (store::BlobStore::isValidName(sha))
                blobs << qMakePair(sha, qMax<qint64>(0, m_blobs.sizeOf(sha)));
        }
        if (i < kScanAhead && !m_unacked.contains(caseId))
            m_unacked.insert(caseId, unsent); // read once: the pusher starts with these
        m_scanned.insert(caseId);
    }
    const QString err = m_journal.registerUploads(blobs);
    if (!err.isEmpty())
        setError(Failure::Refused, err);
}

std::optional<QList<store::LogEntry>> SyncEngine::unacked(const QString &caseId)
{
    const auto cached = m_unacked.constFind(caseId);
    if (cached != m_unacked.constEnd())
        return cached.value();
    const QString unsaved = saveProgress(); // what is read must know what was acknowledged
    if (!unsaved.isEmpty()) {
        setError(Failure::Refused, unsaved);
        return std::nullopt;
    }
    const auto entries = store::CaseLog(m_store).entries(caseId);
    if (!entries) {
        setError(Failure::Refused, entries.error());
        return std::nullopt;
    }
    QList<store::LogEntry> out;
    for (const store::LogEntry &e : entries.value()) {
        if (!e.ackedAt.isValid())
            out << e;
    }
    m_unacked.insert(caseId, out);
    return out;
}

void SyncEngine::dropCase(const QString &caseId)
{
    m_queue.removeAll(caseId);
    m_unacked.remove(caseId);
    m_heldUntil.remove(caseId);
}

bool SyncEngine::blobDone(const QString &sha256)
{
    const auto known = m_blobDone.constFind(sha256);
    if (known != m_blobDone.constEnd())
        return known.value();
    const auto upload = m_journal.upload(sha256);
    if (!upload) {
        m_storeError = upload.error();
        return false; // not cached: asked again once the store answers
    }
    m_blobDone.insert(sha256, upload->done);
    return upload->done;
}

void SyncEngine::pushStep()
{
    if (!m_running)
        return;
    if (m_token.isEmpty()) {
        if (!m_pushBusy) {
            m_pushBusy = true;
            signIn([this] {
                m_pushBusy = false;
                pushStep();
            });
        }
        return;
    }
    if (m_pushBusy)
        return;
    if (m_retryAtMs >= 0) {
        const qint64 wait = m_retryAtMs - m_monotonic.elapsed();
        if (wait > 0)
            return schedulePush(int(wait));
        m_retryAtMs = -1;
    }
    if (!m_queueLoaded && !loadQueue()) {
        updateStatus();
        return retryLater(m_pushBackoff.next());
    }
    // A station's queue and the cases' entries take turns on the entries lane: its tickets never
    // wait behind a backlog of cases (nor a case that keeps failing).
    if (m_stationTurn && !m_pushReply && pushStationQueue() && !m_pushReply)
        return; // it could not be read: tried again with backoff
    // The first cases of the outbox: the entries lane sends the first case's entries that are
    // ready (one request in flight), the upload lanes the blobs these cases wait for (several in
    // flight). A small case's entries never wait behind another case's large upload.
    const QDateTime t = now();
    const int lanes = std::max(1, m_config.parallelUploads);
    QDateTime soonest;
    int looked = 0;
    for (qsizetype i = 0; i < m_queue.size() && looked < kScanAhead;) {
        if (m_pushReply && m_uploads.size() >= lanes)
            break;
        const QString caseId = m_queue.at(i);
        const auto entries = unacked(caseId);
        if (!entries) {
            ++i;
            ++looked;
            continue;
        }
        if (entries->isEmpty()) {
            dropCase(caseId); // all acknowledged; anything newer comes with the next reading
            continue;
        }
        const auto held = m_heldUntil.constFind(caseId);
        const bool isHeld = held != m_heldUntil.constEnd() && held.value() > t;
        if (isHeld && (!soonest.isValid() || held.value() < soonest))
            soonest = held.value();
        if (!isHeld)
            ++looked; // held cases do not use up the window: the cases after them go on
        QList<store::LogEntry> ready;
        bool waiting = false;
        bool stopped = false;
        for (const store::LogEntry &e : entries.value()) {
            if (e.kind == QLatin1String("attached")) {
                const QString sha = e.payload.value(QLatin1String("sha256")).toString();
                if (!sha.isEmpty() && !blobDone(sha)) {
                    waiting = true;
                    if (!m_uploads.contains(sha) && m_uploads.size() < lanes
                        && (m_uploads.isEmpty() || uploadBytesInFlight() < kMaxUploadBytes)) {
                        uploadStep(caseId, e.seq, e.payload.value(QLatin1String("material")).toString(), sha);
                        if (m_queue.value(i) != caseId) {
                            stopped = true; // the blob cannot be sent: the case waits for a person
                            break;
                        }
                    }
                    continue;
                }
            }
            if (!waiting && ready.size() < m_config.batchEntries)
                ready << e;
        }
        if (stopped)
            continue;
        // A case that waits for its blobs sends its entries in one request once they are there.
        if (!isHeld && !m_pushReply && !ready.isEmpty() && (!waiting || ready.size() >= m_config.batchEntries))
            pushEntries(caseId, ready);
        ++i;
    }
    // No entries went: the station's queue has the lane.
    if (!m_pushReply && pushStationQueue() && !m_pushReply)
        return; // it could not be read: tried again with backoff
    if (!pushIdle()) {
        requestStatus();
        return;
    }
    if (m_queue.isEmpty()) {
        // Walked through: is there anything new since the outbox was read?
        const QString err = saveProgress();
        if (!err.isEmpty())
            return pushFailed(Failure::Refused, err);
        if (!loadQueue()) {
            updateStatus();
            return retryLater(m_pushBackoff.next());
        }
        if (!m_queue.isEmpty())
            return schedulePush(0);
        updateStatus();
        m_queueLoaded = false; // the idle recheck reads the outbox again
        if (m_storeFailing)
            return retryLater(m_pushBackoff.next()); // not drained while the store fails
        Q_EMIT drained();
        return schedulePush(m_config.idleRecheckMs);
    }
    // Only held cases (or unreadable ones) are left: read everything again when they are due.
    m_queueLoaded = false;
    m_unacked.clear();
    updateStatus();
    if (soonest.isValid())
        schedulePush(int(std::clamp<qint64>(t.msecsTo(soonest), 0, m_config.backoffMaxMs)));
    else
        schedulePush(m_config.idleRecheckMs);
}

void SyncEngine::pushEntries(const QString &caseId, const QList<store::LogEntry> &entries)
{
    QJsonArray body;
    QList<int> seqs;
    for (const store::LogEntry &e : entries) {
        body.append(e.toJson());
        seqs << e.seq;
    }
    QNetworkRequest r =
        request(QStringLiteral("/v1/cases/%1/entries").arg(QString::fromLatin1(QUrl::toPercentEncoding(caseId))),
            m_config.requestTimeoutMs);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_nam.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact));
    m_pushReply = reply;
    m_stationTurn = true;
    connect(reply, &QNetworkReply::finished, this, [this, reply, caseId, seqs] {
        reply->deleteLater();
        if (m_pushReply != reply)
            return;
        m_pushReply = nullptr;
        const int status = statusOf(reply);
        const QJsonObject answer = jsonOf(reply->isOpen() ? reply->readAll() : QByteArray());
        if (status == 200 || status == 202) {
            recordAcks(caseId, acknowledgedOf(answer, seqs));
            if (m_ackUnsaved.size() >= kSaveCases) {
                const QString err = saveProgress();
                if (!err.isEmpty())
                    return pushFailed(Failure::Refused, err);
            } else if (!m_saveTimer.isActive()) {
                m_saveTimer.start(kSaveMs);
            }
            if (status == 202)
                m_heldUntil.insert(caseId, now().addMSecs(m_config.backoffBaseMs * 5));
            return pushSucceeded();
        }
        if (status == 409 || status == 400) {
            const QString message = answer.value(QLatin1String("message")).toString();
            const QJsonObject details = answer.value(QLatin1String("details")).toObject();
            const QJsonArray conflicts = details.value(QLatin1String("conflicts")).toArray();
            QString err;
            if (status == 409 && !conflicts.isEmpty()) {
                for (const QJsonValue &v : conflicts) {
                    const QJsonObject c = v.toObject();
                    QStringList fields;
                    for (const QJsonValue &f : c.value(QLatin1String("fields")).toArray())
                        fields << f.toString();
                    const int seq = c.value(QLatin1String("seq")).toInt();
                    // This window's entry beside the one the back office holds, for the clerk.
                    QJsonObject here;
                    for (const store::LogEntry &e : m_unacked.value(caseId)) {
                        if (e.seq == seq)
                            here = e.toJson();
                    }
                    const auto differences = here.isEmpty()
                        ? QList<SyncConflict::Difference>()
                        : SyncJournal::differencesOf(fields, here, c.value(QLatin1String("stored")).toObject());
                    const QString e = m_journal.recordConflict(
                        caseId, seq, QStringLiteral("conflict"), fields, message, now(), differences);
                    if (err.isEmpty())
                        err = e;
                }
            } else {
                // A rejected entry (or a conflict without details): kept, named, and the case waits.
                const int index = details.value(QLatin1String("index")).toInt(0);
                const int seq = seqs.value(std::clamp(index, 0, int(seqs.size()) - 1));
                err = m_journal.recordConflict(caseId, seq,
                    status == 409 ? QStringLiteral("conflict") : QStringLiteral("rejected"), {}, message, now());
            }
            if (!err.isEmpty())
                return pushFailed(Failure::Refused, err);
            m_sendableEntries = std::max(0, m_sendableEntries - int(m_unacked.value(caseId).size()));
            dropCase(caseId);
            return pushSucceeded();
        }
        if (status == 401) {
            m_token.clear();
            return schedulePush(0);
        }
        if (status == 413 && m_config.batchEntries > 1) {
            m_config.batchEntries = std::max(1, m_config.batchEntries / 2);
            return schedulePush(0);
        }
        pushFailed(status == 0  ? Failure::Network
                : status >= 500 ? Failure::Server
                                : Failure::Refused,
            describe(reply), retryAfterMs(reply));
    });
}

bool SyncEngine::pushStationQueue()
{
    if (m_config.stationWindow.isEmpty() || m_pushReply)
        return false;
    const auto unsent = m_stationQueue.unsent(std::max(1, m_config.stationBatchEvents));
    if (!unsent) {
        pushFailed(Failure::Refused, unsent.error());
        return true; // tried again with backoff, never reported drained
    }
    if (unsent->events.isEmpty())
        return false;
    QJsonArray tickets;
    for (const queue::Ticket &t : unsent->tickets)
        tickets.append(t.toJson());
    QJsonArray events;
    for (const StationQueueJournal::Event &e : unsent->events)
        events.append(e.toJson());
    QNetworkRequest r = request(QStringLiteral("/v1/windows/%1/tickets")
                                    .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_config.stationWindow))),
        m_config.requestTimeoutMs);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray body =
        QJsonDocument(QJsonObject {{QStringLiteral("tickets"), tickets}, {QStringLiteral("events"), events}})
            .toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_nam.post(r, body);
    m_pushReply = reply;
    m_stationTurn = false;
    connect(reply, &QNetworkReply::finished, this, [this, reply, sent = unsent->events] {
        reply->deleteLater();
        if (m_pushReply != reply)
            return;
        m_pushReply = nullptr;
        const int status = statusOf(reply);
        if (status == 200) {
            // Applied now, or before (an answer lost on the way): either way the back office has them.
            const QString err = m_stationQueue.markSent(sent, now());
            if (!err.isEmpty())
                return pushFailed(Failure::Refused, err);
            return pushSucceeded();
        }
        if (status == 401) {
            m_token.clear();
            return schedulePush(0);
        }
        linkFailed(reply);
        pushFailed(status == 0  ? Failure::Network
                : status >= 500 ? Failure::Server
                                : Failure::Refused,
            describe(reply), retryAfterMs(reply));
    });
    return true;
}

QList<int> SyncEngine::acknowledgedOf(const QJsonObject &answer, const QList<int> &seqs)
{
    QList<int> acked;
    for (const QJsonValue &v : answer.value(QLatin1String("acknowledged")).toArray()) {
        if (seqs.contains(v.toInt()))
            acked << v.toInt();
    }
    return acked;
}

void SyncEngine::recordAcks(const QString &caseId, const QList<int> &acked)
{
    // Acknowledged locally in batches (one transaction for many cases, with the finished
    // uploads): an acknowledgement lost in a crash only sends the entries again, and the
    // back office answers the same for the same entry.
    QList<int> &unsaved = m_ackUnsaved[caseId];
    int added = 0;
    for (const int seq : acked) {
        if (!unsaved.contains(seq)) {
            unsaved << seq;
            ++added;
        }
    }
    m_sendableEntries = std::max(0, m_sendableEntries - added);
    const auto cached = m_unacked.find(caseId);
    if (cached != m_unacked.end()) {
        cached->erase(std::remove_if(cached->begin(), cached->end(),
                          [&acked](const store::LogEntry &e) { return acked.contains(e.seq); }),
            cached->end());
    }
}

void SyncEngine::confirmCase(const QString &caseId, int timeoutMs)
{
    auto c = std::make_shared<Confirmation>();
    c->caseId = caseId;
    c->deadline = m_monotonic.elapsed() + std::max(1, timeoutMs);
    if (!m_running)
        return confirmDone(c, false, tr("The sync with the back office has not started (no clerk signed in to it)."));
    // However the requests go, the answer comes by the deadline: a back office that takes
    // connections but never answers (stopped, overloaded) counts as out of reach.
    QTimer::singleShot(std::max(1, timeoutMs), Qt::PreciseTimer, this, [this, c] {
        if (c->done)
            return;
        if (c->reply || m_signInReply) {
            setError(Failure::Network, tr("The back office did not answer in time."));
            updateStatus();
        }
        confirmDone(c, false, tr("The back office did not acknowledge the case in time."));
    });
    confirmStep(c);
}

void SyncEngine::confirmStep(const std::shared_ptr<Confirmation> &c)
{
    if (c->done)
        return;
    const qint64 left = c->deadline - m_monotonic.elapsed();
    if (left <= 0)
        return; // the deadline's timer answers
    if (m_token.isEmpty()) {
        signIn([this, c] { confirmStep(c); });
        return;
    }
    const auto entries = store::CaseLog(m_store).entries(c->caseId);
    if (!entries) {
        m_storeError = entries.error();
        updateStatus();
        return confirmDone(c, false, entries.error());
    }
    QJsonArray body;
    QList<int> seqs;
    int unacked = 0;
    for (const store::LogEntry &e : entries.value()) {
        if (e.ackedAt.isValid())
            continue;
        ++unacked;
        if (seqs.size() < m_config.batchEntries) {
            body.append(e.toJson());
            seqs << e.seq;
        }
    }
    const QString path = QStringLiteral("/v1/cases/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(c->caseId)));
    // The deadline's timer decides; the transfer timeout only ends a request left behind.
    QNetworkRequest r = request(seqs.isEmpty() ? path : path + QStringLiteral("/entries"), int(left) + 1000);
    QNetworkReply *reply = nullptr;
    if (seqs.isEmpty()) {
        // Everything was sent before: the back office must still be there and hold all of it.
        reply = m_nam.get(r);
    } else {
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = m_nam.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    c->reply = reply;
    const int total = int(entries->size());
    const bool more = unacked > seqs.size();
    connect(reply, &QNetworkReply::finished, this, [this, reply, c, seqs, total, more] {
        reply->deleteLater();
        if (c->done)
            return;
        c->reply = nullptr;
        const int status = statusOf(reply);
        if (status == 401) {
            m_token.clear();
            return confirmStep(c);
        }
        if (status == 0 || status >= 500) {
            linkFailed(reply);
            return confirmDone(c, false, describe(reply));
        }
        linkAnswered();
        const QString why = describe(reply);
        const QJsonObject answer = jsonOf(reply->isOpen() ? reply->readAll() : QByteArray());
        if (seqs.isEmpty()) {
            if (status == 200 && answer.value(QLatin1String("applied")).toInt() >= total)
                return confirmDone(c, true, QString());
            return confirmDone(c, false, status == 200 ? tr("The back office does not hold the whole case.") : why);
        }
        if (status == 200) {
            const QList<int> acked = acknowledgedOf(answer, seqs);
            recordAcks(c->caseId, acked);
            const QString err = saveProgress();
            if (!err.isEmpty()) {
                m_storeError = err;
                updateStatus();
                return confirmDone(c, false, err);
            }
            if (acked.size() == seqs.size()) {
                if (more)
                    return confirmStep(c);
                return confirmDone(c, true, QString());
            }
        }
        // Held, refused or in conflict: the pusher meets it again and records it; the receipt
        // is provisional.
        confirmDone(c, false, why);
    });
}

void SyncEngine::confirmDone(const std::shared_ptr<Confirmation> &c, bool acknowledged, const QString &why)
{
    if (c->done)
        return;
    c->done = true;
    if (c->reply) {
        QNetworkReply *reply = c->reply.data();
        c->reply = nullptr;
        reply->abort();
    }
    if (acknowledged)
        requestStatus();
    Q_EMIT caseConfirmed(c->caseId, acknowledged, why);
}

void SyncEngine::uploadStep(const QString &caseId, int seq, const QString &material, const QString &sha256)
{
    const auto bytes = m_blobs.get(sha256);
    if (!bytes) {
        // The scan is gone or damaged: never dropped silently, the case waits for a person.
        const QString err = m_journal.recordConflict(
            caseId, seq, QStringLiteral("rejected"), {QStringLiteral("payload.sha256")}, bytes.error(), now());
        if (!err.isEmpty())
            return pushFailed(Failure::Refused, err);
        dropCase(caseId);
        return requestStatus();
    }
    const auto known = m_journal.upload(sha256);
    if (!known) {
        pushFailed(Failure::Refused, known.error());
        return;
    }
    if (!known->known) {
        const QString err = m_journal.registerUploads({qMakePair(sha256, qint64(bytes.value().size()))});
        if (!err.isEmpty())
            return pushFailed(Failure::Refused, err);
    }
    UploadJob job;
    job.caseId = caseId;
    job.seq = seq;
    job.material = material;
    job.bytes = bytes.value();
    m_uploads.insert(sha256, job);
    const QString location = locationOf(sha256);
    if (location.isEmpty())
        createUpload(sha256);
    else if (m_knownOffset.contains(sha256))
        patchUpload(sha256, location, m_knownOffset.value(sha256));
    else
        headUpload(sha256, location);
}

QString SyncEngine::locationOf(const QString &sha256) const
{
    const auto kept = m_locations.constFind(sha256);
    if (kept != m_locations.constEnd())
        return kept.value();
    const auto upload = m_journal.upload(sha256);
    return upload ? upload->location : QString(); // unreadable: created again, the server answers it has it
}

QString SyncEngine::setLocation(const QString &sha256, const QString &location)
{
    // A blob sent in one PATCH is simply sent again after a crash: only a longer one's upload URL
    // is stored, to resume it from the server's offset.
    const auto job = m_uploads.constFind(sha256);
    const bool keep = job == m_uploads.constEnd() || job->bytes.size() > m_config.chunkBytes;
    if (location.isEmpty() || keep) {
        m_locations.remove(sha256);
        return m_journal.setLocation(sha256, location);
    }
    m_locations.insert(sha256, location);
    return QString();
}

QNetworkReply *SyncEngine::track(const QString &sha256, QNetworkReply *reply)
{
    m_uploads[sha256].reply = reply;
    return reply;
}

bool SyncEngine::finishUpload(const QString &sha256, QNetworkReply *reply)
{
    reply->deleteLater();
    const auto job = m_uploads.find(sha256);
    if (job == m_uploads.end() || job->reply != reply)
        return false;
    job->reply = nullptr;
    return true;
}

void SyncEngine::uploadDone(const QString &sha256)
{
    m_uploads.remove(sha256);
    m_knownOffset.remove(sha256);
    m_locations.remove(sha256);
    m_blobDone.insert(sha256, true);
    m_doneUnsaved.insert(sha256); // marked in sync_uploads with the next acknowledgements
    pushSucceeded();
}

QString SyncEngine::saveProgress()
{
    m_saveTimer.stop();
    if (m_ackUnsaved.isEmpty() && m_doneUnsaved.isEmpty())
        return QString();
    const QString err = m_journal.saveProgress(m_ackUnsaved, m_doneUnsaved, now());
    if (err.isEmpty()) {
        m_ackUnsaved.clear();
        m_doneUnsaved.clear();
    }
    return err;
}

void SyncEngine::createUpload(const QString &sha256)
{
    const UploadJob &job = m_uploads[sha256];
    QNetworkRequest r = request(QStringLiteral("/v1/uploads"), m_config.requestTimeoutMs);
    r.setRawHeader("Tus-Resumable", kTus);
    r.setRawHeader("Upload-Length", QByteArray::number(job.bytes.size()));
    r.setRawHeader("Upload-Metadata",
        "sha256 " + b64(sha256) + ",case " + b64(job.caseId) + ",material " + b64(job.material) + ",filename "
            + b64(sha256 + QStringLiteral(".pdf")) + ",type " + b64(QStringLiteral("application/pdf")));
    const qint64 length = job.bytes.size();
    const QString caseId = job.caseId;
    const int seq = job.seq;
    QNetworkReply *reply = track(sha256, m_uploadNam.post(r, QByteArray()));
    connect(reply, &QNetworkReply::finished, this, [this, reply, caseId, seq, sha256, length] {
        if (!finishUpload(sha256, reply))
            return;
        const int status = statusOf(reply);
        if (status == 201) {
            const QUrl location = reply->url().resolved(QUrl(QString::fromUtf8(reply->rawHeader("Location"))));
            const qint64 offset = reply->rawHeader("Upload-Offset").toLongLong();
            if (offset >= length)
                return uploadDone(sha256); // the back office has this blob already
            const QString err = setLocation(sha256, location.toString());
            if (!err.isEmpty()) {
                m_uploads.remove(sha256);
                return pushFailed(Failure::Refused, err);
            }
            pushSucceeded();
            return patchUpload(sha256, location.toString(), offset);
        }
        m_uploads.remove(sha256);
        if (status == 401) {
            m_token.clear();
            return schedulePush(0);
        }
        if (status == 413) {
            const QString err = m_journal.recordConflict(caseId, seq, QStringLiteral("rejected"),
                {QStringLiteral("payload.sha256")}, tr("The back office takes no file this large."), now());
            if (!err.isEmpty())
                return pushFailed(Failure::Refused, err);
            dropCase(caseId);
            return pushSucceeded();
        }
        if (status == 404 || status == 405)
            return pushFailed(Failure::Refused, tr("The back office does not take scanned documents (no uploads)."));
        pushFailed(status == 0  ? Failure::Network
                : status >= 500 ? Failure::Server
                                : Failure::Refused,
            describe(reply), retryAfterMs(reply));
    });
}

void SyncEngine::headUpload(const QString &sha256, const QString &location)
{
    QNetworkRequest r = request(location, m_config.requestTimeoutMs);
    r.setRawHeader("Tus-Resumable", kTus);
    QNetworkReply *reply = track(sha256, m_uploadNam.head(r));
    connect(reply, &QNetworkReply::finished, this, [this, reply, sha256, location] {
        if (!finishUpload(sha256, reply))
            return;
        const int status = statusOf(reply);
        if (status == 200) {
            const qint64 offset = reply->rawHeader("Upload-Offset").toLongLong();
            const qint64 length = reply->rawHeader("Upload-Length").toLongLong();
            if (length > 0 && offset >= length)
                return uploadDone(sha256);
            m_knownOffset.insert(sha256, offset);
            pushSucceeded();
            return patchUpload(sha256, location, offset);
        }
        if (status == 404 || status == 410) {
            // The server forgot the upload (discarded after a checksum mismatch, or expired): again.
            const QString err = setLocation(sha256, QString());
            m_knownOffset.remove(sha256);
            if (!err.isEmpty()) {
                m_uploads.remove(sha256);
                return pushFailed(Failure::Refused, err);
            }
            pushSucceeded();
            return createUpload(sha256);
        }
        m_uploads.remove(sha256);
        if (status == 401) {
            m_token.clear();
            return schedulePush(0);
        }
        pushFailed(status == 0  ? Failure::Network
                : status >= 500 ? Failure::Server
                                : Failure::Refused,
            describe(reply), retryAfterMs(reply));
    });
}

void SyncEngine::patchUpload(const QString &sha256, const QString &location, qint64 offset)
{
    UploadJob &job = m_uploads[sha256];
    const QByteArray chunk = job.bytes.mid(offset, m_config.chunkBytes);
    const qint64 length = job.bytes.size();
    const bool last = offset + chunk.size() >= length;
    job.sent = 0;
    m_knownOffset.insert(sha256, offset);
    QNetworkRequest r = request(location, m_config.requestTimeoutMs);
    r.setRawHeader("Tus-Resumable", kTus);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/offset+octet-stream"));
    r.setRawHeader("Upload-Offset", QByteArray::number(offset));
    // A chunk checksum for a blob sent in pieces; a whole blob in one PATCH is checked by the back
    // office against its sha256 (metadata) anyway, and discarded (460) when it does not match.
    if (offset > 0 || !last)
        r.setRawHeader("Upload-Checksum", "sha256 " + Sha256::hash(chunk).toBase64());
    QNetworkReply *reply = track(sha256, m_uploadNam.sendCustomRequest(r, "PATCH", chunk));
    connect(reply, &QNetworkReply::uploadProgress, this, [this, sha256](qint64 sent, qint64) {
        const auto j = m_uploads.find(sha256);
        if (j != m_uploads.end()) {
            j->sent = sent;
            blobProgress();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, sha256, location, length, last] {
        if (!finishUpload(sha256, reply))
            return;
        const int status = statusOf(reply);
        if (status == 204) {
            const qint64 reached = reply->rawHeader("Upload-Offset").toLongLong();
            if (reached >= length)
                return uploadDone(sha256);
            m_knownOffset.insert(sha256, reached);
            pushSucceeded();
            return patchUpload(sha256, location, reached);
        }
        m_uploads.remove(sha256);
        m_knownOffset.remove(sha256); // ask the server where it is (HEAD) before the next PATCH
        if (status == 409) {
            // Another offset, or the server still busy with a dropped PATCH: HEAD after a pause.
            return retryLater(m_pushBackoff.next());
        }
        if (status == 404 || status == 410 || (status == 460 && last)) {
            // Gone, or the whole blob did not match at the end and the server discarded it.
            const QString err = setLocation(sha256, QString());
            if (!err.isEmpty())
                return pushFailed(Failure::Refused, err);
            if (status != 460)
                return pushSucceeded();
        }
        if (status == 401) {
            m_token.clear();
            return schedulePush(0);
        }
        pushFailed(status == 0  ? Failure::Network
                : status >= 500 ? Failure::Server
                                : Failure::Refused,
            describe(reply), retryAfterMs(reply));
    });
}

qint64 SyncEngine::uploadBytesInFlight() const
{
    qint64 total = 0;
    for (const UploadJob &job : m_uploads)
        total += job.bytes.size();
    return total;
}

void SyncEngine::blobProgress()
{
    qint64 done = 0;
    qint64 total = 0;
    for (auto j = m_uploads.cbegin(); j != m_uploads.cend(); ++j) {
        done += m_knownOffset.value(j.key(), 0) + j->sent;
        total += j->bytes.size();
    }
    m_status.blobBytesDone = done;
    m_status.blobBytesTotal = total;
    if (std::abs(done - m_progressEmitted) >= 64 * 1024) {
        m_progressEmitted = done;
        Q_EMIT statusChanged(m_status);
    }
}

void SyncEngine::retryLater(int delayMs)
{
    const qint64 t = m_monotonic.elapsed();
    if (m_retryAtMs < t)
        m_retryAtMs = t + std::max(0, delayMs);
    schedulePush(int(m_retryAtMs - t));
}

void SyncEngine::pushFailed(Failure why, const QString &message, int retryAfter)
{
    setError(why, message);
    updateStatus();
    // Several requests in flight fail together when the link goes: one backoff step for them all.
    const bool waiting = m_retryAtMs > m_monotonic.elapsed();
    retryLater(waiting ? 0 : std::max(retryAfter, m_pushBackoff.next()));
}

void SyncEngine::pushSucceeded()
{
    m_pushBackoff.reset();
    m_retryAtMs = -1;
    m_failure = -1;
    m_status.lastError.clear();
    m_status.offlineSince = QDateTime();
    m_status.lastSuccess = now();
    requestStatus();
    schedulePush(0);
}

void SyncEngine::setError(Failure why, const QString &message)
{
    if (why == Failure::Network && (m_failure != int(Failure::Network) || !m_status.offlineSince.isValid()))
        m_status.offlineSince = now();
    m_failure = int(why);
    m_status.lastError = message;
}

void SyncEngine::requestStatus()
{
    if (!m_statusTimer.isActive())
        m_statusTimer.start(kStatusMs);
}

void SyncEngine::updateStatus(bool exact)
{
    m_statusTimer.stop();
    // Every reading of the store below either succeeds or makes the state Error with its
    // message: a failing store never shows as "online, nothing pending".
    QString storeError;
    const auto failed = [&storeError](const auto &result) {
        if (!result && storeError.isEmpty())
            storeError = result.error();
        return !result;
    };
    if (exact || !m_queueLoaded) {
        // From the store (what is acknowledged but not saved yet is left out).
        int unsaved = 0;
        for (const QList<int> &seqs : std::as_const(m_ackUnsaved))
            unsaved += int(seqs.size());
        const auto entries = m_journal.sendableEntries();
        const auto cases = m_journal.sendableCases();
        if (!failed(entries))
            m_status.pendingEntries = std::max(0, entries.value() - unsaved);
        if (!failed(cases))
            m_status.pendingCases = int(cases->size());
    } else {
        // While pushing: what the pusher holds in memory, without reading the whole outbox.
        m_status.pendingEntries = m_sendableEntries;
        m_status.pendingCases = int(m_queue.size());
    }
    const auto conflicts = m_journal.conflicts();
    if (!failed(conflicts))
        m_status.conflicts = conflicts.value();
    if (conflicts && m_blockedSeen != m_status.conflicts.size()) {
        // The blobs only stopped cases wait for are not "to be sent" either.
        m_blockedBlobs.clear();
        store::CaseLog log(m_store);
        const auto blocked = m_journal.blockedCases();
        bool complete = !failed(blocked);
        for (const QString &caseId : blocked ? blocked.value() : QSet<QString>()) {
            const auto entries = log.entries(caseId);
            if (failed(entries)) {
                complete = false;
                continue;
            }
            for (const store::LogEntry &e : entries.value()) {
                if (e.ackedAt.isValid() || e.kind != QLatin1String("attached"))
                    continue;
                const auto upload = m_journal.upload(e.payload.value(QLatin1String("sha256")).toString());
                if (failed(upload))
                    complete = false;
                else if (upload->known && !upload->done)
                    m_blockedBlobs.insert(upload->sha256);
            }
        }
        if (complete)
            m_blockedSeen = int(m_status.conflicts.size());
    }
    const auto uploads = m_journal.pendingUploads();
    if (!failed(uploads))
        m_status.pendingBlobs = std::max(0, uploads.value() - int(m_doneUnsaved.size()) - int(m_blockedBlobs.size()));
    // Also what the pusher met since the last status (reading the outbox or a blob's state).
    if (storeError.isEmpty())
        storeError = m_storeError;
    m_storeError.clear();
    if (!storeError.isEmpty()) {
        m_status.state = SyncStatus::State::Error;
        m_status.lastError = storeError;
        m_storeFailing = true;
    } else {
        if (std::exchange(m_storeFailing, false) && m_failure < 0)
            m_status.lastError.clear(); // the store answers again
        if (m_failure == int(Failure::Network))
            m_status.state = SyncStatus::State::Offline;
        else if (m_failure >= 0)
            m_status.state = SyncStatus::State::Error;
        else if (m_status.pendingEntries > 0 || m_status.pendingBlobs > 0)
            m_status.state = SyncStatus::State::Syncing;
        else
            m_status.state = SyncStatus::State::Online;
    }
    if (m_uploads.isEmpty()) {
        m_status.blobBytesDone = 0;
        m_status.blobBytesTotal = 0;
        m_progressEmitted = 0;
    }
    Q_EMIT statusChanged(m_status);
}

void SyncEngine::linkFailed(QNetworkReply *reply)
{
    const int status = statusOf(reply);
    if (status != 0 && status < 500)
        return; // an answer: the link works (a refusal is the pusher's to report)
    setError(status == 0 ? Failure::Network : Failure::Server, describe(reply));
    updateStatus();
}

void SyncEngine::linkAnswered()
{
    if (m_failure != int(Failure::Network) && m_failure != int(Failure::Server))
        return;
    // The back office answers again: online now, and the pusher tries at once.
    m_failure = -1;
    m_status.lastError.clear();
    m_status.offlineSince = QDateTime();
    m_status.lastSuccess = now();
    m_pushBackoff.reset();
    m_retryAtMs = -1;
    updateStatus();
    if (!m_pushBusy)
        schedulePush(0);
}

void SyncEngine::pullStep()
{
    if (!m_running || !m_config.pull || m_pullReply)
        return;
    if (m_token.isEmpty()) {
        signIn([this] { pullStep(); });
        return;
    }
    const auto after = m_journal.cursor();
    if (!after) {
        m_storeError = after.error();
        updateStatus();
        return schedulePull(m_pullBackoff.next());
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after"), QString::number(after.value()));
    // While the link is down the puller is the probe: a quick poll (wait=0), so that the first
    // answer brings the status back at once rather than after a long poll's wait.
    const bool probing = m_failure == int(Failure::Network) || m_failure == int(Failure::Server);
    const int wait = probing ? 0 : m_config.pollWaitSeconds;
    query.addQueryItem(QStringLiteral("wait"), QString::number(wait));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    QNetworkRequest r = request(
        QStringLiteral("/v1/events?") + query.toString(QUrl::FullyEncoded), wait * 1000 + m_config.requestTimeoutMs);
    QNetworkReply *reply = m_nam.get(r);
    m_pullReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_pullReply != reply)
            return;
        m_pullReply = nullptr;
        const int status = statusOf(reply);
        if (status == 200) {
            const QJsonObject page = jsonOf(reply->isOpen() ? reply->readAll() : QByteArray());
            const QJsonArray events = page.value(QLatin1String("events")).toArray();
            const qint64 cursor = page.value(QLatin1String("cursor")).toInteger();
            const QString err = m_journal.applyEvents(events, cursor, now());
            if (!err.isEmpty()) {
                setError(Failure::Refused, err);
                updateStatus();
                return schedulePull(m_pullBackoff.next());
            }
            m_pullBackoff.reset();
            linkAnswered();
            if (!events.isEmpty())
                Q_EMIT eventsApplied(int(events.size()),
                    std::max(cursor, events.last().toObject().value(QLatin1String("cursor")).toInteger()));
            return schedulePull(0);
        }
        if (status == 401) {
            m_token.clear();
            return schedulePull(0);
        }
        if (status == 404) { // a back office without events: look again later
            linkAnswered();
            return schedulePull(m_config.backoffMaxMs);
        }
        // The link is down (or the back office failing): the status says so now, not at the next
        // push; the puller probes again with backoff and the first answer brings it back.
        linkFailed(reply);
        schedulePull(std::max(retryAfterMs(reply), m_pullBackoff.next()));
    });
}

void SyncEngine::refreshStep()
{
    for (const QString &path : m_config.refreshPaths) {
        QNetworkRequest r = request(path, m_config.requestTimeoutMs);
        const QString etag = m_journal.etag(path);
        if (!etag.isEmpty())
            r.setRawHeader("If-None-Match", etag.toUtf8());
        QNetworkReply *reply = m_nam.get(r);
        connect(reply, &QNetworkReply::finished, this, [this, reply, path] {
            reply->deleteLater();
            const int status = statusOf(reply);
            if (status == 200) {
                const QByteArray body = reply->readAll();
                const QString tag = QString::fromUtf8(reply->rawHeader("ETag"));
                if (!m_journal.storeResource(path, tag, body, now()).isEmpty())
                    return;
                if (path == kKeyRing)
                    keepKeyRing(body);
                Q_EMIT resourceUpdated(path, body);
            } else if (status != 304) {
                linkFailed(reply);
                return; // the next round tries again
            } else if (path == kKeyRing && !QFileInfo::exists(TrustedKeys::path(m_dataDir))) {
                keepKeyRing(m_journal.resource(path)); // fetched before the window kept its ring
            }
            if (path == kCatalogues)
                fetchCatalogue();
        });
    }
}

void SyncEngine::keepKeyRing(const QByteArray &ring)
{
    // The published ring becomes the keys this window trusts when it checks a scanned receipt.
    const QString failed = TrustedKeys::write(m_dataDir, ring);
    if (!failed.isEmpty())
        qWarning("sync: the key ring was not kept: %s", qPrintable(failed));
}

void SyncEngine::fetchCatalogue()
{
    // The newest catalogue of the list (the back office lists them oldest first).
    const QJsonArray all = jsonOf(m_journal.resource(kCatalogues)).value(QLatin1String("catalogues")).toArray();
    if (all.isEmpty() || m_catalogueReply || m_catalogueThread)
        return;
    const QJsonObject newest = all.last().toObject();
    const QString sha = newest.value(QLatin1String("sha256")).toString();
    if (sha.isEmpty() || m_badCatalogues.contains(sha) || sha == CatalogueShelf(m_dataDir).currentSha256())
        return;
    QNetworkReply *reply = m_nam.get(request(
        kCatalogues + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(sha)), m_config.requestTimeoutMs));
    m_catalogueReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, sha] {
        reply->deleteLater();
        if (m_catalogueReply != reply)
            return;
        m_catalogueReply = nullptr;
        if (statusOf(reply) != 200)
            return; // the next round asks again
        const QByteArray content = jsonOf(reply->readAll()).value(QLatin1String("content")).toString().toUtf8();
        // Parsing a whole catalogue takes a while: off this thread (the store's, maybe the GUI's).
        struct Outcome
        {
            QString path;
            QString error;
            QString version;
        };
        auto outcome = std::make_shared<Outcome>();
        QThread *thread = QThread::create([dir = m_dataDir, content, sha, outcome] {
            const CatalogueShelf shelf(dir);
            const auto added = shelf.add(content, sha);
            if (added) {
                outcome->path = added.value();
                outcome->version = shelf.currentVersion();
            } else {
                outcome->error = added.error();
            }
        });
        m_catalogueThread = thread;
        connect(thread, &QThread::finished, this, [this, thread, outcome, sha] {
            thread->deleteLater();
            m_catalogueThread = nullptr;
            if (!outcome->error.isEmpty()) {
                m_badCatalogues.insert(sha); // not asked for again in this run; new cases keep the old one
                qWarning("sync: catalogue %s not taken: %s", qPrintable(sha), qPrintable(outcome->error));
                return;
            }
            Q_EMIT catalogueAvailable(outcome->version, outcome->path);
        });
        thread->start();
    });
}

} // namespace ow::sync
