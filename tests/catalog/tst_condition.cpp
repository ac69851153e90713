#include "onewindow/catalog/Condition.h"

#include <QTest>

using ow::Condition;
using Truth = ow::Condition::Truth;

Q_DECLARE_METATYPE(ow::Condition::Truth)

namespace {

Condition::Questions questions()
{
    Condition::Questions q;
    q.insert(QStringLiteral("area"),
        {QStringLiteral("area"), QStringLiteral("面积"), ow::Question::Type::Number, QStringLiteral("m²"), {}});
    q.insert(QStringLiteral("kind"),
        {QStringLiteral("kind"), QStringLiteral("类型"), ow::Question::Type::Choice, {},
            {{QStringLiteral("a"), QStringLiteral("甲类")}, {QStringLiteral("b"), QStringLiteral("乙类")}}});
    q.insert(QStringLiteral("flag"),
        {QStringLiteral("flag"), QStringLiteral("是否另办"), ow::Question::Type::YesNo, {}, {}});
    return q;
}

} // namespace

class TestCondition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void evaluate_data();
    void evaluate();
    void describe_data();
    void describe();
    void deepNestingIsRejected();
};

void TestCondition::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error"); // empty: valid

    QTest::newRow("empty is always") << QString() << QString();
    QTest::newRow("comparison") << QStringLiteral("area >= 500") << QString();
    QTest::newRow("decimal") << QStringLiteral("area < 49.5") << QString();
    QTest::newRow("negative") << QStringLiteral("area > -1") << QString();
    QTest::newRow("choice eq") << QStringLiteral("kind == 'a'") << QString();
    QTest::newRow("double quotes") << QStringLiteral("kind != \"b\"") << QString();
    QTest::newRow("membership") << QStringLiteral("kind in ['a', 'b']") << QString();
    QTest::newRow("not in") << QStringLiteral("area not in [1, 2]") << QString();
    QTest::newRow("bare yes-no") << QStringLiteral("flag") << QString();
    QTest::newRow("yes-no eq") << QStringLiteral("flag == false") << QString();
    QTest::newRow("and/or/not/parens") << QStringLiteral("not (flag or area < 50) and kind == 'b'") << QString();
    QTest::newRow("constants") << QStringLiteral("true or false") << QString();

    QTest::newRow("unknown question") << QStringLiteral("aera >= 1")
                                      << QStringLiteral("column 1: unknown question 'aera'");
    QTest::newRow("number vs text") << QStringLiteral("area >= 'big'")
                                    << QStringLiteral("column 9: type mismatch: 'area' is a number question");
    QTest::newRow("choice vs number") << QStringLiteral("kind == 1")
                                      << QStringLiteral("column 9: type mismatch: 'kind' is a choice question");
    QTest::newRow("unknown option") << QStringLiteral("kind == 'c'")
                                    << QStringLiteral("column 9: 'c' is not an option of the question 'kind'");
    QTest::newRow("ordering a choice") << QStringLiteral("kind < 'a'")
                                       << QStringLiteral("column 6: '<' needs a number question");
    QTest::newRow("yes-no vs number") << QStringLiteral("flag == 1")
                                      << QStringLiteral("column 9: type mismatch: 'flag'");
    QTest::newRow("in on yes-no") << QStringLiteral("flag in [true]") << QStringLiteral("'in' does not apply");
    QTest::newRow("bare number question")
        << QStringLiteral("area and flag") << QStringLiteral("column 1: 'area' is not a yes-no question");
    QTest::newRow("ends early") << QStringLiteral("area >= ")
                                << QStringLiteral("column 9: the condition ends too early");
    QTest::newRow("missing paren") << QStringLiteral("(flag or kind == 'a'")
                                   << QStringLiteral("column 21: missing ')' for the '(' at column 1");
    QTest::newRow("trailing junk") << QStringLiteral("flag flag") << QStringLiteral("column 6: unexpected 'flag'");
    QTest::newRow("bad character") << QStringLiteral("area >= 5 && flag")
                                   << QStringLiteral("column 11: unexpected character '&'");
    QTest::newRow("unterminated text") << QStringLiteral("kind == 'a") << QStringLiteral("unterminated text literal");
    QTest::newRow("keyword as question") << QStringLiteral("and") << QStringLiteral("found the keyword 'and'");
    QTest::newRow("bad number") << QStringLiteral("area > 1.2.3") << QStringLiteral("is not a number");
    QTest::newRow("empty list") << QStringLiteral("kind in []") << QStringLiteral("quote an option value");
    QTest::newRow("not without in") << QStringLiteral("kind not 'a'") << QStringLiteral("expected 'in' after 'not'");
}

void TestCondition::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const auto c = Condition::parse(text, questions());
    if (error.isEmpty()) {
        QVERIFY2(c.ok(), qPrintable(c.error()));
    } else {
        QVERIFY(!c.ok());
        QVERIFY2(c.error().contains(error), qPrintable(c.error()));
    }
}

