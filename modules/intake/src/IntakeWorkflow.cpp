#include "onewindow/intake/IntakeWorkflow.h"

#include "onewindow/checklist/ChecklistEngine.h"
#include "onewindow/checklist/PromisedDate.h"
#include "onewindow/core/RetirementAge.h"
#include "onewindow/i18n/DocumentLanguage.h"
#include "onewindow/intake/DocumentBuilder.h"
#include "onewindow/store/AuditLog.h"
#include "onewindow/store/BlobStore.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/CaseNumbering.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/store/EntryKinds.h"
#include "onewindow/store/Store.h"

#include <QJsonArray>
#include <QMetaEnum>
#include <QSet>
#include <QUuid>

namespace ow::intake {

using checklist::Checklist;
using checklist::MaterialLine;
using checklist::Verdict;

namespace {

template<typename E>
QString enumKey(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(int(value))).toLower();
}

template<typename E>
E enumFromKey(const QString &key, E fallback)
{
    const QMetaEnum me = QMetaEnum::fromType<E>();
    for (int i = 0; i < me.keyCount(); ++i) {
        if (key.compare(QLatin1String(me.key(i)), Qt::CaseInsensitive) == 0)
            return E(me.value(i));
    }
    return fallback;
}

receipt::DocumentKind kindOf(IntakeWorkflow::Decision d)
{
    switch (d) {
    case IntakeWorkflow::Decision::AcceptTolerated: return receipt::DocumentKind::ToleratedNotice;
    case IntakeWorkflow::Decision::Notice: return receipt::DocumentKind::OneTimeNotice;
    case IntakeWorkflow::Decision::Refuse: return receipt::DocumentKind::RefusalNotice;
    case IntakeWorkflow::Decision::Accept:
    case IntakeWorkflow::Decision::None: break;
    }
    return receipt::DocumentKind::Receipt;
}

QJsonObject catalogRef(const Catalog &c)
{
    return QJsonObject {{QStringLiteral("version"), c.version()}, {QStringLiteral("sha256"), c.sha256()}};
}

const receipt::ReceiptDocument &noDocument()
{
    static const receipt::ReceiptDocument empty;
    return empty;
}

} // namespace

