// The back office and its database's faults, against the real process (label backoffice, and
// `_pg`): input PostgreSQL cannot store (a NUL in a name, in tus metadata, in an entry) is 400 on
// every backend, not 503; on PostgreSQL, the database restarted mid-traffic: 503
// database-unavailable with Retry-After while it is away, /health still answering, and the server
// serving again within 5 s of the database's return without a restart, nothing acknowledged lost.
#include "ApiClient.h"
#include "SignedEntries.h"

#include "onewindow/store/LogEntry.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString kPassword = QStringLiteral("correct horse 9");
const QString kWindow = QStringLiteral("330106-W01");

QJsonObject entry(const QString &caseId, int seq, const QString &how)
{
    ow::store::LogEntry e;
    e.caseId = caseId;
    e.seq = seq;
    e.at = QDateTime(QDate(2026, 12, 7), QTime(2, 0, seq % 60), Qt::UTC);
    e.window = kWindow;
    e.clerk = QStringLiteral("c1");
    if (seq == 1) {
        e.kind = QStringLiteral("started");
        e.payload = {{QStringLiteral("number"), signedentries::numberOf(caseId, kWindow)},
            {QStringLiteral("region"), QStringLiteral("330106")}, {QStringLiteral("window"), kWindow},
            {QStringLiteral("windowName"), QStringLiteral("综合窗口 1")},
            {QStringLiteral("catalogVersion"), QStringLiteral("2026.11")}};
    } else {
        e.kind = QStringLiteral("marked");
        e.payload = {{QStringLiteral("material"), QStringLiteral("m%1").arg(seq)}, {QStringLiteral("how"), how}};
    }
    return e.toJson();
}

QJsonObject loadSpec()
{
    QFile f(QStringLiteral(OW_OPENAPI));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

} // namespace

class TestBackOfficeDbFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nulIsBadInputOnEveryBackend();
    void databaseRestartedMidTraffic();

private:
    QList<QPair<QByteArray, QByteArray>> bearer() const
    {
        return {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_token.toLatin1()}};
    }
    // pg-cluster.sh down|up on the test cluster (the folder of OW_TEST_DB's file).
    static bool cluster(const QString &command, QString *why);

    QTemporaryDir m_dir;
    QString m_data;
    std::unique_ptr<BackOfficeProcess> m_server;
    std::unique_ptr<ApiClient> m_api;
    QString m_token;
};

void TestBackOfficeDbFaults::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QJsonObject spec = loadSpec();
    QVERIFY(!spec.isEmpty());
    m_data = m_dir.filePath(QStringLiteral("data"));
    AdminRun r = runAdmin(m_data,
        {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"), QStringLiteral("--code"),
            QStringLiteral("W01"), QStringLiteral("--name"), QStringLiteral("综合窗口"), QStringLiteral("--kind"),
            QStringLiteral("window")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runAdmin(m_data,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("c1"), QStringLiteral("--role"),
            QStringLiteral("clerk"), QStringLiteral("--window"), kWindow},
        kPassword.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    m_server = std::make_unique<BackOfficeProcess>();
    QVERIFY(m_server->start(m_data));
    m_api = std::make_unique<ApiClient>(spec);
    m_api->setPort(m_server->port());
    const QString enrolled = signedentries::enrol(*m_api, m_data, kWindow);
    QVERIFY2(enrolled.isEmpty(), qPrintable(enrolled));
    const ApiResponse s = m_api->call("POST", QStringLiteral("/v1/sessions"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("c1")}, {QStringLiteral("password"), kPassword}});
    QCOMPARE(s.status, 201);
    m_token = s.object().value(QLatin1String("token")).toString();
}

void TestBackOfficeDbFaults::nulIsBadInputOnEveryBackend()
{
    const QString nul = QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b");
    auto expectBadInput = [](const ApiResponse &r, const char *what) {
        QVERIFY2(r.status == 400,
            qPrintable(
                QStringLiteral("%1: %2 %3").arg(QLatin1String(what)).arg(r.status).arg(QString::fromUtf8(r.raw))));
        QVERIFY2(r.violations.isEmpty(), qPrintable(r.violations.join(QLatin1Char('\n'))));
    };

    // A NUL in a user name at sign-in.
    ApiResponse r = m_api->call("POST", QStringLiteral("/v1/sessions"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("c1") + nul}, {QStringLiteral("password"), kPassword}});
    expectBadInput(r, "sign-in");
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("bad-input"));

    // A NUL in tus metadata (the material's name, kept as text; the file name is not kept).
    const QByteArray sha = QCryptographicHash::hash("x", QCryptographicHash::Sha256).toHex();
    auto headers = bearer();
    headers.append({QByteArrayLiteral("Tus-Resumable"), QByteArrayLiteral("1.0.0")});
    headers.append({QByteArrayLiteral("Upload-Length"), QByteArrayLiteral("1")});
    headers.append({QByteArrayLiteral("Upload-Metadata"),
        "sha256 " + sha.toBase64() + ",filename " + QByteArray("scan.jpg").toBase64() + ",material "
            + nul.toUtf8().toBase64()});
    r = m_api->callRaw("POST", QStringLiteral("/v1/uploads"), QByteArray(), headers);
    expectBadInput(r, "tus creation");
    if (QTest::currentTestFailed())
        return;

    // A NUL in an entry: the case's first request (nothing of it kept), then the case goes on.
    const QString caseId = QStringLiteral("nul-case");
    r = m_api->call("POST", QStringLiteral("/v1/cases/%1/entries").arg(caseId),
        QJsonArray {entry(caseId, 1, QString()), entry(caseId, 2, nul)}, bearer());
    expectBadInput(r, "entries");
    if (QTest::currentTestFailed())
        return;
    r = m_api->call("POST", QStringLiteral("/v1/cases/%1/entries").arg(caseId),
        QJsonArray {entry(caseId, 1, QString()), entry(caseId, 2, QStringLiteral("original"))}, bearer());
    QVERIFY2(r.status == 200, r.raw.constData());
    QCOMPARE(r.object().value(QLatin1String("applied")).toInt(), 2);

    // The server still serves.
    QCOMPARE(m_api->call("GET", QStringLiteral("/health")).status, 200);
}

