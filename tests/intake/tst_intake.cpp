#include "IntakeFixture.h"

#include "onewindow/checklist/Checklist.h"
#include "onewindow/intake/DocumentBuilder.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/printer/PrinterProfile.h"
#include "onewindow/receipt/DocumentLayout.h"
#include "onewindow/receipt/EscPosReceipt.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/store/Store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using intake::IntakeWorkflow;
using intake::Party;
using Step = IntakeWorkflow::Step;
using Decision = IntakeWorkflow::Decision;

class TestIntake : public QObject, protected IntakeFixture
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
    void logOfAWholeAcceptance();
    void logOfNoticeReturnAccept();
    void logOfARefusal();
    void replayGivesTheStoredState();
    void reprintAWeekLaterIsIdentical();
    void pinnedCatalogueIsKept();
    void emptyDraftsAreAbandoned();
    void decidedCaseDoesNotDrift();
    void receivedWording_data();
    void receivedWording();
    void receiptStatesWhatWasRecorded();
    void textConditionsAreConfirmed();
    void scannedDocumentIsKeptWithTheCase();
    void copiesAsTheChecklistAsks();
    void leftCaseIsAbandoned();

private:
    QStringList kinds(const QString &caseId);
    void verifyReplayMatches(const IntakeWorkflow &w);
    // A new case for 王小明 with 开餐馆 chosen; null (and a failed check) if any step fails.
    std::unique_ptr<IntakeWorkflow> restaurantCase();
    void answerRestaurant(IntakeWorkflow &w, const QString &entity, int area);
    void markAll(IntakeWorkflow &w);
};

void TestIntake::initTestCase()
{
    loadOnce();
}

void TestIntake::init()
{
    openStore();
}

void TestIntake::cleanup()
{
    closeStore();
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
    QCOMPARE(repo.pendingOutbox(), store::CaseLog(*m_store).entries(w->caseId())->size());
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
    // Each line gives its own day, never after the case is due, and the earliest is the one
    // printed as the deadline; a day brought forward by the promised time says why.
    bool capped = false;
    for (const auto &l : w->checklist().materials)
        capped = capped || (l.status == checklist::MaterialLine::Status::Tolerated && l.deadlineCapped);
    QDate earliest;
    for (const receipt::MissingLine &m : w->document().missing) {
        QVERIFY(m.supplementBy.isValid());
        QVERIFY(m.supplementBy <= w->document().promisedDate);
        if (!earliest.isValid() || m.supplementBy < earliest)
            earliest = m.supplementBy;
    }
    QCOMPARE(earliest, w->document().supplementDeadline);
    QCOMPARE(!w->document().deadlineNote.isEmpty(), capped);
    if (capped)
        QVERIFY(w->document().deadlineNote.contains(w->checklist().promiseCapMatter));
}

void TestIntake::receivedWording_data()
{
    using checklist::MaterialLine;
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("producedBy");
    QTest::addColumn<bool>("eLicence");
    QTest::addColumn<int>("originals");
    QTest::addColumn<int>("copies");
    QTest::addColumn<QString>("expected");
    const int received = int(MaterialLine::Status::Received);
    const int waived = int(MaterialLine::Status::Waived);
    QTest::newRow("issued within the matter") << waived << int(AcceptanceMode::TakeCopy) << "个体工商户设立登记"
                                              << false << 0 << 0 << "issued within this matter by 个体工商户设立登记";
    QTest::newRow("e-licence with its name") << waived << int(AcceptanceMode::VerifyOriginalTakeCopy) << QString()
                                             << true << 0 << 0 << "e-licence 居民身份证电子证照 pulled";
    QTest::newRow("one original as marked")
        << received << int(AcceptanceMode::KeepOriginal) << QString() << false << 1 << 0 << "1 original(s) received";
    QTest::newRow("copies as counted, not as catalogued")
        << received << int(AcceptanceMode::TakeCopy) << QString() << false << 0 << 3 << "3 copy(ies) received";
    QTest::newRow("verified original") << received << int(AcceptanceMode::VerifyOriginalTakeCopy) << QString() << false
                                       << 0 << 1 << "original verified and returned; 1 copy(ies) kept";
}

