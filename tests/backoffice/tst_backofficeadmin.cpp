// `onewindow-backoffice admin` for users, against a real server on the same data: list-users,
// disable-user (sign-in refused, sessions ended at once), enable-user, reset-password (old
// password and sessions gone), end-sessions; every command that changed something is in
// `admin audit-admin` with the OS user who ran it.
#include "ApiClient.h"
#include "RawHttp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <pwd.h>
#include <unistd.h>

namespace {

const QByteArray kPassword("admin test password");
const QString kWindow = QStringLiteral("330106-W01");

} // namespace

class TestBackOfficeAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listUsers();
    void disabledUserCannotSignInAndItsSessionsEnd();
    void resetPasswordEndsSessions();
    void endSessions();
    void userCommandsRefuseUnknownUsers();
    void everyChangeIsAudited();
    void cleanupTestCase();

private:
    QString data() const { return m_dir.filePath(QStringLiteral("data")); }
    AdminRun admin(const QStringList &args, const QByteArray &input = {}) { return runAdmin(data(), args, input); }
    RawResponse signIn(const QString &name, const QByteArray &password)
    {
        return RawHttp::request(m_server->port(), "POST", "/v1/sessions", {{"Content-Type", "application/json"}},
            QJsonDocument(
                QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("password"), QString::fromUtf8(password)}})
                .toJson(QJsonDocument::Compact));
    }
    QByteArray tokenOf(const QString &name, const QByteArray &password)
    {
        const RawResponse r = signIn(name, password);
        return r.status == 201
            ? QJsonDocument::fromJson(r.body).object().value(QLatin1String("token")).toString().toLatin1()
            : QByteArray();
    }
    int currentStatus(const QByteArray &token)
    {
        return RawHttp::request(m_server->port(), "GET", "/v1/sessions/current", {{"Authorization", "Bearer " + token}})
            .status;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<BackOfficeProcess> m_server;
};

