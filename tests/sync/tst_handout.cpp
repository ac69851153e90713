// The case comes back to the window (issue 22) against a real back office (admin seed-demo), the
// window's real sync engine and the departments played by `onewindow-tool dept decide`: a
// department's supplement request taken in with its scan and seen by the department; a 容缺 case
// completed by its supplement; the hand-out through the receipt's scanned QR (the slip signed and
// its QR verified); an agent's hand-out with their card and the authorisation; a dispatch with a
// tracking number; visit counts of notice → return → accept → pickup and of a complete case sent
// by courier. Cases are made through the real IntakeWorkflow, as the clerk makes them.
#include "DemoWindow.h"
#include "SyncFixture.h"

#include "onewindow/account/SyncLink.h"
#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/core/DemoAccounts.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/CaseService.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/QrPayload.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/BlobStore.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/store/Store.h"
#include "onewindow/sync/SyncJournal.h"
#include "onewindow/sync/SyncService.h"
#include "onewindow/testsupport/RestaurantVisit.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using ow::core::DemoAccounts;
using ow::intake::CaseService;
using ow::intake::IntakeWorkflow;
using Run = synctest::CommandRun;
using synctest::runCommand;

namespace {

constexpr int kWait = 30000;

// What the back office said about entries it did not take (for a failure's message).
QString conflictsOf(ow::store::Store &store)
{
    const auto list = ow::sync::SyncJournal(store).conflicts();
    if (!list)
        return list.error();
    QStringList out;
    for (const auto &c : list.value())
        out << QStringLiteral("seq %1 [%2]: %3").arg(c.seq).arg(c.fields.join(u',')).arg(c.message);
    return out.join(u'\n');
}

QString statusOf(ow::account::SyncLink &link, ow::store::Store &store)
{
    const auto st = link.engine()->status();
    return QStringLiteral("state %1, pending %2 entries %3 blobs, last error: %4; %5")
        .arg(int(st.state))
        .arg(st.pendingEntries)
        .arg(st.pendingBlobs)
        .arg(st.lastError, conflictsOf(store));
}
const QString kApplicant = QStringLiteral("33010619900101123X");
const QString kAgent = QStringLiteral("110101198001010053");

} // namespace

class TestHandout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void departmentSupplementReachesTheDepartmentWithItsScan();
    void toleratedCaseCompletedByItsSupplement();
    void handOutThroughTheScannedReceiptQr();
    void agentCollectsWithTheirCardAndTheAuthorisation();
    void dispatchedByCourierWithATrackingNumber();
    void noticeReturnAcceptPickupCountsTwoVisits();
    void cleanupTestCase();

private:
    enum class How { Accept, Tolerated, NoticeThenAccept };
    // A case as the clerk makes it (open-restaurant), synced and routed; "" and a failure.
    QString makeCase(How how);
    bool synced(const QString &caseId);
    QString dept(const QStringList &args); // onewindow-tool dept … as the department's user
    // Every routed item approved and its result ready; the window hears of it.
    bool allReady(const QString &caseId);
    std::unique_ptr<CaseService> service(const QString &caseId);
    QJsonObject remote(const QString &caseId) { return ow::sync::SyncJournal(*m_demo.store).remote(caseId); }
    QJsonArray departmentItems(const QString &department);
    QJsonObject progress(const QString &caseId); // GET /v1/cases/{id} as the clerk: its "progress"
    QByteArray token(const QString &user);
    ow::receipt::KeyRing ring() const;

    QTemporaryDir m_dir;
    synctest::DemoWindow m_demo;
};

void TestHandout::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString why = m_demo.seed(m_dir.path());
    QVERIFY2(why.isEmpty(), qPrintable(why));
    why = m_demo.start();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    m_demo.config.clerk = QStringLiteral("Demo clerk");
}

void TestHandout::cleanupTestCase()
{
    m_demo.stop();
}

