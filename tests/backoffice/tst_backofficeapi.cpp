#include "ApiClient.h"
#include "SignedEntries.h"

#include "onewindow/backoffice/Database.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/Rating.h"
#include "onewindow/receipt/RatingSeal.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/LogEntry.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

#define API_OK(r) QVERIFY2((r).violations.isEmpty(), qPrintable((r).violations.join(QLatin1Char('\n'))))

using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

const QString kPassword = QStringLiteral("correct horse 9");
const QString kW1 = QStringLiteral("330106-W01");
const QString kW2 = QStringLiteral("330106-W02");

QJsonObject loadSpec()
{
    QFile f(QStringLiteral(OW_OPENAPI));
    if (!f.open(QIODevice::ReadOnly))
        return QJsonObject();
    return QJsonDocument::fromJson(f.readAll()).object();
}

Headers bearer(const QString &token)
{
    return {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toLatin1()}};
}

QJsonObject entry(
    const QString &caseId, int seq, const QString &window, const QString &kind, const QJsonObject &payload)
{
    ow::store::LogEntry e;
    e.caseId = caseId;
    e.seq = seq;
    e.at = QDateTime(QDate(2026, 11, 27), QTime(1, 31, seq), Qt::UTC);
    e.window = window;
    e.clerk = window == QLatin1String("330106-W02") ? QStringLiteral("c2") : QStringLiteral("c1"); // its user
    e.kind = kind;
    e.payload = payload;
    return e.toJson();
}

using signedentries::decidedPayload;
using signedentries::numberOf;

QJsonObject started(const QString &caseId, const QString &window)
{
    return entry(caseId, 1, window, QStringLiteral("started"),
        {{QStringLiteral("number"), numberOf(caseId, window)}, {QStringLiteral("region"), QStringLiteral("330106")},
            {QStringLiteral("window"), window.mid(7)}, {QStringLiteral("windowName"), QStringLiteral("综合窗口 1")},
            {QStringLiteral("catalogVersion"), QStringLiteral("2026.11")}});
}

QJsonObject marked(const QString &caseId, int seq, const QString &window, const QString &how)
{
    return entry(caseId, seq, window, QStringLiteral("marked"),
        {{QStringLiteral("material"), QStringLiteral("id-card")}, {QStringLiteral("how"), how}});
}

QList<int> ints(const QJsonValue &v)
{
    QList<int> out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toInt());
    return out;
}

} // namespace

class TestBackOfficeApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void routeTableIsTheFile();
    void servedDescriptionIsTheFile();
    void schemaCheckerCatchesDepartures();
    void everyOperationDescribesTheSharedStatuses();
    void undescribedRoutesAreNotServed();
    void storageIsMigratedSqliteInWal();
    void enrolmentBindsKeyOnce();
    void enrolmentCodeExpires();
    void keyRingHasEtagAndRevocation();
    void adminRefusesBadInput();
    void signInAndOut();
    void missingForgedAndExpiredTokensGet401();
    void wrongPasswordsAreLogged();
    void entriesAreIdempotent();
    void conflictNamesTheDifferingFields();
    void gapIsHeldUntilFilled();
    void badEntriesAreRefused();
    void windowRulesForWriting();
    void roleRulesForReading();
    void concurrentDuplicatesAreAppliedOnce();
    void storageFailureAnswers503();
    void casesSurviveRestart();
    void badOptionsStopTheServer_data();
    void badOptionsStopTheServer();
    void tusUploadsAndBlobs();
    void routingRoutesAnswer();
    void queueRoutesAnswer();
    void supervisorOverviewAnswers();
    void everyOperationWasExercised();
    void cleanupTestCase();

private:
    QString token(const QString &user);
    void restart(qint64 clockShift = 0);

    QJsonObject m_spec;
    std::unique_ptr<ApiClient> m_api;
    QTemporaryDir m_dir;
    std::unique_ptr<BackOfficeProcess> m_server;
    QHash<QString, QString> m_tokens;
    QString m_case; // a case of window 1 with seqs 1–2
    std::optional<ow::receipt::WindowKey> m_w1Key; // window 1's current key
};

