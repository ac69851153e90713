#include "onewindow/checklist/Checklist.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/store/Store.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using intake::IntakeWorkflow;
using intake::Party;
using Step = IntakeWorkflow::Step;
using Decision = IntakeWorkflow::Decision;

class TestIntake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fullAcceptance();
    void oneTimeNoticeListsEveryMissingMaterial();
    void resumeAfterRestart();
    void stepsAreGated_data();
    void stepsAreGated();
    void badInputChangesNothing();
    void agentAddsAuthorisationLetter();
    void noticeQrReopensTheCase();
    void toleratedAcceptance();
    void scannedDocumentIsKeptWithTheCase();

private:
    std::unique_ptr<IntakeWorkflow> makeWorkflow();
    // A new case for 王小明 with 开餐馆 chosen; null (and a failed check) if any step fails.
    std::unique_ptr<IntakeWorkflow> restaurantCase();
    void answerRestaurant(IntakeWorkflow &w, const QString &entity, int area);
    void markAll(IntakeWorkflow &w);

    std::optional<Catalog> m_catalog;
    WorkCalendar m_calendar;
    FixedClock m_clock {QDateTime(QDate(2026, 11, 27), QTime(9, 30))};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<store::Store> m_store;
    std::optional<receipt::WindowKey> m_key;
    intake::WindowConfig m_config;
};

void TestIntake::initTestCase()
{
    auto catalog = Catalog::load(Catalog::builtinPath());
    QVERIFY2(catalog.ok(), qPrintable(catalog.error()));
    m_catalog = catalog.value();
    m_calendar = WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar")).value();
    m_config.windowCode = QStringLiteral("W03");
    m_config.windowName = QStringLiteral("综合窗口 3");
    m_config.clerk = QStringLiteral("李建华");
    m_config.office = QStringLiteral("杭州市西湖区行政服务中心");
    m_key = receipt::WindowKey::generate(m_config.keyId()).value();
}

void TestIntake::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto s = store::Store::open(m_dir->path());
    QVERIFY2(s.ok(), qPrintable(s.error()));
    m_store.emplace(std::move(s.value()));
}

void TestIntake::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<IntakeWorkflow> TestIntake::makeWorkflow()
{
    return std::make_unique<IntakeWorkflow>(*m_catalog, m_calendar, m_clock, *m_store, *m_key, m_config);
}

std::unique_ptr<IntakeWorkflow> TestIntake::restaurantCase()
{
    auto w = makeWorkflow();
    const QString started = w->start();
    const QString applicant =
        w->setApplicant(Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value());
    const QString chosen = w->choose(checklist::Selection::ofBundle(QStringLiteral("open-restaurant")));
    if (!started.isEmpty() || !applicant.isEmpty() || !chosen.isEmpty()) {
        qWarning("restaurantCase: %s %s %s", qPrintable(started), qPrintable(applicant), qPrintable(chosen));
        return nullptr;
    }
    return w;
}

void TestIntake::answerRestaurant(IntakeWorkflow &w, const QString &entity, int area)
{
    QCOMPARE(w.answer(QStringLiteral("entity"), entity), QString());
    QCOMPARE(w.answer(QStringLiteral("area"), QString::number(area)), QString());
    QCOMPARE(w.answer(QStringLiteral("renovation"), QStringLiteral("no")), QString());
    QCOMPARE(w.answer(QStringLiteral("fumes"), QStringLiteral("yes")), QString());
    QCOMPARE(w.answer(QStringLiteral("signboard"), QStringLiteral("no")), QString());
}

void TestIntake::markAll(IntakeWorkflow &w)
{
    const auto lines = w.checklist().materials;
    for (const checklist::MaterialLine &l : lines)
        QCOMPARE(w.mark(l.id, checklist::Received::Original), QString());
}

