#include "onewindow/catalog/Condition.h"

#include <cmath>

namespace ow {

namespace {

constexpr int kMaxDepth = 48;
constexpr qsizetype kMaxLength = 4096;

struct Token
{
    enum class Kind {
        End,
        Ident,
        Number,
        String,
        Op,
        LParen,
        RParen,
        LBracket,
        RBracket,
        Comma,
        Error
    } kind = Kind::End;
    QString text;
    double number = 0;
    qsizetype pos = 0; // 0-based offset in the condition text
};

bool isIdentStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isIdentChar(QChar c)
{
    return isIdentStart(c) || (c >= u'0' && c <= u'9');
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

QString formatNumber(double v)
{
    return QString::number(v, 'g', 12);
}

} // namespace

class ConditionParser
{
    Q_DECLARE_TR_FUNCTIONS(Condition)

public:
    ConditionParser(const QString &text, const Condition::Questions &questions, Condition &out)
        : m_text(text)
        , m_questions(questions)
        , m_out(out)
    { }

    QString run()
    {
        if (m_text.size() > kMaxLength)
            return tr("column 1: the condition is longer than %1 characters").arg(kMaxLength);
        next();
        if (m_token.kind == Token::Kind::End)
            return {}; // always true
        const int root = parseOr(0);
        if (root < 0)
            return m_error;
        if (m_token.kind == Token::Kind::Error) {
            badToken();
            return m_error;
        }
        if (m_token.kind != Token::Kind::End) {
            fail(tr("unexpected '%1' after the end of the condition").arg(m_token.text));
            return m_error;
        }
        m_out.m_root = root;
        return {};
    }

private:
    using Node = Condition::Node;
    using Kind = Node::Kind;

    int fail(const QString &message, qsizetype pos = -1)
    {
        if (m_error.isEmpty())
            m_error = tr("column %1: %2").arg((pos < 0 ? m_token.pos : pos) + 1).arg(message);
        return -1;
    }

    void next()
    {
        Token t;
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
        t.pos = m_pos;
        if (m_pos >= m_text.size()) {
            m_token = t;
            return;
        }
        const QChar c = m_text.at(m_pos);
        if (isIdentStart(c)) {
            qsizetype end = m_pos;
            while (end < m_text.size() && isIdentChar(m_text.at(end)))
                ++end;
            t.kind = Token::Kind::Ident;
            t.text = m_text.mid(m_pos, end - m_pos);
            m_pos = end;
        } else if (isDigit(c) || (c == u'-' && m_pos + 1 < m_text.size() && isDigit(m_text.at(m_pos + 1)))) {
            qsizetype end = m_pos + 1;
            while (end < m_text.size() && (isDigit(m_text.at(end)) || m_text.at(end) == u'.'))
                ++end;
            t.text = m_text.mid(m_pos, end - m_pos);
            bool ok = false;
            t.number = t.text.toDouble(&ok);
            t.kind = ok && std::isfinite(t.number) ? Token::Kind::Number : Token::Kind::Error;
            if (t.kind == Token::Kind::Error)
                t.text = tr("'%1' is not a number").arg(t.text);
            m_pos = end;
        } else if (c == u'\'' || c == u'"') {
            const qsizetype close = m_text.indexOf(c, m_pos + 1);
            if (close < 0) {
                t.kind = Token::Kind::Error;
                t.text = tr("unterminated text literal");
                m_pos = m_text.size();
            } else {
                t.kind = Token::Kind::String;
                t.text = m_text.mid(m_pos + 1, close - m_pos - 1);
                m_pos = close + 1;
            }
        } else {
            static const char *const twoChar[] = {"==", "!=", "<=", ">="};
            const QString two = m_text.mid(m_pos, 2);
            bool matched = false;
            for (const char *op : twoChar) {
                if (two == QLatin1String(op)) {
                    t.kind = Token::Kind::Op;
                    t.text = two;
                    m_pos += 2;
                    matched = true;
                }
            }
            if (!matched) {
                t.text = QString(c);
                ++m_pos;
                switch (c.unicode()) {
                case u'<':
                case u'>': t.kind = Token::Kind::Op; break;
                case u'(': t.kind = Token::Kind::LParen; break;
                case u')': t.kind = Token::Kind::RParen; break;
                case u'[': t.kind = Token::Kind::LBracket; break;
                case u']': t.kind = Token::Kind::RBracket; break;
                case u',': t.kind = Token::Kind::Comma; break;
                default: t.kind = Token::Kind::Error; break;
                }
            }
        }
        m_token = t;
    }

