#include "onewindow/catalog/Catalog.h"

#include <QFile>
#include <QTest>

// Loading and validating catalogues: the demo, a small fixture, and many kinds of broken file.
class TestCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoCatalogueLoads();
    void demoCatalogueHasTheRequiredBundles();
    void fixtureLoads();
    void matterGroups();
    void malformed_data();
    void malformed();
    void everyProblemIsReported();
    void producesCycle_data();
    void producesCycle();
    void producesCyclesOfAGraph_data();
    void producesCyclesOfAGraph();
    void unreadableFile();
    void parseAnswer_data();
    void parseAnswer();

private:
    static QByteArray fixture();
};

QByteArray TestCatalog::fixture()
{
    QFile f(QStringLiteral(OW_TEST_DATA "/mini.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestCatalog::demoCatalogueLoads()
{
    const auto c = ow::Catalog::load(ow::Catalog::builtinPath());
    QVERIFY2(c.ok(), qPrintable(c.error()));
    QVERIFY(c->matters().size() >= 40);
    QVERIFY(c->departments().size() >= 8);
    QVERIFY(!c->version().isEmpty());
    for (const ow::Matter &m : c->matters()) {
        QVERIFY2(!m.materials.isEmpty(), qPrintable(m.code));
        QVERIFY(m.promisedDays <= m.statutoryDays);
        // Realistic Chinese names for every matter and material.
        QVERIFY2(m.name.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))), qPrintable(m.code));
    }
    for (const ow::MaterialDef &m : c->materials())
        QVERIFY2(m.name.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))), qPrintable(m.id));
}

void TestCatalog::demoCatalogueHasTheRequiredBundles()
{
    const auto c = ow::Catalog::load(ow::Catalog::builtinPath());
    QVERIFY2(c.ok(), qPrintable(c.error()));
    for (const char *id : {"open-restaurant", "open-convenience-store", "start-company", "open-supermarket",
             "buy-second-hand-home", "newborn", "retirement"})
        QVERIFY2(c->bundle(QLatin1String(id)), id);
    QVERIFY(c->bundles().size() >= 8);
    const ow::Question *area = c->question(QStringLiteral("area"));
    QVERIFY(area);
    QCOMPARE(area->type, ow::Question::Type::Number);
    QVERIFY(c->bundle(QStringLiteral("open-supermarket"))->questions.contains(QStringLiteral("area")));
}

void TestCatalog::fixtureLoads()
{
    const auto c = ow::Catalog::fromJson(fixture(), QStringLiteral("mini.json"));
    QVERIFY2(c.ok(), qPrintable(c.error()));
    QCOMPARE(c->matters().size(), 3);
    QCOMPARE(c->matter(QStringLiteral("M2"))->acceptanceConditions.size(), 2);
    QCOMPARE(c->material(QStringLiteral("form-a"))->blankForm, QStringLiteral("forms/form-a.pdf"));
    QCOMPARE(c->material(QStringLiteral("id-card"))->eLicence, QStringLiteral("居民身份证电子证照"));
    QCOMPARE(c->matter(QStringLiteral("M1"))->materials.at(3).necessity, ow::MatterMaterial::Necessity::Tolerable);
    QCOMPARE(c->matter(QStringLiteral("M1"))->materials.at(3).supplementDays, 10);
    QCOMPARE(c->matter(QStringLiteral("M1"))->materials.at(1).mode, ow::AcceptanceMode::VerifyOriginalTakeCopy);
    QVERIFY(c->matter(QStringLiteral("M1"))->courier);
    QVERIFY(ow::Catalog::validate(fixture(), QStringLiteral("mini.json")).isEmpty());
}

