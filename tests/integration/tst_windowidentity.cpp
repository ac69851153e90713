#include "onewindow/receipt/QrPayload.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/StoreLock.h"
#include "onewindow/testsupport/ProcessRun.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using ow::testsupport::ProcessRun;

// The window's identity, the client's lock and the trust in sample receipts, as an admin meets
// them through onewindow-tool and the client.
class TestWindowIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setAndShow();
    void invalidIdentity_data();
    void invalidIdentity();
    void setOnce();
    void clientWithoutIdentityRefuses();
    void secondClientIsRefused();
    void sampleIsNotGenuineOnAConfiguredWindow();
    void genuineReceiptSurvivesASample();

private:
    static ProcessRun tool(const QStringList &args)
    {
        // Messages in English whatever the machine's language.
        return ow::testsupport::runProcess(
            QStringLiteral(OW_TOOL), QStringList {QStringLiteral("--lang"), QStringLiteral("en")} + args);
    }
    static QString setWindow(const QString &dataDir);
    static QString genuinePayload(const QString &dataDir);
};

QString TestWindowIdentity::setWindow(const QString &dataDir)
{
    const ProcessRun r = tool({QStringLiteral("window"), QStringLiteral("set"), QStringLiteral("--region"),
        QStringLiteral("330106"), QStringLiteral("--code"), QStringLiteral("w03"), QStringLiteral("--name"),
        QStringLiteral("综合窗口 3"), QStringLiteral("--data-dir"), dataDir});
    return r.exitCode == 0 ? QString() : r.err;
}

void TestWindowIdentity::setAndShow()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString err = setWindow(data);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    struct stat st
    { };
    QCOMPARE(::stat(QFile::encodeName(QDir(data).filePath(QStringLiteral("window.json"))).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);

    const ProcessRun show =
        tool({QStringLiteral("window"), QStringLiteral("show"), QStringLiteral("--data-dir"), data});
    QCOMPARE(show.exitCode, 0);
    QVERIFY2(show.out.contains(QStringLiteral("code:    W03")), qPrintable(show.out)); // upper-cased
    QVERIFY2(show.out.contains(QStringLiteral("综合窗口 3")), qPrintable(show.out));
    const ProcessRun json = tool({QStringLiteral("window"), QStringLiteral("show"), QStringLiteral("--json"),
        QStringLiteral("--data-dir"), data});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(o.value(QLatin1String("keyId")).toString(), QStringLiteral("330106-W03"));

    const ProcessRun none = tool({QStringLiteral("window"), QStringLiteral("show"), QStringLiteral("--data-dir"),
        dir.filePath(QStringLiteral("empty"))});
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains(QStringLiteral("window set")), qPrintable(none.err));
}

void TestWindowIdentity::invalidIdentity_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");
    QTest::newRow("region 5 digits") << QStringLiteral("33010") << QStringLiteral("W03") << QStringLiteral("n")
                                     << QStringLiteral("6-digit");
    QTest::newRow("region letters") << QStringLiteral("33O106") << QStringLiteral("W03") << QStringLiteral("n")
                                    << QStringLiteral("6-digit");
    QTest::newRow("region starts 9") << QStringLiteral("930106") << QStringLiteral("W03") << QStringLiteral("n")
                                     << QStringLiteral("6-digit");
    QTest::newRow("code with dash") << QStringLiteral("330106") << QStringLiteral("W-3") << QStringLiteral("n")
                                    << QStringLiteral("window code");
    QTest::newRow("code too long") << QStringLiteral("330106") << QStringLiteral("W123456789") << QStringLiteral("n")
                                   << QStringLiteral("window code");
    QTest::newRow("code starts with digit")
        << QStringLiteral("330106") << QStringLiteral("3W") << QStringLiteral("n") << QStringLiteral("window code");
    QTest::newRow("demo code") << QStringLiteral("330106") << QStringLiteral("DEMO1") << QStringLiteral("n")
                               << QStringLiteral("reserved");
    QTest::newRow("no name") << QStringLiteral("330106") << QStringLiteral("W03") << QStringLiteral("  ")
                             << QStringLiteral("name");
}

