// A conflict (409) stops its case and nothing else: the other cases drain, and the status ends
// Online with the conflict listed (its kind and the back office's words), not "syncing" forever.
#include "SyncFixture.h"

#include "onewindow/store/CaseLog.h"
#include "onewindow/sync/SyncEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace synctest;
using ow::sync::SyncConflict;
using ow::sync::SyncEngine;
using ow::sync::SyncStatus;

class TestSyncConflict : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conflictDoesNotStall();
};

void TestSyncConflict::conflictDoesNotStall()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString serverDir = dir.filePath(QStringLiteral("server"));
    Server server;
    QVERIFY(server.start(serverDir));
    const QString setUp = setUpWindow(serverDir);
    QVERIFY2(setUp.isEmpty(), qPrintable(setUp));
    const bool tus = serverHasTus(server.port());

    const QString clientDir = dir.filePath(QStringLiteral("client"));
    auto store = ow::store::Store::open(clientDir);
    QVERIFY2(store, qPrintable(store.error()));
    ow::store::BlobStore blobs(clientDir);
    QRandomGenerator rng(13);
    const int perCase = tus ? 2 : 0;
    const QList<MadeCase> cases =
        makeCases(store.value(), blobs, 5, perCase, perCase, 2000, 6000, rng, ow::Clock::system());

    // The back office already holds another entry 1 of the third case, as if another copy of this
    // window's store had started it a minute later.
    const MadeCase &stopped = cases.at(2);
    ow::store::CaseLog log(store.value());
    const auto entries = log.entries(stopped.id);
    QVERIFY2(entries, qPrintable(entries.error()));
    QJsonObject other = entries.value().first().toJson();
    other.insert(QStringLiteral("at"), entries.value().first().at.addSecs(60).toUTC().toString(Qt::ISODateWithMs));
    const QByteArray token = signIn(server.port());
    QVERIFY(!token.isEmpty());
    const Http posted = http(server.port(), "POST", QStringLiteral("/v1/cases/%1/entries").arg(stopped.id),
        QJsonDocument(QJsonArray {other}).toJson(QJsonDocument::Compact), {{"Authorization", "Bearer " + token}});
    QVERIFY2(posted.status == 200 || posted.status == 202, posted.body.constData());

    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    config.user = kClerk;
    config.password = kPassword;
    config.pull = false;
    config.backoffBaseMs = 50;
    config.backoffMaxMs = 500;
    config.idleRecheckMs = 200;
    SyncEngine engine(store.value(), clientDir, config);
    QSignalSpy drained(&engine, &SyncEngine::drained);
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(drained.count() > 0, 60000);

    const SyncStatus status = engine.status();
    QCOMPARE(int(status.state), int(SyncStatus::State::Online));
    QCOMPARE(status.pendingEntries, 0);
    QCOMPARE(status.pendingCases, 0);
    QCOMPARE(status.pendingBlobs, 0);
    QCOMPARE(status.conflicts.size(), 1);
    const SyncConflict &c = status.conflicts.first();
    QCOMPARE(int(c.kind), int(SyncConflict::Kind::Conflict));
    QCOMPARE(c.caseId, stopped.id);
    QCOMPARE(c.caseNumber, stopped.number);
    QCOMPARE(c.seq, 1);
    QCOMPARE(c.fields, QStringList {QStringLiteral("at")});
    QVERIFY2(!c.message.isEmpty(), "the back office's words are kept");
    QCOMPARE(engine.journal().blockedCases().value(), QSet<QString> {stopped.id});
    QVERIFY(!engine.journal().sendableCases().value().contains(stopped.id));
    QVERIFY(engine.journal().pendingCases().value().contains(stopped.id)); // kept, never dropped

    // Nothing of the stopped case was acknowledged; every other case is at the back office.
    QCOMPARE(log.pendingCount(), int(entries.value().size()));
    QList<MadeCase> others = cases;
    others.removeAt(2);
    QStringList problems = verifyAtBackOffice(server.port(), token, store.value(), others, tus);
    problems.removeIf([](const QString &p) { return p.startsWith(QLatin1String("the outbox still holds")); });
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // Looking at the outbox again (a kick, the idle recheck) changes nothing: still Online.
    const int before = int(drained.count());
    engine.kick();
    QTRY_VERIFY_WITH_TIMEOUT(drained.count() > before, 10000);
    QCOMPARE(int(engine.status().state), int(SyncStatus::State::Online));
    QCOMPARE(engine.status().conflicts.size(), 1);
    QCOMPARE(log.pendingCount(), int(entries.value().size()));
    engine.stop();
}

QTEST_GUILESS_MAIN(TestSyncConflict)
#include "tst_syncconflict.moc"
