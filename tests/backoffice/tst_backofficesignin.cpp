// Sign-in that cannot be turned against clerks, against a real onewindow-backoffice: wrong
// passwords from one address never keep the clerk out from another (client sockets bound to
// 127.0.0.x source addresses), one answer for unknown, wrong and locked names, sign-in bodies
// refused at the head, nothing an attacker names is stored, 60 unauthenticated 15 MB bodies keep
// the server small, /health stays fast while 100 sign-ins run, and one address cannot take every
// connection.
#include "ApiClient.h"
#include "RawHttp.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

namespace {

const QByteArray kPassword("signin clerk password");
const QString kWindow = QStringLiteral("330106-W01");

QByteArray signInBody(const QString &name, const QByteArray &password)
{
    return QJsonDocument(
        QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("password"), QString::fromUtf8(password)}})
        .toJson(QJsonDocument::Compact);
}

// One request on a fresh connection from `source` (a 127.0.0.0/8 address) to 127.0.0.1:port.
RawResponse requestFrom(const QString &source, quint16 port, const QByteArray &method, const QByteArray &target,
    const RawHeaders &headers = {}, const QByteArray &body = {}, int timeoutMs = 30000)
{
    QTcpSocket socket;
    if (!socket.bind(QHostAddress(source), 0))
        return {};
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(RawHttp::format(method, target, headers, body));
    return RawHttp::read(socket, timeoutMs);
}

RawResponse signInFrom(const QString &source, quint16 port, const QString &name, const QByteArray &password)
{
    return requestFrom(
        source, port, "POST", "/v1/sessions", {{"Content-Type", "application/json"}}, signInBody(name, password));
}

qint64 statusKiB(qint64 pid, const char *field)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// An asynchronous request from a bound source address: the head is sent at once, then the body in
// 1 MiB pieces as fast as the server takes them, until all is sent or an answer (or the end of the
// connection) arrives; done(status) once, 0 when the connection ended without an answer.
class Pusher : public QObject
{
public:
    Pusher(const QString &source, quint16 port, QByteArray head, qint64 bodyBytes, std::function<void(int)> done,
        QObject *parent)
        : QObject(parent)
        , m_head(std::move(head))
        , m_left(bodyBytes)
        , m_done(std::move(done))
    {
        connect(&m_socket, &QTcpSocket::connected, this, [this] {
            m_socket.write(m_head);
            feed();
        });
        connect(&m_socket, &QTcpSocket::bytesWritten, this, [this] { feed(); });
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
            m_in += m_socket.readAll();
            if (m_in.contains("\r\n\r\n"))
                finish(m_in.mid(9, 3).toInt());
        });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { finish(0); });
        connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] { finish(0); });
        if (!m_socket.bind(QHostAddress(source), 0)) {
            QTimer::singleShot(0, this, [this] { finish(-1); });
            return;
        }
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    ~Pusher() override { disconnect(&m_socket, nullptr, this, nullptr); }

private:
    void feed()
    {
        static const QByteArray chunk(1024 * 1024, 'x');
        if (!m_done || m_left <= 0 || m_socket.bytesToWrite() > 0)
            return;
        const qint64 n = std::min<qint64>(m_left, chunk.size());
        m_left -= n;
        m_socket.write(chunk.constData(), n);
    }
    void finish(int status)
    {
        if (!m_done)
            return;
        auto done = std::move(m_done);
        m_done = nullptr;
        m_socket.abort();
        done(status);
    }

    QTcpSocket m_socket;
    QByteArray m_head;
    QByteArray m_in;
    qint64 m_left;
    std::function<void(int)> m_done;
};

} // namespace

class TestBackOfficeSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wrongPasswordsFromOneAddressDoNotLockOthers();
    void oneAnswerForUnknownWrongAndLocked();
    void signInBodiesAreRefusedAtTheHead();
    void givenNamesAreNeverStored();
    void unauthenticatedBodiesKeepMemoryLow();
    void healthStaysFastDuringSignIns();
    void oneAddressCannotTakeEveryConnection();
    void cleanupTestCase();

private:
    QString data() const { return m_dir.filePath(QStringLiteral("data")); }
    bool addClerk(const QString &name);
    // A fresh server on the same data (an empty throttle).
    void restart(const QStringList &extra = {});

    QTemporaryDir m_dir;
    std::unique_ptr<BackOfficeProcess> m_server;
};