IntakeWorkflow::IntakeWorkflow(const Catalog &catalog, const WorkCalendar &calendar, const Clock &clock,
    store::Store &store, receipt::WindowKey key, WindowConfig config, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_calendar(calendar)
    , m_clock(clock)
    , m_store(store)
    , m_key(std::move(key))
    , m_config(std::move(config))
{ }

QString IntakeWorkflow::stepKey(Step step)
{
    return enumKey(step);
}

QString IntakeWorkflow::decisionKey(Decision decision)
{
    return enumKey(decision);
}

IntakeWorkflow::Decision IntakeWorkflow::decision() const
{
    return enumFromKey(m_state.decision, Decision::None);
}

const receipt::ReceiptDocument &IntakeWorkflow::document() const
{
    return m_state.document ? *m_state.document : noDocument();
}

IntakeWorkflow::Evaluation IntakeWorkflow::evaluate(const CaseState &state) const
{
    Evaluation ev;
    ev.rules = partyRules(state);
    buildChecklist(state, ev.rules, &ev.checklist, &ev.has);
    return ev;
}

void IntakeWorkflow::buildChecklist(const CaseState &state, const PartyRules &rules, Checklist *out, bool *has) const
{
    *has = false;
    if (state.selection.bundle.isEmpty() && state.selection.matters.isEmpty())
        return;
    const Catalog &cat = catalog();
    Answers answers = rules.answers;
    for (auto it = state.answers.cbegin(); it != state.answers.cend(); ++it)
        answers.insert(it.key(), it.value());
    auto result = checklist::ChecklistEngine::evaluate(
        cat, state.selection, answers, state.collected, state.recorded, m_calendar, m_clock.today(), rules.facts);
    if (!result)
        return;
    *out = result.value();
    *has = true;
    // What the document cannot tell yet (a woman's retirement category) is asked first.
    for (QString &q : out->unanswered) {
        const QString instead = rules.askInstead.value(q);
        if (!instead.isEmpty() && !answers.contains(instead))
            q = instead;
    }
    out->unanswered.removeDuplicates();

    if (state.agent) {
        // 代办: the applicant's written authorisation joins the checklist, needed by every item.
        MaterialLine letter;
        letter.id = authorisationLetterId();
        const MaterialDef *def = cat.material(letter.id);
        letter.name = def ? def->name : tr("Power of attorney (授权委托书)");
        letter.howToSupply =
            def ? def->howToSupply : tr("signed by the applicant (sealed by the company), with the agent's identity");
        letter.originals = 1;
        letter.mode = AcceptanceMode::KeepOriginal;
        for (const checklist::ItemLine &item : std::as_const(out->items)) {
            if (item.included == checklist::ItemLine::Inclusion::Included)
                letter.neededBy.append(
                    {item.matter, item.name, tr("an agent applies on the applicant's behalf"), false});
        }
        const auto got = state.collected.constFind(letter.id);
        if (got != state.collected.constEnd() && got.value() == checklist::Received::Original) {
            letter.status = MaterialLine::Status::Received;
        } else {
            letter.status = MaterialLine::Status::Missing;
            if (got != state.collected.constEnd())
                letter.shortfall = tr("the original is needed");
            out->missing.prepend(letter.id);
            if (out->verdict == Verdict::Complete || out->verdict == Verdict::Tolerated)
                out->verdict = Verdict::Incomplete;
        }
        out->materials.prepend(letter);
    }
    addPerPartyMaterials(state, out);
    nameIdentityDocuments(state, out);
}

void IntakeWorkflow::nameIdentityDocuments(const CaseState &state, Checklist *out) const
{
    const QString base = identityMaterialId();
    const QDate today = m_clock.today();
    const bool several = !state.moreParties.isEmpty();
    auto suffix = [several](
                      const Party &p) { return several ? QStringLiteral("（%1）").arg(p.maskedName()) : QString(); };
    // An expired or not-yet-valid document is itself missing: never "verified" on a paper, and
    // the notice says what to bring instead.
    auto makeMissing = [out](MaterialLine &line, const Party &party) {
        line.status = MaterialLine::Status::Missing;
        line.tolerable = false;
        line.waivedByELicence = false;
        line.shortfall.clear();
        line.howToSupply = party.replacementText();
        line.supplementDeadline = QDate();
        out->tolerated.removeAll(line.id);
        if (!out->missing.contains(line.id))
            out->missing.prepend(line.id);
        if (out->verdict == Verdict::Complete || out->verdict == Verdict::Tolerated)
            out->verdict = Verdict::Incomplete;
    };
    // Applicant 0 is the case's applicant, 1… the further ones.
    auto applicantAt = [&state](int index) -> const Party * {
        if (index == 0)
            return state.applicant ? &*state.applicant : nullptr;
        return index <= state.moreParties.size() ? &state.moreParties.at(index - 1).applicant : nullptr;
    };
    QSet<int> named;
    for (MaterialLine &line : out->materials) {
        // "id-card" is the first applicant's, "id-card@N" applicant N's (CaseState::perPartyMaterialId).
        int index = 0;
        if (line.id != base) {
            if (!line.id.startsWith(base + QLatin1Char('@')))
                continue;
            bool ok = false;
            index = QStringView(line.id).mid(base.size() + 1).toInt(&ok) - 1;
            if (!ok || index < 1)
                continue;
        }
        const Party *party = applicantAt(index);
        if (!party || party->kind != Party::Kind::Person || party->documentName().isEmpty())
            continue;
        named.insert(index);
        const bool invalid = !party->validityProblem(today).isEmpty();
        line.name = (invalid ? party->invalidDocumentName(today) : party->documentName()) + suffix(*party);
        if (invalid)
            makeMissing(line, *party);
    }
    // A matter that does not ask for the identity document still cannot take an invalid one (nor
    // an agent's): the document joins the checklist as missing, so the notice names it.
    QList<MaterialLine> added;
    auto addLine = [&](const QString &id, const Party &party, const QString &whose) {
        if (party.kind != Party::Kind::Person || party.validityProblem(today).isEmpty())
            return;
        MaterialLine line;
        line.id = id;
        line.name = party.invalidDocumentName(today) + whose;
        line.mode = AcceptanceMode::VerifyOriginalTakeCopy;
        line.verifyOriginal = true;
        line.copies = 1;
        for (const checklist::ItemLine &item : std::as_const(out->items)) {
            if (item.included == checklist::ItemLine::Inclusion::Included)
                line.neededBy.append(
                    {item.matter, item.name, tr("the identity is checked on a valid document"), false});
        }
        makeMissing(line, party);
        added << line;
    };
    for (int i = 0; i <= state.moreParties.size(); ++i) {
        const Party *p = applicantAt(i);
        if (p && !named.contains(i))
            addLine(i == 0 ? base : perPartyMaterialId(base, i), *p, suffix(*p));
        const std::optional<Party> &agent = i == 0 ? state.agent : state.moreParties.at(i - 1).agent;
        if (agent) {
            const QString agentBase = QStringLiteral("agent-") + base;
            addLine(i == 0 ? agentBase : perPartyMaterialId(agentBase, i), *agent,
                QStringLiteral("（%1）").arg(tr("agent %1").arg(agent->maskedName())));
        }
    }
    for (auto it = added.crbegin(); it != added.crend(); ++it)
        out->materials.prepend(*it);
}

IntakeWorkflow::PartyRules IntakeWorkflow::partyRules(const CaseState &state) const
{
    PartyRules rules;
    const QDate today = m_clock.today();
    QList<const Party *> everyone;
    for (const std::optional<Party> *p : {&state.applicant, &state.agent}) {
        if (*p)
            everyone << &**p;
    }
    for (const CaseParty &p : std::as_const(state.moreParties)) {
        everyone << &p.applicant;
        if (p.agent)
            everyone << &*p.agent;
    }
    for (const Party *p : std::as_const(everyone)) {
        const QString problem = p->validityProblem(today);
        if (!problem.isEmpty())
            rules.blockers << problem;
    }
    if (!state.applicant)
        return rules;
    const Catalog &cat = catalog();
    QStringList asked;
    if (const Bundle *b = cat.bundle(state.selection.bundle))
        asked = b->questions;
    else
        for (const Question &q : cat.questionList())
            asked << q.id;
    QString categoryQuestion; // the retirementCategory question asked, if any
    for (const QString &id : std::as_const(asked)) {
        const Question *q = cat.question(id);
        if (q && q->fromParty == QLatin1String("retirementCategory"))
            categoryQuestion = id;
    }
    const Party &applicant = *state.applicant;
    for (const QString &id : std::as_const(asked)) {
        const Question *q = cat.question(id);
        if (!q || q->fromParty.isEmpty() || state.answers.contains(id))
            continue;
        QVariant value;
        if (q->fromParty == QLatin1String("age")) {
            if (const auto age = applicant.ageOn(today))
                value = double(*age);
        } else if (q->fromParty == QLatin1String("gender")) {
            if (!applicant.genderKey().isEmpty())
                value = applicant.genderKey();
        } else if (q->fromParty == QLatin1String("entityType")) {
            if (!applicant.entityType().isEmpty())
                value = applicant.entityType();
        } else if (q->fromParty == QLatin1String("retirementCategory")) {
            // A man's follows from the card; a woman's depends on her post, which she says.
            if (applicant.genderKey() == QLatin1String("male"))
                value = QStringLiteral("male");
        }
        if (value.isValid() && (q->type != Question::Type::Choice || q->hasOption(value.toString()))) {
            rules.answers.insert(id, value);
            rules.fromParty << id;
        }
    }
    for (const QString &id : std::as_const(asked)) {
        const Question *q = cat.question(id);
        if (!q || q->fromParty != QLatin1String("retirementReached") || state.answers.contains(id))
            continue;
        const QDate born = applicant.birthDate();
        const QString category = categoryQuestion.isEmpty()
            ? QString()
            : state.answers.value(categoryQuestion, rules.answers.value(categoryQuestion)).toString();
        if (!born.isValid() || born > today || category.isEmpty()) {
            if (!categoryQuestion.isEmpty())
                rules.askInstead.insert(id, categoryQuestion);
            continue;
        }
        const RetirementAge::Category c = category == QLatin1String("male") ? RetirementAge::Category::Male
            : category == QLatin1String("female-cadre")                     ? RetirementAge::Category::FemaleCadre
                                                                            : RetirementAge::Category::FemaleWorker;
        const bool reached = RetirementAge::reached(born, c, today);
        rules.answers.insert(id, reached);
        rules.fromParty << id;
        // Whole years, as the applicant's age is said (周岁); the statutory age with its months.
        const int years = RetirementAge::ageInMonths(born, today) / 12;
        const QString statutory = yearsAndMonths(RetirementAge::months(born, c));
        rules.facts.insert(id,
            reached ? tr("the applicant is %1, at or past the statutory retirement age (%2)")
                          .arg(yearsAndMonths(years * 12), statutory)
                    : tr("the applicant is %1, short of the statutory retirement age (%2)")
                          .arg(yearsAndMonths(years * 12), statutory));
    }
    return rules;
}

QString IntakeWorkflow::yearsAndMonths(int months)
{
    if (months % 12 == 0)
        return tr("%1 years").arg(months / 12);
    if (months % 12 == 1)
        return tr("%1 years 1 month").arg(months / 12);
    return tr("%1 years %2 months").arg(months / 12).arg(months % 12);
}

Answers IntakeWorkflow::effectiveAnswers() const
{
    Answers all = m_partyAnswers;
    for (auto it = m_state.answers.cbegin(); it != m_state.answers.cend(); ++it)
        all.insert(it.key(), it.value());
    return all;
}

void IntakeWorkflow::addPerPartyMaterials(const CaseState &state, Checklist *out) const
{
    if (state.moreParties.isEmpty())
        return;
    // Each further applicant brings their own copy of what the catalogue marks per party (their
    // ID card), and their agent their own power of attorney. The lines say whose they are.
    const Catalog &cat = catalog();
    const QList<MaterialLine> base = out->materials;
    QList<MaterialLine> lines;
    auto suffix = [](const Party &p) { return QStringLiteral("（%1）").arg(p.maskedName()); };
    auto markMissing = [out](const QString &id) {
        out->missing << id;
        if (out->verdict == Verdict::Complete || out->verdict == Verdict::Tolerated)
            out->verdict = Verdict::Incomplete;
    };
    for (const MaterialLine &l : base) {
        const MaterialDef *def = cat.material(l.id);
        const bool perParty = (def && def->perParty) || l.id == authorisationLetterId();
        if (!perParty) {
            lines << l;
            continue;
        }
        MaterialLine first = l;
        if (state.applicant)
            first.name += suffix(*state.applicant);
        lines << first;
        for (int i = 0; i < state.moreParties.size(); ++i) {
            const CaseParty &p = state.moreParties.at(i);
            if (l.id == authorisationLetterId() && !p.agent)
                continue;
            MaterialLine copy = l;
            copy.id = perPartyMaterialId(l.id, i + 1);
            copy.name = l.name + suffix(p.applicant);
            copy.shortfall.clear();
            const auto got = state.collected.constFind(copy.id);
            const bool received = got != state.collected.constEnd()
                && (l.id != authorisationLetterId() || got.value() == checklist::Received::Original);
            copy.status = received ? MaterialLine::Status::Received : MaterialLine::Status::Missing;
            // What this applicant handed in, not the first applicant's counts.
            copy.recordedOriginals = 0;
            copy.recordedCopies = 0;
            if (received) {
                const int pieces = state.recorded.counts.value(copy.id, 0);
                if (got.value() == checklist::Received::Copy || copy.mode == AcceptanceMode::VerifyOriginalTakeCopy)
                    copy.recordedCopies = pieces > 0 ? pieces : std::max(1, copy.copies);
                else
                    copy.recordedOriginals = pieces > 0 ? pieces : std::max(1, copy.originals);
            }
            if (!received)
                markMissing(copy.id);
            lines << copy;
        }
    }
    // A further applicant's agent, when the first applicant has none, still needs a letter.
    if (!state.agent) {
        for (int i = 0; i < state.moreParties.size(); ++i) {
            if (!state.moreParties.at(i).agent)
                continue;
            MaterialLine letter;
            letter.id = perPartyMaterialId(authorisationLetterId(), i + 1);
            const MaterialDef *def = cat.material(authorisationLetterId());
            letter.name =
                (def ? def->name : tr("Power of attorney (授权委托书)")) + suffix(state.moreParties.at(i).applicant);
            letter.originals = 1;
            letter.mode = AcceptanceMode::KeepOriginal;
            const auto got = state.collected.constFind(letter.id);
            const bool received = got != state.collected.constEnd() && got.value() == checklist::Received::Original;
            letter.status = received ? MaterialLine::Status::Received : MaterialLine::Status::Missing;
            if (!received)
                markMissing(letter.id);
            lines.prepend(letter);
        }
    }
    out->materials = lines;
}

void IntakeWorkflow::take(const Evaluation &ev)
{
    m_blockers = ev.rules.blockers;
    m_fromParty = ev.rules.fromParty;
    m_partyAnswers = ev.rules.answers;
    m_checklist = ev.checklist;
    m_hasChecklist = ev.has;
}

void IntakeWorkflow::recompute()
{
    take(evaluate(m_state));
}

store::CaseRecord IntakeWorkflow::projection(const CaseState &s, Step step) const
{
    return projection(s, step, evaluate(s));
}

store::CaseRecord IntakeWorkflow::projection(const CaseState &s, Step step, const Evaluation &ev) const
{
    const Checklist &list = ev.checklist;
    const bool has = ev.has;
    store::CaseRecord r;
    r.id = s.caseId;
    r.number = s.number;
    r.windowCode = s.windowCode.isEmpty() ? m_config.windowCode : s.windowCode;
    r.clerk = m_config.clerk;
    r.state = s.abandoned ? QStringLiteral("abandoned") : s.finished ? QStringLiteral("done") : stepKey(step);
    r.verdict = has ? checklist::verdictKey(list.verdict) : QString();
    r.catalogVersion = s.catalogVersion.isEmpty() ? m_catalog.version() : s.catalogVersion;
    r.catalogSha256 = s.catalogSha256;
    r.selection = QJsonObject {{QStringLiteral("bundle"), s.selection.bundle},
        {QStringLiteral("matters"), QJsonArray::fromStringList(s.selection.matters)}};
    for (auto it = s.answers.cbegin(); it != s.answers.cend(); ++it)
        r.answers.insert(it.key(), CaseState::answerJson(it.value()));
    r.parties = s.partiesJson();
    if (s.applicant)
        r.applicantMasked = s.applicant->maskedName() + QLatin1Char(' ') + s.applicant->maskedNumber();
    r.promisedDate = s.promisedDate;
    r.pickup = s.courier ? QStringLiteral("courier") : QStringLiteral("window");
    r.decision = s.decision;
    if (s.document)
        r.document = s.document->toJson();
    r.visits = s.visits;
    r.hasContent = s.hasContent();
    r.logSeq = s.seq;
    r.draft = QJsonObject {{QStringLiteral("step"), stepKey(step)}};
    if (!s.delivery.isEmpty())
        r.draft.insert(QStringLiteral("delivery"), s.delivery);
    if (s.pickups > 0)
        r.draft.insert(QStringLiteral("pickups"), s.pickups);
    for (auto it = s.collected.cbegin(); it != s.collected.cend(); ++it)
        r.materials.insert(it.key(), checklist::receivedKey(it.value()));
    r.createdAt = s.createdAt;
    r.updatedAt = m_clock.now();
    return r;
}

store::LogEntry IntakeWorkflow::entry(const CaseState &state, int offset, const Change &change) const
{
    store::LogEntry e;
    e.caseId = state.caseId;
    e.seq = state.seq + 1 + offset;
    e.at = m_clock.now().toUTC();
    e.window = m_config.keyId();
    e.clerk = m_config.clerk;
    e.kind = change.kind;
    e.payload = change.payload;
    return e;
}

QString IntakeWorkflow::commit(const QList<Change> &changes, std::optional<Step> step, bool withNotice)
{
    if (m_state.caseId.isEmpty())
        return tr("No case is open.");
    CaseState next = m_state;
    store::CaseWrite write;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const store::LogEntry e = entry(m_state, int(i), changes.at(i));
        if (const QString why = store::EntryKinds::check(e.kind, e.payload); !why.isEmpty())
            return tr("This change cannot be logged: %1").arg(why);
        const QString err = next.apply(e);
        if (!err.isEmpty())
            return err;
        write.entries << e;
    }
    const Step nextStep = step.value_or(m_step);
    const Evaluation ev = evaluate(next); // once: for the projection and then for the screen
    write.record = projection(next, nextStep, ev);
    if (withNotice && next.document) {
        store::NoticeRecord n;
        n.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        n.caseId = next.caseId;
        n.kind = receipt::ReceiptDocument::kindName(next.document->kind);
        n.qrPayload = next.document->qrPayload;
        n.content = next.document->toJson();
        n.createdAt = m_clock.now();
        write.notice = n;
    }
    const auto written = store::CaseRepository(m_store).write({write});
    if (!written)
        return written.error();
    m_state = next;
    m_step = nextStep;
    take(ev);
    Q_EMIT changed();
    return {};
}