// The matter groups are a hall's queue categories: the demo catalogue's four, in order, every
// matter in one; a fixture without groups has none.
void TestCatalog::matterGroups()
{
    const auto demo = ow::Catalog::load(ow::Catalog::builtinPath());
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    QStringList ids;
    QStringList names;
    for (const ow::MatterGroup &g : demo->groups()) {
        ids << g.id;
        names << g.name;
    }
    QCOMPARE(ids,
        (QStringList {QStringLiteral("business"), QStringLiteral("social"), QStringLiteral("property"),
            QStringLiteral("household")}));
    QCOMPARE(names,
        (QStringList {QStringLiteral("商事登记"), QStringLiteral("社会保障"), QStringLiteral("不动产"),
            QStringLiteral("公安户政")}));
    for (const ow::Matter &m : demo->matters())
        QVERIFY2(ids.contains(m.group), qPrintable(m.code));
    QCOMPARE(demo->matter(QStringLiteral("330106-XK-REALESTATE-001"))->group, QStringLiteral("property"));
    QCOMPARE(demo->matter(QStringLiteral("330106-GG-HRSS-001"))->group, QStringLiteral("social"));
    const auto mini = ow::Catalog::fromJson(fixture(), QStringLiteral("mini.json"));
    QVERIFY(mini.ok());
    QVERIFY(mini->groups().isEmpty());
    QVERIFY(mini->matter(QStringLiteral("M1"))->group.isEmpty());
}

