#pragma once

#include "onewindow/catalog/Question.h"
#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace ow {

// Answers to situation questions, by question id: a double for number questions, a bool for
// yes-no questions, the option value (QString) for choices. A missing key is "not answered".
using Answers = QHash<QString, QVariant>;

// A condition over the answers, read by a small recursive-descent parser (no script engine):
//   expr    := and ('or' and)*
//   and     := unary ('and' unary)*
//   unary   := 'not' unary | primary
//   primary := '(' expr ')' | 'true' | 'false'
//            | QUESTION                              (yes-no question is yes)
//            | QUESTION ('=='|'!='|'<'|'<='|'>'|'>=') LITERAL
//            | QUESTION ['not'] 'in' '[' LITERAL (',' LITERAL)* ']'
//   LITERAL := number | 'text' | "text" | true | false
// Every question must exist and the literals must fit its type (numbers for number questions,
// option values for choices with == != in only, true/false for yes-no with == != only).
// Evaluation is three-valued: a comparison on an unanswered question is Unknown, and `and`/`or`
// only stay Unknown when the unanswered question actually decides the result.
class Condition
{
    Q_DECLARE_TR_FUNCTIONS(Condition)

public:
    enum class Truth { False, True, Unknown };
    using Questions = QHash<QString, Question>;

    // An empty (or all-blank) text is the always-true condition. Errors read "column N: …".
    static Result<Condition> parse(const QString &text, const Questions &questions);

    bool isEmpty() const { return m_nodes.empty(); }
    const QString &text() const { return m_text; }
    // The question ids it reads, each once, in order of appearance.
    QStringList questions() const;

    // `undecided` receives the unanswered questions that decide an Unknown result.
    Truth evaluate(const Answers &answers, QStringList *undecided = nullptr) const;
    // Human-readable form using the questions' texts and option labels: "经营面积（平方米） ≥ 500".
    QString describe(const Questions &questions) const;
    // Why the condition is False for `answers`: the failing facts with the values they have
    // ("申请人年龄为 36 周岁，未达到 80 周岁"), not the condition recited. Of an `or`, only the
    // branches that apply are explained (a branch whose choice test fails, such as "gender ==
    // 'female'" for a man, does not). `facts` may word a question's value instead (an answer
    // taken from the applicant's document: "申请人 36 周岁，未达到法定退休年龄（63 周岁）").
    // Empty unless evaluate() gives False.
    QStringList explainFalse(
        const Answers &answers, const Questions &questions, const QHash<QString, QString> &facts = {}) const;

private:
    enum class Op { Eq, Ne, Lt, Le, Gt, Ge };
    struct Node
    {
        enum class Kind { Constant, IsYes, Compare, In, Not, And, Or } kind = Kind::Constant;
        bool constant = false;
        Question::Type type = Question::Type::YesNo;
        QString question;
        Op op = Op::Eq;
        QVariant literal;
        QVariantList set;
        bool negatedIn = false;
        int left = -1;
        int right = -1;
    };
    friend class ConditionParser;
    friend class CatalogCodec; // the binary catalogue cache stores the nodes

    Truth eval(int node, const Answers &answers, QStringList *undecided) const;
    QString describe(int node, const Questions &questions, bool nested) const;
    void explainFalse(int node, const Answers &answers, const Questions &questions,
        const QHash<QString, QString> &facts, QStringList *out) const;
    bool failsOnChoice(int node, const Answers &answers) const;
    QString valueText(const Node &n, const Question &q, const QVariant &v) const;

    QString m_text;
    std::vector<Node> m_nodes;
    int m_root = -1;
};

} // namespace ow
