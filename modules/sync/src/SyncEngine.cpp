#include "onewindow/sync/SyncEngine.h"

#include "onewindow/core/Clock.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/Store.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkInformation>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <algorithm>
#include <optional>

namespace ow::sync {

namespace {

constexpr int kScanAhead = 20; // cases looked at for entries that can go before a blob
const QByteArray kTus("1.0.0");

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
    , m_config(std::move(config))
    , m_journal(store)
    , m_clock(&Clock::system())
    , m_pushBackoff(m_config.backoffBaseMs, m_config.backoffMaxMs)
    , m_pullBackoff(m_config.backoffBaseMs, m_config.backoffMaxMs)
    , m_token(m_config.token)
{
    m_nam.setAutoDeleteReplies(false);
    m_pushTimer.setSingleShot(true);
    m_pullTimer.setSingleShot(true);
    connect(&m_pushTimer, &QTimer::timeout, this, &SyncEngine::pushStep);
    connect(&m_pullTimer, &QTimer::timeout, this, &SyncEngine::pullStep);
    connect(&m_refreshTimer, &QTimer::timeout, this, &SyncEngine::refreshStep);
    m_status.offlineSince = now();
}

SyncEngine::~SyncEngine()
{
    stop();
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
    scanOutbox();
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
    for (QPointer<QNetworkReply> *r : {&m_pushReply, &m_pullReply, &m_signInReply}) {
        if (*r) {
            QNetworkReply *reply = r->data();
            *r = nullptr;
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
    m_pushBusy = false;
    m_afterSignIn.clear();
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

void SyncEngine::scanOutbox()
{
    store::CaseLog log(m_store);
    QList<QPair<QString, qint64>> blobs;
    for (const QString &caseId : m_journal.pendingCases()) {
        if (m_scanned.contains(caseId))
            continue;
        const auto entries = log.entries(caseId);
        if (!entries)
            continue;
        for (const store::LogEntry &e : entries.value()) {
            if (e.ackedAt.isValid() || e.kind != QLatin1String("attached"))
                continue;
            const QString sha = e.payload.value(QLatin1String("sha256")).toString();
            if (store::BlobStore::isValidName(sha))
                blobs << qMakePair(sha, QFileInfo(m_blobs.pathOf(sha)).size());
        }
        m_scanned.insert(caseId);
    }
    const QString err = m_journal.registerUploads(blobs);
    if (!err.isEmpty())
        setError(Failure::Refused, err);
}

void SyncEngine::pushStep()
{
    if (!m_running || m_pushBusy)
        return;
    if (m_token.isEmpty()) {
        m_pushBusy = true;
        signIn([this] {
            m_pushBusy = false;
            pushStep();
        });
        return;
    }
    scanOutbox();
    store::CaseLog log(m_store);
    const QSet<QString> blocked = m_journal.blockedCases();
    const QDateTime t = now();
    struct Need
    {
        QString caseId;
        int seq = 0;
        QString material;
        QString sha256;
    };
    std::optional<Need> need;
    int looked = 0;
    int waiting = 0;
    QDateTime soonest;
    for (const QString &caseId : m_journal.pendingCases()) {
        if (blocked.contains(caseId))
            continue;
        ++waiting;
        const auto held = m_heldUntil.constFind(caseId);
        if (held != m_heldUntil.constEnd() && held.value() > t) {
            if (!soonest.isValid() || held.value() < soonest)
                soonest = held.value();
            continue;
        }
        if (++looked > kScanAhead)
            break;
        const auto entries = log.entries(caseId);
        if (!entries) {
            setError(Failure::Refused, entries.error());
            continue;
        }
        QList<store::LogEntry> ready;
        for (const store::LogEntry &e : entries.value()) {
            if (e.ackedAt.isValid())
                continue;
            if (e.kind == QLatin1String("attached")) {
                const QString sha = e.payload.value(QLatin1String("sha256")).toString();
                if (!sha.isEmpty() && !m_journal.upload(sha).done) {
                    if (!need)
                        need = Need {caseId, e.seq, e.payload.value(QLatin1String("material")).toString(), sha};
                    break;
                }
            }
            ready << e;
            if (ready.size() >= m_config.batchEntries)
                break;
        }
        if (!ready.isEmpty()) {
            pushEntries(caseId, ready);
            return;
        }
    }
    if (need) {
        uploadStep(need->caseId, need->seq, need->material, need->sha256);
        return;
    }
    updateStatus();
    if (waiting == 0) {
        Q_EMIT drained();
        schedulePush(m_config.idleRecheckMs);
    } else if (soonest.isValid()) {
        schedulePush(int(std::clamp<qint64>(t.msecsTo(soonest), 0, m_config.backoffMaxMs)));
    } else {
        schedulePush(m_config.idleRecheckMs);
    }
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
    m_pushBusy = true;
    QNetworkReply *reply = m_nam.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact));
    m_pushReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, caseId, seqs] {
        reply->deleteLater();
        if (m_pushReply != reply)
            return;
        m_pushReply = nullptr;
        const int status = statusOf(reply);
        const QJsonObject answer = jsonOf(reply->isOpen() ? reply->readAll() : QByteArray());
        if (status == 200 || status == 202) {
            QList<int> acked;
            for (const QJsonValue &v : answer.value(QLatin1String("acknowledged")).toArray()) {
                if (seqs.contains(v.toInt()))
                    acked << v.toInt();
            }
            const QString err = store::CaseLog(m_store).acknowledge(caseId, acked, now());
            if (!err.isEmpty())
                return pushFailed(Failure::Refused, err);
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
                    const QString e = m_journal.recordConflict(caseId, c.value(QLatin1String("seq")).toInt(),
                        QStringLiteral("conflict"), fields, message, now());
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
            return pushSucceeded();
        }
        if (status == 401) {
            m_token.clear();
            m_pushBusy = false;
            return schedulePush(0);
        }
        if (status == 413 && m_config.batchEntries > 1) {
            m_config.batchEntries = std::max(1, m_config.batchEntries / 2);
            m_pushBusy = false;
            return schedulePush(0);
        }
        pushFailed(status == 0  ? Failure::Network
                : status >= 500 ? Failure::Server
                                : Failure::Refused,
            describe(reply), retryAfterMs(reply));
    });
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
        updateStatus();
        return schedulePush(0);
    }
    SyncJournal::Upload u = m_journal.upload(sha256);
    if (!u.known) {
        m_journal.registerUploads({qMakePair(sha256, qint64(bytes.value().size()))});
        u = m_journal.upload(sha256);
    }
    m_status.blobBytesTotal = bytes.value().size();
    m_status.blobBytesDone = m_knownOffset.value(sha256, 0);
    m_pushBusy = true;
    if (u.location.isEmpty())
        createUpload(caseId, material, sha256, bytes.value());
    else if (m_knownOffset.contains(sha256))
        patchUpload(sha256, u.location, m_knownOffset.value(sha256), bytes.value());
    else
        headUpload(sha256, u.location);
}