void TestCatalog::malformed_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("expected"); // "ENTRY: message" fragment, after "mini.json: "

    QTest::newRow("JSON syntax") << QStringLiteral("\"version\": \"test-1\",")
                                 << QStringLiteral("\"version\": \"test-1\"")
                                 << QStringLiteral("mini.json:5:4: not valid JSON");
    QTest::newRow("not an object") << QString() << QStringLiteral("[]")
                                   << QStringLiteral("(top level): the catalogue must be a JSON object");
    QTest::newRow("wrong format") << QStringLiteral("\"onewindow-catalogue\"") << QStringLiteral("\"other\"")
                                  << QStringLiteral("(top level): \"format\" must be \"onewindow-catalogue\"");
    QTest::newRow("future format version")
        << QStringLiteral("\"formatVersion\": 1") << QStringLiteral("\"formatVersion\": 2")
        << QStringLiteral("(top level): \"formatVersion\" must be 1");
    QTest::newRow("misspelt field") << QStringLiteral("\"courier\": true") << QStringLiteral("\"courrier\": true")
                                    << QStringLiteral("matters[0] \"M1\": unknown field \"courrier\"");
    QTest::newRow("missing name") << QStringLiteral("\"name\": \"甲事项\", ") << QString()
                                  << QStringLiteral("matters[0] \"M1\": \"name\" is required");
    QTest::newRow("duplicate code") << QStringLiteral("\"code\": \"M3\"") << QStringLiteral("\"code\": \"M1\"")
                                    << QStringLiteral("matters[2] \"M1\": duplicate matter code \"M1\"");
    QTest::newRow("unknown department") << QStringLiteral("\"department\": \"d2\", \"type\": \"confirmation\"")
                                        << QStringLiteral("\"department\": \"d9\", \"type\": \"confirmation\"")
                                        << QStringLiteral("matters[1] \"M2\": unknown department \"d9\"");
    QTest::newRow("unknown group") << QStringLiteral("\"department\": \"d2\", \"type\": \"confirmation\"")
                                   << QStringLiteral(
                                          "\"department\": \"d2\", \"group\": \"nope\", \"type\": \"confirmation\"")
                                   << QStringLiteral("matters[1] \"M2\": unknown group \"nope\"");
    QTest::newRow("duplicate group")
        << QStringLiteral("\"departments\": [")
        << QStringLiteral("\"groups\": [ {\"id\": \"g1\", \"name\": \"甲组\"}, {\"id\": \"g1\", \"name\": \"乙组\"} ], "
                          "\"departments\": [")
        << QStringLiteral("groups[1] \"g1\": duplicate group id \"g1\"");
    QTest::newRow("unknown material") << QStringLiteral("{ \"material\": \"photo\"")
                                      << QStringLiteral("{ \"material\": \"foto\"")
                                      << QStringLiteral(
                                             "matters[1] \"M2\".materials[3] \"foto\": unknown material \"foto\"");
    QTest::newRow("bad necessity") << QStringLiteral("\"necessity\": \"tolerable\"")
                                   << QStringLiteral("\"necessity\": \"optional\"")
                                   << QStringLiteral("\"necessity\" must be one of required, conditional, tolerable, "
                                                     "not \"optional\"");
    QTest::newRow("bad acceptance mode")
        << QStringLiteral(
               "\"form-a\", \"necessity\": \"required\", \"originals\": 1, \"copies\": 0, \"mode\": \"keep-original\"")
        << QStringLiteral(
               "\"form-a\", \"necessity\": \"required\", \"originals\": 1, \"copies\": 0, \"mode\": \"keep\"")
        << QStringLiteral("matters[0] \"M1\".materials[0] \"form-a\": \"mode\" must be one of");
    QTest::newRow("counts do not fit the mode")
        << QStringLiteral("\"originals\": 2, \"copies\": 0") << QStringLiteral("\"originals\": 0, \"copies\": 0")
        << QStringLiteral("matters[1] \"M2\".materials[3] \"photo\": mode keep-original needs originals ≥ 1");
    QTest::newRow("negative copies") << QStringLiteral("\"originals\": 0, \"copies\": 2")
                                     << QStringLiteral("\"originals\": 0, \"copies\": -2")
                                     << QStringLiteral("\"copies\" must be a whole number from 0 to 20");
    QTest::newRow("condition syntax") << QStringLiteral("\"area >= 100\"") << QStringLiteral("\"area >= \"")
                                      << QStringLiteral("matters[0] \"M1\".materials[4] \"plan\".when: column 9: the "
                                                        "condition ends too early in \"area >= \"");
    QTest::newRow("condition unknown question")
        << QStringLiteral("\"area >= 100\"") << QStringLiteral("\"aera >= 100\"")
        << QStringLiteral(".when: column 1: unknown question 'aera'");
    QTest::newRow("condition type mismatch")
        << QStringLiteral("\"area >= 100\"") << QStringLiteral("\"area >= 'big'\"")
        << QStringLiteral(".when: column 9: type mismatch: 'area' is a number question");
    QTest::newRow("condition unknown option") << QStringLiteral(
        "['b']") << QStringLiteral("['c']") << QStringLiteral("column 10: 'c' is not an option of the question 'kind'");
    QTest::newRow("acceptance condition")
        << QStringLiteral("\"age >= 18\"") << QStringLiteral("\"age >= 18 or\"")
        << QStringLiteral("matters[1] \"M2\".acceptanceConditions[0].requires: column 13");
    QTest::newRow("promised beyond statutory")
        << QStringLiteral("\"statutoryDays\": 10, \"promisedDays\": 3")
        << QStringLiteral("\"statutoryDays\": 2, \"promisedDays\": 3")
        << QStringLiteral("matters[1] \"M2\": the promised limit (3 working days) "
                          "exceeds the statutory limit (2)");
    QTest::newRow("tolerable in an on-the-spot matter")
        << QStringLiteral("{ \"material\": \"id-card\", \"necessity\": \"required\", \"originals\": 0, \"copies\": 1, "
                          "\"mode\": \"copy\" }")
        << QStringLiteral("{ \"material\": \"id-card\", \"necessity\": \"tolerable\", \"originals\": 0, \"copies\": 1, "
                          "\"mode\": \"copy\", \"supplementDays\": 2 }")
        << QStringLiteral("matters[2] \"M3\".materials[0] \"id-card\": a matter done on the spot");
    QTest::newRow("conditional without condition")
        << QStringLiteral("\"necessity\": \"conditional\", \"when\": \"area >= 100\",")
        << QStringLiteral("\"necessity\": \"conditional\",")
        << QStringLiteral("\"plan\": a conditional material needs a \"when\" condition");
    QTest::newRow("tolerable without days")
        << QStringLiteral(", \"supplementDays\": 10") << QString()
        << QStringLiteral("\"rules\": \"supplementDays\" must be a whole number from 1");
    QTest::newRow("duplicate material id") << QStringLiteral("{ \"id\": \"photo\", \"name\": \"照片\"")
                                           << QStringLiteral("{ \"id\": \"plan\", \"name\": \"照片\"")
                                           << QStringLiteral("materials[6] \"plan\": duplicate material id \"plan\"");
    QTest::newRow("choice with one option")
        << QStringLiteral("[ { \"value\": \"a\", \"label\": \"甲类\" }, { \"value\": \"b\", \"label\": \"乙类\" } ]")
        << QStringLiteral("[ { \"value\": \"a\", \"label\": \"甲类\" } ]")
        << QStringLiteral("questions[1] \"kind\": a choice question needs at least two options");
    QTest::newRow("bundle unknown matter")
        << QStringLiteral("{ \"matter\": \"M2\", \"when\"") << QStringLiteral("{ \"matter\": \"M9\", \"when\"")
        << QStringLiteral("bundles[0] \"b1\".items[1]: unknown matter \"M9\"");
    QTest::newRow("bundle does not ask a question")
        << QStringLiteral("[\"area\", \"flag\", \"age\", \"kind\"]") << QStringLiteral("[\"area\", \"flag\", \"age\"]")
        << QStringLiteral("bundles[0] \"b1\".items[1]: matter \"M2\" depends on question \"kind\", which the bundle "
                          "does not ask");
    QTest::newRow("bundle item condition outside its questions")
        << QStringLiteral("[\"area\", \"flag\", \"age\", \"kind\"]") << QStringLiteral("[\"area\", \"age\", \"kind\"]")
        << QStringLiteral("bundles[0] \"b1\".items[1].when: column 1: unknown question 'flag'");
    QTest::newRow("unknown shared material")
        << QStringLiteral("\"shared\": [\"id-card\"]") << QStringLiteral("\"shared\": [\"passport\"]")
        << QStringLiteral("bundles[0] \"b1\": unknown shared material \"passport\"");
    QTest::newRow("shared material nobody needs")
        << QStringLiteral(
               "{ \"matter\": \"M1\" },\n        { \"matter\": \"M2\", \"when\": \"flag\", \"why\": \"另办乙事项\" }\n"
               "      ],\n      \"shared\": [\"id-card\"]")
        << QStringLiteral("{ \"matter\": \"M3\" }\n      ],\n      \"shared\": [\"id-card\", \"rules\"]")
        << QStringLiteral("bundles[0] \"b1\": shared material \"rules\" is not needed by any item");
    QTest::newRow("reserved question id") << QStringLiteral("{ \"id\": \"flag\"") << QStringLiteral("{ \"id\": \"not\"")
                                          << QStringLiteral("questions[2] \"not\": \"not\" is a reserved word");
    QTest::newRow("produces an unknown material")
        << QStringLiteral("\"code\": \"M3\", ") << QStringLiteral("\"code\": \"M3\", \"produces\": [\"nope\"], ")
        << QStringLiteral("matters[2] \"M3\": unknown material \"nope\" in \"produces\"");
    QTest::newRow("needs what it produces")
        << QStringLiteral("\"code\": \"M3\", ") << QStringLiteral("\"code\": \"M3\", \"produces\": [\"id-card\"], ")
        << QStringLiteral("matters[2] \"M3\": the matter both needs and produces \"id-card\"");
    QTest::newRow("bad id") << QStringLiteral("{ \"id\": \"d1\"") << QStringLiteral("{ \"id\": \"D 1\"")
                            << QStringLiteral("departments[0] \"D 1\": \"id\" must be lower-case letters");
}

