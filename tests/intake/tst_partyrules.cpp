// The rules that follow from who applies: an expired or not-yet-valid card blocks acceptance (a
// notice or a refusal stays possible), answers the card decides (age, gender, entity type) are
// filled from it and can be changed, and an e-licence counts only where the material has one.
#include "IntakeFixture.h"

#include "onewindow/checklist/Checklist.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/DocumentLayout.h"
#include "onewindow/store/Store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using intake::IntakeWorkflow;
using intake::Party;
using Decision = IntakeWorkflow::Decision;

class TestPartyRules : public QObject, protected IntakeFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cardValidityBlocksAcceptance_data();
    void cardValidityBlocksAcceptance();
    void answersFromTheCard();
    void retirementAgeFromTheCardDecides();
    void refusalStatesTheFailingFact_data();
    void refusalStatesTheFailingFact();
    void entityTypeFromTheCreditCode();
    void eLicenceOnlyWhereThereIsOne();
    void twoPrincipalsEachBringTheirCard();
    void identityDocumentNamesTheLine_data();
    void identityDocumentNamesTheLine();

private:
    std::unique_ptr<IntakeWorkflow> caseFor(const Party &applicant, const QString &bundle);
    void completeRestaurant(IntakeWorkflow &w);
};

void TestPartyRules::initTestCase()
{
    loadOnce();
}

void TestPartyRules::init()
{
    openStore();
}

void TestPartyRules::cleanup()
{
    closeStore();
}

std::unique_ptr<IntakeWorkflow> TestPartyRules::caseFor(const Party &applicant, const QString &bundle)
{
    auto w = std::make_unique<IntakeWorkflow>(*m_catalog, m_calendar, m_clock, *m_store, *m_key, m_config);
    if (!w->start().isEmpty() || !w->setApplicant(applicant).isEmpty()
        || !w->choose(checklist::Selection::ofBundle(bundle)).isEmpty())
        return nullptr;
    return w;
}

void TestPartyRules::completeRestaurant(IntakeWorkflow &w)
{
    QCOMPARE(w.answer(QStringLiteral("entity"), QStringLiteral("individual")), QString());
    QCOMPARE(w.answer(QStringLiteral("area"), QStringLiteral("80")), QString());
    QCOMPARE(w.answer(QStringLiteral("renovation"), QStringLiteral("no")), QString());
    QCOMPARE(w.answer(QStringLiteral("fumes"), QStringLiteral("no")), QString());
    QCOMPARE(w.answer(QStringLiteral("signboard"), QStringLiteral("no")), QString());
    const auto lines = w.checklist().materials;
    for (const checklist::MaterialLine &l : lines)
        QCOMPARE(w.mark(l.id, checklist::Received::Original), QString());
    // Everything brought; only an invalid card itself is still missing.
    QCOMPARE(w.checklist().verdict,
        w.acceptanceBlockers().isEmpty() ? checklist::Verdict::Complete : checklist::Verdict::Incomplete);
}

void TestPartyRules::cardValidityBlocksAcceptance_data()
{
    QTest::addColumn<QString>("validFrom");
    QTest::addColumn<QString>("validUntil");
    QTest::addColumn<bool>("blocked");
    QTest::newRow("valid") << "2016-01-01"
                           << "2036-01-01" << false;
    QTest::newRow("long-term") << "2016-01-01"
                               << "long-term" << false;
    QTest::newRow("expires today, still valid") << "2016-01-01"
                                                << "2026-11-27" << false;
    QTest::newRow("expired yesterday") << "2006-01-01"
                                       << "2026-11-26" << true;
    QTest::newRow("not yet valid") << "2026-12-01"
                                   << "2046-12-01" << true;
}

