// The back office as an operator runs it (label backoffice, also `_pg` where storage is involved):
// the SQLite WAL stays bounded under load, an online backup taken while clerks write restores
// every acknowledged entry and blob, request log lines and /metrics, readiness, a graceful
// SIGTERM, the connection cap under a low RLIMIT_NOFILE, tus expiration and termination, and 507
// on a full disk. Every case is made through the real HTTP API by a signed-in clerk of an enrolled
// window.
#include "ApiClient.h"
#include "RawHttp.h"
#include "SignedEntries.h"

#include "onewindow/store/LogEntry.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <functional>
#include <memory>

#include <cerrno>
#include <cstring>

#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

namespace {

const QString kPassword = QStringLiteral("correct horse 9");
const QString kW1 = QStringLiteral("330106-W01");

QJsonObject entry(const QString &caseId, int seq)
{
    ow::store::LogEntry e;
    e.caseId = caseId;
    e.seq = seq;
    e.at = QDateTime(QDate(2026, 11, 27), QTime(2, 0, 0), Qt::UTC).addSecs(seq);
    e.window = kW1;
    e.clerk = QStringLiteral("c1");
    if (seq == 1) {
        e.kind = QStringLiteral("started");
        e.payload = {{QStringLiteral("number"), signedentries::numberOf(caseId, kW1)},
            {QStringLiteral("region"), QStringLiteral("330106")}, {QStringLiteral("window"), kW1},
            {QStringLiteral("windowName"), QStringLiteral("综合窗口 1")},
            {QStringLiteral("catalogVersion"), QStringLiteral("2026.11")}};
    } else {
        e.kind = QStringLiteral("marked");
        e.payload = {{QStringLiteral("material"), QStringLiteral("m%1").arg(seq)},
            {QStringLiteral("how"), QStringLiteral("original")}};
    }
    return e.toJson();
}

QJsonArray entries(const QString &caseId, int from, int count)
{
    QJsonArray out;
    for (int seq = from; seq < from + count; ++seq)
        out.append(entry(caseId, seq));
    return out;
}

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).exists() ? QFileInfo(path).size() : 0;
}

// A server process of this test: its stdout (log lines) kept, SIGTERM and its exit code.
class Server
{
public:
    ~Server() { kill(); }
    bool start(const QString &dataDir, const QStringList &extra = {}, const QString &prlimitNoFile = {})
    {
        QStringList args =
            QStringList {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data-dir"), dataDir}
            + databaseArguments(dataDir) + extra;
        QString program = QStringLiteral(OW_BACKOFFICE);
        if (!prlimitNoFile.isEmpty()) {
            // util-linux prlimit: the child starts with RLIMIT_NOFILE lowered (soft and hard).
            args.prepend(program);
            args.prepend(QStringLiteral("--"));
            args.prepend(QStringLiteral("--nofile=%1").arg(prlimitNoFile));
            program = QStringLiteral("prlimit");
        }
        m_process.start(program, args);
        if (!m_process.waitForStarted(10000))
            return false;
        for (int i = 0; i < 100 && !m_out.contains('\n'); ++i) {
            if (!m_process.waitForReadyRead(200) && m_process.state() != QProcess::Running)
                break;
            m_out += m_process.readAllStandardOutput();
        }
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^listening on 127\\.0\\.0\\.1:(\\d+)\\n"))
                                              .match(QString::fromUtf8(m_out));
        if (!m.hasMatch()) {
            qWarning("server did not start: %s %s", m_out.constData(), m_process.readAllStandardError().constData());
            return false;
        }
        m_port = quint16(m.captured(1).toUInt());
        return true;
    }
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    QByteArray out()
    {
        m_out += m_process.readAllStandardOutput();
        return m_out;
    }
    QByteArray err()
    {
        m_err += m_process.readAllStandardError();
        return m_err;
    }
    void signal(int sig) { ::kill(pid_t(m_process.processId()), sig); }
    // Waits for the exit; its code, -1 on a crash or timeout.
    int waitExit(int ms)
    {
        if (!m_process.waitForFinished(ms))
            return -1;
        out();
        err();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    void kill()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    quint16 m_port = 0;
};

struct Answer
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-cased names
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
};

} // namespace

class TestBackOfficeOps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void walStaysBoundedThroughManyAppends();
    void backupWhileWritingRestoresEverything();
    void requestLogLinesAndMetrics();
    void readinessChecksTheDisk();
    void sigtermFinishesInFlightWorkAndEndsLongPolls();
    void connectionsStopBelowTheDescriptorLimit();
    void unfinishedUploadsExpireAndAreCollected();
    void fullDiskAnswers507();