ow::receipt::KeyRing TestHandout::ring() const
{
    // A demo window trusts its own demo key only (KeyRing::loadDirectory).
    auto r = ow::receipt::KeyRing::loadDirectory(m_demo.keysDir, m_demo.key->keyId());
    return r ? r.value() : ow::receipt::KeyRing();
}

QString TestHandout::makeCase(How how)
{
    IntakeWorkflow w(*m_demo.catalog, *m_demo.calendar, ow::Clock::system(), *m_demo.store, *m_demo.key, m_demo.config);
    ow::testsupport::RestaurantVisit visit;
    visit.idNumber = kApplicant;
    visit.entity = QStringLiteral("company");
    visit.outcome = how == How::Tolerated ? ow::testsupport::RestaurantVisit::Outcome::Tolerated
        : how == How::NoticeThenAccept    ? ow::testsupport::RestaurantVisit::Outcome::NoticeThenAccept
                                          : ow::testsupport::RestaurantVisit::Outcome::Accept;
    if (how == How::Tolerated) // every tolerable material follows later
        visit.lacks = [](const ow::checklist::MaterialLine &line) { return line.tolerable; };
    visit.comeBack = [this](IntakeWorkflow &again) {
        // The applicant is back with the notice: its QR (checked) continues the case.
        const auto verified = ring().check(again.document().qrPayload);
        return verified ? again.reopen(verified->payload.caseId) : verified.error();
    };
    if (const QString why = ow::testsupport::walkRestaurant(w, visit); !why.isEmpty()) {
        QTest::qFail(qPrintable(why), __FILE__, __LINE__);
        return QString();
    }
    return synced(w.caseId()) ? w.caseId() : QString();
}

bool TestHandout::synced(const QString &caseId)
{
    m_demo.link->engine()->kick();
    ow::store::CaseLog log(*m_demo.store);
    if (!QTest::qWaitFor([&] { return log.pendingCount() == 0; }, kWait)
        || !m_demo.link->engine()->status().conflicts.isEmpty()) {
        QTest::qFail(qPrintable(QStringLiteral("not synced: ") + conflictsOf(*m_demo.store)), __FILE__, __LINE__);
        return false;
    }
    if (!QTest::qWaitFor([&] { return !remote(caseId).value(QLatin1String("routed")).toObject().isEmpty(); }, kWait)) {
        QTest::qFail("not routed", __FILE__, __LINE__);
        return false;
    }
    return true;
}

QString TestHandout::dept(const QStringList &args)
{
    // The department user of the item's department (`args`: decide CASE ITEM … with the
    // department appended as the last element by the callers).
    QStringList a = args;
    const QString department = a.takeLast();
    const Run r = runCommand(QStringLiteral(OW_TOOL),
        QStringList {QStringLiteral("dept")} + a
            + QStringList {QStringLiteral("--server"), m_demo.url, QStringLiteral("--user"),
                DemoAccounts::departmentUser(department), QStringLiteral("--password"), DemoAccounts::password()});
    return r.exitCode == 0 ? QString() : r.err + r.out;
}

QByteArray TestHandout::token(const QString &user)
{
    const QJsonObject body {{QStringLiteral("name"), user}, {QStringLiteral("password"), DemoAccounts::password()}};
    const auto session = synctest::http(m_demo.server.port(), "POST", QStringLiteral("/v1/sessions"),
        QJsonDocument(body).toJson(QJsonDocument::Compact), {{"Content-Type", "application/json"}});
    return QJsonDocument::fromJson(session.body).object().value(QLatin1String("token")).toString().toLatin1();
}

QJsonObject TestHandout::progress(const QString &caseId)
{
    const auto r = synctest::http(m_demo.server.port(), "GET", QStringLiteral("/v1/cases/%1").arg(caseId), {},
        {{"Authorization", "Bearer " + token(DemoAccounts::clerk())}});
    return QJsonDocument::fromJson(r.body).object().value(QLatin1String("progress")).toObject();
}