void TestPartyRules::cardValidityBlocksAcceptance()
{
    QFETCH(QString, validFrom);
    QFETCH(QString, validUntil);
    QFETCH(bool, blocked);
    const QJsonObject card {{QStringLiteral("validFrom"), validFrom}, {QStringLiteral("validUntil"), validUntil}};
    auto w = caseFor(Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明"), card).value(),
        QStringLiteral("open-restaurant"));
    QVERIFY(w);
    completeRestaurant(*w);
    QCOMPARE(w->acceptanceBlockers().isEmpty(), !blocked);
    QCOMPARE(w->allowedDecisions().contains(Decision::Accept), !blocked);
    if (!blocked) {
        QCOMPARE(w->decide(Decision::Accept), QString());
        return;
    }
    const QString err = w->decide(Decision::Accept);
    QVERIFY2(err.contains(validFrom == QLatin1String("2026-12-01") ? QStringLiteral("valid only from")
                                                                   : QStringLiteral("expired")),
        qPrintable(err));
    QCOMPARE(w->decision(), Decision::None);
    // The clerk may still hand over a notice or refuse.
    QVERIFY(w->allowedDecisions().contains(Decision::Notice));
    QVERIFY(w->allowedDecisions().contains(Decision::Refuse));
    // The card is itself the missing material: named with its validity, what to bring instead,
    // and never among what was received, though the clerk marked it.
    QCOMPARE(w->checklist().missing, QStringList {IntakeWorkflow::identityMaterialId()});
    QCOMPARE(w->collected().value(IntakeWorkflow::identityMaterialId()), checklist::Received::Original);
    QCOMPARE(w->decide(Decision::Notice), QString());
    const receipt::ReceiptDocument &notice = w->document();
    QCOMPARE(notice.missing.size(), 1);
    const QString name = notice.missing.first().material;
    QVERIFY2(name.startsWith(QStringLiteral("Resident ID card (valid ")), qPrintable(name));
    QVERIFY2(
        name.contains(validFrom == QLatin1String("2026-12-01") ? QStringLiteral("valid only from 2026-12-01")
                                                               : QStringLiteral("valid until 2026-11-26, expired")),
        qPrintable(name));
    QVERIFY2(notice.missing.first().howToSupply.contains(QStringLiteral("临时居民身份证")),
        qPrintable(notice.missing.first().howToSupply));
    for (const receipt::ReceivedLine &r : notice.received)
        QVERIFY2(!r.material.contains(QStringLiteral("ID card")), qPrintable(r.material));
    QVERIFY(notice.applicantDocument.startsWith(QStringLiteral("Resident ID card, valid ")));
}

// Each party's identity document names its line, typed or read: the catalogue's "id-card" keeps
// its id (routing), the line says which document it is.
void TestPartyRules::identityDocumentNamesTheLine_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QJsonObject>("details");
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("onPaper");
    const QJsonObject none;
    QTest::newRow("typed resident number") << "33010619900101123X" << none << "Resident ID card"
                                           << "Resident ID card";
    QTest::newRow("typed Hong Kong permit number")
        << "810000199008160060" << none << "Residence permit for Hong Kong, Macao and Taiwan residents"
        << "Residence permit for Hong Kong, Macao and Taiwan residents";
    QTest::newRow("typed 2023 foreigner number")
        << "93325019920512002X" << none << "Foreigner's permanent residence ID card"
        << "Foreigner's permanent residence ID card";
    QTest::newRow("Y card read") << "93325019920512002X"
                                 << QJsonObject {{QStringLiteral("card"), QStringLiteral("Y")},
                                        {QStringLiteral("validFrom"), QStringLiteral("2023-06-01")},
                                        {QStringLiteral("validUntil"), QStringLiteral("2033-06-01")}}
                                 << "Foreigner's permanent residence ID card"
                                 << "Foreigner's permanent residence ID card, valid 2023-06-01 to 2033-06-01";
    QTest::newRow("resident card, long-term") << "33010619900101123X"
                                              << QJsonObject {{QStringLiteral("card"), QStringLiteral("resident")},
                                                     {QStringLiteral("validFrom"), QStringLiteral("2015-03-20")},
                                                     {QStringLiteral("validUntil"), QStringLiteral("long-term")}}
                                              << "Resident ID card"
                                              << "Resident ID card, valid from 2015-03-20, long-term";
    QTest::newRow("typed passport") << "33010619900101123X"
                                    << QJsonObject {{QStringLiteral("documentName"), QStringLiteral("护照")}} << "护照"
                                    << "护照";
}

void TestPartyRules::identityDocumentNamesTheLine()
{
    QFETCH(QString, number);
    QFETCH(QJsonObject, details);
    QFETCH(QString, document);
    QFETCH(QString, onPaper);
    const auto party = Party::person(number, QStringLiteral("马丁"), details);
    QVERIFY2(party.ok(), qPrintable(party.error()));
    auto w = caseFor(party.value(), QStringLiteral("open-restaurant"));
    QVERIFY(w);
    completeRestaurant(*w);
    QString name;
    for (const checklist::MaterialLine &l : w->checklist().materials) {
        if (l.id == IntakeWorkflow::identityMaterialId())
            name = l.name;
    }
    QCOMPARE(name, document);
    QCOMPARE(w->decide(Decision::Accept), QString());
    const receipt::ReceiptDocument &doc = w->document();
    QCOMPARE(doc.applicantDocument, onPaper);
    bool received = false;
    for (const receipt::ReceivedLine &r : doc.received)
        received = received || r.material == document;
    QVERIFY(received);
    bool printed = false;
    for (const receipt::Block &b : receipt::DocumentLayout::blocks(doc))
        printed = printed || b.text == onPaper;
    QVERIFY(printed);
}