    bool isKeyword(const char *word) const
    {
        return m_token.kind == Token::Kind::Ident && m_token.text == QLatin1String(word);
    }

    int add(Node node)
    {
        m_out.m_nodes.push_back(std::move(node));
        return int(m_out.m_nodes.size() - 1);
    }

    int parseOr(int depth)
    {
        int left = parseAnd(depth);
        while (left >= 0 && isKeyword("or")) {
            next();
            const int right = parseAnd(depth);
            if (right < 0)
                return -1;
            Node n;
            n.kind = Kind::Or;
            n.left = left;
            n.right = right;
            left = add(n);
        }
        return left;
    }

    int parseAnd(int depth)
    {
        int left = parseUnary(depth);
        while (left >= 0 && isKeyword("and")) {
            next();
            const int right = parseUnary(depth);
            if (right < 0)
                return -1;
            Node n;
            n.kind = Kind::And;
            n.left = left;
            n.right = right;
            left = add(n);
        }
        return left;
    }

    int parseUnary(int depth)
    {
        if (depth > kMaxDepth)
            return fail(tr("the condition is nested more than %1 levels deep").arg(kMaxDepth));
        if (isKeyword("not")) {
            next();
            const int operand = parseUnary(depth + 1);
            if (operand < 0)
                return -1;
            Node n;
            n.kind = Kind::Not;
            n.left = operand;
            return add(n);
        }
        return parsePrimary(depth);
    }

    int parsePrimary(int depth)
    {
        switch (m_token.kind) {
        case Token::Kind::End: return fail(tr("the condition ends too early"));
        case Token::Kind::Error: return badToken();
        case Token::Kind::LParen: {
            const qsizetype open = m_token.pos;
            next();
            const int inner = parseOr(depth + 1);
            if (inner < 0)
                return -1;
            if (m_token.kind != Token::Kind::RParen)
                return fail(tr("missing ')' for the '(' at column %1").arg(open + 1));
            next();
            return inner;
        }
        case Token::Kind::Ident: break;
        default: return fail(tr("expected a question, 'not' or '(' but found '%1'").arg(m_token.text));
        }
        if (isKeyword("true") || isKeyword("false")) {
            Node n;
            n.kind = Kind::Constant;
            n.constant = isKeyword("true");
            next();
            return add(n);
        }
        static const char *const reserved[] = {"and", "or", "not", "in"};
        for (const char *word : reserved) {
            if (isKeyword(word))
                return fail(tr("expected a question but found the keyword '%1'").arg(m_token.text));
        }
        const Token questionToken = m_token;
        const auto it = m_questions.constFind(questionToken.text);
        if (it == m_questions.constEnd())
            return fail(tr("unknown question '%1'").arg(questionToken.text));
        const Question &q = it.value();
        next();

        Node n;
        n.question = q.id;
        n.type = q.type;
        if (isKeyword("in") || isKeyword("not")) {
            if (isKeyword("not")) {
                next();
                if (!isKeyword("in"))
                    return fail(tr("expected 'in' after 'not'"));
                n.negatedIn = true;
            }
            if (q.type == Question::Type::YesNo)
                return fail(tr("'in' does not apply to the yes-no question '%1'").arg(q.id));
            next();
            if (m_token.kind != Token::Kind::LBracket)
                return fail(tr("expected '[' after 'in'"));
            next();
            for (;;) {
                QVariant v;
                if (!literal(q, &v))
                    return -1;
                n.set.append(v);
                if (m_token.kind == Token::Kind::Comma) {
                    next();
                    continue;
                }
                if (m_token.kind == Token::Kind::RBracket) {
                    next();
                    break;
                }
                return fail(tr("expected ',' or ']' in the list"));
            }
            n.kind = Kind::In;
            return add(n);
        }
        if (m_token.kind == Token::Kind::Op) {
            const QString op = m_token.text;
            n.op = op == QLatin1String("==") ? Condition::Op::Eq
                : op == QLatin1String("!=")  ? Condition::Op::Ne
                : op == QLatin1String("<")   ? Condition::Op::Lt
                : op == QLatin1String("<=")  ? Condition::Op::Le
                : op == QLatin1String(">")   ? Condition::Op::Gt
                                             : Condition::Op::Ge;
            if (q.type != Question::Type::Number && n.op != Condition::Op::Eq && n.op != Condition::Op::Ne) {
                return fail(
                    tr("'%1' needs a number question, but '%2' is a %3 question")
                        .arg(op, q.id,
                            q.type == Question::Type::Choice ? QStringLiteral("choice") : QStringLiteral("yes-no")));
            }
            next();
            if (!literal(q, &n.literal))
                return -1;
            n.kind = Kind::Compare;
            return add(n);
        }
        if (q.type != Question::Type::YesNo) {
            return fail(tr("'%1' is not a yes-no question; compare it with an operator").arg(q.id), questionToken.pos);
        }
        n.kind = Kind::IsYes;
        return add(n);
    }