private:
    // A fresh data folder with window W01 (enrolled) and clerk c1 on a started server.
    bool prepare(const QString &dataDir, Server &server, QString *token, const QStringList &extra = {});
    Answer push(quint16 port, const QString &token, const QString &caseId, const QJsonArray &sent);
    // tus: creates an upload of `bytes` for the case (its Location), "" on failure.
    QString createUpload(quint16 port, const QString &token, const QString &caseId, const QByteArray &bytes);
    Answer call(quint16 port, const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 60000);

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
};

void TestBackOfficeOps::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

bool TestBackOfficeOps::prepare(const QString &dataDir, Server &server, QString *token, const QStringList &extra)
{
    const AdminRun w = runAdmin(dataDir,
        {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"), QStringLiteral("--code"),
            QStringLiteral("W01"), QStringLiteral("--name"), QStringLiteral("综合窗口"), QStringLiteral("--kind"),
            QStringLiteral("window")});
    if (w.exitCode != 0) {
        qWarning("add-window: %s", qPrintable(w.err));
        return false;
    }
    const AdminRun u = runAdmin(dataDir,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("c1"), QStringLiteral("--role"),
            QStringLiteral("clerk"), QStringLiteral("--window"), kW1},
        kPassword.toUtf8() + '\n');
    if (u.exitCode != 0) {
        qWarning("add-user: %s", qPrintable(u.err));
        return false;
    }
    if (!server.start(dataDir, extra))
        return false;
    QString why;
    const QJsonObject enrolment = signedentries::enrolment(dataDir, kW1, &why);
    if (enrolment.isEmpty()) {
        qWarning("new-code: %s", qPrintable(why));
        return false;
    }
    const Answer e = call(
        server.port(), "POST", QStringLiteral("/v1/enrol"), QJsonDocument(enrolment).toJson(QJsonDocument::Compact));
    if (e.status != 201) {
        qWarning("enrol: %d %s", e.status, e.body.constData());
        return false;
    }
    const Answer s = call(server.port(), "POST", QStringLiteral("/v1/sessions"),
        QJsonDocument(
            QJsonObject {{QStringLiteral("name"), QStringLiteral("c1")}, {QStringLiteral("password"), kPassword}})
            .toJson(QJsonDocument::Compact));
    *token = s.object().value(QLatin1String("token")).toString();
    if (token->isEmpty())
        qWarning("sign-in: %d %s", s.status, s.body.constData());
    return !token->isEmpty();
}

Answer TestBackOfficeOps::call(quint16 port, const QByteArray &method, const QString &path, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Answer a;
    if (reply->isFinished()) {
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        for (const auto &pair : reply->rawHeaderPairs())
            a.headers.insert(pair.first.toLower(), pair.second);
    } else {
        reply->abort();
    }
    reply->deleteLater();
    return a;
}

Answer TestBackOfficeOps::push(quint16 port, const QString &token, const QString &caseId, const QJsonArray &sent)
{
    return call(port, "POST", QStringLiteral("/v1/cases/%1/entries").arg(caseId),
        QJsonDocument(sent).toJson(QJsonDocument::Compact),
        {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toLatin1()}});
}

QString TestBackOfficeOps::createUpload(
    quint16 port, const QString &token, const QString &caseId, const QByteArray &bytes)
{
    const QByteArray sha = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    const RawResponse r = RawHttp::request(port, "POST", "/v1/uploads",
        {{"Authorization", "Bearer " + token.toLatin1()}, {"Tus-Resumable", "1.0.0"},
            {"Upload-Length", QByteArray::number(bytes.size())},
            {"Upload-Metadata", "sha256 " + sha.toBase64() + ",case " + caseId.toUtf8().toBase64()}});
    if (r.status != 201)
        qWarning("create upload: %d %s", r.status, r.body.constData());
    return r.status == 201 ? QString::fromLatin1(r.header("location")) : QString();
}