QJsonArray TestHandout::departmentItems(const QString &department)
{
    const QByteArray token = this->token(DemoAccounts::departmentUser(department));
    const auto r = synctest::http(m_demo.server.port(), "GET",
        QStringLiteral("/v1/departments/%1/items").arg(department), {}, {{"Authorization", "Bearer " + token}});
    return QJsonDocument::fromJson(r.body).object().value(QLatin1String("items")).toArray();
}

bool TestHandout::allReady(const QString &caseId)
{
    const QJsonObject routed = remote(caseId).value(QLatin1String("routed")).toObject();
    for (auto it = routed.begin(); it != routed.end(); ++it) {
        for (const QJsonValue &v : it.value().toArray()) {
            for (const QString &step : {QStringLiteral("--approve"), QStringLiteral("--ready")}) {
                const QString err = dept({QStringLiteral("decide"), caseId, v.toString(), step, it.key()});
                if (!err.isEmpty()) {
                    QTest::qFail(qPrintable(err), __FILE__, __LINE__);
                    return false;
                }
            }
        }
    }
    if (!QTest::qWaitFor([&] { return remote(caseId).contains(QLatin1String("handoutAt")); }, kWait)) {
        QTest::qFail("the window did not hear that every item is done", __FILE__, __LINE__);
        return false;
    }
    return true;
}

std::unique_ptr<CaseService> TestHandout::service(const QString &caseId)
{
    auto s = std::make_unique<CaseService>(
        *m_demo.catalog, *m_demo.calendar, ow::Clock::system(), *m_demo.store, *m_demo.key, m_demo.config);
    const QString err = s->open(caseId, remote(caseId));
    if (!err.isEmpty()) {
        QTest::qFail(qPrintable(err), __FILE__, __LINE__);
        return nullptr;
    }
    return s;
}

void TestHandout::departmentSupplementReachesTheDepartmentWithItsScan()
{
    const QString caseId = makeCase(How::Accept);
    QVERIFY(!caseId.isEmpty());
    const QJsonObject routed = remote(caseId).value(QLatin1String("routed")).toObject();
    const QString department = routed.keys().constFirst();
    const QString item = routed.value(department).toArray().first().toString();
    QCOMPARE(dept({QStringLiteral("decide"), caseId, item, QStringLiteral("--supplement"), QStringLiteral("消防平面图"),
                 department}),
        QString());
    QTRY_COMPARE_WITH_TIMEOUT(remote(caseId)
                                  .value(QLatin1String("items"))
                                  .toObject()
                                  .value(item)
                                  .toObject()
                                  .value(QLatin1String("outcome"))
                                  .toString(),
        QStringLiteral("supplement"), kWait);

    auto s = service(caseId);
    QVERIFY(s);
    // One task: what the department asked for, due in working days from the calendar, not overdue.
    const auto tasks = s->tasks();
    QCOMPARE(tasks.size(), 1);
    QCOMPARE(tasks.first().id, QStringLiteral("item:") + item);
    QCOMPARE(tasks.first().what, QStringLiteral("消防平面图"));
    QVERIFY(tasks.first().due.isValid());
    QVERIFY(tasks.first().due > QDate::currentDate());
    QVERIFY(m_demo.calendar->isWorkingDay(tasks.first().due));
    QVERIFY(!tasks.first().overdue);
    QVERIFY(!s->readyForHandout().isEmpty()); // not while a department waits for a supplement

    // The applicant is back with the plan: scanned, taken in.
    ow::store::BlobStore blobs(m_demo.clientDir);
    const auto sha = blobs.put(QByteArrayLiteral("%PDF-1.4\n% the fire plan, scanned\n%%EOF\n"));
    QVERIFY2(sha, qPrintable(sha.error()));
    QCOMPARE(s->takeSupplement(
                 tasks.first().id, {{QStringLiteral("消防平面图"), QStringLiteral("original"), *sha, 1}}, QString()),
        QString());
    QVERIFY(s->tasks().isEmpty());
    QCOMPARE(s->state().visits, 2); // the return is a counted visit
    QCOMPARE(s->visitsUntilResult(), 2);
    // A task is taken in once.
    QVERIFY(!s->takeSupplement(tasks.first().id, {{QStringLiteral("x"), QStringLiteral("copy"), {}, 0}}, {}).isEmpty());

    // Sync carries it: the back office applies the entries and the department sees the scan.
    m_demo.link->engine()->kick();
    ow::store::CaseLog log(*m_demo.store);
    QTRY_VERIFY2_WITH_TIMEOUT(log.pendingCount() == 0, qPrintable(statusOf(*m_demo.link, *m_demo.store)), kWait);
    QVERIFY(m_demo.link->engine()->status().conflicts.isEmpty());
    QString seen;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QJsonValue &v : departmentItems(department)) {
                const QJsonObject o = v.toObject();
                if (o.value(QLatin1String("id")).toString() == item
                    || o.value(QLatin1String("item")).toString() == item)
                    seen = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
            }
            return seen.contains(*sha);
        }(),
        kWait);
    // …and decides again.
    QCOMPARE(dept({QStringLiteral("decide"), caseId, item, QStringLiteral("--approve"), department}), QString());
}

