// tus 1.0 (core, creation, checksum) against a real onewindow-backoffice process, with a raw
// client written from the protocol text (RawHttp), a SIGKILL in the middle of a PATCH, and — when
// curl is installed — an upload with plain curl commands.
#include "ApiClient.h"
#include "RawHttp.h"
#include "SignedEntries.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

namespace {

const QByteArray kPassword("tus clerk password 1");
constexpr qint64 kBlobBytes = 20 * 1024 * 1024;

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray out(size, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    rng.fillRange(reinterpret_cast<quint32 *>(out.data()), size / 4);
    return out;
}

} // namespace

class TestBackOfficeTus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void discoveryAndPreconditions();
    void resumesAfterTheServerIsKilledMidPatch();
    void wrongPatchChecksumKeepsNothing();
    void wrongFinalSha256DiscardsTheUpload();
    void killedBeforeStoringIsStoredOnHead();
    void killedBeforeStoringWithWrongBytesIsDiscarded();
    void storedBlobIsUploadedAgainWithoutDisclosure();
    void anotherWindowsScanIsUnreadableByAnyRoute();
    void curlFollowsTheSpec();
    void cleanupTestCase();

private:
    void startServer();
    RawHeaders tus(const RawHeaders &more = {}) const;
    // POST /v1/uploads; the upload's path ("" on failure).
    // For case m_case (the window's own) unless `caseId` names another ("-": none).
    QByteArray create(qint64 length, const QByteArray &sha, RawResponse *out = nullptr, const QByteArray &token = {},
        const QByteArray &caseId = {});
    // A window's case, begun with a "started" entry: blobs are read through a case.
    void startCase(const QByteArray &token, const QString &caseId, const QString &window);
    QByteArray signIn(const QByteArray &name, const QByteArray &password);
    RawResponse patch(const QByteArray &path, qint64 offset, const QByteArray &bytes, const QByteArray &checksum = {});
    qint64 offsetOf(const QByteArray &path);
    // The state a SIGKILL leaves between the last byte written and the blob stored: the upload's
    // part file holds every byte, the upload is still open. Returns the upload's path.
    QByteArray killedWithAllBytes(const QByteArray &data, const QByteArray &sha);

    QTemporaryDir m_dir;
    std::unique_ptr<BackOfficeProcess> m_server;
    QByteArray m_token;
    QByteArray m_case = "tus-case-1";
    QByteArray m_blob; // 20 MB, uploaded in the kill test
};

void TestBackOfficeTus::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString data = m_dir.filePath(QStringLiteral("data"));
    AdminRun r = runAdmin(data,
        {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"), QStringLiteral("--code"),
            QStringLiteral("W01"), QStringLiteral("--name"), QStringLiteral("窗口"), QStringLiteral("--kind"),
            QStringLiteral("window")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runAdmin(data,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("c1"), QStringLiteral("--role"),
            QStringLiteral("clerk"), QStringLiteral("--window"), QStringLiteral("330106-W01")},
        kPassword + '\n');
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    startServer();
    const RawResponse s = RawHttp::request(m_server->port(), "POST", "/v1/sessions",
        {{"Content-Type", "application/json"}}, "{\"name\":\"c1\",\"password\":\"" + kPassword + "\"}");
    QVERIFY(s.ok);
    QCOMPARE(s.status, 201);
    m_token = QJsonDocument::fromJson(s.body).object().value(QLatin1String("token")).toString().toLatin1();
    QVERIFY(!m_token.isEmpty());
    // The window enrols its key: it may upload from then on.
    QString why;
    const QJsonObject enrolment = signedentries::enrolment(data, QStringLiteral("330106-W01"), &why);
    QVERIFY2(!enrolment.isEmpty(), qPrintable(why));
    const RawResponse enrolled = RawHttp::request(m_server->port(), "POST", "/v1/enrol",
        {{"Content-Type", "application/json"}}, QJsonDocument(enrolment).toJson(QJsonDocument::Compact));
    QCOMPARE(enrolled.status, 201);
    startCase(m_token, QString::fromLatin1(m_case), QStringLiteral("330106-W01"));
    m_blob = randomBytes(kBlobBytes, 0x75u);
}

void TestBackOfficeTus::startServer()
{
    m_server = std::make_unique<BackOfficeProcess>();
    QVERIFY(m_server->start(m_dir.filePath(QStringLiteral("data")), 0,
        {QStringLiteral("--tus-max-size"), QString::number(64 * 1024 * 1024)}));
}