void TestCatalog::malformed()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, expected);
    QString text = QString::fromUtf8(fixture());
    QVERIFY(!text.isEmpty());
    if (from.isEmpty()) {
        text = to;
    } else {
        QCOMPARE(text.count(from), 1); // the mutation is unambiguous
        text.replace(from, to);
    }
    const auto c = ow::Catalog::fromJson(text.toUtf8(), QStringLiteral("mini.json"));
    QVERIFY(!c.ok());
    QVERIFY2(c.error().contains(expected), qPrintable(c.error()));
    // Every line names the file first.
    for (const QString &line : c.error().split(u'\n'))
        QVERIFY2(line.startsWith(QLatin1String("mini.json")), qPrintable(line));
}

void TestCatalog::producesCycle_data()
{
    QTest::addColumn<QString>("m1Produces");
    QTest::addColumn<QString>("m2Produces");
    QTest::addColumn<QString>("expected"); // empty: accepted
    // M1 needs form-a, M2 needs form-b: issuing each other's input is a cycle.
    QTest::newRow("two matters")
        << "form-b"
        << "form-a"
        << "\"produces\" forms a cycle (\"M1\" needs \"form-a\", issued by \"M2\"; \"M2\" needs "
           "\"form-b\", issued by \"M1\")";
    QTest::newRow("one way is fine") << QString() << "form-a" << QString();
}