void TestBackOfficeOps::walStaysBoundedThroughManyAppends()
{
    if (testOnPostgres())
        QSKIP("The write-ahead log checked here is SQLite's; PostgreSQL keeps its own.");
    const QString data = m_dir.filePath(QStringLiteral("wal"));
    Server server;
    QString token;
    QVERIFY(prepare(data, server, &token));
    const QString wal = QDir(data).filePath(QStringLiteral("backoffice.sqlite-wal"));
    // 200,000 entries, six requests in flight at once (each slot pushes its own cases in order):
    // the first six cases two entries a request (6,000 small commits, where SQLite's own
    // checkpoints fell behind and the log grew to ~90 MB before the server checkpointed it), the
    // other 94 cases 1,000 entries a request, to reach 200,000 quickly.
    constexpr int kTotal = 200'000;
    constexpr int kPerCase = 2'000;
    constexpr int kSlots = 6;
    const auto perRequest = [](int caseNo) { return caseNo < kSlots ? 2 : 1'000; };
    qint64 largest = 0;
    int sent = 0;
    int open = 0;
    int failures = 0;
    QByteArray firstFailure;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    std::function<void(int, int, int)> send = [&](int slot, int caseNo, int from) {
        if (caseNo >= kTotal / kPerCase) {
            if (open == 0)
                loop.quit();
            return;
        }
        const QString caseId = QStringLiteral("wal-%1").arg(caseNo);
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1/v1/cases/%2/entries").arg(server.port()).arg(caseId)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QNetworkReply *reply = m_nam.post(
            request, QJsonDocument(entries(caseId, from, perRequest(caseNo))).toJson(QJsonDocument::Compact));
        ++open;
        connect(reply, &QNetworkReply::finished, &loop, [&, reply, slot, caseNo, from] {
            reply->deleteLater();
            --open;
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200 && failures++ == 0)
                firstFailure = reply->readAll();
            const int n = perRequest(caseNo);
            sent += n;
            largest = qMax(largest, fileSize(wal));
            const bool caseDone = from + n > kPerCase;
            send(slot, caseDone ? caseNo + kSlots : caseNo, caseDone ? 1 : from + n);
        });
    };
    for (int slot = 0; slot < kSlots; ++slot)
        send(slot, slot, 1);
    QTimer::singleShot(540'000, &loop, &QEventLoop::quit);
    loop.exec();
    qInfo("%d entries in %lld ms, %d requests in flight; largest WAL %.1f MB, at the end %.1f MB", sent,
        qint64(clock.elapsed()), kSlots, double(largest) / 1048576.0, double(fileSize(wal)) / 1048576.0);
    QVERIFY2(failures == 0, firstFailure.constData());
    QCOMPARE(sent, kTotal);
    QVERIFY2(largest < 64LL * 1024 * 1024, qPrintable(QStringLiteral("the WAL reached %1 bytes").arg(largest)));
    QSqlDatabase db = openTestDatabase(data, QStringLiteral("wal-check"));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM case_entries")) && q.next());
    QCOMPARE(q.value(0).toLongLong(), qint64(kTotal));
}

