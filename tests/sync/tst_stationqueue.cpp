// A township station's own queue (issue 23 item 2): tickets issued, called and served with no back
// office (its store, the real QueueRules, its own prefix Z), the client restarted in between
// (nothing lost, the numbers go on), then the link returns through a proxy that loses the first
// answers: the back office has every ticket and each of its events exactly once.
#include "FaultProxy.h"
#include "SyncFixture.h"

#include "onewindow/queue/Category.h"
#include "onewindow/sync/LocalQueueService.h"
#include "onewindow/sync/StationQueueJournal.h"
#include "onewindow/sync/SyncEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace synctest;
using ow::queue::Ticket;
using ow::queue::TicketState;
using ow::sync::LocalQueueService;
using ow::sync::QueueService;
using ow::sync::StationQueueJournal;
using ow::sync::SyncEngine;
using ow::sync::SyncStatus;

namespace {

QList<ow::queue::Category> stationCategories()
{
    return ow::queue::Category::fromGroups({{QStringLiteral("business"), QStringLiteral("商事登记")},
        {QStringLiteral("social"), QStringLiteral("社会保障")}});
}

ow::sync::SyncConfig stationConfig(quint16 port)
{
    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    config.user = kClerk;
    config.password = kPassword;
    config.requestTimeoutMs = 2000;
    config.pull = false;
    config.backoffBaseMs = 50;
    config.backoffMaxMs = 500;
    config.stationWindow = kKeyId;
    return config;
}

// The service's answer to one call: the ticket it changed or issued (or why not).
struct Answer
{
    std::optional<Ticket> ticket;
    QString failure;
    bool nobody = false;
};

Answer answerOf(LocalQueueService &queue, const std::function<void()> &call)
{
    QSignalSpy changed(&queue, &QueueService::ticketChanged);
    QSignalSpy issued(&queue, &QueueService::ticketIssued);
    QSignalSpy failed(&queue, &QueueService::failed);
    QSignalSpy nobody(&queue, &QueueService::nobodyWaiting);
    call();
    Answer a;
    if (!QTest::qWaitFor([&] { return changed.size() + issued.size() + failed.size() + nobody.size() > 0; }, 5000))
        return a;
    if (!changed.isEmpty())
        a.ticket = changed.constFirst().constFirst().value<Ticket>();
    if (!issued.isEmpty())
        a.ticket = issued.constFirst().constFirst().value<Ticket>();
    if (!failed.isEmpty())
        a.failure = failed.constFirst().constFirst().toString();
    a.nobody = !nobody.isEmpty();
    return a;
}

} // namespace

class TestStationQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("TZ", "Asia/Shanghai"); }
    void offlineRestartThenSyncedOnce();
};