bool TestBackOfficeSignIn::addClerk(const QString &name)
{
    const AdminRun r = runAdmin(data(),
        {QStringLiteral("add-user"), QStringLiteral("--name"), name, QStringLiteral("--role"), QStringLiteral("clerk"),
            QStringLiteral("--window"), kWindow},
        kPassword + '\n');
    if (r.exitCode != 0)
        qWarning("add-user %s: %s", qPrintable(name), qPrintable(r.err));
    return r.exitCode == 0;
}

void TestBackOfficeSignIn::restart(const QStringList &extra)
{
    m_server = std::make_unique<BackOfficeProcess>();
    QVERIFY(m_server->start(data(), 0, extra));
}

void TestBackOfficeSignIn::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const AdminRun r = runAdmin(data(),
        {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"), QStringLiteral("--code"),
            QStringLiteral("W01"), QStringLiteral("--name"), QStringLiteral("综合窗口 1"), QStringLiteral("--kind"),
            QStringLiteral("window")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const char *name : {"c1", "c2", "c3"})
        QVERIFY(addClerk(QString::fromLatin1(name)));
    restart();
}

void TestBackOfficeSignIn::wrongPasswordsFromOneAddressDoNotLockOthers()
{
    // A script of 100 wrong passwords for c1 from 127.0.0.1 …
    int refused = 0;
    int slowed = 0;
    for (int i = 0; i < 100; ++i) {
        const RawResponse r = signInFrom(QStringLiteral("127.0.0.1"), m_server->port(), QStringLiteral("c1"),
            "wrong password " + QByteArray::number(i));
        QVERIFY2(r.ok, qPrintable(QStringLiteral("attempt %1 got no answer").arg(i)));
        QVERIFY2(r.status == 401 || r.status == 429, qPrintable(QString::number(r.status)));
        (r.status == 401 ? refused : slowed)++;
    }
    qInfo("100 wrong passwords from 127.0.0.1: %d answered 401, %d answered 429", refused, slowed);
    QVERIFY(slowed > 0); // the address is slowed down …
    const RawResponse again =
        signInFrom(QStringLiteral("127.0.0.1"), m_server->port(), QStringLiteral("c1"), kPassword);
    QCOMPARE(again.status, 429);
    QVERIFY(again.header("retry-after").toInt() >= 1);
    // … the clerk signing in from another address is not.
    const RawResponse clerk =
        signInFrom(QStringLiteral("127.0.0.2"), m_server->port(), QStringLiteral("c1"), kPassword);
    QVERIFY(clerk.ok);
    QCOMPARE(clerk.status, 201);
    QVERIFY(!QJsonDocument::fromJson(clerk.body).object().value(QLatin1String("token")).toString().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_server->stderrText().contains(QLatin1String("wrong password for user c1")), 5000);
}

void TestBackOfficeSignIn::oneAnswerForUnknownWrongAndLocked()
{
    const quint16 port = m_server->port();
    // c2 gets too many wrong passwords from 127.0.0.3: that pair is locked …
    for (int i = 0; i < 5; ++i)
        QCOMPARE(signInFrom(QStringLiteral("127.0.0.3"), port, QStringLiteral("c2"), "not it").status, 401);
    // … and from there even the right password gets the answer of a wrong one, which is the
    // answer of a name that does not exist: status, headers that matter and body alike.
    QElapsedTimer t;
    std::vector<qint64> lockedMs;
    std::vector<qint64> unknownMs;
    std::vector<qint64> wrongMs;
    RawResponse locked;
    RawResponse unknown;
    RawResponse wrong;
    for (int i = 0; i < 3; ++i) {
        t.start();
        locked = signInFrom(QStringLiteral("127.0.0.3"), port, QStringLiteral("c2"), kPassword);
        lockedMs.push_back(t.elapsed());
        t.start();
        unknown = signInFrom(QStringLiteral("127.0.0.4"), port, QStringLiteral("nobody%1").arg(i), kPassword);
        unknownMs.push_back(t.elapsed());
        t.start();
        wrong = signInFrom(QStringLiteral("127.0.0.5"), port, QStringLiteral("c3"), "not it either");
        wrongMs.push_back(t.elapsed());
    }
    QCOMPARE(locked.status, 401);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(wrong.status, 401);
    QCOMPARE(locked.body, unknown.body);
    QCOMPARE(wrong.body, unknown.body);
    QCOMPARE(locked.header("www-authenticate"), unknown.header("www-authenticate"));
    QVERIFY(!locked.headers.contains("retry-after"));
    // Similar timing: each runs one PBKDF2 of the same cost (medians within a factor of 3).
    for (auto *v : {&lockedMs, &unknownMs, &wrongMs})
        std::sort(v->begin(), v->end());
    const qint64 l = std::max<qint64>(1, lockedMs[1]);
    const qint64 u = std::max<qint64>(1, unknownMs[1]);
    const qint64 w = std::max<qint64>(1, wrongMs[1]);
    qInfo("median sign-in time: locked %lld ms, unknown %lld ms, wrong password %lld ms", l, u, w);
    QVERIFY2(std::max({l, u, w}) <= 3 * std::min({l, u, w}), "the answers' timings tell the cases apart");
    // The right password for c2 from another address still works.
    QCOMPARE(signInFrom(QStringLiteral("127.0.0.6"), port, QStringLiteral("c2"), kPassword).status, 201);
}