RawHeaders TestBackOfficeTus::tus(const RawHeaders &more) const
{
    return RawHeaders {{"Tus-Resumable", "1.0.0"}, {"Authorization", "Bearer " + m_token}} + more;
}

QByteArray TestBackOfficeTus::signIn(const QByteArray &name, const QByteArray &password)
{
    const RawResponse s = RawHttp::request(m_server->port(), "POST", "/v1/sessions",
        {{"Content-Type", "application/json"}}, "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}");
    return QJsonDocument::fromJson(s.body).object().value(QLatin1String("token")).toString().toLatin1();
}

void TestBackOfficeTus::startCase(const QByteArray &token, const QString &caseId, const QString &window)
{
    const QJsonObject started {{QStringLiteral("case"), caseId}, {QStringLiteral("seq"), 1},
        {QStringLiteral("at"), QStringLiteral("2026-03-02T09:00:00.000Z")}, {QStringLiteral("window"), window},
        {QStringLiteral("clerk"), QStringLiteral("c")}, {QStringLiteral("kind"), QStringLiteral("started")},
        {QStringLiteral("payload"),
            QJsonObject {{QStringLiteral("number"), signedentries::numberOf(caseId, window)},
                {QStringLiteral("region"), QStringLiteral("330106")}, {QStringLiteral("window"), window},
                {QStringLiteral("windowName"), QStringLiteral("综合窗口")},
                {QStringLiteral("catalogVersion"), QStringLiteral("2026.11")}}}};
    const RawResponse r = RawHttp::request(m_server->port(), "POST", "/v1/cases/" + caseId.toLatin1() + "/entries",
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}},
        QJsonDocument(QJsonArray {started}).toJson(QJsonDocument::Compact));
    QVERIFY2(r.status == 200, r.body.constData());
}

QByteArray TestBackOfficeTus::create(
    qint64 length, const QByteArray &sha, RawResponse *out, const QByteArray &token, const QByteArray &caseId)
{
    const QByteArray forCase = caseId.isEmpty() ? m_case : caseId;
    RawHeaders h = tus({{"Upload-Length", QByteArray::number(length)},
        {"Upload-Metadata",
            "sha256 " + sha.toBase64() + ",filename " + QByteArray("scan.pdf").toBase64() + ",material "
                + QByteArray("营业执照").toBase64() + ",type " + QByteArray("application/pdf").toBase64()
                + (forCase == "-" ? QByteArray() : ",case " + forCase.toBase64())}});
    if (!token.isEmpty())
        h[1].second = "Bearer " + token;
    const RawResponse r = RawHttp::request(m_server->port(), "POST", "/v1/uploads", h, {}, 10000);
    if (out)
        *out = r;
    if (!r.ok || r.status != 201 || r.header("tus-resumable") != "1.0.0")
        return QByteArray();
    return r.header("location");
}

RawResponse TestBackOfficeTus::patch(
    const QByteArray &path, qint64 offset, const QByteArray &bytes, const QByteArray &checksum)
{
    RawHeaders h =
        tus({{"Content-Type", "application/offset+octet-stream"}, {"Upload-Offset", QByteArray::number(offset)}});
    if (!checksum.isEmpty())
        h.append({"Upload-Checksum", checksum});
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    if (!socket.waitForConnected(10000))
        return RawResponse();
    socket.write(RawHttp::format("PATCH", path, h, bytes, true));
    return RawHttp::read(socket, 30000);
}

qint64 TestBackOfficeTus::offsetOf(const QByteArray &path)
{
    const RawResponse r = RawHttp::request(m_server->port(), "HEAD", path, tus(), {}, 10000);
    if (!r.ok || r.status != 200 || r.header("cache-control") != "no-store")
        return -1;
    return r.header("upload-offset").toLongLong();
}