void TestCatalog::producesCycle()
{
    QFETCH(QString, m1Produces);
    QFETCH(QString, m2Produces);
    QFETCH(QString, expected);
    QString text = QString::fromUtf8(fixture());
    const auto produce = [&text](const QString &code, const QString &material) {
        if (material.isEmpty())
            return;
        const QString from = QStringLiteral("\"code\": \"%1\", ").arg(code);
        QCOMPARE(text.count(from), 1);
        text.replace(from, from + QStringLiteral("\"produces\": [\"%1\"], ").arg(material));
    };
    produce(QStringLiteral("M1"), m1Produces);
    produce(QStringLiteral("M2"), m2Produces);
    const auto c = ow::Catalog::fromJson(text.toUtf8(), QStringLiteral("mini.json"));
    if (expected.isEmpty()) {
        QVERIFY2(c.ok(), qPrintable(c.error()));
        return;
    }
    QVERIFY(!c.ok());
    QVERIFY2(c.error().contains(expected), qPrintable(c.error()));
    QCOMPARE(c.error().count(QStringLiteral("cycle")), 1); // reported once, not once per matter
}

void TestCatalog::producesCyclesOfAGraph_data()
{
    // Matters as "CODE:needs,needs>produces,produces" separated by spaces.
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QStringList>("expected"); // the cycles' starting matters, in order
    QTest::newRow("none") << "A:x>y B:y>z C:z" << QStringList();
    QTest::newRow("three matters") << "A:x>y B:y>z C:z>x" << QStringList {QStringLiteral("A")};
    // Two ways into the same producer (a diamond) is not a cycle.
    QTest::newRow("diamond") << "A:p,q B:>p C:>q D:>r B2:r>p" << QStringList();
    // Hundreds issue the licence; only the last of them closes a cycle.
    QStringList many;
    for (int i = 0; i < 300; ++i)
        many << QStringLiteral("P%1:>lic").arg(i);
    many << QStringLiteral("N:lic P300:n>lic Q:lic>n");
    QTest::newRow("many producers") << many.join(u' ') << QStringList {QStringLiteral("P300")};
    QTest::newRow("two cycles") << "A:x>y B:y>x C:u>v D:v>u" << QStringList {QStringLiteral("A"), QStringLiteral("C")};
}