void TestBackOfficeSignIn::signInBodiesAreRefusedAtTheHead()
{
    // A 4 MiB sign-in: the head alone is answered 413 (nothing of the body was sent).
    QTcpSocket socket;
    QVERIFY(socket.bind(QHostAddress(QStringLiteral("127.0.0.7")), 0));
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(4 * 1024 * 1024) + "\r\n\r\n");
    const RawResponse r = RawHttp::read(socket, 5000);
    QVERIFY2(r.ok, "no answer to the head of a 4 MiB sign-in");
    QCOMPARE(r.status, 413);
    // 4 KiB is the most.
    const QByteArray justOver(4097, ' ');
    QCOMPARE(requestFrom(QStringLiteral("127.0.0.7"), m_server->port(), "POST", "/v1/sessions",
                 {{"Content-Type", "application/json"}}, justOver)
                 .status,
        413);
    // An unknown route's body is not read either, nor a body on an open GET route.
    QCOMPARE(requestFrom(QStringLiteral("127.0.0.7"), m_server->port(), "GET", "/v1/keyring", {}, "12345").status, 413);
}

void TestBackOfficeSignIn::givenNamesAreNeverStored()
{
    // Five sign-ins with long made-up names (as long as the 4 KiB body allows).
    QStringList names;
    for (int i = 0; i < 5; ++i) {
        const QString name = QStringLiteral("attacker-%1-").arg(i) + QStringLiteral("甲乙丙").repeated(300);
        names.append(name);
        const RawResponse r = signInFrom(QStringLiteral("127.0.0.8"), m_server->port(), name, "whatever");
        QCOMPARE(r.status, 401);
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_server->stderrText().count(QLatin1String("no such user")) >= 5, 5000);
    {
        QSqlDatabase db = openTestDatabase(data(), QStringLiteral("stored"));
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT actor, detail FROM audit WHERE action = 'sign-in-failed'")));
        int failed = 0;
        while (q.next()) {
            ++failed;
            QVERIFY2(q.value(0).toString().size() <= 100, qPrintable(q.value(0).toString().left(120)));
            QVERIFY(q.value(1).toString().size() <= 200);
            for (const QString &name : std::as_const(names)) {
                QVERIFY(!q.value(0).toString().contains(QLatin1String("attacker")));
                QVERIFY(!q.value(1).toString().contains(name.left(20)));
            }
        }
        QVERIFY(failed >= 5);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("stored"));
    if (!testOnPostgres()) {
        // Not in the file nor in its WAL either.
        for (const QString &file : QDir(data()).entryList({QStringLiteral("backoffice.sqlite*")}, QDir::Files)) {
            QFile f(QDir(data()).filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains("attacker-"), qPrintable(file));
        }
    }
    QVERIFY(!m_server->stderrText().contains(QLatin1String("attacker-")));
}

void TestBackOfficeSignIn::unauthenticatedBodiesKeepMemoryLow()
{
    restart();
    const quint16 port = m_server->port();
    const qint64 before = statusKiB(m_server->pid(), "VmHWM:");
    QVERIFY(before > 0);
    // 60 bodies of 15 MB at once, none signed in: half as sign-ins, half as case entries.
    constexpr qint64 kBody = 15 * 1000 * 1000;
    QObject scope;
    int finished = 0;
    QList<int> statuses;
    for (int i = 0; i < 60; ++i) {
        const QByteArray target =
            i % 2 ? QByteArrayLiteral("/v1/sessions") : QByteArrayLiteral("/v1/cases/big/entries");
        const QByteArray head = "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + QByteArray::number(kBody) + "\r\n\r\n";
        new Pusher(
            QStringLiteral("127.0.1.%1").arg(1 + i % 4), port, head, kBody,
            [&](int status) {
                statuses.append(status);
                ++finished;
            },
            &scope);
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, 60, 120000);
    const qint64 peak = statusKiB(m_server->pid(), "VmHWM:");
    qInfo("60 concurrent unauthenticated 15 MB bodies: server VmHWM %lld KiB (before: %lld KiB); answers %s", peak,
        before, qPrintable([&] {
            QStringList s;
            for (int st : std::as_const(statuses))
                s.append(QString::number(st));
            return s.join(QLatin1Char(' '));
        }()));
    QVERIFY2(peak < 150 * 1024, qPrintable(QStringLiteral("peak %1 KiB").arg(peak)));
    for (int st : std::as_const(statuses))
        QVERIFY2(st == 401 || st == 413 || st == 0, qPrintable(QString::number(st)));
    // The server is still there and answers.
    QCOMPARE(RawHttp::request(port, "GET", "/health").status, 200);
}