void TestPartyRules::answersFromTheCard()
{
    // Born 1964-03-05, male (17th digit odd): 62 on the day.
    auto w = caseFor(Party::person(QStringLiteral("330106196403051230"), QStringLiteral("张建国")).value(),
        QStringLiteral("retirement"));
    QVERIFY(w);
    QCOMPARE(w->answersFromParty(),
        QStringList({QStringLiteral("gender"), QStringLiteral("age"), QStringLiteral("retirement_category"),
            QStringLiteral("retirement_reached")}));
    QCOMPARE(w->effectiveAnswers().value(QStringLiteral("age")).toDouble(), 62.0);
    // Born before 1965: 60, reached in March 2024.
    QCOMPARE(w->effectiveAnswers().value(QStringLiteral("retirement_reached")).toBool(), true);
    QCOMPARE(w->effectiveAnswers().value(QStringLiteral("gender")).toString(), QStringLiteral("male"));
    QVERIFY(!w->checklist().unanswered.contains(QStringLiteral("age")));
    QVERIFY(!w->checklist().unanswered.contains(QStringLiteral("gender")));
    // Changeable: the clerk's answer wins, and clearing it brings the card's back.
    QCOMPARE(w->answer(QStringLiteral("age"), QStringLiteral("59")), QString());
    QCOMPARE(w->effectiveAnswers().value(QStringLiteral("age")).toDouble(), 59.0);
    QCOMPARE(w->answersFromParty(),
        QStringList(
            {QStringLiteral("gender"), QStringLiteral("retirement_category"), QStringLiteral("retirement_reached")}));
    QCOMPARE(w->answer(QStringLiteral("age"), QVariant()), QString());
    QCOMPARE(w->effectiveAnswers().value(QStringLiteral("age")).toDouble(), 62.0);
    // The card's answers are not stored as the clerk's.
    QVERIFY(!w->answers().contains(QStringLiteral("age")));
}

void TestPartyRules::retirementAgeFromTheCardDecides()
{
    // A woman of 45 (born 1981-06-01): the card alone says she has not reached retirement age.
    auto w = caseFor(Party::person(QStringLiteral("330106198106011223"), QStringLiteral("李芳")).value(),
        QStringLiteral("retirement"));
    QVERIFY(w);
    QCOMPARE(w->answer(QStringLiteral("contribution_years"), QStringLiteral("20")), QString());
    QCOMPARE(w->answer(QStringLiteral("has_fund"), QStringLiteral("no")), QString());
    // Her age depends on her post: that is what is asked, not whether she has reached it.
    QCOMPARE(w->checklist().verdict, checklist::Verdict::NeedsAnswers);
    QCOMPARE(w->checklist().unanswered, QStringList {QStringLiteral("retirement_category")});
    QCOMPARE(w->answer(QStringLiteral("retirement_category"), QStringLiteral("female-worker")), QString());
    QCOMPARE(w->checklist().verdict, checklist::Verdict::NotAcceptable);
    QVERIFY(!w->allowedDecisions().contains(Decision::Accept));
    QVERIFY(w->allowedDecisions().contains(Decision::Refuse));
    // The refusal says what failed for her: born 1981-06, a worker retires at 53 years 3 months.
    QCOMPARE(w->decide(Decision::Refuse), QString());
    const QString reason = w->document().refusalReason;
    QVERIFY2(reason.contains(QStringLiteral("the applicant is 45 years, short of the statutory retirement age "
                                            "(53 years 3 months)")),
        qPrintable(reason));
    QVERIFY2(!reason.contains(QStringLiteral("男60")), qPrintable(reason));
}

void TestPartyRules::refusalStatesTheFailingFact_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<bool>("reached");
    QTest::addColumn<QString>("fact");
    // A man of 36 (issue 19: the reason recited "男60…"), and men either side of the reform.
    QTest::newRow("man of 36") << "330106199005201233" << QDate(2026, 11, 27) << false
                               << "the applicant is 36 years, short of the statutory retirement age (63 years)";
    QTest::newRow("born 1965-01, at 60 in January 2025") << "330106196501151235" << QDate(2025, 1, 20) << false
                                                         << "the applicant is 60 years, short of the statutory "
                                                            "retirement age (60 years 1 month)";
    QTest::newRow("born 1965-01, in February 2025") << "330106196501151235" << QDate(2025, 2, 3) << true << "";
    QTest::newRow("born 1964-12, at 60") << "330106196412151233" << QDate(2024, 12, 16) << true << "";
}

