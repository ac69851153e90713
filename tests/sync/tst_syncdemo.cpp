// The demo of ./ow run end to end without a screen: `onewindow-backoffice admin seed-demo` (twice:
// it is idempotent), the back office on it, the client's sync engine configured as the demo
// client is (account::SyncLink with the demo clerk), a demo case pushed, its decision made through
// `onewindow-tool dept decide` by the demo department user, and the decision pulled to the window.
#include "AcceptedCase.h"
#include "SyncFixture.h"

#include "onewindow/account/SyncLink.h"
#include "onewindow/core/DemoAccounts.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/sync/SyncJournal.h"
#include "onewindow/sync/SyncService.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using ow::core::DemoAccounts;

using Run = synctest::CommandRun;
using synctest::runCommand;

namespace {

constexpr int kWait = 30000;

} // namespace

class TestSyncDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedPushDecidePull();
    void realBackOfficeRefusesADemoKey();
};

void TestSyncDemo::seedPushDecidePull()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString serverDir = dir.filePath(QStringLiteral("demo-backoffice"));
    const QString clientDir = dir.filePath(QStringLiteral("demo"));
    const QString keysDir = QDir(clientDir).filePath(QStringLiteral("keys"));
    const QStringList seed {QStringLiteral("admin"), QStringLiteral("seed-demo"), QStringLiteral("--data-dir"),
        serverDir, QStringLiteral("--window-key-dir"), keysDir};

    const Run first = runCommand(synctest::backOfficeBinary(), seed);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QVERIFY2(first.out.contains(QStringLiteral("added clerk ") + DemoAccounts::clerk()), qPrintable(first.out));
    QVERIFY2(first.out.contains(QStringLiteral("added department demo-amr")), qPrintable(first.out));
    QVERIFY2(first.out.contains(QStringLiteral("enrolled the demo window")), qPrintable(first.out));
    // The client's DEMO- key was made in its keys folder, where the demo client finds it.
    const QString demoKeyId = ow::receipt::KeyRing::demoKeyId(DemoAccounts::window());
    QVERIFY(QFile::exists(QDir(keysDir).filePath(demoKeyId + QStringLiteral(".key"))));
    // Idempotent: a second seeding adds nothing and still succeeds.
    const Run again = runCommand(synctest::backOfficeBinary(), seed);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QVERIFY2(!again.out.contains(QStringLiteral("added")), qPrintable(again.out));
    QVERIFY2(!again.out.contains(QStringLiteral("enrolled")), qPrintable(again.out));
    QVERIFY2(again.out.contains(QStringLiteral("demo back office ready")), qPrintable(again.out));

    synctest::Server server;
    QVERIFY(server.start(serverDir));
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
    // The demo window is enrolled with the demo client's key: the key ring names it.
    const synctest::Http ring = synctest::http(server.port(), "GET", QStringLiteral("/v1/keyring"));
    QCOMPARE(ring.status, 200);
    const auto ownKey = ow::receipt::WindowKey::loadOrCreate(keysDir, demoKeyId);
    QVERIFY2(ownKey, qPrintable(ownKey.error()));
    QCOMPARE(QJsonDocument::fromJson(ring.body)
                 .object()
                 .value(QLatin1String("keys"))
                 .toObject()
                 .value(DemoAccounts::window()),
        QJsonValue(QString::fromLatin1(ownKey->publicKey().toBase64())));

    auto store = ow::store::Store::open(clientDir);
    QVERIFY2(store, qPrintable(store.error()));
    // As the demo client makes it: the demo window, its DEMO- key.
    QString why;
    const QStringList window = DemoAccounts::window().split(QLatin1Char('-'));
    const QString caseId = testcase::makeAcceptedCase(
        store.value(), window.at(0), window.at(1), QStringLiteral("Demo clerk"), keysDir, demoKeyId, &why);
    QVERIFY2(!caseId.isEmpty(), qPrintable(why));

    // The client as ./ow run starts it: --demo --demo-back-office URL.
    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(url);
    config.pollWaitSeconds = 2;
    config.backoffBaseMs = 200;
    config.backoffMaxMs = 2000;
    ow::account::SyncLink link(clientDir, config);
    link.setCredentials({DemoAccounts::clerk(), DemoAccounts::password(), QString(), false});
    link.start();
    ow::sync::SyncService *engine = link.engine();
    const ow::sync::SyncJournal journal(store.value()); // what the engine's worker wrote
    ow::store::CaseLog log(store.value());
    QTRY_VERIFY_WITH_TIMEOUT(log.pendingCount() == 0, kWait);
    QVERIFY2(engine->status().lastError.isEmpty(), qPrintable(engine->status().lastError));
    QVERIFY(engine->status().conflicts.isEmpty());
    // Routed and confirmed at the back office; the puller brings both back.
    QTRY_VERIFY_WITH_TIMEOUT(!journal.remote(caseId).value(QLatin1String("routed")).toObject().isEmpty(), kWait);
    const QJsonObject routed = journal.remote(caseId).value(QLatin1String("routed")).toObject();
    const QString department = routed.begin().key();
    const QJsonArray items = routed.begin().value().toArray();
    QVERIFY(!items.isEmpty());
    const QString item = items.first().toString();
    QVERIFY(!item.isEmpty());

    const Run decided = runCommand(QStringLiteral(OW_TOOL),
        {QStringLiteral("dept"), QStringLiteral("decide"), caseId, item, QStringLiteral("--approve"),
            QStringLiteral("--server"), url, QStringLiteral("--user"), DemoAccounts::departmentUser(department),
            QStringLiteral("--password"), DemoAccounts::password()});
    QVERIFY2(decided.exitCode == 0, qPrintable(decided.err));
    QVERIFY2(decided.out.contains(QStringLiteral("approved")), qPrintable(decided.out));
    QTRY_COMPARE_WITH_TIMEOUT(journal.remote(caseId)
                                  .value(QLatin1String("items"))
                                  .toObject()
                                  .value(item)
                                  .toObject()
                                  .value(QLatin1String("outcome"))
                                  .toString(),
        QStringLiteral("approved"), kWait);
    QVERIFY(journal.remote(caseId).value(QLatin1String("confirmedAt")).isString());
}