void TestBackOfficeSignIn::healthStaysFastDuringSignIns()
{
    restart();
    const quint16 port = m_server->port();
    // 100 right-password sign-ins at once (each from its own address, as a busy centre's windows
    // and a NAT would), while /health is asked every 50 ms.
    QObject scope;
    int answered = 0;
    int created = 0;
    for (int i = 0; i < 100; ++i) {
        const QByteArray body = signInBody(QStringLiteral("c3"), kPassword);
        const QByteArray request =
            RawHttp::format("POST", "/v1/sessions", {{"Content-Type", "application/json"}}, body);
        new Pusher(
            QStringLiteral("127.0.2.%1").arg(1 + i), port, request, 0,
            [&](int status) {
                ++answered;
                created += status == 201 ? 1 : 0;
            },
            &scope);
    }
    std::vector<qint64> healthMs;
    QElapsedTimer running;
    running.start();
    while (answered < 100 && running.elapsed() < 120000) {
        QElapsedTimer t;
        t.start();
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        bool ok = probe.waitForConnected(5000);
        if (ok) {
            probe.write(RawHttp::format("GET", "/health", {}, {}));
            ok = RawHttp::read(probe, 5000).status == 200;
        }
        QVERIFY2(ok, "/health did not answer within 5 s");
        healthMs.push_back(t.elapsed());
        QTest::qWait(50); // the pace of the probe, and the sign-ins' sockets get served meanwhile
    }
    QCOMPARE(answered, 100);
    QVERIFY(healthMs.size() >= 5);
    std::sort(healthMs.begin(), healthMs.end());
    const qint64 median = healthMs[healthMs.size() / 2];
    const qint64 p95 = healthMs[healthMs.size() * 95 / 100];
    qInfo("100 sign-ins in %lld ms (%d created); /health during them: %zu probes, median %lld ms, p95 %lld ms, max "
          "%lld ms",
        static_cast<long long>(running.elapsed()), created, healthMs.size(), static_cast<long long>(median),
        static_cast<long long>(p95), static_cast<long long>(healthMs.back()));
    QCOMPARE(created, 100);
    QVERIFY2(median < 50, "the median /health is slow while sign-ins run");
    QVERIFY2(p95 < 250, "/health is slow while sign-ins run");
}

void TestBackOfficeSignIn::oneAddressCannotTakeEveryConnection()
{
    restart({QStringLiteral("--max-connections-per-address"), QStringLiteral("3")});
    const quint16 port = m_server->port();
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 3; ++i) {
        auto s = std::make_unique<QTcpSocket>();
        QVERIFY(s->bind(QHostAddress(QStringLiteral("127.0.0.9")), 0));
        s->connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(s->waitForConnected(5000));
        held.push_back(std::move(s));
    }
    // The fourth from that address is refused; another address is served.
    QTRY_COMPARE_WITH_TIMEOUT(
        requestFrom(QStringLiteral("127.0.0.9"), port, "GET", "/health", {}, {}, 5000).status, 503, 5000);
    QCOMPARE(requestFrom(QStringLiteral("127.0.0.10"), port, "GET", "/health").status, 200);
    // Once one closes, the address gets a slot again.
    held.front()->abort();
    held.erase(held.begin());
    // (The server learns of the close asynchronously: ask again for up to 5 s.)
    int status = 0;
    QElapsedTimer waited;
    waited.start();
    while ((status = requestFrom(QStringLiteral("127.0.0.9"), port, "GET", "/health", {}, {}, 5000).status) != 200
        && waited.elapsed() < 5000)
        QTest::qWait(50);
    qInfo("a slot for 127.0.0.9 again after %lld ms", static_cast<long long>(waited.elapsed()));
    QCOMPARE(status, 200);
    held.clear();
    restart();
}

void TestBackOfficeSignIn::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

QTEST_GUILESS_MAIN(TestBackOfficeSignIn)
#include "tst_backofficesignin.moc"