void TestBackOfficeAdmin::initTestCase()
{
    QVERIFY(m_dir.isValid());
    AdminRun r = admin({QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"),
        QStringLiteral("--code"), QStringLiteral("W01"), QStringLiteral("--name"), QStringLiteral("综合窗口 1"),
        QStringLiteral("--kind"), QStringLiteral("window")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const char *name : {"a1", "a2", "a3"}) {
        r = admin({QStringLiteral("add-user"), QStringLiteral("--name"), QString::fromLatin1(name),
                      QStringLiteral("--role"), QStringLiteral("clerk"), QStringLiteral("--window"), kWindow},
            kPassword + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    r = admin({QStringLiteral("add-department"), QStringLiteral("amr"), QStringLiteral("市场监管局")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = admin({QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("d1"), QStringLiteral("--role"),
                  QStringLiteral("department"), QStringLiteral("--department"), QStringLiteral("amr")},
        kPassword + '\n');
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    m_server = std::make_unique<BackOfficeProcess>();
    QVERIFY(m_server->start(data()));
}

void TestBackOfficeAdmin::listUsers()
{
    const QByteArray token = tokenOf(QStringLiteral("a1"), kPassword);
    QVERIFY(!token.isEmpty());
    const AdminRun r = admin({QStringLiteral("list-users")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QVERIFY2(lines.at(0).startsWith(QLatin1String("a1\tclerk\t330106-W01\t-\tenabled\t1 open session(s)")),
        qPrintable(lines.at(0)));
    QVERIFY2(lines.at(3).startsWith(QLatin1String("d1\tdepartment\t-\tamr\tenabled\t0 open session(s)")),
        qPrintable(lines.at(3)));
    QCOMPARE(lines.at(4), QStringLiteral("4 user(s)"));
    QVERIFY(!r.out.contains(QLatin1String("pbkdf2"))); // no password hashes
}

void TestBackOfficeAdmin::disabledUserCannotSignInAndItsSessionsEnd()
{
    const QByteArray token = tokenOf(QStringLiteral("a2"), kPassword);
    QVERIFY(!token.isEmpty());
    QCOMPARE(currentStatus(token), 200);
    AdminRun r = admin({QStringLiteral("disable-user"), QStringLiteral("--name"), QStringLiteral("a2")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // At once: the session is over and the right password is answered like a wrong one.
    QCOMPARE(currentStatus(token), 401);
    const RawResponse refused = signIn(QStringLiteral("a2"), kPassword);
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.body, signIn(QStringLiteral("nobody"), kPassword).body);
    r = admin({QStringLiteral("list-users")});
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\na2\\tclerk\\t[^\\n]*disabled since 20"))));
    // Enabled again, it signs in.
    r = admin({QStringLiteral("enable-user"), QStringLiteral("--name"), QStringLiteral("a2")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(signIn(QStringLiteral("a2"), kPassword).status, 201);
}

void TestBackOfficeAdmin::resetPasswordEndsSessions()
{
    const QByteArray token = tokenOf(QStringLiteral("a3"), kPassword);
    QVERIFY(!token.isEmpty());
    AdminRun r = admin({QStringLiteral("reset-password"), QStringLiteral("--name"), QStringLiteral("a3")}, "short\n");
    QCOMPARE(r.exitCode, 1); // too short: nothing changed
    QCOMPARE(currentStatus(token), 200);
    r = admin(
        {QStringLiteral("reset-password"), QStringLiteral("--name"), QStringLiteral("a3")}, "a brand new password\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(currentStatus(token), 401);
    QCOMPARE(signIn(QStringLiteral("a3"), kPassword).status, 401);
    QCOMPARE(signIn(QStringLiteral("a3"), "a brand new password").status, 201);
}

void TestBackOfficeAdmin::endSessions()
{
    const QByteArray first = tokenOf(QStringLiteral("a1"), kPassword);
    const QByteArray second = tokenOf(QStringLiteral("a1"), kPassword);
    const QByteArray other = tokenOf(QStringLiteral("d1"), kPassword);
    QVERIFY(!first.isEmpty() && !second.isEmpty() && !other.isEmpty());
    const AdminRun r = admin({QStringLiteral("end-sessions"), QStringLiteral("--name"), QStringLiteral("a1")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(
        r.out.contains(QRegularExpression(QStringLiteral("^ended [3-9] session\\(s\\) of a1"))), qPrintable(r.out));
    QCOMPARE(currentStatus(first), 401);
    QCOMPARE(currentStatus(second), 401);
    QCOMPARE(currentStatus(other), 200); // another user's session is untouched
    QCOMPARE(signIn(QStringLiteral("a1"), kPassword).status, 201); // a1 may sign in again
}

void TestBackOfficeAdmin::userCommandsRefuseUnknownUsers()
{
    for (const char *command : {"disable-user", "enable-user", "reset-password"}) {
        const AdminRun r = admin(
            {QString::fromLatin1(command), QStringLiteral("--name"), QStringLiteral("ghost")}, "long enough pw\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("no user ghost")), qPrintable(r.err));
    }
    const AdminRun r = admin({QStringLiteral("disable-user")});
    QCOMPARE(r.exitCode, 2);
}

void TestBackOfficeAdmin::everyChangeIsAudited()
{
    const AdminRun r = admin({QStringLiteral("audit-admin")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const passwd *pw = getpwuid(geteuid());
    QVERIFY(pw);
    const QString me = QString::fromLocal8Bit(pw->pw_name);
    QStringList commands;
    for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() < 5)
            continue;
        QVERIFY2(f.at(0).startsWith(QLatin1String("20")) && f.at(0).endsWith(QLatin1Char('Z')), qPrintable(line));
        QVERIFY2(f.at(1).startsWith(me), qPrintable(line));
        commands.append(f.at(2) + QLatin1Char(' ') + f.at(3));
    }
    const QStringList expected {QStringLiteral("add-window 330106-W01"), QStringLiteral("add-user a1"),
        QStringLiteral("add-user a2"), QStringLiteral("add-user a3"), QStringLiteral("add-department amr"),
        QStringLiteral("add-user d1"), QStringLiteral("disable-user a2"), QStringLiteral("enable-user a2"),
        QStringLiteral("reset-password a3"), QStringLiteral("end-sessions a1")};
    QCOMPARE(commands, expected); // the refused ones (too short, unknown user) changed nothing
    QVERIFY(r.out.trimmed().endsWith(QLatin1String("10 admin command(s)")));
    // Reading commands are not changes.
    QVERIFY(!r.out.contains(QLatin1String("list-users")));
}

void TestBackOfficeAdmin::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

QTEST_GUILESS_MAIN(TestBackOfficeAdmin)
#include "tst_backofficeadmin.moc"