void TestIntake::receivedWording()
{
    QFETCH(int, status);
    QFETCH(int, mode);
    QFETCH(QString, producedBy);
    QFETCH(bool, eLicence);
    QFETCH(int, originals);
    QFETCH(int, copies);
    QFETCH(QString, expected);
    checklist::MaterialLine l;
    l.name = QStringLiteral("材料");
    l.status = checklist::MaterialLine::Status(status);
    l.mode = AcceptanceMode(mode);
    l.originals = 4; // the catalogue's counts never reach the receipt
    l.copies = 4;
    if (!producedBy.isEmpty()) {
        l.producedBy = QStringLiteral("330106-XK-AMR-002");
        l.producedByName = producedBy;
    }
    l.eLicence = QStringLiteral("居民身份证电子证照");
    l.waivedByELicence = eLicence;
    l.recordedOriginals = originals;
    l.recordedCopies = copies;
    const QString text = intake::DocumentBuilder::receivedText(l);
    QVERIFY2(text.startsWith(expected), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("()")), qPrintable(text));
    QVERIFY2(!text.contains(u'4'), qPrintable(text));
}

void TestIntake::receiptStatesWhatWasRecorded()
{
    auto w = restaurantCase();
    QVERIFY(w);
    answerRestaurant(*w, QStringLiteral("individual"), 120);
    markAll(*w);
    // The floor plan came as 3 copies: recorded, and kept across a restart.
    QCOMPARE(w->mark(QStringLiteral("floor-plan"), checklist::Received::Copy), QString());
    QCOMPARE(w->setCount(QStringLiteral("floor-plan"), 3), QString());
    QVERIFY(!w->setCount(QStringLiteral("floor-plan"), 0).isEmpty());
    const QString id = w->caseId();
    w = makeWorkflow();
    QCOMPARE(w->resume(id), QString());
    QCOMPARE(w->recorded().counts.value(QStringLiteral("floor-plan")), 3);
    QCOMPARE(w->goTo(Step::Verdict), QString());
    QCOMPARE(w->decide(Decision::Accept), QString());
    QHash<QString, QString> how;
    for (const receipt::ReceivedLine &r : w->document().received)
        how.insert(r.material, r.how);
    QCOMPARE(how.value(QStringLiteral("营业执照")), QStringLiteral("issued within this matter by 个体工商户设立登记"));
    QCOMPARE(how.value(QStringLiteral("经营场所平面布局图")), QStringLiteral("3 copy(ies) received"));
    QCOMPARE(how.value(QStringLiteral("食品经营许可申请书")), QStringLiteral("1 original(s) received"));
}