void TestBackOfficeTus::discoveryAndPreconditions()
{
    RawResponse r = RawHttp::request(m_server->port(), "OPTIONS", "/v1/uploads");
    QVERIFY(r.ok);
    QCOMPARE(r.status, 204);
    QCOMPARE(r.header("tus-resumable"), QByteArray("1.0.0"));
    QCOMPARE(r.header("tus-version"), QByteArray("1.0.0"));
    QCOMPARE(r.header("tus-extension"), QByteArray("creation,checksum,expiration,termination"));
    QCOMPARE(r.header("tus-max-size"), QByteArray::number(64 * 1024 * 1024));
    QVERIFY(r.header("tus-checksum-algorithm").split(',').contains("sha1"));

    // Without Tus-Resumable: 412 and the versions this server speaks.
    r = RawHttp::request(m_server->port(), "POST", "/v1/uploads",
        {{"Authorization", "Bearer " + m_token}, {"Upload-Length", "1"},
            {"Upload-Metadata", "sha256 " + sha256Hex("x").toBase64()}});
    QCOMPARE(r.status, 412);
    QCOMPARE(r.header("tus-version"), QByteArray("1.0.0"));
    r = RawHttp::request(m_server->port(), "HEAD", "/v1/uploads/x", {{"Tus-Resumable", "0.2.2"}});
    QCOMPARE(r.status, 412);

    // Over Tus-Max-Size: 413.
    create(65 * 1024 * 1024, sha256Hex("big"), &r);
    QCOMPARE(r.status, 413);
    // An unknown upload: 404.
    QCOMPARE(RawHttp::request(m_server->port(), "HEAD", "/v1/uploads/no-such", tus()).status, 404);
    // Bad content type, then an unsupported checksum algorithm.
    const QByteArray path = create(4, sha256Hex("abcd"));
    QVERIFY(!path.isEmpty());
    r = RawHttp::request(m_server->port(), "PATCH", path,
        tus({{"Content-Type", "application/octet-stream"}, {"Upload-Offset", "0"}}), "abcd");
    QCOMPARE(r.status, 415);
    r = patch(path, 0, "abcd", "crc32 AAAAAA==");
    QCOMPARE(r.status, 400);
    QCOMPARE(offsetOf(path), 0);
    // X-HTTP-Method-Override: a POST that is a PATCH.
    r = RawHttp::request(m_server->port(), "POST", path,
        tus({{"X-HTTP-Method-Override", "PATCH"}, {"Content-Type", "application/offset+octet-stream"},
            {"Upload-Offset", "0"}}),
        "abcd");
    QCOMPARE(r.status, 204);
    QCOMPARE(r.header("upload-offset"), QByteArray("4"));
}