void SyncEngine::createUpload(
    const QString &caseId, const QString &material, const QString &sha256, const QByteArray &bytes)
{
    QNetworkRequest r = request(QStringLiteral("/v1/uploads"), m_config.requestTimeoutMs);
    r.setRawHeader("Tus-Resumable", kTus);
    r.setRawHeader("Upload-Length", QByteArray::number(bytes.size()));
    r.setRawHeader("Upload-Metadata",
        "sha256 " + b64(sha256) + ",case " + b64(caseId) + ",material " + b64(material) + ",filename "
            + b64(sha256 + QStringLiteral(".pdf")) + ",type " + b64(QStringLiteral("application/pdf")));
    QNetworkReply *reply = m_nam.post(r, QByteArray());
    m_pushReply = reply;
    const qint64 length = bytes.size();
    connect(reply, &QNetworkReply::finished, this, [this, reply, caseId, sha256, length] {
        reply->deleteLater();
        if (m_pushReply != reply)
            return;
        m_pushReply = nullptr;
        const int status = statusOf(reply);
        if (status == 201) {
            const QUrl location = reply->url().resolved(QUrl(QString::fromUtf8(reply->rawHeader("Location"))));
            const qint64 offset = reply->rawHeader("Upload-Offset").toLongLong();
            QString err = m_journal.setLocation(sha256, location.toString());
            if (err.isEmpty() && offset >= length)
                err = m_journal.markDone(sha256, now());
            if (!err.isEmpty())
                return pushFailed(Failure::Refused, err);
            if (offset < length)
                m_knownOffset.insert(sha256, offset);
            return pushSucceeded();
        }
        if (status == 401) {
            m_token.clear();
            m_pushBusy = false;
            return schedulePush(0);
        }
        if (status == 413) {
            const QString err = m_journal.recordConflict(caseId, 0, QStringLiteral("rejected"),
                {QStringLiteral("payload.sha256")}, tr("The back office takes no file this large."), now());
            return err.isEmpty() ? pushSucceeded() : pushFailed(Failure::Refused, err);
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
    QNetworkReply *reply = m_nam.head(r);
    m_pushReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, sha256] {
        reply->deleteLater();
        if (m_pushReply != reply)
            return;
        m_pushReply = nullptr;
        const int status = statusOf(reply);
        if (status == 200) {
            const qint64 offset = reply->rawHeader("Upload-Offset").toLongLong();
            const qint64 length = reply->rawHeader("Upload-Length").toLongLong();
            if (length > 0 && offset >= length) {
                const QString err = m_journal.markDone(sha256, now());
                if (!err.isEmpty())
                    return pushFailed(Failure::Refused, err);
            } else {
                m_knownOffset.insert(sha256, offset);
            }
            return pushSucceeded();
        }
        if (status == 404 || status == 410) {
            // The server forgot the upload (discarded after a checksum mismatch, or expired): again.
            const QString err = m_journal.setLocation(sha256, QString());
            m_knownOffset.remove(sha256);
            return err.isEmpty() ? pushSucceeded() : pushFailed(Failure::Refused, err);
        }
        if (status == 401) {
            m_token.clear();
            m_pushBusy = false;
            return schedulePush(0);
        }
        pushFailed(status == 0  ? Failure::Network
                : status >= 500 ? Failure::Server
                                : Failure::Refused,
            describe(reply), retryAfterMs(reply));
    });
}

void SyncEngine::patchUpload(const QString &sha256, const QString &location, qint64 offset, const QByteArray &bytes)
{
    const QByteArray chunk = bytes.mid(offset, m_config.chunkBytes);
    const bool last = offset + chunk.size() >= bytes.size();
    QNetworkRequest r = request(location, m_config.requestTimeoutMs);
    r.setRawHeader("Tus-Resumable", kTus);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/offset+octet-stream"));
    r.setRawHeader("Upload-Offset", QByteArray::number(offset));
    r.setRawHeader(
        "Upload-Checksum", "sha256 " + QCryptographicHash::hash(chunk, QCryptographicHash::Sha256).toBase64());
    QNetworkReply *reply = m_nam.sendCustomRequest(r, "PATCH", chunk);
    m_pushReply = reply;
    connect(reply, &QNetworkReply::uploadProgress, this, [this, offset](qint64 sent, qint64) {
        if (offset + sent - m_status.blobBytesDone >= 64 * 1024) {
            m_status.blobBytesDone = offset + sent;
            Q_EMIT statusChanged(m_status);
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, sha256, last] {
        reply->deleteLater();
        if (m_pushReply != reply)
            return;
        m_pushReply = nullptr;
        const int status = statusOf(reply);
        if (status == 204) {
            const qint64 now_ = reply->rawHeader("Upload-Offset").toLongLong();
            m_knownOffset.insert(sha256, now_);
            m_status.blobBytesDone = now_;
            if (now_ >= m_status.blobBytesTotal) {
                m_knownOffset.remove(sha256);
                const QString err = m_journal.markDone(sha256, now());
                if (!err.isEmpty())
                    return pushFailed(Failure::Refused, err);
            }
            return pushSucceeded();
        }
        m_knownOffset.remove(sha256); // ask the server where it is (HEAD) before the next PATCH
        if (status == 409) {
            // Another offset, or the server still busy with a dropped PATCH: HEAD after a pause.
            m_pushBusy = false;
            return schedulePush(m_pushBackoff.next());
        }
        if (status == 404 || status == 410 || (status == 460 && last)) {
            // Gone, or the whole blob did not match at the end and the server discarded it.
            const QString err = m_journal.setLocation(sha256, QString());
            if (!err.isEmpty())
                return pushFailed(Failure::Refused, err);
            if (status != 460)
                return pushSucceeded();
        }
        if (status == 401) {
            m_token.clear();
            m_pushBusy = false;
            return schedulePush(0);
        }
        pushFailed(status == 0  ? Failure::Network
                : status >= 500 ? Failure::Server
                                : Failure::Refused,
            describe(reply), retryAfterMs(reply));
    });
}

void SyncEngine::pushFailed(Failure why, const QString &message, int retryAfter)
{
    m_pushBusy = false;
    setError(why, message);
    updateStatus();
    schedulePush(std::max(retryAfter, m_pushBackoff.next()));
}

void SyncEngine::pushSucceeded()
{
    m_pushBusy = false;
    m_pushBackoff.reset();
    m_failure = -1;
    m_status.lastError.clear();
    m_status.offlineSince = QDateTime();
    m_status.lastSuccess = now();
    updateStatus();
    schedulePush(0);
}

void SyncEngine::setError(Failure why, const QString &message)
{
    if (why == Failure::Network && (m_failure != int(Failure::Network) || !m_status.offlineSince.isValid()))
        m_status.offlineSince = now();
    m_failure = int(why);
    m_status.lastError = message;
}

void SyncEngine::updateStatus()
{
    store::CaseLog log(m_store);
    m_status.pendingEntries = std::max(0, log.pendingCount());
    m_status.pendingCases = int(m_journal.pendingCases().size());
    m_status.pendingBlobs = m_journal.pendingUploads();
    m_status.conflicts = m_journal.conflicts();
    if (m_failure == int(Failure::Network))
        m_status.state = SyncStatus::State::Offline;
    else if (m_failure >= 0)
        m_status.state = SyncStatus::State::Error;
    else if (m_status.pendingEntries > 0 || m_status.pendingBlobs > 0)
        m_status.state = SyncStatus::State::Syncing;
    else
        m_status.state = SyncStatus::State::Online;
    if (m_status.pendingBlobs == 0) {
        m_status.blobBytesDone = 0;
        m_status.blobBytesTotal = 0;
    }
    Q_EMIT statusChanged(m_status);
}

void SyncEngine::pullStep()
{
    if (!m_running || !m_config.pull || m_pullReply)
        return;
    if (m_token.isEmpty()) {
        signIn([this] { pullStep(); });
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after"), QString::number(m_journal.cursor()));
    query.addQueryItem(QStringLiteral("wait"), QString::number(m_config.pollWaitSeconds));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    QNetworkRequest r = request(QStringLiteral("/v1/events?") + query.toString(QUrl::FullyEncoded),
        m_config.pollWaitSeconds * 1000 + m_config.requestTimeoutMs);
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
            if (!events.isEmpty())
                Q_EMIT eventsApplied(int(events.size()), m_journal.cursor());
            return schedulePull(0);
        }
        if (status == 401) {
            m_token.clear();
            return schedulePull(0);
        }
        if (status == 404) // a back office without events: look again later
            return schedulePull(m_config.backoffMaxMs);
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
            if (statusOf(reply) != 200)
                return; // 304: unchanged; anything else: the next round tries again
            const QByteArray body = reply->readAll();
            const QString tag = QString::fromUtf8(reply->rawHeader("ETag"));
            if (!m_journal.storeResource(path, tag, body, now()).isEmpty())
                return;
            Q_EMIT resourceUpdated(path, body);
        });
    }
}

} // namespace ow::sync