    int badToken()
    {
        // Error tokens carry either the offending character or a message.
        return fail(m_token.text.size() > 1 ? m_token.text : tr("unexpected character '%1'").arg(m_token.text));
    }

    bool literal(const Question &q, QVariant *out)
    {
        if (m_token.kind == Token::Kind::Error) {
            badToken();
            return false;
        }
        if (m_token.kind == Token::Kind::End) {
            fail(tr("the condition ends too early"));
            return false;
        }
        switch (q.type) {
        case Question::Type::Number:
            if (m_token.kind != Token::Kind::Number) {
                fail(tr("type mismatch: '%1' is a number question but '%2' is not a number").arg(q.id, m_token.text));
                return false;
            }
            *out = m_token.number;
            break;
        case Question::Type::Choice:
            if (m_token.kind != Token::Kind::String) {
                fail(tr("type mismatch: '%1' is a choice question; quote an option value instead of '%2'")
                         .arg(q.id, m_token.text));
                return false;
            }
            if (!q.hasOption(m_token.text)) {
                fail(tr("'%1' is not an option of the question '%2'").arg(m_token.text, q.id));
                return false;
            }
            *out = m_token.text;
            break;
        case Question::Type::YesNo:
            if (!isKeyword("true") && !isKeyword("false")) {
                fail(tr("type mismatch: '%1' is a yes-no question; compare it with true or false").arg(q.id));
                return false;
            }
            *out = isKeyword("true");
            break;
        }
        next();
        return true;
    }

