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

#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>

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

private:
    // A fresh data folder with window W01 (enrolled) and clerk c1 on a started server.
    bool prepare(const QString &dataDir, Server &server, QString *token, const QStringList &extra = {});
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

QTEST_GUILESS_MAIN(TestBackOfficeOps)
#include "tst_backofficeops.moc"