void TestIntake::fullAcceptance()
{
    auto w = makeWorkflow();
    QSignalSpy changed(w.get(), &IntakeWorkflow::changed);
    QCOMPARE(w->start(), QString());
    QCOMPARE(w->caseNumber(), QStringLiteral("330106-W03-20261127-0001"));
    QCOMPARE(w->step(), Step::Identify);
    QCOMPARE(w->setApplicant(Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value()),
        QString());
    QCOMPARE(w->next(), QString());
    QCOMPARE(w->choose(checklist::Selection::ofBundle(QStringLiteral("open-restaurant"))), QString());
    QCOMPARE(w->next(), QString());
    QCOMPARE(w->checklist().verdict, checklist::Verdict::NeedsAnswers);
    answerRestaurant(*w, QStringLiteral("individual"), 120);
    QCOMPARE(w->next(), QString());
    QCOMPARE(w->step(), Step::Materials);
    markAll(*w);
    QCOMPARE(w->checklist().verdict, checklist::Verdict::Complete);
    QCOMPARE(w->next(), QString());
    QCOMPARE(w->step(), Step::Verdict);
    QVERIFY(w->allowedDecisions().contains(Decision::Accept));
    QCOMPARE(w->decide(Decision::Accept), QString());
    QCOMPARE(w->step(), Step::Print);
    QVERIFY(changed.count() > 10);

    const receipt::ReceiptDocument &doc = w->document();
    QCOMPARE(doc.kind, receipt::DocumentKind::Receipt);
    QCOMPARE(doc.applicantId, QStringLiteral("330106********123X"));
    QCOMPARE(doc.applicantName, QStringLiteral("王**"));
    QVERIFY(doc.missing.isEmpty());
    QCOMPARE(doc.received.size(), w->checklist().materials.size());
    QVERIFY(doc.promisedDate > m_clock.today());
    receipt::KeyRing ring;
    ring.add(m_key->keyId(), m_key->publicKey());
    const auto payload = ring.verify(doc.qrPayload);
    QVERIFY2(payload.ok(), qPrintable(payload.error()));
    QCOMPARE(payload->caseId, w->caseId());
    QCOMPARE(payload->caseNumber, w->caseNumber());

    QCOMPARE(w->finish(), QString());
    store::CaseRepository repo(*m_store);
    const auto rec = repo.load(w->caseId());
    QCOMPARE(rec->state, QStringLiteral("done"));
    QCOMPARE(rec->verdict, QStringLiteral("complete"));
    QCOMPARE(rec->catalogVersion, m_catalog->version());
    QCOMPARE(repo.notices(w->caseId()).size(), 1);
    QCOMPARE(repo.pendingOutbox(), 1);
    QVERIFY(!w->mark(QStringLiteral("id-card"), std::nullopt).isEmpty()); // decided cases stay as they are
}

void TestIntake::oneTimeNoticeListsEveryMissingMaterial()
{
    auto w = restaurantCase();
    QVERIFY(w);
    answerRestaurant(*w, QStringLiteral("company"), 120);
    QCOMPARE(w->mark(QStringLiteral("id-card"), checklist::Received::Original), QString());
    QCOMPARE(w->checklist().verdict, checklist::Verdict::Incomplete);
    QCOMPARE(w->goTo(Step::Verdict), QString());
    QVERIFY(!w->allowedDecisions().contains(Decision::Accept));
    QCOMPARE(w->decide(Decision::Notice), QString());

    QStringList expected;
    QSet<QString> departments;
    for (const checklist::MaterialLine &l : w->checklist().materials) {
        if (l.status == checklist::MaterialLine::Status::Missing
            || l.status == checklist::MaterialLine::Status::Tolerated) {
            expected << l.name;
            for (const checklist::Need &n : l.neededBy)
                departments.insert(m_catalog->matter(n.matter)->department);
        }
    }
    QStringList listed;
    for (const receipt::MissingLine &m : w->document().missing) {
        listed << m.material;
        QVERIFY2(!m.why.isEmpty() && !m.howToSupply.isEmpty(), qPrintable(m.material));
    }
    QCOMPARE(listed, expected);
    QVERIFY(!listed.contains(m_catalog->material(QStringLiteral("id-card"))->name));
    QVERIFY2(departments.size() >= 2, "the missing materials should span items of two departments");
    QCOMPARE(w->document().kind, receipt::DocumentKind::OneTimeNotice);
}

void TestIntake::resumeAfterRestart()
{
    QString caseId;
    {
        auto w = makeWorkflow();
        QCOMPARE(w->start(), QString());
        caseId = w->caseId();
        QCOMPARE(w->setApplicant(Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value()),
            QString());
        QCOMPARE(w->choose(checklist::Selection::ofBundle(QStringLiteral("open-restaurant"))), QString());
        answerRestaurant(*w, QStringLiteral("individual"), 40);
        QCOMPARE(w->goTo(Step::Materials), QString());
        QCOMPARE(w->mark(QStringLiteral("id-card"), checklist::Received::Original), QString());
        QCOMPARE(w->setCourier(true), QString());
    } // the window closes (or the client crashes) here

    auto w = makeWorkflow();
    QCOMPARE(w->resumeLatest(), QString());
    QCOMPARE(w->caseId(), caseId);
    QCOMPARE(w->step(), Step::Materials);
    QCOMPARE(w->applicant()->name, QStringLiteral("王小明"));
    QCOMPARE(w->selection().bundle, QStringLiteral("open-restaurant"));
    QCOMPARE(w->answers().value(QStringLiteral("area")).toInt(), 40);
    QCOMPARE(w->answers().value(QStringLiteral("entity")).toString(), QStringLiteral("individual"));
    QVERIFY(w->collected().contains(QStringLiteral("id-card")));
    QVERIFY(w->courier());
    QVERIFY(w->hasChecklist());
    // 40 m²: the small-catering registration, not the food business licence.
    bool small = false, licence = false;
    for (const auto &item : w->checklist().items) {
        small = small
            || (item.matter == QStringLiteral("330106-XK-AMR-006")
                && item.included == checklist::ItemLine::Inclusion::Included);
        licence = licence
            || (item.matter == QStringLiteral("330106-XK-AMR-003")
                && item.included == checklist::ItemLine::Inclusion::Included);
    }
    QVERIFY(small);
    QVERIFY(!licence);
    // A finished case is not resumed.
    markAll(*w);
    QCOMPARE(w->goTo(Step::Verdict), QString());
    QCOMPARE(w->decide(Decision::Accept), QString());
    QCOMPARE(w->finish(), QString());
    auto again = makeWorkflow();
    QVERIFY(!again->resumeLatest().isEmpty());
}