void TestCondition::evaluate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariantMap>("answers");
    QTest::addColumn<Truth>("expected");
    QTest::addColumn<QStringList>("undecided");

    const QVariantMap none;
    const QVariantMap big {{QStringLiteral("area"), 500.0}};
    const QVariantMap below {{QStringLiteral("area"), 499.99}};
    const QVariantMap flagged {{QStringLiteral("flag"), true}};
    const QVariantMap kindB {{QStringLiteral("kind"), QStringLiteral("b")}};

    QTest::newRow("empty") << QString() << none << Truth::True << QStringList();
    QTest::newRow("at the boundary") << QStringLiteral("area >= 500") << big << Truth::True << QStringList();
    QTest::newRow("just below") << QStringLiteral("area >= 500") << below << Truth::False << QStringList();
    QTest::newRow("strictly less at boundary") << QStringLiteral("area < 500") << big << Truth::False << QStringList();
    QTest::newRow("unanswered") << QStringLiteral("area >= 500") << none << Truth::Unknown
                                << QStringList {QStringLiteral("area")};
    QTest::newRow("or decided by the answered side")
        << QStringLiteral("flag or area >= 500") << flagged << Truth::True << QStringList();
    QTest::newRow("or undecided") << QStringLiteral("flag or area >= 500")
                                  << QVariantMap {{QStringLiteral("flag"), false}} << Truth::Unknown
                                  << QStringList {QStringLiteral("area")};
    QTest::newRow("and decided false") << QStringLiteral("area >= 500 and flag") << below << Truth::False
                                       << QStringList();
    QTest::newRow("and both unanswered") << QStringLiteral("area >= 500 and flag") << none << Truth::Unknown
                                         << QStringList {QStringLiteral("area"), QStringLiteral("flag")};
    QTest::newRow("not unknown") << QStringLiteral("not flag") << none << Truth::Unknown
                                 << QStringList {QStringLiteral("flag")};
    QTest::newRow("not") << QStringLiteral("not flag") << flagged << Truth::False << QStringList();
    QTest::newRow("in") << QStringLiteral("kind in ['a', 'b']") << kindB << Truth::True << QStringList();
    QTest::newRow("not in") << QStringLiteral("kind not in ['b']") << kindB << Truth::False << QStringList();
    QTest::newRow("choice ne") << QStringLiteral("kind != 'a'") << kindB << Truth::True << QStringList();
    QTest::newRow("yes-no eq false") << QStringLiteral("flag == false") << flagged << Truth::False << QStringList();
    QTest::newRow("precedence: and binds tighter")
        << QStringLiteral("flag or kind == 'a' and area > 1") << flagged << Truth::True << QStringList();
    QTest::newRow("constant false") << QStringLiteral("false and area > 1") << none << Truth::False << QStringList();
}

void TestCondition::evaluate()
{
    QFETCH(QString, text);
    QFETCH(QVariantMap, answers);
    QFETCH(Truth, expected);
    QFETCH(QStringList, undecided);
    const auto c = Condition::parse(text, questions());
    QVERIFY2(c.ok(), qPrintable(c.error()));
    ow::Answers a;
    for (auto it = answers.cbegin(); it != answers.cend(); ++it)
        a.insert(it.key(), it.value());
    QStringList got;
    QCOMPARE(c->evaluate(a, &got), expected);
    QCOMPARE(got, undecided);
}

void TestCondition::describe_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("number with unit") << QStringLiteral("area >= 500") << QStringLiteral("面积 ≥ 500 m²");
    QTest::newRow("choice label") << QStringLiteral("kind == 'b'") << QStringLiteral("类型 = 乙类");
    QTest::newRow("membership") << QStringLiteral("kind in ['a','b']") << QStringLiteral("类型 is one of 甲类, 乙类");
    QTest::newRow("compound") << QStringLiteral("flag and not area < 50")
                              << QStringLiteral("是否另办 = yes and not (面积 < 50 m²)");
    QTest::newRow("negated yes-no") << QStringLiteral("not flag") << QStringLiteral("是否另办 = no");
    QTest::newRow("always") << QString() << QStringLiteral("always");
}

void TestCondition::describe()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto c = Condition::parse(text, questions());
    QVERIFY2(c.ok(), qPrintable(c.error()));
    QCOMPARE(c->describe(questions()), expected);
}

void TestCondition::deepNestingIsRejected()
{
    const QString deep = QString(200, u'(') + QStringLiteral("flag") + QString(200, u')');
    const auto c = Condition::parse(deep, questions());
    QVERIFY(!c.ok());
    QVERIFY2(c.error().contains(QStringLiteral("nested more than")), qPrintable(c.error()));
    const auto notChain = Condition::parse(QStringLiteral("not ").repeated(100) + QStringLiteral("flag"), questions());
    QVERIFY(!notChain.ok());
    const auto fine = Condition::parse(QString(20, u'(') + QStringLiteral("flag") + QString(20, u')'), questions());
    QVERIFY2(fine.ok(), qPrintable(fine.error()));
}

QTEST_GUILESS_MAIN(TestCondition)
#include "tst_condition.moc"