QString IntakeWorkflow::storeCatalog(const Catalog &c)
{
    if (c.sha256().isEmpty() || m_storedCatalogs.contains(c.sha256()))
        return {};
    const QString err = store::CaseRepository(m_store).storeCatalog(c.sha256(), c.version(), c.source());
    if (err.isEmpty())
        m_storedCatalogs << c.sha256();
    return err;
}

void IntakeWorkflow::reset()
{
    m_state = CaseState();
    m_pinned.reset();
    m_step = Step::Identify;
    recompute();
}

QString IntakeWorkflow::abandonIfEmpty()
{
    if (!hasCase() || m_state.hasContent() || m_state.abandoned || m_state.finished || m_state.decided())
        return {};
    return commit({{QStringLiteral("abandoned"), {{QStringLiteral("reason"), QStringLiteral("empty")}}}});
}

QString IntakeWorkflow::start()
{
    const QDateTime now = m_clock.now();
    QList<store::CaseWrite> writes;
    // A case left open with nothing in it does not stay behind as a draft.
    CaseState abandoned = m_state;
    if (hasCase() && !m_state.hasContent() && !m_state.abandoned && !m_state.finished && !m_state.decided()) {
        store::CaseWrite w;
        const store::LogEntry e =
            entry(m_state, 0, {QStringLiteral("abandoned"), {{QStringLiteral("reason"), QStringLiteral("empty")}}});
        const QString err = abandoned.apply(e);
        if (!err.isEmpty())
            return err;
        w.entries << e;
        w.record = projection(abandoned, m_step);
        writes << w;
    }
    CaseState fresh;
    fresh.caseId = store::CaseNumbering::newCaseId();
    store::CaseWrite w;
    store::LogEntry started = entry(fresh, 0,
        {QStringLiteral("started"),
            {{QStringLiteral("region"), m_config.regionCode}, {QStringLiteral("window"), m_config.windowCode},
                {QStringLiteral("windowName"), m_config.windowName},
                {QStringLiteral("catalogVersion"), m_catalog.version()}}});
    started.payload.insert(QStringLiteral("number"), QString()); // taken in the transaction
    if (const QString why = store::EntryKinds::check(started.kind, started.payload); !why.isEmpty())
        return tr("This change cannot be logged: %1").arg(why);
    w.entries << started;
    w.takeNumber = true;
    w.regionCode = m_config.regionCode;
    w.day = now.date();
    CaseState placeholder = fresh;
    placeholder.windowCode = m_config.windowCode;
    placeholder.createdAt = now;
    w.record = projection(placeholder, Step::Identify);
    writes << w;
    const auto number = store::CaseRepository(m_store).write(writes);
    if (!number)
        return number.error();
    started.payload.insert(QStringLiteral("number"), number.value());
    const QString err = fresh.apply(started);
    if (!err.isEmpty())
        return err;
    m_state = fresh;
    m_pinned.reset();
    m_step = Step::Identify;
    recompute();
    Q_EMIT changed();
    return {};
}