bool TestBackOfficeDbFaults::cluster(const QString &command, QString *why)
{
    const QString state = QFileInfo(qEnvironmentVariable("OW_TEST_DB")).absolutePath();
    QProcess p;
    p.start(QStringLiteral("sh"), {QStringLiteral(OW_PG_CLUSTER), command, state});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *why = QString::fromUtf8(p.readAllStandardError());
        return false;
    }
    return true;
}

void TestBackOfficeDbFaults::databaseRestartedMidTraffic()
{
    if (!testOnPostgres())
        QSKIP("A database restart is PostgreSQL's (the _pg variant runs it); SQLite is a file of the process.");
    // Traffic: one case after another, entries appended one per request; every acknowledged
    // entry is remembered and must be there at the end.
    QHash<QString, int> acknowledged;
    int caseNo = 0;
    int seq = 0;
    QString caseId;
    int sent = 0;
    auto next = [&] {
        if (seq == 0 || seq == 5) {
            caseId = QStringLiteral("restart-%1").arg(++caseNo);
            seq = 0;
        }
        ++seq;
        ++sent;
        const ApiResponse r = m_api->call("POST", QStringLiteral("/v1/cases/%1/entries").arg(caseId),
            QJsonArray {entry(caseId, seq, QStringLiteral("original"))}, bearer());
        if (r.status == 200) {
            acknowledged[caseId] = seq;
        } else {
            --seq; // sent again on the next request
        }
        return r;
    };
    for (int i = 0; i < 20; ++i) {
        const ApiResponse r = next();
        QVERIFY2(r.status == 200, r.raw.constData());
    }

    // The database goes away while requests keep coming.
    QProcess down;
    down.start(QStringLiteral("sh"),
        {QStringLiteral(OW_PG_CLUSTER), QStringLiteral("down"),
            QFileInfo(qEnvironmentVariable("OW_TEST_DB")).absolutePath()});
    QVERIFY(down.waitForStarted());
    while (down.state() != QProcess::NotRunning) {
        const ApiResponse r = next();
        QVERIFY2(r.status == 200 || r.status == 503, r.raw.constData());
        QVERIFY2(r.violations.isEmpty(), qPrintable(r.violations.join(QLatin1Char('\n'))));
        down.waitForFinished(20);
    }
    QVERIFY2(down.exitCode() == 0, down.readAllStandardError().constData());

    // Away: 503 database-unavailable with Retry-After, at once (no hanging request); /health lives.
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const ApiResponse r = next();
        QVERIFY2(r.status == 503, r.raw.constData());
        QVERIFY2(r.object().value(QLatin1String("error")).toString() == QLatin1String("database-unavailable"),
            qPrintable(m_server->stderrText().right(2000)));
        QVERIFY(!r.headers.value("retry-after").isEmpty());
        QVERIFY2(r.violations.isEmpty(), qPrintable(r.violations.join(QLatin1Char('\n'))));
        QVERIFY2(t.elapsed() < 2000, qPrintable(QStringLiteral("%1 ms").arg(t.elapsed())));
        QCOMPARE(m_api->call("GET", QStringLiteral("/health")).status, 200);
        // Readiness is not liveness: it says the database is away.
        const ApiResponse ready = m_api->call("GET", QStringLiteral("/ready"));
        QVERIFY2(ready.status == 503, ready.raw.constData());
        QVERIFY2(ready.violations.isEmpty(), qPrintable(ready.violations.join(QLatin1Char('\n'))));
        QTest::qWait(100);
    }

    // Back: the same process serves again within 5 s.
    QString why;
    QVERIFY2(cluster(QStringLiteral("up"), &why), qPrintable(why));
    QElapsedTimer back;
    back.start();
    int status = 0;
    while (back.elapsed() < 5000) {
        status = next().status;
        if (status == 200)
            break;
        QTest::qWait(50);
    }
    QVERIFY2(status == 200, qPrintable(QStringLiteral("still %1 after %2 ms").arg(status).arg(back.elapsed())));
    qInfo("served again %lld ms after the database was back", back.elapsed());
    for (int i = 0; i < 20; ++i) {
        const ApiResponse r = next();
        QVERIFY2(r.status == 200, r.raw.constData());
    }
    QVERIFY(sent > 50);
    // Ready again too (its own connection reconnects with the same backoff, at most 1 s apart).
    QElapsedTimer readyAgain;
    readyAgain.start();
    int readyStatus = 0;
    while (readyAgain.elapsed() < 5000 && (readyStatus = m_api->call("GET", QStringLiteral("/ready")).status) != 200)
        QTest::qWait(50);
    QCOMPARE(readyStatus, 200);

    // Nothing acknowledged is lost: every case holds at least what it acknowledged, applied.
    for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
        const ApiResponse r = m_api->call("GET", QStringLiteral("/v1/cases/%1").arg(it.key()), {}, bearer());
        QVERIFY2(r.status == 200, r.raw.constData());
        QVERIFY2(r.object().value(QLatin1String("applied")).toInt() >= it.value(), r.raw.constData());
    }
}

QTEST_GUILESS_MAIN(TestBackOfficeDbFaults)
#include "tst_backofficedbfaults.moc"