void TestBackOfficeApi::initTestCase()
{
    m_spec = loadSpec();
    QVERIFY(!m_spec.isEmpty());
    QCOMPARE(m_spec.value(QLatin1String("openapi")).toString().left(2), QStringLiteral("3."));
    m_api = std::make_unique<ApiClient>(m_spec);
    QVERIFY(m_dir.isValid());
    const QString data = m_dir.filePath(QStringLiteral("data"));
    for (const QString &code : {QStringLiteral("W01"), QStringLiteral("W02")}) {
        const AdminRun r = runAdmin(data,
            {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"),
                QStringLiteral("--code"), code, QStringLiteral("--name"), QStringLiteral("综合窗口"),
                QStringLiteral("--kind"), QStringLiteral("window")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!enrolmentCodeIn(r.out).isEmpty());
    }
    const AdminRun dept =
        runAdmin(data, {QStringLiteral("add-department"), QStringLiteral("amr"), QStringLiteral("市场监督管理局")});
    QVERIFY2(dept.exitCode == 0, qPrintable(dept.err));
    const QList<QStringList> users {
        {QStringLiteral("c1"), QStringLiteral("clerk"), QStringLiteral("--window"), kW1},
        {QStringLiteral("st1"), QStringLiteral("station"), QStringLiteral("--window"), kW1},
        {QStringLiteral("c2"), QStringLiteral("clerk"), QStringLiteral("--window"), kW2},
        {QStringLiteral("sup"), QStringLiteral("supervisor"), QStringLiteral("--windows"), kW1},
        {QStringLiteral("dep"), QStringLiteral("department"), QStringLiteral("--department"), QStringLiteral("amr")},
        {QStringLiteral("adm"), QStringLiteral("admin")},
        {QStringLiteral("slow"), QStringLiteral("clerk"), QStringLiteral("--window"), kW1},
    };
    for (const QStringList &u : users) {
        const AdminRun r = runAdmin(data,
            QStringList {
                QStringLiteral("add-user"), QStringLiteral("--name"), u.at(0), QStringLiteral("--role"), u.at(1)}
                + u.mid(2),
            kPassword.toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    restart();
}

void TestBackOfficeApi::restart(qint64 clockShift)
{
    if (m_server)
        m_server->stop();
    m_server = std::make_unique<BackOfficeProcess>();
    QVERIFY(m_server->start(m_dir.filePath(QStringLiteral("data")), clockShift));
    m_api->setPort(m_server->port());
}

QString TestBackOfficeApi::token(const QString &user)
{
    if (!m_tokens.contains(user)) {
        const ApiResponse r = m_api->call("POST", QStringLiteral("/v1/sessions"),
            QJsonObject {{QStringLiteral("name"), user}, {QStringLiteral("password"), kPassword}});
        if (r.status != 201 || !r.violations.isEmpty())
            qWarning("sign-in of %s: %d %s", qPrintable(user), r.status, r.raw.constData());
        m_tokens.insert(user, r.object().value(QLatin1String("token")).toString());
    }
    return m_tokens.value(user);
}

void TestBackOfficeApi::routeTableIsTheFile()
{
    QProcess p;
    p.start(QStringLiteral(OW_BACKOFFICE), {QStringLiteral("routes")});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 0);
    QSet<QString> served;
    for (const QString &line :
        QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        served.insert(line.trimmed());
    QVERIFY(served.size() >= 9);
    const QSet<QString> described = m_api->operations();
    QVERIFY2((served - described).isEmpty(),
        qPrintable(QStringLiteral("served but not described: ")
            + QStringList((served - described).values()).join(QLatin1Char(','))));
    QVERIFY2((described - served).isEmpty(),
        qPrintable(QStringLiteral("described but not served: ")
            + QStringList((described - served).values()).join(QLatin1Char(','))));
}

void TestBackOfficeApi::servedDescriptionIsTheFile()
{
    const ApiResponse r = m_api->call("GET", QStringLiteral("/v1/openapi.json"));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object(), m_spec);
    const ApiResponse h = m_api->call("GET", QStringLiteral("/health"));
    API_OK(h);
    QCOMPARE(h.object().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    const ApiResponse ready = m_api->call("GET", QStringLiteral("/ready"));
    API_OK(ready);
    QCOMPARE(ready.status, 200);
    QCOMPARE(ready.object().value(QLatin1String("status")).toString(), QStringLiteral("ready"));
    const ApiResponse metrics = m_api->call("GET", QStringLiteral("/metrics"));
    API_OK(metrics);
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.raw.contains("# TYPE onewindow_http_requests_total counter"));
}

void TestBackOfficeApi::schemaCheckerCatchesDepartures()
{
    // The checker must be able to fail, or the other tests prove nothing.
    const QJsonObject errorRef {{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Error")}};
    QVERIFY(m_api
                ->validate(QJsonObject {{QStringLiteral("error"), QStringLiteral("x")},
                               {QStringLiteral("message"), QStringLiteral("y")}},
                    errorRef, QStringLiteral("e"))
                .isEmpty());
    QVERIFY(
        !m_api->validate(QJsonObject {{QStringLiteral("error"), QStringLiteral("x")}}, errorRef, QStringLiteral("e"))
             .isEmpty());
    QVERIFY(!m_api->validate(QJsonArray {}, errorRef, QStringLiteral("e")).isEmpty());
    const QJsonObject user {{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/User")}};
    QJsonObject u {{QStringLiteral("name"), QStringLiteral("a")}, {QStringLiteral("role"), QStringLiteral("clerk")},
        {QStringLiteral("window"), QJsonValue::Null}, {QStringLiteral("department"), QJsonValue::Null}};
    QVERIFY(m_api->validate(u, user, QStringLiteral("u")).isEmpty());
    u.insert(QStringLiteral("role"), QStringLiteral("boss"));
    QVERIFY(!m_api->validate(u, user, QStringLiteral("u")).isEmpty()); // enum
    const QJsonObject ack {{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/EntriesAck")}};
    const QJsonObject a {{QStringLiteral("case"), QStringLiteral("c")}, {QStringLiteral("applied"), 1},
        {QStringLiteral("acknowledged"), QJsonArray {1.5}}, {QStringLiteral("held"), QJsonArray {}}};
    QVERIFY(!m_api->validate(a, ack, QStringLiteral("a")).isEmpty()); // items: integer
    // A log entry: its payload by its kind (oneOf with the discriminator "kind").
    const QJsonObject logEntry {{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/LogEntry")}};
    QJsonObject counted = entry(QStringLiteral("c"), 2, kW1, QStringLiteral("counted"),
        {{QStringLiteral("material"), QStringLiteral("id-card")}, {QStringLiteral("pieces"), 2}});
    QVERIFY(m_api->validate(counted, logEntry, QStringLiteral("l")).isEmpty());
    counted.insert(QStringLiteral("payload"), QJsonObject {{QStringLiteral("material"), QStringLiteral("id-card")}});
    QVERIFY(!m_api->validate(counted, logEntry, QStringLiteral("l")).isEmpty()); // pieces required
    counted.insert(QStringLiteral("kind"), QStringLiteral("teleported"));
    QVERIFY(!m_api->validate(counted, logEntry, QStringLiteral("l")).isEmpty()); // no such kind
    // A shared answer of components/responses is found by its $ref (a 503 has a body).
    const QJsonObject unavailable = m_spec.value(QLatin1String("paths"))
                                        .toObject()
                                        .value(QLatin1String("/v1/cases/{caseId}/entries"))
                                        .toObject()
                                        .value(QLatin1String("post"))
                                        .toObject()
                                        .value(QLatin1String("responses"))
                                        .toObject()
                                        .value(QLatin1String("503"))
                                        .toObject();
    QCOMPARE(unavailable.value(QLatin1String("$ref")).toString(), QStringLiteral("#/components/responses/Unavailable"));
    QVERIFY(m_spec.value(QLatin1String("components"))
                .toObject()
                .value(QLatin1String("responses"))
                .toObject()
                .value(QLatin1String("Unavailable"))
                .toObject()
                .value(QLatin1String("headers"))
                .toObject()
                .contains(QLatin1String("Retry-After")));
}

void TestBackOfficeApi::everyOperationDescribesTheSharedStatuses()
{
    // What the HTTP layer answers before any route (a request it cannot read, a timeout, chunked
    // or unknown transfer codings, too large a body or head, another HTTP version) and the
    // database away can happen to every operation; a full disk to every one that writes.
    const QStringList everywhere {QStringLiteral("400"), QStringLiteral("408"), QStringLiteral("411"),
        QStringLiteral("413"), QStringLiteral("431"), QStringLiteral("501"), QStringLiteral("503"),
        QStringLiteral("505")};
    QStringList missing;
    const QJsonObject paths = m_spec.value(QLatin1String("paths")).toObject();
    for (auto p = paths.begin(); p != paths.end(); ++p) {
        const QJsonObject ops = p.value().toObject();
        for (auto o = ops.begin(); o != ops.end(); ++o) {
            const QJsonObject responses = o.value().toObject().value(QLatin1String("responses")).toObject();
            if (responses.isEmpty())
                continue;
            QStringList wanted = everywhere;
            if (o.key() == QLatin1String("post") || o.key() == QLatin1String("patch")
                || o.key() == QLatin1String("delete") || o.key() == QLatin1String("put"))
                wanted << QStringLiteral("507");
            for (const QString &status : std::as_const(wanted)) {
                if (!responses.contains(status))
                    missing << o.key().toUpper() + QLatin1Char(' ') + p.key() + QLatin1Char(' ') + status;
            }
            // 503 says when to come back.
            QJsonObject unavailable = responses.value(QLatin1String("503")).toObject();
            const QString ref = unavailable.value(QLatin1String("$ref")).toString();
            if (!ref.isEmpty())
                unavailable = m_spec.value(QLatin1String("components"))
                                  .toObject()
                                  .value(QLatin1String("responses"))
                                  .toObject()
                                  .value(ref.section(QLatin1Char('/'), -1))
                                  .toObject();
            if (!unavailable.value(QLatin1String("headers")).toObject().contains(QLatin1String("Retry-After")))
                missing << o.key().toUpper() + QLatin1Char(' ') + p.key() + QStringLiteral(" 503 Retry-After");
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
}

void TestBackOfficeApi::undescribedRoutesAreNotServed()
{
    const QStringList probes {QStringLiteral("/"), QStringLiteral("/v1"), QStringLiteral("/v1/windows"),
        QStringLiteral("/v1/users"), QStringLiteral("/admin"), QStringLiteral("/metricsx"),
        QStringLiteral("/v1/sessions/other"), QStringLiteral("/v1/cases/x/entries/1"), QStringLiteral("/health/x"),
        QStringLiteral("/v1/events/x"), QStringLiteral("/files"), QStringLiteral("/v1/keyring/x")};
    for (const QString &path : probes) {
        for (const QByteArray &method : {QByteArrayLiteral("GET"), QByteArrayLiteral("POST")}) {
            const ApiResponse r = m_api->call(method, path);
            API_OK(r);
            QCOMPARE(r.status, 404);
            QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("not-found"));
        }
    }
    // Every described path with every method it does not describe: 405 with Allow.
    const QJsonObject paths = m_spec.value(QLatin1String("paths")).toObject();
    for (auto p = paths.begin(); p != paths.end(); ++p) {
        QString concrete = p.key();
        concrete.replace(QStringLiteral("{caseId}"), QStringLiteral("some-case"));
        for (const QByteArray &method : {QByteArrayLiteral("GET"), QByteArrayLiteral("POST"), QByteArrayLiteral("PUT"),
                 QByteArrayLiteral("PATCH"), QByteArrayLiteral("DELETE")}) {
            if (p.value().toObject().contains(QString::fromLatin1(method).toLower()))
                continue;
            const ApiResponse r = m_api->call(method, concrete);
            API_OK(r);
            QCOMPARE(r.status, 405);
            QVERIFY(!r.headers.value("allow").isEmpty());
        }
    }
}

void TestBackOfficeApi::storageIsMigratedSqliteInWal()
{
    // On SQLite (the default) a private file in WAL mode; on PostgreSQL (OW_TEST_DB) the same
    // migrations and rows in the test's own database.
    const QString data = m_dir.filePath(QStringLiteral("data"));
    const QString path = QDir(data).filePath(QStringLiteral("backoffice.sqlite"));
    QCOMPARE(QFile::exists(path), !testOnPostgres());
    if (!testOnPostgres())
        QCOMPARE(QFile::permissions(path) & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
    {
        QSqlDatabase db = openTestDatabase(data, QStringLiteral("peek"));
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        if (!testOnPostgres()) {
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        }
        QVERIFY(q.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations")) && q.next());
        QCOMPARE(q.value(0).toInt(), ow::backoffice::Database::latestSchemaVersion());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM users")) && q.next());
        QCOMPARE(q.value(0).toInt(), 7);
        // Passwords are stored as slow salted hashes only.
        QVERIFY(q.exec(QStringLiteral("SELECT password_hash FROM users")));
        while (q.next()) {
            const QString h = q.value(0).toString();
            QVERIFY(h.startsWith(QLatin1String("pbkdf2-sha256$")));
            QVERIFY(h.section(QLatin1Char('$'), 1, 1).toInt() >= 200000);
            QVERIFY(!h.contains(kPassword));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    const ApiResponse h = m_api->call("GET", QStringLiteral("/health"));
    API_OK(h);
    QCOMPARE(h.object().value(QLatin1String("schema")).toInt(), ow::backoffice::Database::latestSchemaVersion());
}

void TestBackOfficeApi::enrolmentBindsKeyOnce()
{
    const QString data = m_dir.filePath(QStringLiteral("data"));
    const AdminRun made = runAdmin(data, {QStringLiteral("new-code"), QStringLiteral("--window"), kW1});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const QString code = enrolmentCodeIn(made.out);
    QVERIFY(!code.isEmpty());
    auto key = ow::receipt::WindowKey::generate(kW1);
    QVERIFY(key);
    const QString pub = QString::fromLatin1(key->publicKey().toBase64());
    auto enrol = [this](const QString &c, const QString &keyId, const QString &p) {
        return m_api->call("POST", QStringLiteral("/v1/enrol"),
            QJsonObject {
                {QStringLiteral("code"), c}, {QStringLiteral("keyId"), keyId}, {QStringLiteral("publicKey"), p}});
    };
    ApiResponse r = enrol(QStringLiteral("AAAAA-BBBBB-CCCCC"), kW1, pub);
    API_OK(r);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("enrolment-code-invalid"));
    r = enrol(code, kW1, QStringLiteral("c2hvcnQ="));
    API_OK(r);
    QCOMPARE(r.status, 400);
    r = enrol(code, kW2, pub); // the code is for window 1
    API_OK(r);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("key-id-mismatch"));
    r = m_api->call("POST", QStringLiteral("/v1/enrol"), QJsonObject {{QStringLiteral("code"), code}});
    API_OK(r);
    QCOMPARE(r.status, 400);
    r = enrol(code.toLower().remove(QLatin1Char('-')), kW1, pub); // typed loosely: same code
    API_OK(r);
    QCOMPARE(r.status, 201);
    m_w1Key = key.value();
    QCOMPARE(r.object().value(QLatin1String("keyId")).toString(), kW1);
    QCOMPARE(r.object().value(QLatin1String("window")).toObject().value(QLatin1String("code")).toString(),
        QStringLiteral("W01"));
    r = enrol(code, kW1, pub); // single use
    API_OK(r);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("enrolment-code-used"));
    // A second code while the window has a current key: refused until the key is revoked.
    const QString second =
        enrolmentCodeIn(runAdmin(data, {QStringLiteral("new-code"), QStringLiteral("--window"), kW1}).out);
    auto other = ow::receipt::WindowKey::generate(kW1);
    QVERIFY(other);
    r = enrol(second, kW1, QString::fromLatin1(other->publicKey().toBase64()));
    API_OK(r);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("window-already-enrolled"));

    // The ring now has the key, in receipt::KeyRing's format.
    r = m_api->call("GET", QStringLiteral("/v1/keyring?region=330106"));
    API_OK(r);
    QCOMPARE(r.status, 200);
    auto ring = ow::receipt::KeyRing::fromJson(r.raw);
    QVERIFY2(ring, qPrintable(ring.error()));
    QVERIFY(ring->contains(kW1));
    QVERIFY(!ring->contains(kW2));
    r = m_api->call("GET", QStringLiteral("/v1/keyring?region=110101"));
    API_OK(r);
    QVERIFY(r.object().value(QLatin1String("keys")).toObject().isEmpty());
}

void TestBackOfficeApi::enrolmentCodeExpires()
{
    const QString data = m_dir.filePath(QStringLiteral("data"));
    // Issued 100 hours ago (the admin's clock shifted back), valid 72 h: expired now.
    const AdminRun made =
        runAdmin(data, {QStringLiteral("new-code"), QStringLiteral("--window"), kW2}, {}, -100 * 3600);
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    auto key = ow::receipt::WindowKey::generate(kW2);
    QVERIFY(key);
    const ApiResponse r = m_api->call("POST", QStringLiteral("/v1/enrol"),
        QJsonObject {{QStringLiteral("code"), enrolmentCodeIn(made.out)}, {QStringLiteral("keyId"), kW2},
            {QStringLiteral("publicKey"), QString::fromLatin1(key->publicKey().toBase64())}});
    API_OK(r);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("enrolment-code-expired"));
    // A fresh code enrols window 2: its clerk may push from then on.
    const QString fresh =
        enrolmentCodeIn(runAdmin(data, {QStringLiteral("new-code"), QStringLiteral("--window"), kW2}).out);
    const ApiResponse ok = m_api->call("POST", QStringLiteral("/v1/enrol"),
        QJsonObject {{QStringLiteral("code"), fresh}, {QStringLiteral("keyId"), kW2},
            {QStringLiteral("publicKey"), QString::fromLatin1(key->publicKey().toBase64())}});
    API_OK(ok);
    QCOMPARE(ok.status, 201);
}

void TestBackOfficeApi::keyRingHasEtagAndRevocation()
{
    ApiResponse r = m_api->call("GET", QStringLiteral("/v1/keyring"));
    API_OK(r);
    QCOMPARE(r.status, 200);
    const QByteArray etag = r.headers.value("etag");
    QVERIFY(etag.startsWith('"'));
    r = m_api->call(
        "GET", QStringLiteral("/v1/keyring"), QJsonValue::Undefined, {{QByteArrayLiteral("If-None-Match"), etag}});
    API_OK(r);
    QCOMPARE(r.status, 304);
    QVERIFY(r.raw.isEmpty());
    QCOMPARE(r.headers.value("etag"), etag);
    r = m_api->call("GET", QStringLiteral("/v1/keyring"), QJsonValue::Undefined,
        {{QByteArrayLiteral("If-None-Match"), QByteArrayLiteral("\"stale\"")}});
    API_OK(r);
    QCOMPARE(r.status, 200);

    const QString before = token(QStringLiteral("c1"));
    QCOMPARE(
        m_api->call("GET", QStringLiteral("/v1/sessions/current"), QJsonValue::Undefined, bearer(before)).status, 200);
    const AdminRun revoked = runAdmin(
        m_dir.filePath(QStringLiteral("data")), {QStringLiteral("revoke-key"), QStringLiteral("--window"), kW1});
    QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err));
    // The window's sessions ended with its key.
    ApiResponse ended =
        m_api->call("GET", QStringLiteral("/v1/sessions/current"), QJsonValue::Undefined, bearer(before));
    API_OK(ended);
    QCOMPARE(ended.status, 401);
    m_tokens.clear();
    r = m_api->call(
        "GET", QStringLiteral("/v1/keyring"), QJsonValue::Undefined, {{QByteArrayLiteral("If-None-Match"), etag}});
    API_OK(r);
    QCOMPARE(r.status, 200); // changed
    QVERIFY(r.headers.value("etag") != etag);
    auto ring = ow::receipt::KeyRing::fromJson(r.raw);
    QVERIFY(ring);
    QVERIFY(!ring->contains(kW1)); // a revoked key stops verifying
    const QJsonArray list = r.object().value(QLatin1String("revoked")).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(QLatin1String("keyId")).toString(), kW1);

    // After revocation the window enrols a new key with a new code.
    const QString code = enrolmentCodeIn(
        runAdmin(m_dir.filePath(QStringLiteral("data")), {QStringLiteral("new-code"), QStringLiteral("--window"), kW1})
            .out);
    auto key = ow::receipt::WindowKey::generate(kW1);
    QVERIFY(key);
    r = m_api->call("POST", QStringLiteral("/v1/enrol"),
        QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("keyId"), kW1},
            {QStringLiteral("publicKey"), QString::fromLatin1(key->publicKey().toBase64())}});
    API_OK(r);
    QCOMPARE(r.status, 201);
    r = m_api->call("GET", QStringLiteral("/v1/keyring"));
    ring = ow::receipt::KeyRing::fromJson(r.raw);
    QVERIFY(ring && ring->contains(kW1));
    m_w1Key = key.value();
    // A receipt signed with the new key verifies against the published ring.
    auto sig = key->sign(QByteArrayLiteral("message"));
    QVERIFY(sig);
    const QByteArray published =
        QByteArray::fromBase64(r.object().value(QLatin1String("keys")).toObject().value(kW1).toString().toLatin1());
    QVERIFY(ow::receipt::KeyRing::verifySignature(published, QByteArrayLiteral("message"), *sig));
}

void TestBackOfficeApi::adminRefusesBadInput()
{
    const QString data = m_dir.filePath(QStringLiteral("data"));
    AdminRun r = runAdmin(data,
        {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("33010"), QStringLiteral("--code"),
            QStringLiteral("W09"), QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--kind"),
            QStringLiteral("window")});
    QCOMPARE(r.exitCode, 1);
    r = runAdmin(data,
        {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"), QStringLiteral("--code"),
            QStringLiteral("W01"), QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--kind"),
            QStringLiteral("window")});
    QCOMPARE(r.exitCode, 1); // exists
    QVERIFY(r.err.contains(QLatin1String("already exists")));
    r = runAdmin(data,
        {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"), QStringLiteral("--code"),
            QStringLiteral("S01"), QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--kind"),
            QStringLiteral("kiosk")});
    QCOMPARE(r.exitCode, 1);
    r = runAdmin(data,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("nowin"), QStringLiteral("--role"),
            QStringLiteral("clerk")},
        kPassword.toUtf8() + '\n');
    QCOMPARE(r.exitCode, 1); // a clerk needs a window
    r = runAdmin(data,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("short"), QStringLiteral("--role"),
            QStringLiteral("admin")},
        QByteArrayLiteral("abc\n"));
    QCOMPARE(r.exitCode, 1); // password too short
    r = runAdmin(data, {QStringLiteral("frobnicate")});
    QCOMPARE(r.exitCode, 2);
}

void TestBackOfficeApi::signInAndOut()
{
    ApiResponse r = m_api->call("POST", QStringLiteral("/v1/sessions"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("c1")}, {QStringLiteral("password"), kPassword}});
    API_OK(r);
    QCOMPARE(r.status, 201);
    const QString t = r.object().value(QLatin1String("token")).toString();
    QVERIFY(t.size() >= 40);
    r = m_api->call("GET", QStringLiteral("/v1/sessions/current"), QJsonValue::Undefined, bearer(t));
    API_OK(r);
    QCOMPARE(r.status, 200);
    const QJsonObject user = r.object().value(QLatin1String("user")).toObject();
    QCOMPARE(user.value(QLatin1String("role")).toString(), QStringLiteral("clerk"));
    QCOMPARE(user.value(QLatin1String("window")).toString(), kW1);
    r = m_api->call("DELETE", QStringLiteral("/v1/sessions/current"), QJsonValue::Undefined, bearer(t));
    API_OK(r);
    QCOMPARE(r.status, 204);
    r = m_api->call("GET", QStringLiteral("/v1/sessions/current"), QJsonValue::Undefined, bearer(t));
    API_OK(r);
    QCOMPARE(r.status, 401); // signed out
    r = m_api->call("DELETE", QStringLiteral("/v1/sessions/current"), QJsonValue::Undefined, bearer(t));
    API_OK(r);
    QCOMPARE(r.status, 401);
    // Malformed sign-ins.
    r = m_api->callRaw("POST", QStringLiteral("/v1/sessions"), QByteArrayLiteral("{\"name\": "));
    API_OK(r);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("invalid-json"));
    r = m_api->call(
        "POST", QStringLiteral("/v1/sessions"), QJsonObject {{QStringLiteral("name"), QStringLiteral("c1")}});
    API_OK(r);
    QCOMPARE(r.status, 400);
    r = m_api->call("POST", QStringLiteral("/v1/sessions"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("nobody")}, {QStringLiteral("password"), kPassword}});
    API_OK(r);
    QCOMPARE(r.status, 401);
}