void TestPartyRules::refusalStatesTheFailingFact()
{
    QFETCH(QString, number);
    QFETCH(QDate, today);
    QFETCH(bool, reached);
    QFETCH(QString, fact);
    m_clock.set(QDateTime(today, QTime(10, 0)));
    auto w = caseFor(Party::person(number, QStringLiteral("张建国")).value(), QStringLiteral("retirement"));
    QVERIFY(w);
    QCOMPARE(w->answer(QStringLiteral("contribution_years"), QStringLiteral("20")), QString());
    QCOMPARE(w->answer(QStringLiteral("has_fund"), QStringLiteral("no")), QString());
    QCOMPARE(w->effectiveAnswers().value(QStringLiteral("retirement_reached")).toBool(), reached);
    if (reached) {
        QVERIFY(w->checklist().failed.isEmpty());
        return;
    }
    QCOMPARE(w->checklist().verdict, checklist::Verdict::NotAcceptable);
    QCOMPARE(w->checklist().failed.size(), 1);
    QCOMPARE(w->checklist().failed.first().fact, fact);
    QCOMPARE(w->decide(Decision::Refuse), QString());
    QCOMPARE(w->document().refusalReason, QStringLiteral("职工基本养老保险待遇申领（退休）: ") + fact);
}

void TestPartyRules::entityTypeFromTheCreditCode()
{
    auto w =
        caseFor(Party::company(QStringLiteral("91310110666007217T"), QStringLiteral("杭州示例餐饮有限公司")).value(),
            QStringLiteral("open-restaurant"));
    QVERIFY(w);
    QVERIFY(w->answersFromParty().contains(QStringLiteral("entity")));
    QCOMPARE(w->effectiveAnswers().value(QStringLiteral("entity")).toString(), QStringLiteral("company"));
}

void TestPartyRules::eLicenceOnlyWhereThereIsOne()
{
    auto w = caseFor(Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value(),
        QStringLiteral("open-restaurant"));
    QVERIFY(w);
    const checklist::MaterialLine *without = nullptr;
    for (const checklist::MaterialLine &l : w->checklist().materials) {
        if (l.eLicence.isEmpty() && !without)
            without = &l;
    }
    QVERIFY(without);
    const QString id = without->id;
    QCOMPARE(w->mark(id, checklist::Received::Original), QString());
    const QString err = w->mark(id, checklist::Received::ELicence);
    QVERIFY2(err.contains(QStringLiteral("no e-licence")), qPrintable(err));
    // The line stays received.
    QCOMPARE(w->collected().value(id), checklist::Received::Original);
}