void TestStationQueue::offlineRestartThenSyncedOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FaultProxy proxy;
    QVERIFY(proxy.listen());
    {
        QTcpServer nobody; // a port where nothing listens: the station's link is down
        QVERIFY(nobody.listen(QHostAddress::LocalHost, 0));
        proxy.setTarget(nobody.serverPort());
    }
    const QString clientDir = dir.filePath(QStringLiteral("client"));
    ow::FixedClock clock(QDateTime(QDate(2026, 11, 23), QTime(1, 0), Qt::UTC)); // Monday 09:00 in Beijing
    ow::queue::HallSettings settings;
    settings.recallDelay = 60;
    settings.noShowAfterCalls = 2;
    QStringList ids;
    QString servedCase;

    // Day 1, offline: six tickets issued, called, served with a real case, parked, recalled,
    // no-show, resumed, transferred and done; the engine runs and says Offline.
    {
        auto store = ow::store::Store::open(clientDir);
        QVERIFY2(store, qPrintable(store.error()));
        SyncEngine engine(store.value(), clientDir, stationConfig(proxy.port()));
        engine.setClock(clock);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(engine.status().state == SyncStatus::State::Offline, 10000);
        LocalQueueService queue(store.value(), kKeyId, QStringLiteral("Z"), clock);
        queue.setCategories(stationCategories());
        queue.setSettings(settings);
        queue.setClerk(kClerk);
        QObject::connect(&queue, &LocalQueueService::changed, &engine, &SyncEngine::kick);
        for (int i = 0; i < 6; ++i) {
            clock.set(clock.now().addSecs(120));
            const Answer a = answerOf(queue, [&] {
                queue.issue(i % 3 == 1 ? QStringLiteral("social") : QStringLiteral("business"),
                    i == 4 ? ow::queue::Priority::Elderly : ow::queue::Priority::None);
            });
            QVERIFY2(a.ticket, qPrintable(a.failure));
            QCOMPARE(a.ticket->number, QStringLiteral("Z%1").arg(i + 1, 3, 10, QLatin1Char('0')));
            QCOMPARE(a.ticket->source, ow::queue::TicketSource::Station);
            QCOMPARE(a.ticket->hall, kKeyId);
            ids << a.ticket->id;
        }
        clock.set(clock.now().addSecs(300));
        // The elderly applicant of Z005 goes ahead of the walk-ins who came up to 10 minutes before.
        Answer a = answerOf(queue, [&] { queue.callNext(); });
        QVERIFY2(a.ticket, qPrintable(a.failure));
        QCOMPARE(a.ticket->number, QStringLiteral("Z005"));
        QCOMPARE(a.ticket->state, TicketState::Called);
        // Z005 opens a case at the station (the real intake workflow), served with it, done.
        QRandomGenerator rng(7);
        ow::store::BlobStore blobs(clientDir);
        const QList<MadeCase> made = makeCases(store.value(), blobs, 1, 0, 0, 0, 0, rng, clock);
        QCOMPARE(made.size(), 1);
        servedCase = made.constFirst().number;
        a = answerOf(queue, [&] {
            queue.act(ids.at(4), QueueService::Action::Serve, {{}, {}, made.constFirst().id, made.constFirst().number});
        });
        QVERIFY2(a.ticket && a.ticket->state == TicketState::Serving, qPrintable(a.failure));
        QCOMPARE(a.ticket->caseNumber, servedCase);
        a = answerOf(queue, [&] { queue.act(ids.at(4), QueueService::Action::Done); });
        QVERIFY2(a.ticket && a.ticket->state == TicketState::Done, qPrintable(a.failure));
        a = answerOf(queue, [&] { queue.callNext(); });
        QCOMPARE(a.ticket->number, QStringLiteral("Z001"));
        a = answerOf(queue, [&] { queue.act(ids.at(0), QueueService::Action::Park); });
        QVERIFY2(a.ticket && a.ticket->state == TicketState::Parked, qPrintable(a.failure));
        a = answerOf(queue, [&] { queue.callNext(); });
        QCOMPARE(a.ticket->number, QStringLiteral("Z002"));
        // Recall: refused before the delay (the same rule as the back office's), then allowed.
        a = answerOf(queue, [&] { queue.act(ids.at(1), QueueService::Action::Recall); });
        QVERIFY(!a.ticket);
        QVERIFY(!a.failure.isEmpty());
        clock.set(clock.now().addSecs(61));
        a = answerOf(queue, [&] { queue.act(ids.at(1), QueueService::Action::Recall); });
        QVERIFY2(a.ticket && a.ticket->calls == 2, qPrintable(a.failure));
        clock.set(clock.now().addSecs(61));
        a = answerOf(queue, [&] { queue.act(ids.at(1), QueueService::Action::NoShow); });
        QVERIFY2(a.ticket && a.ticket->state == TicketState::NoShow, qPrintable(a.failure));
        a = answerOf(queue, [&] { queue.act(ids.at(0), QueueService::Action::Resume); });
        QVERIFY2(a.ticket && a.ticket->state == TicketState::Called, qPrintable(a.failure));
        a = answerOf(queue, [&] { queue.act(ids.at(0), QueueService::Action::Done); });
        QVERIFY2(a.ticket && a.ticket->state == TicketState::Done, qPrintable(a.failure));
        a = answerOf(queue, [&] { queue.callNext(); });
        QCOMPARE(a.ticket->number, QStringLiteral("Z003"));
        a = answerOf(queue, [&] {
            queue.act(ids.at(2), QueueService::Action::Transfer, {{}, QStringLiteral("social"), {}, {}});
        });
        QVERIFY2(a.ticket && a.ticket->state == TicketState::Transferred, qPrintable(a.failure));
        QCOMPARE(a.ticket->category, QStringLiteral("social"));
        // Another window does not exist at a station.
        a = answerOf(queue, [&] {
            queue.act(ids.at(3), QueueService::Action::Transfer, {QStringLiteral("330106-W01"), {}, {}, {}});
        });
        QVERIFY(!a.ticket);
        QCOMPARE(engine.status().state, SyncStatus::State::Offline);
        QVERIFY(StationQueueJournal(store.value()).unsentCount().value() > 0);
    } // the client stops (a power cut at the end of the day would leave the same)

    // Day 2, restarted: everything is there, the numbers go on, still offline.
    clock.set(QDateTime(QDate(2026, 11, 24), QTime(1, 0), Qt::UTC));
    auto store = ow::store::Store::open(clientDir);
    QVERIFY2(store, qPrintable(store.error()));
    StationQueueJournal journal(store.value());
    const int unsentBefore = journal.unsentCount().value();
    SyncEngine engine(store.value(), clientDir, stationConfig(proxy.port()));
    engine.setClock(clock);
    engine.start();
    LocalQueueService queue(store.value(), kKeyId, QStringLiteral("Z"), clock);
    queue.setCategories(stationCategories());
    queue.setSettings(settings);
    queue.setClerk(kClerk);
    QObject::connect(&queue, &LocalQueueService::changed, &engine, &SyncEngine::kick);
    const auto snapshot = queue.snapshot();
    QVERIFY2(snapshot, qPrintable(snapshot.error()));
    QStringList waiting;
    for (const Ticket &t : snapshot->next)
        waiting << t.number;
    QCOMPARE(waiting, (QStringList {QStringLiteral("Z003"), QStringLiteral("Z004"), QStringLiteral("Z006")}));
    QCOMPARE(snapshot->calls.constFirst().number, QStringLiteral("Z003"));
    Answer a = answerOf(queue, [&] { queue.issue(QStringLiteral("business"), ow::queue::Priority::None); });
    QVERIFY2(a.ticket, qPrintable(a.failure));
    QCOMPARE(a.ticket->number, QStringLiteral("Z001")); // a new day, a new sequence
    ids << a.ticket->id;
    QCOMPARE(journal.unsentCount().value(), unsentBefore + 1);
    QTRY_VERIFY_WITH_TIMEOUT(engine.status().state == SyncStatus::State::Offline, 10000);

    // The link returns, but the answers are lost on the way: the back office applies the push,
    // the station does not hear it and sends it again.
    const QString serverDir = dir.filePath(QStringLiteral("server"));
    const QString err = setUpWindow(serverDir);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    Server server;
    QVERIFY(server.start(serverDir));
    const QByteArray token = signIn(server.port());
    QVERIFY(!token.isEmpty());
    const auto atBackOffice = [&](const QString &id) {
        return http(
            server.port(), "GET", QStringLiteral("/v1/tickets/%1").arg(id), {}, {{"Authorization", "Bearer " + token}});
    };
    proxy.setMode(FaultProxy::Mode::DropAnswer);
    proxy.setTarget(server.port());
    engine.setCredentials(kClerk, kPassword, token);
    QTRY_VERIFY_WITH_TIMEOUT(atBackOffice(ids.constLast()).status == 200, 30000);
    QVERIFY(proxy.injected() > 0);
    QVERIFY(journal.unsentCount().value() > 0); // applied there, not known here
    proxy.setMode(FaultProxy::Mode::Pass);
    QTRY_COMPARE_WITH_TIMEOUT(journal.unsentCount().value(), 0, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncStatus::State::Online, 10000);

    // Each ticket once, as the station has it, with each of its events once, in order.
    for (const QString &id : std::as_const(ids)) {
        const Http r = atBackOffice(id);
        QCOMPARE(r.status, 200);
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        auto there = Ticket::fromJson(body.value(QLatin1String("ticket")).toObject());
        QVERIFY2(there, qPrintable(there.error()));
        const auto here = journal.ticket(id);
        QVERIFY(here);
        QCOMPARE(there->number, here->number);
        QCOMPARE(there->state, here->state);
        QCOMPARE(there->category, here->category);
        QCOMPARE(there->caseNumber, here->caseNumber);
        const auto events = journal.events(id);
        QVERIFY(events);
        const QJsonArray stored = body.value(QLatin1String("events")).toArray();
        QCOMPARE(stored.size(), events->size());
        for (int i = 0; i < stored.size(); ++i) {
            const QJsonObject e = stored.at(i).toObject();
            QCOMPARE(e.value(QLatin1String("seq")).toInt(), events->at(i).seq);
            QCOMPARE(e.value(QLatin1String("kind")).toString(), events->at(i).kind);
            QCOMPARE(
                QDateTime::fromString(e.value(QLatin1String("at")).toString(), Qt::ISODateWithMs), events->at(i).at);
        }
    }
    const auto first = journal.events(ids.at(4));
    QStringList kinds;
    for (const auto &e : first.value())
        kinds << e.kind;
    QCOMPARE(kinds,
        (QStringList {
            QStringLiteral("issued"), QStringLiteral("called"), QStringLiteral("served"), QStringLiteral("done")}));
    const Http served = atBackOffice(ids.at(4));
    QCOMPARE(Ticket::fromJson(QJsonDocument::fromJson(served.body).object().value(QLatin1String("ticket")).toObject())
                 ->caseNumber,
        servedCase);
}

QTEST_GUILESS_MAIN(TestStationQueue)
#include "tst_stationqueue.moc"
