#include "CatalogFuzzInput.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/catalog/CatalogCache.h"
#include "onewindow/catalog/CatalogSearch.h"
#include "onewindow/checklist/ChecklistEngine.h"
#include "onewindow/core/Sha256.h"

namespace ow::fuzz {

namespace {

Condition::Questions fuzzQuestions()
{
    Condition::Questions q;
    q.insert(QStringLiteral("area"), {QStringLiteral("area"), QStringLiteral("面积"), Question::Type::Number, {}, {}});
    q.insert(QStringLiteral("kind"),
        {QStringLiteral("kind"), QStringLiteral("类型"), Question::Type::Choice, {},
            {{QStringLiteral("a"), QStringLiteral("甲")}, {QStringLiteral("b"), QStringLiteral("乙")}}});
    q.insert(QStringLiteral("flag"), {QStringLiteral("flag"), QStringLiteral("是否"), Question::Type::YesNo, {}, {}});
    return q;
}

// Checklists for every bundle and for all matters at once (conditions evaluated and described).
void exercise(const Result<Catalog> &c)
{
    const WorkCalendar calendar; // weekdays only: enough to exercise the deadline
    const QDate today(2026, 9, 29);
    for (const Bundle &b : c->bundles()) {
        Answers answers;
        for (const QString &q : b.questions) {
            const Question *question = c->question(q);
            if (question && question->type == Question::Type::Number)
                answers.insert(q, 100.0);
        }
        (void)checklist::ChecklistEngine::evaluate(
            c.value(), checklist::Selection::ofBundle(b.id), answers, {}, calendar, today);
    }
    QStringList codes;
    for (const Matter &m : c->matters())
        codes.append(m.code);
    (void)checklist::ChecklistEngine::evaluate(
        c.value(), checklist::Selection::ofMatters(codes), {}, {}, calendar, today);
    for (const Matter &m : c->matters()) {
        for (const MatterMaterial &mm : m.materials)
            (void)mm.when.describe(c->questions());
    }
}

void fuzzCatalogue(const QByteArray &bytes)
{
    const auto c = Catalog::fromJson(bytes, QStringLiteral("fuzz.json"));
    if (c)
        exercise(c);
}

// A catalogue cache file's payload (CatalogCache::decodePayload), and the same bytes as a whole
// cache file for the demo catalogue (header checks, digest). Whatever decodes is used.
void fuzzCache(const QByteArray &bytes)
{
    const auto c = CatalogCache::decodePayload(bytes);
    if (c)
        exercise(c);
    static const QByteArray demo = [] {
        auto d = Catalog::load(Catalog::builtinPath());
        return d ? d->source() : QByteArray();
    }();
    static const QString demoSha = Sha256::hex(demo);
    const auto whole = CatalogCache::decode(bytes, demo, demoSha);
    if (whole)
        exercise(whole);
}

void fuzzCondition(const QByteArray &bytes)
{
    static const Condition::Questions questions = fuzzQuestions();
    const auto c = Condition::parse(QString::fromUtf8(bytes), questions);
    if (!c)
        return;
    const Answers none;
    const Answers some {{QStringLiteral("area"), 500.0}, {QStringLiteral("flag"), true}};
    const Answers all {
        {QStringLiteral("area"), -1.0}, {QStringLiteral("flag"), false}, {QStringLiteral("kind"), QStringLiteral("b")}};
    QStringList undecided;
    (void)c->evaluate(none, &undecided);
    (void)c->evaluate(some, &undecided);
    (void)c->evaluate(all, nullptr);
    (void)c->describe(questions);
    (void)c->questions();
}

void fuzzSearch(const QByteArray &bytes)
{
    static const Catalog demo = [] {
        auto c = Catalog::load(Catalog::builtinPath());
        return c ? c.value() : Catalog();
    }();
    static const CatalogSearch search(
        demo, PinyinTable::builtin().ok() ? PinyinTable::builtin().value() : PinyinTable());
    (void)search.search(QString::fromUtf8(bytes), 20);
}

} // namespace

int catalogInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (data[0] % 4) {
    case 0: fuzzCatalogue(bytes); break;
    case 1: fuzzCondition(bytes); break;
    case 2: fuzzSearch(bytes); break;
    default: fuzzCache(bytes); break;
    }
    return 0;
}

} // namespace ow::fuzz