void TestBackOfficeTus::resumesAfterTheServerIsKilledMidPatch()
{
    const QByteArray sha = sha256Hex(m_blob);
    const QByteArray path = create(m_blob.size(), sha);
    QVERIFY(!path.isEmpty());
    QCOMPARE(offsetOf(path), 0);

    // Piece 1: 4 MB with a sha256 checksum.
    const qint64 piece = 4 * 1024 * 1024;
    RawResponse r = patch(path, 0, m_blob.left(piece),
        "sha256 " + QCryptographicHash::hash(m_blob.left(piece), QCryptographicHash::Sha256).toBase64());
    QVERIFY(r.ok);
    QCOMPARE(r.status, 204);
    QCOMPARE(r.header("upload-offset"), QByteArray::number(piece));

    // Piece 2 announces the rest but only 6 MB arrive before the server is killed.
    const qint64 sent = 6 * 1024 * 1024;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(10000));
    socket.write(RawHttp::format("PATCH", path,
        tus({{"Content-Type", "application/offset+octet-stream"}, {"Upload-Offset", QByteArray::number(piece)},
            {"Content-Length", QByteArray::number(m_blob.size() - piece)}}),
        m_blob.mid(piece, sent)));
    QDeadlineTimer flushed(20000);
    while (socket.bytesToWrite() > 0 && !flushed.hasExpired())
        socket.waitForBytesWritten(1000);
    QDeadlineTimer arrived(20000);
    qint64 seen = 0;
    while ((seen = offsetOf(path)) < piece + sent && !arrived.hasExpired())
        QThread::msleep(50);
    QCOMPARE(seen, piece + sent); // bytes are on disk as they arrive
    m_server->kill();
    socket.abort();

    startServer();
    const qint64 resumed = offsetOf(path);
    QCOMPARE(resumed, piece + sent); // nothing received was lost, nothing invented
    // A stale offset is refused with the real one.
    r = patch(path, piece, m_blob.mid(piece, 10));
    QCOMPARE(r.status, 409);
    QCOMPARE(r.header("upload-offset"), QByteArray::number(resumed));

    // The rest in two PATCHes with sha1 checksums.
    qint64 offset = resumed;
    while (offset < m_blob.size()) {
        const QByteArray bytes = m_blob.mid(offset, 6 * 1024 * 1024);
        r = patch(path, offset, bytes, "sha1 " + QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toBase64());
        QVERIFY(r.ok);
        QCOMPARE(r.status, 204);
        offset += bytes.size();
        QCOMPARE(r.header("upload-offset"), QByteArray::number(offset));
    }
    QCOMPARE(offsetOf(path), m_blob.size());

    r = RawHttp::request(m_server->port(), "GET", "/v1/blobs/" + sha, {{"Authorization", "Bearer " + m_token}});
    QVERIFY(r.ok);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("application/octet-stream"));
    QCOMPARE(r.body.size(), m_blob.size());
    QCOMPARE(sha256Hex(r.body), sha);
    r = RawHttp::request(m_server->port(), "HEAD", "/v1/blobs/" + sha, {{"Authorization", "Bearer " + m_token}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-length"), QByteArray::number(m_blob.size()));
}

void TestBackOfficeTus::wrongPatchChecksumKeepsNothing()
{
    const QByteArray data = randomBytes(300000, 42);
    const QByteArray path = create(data.size(), sha256Hex(data));
    QVERIFY(!path.isEmpty());
    RawResponse r = patch(path, 0, data.left(1000));
    QCOMPARE(r.status, 204);
    QByteArray wrong = QCryptographicHash::hash(data.mid(1000, 5000), QCryptographicHash::Sha256);
    wrong[0] = char(wrong.at(0) ^ 1);
    r = patch(path, 1000, data.mid(1000, 5000), "sha256 " + wrong.toBase64());
    QCOMPARE(r.status, 460);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("error")).toString(),
        QStringLiteral("checksum-mismatch"));
    QCOMPARE(r.header("tus-resumable"), QByteArray("1.0.0"));
    QCOMPARE(offsetOf(path), 1000);
    // sha1 too, and the right one then goes through.
    r = patch(
        path, 1000, data.mid(1000), "sha1 " + QCryptographicHash::hash("nope", QCryptographicHash::Sha1).toBase64());
    QCOMPARE(r.status, 460);
    QCOMPARE(offsetOf(path), 1000);
    r = patch(path, 1000, data.mid(1000),
        "sha1 " + QCryptographicHash::hash(data.mid(1000), QCryptographicHash::Sha1).toBase64());
    QCOMPARE(r.status, 204);
    QCOMPARE(r.header("upload-offset"), QByteArray::number(data.size()));
}

void TestBackOfficeTus::wrongFinalSha256DiscardsTheUpload()
{
    const QByteArray data = randomBytes(100000, 7);
    const QByteArray claimed = sha256Hex(data + "x");
    const QByteArray path = create(data.size(), claimed);
    QVERIFY(!path.isEmpty());
    RawResponse r = patch(path, 0, data.left(50000));
    QCOMPARE(r.status, 204);
    r = patch(path, 50000, data.mid(50000));
    QCOMPARE(r.status, 460);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("error")).toString(),
        QStringLiteral("checksum-mismatch"));
    QCOMPARE(RawHttp::request(m_server->port(), "HEAD", path, tus()).status, 410);
    r = RawHttp::request(m_server->port(), "GET", "/v1/blobs/" + claimed, {{"Authorization", "Bearer " + m_token}});
    QCOMPARE(r.status, 404);
}

QByteArray TestBackOfficeTus::killedWithAllBytes(const QByteArray &data, const QByteArray &sha)
{
    const QByteArray path = create(data.size(), sha);
    if (path.isEmpty())
        return QByteArray();
    const RawResponse r = patch(path, 0, data.left(data.size() / 2));
    if (r.status != 204)
        return QByteArray();
    m_server->kill();
    QFile part(m_dir.filePath(QStringLiteral("data/uploads/%1.part").arg(QString::fromLatin1(path.split('/').last()))));
    if (!part.open(QIODevice::Append) || part.write(data.mid(data.size() / 2)) != data.size() - data.size() / 2)
        return QByteArray();
    part.close();
    startServer();
    return path;
}