void TestIntake::textConditionsAreConfirmed()
{
    // The fixture catalogue's M2 has a condition in words only ("材料真实有效").
    QFile f(QStringLiteral(OW_TEST_DATA "/mini.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto mini = Catalog::fromJson(f.readAll(), QStringLiteral("mini.json"));
    QVERIFY2(mini.ok(), qPrintable(mini.error()));
    IntakeWorkflow w(mini.value(), m_calendar, m_clock, *m_store, *m_key, m_config);
    QCOMPARE(w.start(), QString());
    QCOMPARE(w.setApplicant(Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value()),
        QString());
    QCOMPARE(w.choose(checklist::Selection::ofBundle(QStringLiteral("b1"))), QString());
    for (const auto &[q, v] : {std::pair {"area", "1"}, {"flag", "yes"}, {"age", "40"}, {"kind", "a"}})
        QCOMPARE(w.answer(QString::fromLatin1(q), QString::fromLatin1(v)), QString());
    const auto lines = w.checklist().materials; // mark() replaces the checklist
    for (const auto &l : lines)
        QCOMPARE(w.mark(l.id, checklist::Received::Original), QString());
    QCOMPARE(w.checklist().textConditions.size(), 1);
    const QString key = w.checklist().textConditions.first().key;
    // Not confirmed: the Situations step does not move on and nothing can be accepted.
    QCOMPARE(w.goTo(Step::Situations), QString());
    QVERIFY(w.next().contains(QStringLiteral("材料真实有效")));
    QVERIFY(!w.allowedDecisions().contains(Decision::Accept));
    QVERIFY(!w.decide(Decision::Accept).isEmpty());
    QVERIFY(!w.confirmCondition(QStringLiteral("M9#0"), true).isEmpty());
    // Found not to hold: a refusal, with the condition as the reason.
    QCOMPARE(w.confirmCondition(key, false), QString());
    QCOMPARE(w.allowedDecisions(), QList<Decision> {Decision::Refuse});
    // Confirmed: accepted, and the receipt says the clerk confirmed it.
    QCOMPARE(w.confirmCondition(key, true), QString());
    QCOMPARE(w.next(), QString());
    QVERIFY(w.allowedDecisions().contains(Decision::Accept));
    QCOMPARE(w.decide(Decision::Accept), QString());
    QCOMPARE(w.document().confirmedConditions.size(), 1);
    QVERIFY(w.document().confirmedConditions.first().contains(QStringLiteral("材料真实有效")));
    bool shown = false;
    for (const receipt::Block &b : receipt::DocumentLayout::blocks(w.document()))
        shown = shown || b.text.contains(QStringLiteral("材料真实有效"));
    QVERIFY(shown);
}

QStringList TestIntake::kinds(const QString &caseId)
{
    QStringList out;
    const auto entries = store::CaseLog(*m_store).entries(caseId);
    if (!entries)
        return {entries.error()};
    for (const store::LogEntry &e : entries.value())
        out << e.kind;
    return out;
}

void TestIntake::verifyReplayMatches(const IntakeWorkflow &w)
{
    const auto stored = store::CaseRepository(*m_store).load(w.caseId());
    QVERIFY2(stored.ok(), qPrintable(stored.error()));
    const auto entries = store::CaseLog(*m_store).entries(w.caseId());
    QVERIFY2(entries.ok(), qPrintable(entries.error()));
    const auto replayed = intake::CaseState::replay(entries.value());
    QVERIFY2(replayed.ok(), qPrintable(replayed.error()));
    store::CaseRecord fromLog = w.projection(replayed.value(), w.step());
    const store::CaseRecord &r = stored.value();
    QCOMPARE(fromLog.number, r.number);
    QCOMPARE(fromLog.state, r.state);
    QCOMPARE(fromLog.verdict, r.verdict);
    QCOMPARE(fromLog.parties, r.parties);
    QCOMPARE(fromLog.applicantMasked, r.applicantMasked);
    QCOMPARE(fromLog.selection, r.selection);
    QCOMPARE(fromLog.answers, r.answers);
    QCOMPARE(fromLog.materials, r.materials);
    QCOMPARE(fromLog.pickup, r.pickup);
    QCOMPARE(fromLog.decision, r.decision);
    QCOMPARE(fromLog.document, r.document);
    QCOMPARE(fromLog.promisedDate, r.promisedDate);
    QCOMPARE(fromLog.visits, r.visits);
    QCOMPARE(fromLog.catalogVersion, r.catalogVersion);
    QCOMPARE(fromLog.catalogSha256, r.catalogSha256);
    QCOMPARE(fromLog.hasContent, r.hasContent);
    QCOMPARE(fromLog.logSeq, r.logSeq);
    // And the workflow's own state is that replay.
    QCOMPARE(replayed->seq, w.state().seq);
    QCOMPARE(replayed->partiesJson(), w.state().partiesJson());
}

void TestIntake::logOfAWholeAcceptance()
{
    auto w = restaurantCase();
    QVERIFY(w);
    answerRestaurant(*w, QStringLiteral("individual"), 120);
    const int materials = int(w->checklist().materials.size());
    markAll(*w);
    QCOMPARE(w->setCourier(true), QString());
    QCOMPARE(w->goTo(Step::Verdict), QString());
    QCOMPARE(w->decide(Decision::Accept), QString());
    QCOMPARE(w->recordPrinted(QStringLiteral("receipt-printer")), QString());
    QCOMPARE(w->finish(), QString());
    QStringList expected {QStringLiteral("started"), QStringLiteral("parties"), QStringLiteral("chosen")};
    for (int i = 0; i < 5; ++i)
        expected << QStringLiteral("answered");
    for (int i = 0; i < materials; ++i)
        expected << QStringLiteral("marked");
    // The applicant's first visit is logged with the decision (issue 22: visits counted).
    expected << QStringLiteral("pickup") << QStringLiteral("visit") << QStringLiteral("decided")
             << QStringLiteral("printed") << QStringLiteral("finished");
    QCOMPARE(kinds(w->caseId()), expected);
    verifyReplayMatches(*w);

    const auto entries = store::CaseLog(*m_store).entries(w->caseId()).value();
    QCOMPARE(entries.first().payload.value(QStringLiteral("number")).toString(), w->caseNumber());
    const QJsonObject chosen = entries.at(2).payload;
    QCOMPARE(chosen.value(QStringLiteral("catalog")).toObject().value(QStringLiteral("sha256")).toString(),
        m_catalog->sha256());
    const QJsonObject decided = entries.at(entries.size() - 3).payload;
    QCOMPARE(decided.value(QStringLiteral("document")).toObject(), w->document().toJson());
    QCOMPARE(decided.value(QStringLiteral("digest")).toString(), QString::fromLatin1(w->document().digest().toHex()));
    for (const store::LogEntry &e : entries) {
        QCOMPARE(e.window, m_config.keyId());
        QCOMPARE(e.clerk, m_config.clerk);
        QVERIFY(e.at.isValid());
    }
    // The store holds the applicant's ID number and name sealed only (store, WAL, everything).
    QSqlQuery checkpoint(m_store->database());
    QVERIFY(checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")));
    const QDir dir(m_dir->path());
    QByteArray all;
    const QStringList files = dir.entryList(QDir::Files);
    for (const QString &f : files) {
        QFile file(dir.filePath(f));
        QVERIFY(file.open(QIODevice::ReadOnly));
        all += file.readAll();
    }
    QVERIFY(all.size() > 10000);
    QVERIFY(!all.contains("33010619900101123X"));
    QVERIFY(!all.contains(QStringLiteral("王小明").toUtf8()));

    // Nothing changes a decided case but later entries.
    QVERIFY(!w->setCourier(false).isEmpty());
    QVERIFY(!w->answer(QStringLiteral("area"), QStringLiteral("30")).isEmpty());
}

void TestIntake::logOfNoticeReturnAccept()
{
    auto w = restaurantCase();
    QVERIFY(w);
    answerRestaurant(*w, QStringLiteral("individual"), 120);
    QCOMPARE(w->mark(QStringLiteral("id-card"), checklist::Received::Original), QString());
    QCOMPARE(w->goTo(Step::Verdict), QString());
    QCOMPARE(w->decide(Decision::Notice), QString());
    const QJsonObject notice = w->document().toJson();
    QCOMPARE(w->finish(), QString());
    auto back = makeWorkflow();
    QCOMPARE(back->reopen(w->caseId()), QString());
    markAll(*back);
    QCOMPARE(back->goTo(Step::Verdict), QString());
    QCOMPARE(back->decide(Decision::Accept), QString());
    QCOMPARE(back->finish(), QString());
    const QStringList k = kinds(w->caseId());
    QCOMPARE(k.count(QStringLiteral("decided")), 2);
    QCOMPARE(k.count(QStringLiteral("reopened")), 1);
    QCOMPARE(k.count(QStringLiteral("finished")), 2);
    QVERIFY(k.indexOf(QStringLiteral("reopened")) > k.indexOf(QStringLiteral("decided")));
    verifyReplayMatches(*back);
    QCOMPARE(back->visits(), 2);
    // The notice stays in the log exactly as it was printed, whatever came after.
    const auto entries = store::CaseLog(*m_store).entries(w->caseId()).value();
    const auto first = std::find_if(
        entries.cbegin(), entries.cend(), [](const store::LogEntry &e) { return e.kind == QLatin1String("decided"); });
    QCOMPARE(first->payload.value(QStringLiteral("document")).toObject(), notice);
    QVERIFY(!notice.value(QStringLiteral("missing")).toArray().isEmpty());
    QCOMPARE(store::CaseRepository(*m_store).notices(w->caseId()).size(), 2);
    QCOMPARE(store::CaseRepository(*m_store).notices(w->caseId()).first().content, notice);
}

void TestIntake::logOfARefusal()
{
    auto w = restaurantCase();
    QVERIFY(w);
    answerRestaurant(*w, QStringLiteral("individual"), 120);
    QCOMPARE(w->goTo(Step::Verdict), QString());
    QCOMPARE(w->decide(Decision::Refuse, QStringLiteral("经营场所位于居民楼内")), QString());
    QCOMPARE(w->finish(), QString());
    const QStringList k = kinds(w->caseId());
    QCOMPARE(k.first(), QStringLiteral("started"));
    QCOMPARE(k.mid(k.size() - 2), (QStringList {QStringLiteral("decided"), QStringLiteral("finished")}));
    const auto entries = store::CaseLog(*m_store).entries(w->caseId()).value();
    const QJsonObject decided = entries.at(entries.size() - 2).payload;
    QCOMPARE(decided.value(QStringLiteral("decision")).toString(), QStringLiteral("refuse"));
    QCOMPARE(decided.value(QStringLiteral("refusalReason")).toString(), QStringLiteral("经营场所位于居民楼内"));
    verifyReplayMatches(*w);
}

void TestIntake::replayGivesTheStoredState()
{
    auto w = restaurantCase();
    QVERIFY(w);
    verifyReplayMatches(*w);
    answerRestaurant(*w, QStringLiteral("company"), 60);
    QCOMPARE(w->answer(QStringLiteral("area"), QVariant()), QString()); // a correction: a new entry
    QCOMPARE(w->answer(QStringLiteral("area"), QStringLiteral("80")), QString());
    QCOMPARE(
        w->setAgent(Party::person(QStringLiteral("330106199202021231"), QStringLiteral("赵六")).value()), QString());
    QCOMPARE(w->goTo(Step::Materials), QString());
    QCOMPARE(w->mark(QStringLiteral("id-card"), checklist::Received::Copy), QString());
    QCOMPARE(w->mark(QStringLiteral("id-card"), std::nullopt), QString());
    verifyReplayMatches(*w);
    // A fresh workflow reads the same case back from its log.
    auto again = makeWorkflow();
    QCOMPARE(again->resume(w->caseId()), QString());
    QCOMPARE(again->state().partiesJson(), w->state().partiesJson());
    QCOMPARE(again->answers(), w->answers());
    QCOMPARE(again->collected(), w->collected());
    QCOMPARE(again->step(), Step::Materials);
}

void TestIntake::reprintAWeekLaterIsIdentical()
{
    QString caseId;
    QByteArray slip, pdfText;
    QByteArray canonical;
    QString qr;
    const auto profile = printer::PrinterProfile::defaultProfile();
    {
        auto w = restaurantCase();
        QVERIFY(w);
        answerRestaurant(*w, QStringLiteral("individual"), 120);
        markAll(*w);
        QCOMPARE(w->goTo(Step::Verdict), QString());
        QCOMPARE(w->decide(Decision::Accept), QString());
        caseId = w->caseId();
        canonical = w->document().canonicalBytes();
        qr = w->document().qrPayload;
        slip = receipt::EscPosReceipt::bytes(w->document(), profile).value();
    }
    // A week later, after a restart, with another day on the clock.
    m_clock.set(QDateTime(QDate(2026, 12, 4), QTime(16, 45)));
    auto w = makeWorkflow();
    QCOMPARE(w->resumeLatest(), QString());
    QCOMPARE(w->caseId(), caseId);
    QCOMPARE(w->step(), Step::Print);
    QCOMPARE(w->document().canonicalBytes(), canonical);
    QCOMPARE(w->document().qrPayload, qr);
    QCOMPARE(w->document().issuedAt.date(), QDate(2026, 11, 27));
    QCOMPARE(receipt::EscPosReceipt::bytes(w->document(), profile).value(), slip);
    QCOMPARE(w->promisedDate(), w->document().promisedDate);
}

void TestIntake::decidedCaseDoesNotDrift()
{
    auto w = restaurantCase();
    QVERIFY(w);
    answerRestaurant(*w, QStringLiteral("individual"), 120);
    markAll(*w);
    QCOMPARE(w->goTo(Step::Verdict), QString());
    QCOMPARE(w->decide(Decision::Accept), QString());
    const QDate promised = w->document().promisedDate;
    const auto stored = store::CaseRepository(*m_store).load(w->caseId());
    QCOMPARE(stored->promisedDate, promised);
    m_clock.set(QDateTime(QDate(2026, 12, 10), QTime(9, 0)));
    QCOMPARE(w->promisedDate(), promised);
    QCOMPARE(w->recordPrinted(QStringLiteral("pdf")), QString()); // a save on another day
    QCOMPARE(store::CaseRepository(*m_store).load(w->caseId())->promisedDate, promised);
    QCOMPARE(store::CaseRepository(*m_store).load(w->caseId())->document, w->document().toJson());
}

void TestIntake::pinnedCatalogueIsKept()
{
    QString caseId;
    QString oldName;
    {
        auto w = restaurantCase();
        QVERIFY(w);
        caseId = w->caseId();
        oldName = w->checklist().materials.first().name;
    }
    // A new catalogue version renames that material.
    QJsonDocument doc = QJsonDocument::fromJson(m_catalog->source());
    QJsonObject root = doc.object();
    root.insert(QStringLiteral("version"), QStringLiteral("2099.1"));
    QJsonArray materials = root.value(QStringLiteral("materials")).toArray();
    for (qsizetype i = 0; i < materials.size(); ++i) {
        QJsonObject m = materials.at(i).toObject();
        if (m.value(QStringLiteral("name")).toString() == oldName) {
            m.insert(QStringLiteral("name"), oldName + QStringLiteral("（新版）"));
            materials.replace(i, m);
        }
    }
    root.insert(QStringLiteral("materials"), materials);
    const auto updated = Catalog::fromJson(QJsonDocument(root).toJson(), QStringLiteral("updated"));
    QVERIFY2(updated.ok(), qPrintable(updated.error()));

    IntakeWorkflow w(updated.value(), m_calendar, m_clock, *m_store, *m_key, m_config);
    QCOMPARE(w.resume(caseId), QString());
    QCOMPARE(w.catalog().version(), m_catalog->version());
    QCOMPARE(w.checklist().materials.first().name, oldName); // not changed silently
    QVERIFY(w.catalogueUpdateAvailable());
    QCOMPARE(w.adoptCurrentCatalogue(), QString()); // the clerk chose to move it
    QVERIFY(!w.catalogueUpdateAvailable());
    QCOMPARE(w.catalog().version(), QStringLiteral("2099.1"));
    QCOMPARE(w.checklist().materials.first().name, oldName + QStringLiteral("（新版）"));
    QCOMPARE(kinds(caseId).last(), QStringLiteral("catalogue"));
    // New cases take the loaded version.
    QCOMPARE(w.start(), QString());
    QCOMPARE(w.catalog().version(), QStringLiteral("2099.1"));
}

void TestIntake::emptyDraftsAreAbandoned()
{
    QString crashed;
    {
        auto w = makeWorkflow();
        QCOMPARE(w->start(), QString());
        const QString first = w->caseId();
        QCOMPARE(w->start(), QString()); // Ctrl+N on an empty case
        QCOMPARE(kinds(first), (QStringList {QStringLiteral("started"), QStringLiteral("abandoned")}));
        QCOMPARE(store::CaseRepository(*m_store).load(first)->state, QStringLiteral("abandoned"));
        crashed = w->caseId();
    } // crash with an empty case open
    auto w = makeWorkflow();
    QVERIFY(!w->resumeLatest().isEmpty()); // nothing to resume
    QVERIFY(!w->hasCase());
    QCOMPARE(kinds(crashed), (QStringList {QStringLiteral("started"), QStringLiteral("abandoned")}));
    // Numbers still have no gaps: 0001 and 0002 were both taken by logged cases.
    QCOMPARE(store::CaseRepository(*m_store).load(crashed)->number, QStringLiteral("330106-W03-20261127-0002"));
    // A case with content is resumed, an empty one after it is not.
    auto real = restaurantCase();
    QVERIFY(real);
    auto empty = makeWorkflow();
    QCOMPARE(empty->start(), QString());
    empty.reset();
    auto again = makeWorkflow();
    QCOMPARE(again->resumeLatest(), QString());
    QCOMPARE(again->caseId(), real->caseId());
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
    // Each scan is an entry in the case log; the last one counts.
    QCOMPARE(kinds(caseId).count(QStringLiteral("attached")), 2);
    verifyReplayMatches(*w);
    // A new case starts without them.
    QCOMPARE(w->start(), QString());
    QVERIFY(w->documents().isEmpty());
}

QTEST_GUILESS_MAIN(TestIntake)
#include "tst_intake.moc"

void TestIntake::copiesAsTheChecklistAsks()
{
    // Issue 19: the checklist asked for 2 copies, the clerk marked the line, and the receipt
    // said 1. 出生医学证明签发 keeps 2 copies of the verified ID card.
    auto w = makeWorkflow();
    QCOMPARE(w->start(), QString());
    QCOMPARE(w->setApplicant(Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value()),
        QString());
    QCOMPARE(w->choose(checklist::Selection::ofMatters({QStringLiteral("330106-GG-HEALTH-002")})), QString());
    QVERIFY2(w->checklist().unanswered.isEmpty(), qPrintable(w->checklist().unanswered.join(u',')));
    const QString id = QStringLiteral("id-card");
    markAll(*w);
    QString idName;
    for (const checklist::MaterialLine &l : w->checklist().materials) {
        if (l.id == id) {
            QCOMPARE(l.copies, 2);
            QCOMPARE(l.recordedCopies, 2);
            idName = l.name;
        }
    }
    QVERIFY(!idName.isEmpty());
    // What the clerk counts wins, also when it is fewer (and it is written even though no count
    // was recorded before).
    QCOMPARE(w->setCount(id, 1), QString());
    QCOMPARE(w->recorded().counts.value(id), 1);
    QCOMPARE(w->setCount(id, 2), QString());
    // A new mark goes back to what the checklist asks.
    QCOMPARE(w->mark(id, std::nullopt), QString());
    QCOMPARE(w->mark(id, checklist::Received::Original), QString());
    QVERIFY(!w->recorded().counts.contains(id));
    QCOMPARE(w->goTo(Step::Verdict), QString());
    const auto decision = w->allowedDecisions().contains(Decision::Accept) ? Decision::Accept : Decision::Notice;
    QCOMPARE(w->decide(decision), QString());
    QHash<QString, QString> how;
    for (const receipt::ReceivedLine &r : w->document().received)
        how.insert(r.material, r.how);
    QCOMPARE(how.value(idName), QStringLiteral("original verified and returned; 2 copy(ies) kept"));
    verifyReplayMatches(*w);
}

void TestIntake::leftCaseIsAbandoned()
{
    auto w = restaurantCase();
    QVERIFY(w);
    const QString left = w->caseId();
    QVERIFY(w->canAbandon());
    QCOMPARE(w->abandon(), QString());
    QVERIFY(!w->hasCase());
    QCOMPARE(kinds(left).last(), QStringLiteral("abandoned"));
    const auto entries = store::CaseLog(*m_store).entries(left).value();
    QCOMPARE(entries.last().payload.value(QStringLiteral("reason")).toString(), QStringLiteral("left"));
    QCOMPARE(store::CaseRepository(*m_store).load(left)->state, QStringLiteral("abandoned"));
    QVERIFY(intake::CaseState::replay(entries).value().abandoned);
    // Closed for good: not resumed, not continued.
    auto again = makeWorkflow();
    QVERIFY(!again->resumeLatest().isEmpty());
    QVERIFY(!again->hasCase());
    QVERIFY(!again->canReopen(left).isEmpty());
    // A decided case is not abandoned: its document went out (nor can its log say so).
    auto decided = restaurantCase();
    QVERIFY(decided);
    answerRestaurant(*decided, QStringLiteral("individual"), 120);
    QCOMPARE(decided->goTo(Step::Verdict), QString());
    QCOMPARE(decided->decide(Decision::Notice), QString());
    QVERIFY(!decided->canAbandon());
    QVERIFY(!decided->abandon().isEmpty());
    QVERIFY(decided->hasCase());
    auto state = intake::CaseState::replay(store::CaseLog(*m_store).entries(decided->caseId()).value()).value();
    store::LogEntry e;
    e.caseId = state.caseId;
    e.seq = state.seq + 1;
    e.kind = QStringLiteral("abandoned");
    e.payload = QJsonObject {{QStringLiteral("reason"), QStringLiteral("left")}};
    QVERIFY(!state.apply(e).isEmpty());
}