void IntakeWorkflow::close()
{
    // An empty case is abandoned; if even that cannot be written it stays an empty draft, which
    // the next start abandons.
    const QString err = abandonIfEmpty();
    Q_UNUSED(err);
    reset();
    Q_EMIT changed();
}

QString IntakeWorkflow::load(const QString &caseId)
{
    store::CaseRepository repo(m_store);
    const auto rec = repo.load(caseId);
    if (!rec)
        return rec.error();
    const auto entries = store::CaseLog(m_store).entries(caseId);
    if (!entries)
        return entries.error();
    const auto state = CaseState::replay(entries.value());
    if (!state)
        return tr("Case %1 cannot be read back from its log: %2").arg(rec->number, state.error());
    std::shared_ptr<const Catalog> pinned;
    if (!state->catalogSha256.isEmpty() && state->catalogSha256 != m_catalog.sha256()) {
        const auto source = repo.catalog(state->catalogSha256);
        if (!source)
            return source.error();
        auto c =
            Catalog::fromJson(source.value(), tr("catalogue %1 of case %2").arg(state->catalogVersion, rec->number));
        if (!c)
            return c.error();
        pinned = std::make_shared<const Catalog>(c.value());
    }
    m_state = state.value();
    m_pinned = pinned;
    Step step = enumFromKey(rec->draft.value(QLatin1String("step")).toString(), Step::Identify);
    if (m_state.finished)
        step = Step::Done;
    else if (m_state.decided())
        step = Step::Print;
    else if (step >= Step::Print)
        step = Step::Materials;
    m_step = step;
    recompute();
    Q_EMIT changed();
    return {};
}

