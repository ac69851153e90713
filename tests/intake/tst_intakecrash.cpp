// SIGKILL at 50 random points of acceptance: no gap in case numbers, no half-written case, no
// empty draft resumed, and every case's projection is what its log says.
#include "onewindow/core/Clock.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/store/Store.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using intake::IntakeWorkflow;

class TestIntakeCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedAtFiftyRandomPoints();
};

void TestIntakeCrash::killedAtFiftyRandomPoints()
{
    QTemporaryDir dir;
    QRandomGenerator rng(20261201);
    int killed = 0;
    for (int i = 0; i < 50; ++i) {
        QProcess worker;
        worker.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        worker.start(QStringLiteral(OW_INTAKE_WORKER), {dir.path()});
        QVERIFY2(worker.waitForStarted(10000), qPrintable(worker.errorString()));
        QVERIFY2(worker.waitForReadyRead(20000), "the worker did not start");
        QVERIFY(worker.readAll().contains("ready"));
        QTest::qSleep(int(rng.bounded(10, 400)));
        QVERIFY2(worker.state() == QProcess::Running, "the worker stopped by itself (see its error above)");
        worker.kill(); // SIGKILL, mid-write somewhere
        QVERIFY(worker.waitForFinished(10000));
        ++killed;
    }
    QCOMPARE(killed, 50);

    auto store = store::Store::open(dir.path());
    QVERIFY2(store.ok(), qPrintable(store.error()));
    QSqlQuery q(store->database());
    // Numbers: every sequence number taken belongs to a case, from 1 to the last, per day.
    QVERIFY(q.exec(QStringLiteral("SELECT day, last FROM case_sequences WHERE window_code = 'W07'")));
    int days = 0, total = 0;
    while (q.next()) {
        ++days;
        const QString day = q.value(0).toString().remove(u'-');
        const int last = q.value(1).toInt();
        QSqlQuery c(store->database());
        c.prepare(QStringLiteral("SELECT number FROM cases WHERE number LIKE ? ORDER BY number"));
        c.addBindValue(QStringLiteral("330106-W07-%1-%").arg(day));
        QVERIFY(c.exec());
        int expected = 1;
        while (c.next()) {
            QCOMPARE(c.value(0).toString(),
                QStringLiteral("330106-W07-%1-%2").arg(day).arg(expected, 4, 10, QLatin1Char('0')));
            ++expected;
        }
        QCOMPARE(expected - 1, last);
        total += last;
    }
    QVERIFY(days >= 1);
    QVERIFY2(total > 25, "the worker got too little done to test anything");

    // Every case is whole: its log replays, and the projection is the log's last entry.
    auto catalog = Catalog::load(Catalog::builtinPath());
    auto calendar = WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    intake::WindowConfig config;
    config.windowCode = QStringLiteral("W07");
    config.clerk = QStringLiteral("crash-test");
    const Clock &clock = Clock::system();
    IntakeWorkflow w(catalog.value(), calendar.value(), clock, store.value(),
        receipt::WindowKey::generate(config.keyId()).value(), config);
    store::CaseRepository repo(store.value());
    const QList<store::CaseRecord> cases = repo.list(config.windowCode, false, 100000);
    QCOMPARE(int(cases.size()), total);
    int decided = 0;
    for (const store::CaseRecord &listed : cases) {
        const auto r = repo.load(listed.id);
        QVERIFY(r.ok());
        const auto entries = store::CaseLog(store.value()).entries(r->id);
        QVERIFY2(entries.ok(), qPrintable(entries.error()));
        const auto state = intake::CaseState::replay(entries.value());
        QVERIFY2(state.ok(), qPrintable(r->number + QStringLiteral(": ") + state.error()));
        QCOMPARE(r->logSeq, state->seq);
        const store::CaseRecord fromLog = w.projection(state.value(), IntakeWorkflow::Step::Identify);
        QCOMPARE(fromLog.parties, r->parties);
        QCOMPARE(fromLog.selection, r->selection);
        QCOMPARE(fromLog.answers, r->answers);
        QCOMPARE(fromLog.materials, r->materials);
        QCOMPARE(fromLog.document, r->document);
        QCOMPARE(fromLog.decision, r->decision);
        QCOMPARE(fromLog.hasContent, r->hasContent);
        if (state->decided()) {
            ++decided;
            QVERIFY(!repo.notices(r->id).isEmpty());
        }
    }
    QVERIFY(decided > 0);
    qInfo("%d cases over 50 kills, %d decided", total, decided);

    // No empty draft is resumed: what comes back has content, and the empties are abandoned.
    const QString err = w.resumeLatest();
    if (err.isEmpty())
        QVERIFY(w.state().hasContent());
    QVERIFY(repo.emptyDrafts(config.windowCode).isEmpty());
}

QTEST_GUILESS_MAIN(TestIntakeCrash)
#include "tst_intakecrash.moc"