void TestWindowIdentity::invalidIdentity()
{
    QFETCH(QString, region);
    QFETCH(QString, code);
    QFETCH(QString, name);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const ProcessRun r = tool({QStringLiteral("window"), QStringLiteral("set"), QStringLiteral("--region"), region,
        QStringLiteral("--code"), code, QStringLiteral("--name"), name, QStringLiteral("--data-dir"), dir.path()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(!QFile::exists(QDir(dir.path()).filePath(QStringLiteral("window.json"))));
}

void TestWindowIdentity::setOnce()
{
    QTemporaryDir dir;
    QVERIFY(setWindow(dir.path()).isEmpty());
    QVERIFY(setWindow(dir.path()).isEmpty()); // the same again is fine
    const QStringList other = {QStringLiteral("window"), QStringLiteral("set"), QStringLiteral("--region"),
        QStringLiteral("330106"), QStringLiteral("--code"), QStringLiteral("W04"), QStringLiteral("--name"),
        QStringLiteral("综合窗口 4"), QStringLiteral("--data-dir"), dir.path()};
    const ProcessRun refused = tool(other);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("already 330106-W03")), qPrintable(refused.err));
    QCOMPARE(tool(other + QStringList {QStringLiteral("--replace")}).exitCode, 0);
    const ProcessRun show =
        tool({QStringLiteral("window"), QStringLiteral("show"), QStringLiteral("--data-dir"), dir.path()});
    QVERIFY2(show.out.contains(QStringLiteral("W04")), qPrintable(show.out));
}

