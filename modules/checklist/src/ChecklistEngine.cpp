#include "onewindow/checklist/ChecklistEngine.h"

#include <algorithm>
#include <climits>

namespace ow::checklist {

namespace {

struct Accumulator
{
    int originalsSum = 0;
    int originalsMax = 0;
    int copiesSum = 0;
    int copiesMax = 0;
    bool verify = false;
    int supplementDays = INT_MAX;
};

void addUnique(QStringList &list, const QStringList &more)
{
    for (const QString &s : more) {
        if (!list.contains(s))
            list.append(s);
    }
}

} // namespace

Result<Checklist> ChecklistEngine::evaluate(const Catalog &catalog, const Selection &selection, const Answers &answers,
    const Collected &collected, const WorkCalendar &calendar, QDate today)
{
    return evaluate(catalog, selection, answers, collected, Recorded {}, calendar, today);
}

Result<Checklist> ChecklistEngine::evaluate(const Catalog &catalog, const Selection &selection, const Answers &answers,
    const Collected &collected, const Recorded &recorded, const WorkCalendar &calendar, QDate today,
    const QHash<QString, QString> &facts)
{
    using R = Result<Checklist>;
    Checklist out;
    QList<BundleItem> items;
    QStringList shared;
    if (!selection.bundle.isEmpty()) {
        const Bundle *b = catalog.bundle(selection.bundle);
        if (!b)
            return R::failure(tr("The catalogue has no bundle \"%1\".").arg(selection.bundle));
        items = b->items;
        shared = b->shared;
        out.title = b->name;
    } else {
        if (selection.matters.isEmpty())
            return R::failure(tr("Choose a bundle or at least one matter."));
        QStringList names;
        for (const QString &code : selection.matters) {
            const Matter *m = catalog.matter(code);
            if (!m)
                return R::failure(tr("The catalogue has no matter \"%1\".").arg(code));
            if (std::any_of(items.cbegin(), items.cend(), [&](const BundleItem &i) { return i.matter == code; }))
                continue;
            items.append(BundleItem {code, {}, {}});
            names.append(m->name);
        }
        out.title = names.join(QStringLiteral(" + "));
    }

    const Condition::Questions &questions = catalog.questions();
    QHash<QString, qsizetype> lineIndex;
    QHash<QString, const Matter *> producedBy; // material → the included matter that issues it
    QList<Accumulator> acc;
    int shortestPromise = INT_MAX;
    QString shortestPromiseMatter;

    for (const BundleItem &item : std::as_const(items)) {
        const Matter *m = catalog.matter(item.matter);
        if (!m)
            return R::failure(tr("The catalogue has no matter \"%1\".").arg(item.matter));
        ItemLine line;
        line.matter = m->code;
        line.name = m->name;
        const Department *d = catalog.department(m->department);
        line.department = d ? d->name : m->department;
        const Condition::Truth t = item.when.evaluate(answers, &out.unanswered);
        const QString because = item.when.describe(questions);
        switch (t) {
        case Condition::Truth::True:
            line.included = ItemLine::Inclusion::Included;
            line.why = item.when.isEmpty() ? (item.why.isEmpty() ? tr("always part of this matter") : item.why)
                                           : tr("needed because %1").arg(because);
            break;
        case Condition::Truth::False:
            line.included = ItemLine::Inclusion::Excluded;
            line.why = tr("not needed (condition not met: %1)").arg(because);
            break;
        case Condition::Truth::Unknown:
            line.included = ItemLine::Inclusion::Undecided;
            line.why = tr("depends on: %1").arg(because);
            break;
        }
        if (t == Condition::Truth::True && !item.why.isEmpty() && !item.when.isEmpty())
            line.why = tr("%1; %2").arg(item.why, line.why);
        out.items.append(line);
        if (t != Condition::Truth::True)
            continue;
        for (const QString &p : m->produces)
            producedBy.insert(p, m);
        if (m->promisedDays > 0 && m->promisedDays < shortestPromise) {
            shortestPromise = m->promisedDays;
            shortestPromiseMatter = m->name;
        }

        for (qsizetype k = 0; k < m->acceptanceConditions.size(); ++k) {
            const AcceptanceCondition &ac = m->acceptanceConditions.at(k);
            if (ac.check.isEmpty()) {
                // Text only: the clerk confirms it; one found not to hold fails like a checked one.
                TextCondition tc {conditionKey(m->code, k), m->code, m->name, ac.text, false, false};
                const auto got = recorded.confirmations.constFind(tc.key);
                if (got != recorded.confirmations.constEnd()) {
                    tc.confirmed = true;
                    tc.holds = got.value();
                    if (!tc.holds)
                        out.failed.append(FailedCondition {m->code, m->name, ac.text,
                            tr("confirmed by the clerk not to hold"), tr("the clerk found that it does not hold")});
                }
                out.textConditions.append(tc);
                continue;
            }
            if (ac.check.evaluate(answers, &out.unanswered) == Condition::Truth::False) {
                // What failed, with the applicant's values, for the refusal (not the rule recited).
                const QStringList why = ac.check.explainFalse(answers, questions, facts);
                out.failed.append(FailedCondition {m->code, m->name, ac.text, ac.check.describe(questions),
                    why.isEmpty() ? tr("not met: %1").arg(ac.text) : why.join(tr("; "))});
            }
        }

        for (const MatterMaterial &mm : m->materials) {
            const Condition::Truth need = mm.when.evaluate(answers, &out.unanswered);
            if (need != Condition::Truth::True)
                continue;
            qsizetype index = lineIndex.value(mm.material, -1);
            if (index < 0) {
                const MaterialDef *def = catalog.material(mm.material);
                MaterialLine ml;
                ml.id = mm.material;
                ml.name = def ? def->name : mm.material;
                ml.eLicence = def ? def->eLicence : QString();
                ml.howToSupply = def ? def->howToSupply : QString();
                ml.shared = shared.contains(mm.material);
                ml.tolerable = true;
                index = out.materials.size();
                lineIndex.insert(mm.material, index);
                out.materials.append(ml);
                acc.append(Accumulator {});
            }
            MaterialLine &ml = out.materials[index];
            Accumulator &a = acc[index];
            Need n;
            n.matter = m->code;
            n.matterName = m->name;
            switch (mm.necessity) {
            case MatterMaterial::Necessity::Required: n.why = tr("required"); break;
            case MatterMaterial::Necessity::Conditional:
                n.why = tr("needed because %1").arg(mm.when.describe(questions));
                break;
            case MatterMaterial::Necessity::Tolerable:
                n.tolerable = true;
                n.why = mm.when.isEmpty()
                    ? tr("may be handed in later (容缺), within %1 working days").arg(mm.supplementDays)
                    : tr("needed because %1; may be handed in later (容缺), within %2 working days")
                          .arg(mm.when.describe(questions))
                          .arg(mm.supplementDays);
                a.supplementDays = std::min(a.supplementDays, mm.supplementDays);
                break;
            }
            ml.tolerable = ml.tolerable && n.tolerable;
            ml.neededBy.append(n);
            a.originalsSum += mm.originals;
            a.originalsMax = std::max(a.originalsMax, mm.originals);
            a.copiesSum += mm.copies;
            a.copiesMax = std::max(a.copiesMax, mm.copies);
            a.verify = a.verify || mm.mode == AcceptanceMode::VerifyOriginalTakeCopy;
        }
    }

    int supplementDays = INT_MAX;
    for (qsizetype i = 0; i < out.materials.size(); ++i) {
        MaterialLine &ml = out.materials[i];
        const Accumulator &a = acc.at(i);
        ml.originals = ml.shared ? a.originalsMax : a.originalsSum;
        ml.copies = ml.shared ? a.copiesMax : a.copiesSum;
        ml.verifyOriginal = a.verify && ml.originals == 0;
        ml.mode = ml.originals > 0
            ? (ml.copies > 0 ? AcceptanceMode::KeepOriginalAndCopy : AcceptanceMode::KeepOriginal)
            : a.verify ? AcceptanceMode::VerifyOriginalTakeCopy
                       : AcceptanceMode::TakeCopy;

        if (const Matter *producer = producedBy.value(ml.id)) {
            ml.status = MaterialLine::Status::Waived;
            ml.producedBy = producer->code;
            ml.producedByName = producer->name;
            continue;
        }
        const auto got = collected.constFind(ml.id);
        if (got != collected.constEnd()) {
            // Unless the clerk counted otherwise, a mark means what the checklist asks for was
            // handed in: two copies asked, two copies kept (issue 19: the receipt said one).
            const auto counted = recorded.counts.constFind(ml.id);
            const auto pieces = [&](int asked) {
                return std::max(1, counted != recorded.counts.constEnd() ? counted.value() : asked);
            };
            if (got.value() == Received::Original && ml.mode == AcceptanceMode::VerifyOriginalTakeCopy) {
                ml.recordedCopies = pieces(ml.copies); // the original shown and returned, the copies kept
            } else if (got.value() == Received::Original) {
                ml.recordedOriginals = pieces(ml.originals);
            } else if (got.value() == Received::Copy) {
                ml.recordedCopies = pieces(ml.copies);
            }
        }
        bool satisfied = false;
        if (got != collected.constEnd()) {
            switch (got.value()) {
            case Received::Original:
                satisfied = true;
                ml.status = MaterialLine::Status::Received;
                break;
            case Received::Copy:
                if (ml.originals == 0 && !ml.verifyOriginal) {
                    satisfied = true;
                    ml.status = MaterialLine::Status::Received;
                } else {
                    ml.shortfall = tr("the original is needed; only a copy was received");
                }
                break;
            case Received::ELicence:
                if (!ml.eLicence.isEmpty()) {
                    satisfied = true;
                    ml.status = MaterialLine::Status::Waived;
                    ml.waivedByELicence = true;
                } else {
                    ml.shortfall = tr("no e-licence replaces this material");
                }
                break;
            }
        }
        if (satisfied)
            continue;
        if (ml.tolerable) {
            ml.status = MaterialLine::Status::Tolerated;
            out.tolerated.append(ml.id);
            supplementDays = std::min(supplementDays, a.supplementDays);
            // Due as the catalogue says, but never after the case itself is due: the items are
            // decided within the shortest promised time, so the material must be in by then.
            ml.supplementDays = a.supplementDays;
            ml.deadlineCapped = shortestPromise < a.supplementDays;
            ml.supplementDeadline = calendar.addWorkingDays(today, std::min(a.supplementDays, shortestPromise));
        } else {
            ml.status = MaterialLine::Status::Missing;
            out.missing.append(ml.id);
        }
    }

    QStringList unanswered;
    addUnique(unanswered, out.unanswered);
    out.unanswered = unanswered;

    if (shortestPromise != INT_MAX) {
        out.promiseCapDays = shortestPromise;
        out.promiseCapMatter = shortestPromiseMatter;
    }
    const bool unconfirmed = std::any_of(
        out.textConditions.cbegin(), out.textConditions.cend(), [](const TextCondition &tc) { return !tc.confirmed; });

    // An unconfirmed text-only condition blocks acceptance (like an unanswered question), not
    // the one-time notice of what is missing.
    if (!out.failed.isEmpty()) {
        out.verdict = Verdict::NotAcceptable;
    } else if (!out.unanswered.isEmpty() || (unconfirmed && out.missing.isEmpty())) {
        out.verdict = Verdict::NeedsAnswers;
    } else if (!out.missing.isEmpty()) {
        out.verdict = Verdict::Incomplete;
    } else if (!out.tolerated.isEmpty()) {
        out.verdict = Verdict::Tolerated;
        out.supplementDays = std::min(supplementDays, shortestPromise);
        out.supplementDeadline = calendar.addWorkingDays(today, out.supplementDays);
    } else {
        out.verdict = Verdict::Complete;
    }
    return out;
}

} // namespace ow::checklist