void TestIntake::stepsAreGated_data()
{
    QTest::addColumn<int>("setup"); // 0 nothing, 1 applicant, 2 + bundle
    QTest::addColumn<int>("target");
    QTest::addColumn<QString>("messageContains");
    QTest::newRow("choose without applicant") << 0 << int(Step::Choose) << "Identify the applicant";
    QTest::newRow("materials without a matter") << 1 << int(Step::Materials) << "Choose a matter";
    QTest::newRow("print without a decision") << 2 << int(Step::Print) << "follow a decision";
}

void TestIntake::stepsAreGated()
{
    QFETCH(int, setup);
    QFETCH(int, target);
    QFETCH(QString, messageContains);
    auto w = makeWorkflow();
    QCOMPARE(w->start(), QString());
    if (setup >= 1)
        QCOMPARE(w->setApplicant(Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value()),
            QString());
    if (setup >= 2)
        QCOMPARE(w->choose(checklist::Selection::ofBundle(QStringLiteral("open-restaurant"))), QString());
    const Step before = w->step();
    const QString err = w->goTo(Step(target));
    QVERIFY2(err.contains(messageContains), qPrintable(err));
    QCOMPARE(w->step(), before);
}

void TestIntake::badInputChangesNothing()
{
    auto w = restaurantCase();
    QVERIFY(w);
    QVERIFY(!w->choose(checklist::Selection::ofBundle(QStringLiteral("no-such-bundle"))).isEmpty());
    QCOMPARE(w->selection().bundle, QStringLiteral("open-restaurant"));
    QVERIFY(!w->answer(QStringLiteral("area"), QStringLiteral("lots")).isEmpty());
    QVERIFY(!w->answers().contains(QStringLiteral("area")));
    QVERIFY(!w->answer(QStringLiteral("no-such-question"), QStringLiteral("1")).isEmpty());
    QVERIFY(!w->mark(QStringLiteral("not-on-the-list"), checklist::Received::Copy).isEmpty());
    QVERIFY(!w->decide(Decision::Accept).isEmpty());
    QVERIFY(!Party::person(QStringLiteral("330106199001011231"), QStringLiteral("王小明")).ok());
    QVERIFY(!Party::company(QStringLiteral("91310110666007217U"), QStringLiteral("某公司")).ok());
    QVERIFY(!Party::person(QStringLiteral("33010619900101123X"), QStringLiteral(" ")).ok());
}

void TestIntake::agentAddsAuthorisationLetter()
{
    auto w = makeWorkflow();
    QCOMPARE(w->start(), QString());
    QCOMPARE(w->setApplicant(
                 Party::company(QStringLiteral("91310110666007217T"), QStringLiteral("杭州味道餐饮有限公司")).value()),
        QString());
    QCOMPARE(
        w->setAgent(Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value()), QString());
    QCOMPARE(w->choose(checklist::Selection::ofBundle(QStringLiteral("open-restaurant"))), QString());
    answerRestaurant(*w, QStringLiteral("company"), 120);
    markAll(*w);
    QCOMPARE(w->checklist().verdict, checklist::Verdict::Complete);
    QCOMPARE(w->checklist().materials.first().id, IntakeWorkflow::authorisationLetterId());
    QCOMPARE(w->mark(IntakeWorkflow::authorisationLetterId(), std::nullopt), QString());
    QCOMPARE(w->checklist().verdict, checklist::Verdict::Incomplete);
    QVERIFY(w->checklist().missing.contains(IntakeWorkflow::authorisationLetterId()));
    QCOMPARE(w->mark(IntakeWorkflow::authorisationLetterId(), checklist::Received::Copy), QString());
    QCOMPARE(w->checklist().verdict, checklist::Verdict::Incomplete);
    QCOMPARE(w->mark(IntakeWorkflow::authorisationLetterId(), checklist::Received::Original), QString());
    QCOMPARE(w->goTo(Step::Verdict), QString());
    QCOMPARE(w->decide(Decision::Accept), QString());
    QCOMPARE(w->document().agentId, QStringLiteral("330106********123X"));
    QCOMPARE(w->document().applicantId, QStringLiteral("91310110666007217T"));
    QVERIFY(
        !w->setAgent(Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value()).isEmpty());
}