void TestBackOfficeOps::backupWhileWritingRestoresEverything()
{
    const QString data = m_dir.filePath(QStringLiteral("backup-data"));
    const QString backup = m_dir.filePath(QStringLiteral("backup-copy"));
    auto server = std::make_unique<Server>();
    QString token;
    QVERIFY(prepare(data, *server, &token));
    const QByteArray auth = "Bearer " + token.toLatin1();

    // A clerk writes without pause: one case after another (a started entry, then entries two by
    // two) and a scan every fifth request; the backup runs in the middle of it.
    struct Acked
    {
        QString caseId;
        int seq;
        bool beforeBackup;
    };
    QList<Acked> acked;
    QHash<QByteArray, QByteArray> blobsBefore; // sha256 → bytes, stored before the backup started
    bool backupStarted = false;
    int afterBackup = 0;
    int step = 0;
    int failures = 0;
    QByteArray firstFailure;
    QProcess admin;
    QEventLoop loop;
    std::function<void()> next = [&] {
        const int caseNo = step / 10;
        const int inCase = step % 10;
        const QString caseId = QStringLiteral("bk-%1").arg(caseNo);
        const int from = inCase == 0 ? 1 : 2 * inCase;
        const int count = inCase == 0 ? 1 : 2;
        ++step;
        if (inCase == 5) {
            // A scan for this case (tus, on the wire as the window sends it).
            const QByteArray bytes =
                QByteArray("scan of ") + caseId.toLatin1() + QByteArray(20000, char('a' + caseNo % 26));
            const QString location = createUpload(server->port(), token, caseId, bytes);
            const bool before = !backupStarted;
            const RawResponse r = RawHttp::request(server->port(), "PATCH", location.toLatin1(),
                {{"Authorization", auth}, {"Tus-Resumable", "1.0.0"},
                    {"Content-Type", "application/offset+octet-stream"}, {"Upload-Offset", "0"}},
                bytes);
            if (r.status == 204 && before)
                blobsBefore.insert(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex(), bytes);
        }
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1/v1/cases/%2/entries").arg(server->port()).arg(caseId)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", auth);
        const bool before = !backupStarted;
        QNetworkReply *reply =
            m_nam.post(request, QJsonDocument(entries(caseId, from, count)).toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, &loop, [&, reply, caseId, from, count, before] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 200) {
                for (int seq = from; seq < from + count; ++seq)
                    acked.append(Acked {caseId, seq, before});
            } else if (failures++ == 0) {
                firstFailure = QByteArray::number(status) + ' ' + reply->readAll();
            }
            if (step == 60) {
                backupStarted = true;
                admin.start(QStringLiteral(OW_BACKOFFICE),
                    QStringList {QStringLiteral("admin"), QStringLiteral("backup"), QStringLiteral("--to"), backup,
                        QStringLiteral("--data-dir"), data}
                        + databaseArguments(data));
            }
            if (backupStarted && admin.state() == QProcess::NotRunning && ++afterBackup > 20) {
                loop.quit();
                return;
            }
            next();
        });
    };
    next();
    QTimer::singleShot(240'000, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY2(failures == 0, firstFailure.constData());
    QVERIFY2(backupStarted, qPrintable(QStringLiteral("%1 steps").arg(step)));
    QVERIFY2(admin.state() == QProcess::NotRunning || admin.waitForFinished(60000),
        qPrintable(QStringLiteral("backup: %1 %2").arg(int(admin.state())).arg(admin.errorString())));
    QVERIFY2(admin.exitCode() == 0, admin.readAllStandardError().constData());
    const int before = int(std::count_if(acked.cbegin(), acked.cend(), [](const Acked &a) { return a.beforeBackup; }));
    qInfo("%lld entries acknowledged, %d before the backup started; %lld scans stored before it; backup: %s",
        qint64(acked.size()), before, qint64(blobsBefore.size()), admin.readAllStandardOutput().trimmed().constData());
    QVERIFY(before > 0 && acked.size() > before);
    QVERIFY(!blobsBefore.isEmpty());

    // Restore refuses to overwrite the data of a running server.
    const AdminRun refused = runAdmin(data, {QStringLiteral("restore"), QStringLiteral("--from"), backup});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QLatin1String("server is running")), qPrintable(refused.err));

    // Stopped, restored into the same place (the writes after the backup are lost, as a restore
    // means), started again: every entry and scan acknowledged before the backup is there.
    server->signal(SIGTERM);
    QCOMPARE(server->waitExit(20000), 0);
    const AdminRun restored = runAdmin(data, {QStringLiteral("restore"), QStringLiteral("--from"), backup});
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
    server = std::make_unique<Server>();
    QVERIFY(server->start(data));
    QHash<QString, QSet<int>> stored;
    for (const Acked &a : std::as_const(acked)) {
        if (!a.beforeBackup || stored.contains(a.caseId))
            continue;
        const Answer c = call(server->port(), "GET", QStringLiteral("/v1/cases/%1").arg(a.caseId), {},
            {{QByteArrayLiteral("Authorization"), auth}});
        QVERIFY2(c.status == 200, c.body.constData());
        QSet<int> seqs;
        for (const QJsonValue &e : c.object().value(QLatin1String("entries")).toArray())
            seqs.insert(e.toObject().value(QLatin1String("seq")).toInt());
        stored.insert(a.caseId, seqs);
    }
    for (const Acked &a : std::as_const(acked)) {
        if (a.beforeBackup)
            QVERIFY2(stored.value(a.caseId).contains(a.seq),
                qPrintable(QStringLiteral("%1 seq %2 is missing").arg(a.caseId).arg(a.seq)));
    }
    for (auto it = blobsBefore.cbegin(); it != blobsBefore.cend(); ++it) {
        const RawResponse b =
            RawHttp::request(server->port(), "GET", "/v1/blobs/" + it.key(), {{"Authorization", auth}});
        QCOMPARE(b.status, 200);
        QVERIFY(b.body == it.value());
    }
}