QString IntakeWorkflow::resume(const QString &caseId)
{
    return load(caseId);
}

QString IntakeWorkflow::resumeLatest()
{
    store::CaseRepository repo(m_store);
    // Drafts a crash left with nothing in them are abandoned, logged, and never resumed.
    const QList<store::CaseRecord> empty = repo.emptyDrafts(m_config.windowCode);
    for (const store::CaseRecord &r : empty) {
        if (load(r.id).isEmpty()) {
            const QString err = abandonIfEmpty();
            if (!err.isEmpty())
                return err;
        }
    }
    reset();
    const auto open = repo.latestOpen(m_config.windowCode);
    if (!open) {
        Q_EMIT changed();
        return tr("There is no unfinished case at this window.");
    }
    return load(open->id);
}

QString IntakeWorkflow::canReopen(const QString &caseId) const
{
    const auto rec = store::CaseRepository(m_store).load(caseId);
    if (!rec)
        return rec.error();
    if (rec->state == QLatin1String("abandoned"))
        return tr("Case %1 was abandoned; it cannot be continued. Start a new case.").arg(rec->number);
    if (rec->decision != decisionKey(Decision::Notice))
        return tr("Case %1 was not closed with a one-time notice; it cannot be continued here.").arg(rec->number);
    return {};
}

bool IntakeWorkflow::canAbandon() const
{
    return hasCase() && m_state.hasContent() && !m_state.decided() && !m_state.finished && !m_state.abandoned;
}

QString IntakeWorkflow::abandon()
{
    if (!hasCase())
        return tr("No case is open.");
    if (m_state.decided())
        return tr("Case %1 is decided and its document issued; it cannot be abandoned.").arg(m_state.number);
    if (m_state.finished || m_state.abandoned)
        return tr("Case %1 is closed already.").arg(m_state.number);
    const QString err = commit({{QStringLiteral("abandoned"),
        {{QStringLiteral("reason"), m_state.hasContent() ? QStringLiteral("left") : QStringLiteral("empty")}}}});
    if (!err.isEmpty())
        return err;
    reset();
    Q_EMIT changed();
    return {};
}

QString IntakeWorkflow::reopen(const QString &caseId)
{
    // Checked on the stored case first, so a refused reopen leaves the screen as it was.
    if (const QString err = canReopen(caseId); !err.isEmpty())
        return err;
    const CaseState keepState = m_state;
    const auto keepPinned = m_pinned;
    const Step keepStep = m_step;
    const QString err = load(caseId);
    if (!err.isEmpty())
        return err;
    // The return is a visit of the applicant's too ("visit", counted once: with "reopened").
    const QString reopenErr =
        commit({{QStringLiteral("reopened"), {{QStringLiteral("visit"), m_state.visits + 1}}},
                   {QStringLiteral("visit"), {{QStringLiteral("why"), QStringLiteral("return")}}}},
            Step::Materials);
    if (!reopenErr.isEmpty()) {
        m_state = keepState;
        m_pinned = keepPinned;
        m_step = keepStep;
        recompute();
        Q_EMIT changed();
    }
    return reopenErr;
}

QString IntakeWorkflow::recordService(const QList<QPair<QString, QJsonObject>> &entries)
{
    static const QStringList kinds {QStringLiteral("visit"), QStringLiteral("supplemented"),
        QStringLiteral("handedOut"), QStringLiteral("dispatched"), QStringLiteral("attached"), QStringLiteral("rated")};
    if (!hasCase())
        return tr("No case is open.");
    if (!m_state.decided())
        return tr("Case %1 is not decided yet.").arg(m_state.number);
    QList<Change> changes;
    for (const auto &e : entries) {
        if (!kinds.contains(e.first))
            return tr("\"%1\" is not a service after the decision.").arg(e.first);
        changes.append({e.first, e.second});
    }
    return commit(changes);
}

QString IntakeWorkflow::recordTicket(const QString &ticketId, const QString &number, const QString &category,
    const QDateTime &queuedAt, const QDateTime &calledAt)
{
    return commit({{QStringLiteral("ticket"),
        {{QStringLiteral("ticket"), ticketId}, {QStringLiteral("number"), number},
            {QStringLiteral("category"), category},
            {QStringLiteral("queuedAt"), queuedAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("calledAt"), calledAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("waitedSeconds"), qMax<qint64>(0, queuedAt.secsTo(calledAt))}}}});
}

QString IntakeWorkflow::recordPrinted(const QString &target)
{
    if (!m_state.decided())
        return tr("Decide the case before printing its document.");
    return commit({{QStringLiteral("printed"),
        {{QStringLiteral("target"), target}, {QStringLiteral("copy"), m_state.prints + 1},
            {QStringLiteral("kind"), receipt::ReceiptDocument::kindName(m_state.document->kind)}}}});
}

QString IntakeWorkflow::recordReveal(const QString &what, const QString &why)
{
    if (!hasCase())
        return tr("No case is open.");
    // The audit row is written first, in its own transaction, then the log entry: either failing
    // means no reveal.
    store::AuditLog audit(m_store);
    QString err = audit.record({m_clock.now(), m_config.clerk, QStringLiteral("reveal"), m_state.caseId, what});
    if (err.isEmpty())
        err = commit({{QStringLiteral("revealed"),
            {{QStringLiteral("who"), m_config.clerk}, {QStringLiteral("what"), what}, {QStringLiteral("why"), why}}}});
    return err;
}