void TestPartyRules::twoPrincipalsEachBringTheirCard()
{
    // A second-hand home: the buyer applies, the seller joins with an agent.
    auto w = caseFor(Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value(),
        QStringLiteral("buy-second-hand-home"));
    QVERIFY(w);
    const Party seller = Party::person(QStringLiteral("330106196403051230"), QStringLiteral("张建国")).value();
    const Party agent = Party::person(QStringLiteral("330106198106011223"), QStringLiteral("李芳")).value();
    QCOMPARE(w->setParty(1, seller), QString());
    QVERIFY(!w->setParty(2, seller).isEmpty()); // the same person twice
    QCOMPARE(w->setAgent(1, agent), QString());
    QCOMPARE(w->parties().size(), 2);
    const QStringList ids = [&] {
        QStringList out;
        for (const checklist::MaterialLine &l : w->checklist().materials)
            out << l.id;
        return out;
    }();
    // The catalogue asks the ID card of each applicant, and the seller's agent brings a letter.
    QVERIFY2(ids.contains(QStringLiteral("id-card")), qPrintable(ids.join(u' ')));
    QVERIFY2(
        ids.contains(IntakeWorkflow::perPartyMaterialId(QStringLiteral("id-card"), 1)), qPrintable(ids.join(u' ')));
    QVERIFY(ids.contains(IntakeWorkflow::perPartyMaterialId(IntakeWorkflow::authorisationLetterId(), 1)));
    QVERIFY(!ids.contains(IntakeWorkflow::authorisationLetterId()));
    const QStringList questions = w->checklist().unanswered; // answering replaces the checklist
    for (const QString &q : questions)
        QCOMPARE(w->answer(q, QStringLiteral("no")), QString());
    const QList<checklist::MaterialLine> lines = w->checklist().materials; // after the answers
    for (const checklist::MaterialLine &l : lines)
        QCOMPARE(w->mark(l.id, checklist::Received::Original), QString());
    QVERIFY2(w->checklist().verdict == checklist::Verdict::Complete, qPrintable(w->checklist().missing.join(u' ')));
    // The seller's card missing: the case is incomplete, and the notice would say whose.
    QCOMPARE(w->mark(IntakeWorkflow::perPartyMaterialId(QStringLiteral("id-card"), 1), std::nullopt), QString());
    QCOMPARE(w->checklist().verdict, checklist::Verdict::Incomplete);

    // Saved with the case: a restart brings both back.
    auto again = std::make_unique<IntakeWorkflow>(*m_catalog, m_calendar, m_clock, *m_store, *m_key, m_config);
    QCOMPARE(again->resume(w->caseId()), QString());
    QCOMPARE(again->parties().size(), 2);
    QCOMPARE(again->parties().at(1).applicant.number, seller.number);
    QCOMPARE(again->parties().at(1).agent->number, agent.number);

    // An expired card of any applicant blocks acceptance.
    const Party expired = Party::person(QStringLiteral("330106196403051230"), QStringLiteral("张建国"),
        {{QStringLiteral("validUntil"), QStringLiteral("2020-01-01")}})
                              .value();
    QCOMPARE(w->setParty(1, expired), QString());
    QVERIFY(!w->acceptanceBlockers().isEmpty());
    // … and is missing itself, on that applicant's line.
    const QString sellersCard = IntakeWorkflow::perPartyMaterialId(IntakeWorkflow::identityMaterialId(), 1);
    QVERIFY2(w->checklist().missing.contains(sellersCard), qPrintable(w->checklist().missing.join(u' ')));
    for (const checklist::MaterialLine &l : w->checklist().materials) {
        if (l.id == sellersCard)
            QCOMPARE(l.name,
                QStringLiteral("Resident ID card (valid until 2020-01-01, expired)（%1）").arg(expired.maskedName()));
    }
    // An agent's expired card joins the checklist as missing, though the matter asks for none.
    const Party expiredAgent = Party::person(QStringLiteral("330106198106011223"), QStringLiteral("李芳"),
        {{QStringLiteral("validUntil"), QStringLiteral("2020-01-01")}})
                                   .value();
    QCOMPARE(w->setAgent(0, expiredAgent), QString());
    QVERIFY2(w->checklist().missing.contains(QStringLiteral("agent-id-card")),
        qPrintable(w->checklist().missing.join(u' ')));
    QCOMPARE(w->setAgent(0, std::nullopt), QString());
    QCOMPARE(w->removeParty(1), QString());
    QCOMPARE(w->parties().size(), 1);
    QVERIFY(w->acceptanceBlockers().isEmpty());
    QVERIFY(!w->removeParty(0).isEmpty());

    // The seller comes back with the agent: both applicants are on the decided document (masked).
    QCOMPARE(w->setParty(1, seller), QString());
    QCOMPARE(w->setAgent(1, agent), QString());
    for (const QString &id : {IntakeWorkflow::perPartyMaterialId(QStringLiteral("id-card"), 1),
             IntakeWorkflow::perPartyMaterialId(IntakeWorkflow::authorisationLetterId(), 1)})
        QCOMPARE(w->mark(id, checklist::Received::Original), QString());
    QCOMPARE(w->goTo(IntakeWorkflow::Step::Verdict), QString());
    QCOMPARE(w->decide(IntakeWorkflow::Decision::Accept), QString());
    const receipt::ReceiptDocument &doc = w->document();
    QCOMPARE(doc.otherParties.size(), 1);
    QCOMPARE(doc.otherParties.first().name, seller.maskedName());
    QCOMPARE(doc.otherParties.first().id, seller.maskedNumber());
    QCOMPARE(doc.otherParties.first().agentName, agent.maskedName());
    QCOMPARE(doc.otherParties.first().document, QStringLiteral("Resident ID card"));
    // Each applicant's own card line, named after their document and saying whose.
    QStringList names;
    for (const checklist::MaterialLine &l : w->checklist().materials)
        names << l.name;
    QVERIFY2(names.contains(QStringLiteral("Resident ID card（%1）").arg(seller.maskedName())),
        qPrintable(names.join(u'|')));
    bool listed = false;
    for (const receipt::Block &b : receipt::DocumentLayout::blocks(doc))
        listed = listed || b.text.contains(seller.maskedNumber());
    QVERIFY(listed);
}

QTEST_GUILESS_MAIN(TestPartyRules)
#include "tst_partyrules.moc"