void TestIntake::noticeQrReopensTheCase()
{
    auto w = restaurantCase();
    QVERIFY(w);
    answerRestaurant(*w, QStringLiteral("individual"), 120);
    QCOMPARE(w->mark(QStringLiteral("id-card"), checklist::Received::Original), QString());
    QCOMPARE(w->goTo(Step::Verdict), QString());
    QCOMPARE(w->decide(Decision::Notice), QString());
    const QString payload = w->document().qrPayload;
    QCOMPARE(w->finish(), QString());

    // Days later the applicant returns with everything; the notice's QR is scanned.
    m_clock.set(QDateTime(QDate(2026, 12, 2), QTime(14, 0)));
    receipt::KeyRing ring;
    ring.add(m_key->keyId(), m_key->publicKey());
    const auto p = ring.verify(payload);
    QVERIFY(p.ok());
    auto back = makeWorkflow();
    QCOMPARE(back->reopen(p->caseId), QString());
    QCOMPARE(back->caseNumber(), w->caseNumber());
    QCOMPARE(back->step(), Step::Materials);
    QCOMPARE(back->visits(), 2);
    QVERIFY(back->collected().contains(QStringLiteral("id-card")));
    markAll(*back);
    QCOMPARE(back->goTo(Step::Verdict), QString());
    QCOMPARE(back->decide(Decision::Accept), QString());
    QCOMPARE(back->document().kind, receipt::DocumentKind::Receipt);
    QCOMPARE(back->document().issuedAt.date(), QDate(2026, 12, 2));
    // An accepted case cannot be reopened as if it were a notice.
    auto third = makeWorkflow();
    QVERIFY(!third->reopen(p->caseId).isEmpty());
    QVERIFY(!third->hasCase()); // nothing was loaded
    m_clock.set(QDateTime(QDate(2026, 11, 27), QTime(9, 30)));
}

void TestIntake::toleratedAcceptance()
{
    auto w = restaurantCase();
    QVERIFY(w);
    answerRestaurant(*w, QStringLiteral("company"), 120);
    markAll(*w);
    // Take back the tolerable ones: the case may still be accepted, with a deadline.
    QStringList tolerable;
    for (const auto &l : w->checklist().materials) {
        if (l.tolerable)
            tolerable << l.id;
    }
    QVERIFY(!tolerable.isEmpty());
    for (const QString &id : tolerable)
        QCOMPARE(w->mark(id, std::nullopt), QString());
    QCOMPARE(w->checklist().verdict, checklist::Verdict::Tolerated);
    QCOMPARE(w->goTo(Step::Verdict), QString());
    QVERIFY(w->allowedDecisions().contains(Decision::AcceptTolerated));
    QCOMPARE(w->decide(Decision::AcceptTolerated), QString());
    QCOMPARE(w->document().kind, receipt::DocumentKind::ToleratedNotice);
    QCOMPARE(w->document().missing.size(), tolerable.size());
    QVERIFY(w->document().supplementDeadline.isValid());
    QVERIFY(w->document().supplementDeadline <= w->document().promisedDate);
}

void TestIntake::scannedDocumentIsKeptWithTheCase()
{
    const QString sha(64, u'a'), other(64, u'b');
    QString caseId;
    {
        auto w = restaurantCase();
        QVERIFY(w);
        caseId = w->caseId();
        QCOMPARE(w->attachDocument(QStringLiteral("id-card"), sha, 2), QString());
        QCOMPARE(w->attachDocument(QStringLiteral("id-card"), other, 3), QString()); // scanned again
        QVERIFY(!w->attachDocument(QStringLiteral("no-such-material"), sha, 1).isEmpty());
        QVERIFY(!w->attachDocument(QStringLiteral("id-card"), QStringLiteral("not-a-hash"), 1).isEmpty());
        QVERIFY(!w->attachDocument(QStringLiteral("id-card"), sha, 0).isEmpty());
    }
    auto w = makeWorkflow();
    QCOMPARE(w->resume(caseId), QString());
    QCOMPARE(w->documents().size(), 1);
    QCOMPARE(w->documents().value(QStringLiteral("id-card")).sha256, other);
    QCOMPARE(w->documents().value(QStringLiteral("id-card")).pageCount, 3);
    // A new case starts without them.
    QCOMPARE(w->start(), QString());
    QVERIFY(w->documents().isEmpty());
}

QTEST_GUILESS_MAIN(TestIntake)
#include "tst_intake.moc"