void TestHandout::toleratedCaseCompletedByItsSupplement()
{
    const QString caseId = makeCase(How::Tolerated);
    QVERIFY(!caseId.isEmpty());
    auto s = service(caseId);
    QVERIFY(s);
    const auto tasks = s->tasks();
    QVERIFY(!tasks.isEmpty());
    for (const auto &t : tasks) {
        QCOMPARE(t.source, ow::intake::SupplementTask::Source::Tolerated);
        QVERIFY(t.id.startsWith(QLatin1String("tolerated:")));
        QVERIFY(t.due >= s->state().document->supplementDeadline); // each line's own day, the earliest printed
        QVERIFY(t.due.isValid() && t.due <= s->state().document->promisedDate);
    }
    for (const auto &t : tasks)
        QCOMPARE(s->takeSupplement(t.id, {{t.material, QStringLiteral("original"), {}, 0}}, QStringLiteral("带来了")),
            QString());
    QVERIFY(s->tasks().isEmpty());
    QCOMPARE(s->state().visits, 1 + int(tasks.size()));
    m_demo.link->engine()->kick();
    ow::store::CaseLog log(*m_demo.store);
    QTRY_VERIFY2_WITH_TIMEOUT(log.pendingCount() == 0, qPrintable(statusOf(*m_demo.link, *m_demo.store)), kWait);
    QVERIFY(m_demo.link->engine()->status().conflicts.isEmpty());
}

void TestHandout::handOutThroughTheScannedReceiptQr()
{
    const QString caseId = makeCase(How::Accept);
    QVERIFY(!caseId.isEmpty());
    QVERIFY(allReady(caseId));
    // The receipt's QR, as the scanner reads it from the paper: checked, then its case.
    const auto notices = ow::store::CaseRepository(*m_demo.store).notices(caseId);
    QVERIFY(!notices.isEmpty());
    const auto verified = ring().check(notices.first().qrPayload);
    QVERIFY2(verified, qPrintable(verified.error()));
    auto s = service(verified->payload.caseId);
    QVERIFY(s);
    QCOMPARE(s->readyForHandout(), QString());
    QStringList ids;
    for (const auto &c : s->items()) {
        QCOMPARE(c.state, QStringLiteral("ready"));
        ids << c.item;
    }
    const auto applicant = ow::intake::Party::person(kApplicant, QStringLiteral("王小明"));
    QCOMPARE(s->handOut(applicant.value(), std::nullopt, ids), QString());
    QVERIFY(s->delivered());
    QCOMPARE(s->pickups(), 1);
    QCOMPARE(s->visitsUntilResult(), 1);
    for (const auto &c : s->items())
        QCOMPARE(c.state, QStringLiteral("handedOut"));
    // The slip is signed like the receipt: its QR verifies and vouches for exactly this slip.
    QVERIFY(s->slip());
    const auto slipQr = ring().check(s->slip()->qrPayload);
    QVERIFY2(slipQr, qPrintable(slipQr.error()));
    QVERIFY(slipQr->payload.isSlip());
    QVERIFY(slipQr->payload.vouchesFor(*s->slip()));
    QCOMPARE(s->slip()->items.size(), ids.size());
    QCOMPARE(s->slip()->visits, 1);
    // Handed out once.
    QVERIFY(!s->handOut(applicant.value(), std::nullopt, ids).isEmpty());
    m_demo.link->engine()->kick();
    ow::store::CaseLog log(*m_demo.store);
    QTRY_VERIFY2_WITH_TIMEOUT(log.pendingCount() == 0, qPrintable(statusOf(*m_demo.link, *m_demo.store)), kWait);
    QVERIFY(m_demo.link->engine()->status().conflicts.isEmpty());
}