bool IntakeWorkflow::catalogueUpdateAvailable() const
{
    return hasCase() && m_pinned && !m_state.decided() && !m_state.finished;
}

QString IntakeWorkflow::adoptCurrentCatalogue()
{
    if (!catalogueUpdateAvailable())
        return tr("The case already uses the loaded catalogue.");
    QString err = storeCatalog(m_catalog);
    if (!err.isEmpty())
        return err;
    auto keep = m_pinned;
    m_pinned.reset();
    err = commit({{QStringLiteral("catalogue"),
        {{QStringLiteral("from"),
             QJsonObject {{QStringLiteral("version"), m_state.catalogVersion},
                 {QStringLiteral("sha256"), m_state.catalogSha256}}},
            {QStringLiteral("to"), catalogRef(m_catalog)}}}});
    if (!err.isEmpty()) {
        m_pinned = keep;
        recompute();
    }
    return err;
}

QString IntakeWorkflow::partiesChange(CaseState changed, int removed)
{
    QJsonObject payload {{QStringLiteral("parties"), changed.partiesJson()}};
    if (removed >= 1)
        payload.insert(QStringLiteral("removed"), removed);
    return commit({{QStringLiteral("parties"), payload}});
}

QString IntakeWorkflow::setApplicant(const Party &applicant)
{
    if (const QString err = editable(); !err.isEmpty())
        return err;
    if (m_state.agent && m_state.agent->number == applicant.number)
        return tr("The agent and the applicant are the same person.");
    for (const CaseParty &p : std::as_const(m_state.moreParties)) {
        if (p.applicant.number == applicant.number)
            return tr("%1 is already an applicant of this case.").arg(applicant.maskedName());
    }
    CaseState s = m_state;
    s.applicant = applicant;
    return partiesChange(s);
}

QString IntakeWorkflow::setAgent(const std::optional<Party> &agent)
{
    if (const QString err = editable(); !err.isEmpty())
        return err;
    if (agent && m_state.applicant && agent->number == m_state.applicant->number)
        return tr("The agent and the applicant are the same person.");
    if (!m_state.applicant && agent)
        return tr("Identify the applicant before the agent.");
    CaseState s = m_state;
    s.agent = agent;
    return partiesChange(s);
}

QString IntakeWorkflow::setParty(int index, const Party &applicant)
{
    if (index == 0)
        return setApplicant(applicant);
    if (const QString err = editable(); !err.isEmpty())
        return err;
    if (!m_state.applicant)
        return tr("Identify the first applicant first.");
    if (index < 1 || index > m_state.moreParties.size() + 1)
        return tr("There is no applicant %1.").arg(index + 1);
    const QList<CaseParty> all = m_state.parties();
    for (int j = 0; j < all.size(); ++j) {
        if (j != index && all.at(j).applicant.number == applicant.number)
            return tr("%1 is already an applicant of this case.").arg(applicant.maskedName());
    }
    CaseState s = m_state;
    if (index == s.moreParties.size() + 1)
        s.moreParties << CaseParty {applicant, std::nullopt};
    else
        s.moreParties[index - 1].applicant = applicant;
    return partiesChange(s);
}

QString IntakeWorkflow::setAgent(int index, const std::optional<Party> &agent)
{
    if (index == 0)
        return setAgent(agent);
    if (const QString err = editable(); !err.isEmpty())
        return err;
    if (index < 1 || index > m_state.moreParties.size())
        return tr("There is no applicant %1.").arg(index + 1);
    if (agent && agent->number == m_state.moreParties.at(index - 1).applicant.number)
        return tr("The agent and the applicant are the same person.");
    CaseState s = m_state;
    s.moreParties[index - 1].agent = agent;
    return partiesChange(s);
}

QString IntakeWorkflow::removeParty(int index)
{
    if (const QString err = editable(); !err.isEmpty())
        return err;
    if (index < 1 || index > m_state.moreParties.size())
        return tr("The first applicant cannot be removed; change it instead.");
    CaseState s = m_state;
    s.moreParties.removeAt(index - 1);
    return partiesChange(s, index);
}

QString IntakeWorkflow::choose(const checklist::Selection &selection)
{
    if (const QString err = editable(); !err.isEmpty())
        return err;
    const Catalog &cat = catalog();
    auto check = checklist::ChecklistEngine::evaluate(
        cat, selection, m_state.answers, m_state.collected, m_calendar, m_clock.today());
    if (!check)
        return check.error();
    const QString err = storeCatalog(cat);
    if (!err.isEmpty())
        return err;
    return commit({{QStringLiteral("chosen"),
        {{QStringLiteral("bundle"), selection.bundle},
            {QStringLiteral("matters"), QJsonArray::fromStringList(selection.matters)},
            {QStringLiteral("catalog"), catalogRef(cat)}}}});
}

QString IntakeWorkflow::answer(const QString &questionId, const QVariant &value)
{
    if (const QString err = editable(); !err.isEmpty())
        return err;
    if (!catalog().question(questionId))
        return tr("The catalogue has no question \"%1\".").arg(questionId);
    QVariant v = value;
    if (value.isValid() && value.typeId() == QMetaType::QString) {
        auto parsed = catalog().parseAnswer(questionId, value.toString());
        if (!parsed)
            return parsed.error();
        v = parsed.value();
    }
    if (m_state.answers.value(questionId) == v && m_state.answers.contains(questionId) == v.isValid())
        return {};
    return commit({{QStringLiteral("answered"),
        {{QStringLiteral("question"), questionId}, {QStringLiteral("value"), CaseState::answerJson(v)}}}});
}

QString IntakeWorkflow::editable() const
{
    if (!hasCase())
        return tr("No case is open.");
    if (m_step >= Step::Print)
        return tr("The case is already decided.");
    return {};
}

QString IntakeWorkflow::materialEditable(const QString &materialId) const
{
    if (const QString err = editable(); !err.isEmpty())
        return err;
    for (const MaterialLine &l : std::as_const(m_checklist.materials)) {
        if (l.id == materialId)
            return {};
    }
    return tr("\"%1\" is not on this case's checklist.").arg(materialId);
}