// Without seed-demo a back office never takes a DEMO- key: enrolment binds a code to the
// window's own key id (a 6-digit region, so never "DEMO-…"), and the key ring stays empty.
void TestSyncDemo::realBackOfficeRefusesADemoKey()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString serverDir = dir.filePath(QStringLiteral("backoffice"));
    const Run added = runCommand(synctest::backOfficeBinary(),
        {QStringLiteral("admin"), QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"),
            QStringLiteral("--code"), QStringLiteral("W01"), QStringLiteral("--name"), QStringLiteral("Window 1"),
            QStringLiteral("--kind"), QStringLiteral("window"), QStringLiteral("--data-dir"), serverDir});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    const QString code =
        QRegularExpression(QStringLiteral("enrolment code [^:]*: (\\S+)")).match(added.out).captured(1);
    QVERIFY2(!code.isEmpty(), qPrintable(added.out));
    const Run demoWindow = runCommand(synctest::backOfficeBinary(),
        {QStringLiteral("admin"), QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"),
            QStringLiteral("--code"), QStringLiteral("DEMO1"), QStringLiteral("--name"), QStringLiteral("Demo"),
            QStringLiteral("--kind"), QStringLiteral("window"), QStringLiteral("--data-dir"), serverDir});
    QVERIFY(demoWindow.exitCode != 0); // DEMO window codes are reserved

    synctest::Server server;
    QVERIFY(server.start(serverDir));
    const auto key = ow::receipt::WindowKey::generate(ow::receipt::KeyRing::demoKeyId(DemoAccounts::window()));
    QVERIFY2(key, qPrintable(key.error()));
    const QJsonObject body {{QStringLiteral("code"), code}, {QStringLiteral("keyId"), key->keyId()},
        {QStringLiteral("publicKey"), QString::fromLatin1(key->publicKey().toBase64())}};
    const synctest::Http enrol = synctest::http(
        server.port(), "POST", QStringLiteral("/v1/enrol"), QJsonDocument(body).toJson(QJsonDocument::Compact));
    QCOMPARE(enrol.status, 400);
    QVERIFY2(enrol.body.contains("key-id-mismatch"), enrol.body.constData());
    const synctest::Http ring = synctest::http(server.port(), "GET", QStringLiteral("/v1/keyring"));
    QCOMPARE(ring.status, 200);
    QVERIFY2(QJsonDocument::fromJson(ring.body).object().value(QLatin1String("keys")).toObject().isEmpty(),
        ring.body.constData());
}

QTEST_GUILESS_MAIN(TestSyncDemo)
#include "tst_syncdemo.moc"