void TestCatalog::producesCyclesOfAGraph()
{
    QFETCH(QString, graph);
    QFETCH(QStringList, expected);
    QList<ow::Matter> matters;
    for (const QString &spec : graph.split(u' ')) {
        ow::Matter m;
        m.code = spec.section(u':', 0, 0);
        const QString rest = spec.section(u':', 1);
        for (const QString &need : rest.section(u'>', 0, 0).split(u',', Qt::SkipEmptyParts)) {
            ow::MatterMaterial mm;
            mm.material = need;
            m.materials.append(mm);
        }
        m.produces = rest.section(u'>', 1).split(u',', Qt::SkipEmptyParts);
        matters.append(m);
    }
    QStringList starts;
    for (const auto &[matter, message] : ow::Catalog::producesCycles(matters)) {
        starts << matter;
        QVERIFY2(message.contains(QStringLiteral("forms a cycle")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("\"%1\" needs").arg(matter)), qPrintable(message));
    }
    QCOMPARE(starts, expected);
}

void TestCatalog::everyProblemIsReported()
{
    QString text = QString::fromUtf8(fixture());
    text.replace(QStringLiteral("\"department\": \"d1\""), QStringLiteral("\"department\": \"nope\""));
    text.replace(QStringLiteral("\"area >= 100\""), QStringLiteral("\"area >\""));
    text.replace(QStringLiteral("{ \"matter\": \"M2\""), QStringLiteral("{ \"matter\": \"M7\""));
    const QStringList errors = ow::Catalog::validate(text.toUtf8(), QStringLiteral("x.json"));
    QCOMPARE(errors.size(), 3);
    QVERIFY(errors.at(0).contains(QStringLiteral("unknown department \"nope\"")));
    QVERIFY(errors.at(1).contains(QStringLiteral("ends too early")));
    QVERIFY(errors.at(2).contains(QStringLiteral("unknown matter \"M7\"")));
}

void TestCatalog::unreadableFile()
{
    const auto c = ow::Catalog::load(QStringLiteral("/nonexistent/catalogue.json"));
    QVERIFY(!c.ok());
    QVERIFY(c.error().startsWith(QStringLiteral("/nonexistent/catalogue.json: cannot read")));
    const auto empty = ow::Catalog::fromJson(QByteArray(), QStringLiteral("empty.json"));
    QVERIFY(!empty.ok());
    QVERIFY(empty.error().startsWith(QStringLiteral("empty.json:1:1: not valid JSON")));
}

void TestCatalog::parseAnswer_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariant>("expected"); // invalid: rejected

    QTest::newRow("number") << QStringLiteral("area") << QStringLiteral("499.5") << QVariant(499.5);
    QTest::newRow("not a number") << QStringLiteral("area") << QStringLiteral("big") << QVariant();
    QTest::newRow("yes") << QStringLiteral("flag") << QStringLiteral("yes") << QVariant(true);
    QTest::newRow("是") << QStringLiteral("flag") << QStringLiteral("是") << QVariant(true);
    QTest::newRow("false") << QStringLiteral("flag") << QStringLiteral("false") << QVariant(false);
    QTest::newRow("maybe") << QStringLiteral("flag") << QStringLiteral("maybe") << QVariant();
    QTest::newRow("option") << QStringLiteral("kind") << QStringLiteral("b") << QVariant(QStringLiteral("b"));
    QTest::newRow("not an option") << QStringLiteral("kind") << QStringLiteral("c") << QVariant();
    QTest::newRow("unknown question") << QStringLiteral("size") << QStringLiteral("1") << QVariant();
}

void TestCatalog::parseAnswer()
{
    QFETCH(QString, question);
    QFETCH(QString, text);
    QFETCH(QVariant, expected);
    const auto c = ow::Catalog::fromJson(fixture(), QStringLiteral("mini.json"));
    QVERIFY2(c.ok(), qPrintable(c.error()));
    const auto v = c->parseAnswer(question, text);
    QCOMPARE(v.ok(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(v.value(), expected);
    else
        QVERIFY(!v.error().isEmpty());
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