void TestBackOfficeOps::requestLogLinesAndMetrics()
{
    const QString data = m_dir.filePath(QStringLiteral("logs"));
    Server server;
    QString token;
    QVERIFY(prepare(data, server, &token));
    const QString caseId = QStringLiteral("PRIVATE-330106199001010038");
    Answer a = call(server.port(), "POST", QStringLiteral("/v1/cases/%1/entries").arg(caseId),
        QJsonDocument(entries(caseId, 1, 3)).toJson(QJsonDocument::Compact),
        {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()},
            {QByteArrayLiteral("X-Request-Id"), QByteArrayLiteral("desk-7.req:42")}});
    QCOMPARE(a.status, 200);
    QCOMPARE(a.headers.value("x-request-id"), QByteArray("desk-7.req:42"));
    // An id that is not sane is replaced by the server's own.
    a = call(server.port(), "GET", QStringLiteral("/health"), {},
        {{QByteArrayLiteral("X-Request-Id"), QByteArrayLiteral("no spaces <or> anything else")}});
    QCOMPARE(a.status, 200);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{16}$"))
                .match(QString::fromLatin1(a.headers.value("x-request-id")))
                .hasMatch());
    a = call(server.port(), "GET", QStringLiteral("/v1/cases/%1").arg(caseId));
    QCOMPARE(a.status, 401);

    const Answer m = call(server.port(), "GET", QStringLiteral("/metrics"));
    QCOMPARE(m.status, 200);
    QVERIFY(m.headers.value("content-type").startsWith("text/plain; version=0.0.4"));
    const QByteArray text = m.body;
    for (const QByteArray &line : {QByteArrayLiteral("# TYPE onewindow_http_requests_total counter"),
             QByteArrayLiteral("onewindow_http_requests_total{route=\"/v1/cases/{caseId}/entries\",method=\"POST\","
                               "status=\"200\"} 1"),
             QByteArrayLiteral("onewindow_http_requests_total{route=\"/v1/cases/{caseId}\",method=\"GET\","
                               "status=\"401\"} 1"),
             QByteArrayLiteral("# TYPE onewindow_http_request_duration_seconds histogram"),
             QByteArrayLiteral("onewindow_http_request_duration_seconds_bucket{route=\"/v1/cases/{caseId}/entries\","
                               "method=\"POST\",le=\"+Inf\"} 1"),
             QByteArrayLiteral("onewindow_http_request_duration_seconds_count{route=\"/v1/cases/{caseId}/entries\","
                               "method=\"POST\"} 1"),
             QByteArrayLiteral("# TYPE onewindow_entries_applied_total counter\nonewindow_entries_applied_total 3"),
             QByteArrayLiteral("# TYPE onewindow_uploads_started_total counter"),
             QByteArrayLiteral("# TYPE onewindow_upload_bytes_total counter"),
             QByteArrayLiteral("# TYPE onewindow_database_errors_total counter"),
             QByteArrayLiteral("# TYPE onewindow_open_connections gauge"),
             QByteArrayLiteral("# TYPE onewindow_long_polls_waiting gauge")})
        QVERIFY2(text.contains(line), line.constData());
    // Every sample line is `name{labels} value` or `name value` (exposition format 0.0.4).
    const QRegularExpression sample(
        QStringLiteral(R"(^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-z_]+="[^"]*",?)+\})? [-+0-9.eE]+$)"));
    for (const QByteArray &line : text.split('\n')) {
        if (!line.isEmpty() && !line.startsWith('#'))
            QVERIFY2(sample.match(QString::fromUtf8(line)).hasMatch(), line.constData());
    }

    // One JSON line a request: time, id, method, route template, status, duration, user; never
    // the raw path (the case id here carries an ID number), the token or the body.
    QTRY_VERIFY_WITH_TIMEOUT(server.out().count('\n') >= 6, 5000);
    const QByteArray out = server.out();
    QVERIFY(out.startsWith("listening on 127.0.0.1:"));
    QVERIFY2(!out.contains("330106199001010038"), out.constData());
    QVERIFY(!out.contains(token.toLatin1()));
    QVERIFY(!out.contains("marked"));
    bool found = false;
    for (const QByteArray &line : out.split('\n').mid(1)) {
        if (line.isEmpty())
            continue;
        QJsonParseError error {};
        const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
        QVERIFY(QDateTime::fromString(o.value(QLatin1String("ts")).toString(), Qt::ISODateWithMs).isValid());
        if (o.value(QLatin1String("id")).toString() == QLatin1String("desk-7.req:42")) {
            found = true;
            QCOMPARE(o.value(QLatin1String("event")).toString(), QStringLiteral("request"));
            QCOMPARE(o.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
            QCOMPARE(o.value(QLatin1String("route")).toString(), QStringLiteral("/v1/cases/{caseId}/entries"));
            QCOMPARE(o.value(QLatin1String("status")).toInt(), 200);
            QCOMPARE(o.value(QLatin1String("user")).toString(), QStringLiteral("c1"));
            QVERIFY(o.value(QLatin1String("ms")).toDouble() >= 0);
        }
    }
    QVERIFY(found);
}

