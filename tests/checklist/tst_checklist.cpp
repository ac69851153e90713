#include "onewindow/catalog/Catalog.h"
#include "onewindow/checklist/ChecklistEngine.h"
#include "onewindow/checklist/ChecklistJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace ow::checklist;

Q_DECLARE_METATYPE(ow::checklist::Verdict)

namespace {

ow::Answers toAnswers(const QVariantMap &map)
{
    ow::Answers a;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        a.insert(it.key(), it.value());
    return a;
}

// "id" → original, "id=copy" → copy, "id=elicence" → e-licence.
Collected toCollected(const QStringList &list)
{
    Collected c;
    for (const QString &s : list) {
        const qsizetype eq = s.indexOf(u'=');
        Received r = Received::Original;
        if (eq >= 0)
            parseReceived(s.mid(eq + 1), &r);
        c.insert(eq < 0 ? s : s.left(eq), r);
    }
    return c;
}

const MaterialLine *line(const Checklist &c, const QString &id)
{
    for (const MaterialLine &m : c.materials) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

} // namespace

class TestChecklist : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verdicts_data();
    void verdicts();
    void sharedMaterialsAreMerged();
    void unsharedMaterialsAddUp();
    void supermarketThresholds_data();
    void supermarketThresholds();
    void toleratedDeadline();
    void eLicenceWaivers_data();
    void eLicenceWaivers();
    void producedWithinTheBundle();
    void textConditionsAreConfirmed_data();
    void textConditionsAreConfirmed();
    void countsAreAsRecorded();
    void unansweredQuestionsAreNeverGuessed();
    void failedConditionIsNamed();
    void badSelection();
    void jsonShape();

private:
    ow::Catalog m_mini;
    ow::Catalog m_demo;
    ow::WorkCalendar m_calendar;
    const QDate m_today {2026, 9, 29}; // a Tuesday before the National Day holiday
};