    const QString &m_text;
    const Condition::Questions &m_questions;
    Condition &m_out;
    qsizetype m_pos = 0;
    Token m_token;
    QString m_error;
};

Result<Condition> Condition::parse(const QString &text, const Questions &questions)
{
    Condition c;
    c.m_text = text.trimmed();
    ConditionParser parser(text, questions, c);
    const QString error = parser.run();
    if (!error.isEmpty())
        return Result<Condition>::failure(error);
    if (c.m_root < 0)
        c.m_nodes.clear();
    return c;
}

QStringList Condition::questions() const
{
    QStringList ids;
    for (const Node &n : m_nodes) {
        if (!n.question.isEmpty() && !ids.contains(n.question))
            ids.append(n.question);
    }
    return ids;
}

Condition::Truth Condition::evaluate(const Answers &answers, QStringList *undecided) const
{
    if (m_root < 0)
        return Truth::True;
    QStringList local;
    const Truth t = eval(m_root, answers, &local);
    if (undecided && t == Truth::Unknown) {
        for (const QString &q : std::as_const(local)) {
            if (!undecided->contains(q))
                undecided->append(q);
        }
    }
    return t;
}

Condition::Truth Condition::eval(int index, const Answers &answers, QStringList *undecided) const
{
    const Node &n = m_nodes[size_t(index)];
    const auto truth = [](bool b) { return b ? Truth::True : Truth::False; };
    switch (n.kind) {
    case Node::Kind::Constant: return truth(n.constant);
    case Node::Kind::Not: {
        const Truth t = eval(n.left, answers, undecided);
        return t == Truth::Unknown ? t : truth(t == Truth::False);
    }
    case Node::Kind::And:
    case Node::Kind::Or: {
        const bool isAnd = n.kind == Node::Kind::And;
        QStringList l;
        QStringList r;
        const Truth a = eval(n.left, answers, &l);
        const Truth b = eval(n.right, answers, &r);
        const Truth dominant = isAnd ? Truth::False : Truth::True;
        if (a == dominant || b == dominant)
            return dominant;
        if (a == Truth::Unknown || b == Truth::Unknown) {
            *undecided += l;
            *undecided += r;
            return Truth::Unknown;
        }
        return isAnd ? Truth::True : Truth::False;
    }
    default: break;
    }
    const auto it = answers.constFind(n.question);
    if (it == answers.constEnd() || !it->isValid()) {
        undecided->append(n.question);
        return Truth::Unknown;
    }
    const QVariant &a = it.value();
    const auto equal = [&](const QVariant &lit) {
        switch (n.type) {
        case Question::Type::Number: return a.toDouble() == lit.toDouble();
        case Question::Type::Choice: return a.toString() == lit.toString();
        case Question::Type::YesNo: return a.toBool() == lit.toBool();
        }
        return false;
    };
    switch (n.kind) {
    case Node::Kind::IsYes: return truth(a.toBool());
    case Node::Kind::In: {
        bool found = false;
        for (const QVariant &v : n.set)
            found = found || equal(v);
        return truth(found != n.negatedIn);
    }
    case Node::Kind::Compare: {
        if (n.op == Op::Eq)
            return truth(equal(n.literal));
        if (n.op == Op::Ne)
            return truth(!equal(n.literal));
        const double x = a.toDouble();
        const double y = n.literal.toDouble();
        switch (n.op) {
        case Op::Lt: return truth(x < y);
        case Op::Le: return truth(x <= y);
        case Op::Gt: return truth(x > y);
        case Op::Ge: return truth(x >= y);
        default: break;
        }
        break;
    }
    default: break;
    }
    return Truth::False;
}

QString Condition::describe(const Questions &questions) const
{
    return m_root < 0 ? tr("always") : describe(m_root, questions, false);
}

QString Condition::valueText(const Node &n, const Question &q, const QVariant &v) const
{
    switch (n.type) {
    case Question::Type::Number:
        return q.unit.isEmpty() ? formatNumber(v.toDouble()) : formatNumber(v.toDouble()) + u' ' + q.unit;
    case Question::Type::Choice: return q.optionLabel(v.toString());
    case Question::Type::YesNo: return v.toBool() ? tr("yes") : tr("no");
    }
    return {};
}

QStringList Condition::explainFalse(
    const Answers &answers, const Questions &questions, const QHash<QString, QString> &facts) const
{
    QStringList out;
    if (m_root < 0 || evaluate(answers) != Truth::False)
        return out;
    explainFalse(m_root, answers, questions, facts, &out);
    return out;
}

bool Condition::failsOnChoice(int index, const Answers &answers) const
{
    // A branch of an `or` that is about someone else: its choice test (gender == 'female',
    // entity in [...]) is false for this applicant.
    const Node &n = m_nodes[size_t(index)];
    QStringList ignored;
    switch (n.kind) {
    case Node::Kind::And: return failsOnChoice(n.left, answers) || failsOnChoice(n.right, answers);
    case Node::Kind::Compare:
    case Node::Kind::In: return n.type == Question::Type::Choice && eval(index, answers, &ignored) == Truth::False;
    default: return false;
    }
}

void Condition::explainFalse(int index, const Answers &answers, const Questions &questions,
    const QHash<QString, QString> &facts, QStringList *out) const
{
    const Node &n = m_nodes[size_t(index)];
    QStringList ignored;
    const auto isFalse = [&](int i) { return eval(i, answers, &ignored) == Truth::False; };
    const auto add = [out](const QString &fact) {
        if (!fact.isEmpty() && !out->contains(fact))
            out->append(fact);
    };
    switch (n.kind) {
    case Node::Kind::Constant: add(tr("never")); return;
    case Node::Kind::And:
        for (const int child : {n.left, n.right}) {
            if (isFalse(child))
                explainFalse(child, answers, questions, facts, out);
        }
        return;
    case Node::Kind::Or: {
        // Every branch is false; the ones that apply to this applicant say why.
        QList<int> branches;
        QList<int> stack {index};
        while (!stack.isEmpty()) {
            const int i = stack.takeLast();
            const Node &b = m_nodes[size_t(i)];
            if (b.kind == Node::Kind::Or)
                stack << b.right << b.left;
            else
                branches << i;
        }
        QList<int> applicable;
        for (const int b : std::as_const(branches)) {
            if (!failsOnChoice(b, answers))
                applicable << b;
        }
        for (const int b : std::as_const(applicable.isEmpty() ? branches : applicable))
            explainFalse(b, answers, questions, facts, out);
        return;
    }
    case Node::Kind::Not: {
        // Not (x) is false because x holds: what x found.
        const Node &operand = m_nodes[size_t(n.left)];
        if (!operand.question.isEmpty() && facts.contains(operand.question)) {
            add(facts.value(operand.question));
            return;
        }
        add(tr("%1 holds").arg(describe(n.left, questions, false)));
        return;
    }
    default: break;
    }
    if (facts.contains(n.question)) {
        add(facts.value(n.question));
        return;
    }
    const Question q = questions.value(n.question);
    const QString name = q.text.isEmpty() ? n.question : q.text;
    const QVariant actual = answers.value(n.question);
    const QString is = valueText(n, q, actual);
    switch (n.kind) {
    case Node::Kind::IsYes: add(tr("%1: %2").arg(name, is)); return;
    case Node::Kind::In: {
        QStringList values;
        for (const QVariant &v : n.set)
            values.append(valueText(n, q, v));
        add((n.negatedIn ? tr("%1 is %2, which is excluded (%3)") : tr("%1 is %2, not one of %3"))
                .arg(name, is, values.join(QStringLiteral(", "))));
        return;
    }
    case Node::Kind::Compare: {
        const QString limit = valueText(n, q, n.literal);
        switch (n.op) {
        case Op::Ge: add(tr("%1 is %2, below %3").arg(name, is, limit)); return;
        case Op::Gt: add(tr("%1 is %2, not above %3").arg(name, is, limit)); return;
        case Op::Le: add(tr("%1 is %2, above %3").arg(name, is, limit)); return;
        case Op::Lt: add(tr("%1 is %2, not below %3").arg(name, is, limit)); return;
        case Op::Eq: add(tr("%1 is %2, not %3").arg(name, is, limit)); return;
        case Op::Ne: add(tr("%1 is %2").arg(name, is)); return;
        }
        return;
    }
    default: return;
    }
}

QString Condition::describe(int index, const Questions &questions, bool nested) const
{
    const Node &n = m_nodes[size_t(index)];
    const Question q = questions.value(n.question);
    const QString name = q.text.isEmpty() ? n.question : q.text;
    const auto value = [&](const QVariant &v) {
        switch (n.type) {
        case Question::Type::Number:
            return q.unit.isEmpty() ? formatNumber(v.toDouble()) : formatNumber(v.toDouble()) + u' ' + q.unit;
        case Question::Type::Choice: return q.optionLabel(v.toString());
        case Question::Type::YesNo: return v.toBool() ? tr("yes") : tr("no");
        }
        return QString();
    };
    switch (n.kind) {
    case Node::Kind::Constant: return n.constant ? tr("always") : tr("never");
    case Node::Kind::IsYes: return tr("%1 = yes").arg(name);
    case Node::Kind::Not: {
        const Node &operand = m_nodes[size_t(n.left)];
        if (operand.kind == Node::Kind::IsYes) {
            const Question yesNo = questions.value(operand.question);
            return tr("%1 = no").arg(yesNo.text.isEmpty() ? operand.question : yesNo.text);
        }
        return tr("not (%1)").arg(describe(n.left, questions, false));
    }
    case Node::Kind::And:
    case Node::Kind::Or: {
        const QString text = (n.kind == Node::Kind::And ? tr("%1 and %2") : tr("%1 or %2"))
                                 .arg(describe(n.left, questions, true), describe(n.right, questions, true));
        return nested ? u'(' + text + u')' : text;
    }
    case Node::Kind::In: {
        QStringList values;
        for (const QVariant &v : n.set)
            values.append(value(v));
        return (n.negatedIn ? tr("%1 is none of %2") : tr("%1 is one of %2"))
            .arg(name, values.join(QStringLiteral(", ")));
    }
    case Node::Kind::Compare: {
        static const char16_t *const symbols[] = {u"=", u"≠", u"<", u"≤", u">", u"≥"};
        return name + u' ' + QString::fromUtf16(symbols[int(n.op)]) + u' ' + value(n.literal);
    }
    }
    return {};
}

} // namespace ow