void TestBackOfficeOps::readinessChecksTheDisk()
{
    const QString data = m_dir.filePath(QStringLiteral("ready"));
    Server roomy;
    QString token;
    QVERIFY(prepare(data, roomy, &token));
    Answer r = call(roomy.port(), "GET", QStringLiteral("/ready"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("status")).toString(), QStringLiteral("ready"));
    for (const char *check : {"database", "schema", "disk"})
        QVERIFY(r.object()
                    .value(QLatin1String("checks"))
                    .toObject()
                    .value(QLatin1String(check))
                    .toObject()
                    .value(QLatin1String("ok"))
                    .toBool());
    roomy.signal(SIGTERM);
    QCOMPARE(roomy.waitExit(20000), 0);
    // No disk has a petabyte free: readiness fails on the disk alone; liveness stays.
    Server starved;
    QVERIFY(starved.start(data, {QStringLiteral("--min-free-mb"), QStringLiteral("1000000000")}));
    r = call(starved.port(), "GET", QStringLiteral("/ready"));
    QCOMPARE(r.status, 503);
    QVERIFY(!r.headers.value("retry-after").isEmpty());
    const QJsonObject checks = r.object().value(QLatin1String("checks")).toObject();
    QCOMPARE(checks.value(QLatin1String("disk")).toObject().value(QLatin1String("ok")).toBool(), false);
    QCOMPARE(checks.value(QLatin1String("database")).toObject().value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(call(starved.port(), "GET", QStringLiteral("/health")).status, 200);
}

void TestBackOfficeOps::sigtermFinishesInFlightWorkAndEndsLongPolls()
{
    const QString data = m_dir.filePath(QStringLiteral("sigterm"));
    auto server = std::make_unique<Server>();
    QString token;
    QVERIFY(prepare(data, *server, &token, {QStringLiteral("--max-connections-per-address"), QStringLiteral("500")}));
    const QByteArray auth = "Bearer " + token.toLatin1();
    // 20 long-polls waiting for events.
    std::vector<std::unique_ptr<QTcpSocket>> polls;
    for (int i = 0; i < 20; ++i) {
        auto s = std::make_unique<QTcpSocket>();
        s->connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(s->waitForConnected(5000));
        s->write(RawHttp::format("GET", "/v1/events?after=0&wait=30", {{"Authorization", auth}}, {}));
        polls.push_back(std::move(s));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        call(server->port(), "GET", QStringLiteral("/metrics")).body.contains("onewindow_long_polls_waiting 20\n"),
        10000);
    // 100 appends sent at once on their own connections (20 entries each), then SIGTERM.
    std::vector<std::unique_ptr<QTcpSocket>> appends;
    QStringList cases;
    for (int i = 0; i < 100; ++i) {
        auto s = std::make_unique<QTcpSocket>();
        s->connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(s->waitForConnected(5000));
        cases.append(QStringLiteral("term-%1").arg(i));
        s->write(RawHttp::format("POST", "/v1/cases/" + cases.last().toLatin1() + "/entries",
            {{"Authorization", auth}, {"Content-Type", "application/json"}},
            QJsonDocument(entries(cases.last(), 1, 20)).toJson(QJsonDocument::Compact)));
        s->flush();
        appends.push_back(std::move(s));
    }
    server->signal(SIGTERM);
    int acknowledged = 0;
    int unanswered = 0;
    int closing = 0; // answered after the signal: Connection: close
    QSet<QString> ackedCases;
    for (int i = 0; i < 100; ++i) {
        const RawResponse r = RawHttp::read(*appends[size_t(i)], 15000);
        if (r.ok && r.status == 200) {
            ++acknowledged;
            ackedCases.insert(cases.at(i));
            closing += r.header("connection").toLower() == "close" ? 1 : 0;
        } else {
            QVERIFY2(!r.ok || r.status == 503, r.body.constData()); // never half an answer or a 500
            ++unanswered;
        }
    }
    int ended = 0;
    for (auto &s : polls) {
        const RawResponse r = RawHttp::read(*s, 15000);
        QVERIFY2(r.ok,
            qPrintable(QStringLiteral("long-poll %1: state %2, %3 bytes; server: %4")
                           .arg(ended)
                           .arg(int(s->state()))
                           .arg(r.body.size())
                           .arg(QString::fromUtf8(server->err().right(500)))));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.header("retry-after").isEmpty());
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("events")).toArray().size(), 0);
        ++ended;
    }
    QCOMPARE(server->waitExit(20000), 0);
    const QByteArray out = server->out();
    QVERIFY2(out.contains("\"event\":\"stopped\""), out.constData());
    qInfo("SIGTERM: %d appends acknowledged (%d of them after the signal, closing), %d not answered (their"
          " connections closed), %d long-polls ended",
        acknowledged, closing, unanswered, ended);
    QVERIFY(acknowledged > 0);
    // Nothing acknowledged is lost.
    server = std::make_unique<Server>();
    QVERIFY(server->start(data));
    for (const QString &caseId : std::as_const(ackedCases)) {
        const Answer c = call(server->port(), "GET", QStringLiteral("/v1/cases/%1").arg(caseId), {},
            {{QByteArrayLiteral("Authorization"), auth}});
        QCOMPARE(c.status, 200);
        QCOMPARE(c.object().value(QLatin1String("applied")).toInt(), 20);
    }
}