void TestBackOfficeApi::missingForgedAndExpiredTokensGet401()
{
    const QString valid = token(QStringLiteral("c1"));
    QVERIFY(!valid.isEmpty());
    const QString path = QStringLiteral("/v1/sessions/current");
    ApiResponse r = m_api->call("GET", path);
    API_OK(r);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("unauthorized"));
    QString forged = valid;
    forged[5] = forged.at(5) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    for (const Headers &h : {bearer(forged), bearer(QString()),
             Headers {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Basic YzE6eA==")}},
             bearer(QStringLiteral("x").repeated(43))}) {
        r = m_api->call("GET", path, QJsonValue::Undefined, h);
        API_OK(r);
        QCOMPARE(r.status, 401);
        r = m_api->call("GET", QStringLiteral("/v1/cases/some-case"), QJsonValue::Undefined, h);
        API_OK(r);
        QCOMPARE(r.status, 401);
    }
    r = m_api->call("GET", path, QJsonValue::Undefined, bearer(valid));
    QCOMPARE(r.status, 200);
    // Two hours later (tokens live 60 minutes) the same token has expired.
    restart(2 * 3600);
    r = m_api->call("GET", path, QJsonValue::Undefined, bearer(valid));
    API_OK(r);
    QCOMPARE(r.status, 401);
    QVERIFY(r.object().value(QLatin1String("message")).toString().contains(QLatin1String("expired")));
    r = m_api->call("POST",
        QStringLiteral("/v1/cases/") + QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("/entries"),
        QJsonArray {started(QStringLiteral("x"), kW1)}, bearer(valid));
    API_OK(r);
    QCOMPARE(r.status, 401);
    restart();
    m_tokens.clear();
}