void TestHandout::agentCollectsWithTheirCardAndTheAuthorisation()
{
    const QString caseId = makeCase(How::Accept);
    QVERIFY(!caseId.isEmpty());
    QVERIFY(allReady(caseId));
    auto s = service(caseId);
    QVERIFY(s);
    QStringList ids;
    for (const auto &c : s->items())
        ids << c.item;
    const auto agent = ow::intake::Party::person(kAgent, QStringLiteral("李代办"));
    QVERIFY2(agent, qPrintable(agent.error()));
    // Without the applicant's authorisation nobody else collects.
    const QString refused = s->handOut(agent.value(), std::nullopt, ids);
    QVERIFY2(refused.contains(QStringLiteral("authorisation")), qPrintable(refused));
    QVERIFY(!s->delivered());
    ow::store::BlobStore blobs(m_demo.clientDir);
    const auto letter = blobs.put(QByteArrayLiteral("%PDF-1.4\n% letter of authorisation\n%%EOF\n"));
    QVERIFY(letter);
    QCOMPARE(s->handOut(agent.value(), ow::intake::CaseState::DocumentRef {*letter, 1}, ids), QString());
    QVERIFY(s->slip());
    QCOMPARE(s->slip()->collectorName, agent->maskedName());
    QVERIFY(s->slip()->authorisation);
    QVERIFY(!s->slip()->collectorId.contains(QStringLiteral("19800101"))); // masked on paper
    m_demo.link->engine()->kick();
    ow::store::CaseLog log(*m_demo.store);
    QTRY_VERIFY2_WITH_TIMEOUT(log.pendingCount() == 0, qPrintable(statusOf(*m_demo.link, *m_demo.store)), kWait);
    QVERIFY(m_demo.link->engine()->status().conflicts.isEmpty());
}