void TestWindowIdentity::clientWithoutIdentityRefuses()
{
    QTemporaryDir dir;
    const ProcessRun r = ow::testsupport::runProcess(QStringLiteral(OW_CLIENT),
        {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--lang"), QStringLiteral("en")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("no identity")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("onewindow-tool window set")), qPrintable(r.err));
    // Nothing was invented: no W01 case store, no key.
    QVERIFY(!QFile::exists(QDir(dir.path()).filePath(QStringLiteral("keys/330106-W01.key"))));
    QVERIFY(!QFile::exists(QDir(dir.path()).filePath(QStringLiteral("onewindow.sqlite"))));
}

void TestWindowIdentity::secondClientIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(setWindow(dir.path()).isEmpty());
    const QStringList args = {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--lang"), QStringLiteral("en")};
    QProcess first;
    first.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    first.start(QStringLiteral(OW_CLIENT), args);
    QVERIFY(first.waitForStarted());
    // Up once its store is open: the lock is taken before the store, the store made after it.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(QDir(dir.path()).filePath(QStringLiteral("onewindow.sqlite"))), 30000);
    QCOMPARE(first.state(), QProcess::Running);

    const qint64 firstPid = first.processId();
    const ProcessRun second = ow::testsupport::runProcess(QStringLiteral(OW_CLIENT), args);
    first.kill();
    first.waitForFinished();
    QCOMPARE(second.exitCode, 1);
    QVERIFY2(second.err.contains(QStringLiteral("process %1").arg(firstPid)), qPrintable(second.err));
    QVERIFY2(second.err.contains(QStringLiteral("already using the store")), qPrintable(second.err));
}

QString TestWindowIdentity::genuinePayload(const QString &dataDir)
{
    auto key = ow::receipt::WindowKey::loadOrCreate(
        QDir(dataDir).filePath(QStringLiteral("keys")), QStringLiteral("330106-W03"));
    if (!key)
        return {};
    ow::receipt::QrPayload p;
    p.kind = u'R';
    p.caseId = QStringLiteral("6f1c2b8e-3d0a-4c52-9a57-2f1e0c9b7d11");
    p.caseNumber = QStringLiteral("330106-W03-20261128-0007");
    p.issued = QDate(2026, 11, 28);
    p.keyId = key->keyId();
    p.digest = QByteArray(32, '\x11'); // of a document this test does not need
    p.signature = key->sign(p.signedPart()).value();
    return p.encode();
}

void TestWindowIdentity::sampleIsNotGenuineOnAConfiguredWindow()
{
    QTemporaryDir dir;
    QVERIFY(setWindow(dir.path()).isEmpty());
    QVERIFY(!genuinePayload(dir.path()).isEmpty()); // the window has its own key
    const ProcessRun sample =
        tool({QStringLiteral("receipt"), QStringLiteral("sample"), QStringLiteral("--kind"), QStringLiteral("receipt"),
            QStringLiteral("--pdf"), dir.filePath(QStringLiteral("s.pdf")), QStringLiteral("--data-dir"), dir.path()});
    QCOMPARE(sample.exitCode, 0);
    // Marked on the paper, in the largest type, before anything else; in the window's document
    // language (zh_CN unless set), whatever the tool's own language.
    const ProcessRun text = ow::testsupport::runProcess(
        QStringLiteral("pdftotext"), {dir.filePath(QStringLiteral("s.pdf")), QStringLiteral("-")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.trimmed().startsWith(QStringLiteral("样本 · 无效凭证")), qPrintable(text.out));
    const QRegularExpressionMatch qr = QRegularExpression(QStringLiteral("qr: (\\S+)")).match(sample.out);
    QVERIFY2(qr.hasMatch(), qPrintable(sample.out));
    QVERIFY2(qr.captured(1).contains(QStringLiteral("w=DEMO-")), qPrintable(qr.captured(1)));
    struct stat st
    { };
    QCOMPARE(::stat(QFile::encodeName(dir.filePath(QStringLiteral("samples/keys"))).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0700);
    // The sample key lives in its own folder, not among the window's keys.
    QCOMPARE(QDir(dir.filePath(QStringLiteral("keys"))).entryList({QStringLiteral("*.key")}, QDir::Files),
        QStringList {QStringLiteral("330106-W03.key")});

    const ProcessRun verify = tool({QStringLiteral("receipt"), QStringLiteral("verify"), QStringLiteral("--payload"),
        qr.captured(1), QStringLiteral("--data-dir"), dir.path()});
    QCOMPARE(verify.exitCode, 1);
    QVERIFY2(verify.err.contains(QStringLiteral("sample")), qPrintable(verify.err));
    QVERIFY(!verify.out.contains(QStringLiteral("genuine")));

    // Even a local file named after the sample key in the window's keys folder is not trusted.
    QVERIFY(QFile::copy(dir.filePath(QStringLiteral("samples/keys/DEMO-SAMPLE-330106-W03.key")),
        dir.filePath(QStringLiteral("keys/DEMO-SAMPLE-330106-W03.key"))));
    const ProcessRun again = tool({QStringLiteral("receipt"), QStringLiteral("verify"), QStringLiteral("--payload"),
        qr.captured(1), QStringLiteral("--data-dir"), dir.path()});
    QCOMPARE(again.exitCode, 1);

    // Checked against the sample key on purpose, it is a sample, never "genuine".
    const ProcessRun asSample = tool({QStringLiteral("receipt"), QStringLiteral("verify"), QStringLiteral("--payload"),
        qr.captured(1), QStringLiteral("--samples"), QStringLiteral("--data-dir"), dir.path()});
    QCOMPARE(asSample.exitCode, 0);
    QVERIFY2(asSample.out.startsWith(QStringLiteral("sample (not genuine)")), qPrintable(asSample.out));
}

void TestWindowIdentity::genuineReceiptSurvivesASample()
{
    QTemporaryDir dir;
    QVERIFY(setWindow(dir.path()).isEmpty());
    const QString payload = genuinePayload(dir.path());
    QVERIFY(!payload.isEmpty());
    const QStringList verify = {QStringLiteral("receipt"), QStringLiteral("verify"), QStringLiteral("--payload"),
        payload, QStringLiteral("--data-dir"), dir.path()};
    QCOMPARE(tool(verify).exitCode, 0);
    for (const QString &kind : {QStringLiteral("receipt"), QStringLiteral("notice")})
        QCOMPARE(tool({QStringLiteral("receipt"), QStringLiteral("sample"), QStringLiteral("--kind"), kind,
                          QStringLiteral("--pdf"), dir.filePath(kind + QStringLiteral(".pdf")),
                          QStringLiteral("--data-dir"), dir.path()})
                     .exitCode,
            0);
    const ProcessRun after = tool(verify);
    QCOMPARE(after.exitCode, 0);
    QVERIFY2(after.out.startsWith(QStringLiteral("genuine: case 330106-W03-20261128-0007")), qPrintable(after.out));
}

QTEST_GUILESS_MAIN(TestWindowIdentity)
#include "tst_windowidentity.moc"