void TestBackOfficeApi::wrongPasswordsAreLogged()
{
    // (Throttling per address and per name: tst_backofficesignin.)
    const QJsonObject wrong {{QStringLiteral("name"), QStringLiteral("slow")},
        {QStringLiteral("password"), QStringLiteral("wrong password")}};
    const QJsonObject right {{QStringLiteral("name"), QStringLiteral("slow")}, {QStringLiteral("password"), kPassword}};
    ApiResponse r = m_api->call("POST", QStringLiteral("/v1/sessions"), wrong);
    API_OK(r);
    QCOMPARE(r.status, 401);
    const QByteArray wrongAnswer = r.raw;
    // One typo does not keep the clerk out.
    r = m_api->call("POST", QStringLiteral("/v1/sessions"), right);
    API_OK(r);
    QCOMPARE(r.status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->stderrText().contains(QLatin1String("wrong password for user slow")), 5000);
    // A name that is no user's gets the same answer, and is logged only as a digest.
    r = m_api->call("POST", QStringLiteral("/v1/sessions"),
        QJsonObject {
            {QStringLiteral("name"), QStringLiteral("no-such-clerk")}, {QStringLiteral("password"), kPassword}});
    API_OK(r);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.raw, wrongAnswer);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->stderrText().contains(QLatin1String("no such user for user ?")), 5000);
    QVERIFY(!m_server->stderrText().contains(QLatin1String("no-such-clerk")));
    {
        QSqlDatabase db = openTestDatabase(m_dir.filePath(QStringLiteral("data")), QStringLiteral("audit"));
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        QVERIFY(
            q.exec(QStringLiteral("SELECT COUNT(*) FROM audit WHERE actor = 'slow' AND action = 'sign-in-failed'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit WHERE actor LIKE '%no-such-clerk%'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit WHERE actor LIKE '?%' AND action = 'sign-in-failed'"))
            && q.next());
        QVERIFY(q.value(0).toInt() >= 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("audit"));
    m_tokens.clear();
}