void TestBackOfficeTus::killedBeforeStoringIsStoredOnHead()
{
    const QByteArray data = randomBytes(200000, 11);
    const QByteArray sha = sha256Hex(data);
    const QByteArray path = killedWithAllBytes(data, sha);
    QVERIFY(!path.isEmpty());
    // Before the blob is stored the server never says "all there": a client that heard the full
    // offset takes the blob as delivered. HEAD stores it, and then it is there.
    QCOMPARE(offsetOf(path), data.size());
    const RawResponse r =
        RawHttp::request(m_server->port(), "GET", "/v1/blobs/" + sha, {{"Authorization", "Bearer " + m_token}});
    QCOMPARE(r.status, 200);
    QCOMPARE(sha256Hex(r.body), sha);
    // An empty PATCH at the end of a stored upload changes nothing.
    QCOMPARE(patch(path, data.size(), QByteArray()).status, 204);
    QCOMPARE(offsetOf(path), data.size());
}

void TestBackOfficeTus::killedBeforeStoringWithWrongBytesIsDiscarded()
{
    const QByteArray data = randomBytes(200000, 12);
    const QByteArray claimed = sha256Hex(data + "x");
    const QByteArray path = killedWithAllBytes(data, claimed);
    QVERIFY(!path.isEmpty());
    // The bytes do not have the announced sha256: gone (410), so the client starts again.
    QCOMPARE(RawHttp::request(m_server->port(), "HEAD", path, tus()).status, 410);
    const RawResponse r =
        RawHttp::request(m_server->port(), "GET", "/v1/blobs/" + claimed, {{"Authorization", "Bearer " + m_token}});
    QCOMPARE(r.status, 404);
}

void TestBackOfficeTus::storedBlobIsUploadedAgainWithoutDisclosure()
{
    // m_blob is stored (resumesAfterTheServerIsKilledMidPatch). A new upload of it starts at 0
    // like any other, whatever length it says: nothing tells it is stored, or how long it is.
    RawResponse r;
    const QByteArray path = create(m_blob.size(), sha256Hex(m_blob), &r);
    QVERIFY(!path.isEmpty());
    QCOMPARE(r.header("upload-offset"), QByteArray("0"));
    QCOMPARE(offsetOf(path), 0);
    RawResponse wrong;
    const QByteArray other = create(m_blob.size() - 1, sha256Hex(m_blob), &wrong);
    QCOMPARE(wrong.status, 201);
    QCOMPARE(wrong.header("upload-offset"), QByteArray("0"));
    QVERIFY(!wrong.body.contains(QByteArray::number(m_blob.size())));
    // Its bytes again: stored once, the upload complete.
    qint64 offset = 0;
    while (offset < m_blob.size()) {
        const QByteArray bytes = m_blob.mid(offset, 6 * 1024 * 1024);
        r = patch(path, offset, bytes);
        QCOMPARE(r.status, 204);
        offset += bytes.size();
    }
    QCOMPARE(offsetOf(path), m_blob.size());
}