void TestBackOfficeOps::connectionsStopBelowTheDescriptorLimit()
{
    if (testOnPostgres())
        QSKIP("The descriptor limit does not depend on the database.");
    // The test itself holds 1,100 sockets: raise its own limit (root may).
    struct rlimit own
    { };
    QVERIFY(::getrlimit(RLIMIT_NOFILE, &own) == 0);
    if (own.rlim_cur < 4096) {
        own.rlim_cur = qMax<rlim_t>(4096, own.rlim_cur);
        own.rlim_max = qMax(own.rlim_max, own.rlim_cur);
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &own) == 0);
    }
    const QString data = m_dir.filePath(QStringLiteral("nofile"));
    QVERIFY(runAdmin(data, {QStringLiteral("list-users")}).exitCode == 0);
    Server server;
    // systemd's default: 1024 descriptors.
    QVERIFY(server.start(
        data, {QStringLiteral("--max-connections-per-address"), QStringLiteral("5000")}, QStringLiteral("1024")));
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 1100; ++i) {
        auto s = std::make_unique<QTcpSocket>();
        s->connectToHost(QHostAddress::LocalHost, server.port());
        sockets.push_back(std::move(s));
        if (i % 50 == 49)
            QTest::qWait(100); // in batches the kernel's accept queue takes: the server sees them all
    }
    QTest::qWait(2000); // let the server take what it will (and, before, run out of descriptors)
    const auto cpuTicks = [&server] {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(server.pid()));
        if (!stat.open(QIODevice::ReadOnly))
            return qint64(-1);
        const QList<QByteArray> fields = stat.readAll().split(')').last().trimmed().split(' ');
        return fields.value(11).toLongLong() + fields.value(12).toLongLong(); // utime + stime
    };
    const qint64 before = cpuTicks();
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(2000);
    const double busy = double(cpuTicks() - before) / double(sysconf(_SC_CLK_TCK)) / (double(clock.elapsed()) / 1000.0);
    qInfo("1,100 connections under RLIMIT_NOFILE 1024: the server used %.0f %% of a core while full", busy * 100);
    QVERIFY2(busy < 0.15, "the server spins at the descriptor limit");
    // Some close; /health answers again on a fresh connection.
    for (int i = 0; i < 400; ++i)
        sockets[size_t(i)]->abort();
    RawResponse health;
    QElapsedTimer waited;
    waited.start();
    // The server notices the closed ones one by one: until then a probe may still get the cap's 503.
    for (int attempt = 0; attempt < 50 && !(health.ok && health.status == 200); ++attempt) {
        if (attempt > 0)
            QTest::qWait(200);
        health = RawHttp::request(server.port(), "GET", "/health", {}, {}, 1000);
    }
    qInfo("/health answered %d after %lld ms", health.status, qint64(waited.elapsed()));
    QVERIFY(health.ok);
    QCOMPARE(health.status, 200);
    QVERIFY(server.out().contains("\"event\":\"accept-paused\""));
}