void TestBackOfficeApi::entriesAreIdempotent()
{
    m_case = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString path = QStringLiteral("/v1/cases/%1/entries").arg(m_case);
    const QJsonArray batch {started(m_case, kW1), marked(m_case, 2, kW1, QStringLiteral("original"))};
    ApiResponse r = m_api->call("POST", path, batch, bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(ints(r.object().value(QLatin1String("acknowledged"))), (QList<int> {1, 2}));
    QCOMPARE(r.object().value(QLatin1String("applied")).toInt(), 2);
    const QJsonObject first = r.object();
    // The same entries again (also from the window's station): the same answer, nothing twice.
    r = m_api->call("POST", path, batch, bearer(token(QStringLiteral("st1"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object(), first);
    r = m_api->call("POST", path, QJsonArray {batch.at(1)}, bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(ints(r.object().value(QLatin1String("acknowledged"))), QList<int> {2});
    r = m_api->call(
        "GET", QStringLiteral("/v1/cases/") + m_case, QJsonValue::Undefined, bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    const QJsonArray entries = r.object().value(QLatin1String("entries")).toArray();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).toObject(), batch.at(0).toObject()); // exactly LogEntry::toJson()
    QCOMPARE(entries.at(1).toObject(), batch.at(1).toObject());
    QCOMPARE(r.object().value(QLatin1String("window")).toString(), kW1);
}

void TestBackOfficeApi::conflictNamesTheDifferingFields()
{
    const QString path = QStringLiteral("/v1/cases/%1/entries").arg(m_case);
    QJsonObject changed = marked(m_case, 2, kW1, QStringLiteral("copy"));
    changed.insert(QStringLiteral("at"), QStringLiteral("2026-11-27T02:00:00.000Z"));
    const QJsonObject third = marked(m_case, 3, kW1, QStringLiteral("copy"));
    ApiResponse r = m_api->call("POST", path, QJsonArray {changed, third}, bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("entry-conflict"));
    const QJsonArray conflicts =
        r.object().value(QLatin1String("details")).toObject().value(QLatin1String("conflicts")).toArray();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts.at(0).toObject().value(QLatin1String("seq")).toInt(), 2);
    QCOMPARE(conflicts.at(0).toObject().value(QLatin1String("fields")).toArray(),
        (QJsonArray {QStringLiteral("at"), QStringLiteral("payload.how")}));
    // With what the back office holds, so the window can show the difference.
    const QJsonObject stored = conflicts.at(0).toObject().value(QLatin1String("stored")).toObject();
    QCOMPARE(stored.value(QLatin1String("seq")).toInt(), 2);
    QVERIFY(stored.value(QLatin1String("at")).toString() != changed.value(QLatin1String("at")).toString());
    QCOMPARE(stored.value(QLatin1String("kind")).toString(), changed.value(QLatin1String("kind")).toString());
    QVERIFY(stored.value(QLatin1String("payload")).toObject() != changed.value(QLatin1String("payload")).toObject());
    // Nothing of that request was stored: seq 3 is not there, seq 2 is the original.
    r = m_api->call(
        "GET", QStringLiteral("/v1/cases/") + m_case, QJsonValue::Undefined, bearer(token(QStringLiteral("c1"))));
    QCOMPARE(r.object().value(QLatin1String("applied")).toInt(), 2);
    QCOMPARE(r.object()
                 .value(QLatin1String("entries"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QLatin1String("payload"))
                 .toObject()
                 .value(QLatin1String("how"))
                 .toString(),
        QStringLiteral("original"));
}

void TestBackOfficeApi::gapIsHeldUntilFilled()
{
    const QString path = QStringLiteral("/v1/cases/%1/entries").arg(m_case);
    const QString t = token(QStringLiteral("c1"));
    const QJsonObject e4 = entry(m_case, 4, kW1, QStringLiteral("pickup"), {{QStringLiteral("courier"), true}});
    const QJsonObject e5 = entry(m_case, 5, kW1, QStringLiteral("answered"),
        {{QStringLiteral("question"), QStringLiteral("area")}, {QStringLiteral("value"), 120}});
    ApiResponse r = m_api->call("POST", path, QJsonArray {e5, e4}, bearer(t));
    API_OK(r);
    QCOMPARE(r.status, 202);
    QCOMPARE(ints(r.object().value(QLatin1String("held"))), (QList<int> {4, 5}));
    QVERIFY(r.object().value(QLatin1String("acknowledged")).toArray().isEmpty());
    QCOMPARE(r.object().value(QLatin1String("applied")).toInt(), 2);
    r = m_api->call("POST", path, QJsonArray {e4}, bearer(t)); // again: still held, not stored twice
    API_OK(r);
    QCOMPARE(r.status, 202);
    r = m_api->call("GET", QStringLiteral("/v1/cases/") + m_case, QJsonValue::Undefined, bearer(t));
    API_OK(r);
    QCOMPARE(r.object().value(QLatin1String("entries")).toArray().size(), 2);
    QCOMPARE(ints(r.object().value(QLatin1String("held"))), (QList<int> {4, 5}));
    // A held entry with other content is a conflict too.
    QJsonObject e4b = e4;
    e4b.insert(QStringLiteral("clerk"), QStringLiteral("st1")); // a colleague at the same window
    r = m_api->call("POST", path, QJsonArray {e4b}, bearer(t));
    API_OK(r);
    QCOMPARE(r.status, 409);
    // The gap fills: 3, 4 and 5 are applied, once.
    r = m_api->call("POST", path, QJsonArray {marked(m_case, 3, kW1, QStringLiteral("copy"))}, bearer(t));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("applied")).toInt(), 5);
    QCOMPARE(ints(r.object().value(QLatin1String("acknowledged"))), QList<int> {3});
    r = m_api->call("POST", path, QJsonArray {e4, e5}, bearer(t));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(ints(r.object().value(QLatin1String("acknowledged"))), (QList<int> {4, 5}));
    r = m_api->call("GET", QStringLiteral("/v1/cases/") + m_case, QJsonValue::Undefined, bearer(t));
    const QJsonArray entries = r.object().value(QLatin1String("entries")).toArray();
    QCOMPARE(entries.size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(entries.at(i).toObject().value(QLatin1String("seq")).toInt(), i + 1);
    QVERIFY(r.object().value(QLatin1String("held")).toArray().isEmpty());
}

void TestBackOfficeApi::badEntriesAreRefused()
{
    const QString t = token(QStringLiteral("c1"));
    const QString other = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString path = QStringLiteral("/v1/cases/%1/entries").arg(other);
    QJsonObject noKind = started(other, kW1);
    noKind.remove(QStringLiteral("kind"));
    QJsonObject unknownKind = marked(other, 2, kW1, QStringLiteral("copy"));
    unknownKind.insert(QStringLiteral("kind"), QStringLiteral("teleported"));
    QJsonObject fractional = marked(other, 2, kW1, QStringLiteral("copy"));
    fractional.insert(QStringLiteral("seq"), 2.5);
    QJsonObject extra = started(other, kW1);
    extra.insert(QStringLiteral("sneaky"), true);
    const QList<QJsonValue> bad {QJsonArray {}, QJsonObject {}, QJsonArray {1}, QJsonArray {noKind},
        QJsonArray {unknownKind}, QJsonArray {fractional}, QJsonArray {extra},
        QJsonArray {started(QStringLiteral("another-case"), kW1)}, // case field ≠ path
        QJsonArray {marked(other, 1, kW1, QStringLiteral("copy"))}}; // seq 1 is "started"
    for (const QJsonValue &body : bad) {
        const ApiResponse r = m_api->call("POST", path, body, bearer(t));
        API_OK(r);
        QCOMPARE(r.status, 400);
    }
    ApiResponse r = m_api->callRaw("POST", path, QByteArrayLiteral("[{\"case\":"), bearer(t));
    API_OK(r);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("invalid-json"));
    r = m_api->call("POST", QStringLiteral("/v1/cases/bad%20id/entries"),
        QJsonArray {started(QStringLiteral("bad id"), kW1)}, bearer(t));
    API_OK(r);
    QCOMPARE(r.status, 400);
    r = m_api->call("GET", QStringLiteral("/v1/cases/") + other, QJsonValue::Undefined, bearer(t));
    API_OK(r);
    QCOMPARE(r.status, 404); // nothing of the refused requests was stored
    QJsonArray tooMany;
    for (int i = 1; i <= 1001; ++i)
        tooMany.append(i == 1 ? started(other, kW1) : marked(other, i, kW1, QStringLiteral("copy")));
    r = m_api->call("POST", path, tooMany, bearer(t));
    API_OK(r);
    QCOMPARE(r.status, 413);
}

void TestBackOfficeApi::windowRulesForWriting()
{
    const QString path = QStringLiteral("/v1/cases/%1/entries").arg(m_case);
    // Window 2's clerk can write neither as window 1 nor into window 1's case.
    ApiResponse r = m_api->call(
        "POST", path, QJsonArray {marked(m_case, 6, kW1, QStringLiteral("copy"))}, bearer(token(QStringLiteral("c2"))));
    API_OK(r);
    QCOMPARE(r.status, 403);
    r = m_api->call(
        "POST", path, QJsonArray {marked(m_case, 6, kW2, QStringLiteral("copy"))}, bearer(token(QStringLiteral("c2"))));
    API_OK(r);
    QCOMPARE(r.status, 403);
    // Window 1's clerk cannot send entries that say another window wrote them.
    r = m_api->call(
        "POST", path, QJsonArray {marked(m_case, 6, kW2, QStringLiteral("copy"))}, bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.status, 403);
    // Supervisors, departments and admins record no case entries.
    for (const QString &user : {QStringLiteral("sup"), QStringLiteral("dep"), QStringLiteral("adm")}) {
        r = m_api->call("POST", path, QJsonArray {marked(m_case, 6, kW1, QStringLiteral("copy"))}, bearer(token(user)));
        API_OK(r);
        QCOMPARE(r.status, 403);
    }
    r = m_api->call("POST", path, QJsonArray {marked(m_case, 6, kW1, QStringLiteral("copy"))});
    API_OK(r);
    QCOMPARE(r.status, 401);
    // Nothing of that reached the case.
    r = m_api->call(
        "GET", QStringLiteral("/v1/cases/") + m_case, QJsonValue::Undefined, bearer(token(QStringLiteral("c1"))));
    QCOMPARE(r.object().value(QLatin1String("applied")).toInt(), 5);
    QVERIFY(r.object().value(QLatin1String("held")).toArray().isEmpty());
    // Window 2's own case is fine for window 2.
    const QString own = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r = m_api->call("POST", QStringLiteral("/v1/cases/%1/entries").arg(own), QJsonArray {started(own, kW2)},
        bearer(token(QStringLiteral("c2"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
}

void TestBackOfficeApi::roleRulesForReading()
{
    const QString path = QStringLiteral("/v1/cases/") + m_case;
    struct Rule
    {
        QString user;
        int status;
    };
    const QList<Rule> rules {{QStringLiteral("c1"), 200}, {QStringLiteral("st1"), 200}, {QStringLiteral("sup"), 200},
        {QStringLiteral("adm"), 200}, {QStringLiteral("c2"), 403}, {QStringLiteral("dep"), 403}};
    for (const Rule &rule : rules) {
        const ApiResponse r = m_api->call("GET", path, QJsonValue::Undefined, bearer(token(rule.user)));
        API_OK(r);
        QVERIFY2(r.status == rule.status, qPrintable(rule.user + QStringLiteral(": ") + QString::number(r.status)));
        if (rule.status == 403)
            QVERIFY(!r.raw.contains("payload")); // not a word of the case
    }
    ApiResponse r = m_api->call(
        "GET", QStringLiteral("/v1/cases/no-such-case"), QJsonValue::Undefined, bearer(token(QStringLiteral("sup"))));
    API_OK(r);
    QCOMPARE(r.status, 404);
    // A supervisor reads people masked unless revealed; the case's own clerk reads them as written.
    r = m_api->call("GET", path, QJsonValue::Undefined, bearer(token(QStringLiteral("sup"))));
    API_OK(r);
    QCOMPARE(r.object().value(QLatin1String("masked")).toBool(), true);
    QCOMPARE(r.headers.value("cache-control"), QByteArray("no-store"));
    r = m_api->call(
        "GET", path + QStringLiteral("?reveal=1"), QJsonValue::Undefined, bearer(token(QStringLiteral("sup"))));
    API_OK(r);
    QCOMPARE(r.object().value(QLatin1String("masked")).toBool(), false);
    r = m_api->call(
        "GET", path + QStringLiteral("?reveal=yes"), QJsonValue::Undefined, bearer(token(QStringLiteral("sup"))));
    API_OK(r);
    QCOMPARE(r.status, 400);
    r = m_api->call("GET", path, QJsonValue::Undefined, bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.object().value(QLatin1String("masked")).toBool(), false);
    // The ID-number search: supervisors and admins only.
    for (const Rule &rule : {Rule {QStringLiteral("sup"), 200}, Rule {QStringLiteral("adm"), 200},
             Rule {QStringLiteral("c1"), 403}, Rule {QStringLiteral("dep"), 403}}) {
        r = m_api->call("GET", QStringLiteral("/v1/cases?idNumber=33010619900101123X"), QJsonValue::Undefined,
            bearer(token(rule.user)));
        API_OK(r);
        QVERIFY2(r.status == rule.status, qPrintable(rule.user + QStringLiteral(": ") + QString::number(r.status)));
    }
    r = m_api->call("GET", QStringLiteral("/v1/cases"), QJsonValue::Undefined, bearer(token(QStringLiteral("adm"))));
    API_OK(r);
    QCOMPARE(r.status, 400);
    r = m_api->call("GET", QStringLiteral("/v1/cases?idNumber=1"), QJsonValue::Undefined);
    API_OK(r);
    QCOMPARE(r.status, 401);
}

void TestBackOfficeApi::concurrentDuplicatesAreAppliedOnce()
{
    // Twenty clients at once send the same entries, in both orders: every answer is 200 or 202,
    // and the case holds each entry once.
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonArray forward {
        started(id, kW1), marked(id, 2, kW1, QStringLiteral("copy")), marked(id, 3, kW1, QStringLiteral("original"))};
    const QJsonArray backward {forward.at(2), forward.at(1)};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->port());
    url.setPath(QStringLiteral("/v1/cases/%1/entries").arg(id));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Authorization"), bearer(token(QStringLiteral("c1"))).at(0).second);
    QNetworkAccessManager nam;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 20; ++i)
        replies.append(nam.post(request, QJsonDocument(i % 2 ? backward : forward).toJson(QJsonDocument::Compact)));
    for (QNetworkReply *reply : replies) {
        if (!reply->isFinished()) {
            QSignalSpy done(reply, &QNetworkReply::finished);
            QVERIFY(done.wait(30000));
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QVERIFY2(
            status == 200 || status == 202, qPrintable(QString::number(status) + QString::fromUtf8(reply->readAll())));
        reply->deleteLater();
    }
    const ApiResponse r = m_api->call(
        "GET", QStringLiteral("/v1/cases/") + id, QJsonValue::Undefined, bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.object().value(QLatin1String("entries")).toArray(), forward);
    QCOMPARE(r.object().value(QLatin1String("applied")).toInt(), 3);
}

void TestBackOfficeApi::storageFailureAnswers503()
{
    // Another writer holds the database past the server's busy timeout: the server answers 503
    // in the one error shape, keeps nothing half-done, and the retry goes through.
    const QString t = token(QStringLiteral("c1"));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString path = QStringLiteral("/v1/cases/%1/entries").arg(id);
    {
        QSqlDatabase db = openTestDatabase(m_dir.filePath(QStringLiteral("data")), QStringLiteral("lock"));
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        if (testOnPostgres()) // past the server's lock_timeout
            QVERIFY(
                q.exec(QStringLiteral("BEGIN")) && q.exec(QStringLiteral("LOCK TABLE cases IN ACCESS EXCLUSIVE MODE")));
        else // past the server's busy timeout
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        const ApiResponse r = m_api->call("POST", path, QJsonArray {started(id, kW1)}, bearer(t));
        API_OK(r);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("storage-unavailable"));
        QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("lock"));
    const ApiResponse r = m_api->call("POST", path, QJsonArray {started(id, kW1)}, bearer(t));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(ints(r.object().value(QLatin1String("acknowledged"))), QList<int> {1});
}

void TestBackOfficeApi::casesSurviveRestart()
{
    restart();
    m_tokens.clear();
    const ApiResponse r = m_api->call(
        "GET", QStringLiteral("/v1/cases/") + m_case, QJsonValue::Undefined, bearer(token(QStringLiteral("adm"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("entries")).toArray().size(), 5);
}

void TestBackOfficeApi::badOptionsStopTheServer_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("token minutes 0") << QStringList {QStringLiteral("--token-minutes"), QStringLiteral("0")};
    QTest::newRow("token minutes text") << QStringList {QStringLiteral("--token-minutes"), QStringLiteral("soon")};
    QTest::newRow("port too big") << QStringList {QStringLiteral("--port"), QStringLiteral("70000")};
    QTest::newRow("bind not an address") << QStringList {QStringLiteral("--bind"), QStringLiteral("localhost:1")};
}

void TestBackOfficeApi::badOptionsStopTheServer()
{
    QFETCH(QStringList, args);
    QProcess p;
    p.start(QStringLiteral(OW_BACKOFFICE),
        QStringList {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("other"))} + args);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(!p.readAllStandardError().isEmpty());
}

void TestBackOfficeApi::tusUploadsAndBlobs()
{
    // The tus routes as the file describes them (tst_backofficetus does the protocol in depth).
    const QByteArray blob = QByteArray("scanned page ") + QUuid::createUuid().toByteArray();
    const QByteArray sha = QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toHex();
    const Headers tus {{QByteArrayLiteral("Tus-Resumable"), QByteArrayLiteral("1.0.0")}};
    const Headers c1 = bearer(token(QStringLiteral("c1"))) + tus;
    const QByteArray meta = "sha256 " + sha.toBase64() + ",filename " + QByteArray("page.jpg").toBase64() + ",case "
        + m_case.toUtf8().toBase64();

    ApiResponse r = m_api->callRaw("OPTIONS", QStringLiteral("/v1/uploads"), {});
    API_OK(r);
    QCOMPARE(r.status, 204);
    QCOMPARE(r.headers.value("tus-version"), QByteArray("1.0.0"));
    QCOMPARE(r.headers.value("tus-checksum-algorithm"), QByteArray("sha1,sha256"));
    QCOMPARE(r.headers.value("tus-extension"), QByteArray("creation,checksum,expiration,termination"));
    QVERIFY(r.headers.value("tus-max-size").toLongLong() > 0);

    const auto create = [&](const Headers &extra) {
        return m_api->callRaw("POST", QStringLiteral("/v1/uploads"), {}, c1 + extra);
    };
    r = m_api->callRaw("POST", QStringLiteral("/v1/uploads"), {}, bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.status, 412);
    QCOMPARE(r.headers.value("tus-version"), QByteArray("1.0.0"));
    r = create({{"Upload-Length", "1099511627776000"}, {"Upload-Metadata", meta}});
    API_OK(r);
    QCOMPARE(r.status, 413);
    r = create({{"Upload-Length", QByteArray::number(blob.size())}, {"Upload-Metadata", "filename eA=="}});
    API_OK(r);
    QCOMPARE(r.status, 400);
    r = m_api->callRaw("POST", QStringLiteral("/v1/uploads"), {},
        bearer(token(QStringLiteral("sup"))) + tus + Headers {{"Upload-Length", "1"}, {"Upload-Metadata", meta}});
    API_OK(r);
    QCOMPARE(r.status, 403);
    r = create({{"Upload-Length", QByteArray::number(blob.size())}, {"Upload-Metadata", meta}});
    API_OK(r);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.headers.value("tus-resumable"), QByteArray("1.0.0"));
    QCOMPARE(r.headers.value("upload-offset"), QByteArray("0"));
    const QString location = QString::fromLatin1(r.headers.value("location"));
    QVERIFY(location.startsWith(QLatin1String("/v1/uploads/")));
    QVERIFY(!r.headers.value("upload-expires").isEmpty());

    // tus termination: an upload ended by its window is gone (410) and its part removed.
    r = create({{"Upload-Length", QByteArray::number(blob.size())}, {"Upload-Metadata", meta}});
    API_OK(r);
    QCOMPARE(r.status, 201);
    const QString terminated = QString::fromLatin1(r.headers.value("location"));
    r = m_api->callRaw("DELETE", terminated, {}, c1);
    API_OK(r);
    QCOMPARE(r.status, 204);
    r = m_api->callRaw("HEAD", terminated, {}, c1);
    API_OK(r);
    QCOMPARE(r.status, 410);
    r = m_api->callRaw("DELETE", terminated, {}, c1);
    API_OK(r);
    QCOMPARE(r.status, 410);
    r = m_api->callRaw("DELETE", QStringLiteral("/v1/uploads/nope"), {}, c1);
    API_OK(r);
    QCOMPARE(r.status, 404);

    r = m_api->callRaw("HEAD", location, {}, c1);
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.headers.value("upload-offset"), QByteArray("0"));
    QCOMPARE(r.headers.value("upload-length"), QByteArray::number(blob.size()));
    QCOMPARE(r.headers.value("cache-control"), QByteArray("no-store"));
    r = m_api->callRaw("HEAD", QStringLiteral("/v1/uploads/nope"), {}, c1);
    API_OK(r);
    QCOMPARE(r.status, 404);

    const Headers octets {{"Content-Type", "application/offset+octet-stream"}};
    const QByteArray first = blob.left(5);
    r = m_api->callRaw("PATCH", location, first, c1 + Headers {{"Upload-Offset", "0"}});
    API_OK(r);
    QCOMPARE(r.status, 415);
    r = m_api->callRaw("PATCH", location, first, c1 + octets + Headers {{"Upload-Offset", "3"}});
    API_OK(r);
    QCOMPARE(r.status, 409);
    r = m_api->callRaw(
        "PATCH", location, first, c1 + octets + Headers {{"Upload-Offset", "0"}, {"Upload-Checksum", "md5 AAAA"}});
    API_OK(r);
    QCOMPARE(r.status, 400);
    r = m_api->callRaw("PATCH", location, first,
        c1 + octets
            + Headers {{"Upload-Offset", "0"},
                {"Upload-Checksum", "sha1 " + QCryptographicHash::hash("other", QCryptographicHash::Sha1).toBase64()}});
    API_OK(r);
    QCOMPARE(r.status, 460);
    r = m_api->callRaw("PATCH", location, first,
        c1 + octets
            + Headers {{"Upload-Offset", "0"},
                {"Upload-Checksum", "sha1 " + QCryptographicHash::hash(first, QCryptographicHash::Sha1).toBase64()}});
    API_OK(r);
    QCOMPARE(r.status, 204);
    QCOMPARE(r.headers.value("upload-offset"), QByteArray("5"));
    r = m_api->callRaw("PATCH", location, blob.mid(5), c1 + octets + Headers {{"Upload-Offset", "5"}});
    API_OK(r);
    QCOMPARE(r.status, 204);
    QCOMPARE(r.headers.value("upload-offset"), QByteArray::number(blob.size()));

    const QString blobPath = QStringLiteral("/v1/blobs/") + QString::fromLatin1(sha);
    r = m_api->callRaw("GET", blobPath, {}, bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.raw, blob);
    r = m_api->callRaw("HEAD", blobPath, {}, bearer(token(QStringLiteral("sup"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.headers.value("content-length"), QByteArray::number(blob.size()));
    r = m_api->callRaw("GET", blobPath, {}, bearer(token(QStringLiteral("c2"))));
    API_OK(r);
    QCOMPARE(r.status, 404);
    // A department reads blobs of cases routed to it only (this case is not routed).
    r = m_api->callRaw("GET", blobPath, {}, bearer(token(QStringLiteral("dep"))));
    API_OK(r);
    QCOMPARE(r.status, 404);
    r = m_api->callRaw("GET", QStringLiteral("/v1/blobs/xyz"), {}, bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.status, 400);
    r = m_api->callRaw("GET", blobPath, {});
    API_OK(r);
    QCOMPARE(r.status, 401);

    // The same blob again: uploaded again from 0 (its bytes prove possession; nothing tells it is
    // stored, nor its length, even for a wrong one).
    r = create({{"Upload-Length", QByteArray::number(blob.size())}, {"Upload-Metadata", meta}});
    API_OK(r);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.headers.value("upload-offset"), QByteArray("0"));
    QCOMPARE(r.object().value(QLatin1String("complete")).toBool(), false);
    r = create({{"Upload-Length", QByteArray::number(blob.size() + 1)}, {"Upload-Metadata", meta}});
    API_OK(r);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.headers.value("upload-offset"), QByteArray("0"));
}

void TestBackOfficeApi::routingRoutesAnswer()
{
    // The routing routes in short (tst_backofficerouting tests them in depth): reference data, an
    // accepted case routed to department amr, its decision and result, the window's events.
    const QString data = m_dir.filePath(QStringLiteral("data"));
    QFile demo(QStringLiteral(OW_DEMO_CATALOG));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(demo.readAll(), QCryptographicHash::Sha256).toHex());
    AdminRun a = runAdmin(data, {QStringLiteral("add-catalogue"), QStringLiteral(OW_DEMO_CATALOG)});
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    a = runAdmin(data, {QStringLiteral("set-calendar"), QStringLiteral(OW_CALENDAR_DIR "/2026.json")});
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    for (const QString &path :
        {QStringLiteral("/v1/catalogues"), QStringLiteral("/v1/catalogues/") + sha, QStringLiteral("/v1/calendar")}) {
        const ApiResponse r = m_api->call("GET", path);
        API_OK(r);
        QCOMPARE(r.status, 200);
    }
    const QString caseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(m_w1Key);
    const QJsonArray log {started(caseId, kW1),
        entry(caseId, 2, kW1, QStringLiteral("chosen"),
            {{QStringLiteral("bundle"), QString()},
                {QStringLiteral("matters"), QJsonArray {QStringLiteral("330106-XK-AMR-003")}},
                {QStringLiteral("catalog"),
                    QJsonObject {{QStringLiteral("version"), QStringLiteral("2026.11-demo")},
                        {QStringLiteral("sha256"), sha}}}}),
        entry(caseId, 3, kW1, QStringLiteral("decided"), decidedPayload(caseId, numberOf(caseId, kW1), *m_w1Key))};
    ApiResponse r = m_api->call(
        "POST", QStringLiteral("/v1/cases/%1/entries").arg(caseId), log, bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    r = m_api->call("GET", QStringLiteral("/v1/departments/amr/items"), QJsonValue::Undefined,
        bearer(token(QStringLiteral("dep"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QString item;
    for (const QJsonValue &v : r.object().value(QLatin1String("items")).toArray()) {
        if (v.toObject().value(QLatin1String("case")).toString() == caseId)
            item = v.toObject().value(QLatin1String("item")).toString();
    }
    QVERIFY(!item.isEmpty());

    // A scan of the routed case: the department it is routed to reads it.
    const QByteArray scan = QByteArray("routed scan ") + caseId.toUtf8();
    const QByteArray scanSha = QCryptographicHash::hash(scan, QCryptographicHash::Sha256).toHex();
    const Headers tus = bearer(token(QStringLiteral("c1"))) + Headers {{"Tus-Resumable", "1.0.0"}};
    r = m_api->callRaw("POST", QStringLiteral("/v1/uploads"), {},
        tus
            + Headers {{"Upload-Length", QByteArray::number(scan.size())},
                {"Upload-Metadata", "sha256 " + scanSha.toBase64() + ",case " + caseId.toUtf8().toBase64()}});
    API_OK(r);
    QCOMPARE(r.status, 201);
    r = m_api->callRaw("PATCH", QString::fromLatin1(r.headers.value("location")), scan,
        tus + Headers {{"Upload-Offset", "0"}, {"Content-Type", "application/offset+octet-stream"}});
    API_OK(r);
    QCOMPARE(r.status, 204);
    r = m_api->callRaw(
        "GET", QStringLiteral("/v1/blobs/") + QString::fromLatin1(scanSha), {}, bearer(token(QStringLiteral("dep"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.raw, scan);

    r = m_api->call("POST", QStringLiteral("/v1/items/%1/decision").arg(item),
        QJsonObject {{QStringLiteral("outcome"), QStringLiteral("approved")}}, bearer(token(QStringLiteral("dep"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    r = m_api->call("POST", QStringLiteral("/v1/items/%1/ready").arg(item), QJsonValue::Undefined,
        bearer(token(QStringLiteral("dep"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    r = m_api->call("GET", QStringLiteral("/v1/events"), QJsonValue::Undefined, bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QStringList types;
    for (const QJsonValue &e : r.object().value(QLatin1String("events")).toArray()) {
        if (e.toObject().value(QLatin1String("case")).toString() == caseId)
            types << e.toObject().value(QLatin1String("type")).toString();
    }
    QCOMPARE(types,
        (QStringList {QStringLiteral("confirmed"), QStringLiteral("routed"), QStringLiteral("decided"),
            QStringLiteral("ready"), QStringLiteral("handout")}));

    // The applicant's bad rating, sealed to the key ring's rating key (issue 22; tst_backofficehandout
    // walks it): the supervisor's routes and the rated clerk's appeal.
    r = m_api->call("GET", QStringLiteral("/v1/keyring"));
    const auto ring = ow::receipt::KeyRing::fromJson(r.raw);
    QVERIFY(ring && ring->ratingKey().size() == 32);
    ow::receipt::Rating rating;
    rating.caseId = caseId;
    rating.service = QStringLiteral("handout");
    rating.level = ow::receipt::Rating::Level::Dissatisfied;
    rating.reasons = {QStringLiteral("efficiency")};
    rating.at = QDateTime::currentDateTimeUtc();
    r = m_api->call("POST", QStringLiteral("/v1/cases/%1/entries").arg(caseId),
        QJsonArray {entry(caseId, 4, kW1, QStringLiteral("rated"),
            {{QStringLiteral("service"), QStringLiteral("handout")},
                {QStringLiteral("sealed"), ow::receipt::RatingSeal::seal(rating, ring->ratingKey()).value()}})},
        bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    const QString sup = token(QStringLiteral("sup"));
    for (const QString &path : {QStringLiteral("/v1/ratings"), QStringLiteral("/v1/ratings/tasks")}) {
        r = m_api->call("GET", path, QJsonValue::Undefined, bearer(sup));
        API_OK(r);
        QCOMPARE(r.status, 200);
    }
    const QString ratingId =
        r.object().value(QLatin1String("tasks")).toArray().at(0).toObject().value(QLatin1String("rating")).toString();
    r = m_api->call("POST", QStringLiteral("/v1/ratings/%1/callback").arg(ratingId),
        QJsonObject {{QStringLiteral("outcome"), QStringLiteral("unreachable")}}, bearer(sup));
    API_OK(r);
    QCOMPARE(r.status, 200);
    r = m_api->call("POST", QStringLiteral("/v1/cases/%1/ratings/4/appeal").arg(caseId),
        QJsonObject {{QStringLiteral("reason"), QStringLiteral("not my service")}},
        bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.status, 201);
    const QString appeal = r.object().value(QLatin1String("appeal")).toString();
    r = m_api->call("GET", QStringLiteral("/v1/ratings/appeals"), QJsonValue::Undefined, bearer(sup));
    API_OK(r);
    QCOMPARE(r.status, 200);
    r = m_api->call("POST", QStringLiteral("/v1/ratings/appeals/%1/decision").arg(appeal),
        QJsonObject {{QStringLiteral("decision"), QStringLiteral("upheld")}}, bearer(sup));
    API_OK(r);
    QCOMPARE(r.status, 200);

    // An acceptance whose log names no catalogue is kept (held as unroutable), not refused for ever.
    const QString bare = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonArray bareLog {started(bare, kW1),
        entry(bare, 2, kW1, QStringLiteral("decided"), decidedPayload(bare, numberOf(bare, kW1), *m_w1Key))};
    r = m_api->call(
        "POST", QStringLiteral("/v1/cases/%1/entries").arg(bare), bareLog, bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("applied")).toInt(), 2);
}

void TestBackOfficeApi::queueRoutesAnswer()
{
    // The hall's queue in short (tst_queue tests it in depth): a hall with W01, a kiosk, an
    // appointment of today; issue, check in, call, act, the log, the follow page, the display's
    // calls and a station's pushed queue.
    const QString data = m_dir.filePath(QStringLiteral("data"));
    QFile hall(m_dir.filePath(QStringLiteral("hall.json")));
    QVERIFY(hall.open(QIODevice::WriteOnly));
    hall.write(R"({"hall": "H1", "name": "一楼大厅", "settings": {"recallDelay": 0, "noShowAfterCalls": 1},
        "categories": [{"code": "business", "name": "商事登记", "letter": "A"}],
        "windows": [{"window": "330106-W01", "categories": ["business"]},
                    {"window": "330106-W02", "categories": ["business"]}]})");
    hall.close();
    AdminRun a = runAdmin(data, {QStringLiteral("set-hall"), hall.fileName()});
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    a = runAdmin(data,
        {QStringLiteral("add-hall-device"), QStringLiteral("--hall"), QStringLiteral("H1"), QStringLiteral("--kind"),
            QStringLiteral("kiosk"), QStringLiteral("--name"), QStringLiteral("k1")});
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    const QString kiosk =
        a.out.mid(a.out.indexOf(QLatin1String("token: ")) + 7).section(QLatin1Char('\n'), 0, 0).trimmed();
    a = runAdmin(data,
        {QStringLiteral("add-appointment"), QStringLiteral("--hall"), QStringLiteral("H1"),
            QStringLiteral("--category"), QStringLiteral("business"), QStringLiteral("--slot"),
            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    const QString appointment = a.out.section(QLatin1Char(' '), 1).trimmed();
    const Headers c1 = bearer(token(QStringLiteral("c1")));
    const Headers device = bearer(kiosk);
    ApiResponse r = m_api->call("GET", QStringLiteral("/v1/halls/H1"), QJsonValue::Undefined, device);
    API_OK(r);
    QCOMPARE(r.status, 200);
    r = m_api->call("POST", QStringLiteral("/v1/halls/H1/tickets"),
        QJsonObject {{QStringLiteral("category"), QStringLiteral("business")}}, device);
    API_OK(r);
    QCOMPARE(r.status, 201);
    r = m_api->call(
        "POST", QStringLiteral("/v1/halls/H1/appointments/%1/check-in").arg(appointment), QJsonObject(), device);
    API_OK(r);
    QCOMPARE(r.status, 201);
    // The on-time appointment first: recall, serve, park, resume, transfer to W02, whose clerk
    // calls it and marks it no-show; then the kiosk's ticket at W01, done.
    const auto act = [&](const Headers &who, const QString &id, const QString &action, const QJsonObject &body) {
        const ApiResponse answer = m_api->call("POST", QStringLiteral("/v1/tickets/%1/%2").arg(id, action), body, who);
        if (answer.status != 200 || !answer.violations.isEmpty())
            qWarning() << action << answer.status << answer.raw << answer.violations;
        return answer.status == 200 && answer.violations.isEmpty();
    };
    r = m_api->call("POST", QStringLiteral("/v1/windows/330106-W01/calls"), QJsonValue::Undefined, c1);
    API_OK(r);
    QCOMPARE(r.status, 200);
    const QString ticket = r.object().value(QLatin1String("id")).toString();
    QCOMPARE(r.object().value(QLatin1String("source")).toString(), QStringLiteral("appointment"));
    for (const QString &action :
        {QStringLiteral("recall"), QStringLiteral("serve"), QStringLiteral("park"), QStringLiteral("resume")})
        QVERIFY(act(c1, ticket, action, QJsonObject()));
    QVERIFY(act(c1, ticket, QStringLiteral("transfer"), QJsonObject {{QStringLiteral("toWindow"), kW2}}));
    const Headers c2 = bearer(token(QStringLiteral("c2")));
    r = m_api->call("POST", QStringLiteral("/v1/windows/330106-W02/calls"), QJsonValue::Undefined, c2);
    QCOMPARE(r.object().value(QLatin1String("id")).toString(), ticket);
    QVERIFY(act(c2, ticket, QStringLiteral("no-show"), QJsonObject()));
    r = m_api->call("POST", QStringLiteral("/v1/windows/330106-W01/calls"), QJsonValue::Undefined, c1);
    QCOMPARE(r.status, 200);
    QVERIFY(act(c1, r.object().value(QLatin1String("id")).toString(), QStringLiteral("done"), QJsonObject()));
    r = m_api->call("POST", QStringLiteral("/v1/windows/330106-W01/calls"), QJsonValue::Undefined, c1);
    API_OK(r);
    QCOMPARE(r.status, 204);
    r = m_api->call("GET", QStringLiteral("/v1/halls/H1/queue"), QJsonValue::Undefined, c1);
    API_OK(r);
    QCOMPARE(r.status, 200);
    r = m_api->call("GET", QStringLiteral("/v1/tickets/") + ticket, QJsonValue::Undefined, c1);
    API_OK(r);
    QCOMPARE(r.status, 200);
    r = m_api->call("GET", QStringLiteral("/v1/tickets/%1/follow").arg(ticket));
    API_OK(r);
    QCOMPARE(r.status, 200);
    r = m_api->call("GET", QStringLiteral("/v1/halls/H1/events?after=0&wait=1"), QJsonValue::Undefined, device);
    API_OK(r);
    QCOMPARE(r.status, 200);
    // The tickets that started to wait (the appointment checked in, the kiosk's), then call,
    // recall, resume, transfer (W01), call (W02), call (W01).
    QStringList types;
    for (const QJsonValue &e : r.object().value(QLatin1String("events")).toArray())
        types << e.toObject().value(QLatin1String("type")).toString();
    QCOMPARE(types,
        (QStringList {QStringLiteral("issue"), QStringLiteral("issue"), QStringLiteral("call"),
            QStringLiteral("recall"), QStringLiteral("resume"), QStringLiteral("transfer"), QStringLiteral("call"),
            QStringLiteral("call")}));
    // A long-poll with nothing new answers an empty page of the same shape.
    r = m_api->call("GET",
        QStringLiteral("/v1/halls/H1/events?wait=1&after=")
            + QString::number(r.object().value(QLatin1String("cursor")).toInteger()),
        QJsonValue::Undefined, device);
    API_OK(r);
    QCOMPARE(r.status, 200);
    const QJsonObject stationTicket {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("number"), QStringLiteral("W01-001")}, {QStringLiteral("hall"), kW1},
        {QStringLiteral("category"), QStringLiteral("social")}, {QStringLiteral("source"), QStringLiteral("station")},
        {QStringLiteral("issuedAt"), QStringLiteral("2026-12-07T01:00:00.000Z")}};
    r = m_api->call("POST", QStringLiteral("/v1/windows/%1/tickets").arg(kW1),
        QJsonObject {{QStringLiteral("tickets"), QJsonArray {stationTicket}},
            {QStringLiteral("events"),
                QJsonArray {QJsonObject {{QStringLiteral("ticket"), stationTicket.value(QLatin1String("id"))},
                    {QStringLiteral("seq"), 1}, {QStringLiteral("kind"), QStringLiteral("issued")},
                    {QStringLiteral("at"), QStringLiteral("2026-12-07T01:00:00.000Z")}, {QStringLiteral("window"), kW1},
                    {QStringLiteral("clerk"), QStringLiteral("st1")}, {QStringLiteral("data"), QJsonObject()}}}}},
        bearer(token(QStringLiteral("st1"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    // An ID card with no appointment today (the kiosk's card read): 404 no-appointment, no ticket.
    r = m_api->call("POST", QStringLiteral("/v1/halls/H1/appointments/check-in"),
        QJsonObject {{QStringLiteral("idNumber"), QStringLiteral("11010519491231002X")}}, device);
    API_OK(r);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json.toObject().value(QLatin1String("error")).toString(), QStringLiteral("no-appointment"));
    // The holder's appointment booked by ID number (its blind index), then found by the card.
    a = runAdmin(data,
        {QStringLiteral("add-appointment"), QStringLiteral("--hall"), QStringLiteral("H1"),
            QStringLiteral("--category"), QStringLiteral("business"), QStringLiteral("--slot"),
            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), QStringLiteral("--id-number")},
        QByteArrayLiteral("11010519491231002X\n"));
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    r = m_api->call("POST", QStringLiteral("/v1/halls/H1/appointments/check-in"),
        QJsonObject {{QStringLiteral("idNumber"), QStringLiteral("11010519491231002X")}}, device);
    API_OK(r);
    QCOMPARE(r.status, 201);
}

void TestBackOfficeApi::supervisorOverviewAnswers()
{
    // After the routing and queue walks: items routed, a bad rating, tickets called (issue 24;
    // tst_supervisor checks the figures).
    const QString sup = token(QStringLiteral("sup"));
    auto r = m_api->call("GET", QStringLiteral("/v1/supervisor/overview"), QJsonValue::Undefined, bearer(sup));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QVERIFY(!r.object().value(QLatin1String("windows")).toArray().isEmpty());
    r = m_api->call("GET", QStringLiteral("/v1/supervisor/overview?from=2026-01-01&to=2026-01-31"),
        QJsonValue::Undefined, bearer(token(QStringLiteral("adm"))));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("daily")).toArray().size(), 31);
    r = m_api->call("GET", QStringLiteral("/v1/supervisor/overview?from=2026-02-01&to=2026-01-31"),
        QJsonValue::Undefined, bearer(sup));
    API_OK(r);
    QCOMPARE(r.status, 400);
    r = m_api->call(
        "GET", QStringLiteral("/v1/supervisor/overview"), QJsonValue::Undefined, bearer(token(QStringLiteral("c1"))));
    API_OK(r);
    QCOMPARE(r.status, 403);
    r = m_api->call("GET", QStringLiteral("/v1/supervisor/overview"));
    API_OK(r);
    QCOMPARE(r.status, 401);
}

void TestBackOfficeApi::everyOperationWasExercised()
{
    const QSet<QString> missing = m_api->operations() - m_api->succeeded();
    QVERIFY2(missing.isEmpty(), qPrintable(QStringList(missing.values()).join(QLatin1Char(','))));
}

void TestBackOfficeApi::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

QTEST_GUILESS_MAIN(TestBackOfficeApi)
#include "tst_backofficeapi.moc"