QString IntakeWorkflow::mark(QString materialId, std::optional<checklist::Received> how)
{
    if (const QString err = materialEditable(materialId); !err.isEmpty())
        return err;
    // An e-licence only counts for a material that has one; the line stays as it was.
    for (const MaterialLine &l : std::as_const(m_checklist.materials)) {
        if (l.id == materialId && how == checklist::Received::ELicence && l.eLicence.isEmpty())
            return tr("%1 has no e-licence: mark the original (O) or a copy (C).").arg(l.name);
    }
    const auto current = m_state.collected.constFind(materialId);
    const bool unchanged = how ? (current != m_state.collected.constEnd() && current.value() == *how)
                               : current == m_state.collected.constEnd();
    if (unchanged)
        return {};
    return commit({{QStringLiteral("marked"),
        {{QStringLiteral("material"), materialId},
            {QStringLiteral("how"), how ? QJsonValue(checklist::receivedKey(*how)) : QJsonValue()}}}});
}

QString IntakeWorkflow::setCount(QString materialId, int pieces)
{
    if (const QString err = editable(); !err.isEmpty())
        return err;
    if (!m_state.collected.contains(materialId))
        return tr("Mark \"%1\" as received before recording how many pieces came.").arg(materialId);
    if (pieces < 1 || pieces > 99)
        return tr("The number of pieces must be between 1 and 99.");
    // Unchanged only against a count the clerk recorded: without one the checklist's own number
    // applies, and the clerk's 1 for a line that asks for 2 must be written.
    const auto counted = m_state.recorded.counts.constFind(materialId);
    if (counted != m_state.recorded.counts.constEnd() && counted.value() == pieces)
        return {};
    return commit(
        {{QStringLiteral("counted"), {{QStringLiteral("material"), materialId}, {QStringLiteral("pieces"), pieces}}}});
}

QString IntakeWorkflow::confirmCondition(QString key, std::optional<bool> holds)
{
    if (const QString err = editable(); !err.isEmpty())
        return err;
    bool known = false;
    for (const checklist::TextCondition &tc : std::as_const(m_checklist.textConditions))
        known = known || tc.key == key;
    if (!known)
        return tr("\"%1\" is not an acceptance condition of this case.").arg(key);
    return commit({{QStringLiteral("confirmed"),
        {{QStringLiteral("condition"), key}, {QStringLiteral("holds"), holds ? QJsonValue(*holds) : QJsonValue()}}}});
}

QString IntakeWorkflow::attachDocument(const QString &materialId, const QString &sha256, int pageCount)
{
    if (const QString err = materialEditable(materialId); !err.isEmpty())
        return err;
    if (!store::BlobStore::isValidName(sha256) || pageCount <= 0)
        return tr("The scanned document reference is not valid.");
    return commit({{QStringLiteral("attached"),
        {{QStringLiteral("material"), materialId}, {QStringLiteral("sha256"), sha256},
            {QStringLiteral("pages"), pageCount}}}});
}

QString IntakeWorkflow::setCourier(bool courier)
{
    if (!hasCase())
        return tr("No case is open.");
    if (m_state.decided())
        return tr("The pickup is printed on the decided document; it cannot change now.");
    if (m_state.courier == courier)
        return {};
    return commit({{QStringLiteral("pickup"), {{QStringLiteral("courier"), courier}}}});
}

QStringList IntakeWorkflow::questions() const
{
    if (const Bundle *b = catalog().bundle(m_state.selection.bundle))
        return b->questions;
    // Single matters: the questions their conditions ask.
    QStringList out = m_hasChecklist ? m_checklist.unanswered : QStringList();
    for (auto it = m_state.answers.cbegin(); it != m_state.answers.cend(); ++it) {
        if (!out.contains(it.key()))
            out << it.key();
    }
    return out;
}

QDate IntakeWorkflow::promisedDate() const
{
    // A decided case keeps the date it was given.
    if (m_state.decided())
        return m_state.promisedDate;
    if (!m_hasChecklist)
        return {};
    // The back office dates each routed item with the same code (Router).
    return checklist::PromisedDate::ofChecklist(catalog(), m_checklist, m_calendar, m_clock.today());
}

QString IntakeWorkflow::next()
{
    if (!hasCase())
        return tr("No case is open.");
    switch (m_step) {
    case Step::Identify:
        if (!m_state.applicant)
            return tr("Identify the applicant first: read the ID card or type the ID number or credit code.");
        return goTo(Step::Choose);
    case Step::Choose:
        if (!m_hasChecklist)
            return tr("Choose a matter or a one-matter bundle first.");
        return goTo(Step::Situations);
    case Step::Situations:
        if (!m_checklist.unanswered.isEmpty()) {
            QStringList texts;
            for (const QString &q : std::as_const(m_checklist.unanswered)) {
                const Question *question = catalog().question(q);
                texts << (question ? question->text : q);
            }
            return tr("Answer these questions first: %1").arg(texts.join(tr("; ")));
        }
        for (const checklist::TextCondition &tc : std::as_const(m_checklist.textConditions)) {
            if (!tc.confirmed)
                return tr("Confirm this acceptance condition first: %1").arg(tc.text);
        }
        return goTo(Step::Materials);
    case Step::Materials: return goTo(Step::Verdict);
    case Step::Verdict: return tr("Choose what to do with the case: accept, notice or refuse.");
    case Step::Print: return finish();
    case Step::Done: return tr("The case is done. Start a new one.");
    }
    return {};
}

QString IntakeWorkflow::back()
{
    if (m_step == Step::Identify || m_step >= Step::Print)
        return tr("There is no step to go back to.");
    return goTo(Step(int(m_step) - 1));
}

QString IntakeWorkflow::goTo(Step step)
{
    if (!hasCase())
        return tr("No case is open.");
    if (step >= Step::Print || m_step >= Step::Print)
        return tr("Printing and finishing follow a decision.");
    if (step > Step::Identify && !m_state.applicant)
        return tr("Identify the applicant first: read the ID card or type the ID number or credit code.");
    if (step > Step::Choose && !m_hasChecklist)
        return tr("Choose a matter or a one-matter bundle first.");
    // Moving between steps changes the screen, not the case: the projection only, no entry.
    return commit({}, step);
}