void TestBackOfficeOps::unfinishedUploadsExpireAndAreCollected()
{
    const QString data = m_dir.filePath(QStringLiteral("expiry"));
    Server server;
    QString token;
    QVERIFY(prepare(data, server, &token, {QStringLiteral("--upload-expiry-seconds"), QStringLiteral("3")}));
    const QByteArray auth = "Bearer " + token.toLatin1();
    const QString caseId = QStringLiteral("expiring");
    QCOMPARE(push(server.port(), token, caseId, entries(caseId, 1, 1)).status, 200);
    const QByteArray bytes(100000, 'x');
    const QString location = createUpload(server.port(), token, caseId, bytes);
    QVERIFY(!location.isEmpty());
    const RawResponse patch = RawHttp::request(server.port(), "PATCH", location.toLatin1(),
        {{"Authorization", auth}, {"Tus-Resumable", "1.0.0"}, {"Content-Type", "application/offset+octet-stream"},
            {"Upload-Offset", "0"}},
        bytes.left(40000));
    QCOMPARE(patch.status, 204);
    // RFC 7231 IMF-fixdate, a few seconds ahead.
    const QByteArray expires = patch.header("upload-expires");
    QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$"))
                 .match(QString::fromLatin1(expires))
                 .hasMatch(),
        expires.constData());
    const RawResponse head = RawHttp::request(
        server.port(), "HEAD", location.toLatin1(), {{"Authorization", auth}, {"Tus-Resumable", "1.0.0"}});
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("upload-expires"), expires);
    const QString part =
        QDir(data).filePath(QStringLiteral("uploads/%1.part").arg(location.section(QLatin1Char('/'), -1)));
    QVERIFY(QFileInfo::exists(part));
    // Nobody touches it: the sweep removes its part, and it is gone for the client.
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(part), 10000);
    const RawResponse gone = RawHttp::request(
        server.port(), "HEAD", location.toLatin1(), {{"Authorization", auth}, {"Tus-Resumable", "1.0.0"}});
    QCOMPARE(gone.status, 410);
    QTRY_VERIFY_WITH_TIMEOUT(server.out().contains("\"event\":\"uploads-expired\""), 5000);
}

void TestBackOfficeOps::fullDiskAnswers507()
{
    // The data folder on a small tmpfs of its own (the tests run as root), filled up.
    const QString data = m_dir.filePath(QStringLiteral("full"));
    QVERIFY(QDir().mkpath(data));
    QVERIFY2(
        ::mount("tmpfs", QFile::encodeName(data).constData(), "tmpfs", 0, "size=24m,mode=0700") == 0, strerror(errno));
    struct Unmount
    {
        QString dir;
        ~Unmount() { ::umount2(QFile::encodeName(dir).constData(), MNT_DETACH); }
    } unmount {data};
    Server server;
    QString token;
    QVERIFY(prepare(data, server, &token, {QStringLiteral("--min-free-mb"), QStringLiteral("1")}));
    const QByteArray auth = "Bearer " + token.toLatin1();
    const QString caseId = QStringLiteral("full-disk");
    QCOMPARE(push(server.port(), token, caseId, entries(caseId, 1, 1)).status, 200);
    const QByteArray bytes(2 * 1024 * 1024, 's');
    const QString location = createUpload(server.port(), token, caseId, bytes);
    QVERIFY(!location.isEmpty());
    QCOMPARE(call(server.port(), "GET", QStringLiteral("/ready")).status, 200);

    QFile filler(QDir(data).filePath(QStringLiteral("filler")));
    QVERIFY(filler.open(QIODevice::WriteOnly));
    const QByteArray block(1024 * 1024, 'f');
    while (filler.write(block) == block.size() && filler.flush()) { }
    filler.close(); // the last partial block is there too: not a byte left

    const RawResponse patch = RawHttp::request(server.port(), "PATCH", location.toLatin1(),
        {{"Authorization", auth}, {"Tus-Resumable", "1.0.0"}, {"Content-Type", "application/offset+octet-stream"},
            {"Upload-Offset", "0"}},
        bytes);
    QCOMPARE(patch.status, 507);
    QCOMPARE(QJsonDocument::fromJson(patch.body).object().value(QLatin1String("error")).toString(),
        QStringLiteral("insufficient-storage"));
    if (!testOnPostgres()) {
        // The database is on the full disk too: a request of 500 entries needs pages it cannot have.
        const Answer a = push(server.port(), token, caseId, entries(caseId, 2, 500));
        QCOMPARE(a.status, 507);
        QCOMPARE(a.object().value(QLatin1String("error")).toString(), QStringLiteral("insufficient-storage"));
    }
    const Answer ready = call(server.port(), "GET", QStringLiteral("/ready"));
    QCOMPARE(ready.status, 503);
    QCOMPARE(ready.object()
                 .value(QLatin1String("checks"))
                 .toObject()
                 .value(QLatin1String("disk"))
                 .toObject()
                 .value(QLatin1String("ok")),
        QJsonValue(false));
    // Room again: the entries are taken.
    QVERIFY(filler.remove());
    QCOMPARE(push(server.port(), token, caseId, entries(caseId, 2, 500)).status, 200);
    server.signal(SIGTERM);
    QCOMPARE(server.waitExit(20000), 0);
}

QTEST_GUILESS_MAIN(TestBackOfficeOps)
#include "tst_backofficeops.moc"