void TestHandout::dispatchedByCourierWithATrackingNumber()
{
    const QString caseId = makeCase(How::Accept);
    QVERIFY(!caseId.isEmpty());
    QVERIFY(allReady(caseId));
    auto s = service(caseId);
    QVERIFY(s);
    QStringList ids;
    for (const auto &c : s->items())
        ids << c.item;
    const ow::intake::DispatchAddress to {
        QStringLiteral("王小明"), QStringLiteral("13800000000"), QStringLiteral("浙江省杭州市西湖区文三路 1 号")};
    QVERIFY(!s->dispatch(to, QStringLiteral("EMS"), QString(), ids).isEmpty()); // no tracking number
    QCOMPARE(s->dispatch(to, QStringLiteral("EMS"), QStringLiteral("EA123456789CN"), ids), QString());
    QVERIFY(s->delivered());
    QCOMPARE(s->pickups(), 0); // no pickup visit
    QCOMPARE(s->visitsUntilResult(), 1); // at most one visit: met
    QCOMPARE(s->state().visits, 1);
    QCOMPARE(s->slip()->kind, ow::receipt::SlipKind::Dispatch);
    QCOMPARE(s->slip()->tracking, QStringLiteral("EA123456789CN"));
    QVERIFY(!s->slip()->address.contains(QStringLiteral("文三路"))); // masked on paper
    const auto qr = ring().check(s->slip()->qrPayload);
    QVERIFY2(qr, qPrintable(qr.error()));
    for (const auto &c : s->items())
        QCOMPARE(c.state, QStringLiteral("dispatched"));
    m_demo.link->engine()->kick();
    ow::store::CaseLog log(*m_demo.store);
    QTRY_VERIFY2_WITH_TIMEOUT(log.pendingCount() == 0, qPrintable(statusOf(*m_demo.link, *m_demo.store)), kWait);
    QVERIFY(m_demo.link->engine()->status().conflicts.isEmpty());
    const QJsonObject visits = progress(caseId).value(QLatin1String("visits")).toObject();
    QCOMPARE(visits.value(QLatin1String("untilResult")).toInt(), 1);
    QCOMPARE(visits.value(QLatin1String("pickup")).toInt(), 0);
    QCOMPARE(visits.value(QLatin1String("dispatched")).toBool(), true);
    QCOMPARE(visits.value(QLatin1String("atMostOnce")).toBool(), true);
}

void TestHandout::noticeReturnAcceptPickupCountsTwoVisits()
{
    const QString caseId = makeCase(How::NoticeThenAccept);
    QVERIFY(!caseId.isEmpty());
    QVERIFY(allReady(caseId));
    auto s = service(caseId);
    QVERIFY(s);
    QCOMPARE(s->visitsUntilResult(), 2); // the first visit and the return with the notice
    QStringList ids;
    for (const auto &c : s->items())
        ids << c.item;
    QCOMPARE(s->handOut(ow::intake::Party::person(kApplicant, QStringLiteral("王小明")).value(), std::nullopt, ids),
        QString());
    QCOMPARE(s->visitsUntilResult(), 2);
    QCOMPARE(s->pickups(), 1);
    QCOMPARE(s->state().visits, 3);
    QCOMPARE(s->slip()->visits, 2);
    // The log says so: a return and a pickup, each a visit entry.
    QStringList whys;
    for (const auto &e : s->entries()) {
        if (e.kind == QLatin1String("visit"))
            whys << e.payload.value(QLatin1String("why")).toString();
    }
    QCOMPARE(whys, (QStringList {QStringLiteral("first"), QStringLiteral("return"), QStringLiteral("pickup")}));
    // The 案件 list's projection: 2 visits until the result, one pickup beside them.
    const auto rec = ow::store::CaseRepository(*m_demo.store).load(caseId);
    QVERIFY(rec);
    QCOMPARE(rec->visits, 3);
    QCOMPARE(rec->draft.value(QLatin1String("pickups")).toInt(), 1);
    QCOMPARE(rec->draft.value(QLatin1String("delivery")).toString(), QStringLiteral("handedOut"));
    m_demo.link->engine()->kick();
    ow::store::CaseLog log(*m_demo.store);
    QTRY_VERIFY2_WITH_TIMEOUT(log.pendingCount() == 0, qPrintable(statusOf(*m_demo.link, *m_demo.store)), kWait);
    QVERIFY(m_demo.link->engine()->status().conflicts.isEmpty());
    // The back office counts the same from the synced log.
    const QJsonObject visits = progress(caseId).value(QLatin1String("visits")).toObject();
    QCOMPARE(visits.value(QLatin1String("untilResult")).toInt(), 2);
    QCOMPARE(visits.value(QLatin1String("pickup")).toInt(), 1);
    QCOMPARE(visits.value(QLatin1String("atMostOnce")).toBool(), false);
}

QTEST_GUILESS_MAIN(TestHandout)
#include "tst_handout.moc"