QList<IntakeWorkflow::Decision> IntakeWorkflow::allowedDecisions() const
{
    if (!m_hasChecklist || !m_state.applicant || m_step >= Step::Print)
        return {};
    if (!m_blockers.isEmpty()) {
        // No acceptance on an invalid card; the notice names what is missing, the refusal why.
        switch (m_checklist.verdict) {
        case Verdict::Complete:
        case Verdict::Tolerated:
        case Verdict::Incomplete: return {Decision::Notice, Decision::Refuse};
        case Verdict::NotAcceptable: return {Decision::Refuse};
        case Verdict::NeedsAnswers: return {};
        }
    }
    switch (m_checklist.verdict) {
    case Verdict::Complete: return {Decision::Accept, Decision::Refuse};
    case Verdict::Tolerated: return {Decision::AcceptTolerated, Decision::Notice, Decision::Refuse};
    case Verdict::Incomplete: return {Decision::Notice, Decision::Refuse};
    case Verdict::NotAcceptable: return {Decision::Refuse};
    case Verdict::NeedsAnswers: return {};
    }
    return {};
}

namespace {

// The questions a selection reads: the bundle's own, its items' conditions, and the conditions of
// every matter it may include (their materials and acceptance conditions).
QSet<QString> questionsAsked(const Catalog &catalog, const checklist::Selection &selection)
{
    QSet<QString> out;
    auto add = [&out](const Condition &c) {
        for (const QString &q : c.questions())
            out.insert(q);
    };
    QStringList matters = selection.matters;
    if (const Bundle *b = catalog.bundle(selection.bundle)) {
        for (const QString &q : b->questions)
            out.insert(q);
        for (const BundleItem &item : b->items) {
            add(item.when);
            matters << item.matter;
        }
    }
    for (const QString &code : std::as_const(matters)) {
        const Matter *m = catalog.matter(code);
        if (!m)
            continue;
        for (const MatterMaterial &material : m->materials)
            add(material.when);
        for (const AcceptanceCondition &condition : m->acceptanceConditions)
            add(condition.check);
    }
    return out;
}

} // namespace

QString IntakeWorkflow::decide(Decision decision, const QString &refusalReason)
{
    return decide(decision, refusalReason, m_offline && m_offline());
}

QString IntakeWorkflow::decide(Decision decision, const QString &refusalReason, bool provisional)
{
    if (!hasCase())
        return tr("No case is open.");
    if (!allowedDecisions().contains(decision)) {
        if (!m_blockers.isEmpty() && (decision == Decision::Accept || decision == Decision::AcceptTolerated))
            return tr("Cannot accept: %1.").arg(m_blockers.join(tr("; ")));
        if (m_hasChecklist && m_checklist.verdict == Verdict::NeedsAnswers) {
            if (m_checklist.unanswered.isEmpty())
                return tr("An acceptance condition is not confirmed yet; nothing can be decided yet.");
            return tr("Some questions are still unanswered; nothing can be decided yet.");
        }
        return tr("The verdict does not allow this decision.");
    }
    const QDateTime now = m_clock.now();
    // The checklist's words on the paper (why a material is needed, what falls short) in the
    // document language: evaluated again in it, not taken from the screen's language.
    const Evaluation onPaper = [this] {
        const i18n::DocumentLanguage inItsLanguage(i18n::DocumentLanguage::normalised(m_config.documentLanguage));
        return evaluate(m_state);
    }();
    DocumentBuilder::Input in {kindOf(decision), m_state.caseId, m_state.number, &*m_state.applicant,
        m_state.agent ? &*m_state.agent : nullptr, m_state.moreParties, onPaper.has ? &onPaper.checklist : &m_checklist,
        promisedDate(), refusalReason, m_state.courier, now, provisional};
    auto doc = DocumentBuilder::build(in, m_config, m_key);
    if (!doc)
        return doc.error();
    // Its QR is encoded on a worker while the decision is stored: the slip then finds it ready.
    if (m_onDocumentSigned)
        m_onDocumentSigned(doc.value());
    // The answers the applicant's card or licence gave (来自证件) decided items as much as the
    // clerk's: they are logged like any other answer, so the log alone says why each item is in.
    // Only those of the questions the chosen matters ask: a single matter's log does not fill up
    // with ages and genders nothing decides.
    const QSet<QString> asked = questionsAsked(catalog(), m_state.selection);
    QList<Change> changes;
    for (auto it = m_partyAnswers.cbegin(); it != m_partyAnswers.cend(); ++it) {
        if (m_state.answers.contains(it.key()) || !asked.contains(it.key()))
            continue;
        changes.append({QStringLiteral("answered"),
            {{QStringLiteral("question"), it.key()}, {QStringLiteral("value"), CaseState::answerJson(it.value())},
                {QStringLiteral("source"), QStringLiteral("party")}}});
    }
    // The items the window decided, with their departments: what the back office routes, after
    // checking them against its own evaluation of the pinned catalogue.
    QJsonArray items;
    for (const checklist::ItemLine &line : std::as_const(m_checklist.items)) {
        if (line.included != checklist::ItemLine::Inclusion::Included)
            continue;
        const Matter *matter = catalog().matter(line.matter);
        items.append(QJsonObject {{QStringLiteral("matter"), line.matter},
            {QStringLiteral("department"), matter ? matter->department : QString()}});
    }
    // The applicant's first visit, logged once, with the first decision (the back office counts
    // "at most one visit" from the visit entries).
    if (!m_state.firstVisitLogged)
        changes.append({QStringLiteral("visit"), {{QStringLiteral("why"), QStringLiteral("first")}}});
    changes.append({QStringLiteral("decided"),
        {{QStringLiteral("decision"), decisionKey(decision)}, {QStringLiteral("refusalReason"), doc->refusalReason},
            {QStringLiteral("digest"), QString::fromLatin1(doc->digest().toHex())},
            {QStringLiteral("document"), doc->toJson()}, {QStringLiteral("items"), items}}});
    return commit(changes, Step::Print, true);
}

QString IntakeWorkflow::finish()
{
    if (m_step != Step::Print)
        return tr("Decide the case before finishing it.");
    return commit({{QStringLiteral("finished"), {}}}, Step::Done);
}

} // namespace ow::intake