void TestBackOfficeTus::anotherWindowsScanIsUnreadableByAnyRoute()
{
    const QString data = m_dir.filePath(QStringLiteral("data"));
    AdminRun a = runAdmin(data,
        {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"), QStringLiteral("--code"),
            QStringLiteral("W02"), QStringLiteral("--name"), QStringLiteral("窗口二"), QStringLiteral("--kind"),
            QStringLiteral("window")});
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    a = runAdmin(data,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("c2"), QStringLiteral("--role"),
            QStringLiteral("clerk"), QStringLiteral("--window"), QStringLiteral("330106-W02")},
        kPassword + '\n');
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    QString why;
    const QJsonObject enrolment = signedentries::enrolment(data, QStringLiteral("330106-W02"), &why);
    QVERIFY2(!enrolment.isEmpty(), qPrintable(why));
    QCOMPARE(RawHttp::request(m_server->port(), "POST", "/v1/enrol", {{"Content-Type", "application/json"}},
                 QJsonDocument(enrolment).toJson(QJsonDocument::Compact))
                 .status,
        201);
    const QByteArray other = signIn("c2", kPassword);
    QVERIFY(!other.isEmpty());
    startCase(other, QStringLiteral("tus-case-2"), QStringLiteral("330106-W02"));

    // Window 1's scan, uploaded for its case.
    const QByteArray scan = randomBytes(300001, 0x5ca);
    const QByteArray sha = sha256Hex(scan);
    const QByteArray path = create(scan.size(), sha);
    QVERIFY(!path.isEmpty());
    QCOMPARE(patch(path, 0, scan).status, 204);
    RawResponse r =
        RawHttp::request(m_server->port(), "GET", "/v1/blobs/" + sha, {{"Authorization", "Bearer " + m_token}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, scan);
    QCOMPARE(r.header("cache-control"), QByteArray("no-store"));

    // Window 2 by GET and HEAD: as if there were no such blob.
    const RawHeaders auth2 {{"Authorization", "Bearer " + other}};
    r = RawHttp::request(m_server->port(), "GET", "/v1/blobs/" + sha, auth2);
    QCOMPARE(r.status, 404);
    QVERIFY(!r.body.contains(scan.left(64)));
    r = RawHttp::request(m_server->port(), "HEAD", "/v1/blobs/" + sha, auth2);
    QCOMPARE(r.status, 404);
    QVERIFY(r.header("content-length") != QByteArray::number(scan.size()));
    // An upload of it, for its own case, with a wrong and with the right length: started at 0, no
    // length told, and still no access (it has not sent the bytes).
    RawResponse made;
    QByteArray up = create(12345, sha, &made, other, "tus-case-2");
    QVERIFY2(!up.isEmpty(), made.body.constData());
    QCOMPARE(made.header("upload-offset"), QByteArray("0"));
    QVERIFY(!made.body.contains(QByteArray::number(scan.size())));
    up = create(scan.size(), sha, &made, other, "tus-case-2");
    QVERIFY(!up.isEmpty());
    QCOMPARE(made.header("upload-offset"), QByteArray("0"));
    r = RawHttp::request(
        m_server->port(), "HEAD", up, {{"Tus-Resumable", "1.0.0"}, {"Authorization", "Bearer " + other}});
    QCOMPARE(r.header("upload-offset"), QByteArray("0"));
    QCOMPARE(RawHttp::request(m_server->port(), "GET", "/v1/blobs/" + sha, auth2).status, 404);
    // An upload for window 1's case: refused.
    create(scan.size(), sha, &made, other, m_case);
    QCOMPARE(made.status, 403);
    // Without a case: no access either.
    up = create(scan.size(), sha, &made, other, "-");
    QVERIFY(!up.isEmpty());
    QCOMPARE(RawHttp::request(m_server->port(), "GET", "/v1/blobs/" + sha, auth2).status, 404);

    // A case of window 2 that names the scan in an "attached" entry: still nothing (window 2 never
    // sent the bytes). A case of window 1 that names it: read through that case.
    const auto attached = [&](const QByteArray &token, const QString &caseId, const QString &window) {
        const QJsonObject e {{QStringLiteral("case"), caseId}, {QStringLiteral("seq"), 2},
            {QStringLiteral("at"), QStringLiteral("2026-03-02T09:01:00.000Z")}, {QStringLiteral("window"), window},
            {QStringLiteral("clerk"), QStringLiteral("c")}, {QStringLiteral("kind"), QStringLiteral("attached")},
            {QStringLiteral("payload"),
                QJsonObject {{QStringLiteral("material"), QStringLiteral("m1")},
                    {QStringLiteral("sha256"), QString::fromLatin1(sha)}, {QStringLiteral("pages"), 1}}}};
        return RawHttp::request(m_server->port(), "POST", "/v1/cases/" + caseId.toLatin1() + "/entries",
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}},
            QJsonDocument(QJsonArray {e}).toJson(QJsonDocument::Compact))
            .status;
    };
    QCOMPARE(attached(other, QStringLiteral("tus-case-2"), QStringLiteral("330106-W02")), 200);
    QCOMPARE(RawHttp::request(m_server->port(), "GET", "/v1/blobs/" + sha, auth2).status, 404);
    startCase(m_token, QStringLiteral("a-ref-case"), QStringLiteral("330106-W01"));
    QCOMPARE(attached(m_token, QStringLiteral("a-ref-case"), QStringLiteral("330106-W01")), 200);
    QCOMPARE(
        RawHttp::request(m_server->port(), "GET", "/v1/blobs/" + sha, {{"Authorization", "Bearer " + m_token}}).status,
        200);

    // The file name a client sent is not kept (it can name a person), only its extension.
    {
        const RawResponse r2 = RawHttp::request(m_server->port(), "POST", "/v1/uploads",
            tus({{"Upload-Length", "3"},
                {"Upload-Metadata",
                    "sha256 " + sha256Hex("abc").toBase64() + ",case " + m_case.toBase64() + ",filename "
                        + QStringLiteral("王小明身份证.PDF").toUtf8().toBase64()}}),
            {}, 10000);
        QCOMPARE(r2.status, 201);
        QSqlDatabase db = openTestDatabase(data, QStringLiteral("tus-names"));
        QVERIFY(db.isOpen());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT filename FROM uploads WHERE sha256 = '%1'")
                               .arg(QString::fromLatin1(sha256Hex("abc")))));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("scan.pdf"));
        }
        db.close();
    }

    // Every read of the scan is in the audit, with who read it.
    a = runAdmin(data, {QStringLiteral("audit")});
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    QVERIFY2(a.out.contains(QStringLiteral("\tc1\tread-blob\t") + QString::fromLatin1(sha)), qPrintable(a.out));
    QVERIFY2(!a.out.contains(QStringLiteral("\tc2\tread-blob\t") + QString::fromLatin1(sha)), qPrintable(a.out));
    QVERIFY2(a.out.contains(QStringLiteral("\tc2\tblob-refused\t") + QString::fromLatin1(sha)), qPrintable(a.out));
    QVERIFY2(a.out.contains(QStringLiteral("read-blob\t%1 of case a-ref-case").arg(QString::fromLatin1(sha))),
        qPrintable(a.out));
}