void TestChecklist::initTestCase()
{
    QFile f(QStringLiteral(OW_TEST_DATA "/mini.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto mini = ow::Catalog::fromJson(f.readAll(), QStringLiteral("mini.json"));
    QVERIFY2(mini.ok(), qPrintable(mini.error()));
    m_mini = mini.value();
    const auto demo = ow::Catalog::load(ow::Catalog::builtinPath());
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    m_demo = demo.value();
    const auto cal = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    QVERIFY2(cal.ok(), qPrintable(cal.error()));
    m_calendar = cal.value();
}

void TestChecklist::verdicts_data()
{
    QTest::addColumn<QString>("bundle");
    QTest::addColumn<QStringList>("matters");
    QTest::addColumn<QVariantMap>("answers");
    QTest::addColumn<QStringList>("have");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<QStringList>("missing");
    QTest::addColumn<QStringList>("tolerated");
    QTest::addColumn<QStringList>("unanswered");

    const QString b1 = QStringLiteral("b1");
    const QVariantMap small {{QStringLiteral("area"), 10.0}, {QStringLiteral("flag"), false}};
    const QVariantMap both {{QStringLiteral("area"), 10.0}, {QStringLiteral("flag"), true},
        {QStringLiteral("age"), 30.0}, {QStringLiteral("kind"), QStringLiteral("a")}};
    const QStringList allM1 {
        QStringLiteral("form-a"), QStringLiteral("id-card"), QStringLiteral("licence"), QStringLiteral("rules")};
    const QStringList allButRules {QStringLiteral("form-a"), QStringLiteral("id-card"), QStringLiteral("licence")};

    QTest::newRow("complete") << b1 << QStringList() << small << allM1 << Verdict::Complete << QStringList()
                              << QStringList() << QStringList();
    QTest::newRow("tolerated: only a tolerable one is missing")
        << b1 << QStringList() << small << allButRules << Verdict::Tolerated << QStringList()
        << QStringList {QStringLiteral("rules")} << QStringList();
    QTest::newRow("incomplete names every missing material of every item")
        << b1 << QStringList() << both << QStringList {QStringLiteral("id-card")} << Verdict::Incomplete
        << QStringList {QStringLiteral("form-a"), QStringLiteral("licence"), QStringLiteral("form-b")}
        << QStringList {QStringLiteral("rules")} << QStringList();
    QTest::newRow("not acceptable") << b1 << QStringList()
                                    << QVariantMap {{QStringLiteral("area"), 10.0}, {QStringLiteral("flag"), true},
                                           {QStringLiteral("age"), 17.0}, {QStringLiteral("kind"), QStringLiteral("a")}}
                                    << allM1 << Verdict::NotAcceptable << QStringList {QStringLiteral("form-b")}
                                    << QStringList() << QStringList();
    QTest::newRow("needs answers: the item condition")
        << b1 << QStringList() << QVariantMap {{QStringLiteral("area"), 10.0}} << allM1 << Verdict::NeedsAnswers
        << QStringList() << QStringList() << QStringList {QStringLiteral("flag")};
    QTest::newRow("needs answers: conditions inside the included item")
        << b1 << QStringList() << QVariantMap {{QStringLiteral("flag"), true}} << allM1 << Verdict::NeedsAnswers
        << QStringList {QStringLiteral("form-b")} << QStringList()
        << QStringList {QStringLiteral("area"), QStringLiteral("age"), QStringLiteral("kind")};
    QTest::newRow("matters without a bundle")
        << QString() << QStringList {QStringLiteral("M1"), QStringLiteral("M3")} << small << allM1 << Verdict::Complete
        << QStringList() << QStringList() << QStringList();
    QTest::newRow("a copy is not an original")
        << b1 << QStringList() << small
        << QStringList {QStringLiteral("form-a=copy"), QStringLiteral("id-card=copy"), QStringLiteral("licence=copy"),
               QStringLiteral("rules")}
        << Verdict::Incomplete << QStringList {QStringLiteral("form-a"), QStringLiteral("id-card")} << QStringList()
        << QStringList();
}

void TestChecklist::verdicts()
{
    QFETCH(QString, bundle);
    QFETCH(QStringList, matters);
    QFETCH(QVariantMap, answers);
    QFETCH(QStringList, have);
    QFETCH(Verdict, verdict);
    QFETCH(QStringList, missing);
    QFETCH(QStringList, tolerated);
    QFETCH(QStringList, unanswered);
    const Selection sel = bundle.isEmpty() ? Selection::ofMatters(matters) : Selection::ofBundle(bundle);
    const auto c = ChecklistEngine::evaluate(m_mini, sel, toAnswers(answers), toCollected(have), m_calendar, m_today);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    QCOMPARE(verdictKey(c->verdict), verdictKey(verdict));
    QCOMPARE(c->missing, missing);
    QCOMPARE(c->tolerated, tolerated);
    QCOMPARE(c->unanswered, unanswered);
    // Each material appears once.
    QSet<QString> ids;
    for (const MaterialLine &m : c->materials) {
        QVERIFY2(!ids.contains(m.id), qPrintable(m.id));
        ids.insert(m.id);
    }
}

void TestChecklist::sharedMaterialsAreMerged()
{
    const ow::Answers a = toAnswers({{QStringLiteral("area"), 100.0}, {QStringLiteral("flag"), true},
        {QStringLiteral("age"), 20.0}, {QStringLiteral("kind"), QStringLiteral("b")}});
    const auto c =
        ChecklistEngine::evaluate(m_mini, Selection::ofBundle(QStringLiteral("b1")), a, {}, m_calendar, m_today);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    // id-card: shared by the bundle, so one set serves both items: max(1, 2) copies.
    const MaterialLine *id = line(c.value(), QStringLiteral("id-card"));
    QVERIFY(id);
    QVERIFY(id->shared);
    QCOMPARE(id->neededBy.size(), 2);
    QCOMPARE(id->copies, 2);
    QCOMPARE(id->originals, 0);
    QCOMPARE(id->mode, ow::AcceptanceMode::VerifyOriginalTakeCopy);
    QCOMPARE(id->eLicence, QStringLiteral("居民身份证电子证照"));
    QCOMPARE(id->howToSupply, QStringLiteral("携带原件"));
    // licence: one item takes a copy, the other keeps the original → original and copy.
    const MaterialLine *lic = line(c.value(), QStringLiteral("licence"));
    QVERIFY(lic);
    QCOMPARE(lic->originals, 1);
    QCOMPARE(lic->copies, 1);
    QCOMPARE(lic->mode, ow::AcceptanceMode::KeepOriginalAndCopy);
    // Conditional lines carry the condition in words.
    const MaterialLine *plan = line(c.value(), QStringLiteral("plan"));
    QVERIFY(plan);
    QVERIFY2(
        plan->neededBy.first().why.contains(QStringLiteral("面积 ≥ 100 m²")), qPrintable(plan->neededBy.first().why));
    const MaterialLine *photo = line(c.value(), QStringLiteral("photo"));
    QVERIFY(photo);
    QCOMPARE(photo->originals, 2);
    QVERIFY(photo->neededBy.first().why.contains(QStringLiteral("类型 is one of 乙类")));
    QCOMPARE(c->materials.size(), 7);
}

void TestChecklist::unsharedMaterialsAddUp()
{
    const ow::Answers a = toAnswers(
        {{QStringLiteral("area"), 99.0}, {QStringLiteral("age"), 20.0}, {QStringLiteral("kind"), QStringLiteral("a")}});
    const auto c = ChecklistEngine::evaluate(m_mini,
        Selection::ofMatters({QStringLiteral("M1"), QStringLiteral("M2"), QStringLiteral("M3")}), a, {}, m_calendar,
        m_today);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    const MaterialLine *id = line(c.value(), QStringLiteral("id-card"));
    QVERIFY(id);
    QVERIFY(!id->shared);
    QCOMPARE(id->copies, 1 + 2 + 1);
    QCOMPARE(id->neededBy.size(), 3);
    QVERIFY(id->verifyOriginal);
    QVERIFY(!line(c.value(), QStringLiteral("plan"))); // area 99 < 100
    QVERIFY(!line(c.value(), QStringLiteral("photo"))); // kind a
}

void TestChecklist::supermarketThresholds_data()
{
    QTest::addColumn<double>("area");
    QTest::addColumn<bool>("hygiene");
    QTest::addColumn<bool>("fireCheck");
    QTest::newRow("49.9 m²") << 49.9 << false << false;
    QTest::newRow("exactly 50 m²") << 50.0 << false << true;
    QTest::newRow("499 m²") << 499.0 << false << true;
    QTest::newRow("499.99 m²") << 499.99 << false << true;
    QTest::newRow("exactly 500 m²") << 500.0 << true << true;
    QTest::newRow("2000 m²") << 2000.0 << true << true;
}

void TestChecklist::supermarketThresholds()
{
    QFETCH(double, area);
    QFETCH(bool, hygiene);
    QFETCH(bool, fireCheck);
    const ow::Answers a = toAnswers({{QStringLiteral("area"), area}, {QStringLiteral("renovation"), false},
        {QStringLiteral("fresh_processing"), false}, {QStringLiteral("tobacco"), false}});
    const auto c = ChecklistEngine::evaluate(
        m_demo, Selection::ofBundle(QStringLiteral("open-supermarket")), a, {}, m_calendar, m_today);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    QVERIFY(c->unanswered.isEmpty());
    const auto included = [&](const QString &code) {
        for (const ItemLine &i : c->items) {
            if (i.matter == code)
                return i.included == ItemLine::Inclusion::Included;
        }
        return false;
    };
    QCOMPARE(included(QStringLiteral("330106-XK-HEALTH-001")), hygiene);
    QCOMPARE(included(QStringLiteral("330106-XK-FIRE-001")), fireCheck);
    QCOMPARE(line(c.value(), QStringLiteral("hygiene-application")) != nullptr, hygiene);
    QCOMPARE(line(c.value(), QStringLiteral("fire-check-application")) != nullptr, fireCheck);
}

void TestChecklist::toleratedDeadline()
{
    const QStringList allButRules {
        QStringLiteral("form-a"), QStringLiteral("id-card"), QStringLiteral("licence"), QStringLiteral("form-b")};
    // M1 alone: the material allows 10 days, but M1 promises 5 → 5 working days.
    auto c = ChecklistEngine::evaluate(m_mini, Selection::ofBundle(QStringLiteral("b1")),
        toAnswers({{QStringLiteral("area"), 1.0}, {QStringLiteral("flag"), false}}), toCollected(allButRules),
        m_calendar, m_today);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    QCOMPARE(verdictKey(c->verdict), QStringLiteral("tolerated"));
    QCOMPARE(c->supplementDays, 5);
    // 2026-09-29 + 5 working days: 30 Sep, then the National Day holiday, 8, 9, 10 (a make-up Saturday), 12 Oct.
    QCOMPARE(c->supplementDeadline, QDate(2026, 10, 12));
    const MaterialLine *rules = line(c.value(), QStringLiteral("rules"));
    QCOMPARE(statusKey(rules->status), QStringLiteral("tolerated"));
    QVERIFY(rules->tolerable);
    QCOMPARE(rules->howToSupply, QStringLiteral("参照示范文本"));
    // The line says so: the catalogue's 10 days, capped at M1's promise of 5.
    QCOMPARE(rules->supplementDays, 10);
    QVERIFY(rules->deadlineCapped);
    QCOMPARE(rules->supplementDeadline, QDate(2026, 10, 12));
    QCOMPARE(c->promiseCapDays, 5);
    QCOMPARE(c->promiseCapMatter, QStringLiteral("甲事项"));
    // With M2 (promised 3) included, the shortest promised limit wins (M2's text-only condition
    // confirmed, so that the verdict can be tolerated).
    Recorded confirmed;
    confirmed.confirmations.insert(conditionKey(QStringLiteral("M2"), 1), true);
    c = ChecklistEngine::evaluate(m_mini, Selection::ofBundle(QStringLiteral("b1")),
        toAnswers({{QStringLiteral("area"), 1.0}, {QStringLiteral("flag"), true}, {QStringLiteral("age"), 40.0},
            {QStringLiteral("kind"), QStringLiteral("a")}}),
        toCollected(allButRules), confirmed, m_calendar, m_today);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    QCOMPARE(verdictKey(c->verdict), QStringLiteral("tolerated"));
    QCOMPARE(c->supplementDays, 3);
    QCOMPARE(c->supplementDeadline, QDate(2026, 10, 9));
    // Handing in the tolerable material makes it complete.
    c = ChecklistEngine::evaluate(m_mini, Selection::ofBundle(QStringLiteral("b1")),
        toAnswers({{QStringLiteral("area"), 1.0}, {QStringLiteral("flag"), false}}),
        toCollected(allButRules + QStringList {QStringLiteral("rules=copy")}), m_calendar, m_today);
    QCOMPARE(verdictKey(c->verdict), QStringLiteral("complete"));
    QVERIFY(!c->supplementDeadline.isValid());
}

void TestChecklist::eLicenceWaivers_data()
{
    QTest::addColumn<QString>("have");
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("waived");
    QTest::newRow("id card by e-licence") << QStringLiteral("id-card=elicence") << QStringLiteral("waived") << true;
    QTest::newRow("licence by e-licence") << QStringLiteral("licence=elicence") << QStringLiteral("waived") << true;
    QTest::newRow("no e-licence for the form")
        << QStringLiteral("form-a=elicence") << QStringLiteral("missing") << false;
    QTest::newRow("id card original") << QStringLiteral("id-card") << QStringLiteral("received") << false;
}

void TestChecklist::eLicenceWaivers()
{
    QFETCH(QString, have);
    QFETCH(QString, status);
    QFETCH(bool, waived);
    const auto c = ChecklistEngine::evaluate(m_mini, Selection::ofMatters({QStringLiteral("M1")}),
        toAnswers({{QStringLiteral("area"), 1.0}}), toCollected({have}), m_calendar, m_today);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    const QString id = have.section(u'=', 0, 0);
    const MaterialLine *m = line(c.value(), id);
    QVERIFY(m);
    QCOMPARE(statusKey(m->status), status);
    QCOMPARE(m->waivedByELicence, waived);
    QCOMPARE(c->missing.contains(id), status == QLatin1String("missing"));
    if (status == QLatin1String("missing"))
        QCOMPARE(m->shortfall, QStringLiteral("no e-licence replaces this material"));
}

void TestChecklist::producedWithinTheBundle()
{
    // Company registration issues the business licence; the other items of 开办企业 take it from there.
    const auto c = ChecklistEngine::evaluate(m_demo, Selection::ofBundle(QStringLiteral("start-company")),
        toAnswers({{QStringLiteral("employees"), 0.0}, {QStringLiteral("invoice"), false}}), {}, m_calendar, m_today);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    const MaterialLine *licence = line(c.value(), QStringLiteral("business-licence"));
    QVERIFY(licence);
    QCOMPARE(statusKey(licence->status), QStringLiteral("waived"));
    QCOMPARE(licence->producedBy, QStringLiteral("330106-XK-AMR-001"));
    QCOMPARE(licence->producedByName, QStringLiteral("有限责任公司设立登记"));
    QVERIFY(!licence->waivedByELicence);
    QVERIFY(!c->missing.contains(QStringLiteral("business-licence")));
    QCOMPARE(ChecklistJson::toJson(c.value())
                 .value(QStringLiteral("materials"))
                 .toArray()
                 .at(qsizetype(licence - c->materials.constData()))
                 .toObject()
                 .value(QStringLiteral("producedBy"))
                 .toString(),
        QStringLiteral("330106-XK-AMR-001"));
    // Seal filing alone: nothing in the selection issues the licence, so the applicant brings it.
    const auto seal = ChecklistEngine::evaluate(
        m_demo, Selection::ofMatters({QStringLiteral("330106-QT-POLICE-001")}), {}, {}, m_calendar, m_today);
    QVERIFY2(seal.ok(), qPrintable(seal.error()));
    QVERIFY(seal->missing.contains(QStringLiteral("business-licence")));
}

void TestChecklist::textConditionsAreConfirmed_data()
{
    QTest::addColumn<QVariant>("holds"); // invalid: not confirmed
    QTest::addColumn<QStringList>("have");
    QTest::addColumn<QString>("verdict");
    const QStringList all {QStringLiteral("form-a"), QStringLiteral("id-card"), QStringLiteral("licence"),
        QStringLiteral("rules"), QStringLiteral("form-b")};
    QTest::newRow("not confirmed: nothing can be accepted") << QVariant() << all << "needs_answers";
    QTest::newRow("confirmed") << QVariant(true) << all << "complete";
    QTest::newRow("found not to hold") << QVariant(false) << all << "not_acceptable";
    QTest::newRow("not confirmed, materials missing: the notice is still possible")
        << QVariant() << QStringList {QStringLiteral("id-card")} << "incomplete";
}

void TestChecklist::textConditionsAreConfirmed()
{
    QFETCH(QVariant, holds);
    QFETCH(QStringList, have);
    QFETCH(QString, verdict);
    // M2 has "材料真实有效" without an expression: the clerk confirms it.
    Recorded recorded;
    const QString key = conditionKey(QStringLiteral("M2"), 1);
    if (holds.isValid())
        recorded.confirmations.insert(key, holds.toBool());
    const auto c = ChecklistEngine::evaluate(m_mini, Selection::ofBundle(QStringLiteral("b1")),
        toAnswers({{QStringLiteral("area"), 1.0}, {QStringLiteral("flag"), true}, {QStringLiteral("age"), 40.0},
            {QStringLiteral("kind"), QStringLiteral("a")}}),
        toCollected(have), recorded, m_calendar, m_today);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    QCOMPARE(verdictKey(c->verdict), verdict);
    QCOMPARE(c->textConditions.size(), 1);
    const TextCondition &tc = c->textConditions.first();
    QCOMPARE(tc.key, key);
    QCOMPARE(tc.text, QStringLiteral("材料真实有效"));
    QCOMPARE(tc.confirmed, holds.isValid());
    QCOMPARE(c->failed.size(), holds.isValid() && !holds.toBool() ? 1 : 0);
    if (!c->failed.isEmpty())
        QCOMPARE(c->failed.first().text, QStringLiteral("材料真实有效"));
    const QJsonArray json = ChecklistJson::toJson(c.value()).value(QStringLiteral("toConfirm")).toArray();
    QCOMPARE(json.size(), 1);
    QCOMPARE(json.at(0).toObject().value(QStringLiteral("confirmed")).toBool(), holds.isValid());
}

void TestChecklist::countsAreAsRecorded()
{
    // M2 asks for 2 copies of the ID card; the clerk marked a copy and recorded 2, then the
    // licence as an original without a count: one.
    Recorded recorded;
    recorded.counts.insert(QStringLiteral("id-card"), 2);
    recorded.confirmations.insert(conditionKey(QStringLiteral("M2"), 1), true);
    const auto c = ChecklistEngine::evaluate(m_mini, Selection::ofBundle(QStringLiteral("b1")),
        toAnswers({{QStringLiteral("area"), 1.0}, {QStringLiteral("flag"), true}, {QStringLiteral("age"), 40.0},
            {QStringLiteral("kind"), QStringLiteral("a")}}),
        toCollected({QStringLiteral("id-card=copy"), QStringLiteral("licence")}), recorded, m_calendar, m_today);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    const MaterialLine *id = line(c.value(), QStringLiteral("id-card"));
    QCOMPARE(id->recordedCopies, 2);
    QCOMPARE(id->recordedOriginals, 0);
    const MaterialLine *licence = line(c.value(), QStringLiteral("licence"));
    QCOMPARE(licence->recordedOriginals, 1);
    QCOMPARE(licence->recordedCopies, 0);
    QCOMPARE(line(c.value(), QStringLiteral("form-a"))->recordedOriginals, 0); // not marked
}

void TestChecklist::unansweredQuestionsAreNeverGuessed()
{
    // Nothing answered: the retirement bundle depends on contribution years, the retirement
    // category and age reached, and the fund.
    const auto c = ChecklistEngine::evaluate(
        m_demo, Selection::ofBundle(QStringLiteral("retirement")), {}, {}, m_calendar, m_today);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    QCOMPARE(verdictKey(c->verdict), QStringLiteral("needs_answers"));
    QCOMPARE(c->unanswered,
        (QStringList {QStringLiteral("contribution_years"), QStringLiteral("retirement_category"),
            QStringLiteral("retirement_reached"), QStringLiteral("has_fund")}));
    QVERIFY(c->failed.isEmpty());
    // The undecided item is neither listed as needed nor dropped.
    const ItemLine &fund = c->items.last();
    QCOMPARE(fund.included, ItemLine::Inclusion::Undecided);
    QVERIFY(!line(c.value(), QStringLiteral("fund-withdrawal-form")));
    // A question that decides nothing is not asked: gender and age are not asked here.
    const auto d = ChecklistEngine::evaluate(m_demo, Selection::ofBundle(QStringLiteral("retirement")),
        toAnswers({{QStringLiteral("retirement_category"), QStringLiteral("male")},
            {QStringLiteral("retirement_reached"), true}, {QStringLiteral("contribution_years"), 15.0},
            {QStringLiteral("has_fund"), false}}),
        {}, m_calendar, m_today);
    QVERIFY2(d.ok(), qPrintable(d.error()));
    QVERIFY(d->unanswered.isEmpty());
    QCOMPARE(verdictKey(d->verdict), QStringLiteral("incomplete"));
}

void TestChecklist::failedConditionIsNamed()
{
    const auto c = ChecklistEngine::evaluate(m_demo, Selection::ofBundle(QStringLiteral("retirement")),
        toAnswers({{QStringLiteral("gender"), QStringLiteral("female")}, {QStringLiteral("age"), 55.0},
            {QStringLiteral("contribution_years"), 14.5}, {QStringLiteral("has_fund"), true}}),
        {}, m_calendar, m_today);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    QCOMPARE(verdictKey(c->verdict), QStringLiteral("not_acceptable"));
    QCOMPARE(c->failed.size(), 1);
    QCOMPARE(c->failed.first().text, QStringLiteral("累计缴费满15年"));
    QCOMPARE(c->failed.first().expression, QStringLiteral("养老保险累计缴费年限 ≥ 15 年"));
    // The refusal states what failed, with the value, not the rule recited (issue 19).
    QCOMPARE(c->failed.first().fact, QStringLiteral("养老保险累计缴费年限 is 14.5 年, below 15 年"));
    QCOMPARE(c->failed.first().matter, QStringLiteral("330106-JF-HRSS-002"));
}

void TestChecklist::badSelection()
{
    QVERIFY(!ChecklistEngine::evaluate(m_mini, Selection::ofBundle(QStringLiteral("nope")), {}, {}, m_calendar, m_today)
                 .ok());
    QVERIFY(
        !ChecklistEngine::evaluate(m_mini, Selection::ofMatters({QStringLiteral("M9")}), {}, {}, m_calendar, m_today)
             .ok());
    const auto none = ChecklistEngine::evaluate(m_mini, Selection::ofMatters({}), {}, {}, m_calendar, m_today);
    QVERIFY(!none.ok());
    QVERIFY(!none.error().isEmpty());
}

void TestChecklist::jsonShape()
{
    const auto c = ChecklistEngine::evaluate(m_mini, Selection::ofBundle(QStringLiteral("b1")),
        toAnswers({{QStringLiteral("area"), 1.0}}), toCollected({QStringLiteral("licence=elicence")}), m_calendar,
        m_today);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    const QJsonObject o = ChecklistJson::toJson(c.value());
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("needs_answers"));
    const QJsonArray items = o.value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 2);
    const QJsonObject item0 = items.at(0).toObject();
    for (const char *key : {"matter", "name", "department", "included", "why"})
        QVERIFY2(item0.contains(QLatin1String(key)), key);
    QCOMPARE(item0.value(QStringLiteral("department")).toString(), QStringLiteral("甲局"));
    QVERIFY(items.at(1).toObject().value(QStringLiteral("included")).isNull());
    const QJsonArray materials = o.value(QStringLiteral("materials")).toArray();
    QVERIFY(!materials.isEmpty());
    for (const QJsonValue &v : materials) {
        const QJsonObject m = v.toObject();
        for (const char *key : {"id", "name", "status", "neededBy", "originals", "copies", "mode", "why"})
            QVERIFY2(m.contains(QLatin1String(key)), key);
    }
    QCOMPARE(materials.at(2).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("waived"));
    QCOMPARE(o.value(QStringLiteral("missing")).toArray().size(), 2);
    QCOMPARE(o.value(QStringLiteral("unanswered")).toArray().first().toString(), QStringLiteral("flag"));
}

QTEST_GUILESS_MAIN(TestChecklist)
#include "tst_checklist.moc"
