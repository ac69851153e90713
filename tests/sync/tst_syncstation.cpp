// A township station: three days of cases made with no back office (the clock is a seam), then
// the back office appears; everything drains and every receipt is confirmed.
#include "FaultProxy.h"
#include "SyncFixture.h"

#include "onewindow/receipt/ReceiptDocument.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/sync/SyncEngine.h"

#include <QTemporaryDir>
#include <QTest>

using namespace synctest;
using ow::sync::SyncEngine;
using ow::sync::SyncStatus;

class TestSyncStation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threeDaysOffline();
};

void TestSyncStation::threeDaysOffline()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FaultProxy proxy;
    QVERIFY(proxy.listen());
    {
        QTcpServer nobody; // a port where nothing listens: the 4G dongle is down
        QVERIFY(nobody.listen(QHostAddress::LocalHost, 0));
        proxy.setTarget(nobody.serverPort());
    }
    const QString clientDir = dir.filePath(QStringLiteral("client"));
    auto store = ow::store::Store::open(clientDir);
    QVERIFY2(store, qPrintable(store.error()));
    ow::store::BlobStore blobs(clientDir);
    ow::FixedClock clock(QDateTime(QDate(2026, 11, 23), QTime(1, 0), Qt::UTC)); // Monday 09:00 in Beijing

    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()));
    config.user = kClerk;
    config.password = kPassword;
    config.requestTimeoutMs = 2000;
    config.pollWaitSeconds = 2;
    config.backoffBaseMs = 50;
    config.backoffMaxMs = 1000;
    SyncEngine engine(store.value(), clientDir, config);
    engine.setClock(clock);
    QRandomGenerator rng(3);
    engine.setRandom([&rng] { return rng.generateDouble(); });
    engine.start();
    const QDateTime firstFailure = clock.now();
    QTRY_VERIFY_WITH_TIMEOUT(engine.status().state == SyncStatus::State::Offline, 10000);

    QList<MadeCase> cases;
    for (int day = 0; day < 3; ++day) {
        for (int hour = 0; hour < 6; ++hour) {
            clock.set(QDateTime(QDate(2026, 11, 23 + day), QTime(1 + hour, 0), Qt::UTC));
            cases += makeCases(store.value(), blobs, 4, 0, 0, 0, 0, rng, clock,
                [&engine] { return engine.status().state == SyncStatus::State::Offline; });
            engine.kick(); // as the intake screen does after a case
            QTest::qWait(30);
        }
        QCOMPARE(engine.status().state, SyncStatus::State::Offline);
        QCOMPARE(engine.status().offlineSince, firstFailure);
        QVERIFY(!engine.status().lastError.isEmpty());
    }
    ow::store::CaseLog log(store.value());
    QTRY_COMPARE_WITH_TIMEOUT(engine.status().pendingCases, int(cases.size()), 5000);
    // Every receipt handed out meanwhile is provisional (临时受理凭证), and says so when printed.
    for (const MadeCase &c : cases) {
        const auto record = ow::store::CaseRepository(store.value()).load(c.id);
        QVERIFY2(record, qPrintable(record.error()));
        const auto doc = ow::receipt::ReceiptDocument::fromJson(record.value().document);
        QVERIFY2(doc, qPrintable(doc.error()));
        QVERIFY2(doc->provisional, qPrintable(c.number));
        QCOMPARE(doc->title(), QStringLiteral("Provisional acceptance receipt"));
    }
    QCOMPARE(engine.status().pendingEntries, log.pendingCount());

    // The link returns on the fourth day.
    clock.set(QDateTime(QDate(2026, 11, 26), QTime(6, 0), Qt::UTC));
    const QString serverDir = dir.filePath(QStringLiteral("server"));
    const QString err = setUpWindow(serverDir);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    Server server;
    QVERIFY(server.start(serverDir));
    proxy.setTarget(server.port());
    QTRY_VERIFY2_WITH_TIMEOUT(log.pendingCount() == 0, qPrintable(engine.status().lastError), 90000);
    QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncStatus::State::Online, 10000);
    QCOMPARE(engine.status().pendingCases, 0);
    QVERIFY(!engine.status().offlineSince.isValid());

    const QByteArray token = signIn(server.port());
    QVERIFY(!token.isEmpty());
    const QStringList problems = verifyAtBackOffice(server.port(), token, store.value(), cases, false);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(QLatin1Char('\n'))));

    // Every receipt turns from provisional to confirmed: the back office's `confirmed` event
    // for each case, pulled into case_remote with its number.
    QVERIFY2(serverHasEvents(server.port(), token), "the back office serves no events");
    for (const MadeCase &c : cases) {
        QTRY_VERIFY2_WITH_TIMEOUT(
            !engine.journal().remote(c.id).value(QLatin1String("confirmedAt")).toString().isEmpty(),
            qPrintable(c.number), 20000);
        QCOMPARE(engine.journal().remote(c.id).value(QLatin1String("confirmedNumber")).toString(), c.number);
    }
    QVERIFY(engine.journal().cursor().value() > 0);
}

QTEST_GUILESS_MAIN(TestSyncStation)
#include "tst_syncstation.moc"