void TestBackOfficeTus::curlFollowsTheSpec()
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        QSKIP("curl is not installed (./ow setup installs it)");
    const QByteArray data = randomBytes(3 * 1024 * 1024 + 17, 99);
    const QByteArray sha = sha256Hex(data);
    const QString file = m_dir.filePath(QStringLiteral("curl-upload.bin"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_server->port());
    const QString auth = QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(m_token);
    const auto run = [&](const QStringList &args) {
        QProcess p;
        p.start(curl, QStringList {QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("30")} + args);
        if (!p.waitForFinished(40000)) {
            p.kill();
            p.waitForFinished();
        }
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    // curl -i -X POST … (creation)
    QString out =
        run({QStringLiteral("-i"), QStringLiteral("-X"), QStringLiteral("POST"), base + QStringLiteral("/v1/uploads"),
            QStringLiteral("-H"), QStringLiteral("Tus-Resumable: 1.0.0"), QStringLiteral("-H"), auth,
            QStringLiteral("-H"), QStringLiteral("Upload-Length: %1").arg(data.size()), QStringLiteral("-H"),
            QStringLiteral("Upload-Metadata: sha256 %1,case %2")
                .arg(QString::fromLatin1(sha.toBase64()), QString::fromLatin1(m_case.toBase64()))});
    const auto location = QRegularExpression(QStringLiteral("(?im)^location: (\\S+)")).match(out);
    QVERIFY2(location.hasMatch(), qPrintable(out));
    const QString url = base + location.captured(1);
    // curl -X PATCH --data-binary @file (curl sends Expect: 100-continue for a body this big)
    out = run({QStringLiteral("-i"), QStringLiteral("-X"), QStringLiteral("PATCH"), url, QStringLiteral("-H"),
        QStringLiteral("Tus-Resumable: 1.0.0"), QStringLiteral("-H"), auth, QStringLiteral("-H"),
        QStringLiteral("Upload-Offset: 0"), QStringLiteral("-H"),
        QStringLiteral("Content-Type: application/offset+octet-stream"), QStringLiteral("--data-binary"),
        QLatin1Char('@') + file});
    QVERIFY2(out.contains(QStringLiteral(" 204")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Upload-Offset: %1").arg(data.size()), Qt::CaseInsensitive), qPrintable(out));
    // curl -I (HEAD)
    out = run({QStringLiteral("-I"), url, QStringLiteral("-H"), QStringLiteral("Tus-Resumable: 1.0.0"),
        QStringLiteral("-H"), auth});
    QVERIFY2(out.contains(QStringLiteral("Upload-Offset: %1").arg(data.size()), Qt::CaseInsensitive), qPrintable(out));
    // curl -o blob
    const QString back = m_dir.filePath(QStringLiteral("curl-back.bin"));
    run({base + QStringLiteral("/v1/blobs/") + QString::fromLatin1(sha), QStringLiteral("-H"), auth,
        QStringLiteral("-o"), back});
    QFile f(back);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(sha256Hex(f.readAll()), sha);
}

void TestBackOfficeTus::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

QTEST_GUILESS_MAIN(TestBackOfficeTus)
#include "tst_backofficetus.moc"
