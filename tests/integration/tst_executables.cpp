#include "onewindow/testsupport/ProcessRun.h"
#include <QJsonDocument>
#include <QJsonObject>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The three executables as a person runs them.
class TestExecutables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toolVersion();
    void toolHelpListsCommands();
    void toolRejectsUnknownCommand();
    void toolIdNumberIsMaskedByDefault();
    void toolCalendarAdd();
    void backofficeHealth();
    void backofficeRejectsBadPort();
    void clientWithoutDisplayExplains();

private:
    using Run = ow::testsupport::ProcessRun;
    static Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env = {})
    {
        return ow::testsupport::runProcess(program, args, env);
    }
};

void TestExecutables::toolVersion()
{
    const Run r = run(QStringLiteral(OW_TOOL), {QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("onewindow-tool " ONEWINDOW_VERSION));
}

void TestExecutables::toolHelpListsCommands()
{
    const Run r = run(QStringLiteral(OW_TOOL), {QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("idnumber check")));
    QVERIFY(r.out.contains(QStringLiteral("--version")));
}

void TestExecutables::toolRejectsUnknownCommand()
{
    const Run r = run(QStringLiteral(OW_TOOL), {QStringLiteral("frobnicate")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("unknown command")), qPrintable(r.err));
}

void TestExecutables::toolIdNumberIsMaskedByDefault()
{
    const QString id = QStringLiteral("33010619900101123X");
    Run r = run(QStringLiteral(OW_TOOL), {QStringLiteral("idnumber"), QStringLiteral("check"), id});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("330106********123X")), qPrintable(r.out));
    QVERIFY(!r.out.contains(id));
    r = run(
        QStringLiteral(OW_TOOL), {QStringLiteral("idnumber"), QStringLiteral("check"), id, QStringLiteral("--full")});
    QVERIFY(r.out.contains(id));
    r = run(QStringLiteral(OW_TOOL),
        {QStringLiteral("idnumber"), QStringLiteral("check"), QStringLiteral("330106199001011231"),
            QStringLiteral("--lang"), QStringLiteral("en")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("check digit")), qPrintable(r.err));
    // The clerks' language by default: the same error in Chinese.
    r = run(QStringLiteral(OW_TOOL),
        {QStringLiteral("idnumber"), QStringLiteral("check"), QStringLiteral("330106199001011231"),
            QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    QVERIFY2(r.err.contains(QStringLiteral("未通过校验码校验")), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("XDG_RUNTIME_DIR")), qPrintable(r.err));
}

void TestExecutables::toolCalendarAdd()
{
    const Run r = run(QStringLiteral(OW_TOOL),
        {QStringLiteral("calendar"), QStringLiteral("add"), QStringLiteral("2026-02-13"), QStringLiteral("2")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("2026-02-24"));
}

void TestExecutables::backofficeHealth()
{
    QTemporaryDir data;
    QVERIFY(data.isValid());
    QProcess server;
    server.start(QStringLiteral(OW_BACKOFFICE),
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data-dir"), data.path()});
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
    const QString first = QString::fromUtf8(server.readLine()).trimmed();
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^listening on 127\\.0\\.0\\.1:(\\d+)$")).match(first);
    QVERIFY2(m.hasMatch(), qPrintable(first));
    const int port = m.captured(1).toInt();
    QVERIFY(port > 0);

    QNetworkAccessManager nam;
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    url.setPath(QStringLiteral("/health"));
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    reply->deleteLater();

    url.setPath(QStringLiteral("/no-such-thing"));
    reply = nam.get(QNetworkRequest(url));
    QSignalSpy finished404(reply, &QNetworkReply::finished);
    QVERIFY(finished404.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    reply->deleteLater();

    server.terminate();
    QVERIFY(server.waitForFinished(10000));
}

void TestExecutables::backofficeRejectsBadPort()
{
    const Run r = run(QStringLiteral(OW_BACKOFFICE), {QStringLiteral("--port"), QStringLiteral("99999")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--port")), qPrintable(r.err));
}

void TestExecutables::clientWithoutDisplayExplains()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    const Run r = run(QStringLiteral(OW_CLIENT), {QStringLiteral("--demo")}, env);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QStringLiteral("xvfb-run")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestExecutables)
#include "tst_executables.moc"
