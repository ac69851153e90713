#include "onewindow/intake/IntakeWorkflow.h"

#include "onewindow/checklist/ChecklistEngine.h"
#include "onewindow/intake/DocumentBuilder.h"
#include "onewindow/store/CaseNumbering.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/store/Store.h"

#include <QJsonArray>
#include <QMetaEnum>
#include <QUuid>

namespace ow::intake {

using checklist::Checklist;
using checklist::MaterialLine;
using checklist::Verdict;

struct IntakeWorkflow::Snapshot
{
    Step step;
    std::optional<Party> applicant;
    std::optional<Party> agent;
    checklist::Selection selection;
    Answers answers;
    checklist::Collected collected;
    bool courier;
    Decision decision;
    QString refusalReason;
    int visits;
    receipt::ReceiptDocument document;
    QList<CaseParty> moreParties = {};
};

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

QJsonObject casePartyJson(const CaseParty &p)
{
    return {{QStringLiteral("applicant"), p.applicant.toJson()},
        {QStringLiteral("agent"), p.agent ? QJsonValue(p.agent->toJson()) : QJsonValue()}};
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

IntakeWorkflow::Snapshot IntakeWorkflow::snapshot() const
{
    return Snapshot {m_step, m_applicant, m_agent, m_selection, m_answers, m_collected, m_courier, m_decision,
        m_refusalReason, m_visits, m_document, m_moreParties};
}

void IntakeWorkflow::restore(const Snapshot &s)
{
    m_step = s.step;
    m_applicant = s.applicant;
    m_agent = s.agent;
    m_selection = s.selection;
    m_answers = s.answers;
    m_collected = s.collected;
    m_courier = s.courier;
    m_decision = s.decision;
    m_refusalReason = s.refusalReason;
    m_visits = s.visits;
    m_document = s.document;
    m_moreParties = s.moreParties;
    recompute();
}

QString IntakeWorkflow::commit(const Snapshot &before, bool withNotice)
{
    recompute();
    const QString err = save(withNotice);
    if (!err.isEmpty()) {
        restore(before);
        return err;
    }
    Q_EMIT changed();
    return {};
}

void IntakeWorkflow::applyPartyRules()
{
    const QDate today = m_clock.today();
    m_blockers.clear();
    QList<const Party *> everyone;
    for (const std::optional<Party> *p : {&m_applicant, &m_agent}) {
        if (*p)
            everyone << &**p;
    }
    for (const CaseParty &p : std::as_const(m_moreParties)) {
        everyone << &p.applicant;
        if (p.agent)
            everyone << &*p.agent;
    }
    for (const Party *p : std::as_const(everyone)) {
        const QString problem = p->validityProblem(today);
        if (!problem.isEmpty())
            m_blockers << problem;
    }
    m_partyAnswers.clear();
    m_fromParty.clear();
    if (!m_applicant)
        return;
    for (const QString &id : questions()) {
        const Question *q = m_catalog.question(id);
        if (!q || q->fromParty.isEmpty() || m_answers.contains(id))
            continue;
        QVariant value;
        if (q->fromParty == QLatin1String("age")) {
            if (const auto age = m_applicant->ageOn(today))
                value = double(*age);
        } else if (q->fromParty == QLatin1String("gender")) {
            if (!m_applicant->genderKey().isEmpty())
                value = m_applicant->genderKey();
        } else if (q->fromParty == QLatin1String("entityType")) {
            if (!m_applicant->entityType().isEmpty())
                value = m_applicant->entityType();
        }
        if (value.isValid() && (q->type != Question::Type::Choice || q->hasOption(value.toString()))) {
            m_partyAnswers.insert(id, value);
            m_fromParty << id;
        }
    }
}

Answers IntakeWorkflow::effectiveAnswers() const
{
    Answers all = m_partyAnswers;
    for (auto it = m_answers.cbegin(); it != m_answers.cend(); ++it)
        all.insert(it.key(), it.value());
    return all;
}

void IntakeWorkflow::recompute()
{
    m_hasChecklist = false;
    applyPartyRules();
    if (m_selection.bundle.isEmpty() && m_selection.matters.isEmpty())
        return;
    auto result = checklist::ChecklistEngine::evaluate(
        m_catalog, m_selection, effectiveAnswers(), m_collected, m_calendar, m_clock.today());
    if (!result)
        return;
    m_checklist = result.value();
    m_hasChecklist = true;

    if (m_agent) {
        // 代办: the applicant's written authorisation joins the checklist, needed by every item.
        MaterialLine letter;
        letter.id = authorisationLetterId();
        const MaterialDef *def = m_catalog.material(letter.id);
        letter.name = def ? def->name : tr("Power of attorney (授权委托书)");
        letter.howToSupply =
            def ? def->howToSupply : tr("signed by the applicant (sealed by the company), with the agent's identity");
        letter.originals = 1;
        letter.mode = AcceptanceMode::KeepOriginal;
        for (const checklist::ItemLine &item : std::as_const(m_checklist.items)) {
            if (item.included == checklist::ItemLine::Inclusion::Included)
                letter.neededBy.append(
                    {item.matter, item.name, tr("an agent applies on the applicant's behalf"), false});
        }
        const auto got = m_collected.constFind(letter.id);
        if (got != m_collected.constEnd() && got.value() == checklist::Received::Original) {
            letter.status = MaterialLine::Status::Received;
        } else {
            letter.status = MaterialLine::Status::Missing;
            if (got != m_collected.constEnd())
                letter.shortfall = tr("the original is needed");
            m_checklist.missing.prepend(letter.id);
            if (m_checklist.verdict == Verdict::Complete || m_checklist.verdict == Verdict::Tolerated)
                m_checklist.verdict = Verdict::Incomplete;
        }
        m_checklist.materials.prepend(letter);
    }
    addPerPartyMaterials();
}

QString IntakeWorkflow::perPartyMaterialId(const QString &materialId, int index)
{
    return QStringLiteral("%1@%2").arg(materialId).arg(index + 1);
}

void IntakeWorkflow::addPerPartyMaterials()
{
    if (m_moreParties.isEmpty())
        return;
    // Each further applicant brings their own copy of what the catalogue marks per party (their
    // ID card), and their agent their own power of attorney. The lines say whose they are.
    const QList<MaterialLine> base = m_checklist.materials;
    QList<MaterialLine> lines;
    auto suffix = [](const Party &p) { return QStringLiteral("（%1）").arg(p.maskedName()); };
    for (const MaterialLine &l : base) {
        const MaterialDef *def = m_catalog.material(l.id);
        const bool perParty = (def && def->perParty) || l.id == authorisationLetterId();
        if (!perParty) {
            lines << l;
            continue;
        }
        MaterialLine first = l;
        if (m_applicant)
            first.name += suffix(*m_applicant);
        lines << first;
        for (int i = 0; i < m_moreParties.size(); ++i) {
            const CaseParty &p = m_moreParties.at(i);
            if (l.id == authorisationLetterId() && !p.agent)
                continue;
            MaterialLine copy = l;
            copy.id = perPartyMaterialId(l.id, i + 1);
            copy.name = l.name + suffix(p.applicant);
            copy.shortfall.clear();
            const auto got = m_collected.constFind(copy.id);
            const bool received = got != m_collected.constEnd()
                && (l.id != authorisationLetterId() || got.value() == checklist::Received::Original);
            if (received) {
                copy.status = MaterialLine::Status::Received;
            } else {
                copy.status = MaterialLine::Status::Missing;
                m_checklist.missing << copy.id;
                if (m_checklist.verdict == Verdict::Complete || m_checklist.verdict == Verdict::Tolerated)
                    m_checklist.verdict = Verdict::Incomplete;
            }
            lines << copy;
        }
    }
    // A further applicant's agent, when the first applicant has none, still needs a letter.
    if (!m_agent) {
        for (int i = 0; i < m_moreParties.size(); ++i) {
            if (!m_moreParties.at(i).agent)
                continue;
            MaterialLine letter;
            letter.id = perPartyMaterialId(authorisationLetterId(), i + 1);
            const MaterialDef *def = m_catalog.material(authorisationLetterId());
            letter.name =
                (def ? def->name : tr("Power of attorney (授权委托书)")) + suffix(m_moreParties.at(i).applicant);
            letter.originals = 1;
            letter.mode = AcceptanceMode::KeepOriginal;
            const auto got = m_collected.constFind(letter.id);
            if (got != m_collected.constEnd() && got.value() == checklist::Received::Original) {
                letter.status = MaterialLine::Status::Received;
            } else {
                letter.status = MaterialLine::Status::Missing;
                m_checklist.missing.prepend(letter.id);
                if (m_checklist.verdict == Verdict::Complete || m_checklist.verdict == Verdict::Tolerated)
                    m_checklist.verdict = Verdict::Incomplete;
            }
            lines.prepend(letter);
        }
    }
    m_checklist.materials = lines;
}

QString IntakeWorkflow::save(bool withNotice)
{
    if (m_caseId.isEmpty())
        return tr("No case is open.");
    store::CaseRecord r;
    r.id = m_caseId;
    r.number = m_caseNumber;
    r.windowCode = m_config.windowCode;
    r.clerk = m_config.clerk;
    r.state = stepKey(m_step);
    r.verdict = m_hasChecklist ? checklist::verdictKey(m_checklist.verdict) : QString();
    r.catalogVersion = m_catalog.version();
    r.selection = QJsonObject {{QStringLiteral("bundle"), m_selection.bundle},
        {QStringLiteral("matters"), QJsonArray::fromStringList(m_selection.matters)}};
    r.answers = QJsonObject::fromVariantHash(m_answers);
    auto record = [](const Party &p) {
        return store::ApplicantRecord {QUuid::createUuidV5(QUuid(), p.number).toString(QUuid::WithoutBraces),
            p.kind == Party::Kind::Company ? QStringLiteral("company") : QStringLiteral("person"), p.number, p.name,
            p.details};
    };
    if (m_applicant)
        r.applicant = record(*m_applicant);
    if (m_agent)
        r.agent = record(*m_agent);
    r.promisedDate =
        (m_decision == Decision::Accept || m_decision == Decision::AcceptTolerated) ? promisedDate() : QDate();
    r.pickup = m_courier ? QStringLiteral("courier") : QStringLiteral("window");
    for (auto it = m_collected.cbegin(); it != m_collected.cend(); ++it)
        r.materials.insert(it.key(), checklist::receivedKey(it.value()));
    r.draft = QJsonObject {
        {QStringLiteral("step"), stepKey(m_step)},
        {QStringLiteral("applicant"), m_applicant ? QJsonValue(m_applicant->toJson()) : QJsonValue()},
        {QStringLiteral("agent"), m_agent ? QJsonValue(m_agent->toJson()) : QJsonValue()},
        {QStringLiteral("courier"), m_courier},
        {QStringLiteral("decision"), enumKey(m_decision)},
        {QStringLiteral("refusalReason"), m_refusalReason},
        {QStringLiteral("visits"), m_visits},
        {QStringLiteral("parties"),
            [this] {
                QJsonArray all;
                for (const CaseParty &p : parties())
                    all.append(casePartyJson(p));
                return all;
            }()},
    };
    r.createdAt = m_createdAt;
    r.updatedAt = m_clock.now();

    store::CaseRepository repo(m_store);
    if (withNotice) {
        store::NoticeRecord n;
        n.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        n.caseId = m_caseId;
        n.kind = receipt::ReceiptDocument::kindName(m_document.kind);
        n.qrPayload = m_document.qrPayload;
        n.content = QJsonObject {{QStringLiteral("title"), m_document.title()},
            {QStringLiteral("missing"), m_document.missing.size()},
            {QStringLiteral("received"), m_document.received.size()}};
        n.createdAt = r.updatedAt;
        return repo.saveWithNotice(r, n, QStringLiteral("case.") + n.kind);
    }
    return repo.save(r);
}

QString IntakeWorkflow::start()
{
    const QDateTime now = m_clock.now();
    const auto number = store::CaseNumbering::nextNumber(m_store, m_config.regionCode, m_config.windowCode, now.date());
    if (!number)
        return number.error();
    const Snapshot empty {Step::Identify, {}, {}, {}, {}, {}, false, Decision::None, {}, 1, {}};
    const QString oldId = m_caseId, oldNumber = m_caseNumber;
    const QDateTime oldCreated = m_createdAt;
    const Snapshot before = snapshot();
    m_caseId = store::CaseNumbering::newCaseId();
    m_caseNumber = number.value();
    m_createdAt = now;
    restore(empty);
    const QString err = commit(before);
    if (!err.isEmpty()) {
        m_caseId = oldId;
        m_caseNumber = oldNumber;
        m_createdAt = oldCreated;
    }
    return err;
}

void IntakeWorkflow::close()
{
    m_caseId.clear();
    m_caseNumber.clear();
    m_createdAt = {};
    restore(Snapshot {Step::Identify, {}, {}, {}, {}, {}, false, Decision::None, {}, 1, {}});
    Q_EMIT changed();
}

QString IntakeWorkflow::load(const QString &caseId)
{
    store::CaseRepository repo(m_store);
    const auto rec = repo.load(caseId);
    if (!rec)
        return rec.error();
    const QJsonObject d = rec->draft;
    Snapshot s {enumFromKey(d.value(QLatin1String("step")).toString(), Step::Identify), {}, {}, {},
        rec->answers.toVariantHash(), {}, d.value(QLatin1String("courier")).toBool(),
        enumFromKey(d.value(QLatin1String("decision")).toString(), Decision::None),
        d.value(QLatin1String("refusalReason")).toString(), std::max(1, d.value(QLatin1String("visits")).toInt()), {}};
    if (d.value(QLatin1String("applicant")).isObject()) {
        auto p = Party::fromJson(d.value(QLatin1String("applicant")).toObject());
        if (p)
            s.applicant = p.value();
    }
    if (d.value(QLatin1String("agent")).isObject()) {
        auto p = Party::fromJson(d.value(QLatin1String("agent")).toObject());
        if (p)
            s.agent = p.value();
    }
    // Applicants 2, 3 …; the first is also under the old "applicant"/"agent" keys.
    const QJsonArray parties = d.value(QLatin1String("parties")).toArray();
    for (qsizetype i = 1; i < parties.size(); ++i) {
        const QJsonObject o = parties.at(i).toObject();
        auto applicant = Party::fromJson(o.value(QLatin1String("applicant")).toObject());
        if (!applicant)
            continue;
        CaseParty p {applicant.value(), std::nullopt};
        if (o.value(QLatin1String("agent")).isObject()) {
            auto agent = Party::fromJson(o.value(QLatin1String("agent")).toObject());
            if (agent)
                p.agent = agent.value();
        }
        s.moreParties << p;
    }
    s.selection.bundle = rec->selection.value(QLatin1String("bundle")).toString();
    const QJsonArray matters = rec->selection.value(QLatin1String("matters")).toArray();
    for (const QJsonValue &m : matters)
        s.selection.matters << m.toString();
    for (auto it = rec->materials.cbegin(); it != rec->materials.cend(); ++it) {
        checklist::Received how;
        if (checklist::parseReceived(it.value(), &how))
            s.collected.insert(it.key(), how);
    }
    m_caseId = rec->id;
    m_caseNumber = rec->number;
    m_createdAt = rec->createdAt;
    restore(s);
    if (m_step == Step::Print && m_decision != Decision::None) {
        // Rebuild the document exactly as decided (same kind, same data) for a reprint.
        DocumentBuilder::Input in {kindOf(m_decision), m_caseId, m_caseNumber, m_applicant ? &*m_applicant : nullptr,
            m_agent ? &*m_agent : nullptr, &m_checklist, promisedDate(), m_refusalReason, m_courier, rec->updatedAt,
            true};
        auto doc = DocumentBuilder::build(in, m_config, m_key);
        if (doc)
            m_document = doc.value();
    }
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
    const QList<store::CaseRecord> open = repo.list(m_config.windowCode, true, 1);
    if (open.isEmpty())
        return tr("There is no unfinished case at this window.");
    return load(open.first().id);
}

QString IntakeWorkflow::reopen(const QString &caseId)
{
    // Checked on the stored case first, so a refused reopen leaves the screen as it was.
    const auto rec = store::CaseRepository(m_store).load(caseId);
    if (!rec)
        return rec.error();
    if (rec->draft.value(QLatin1String("decision")).toString() != enumKey(Decision::Notice))
        return tr("Case %1 was not closed with a one-time notice; it cannot be continued here.").arg(rec->number);
    const QString err = load(caseId);
    if (!err.isEmpty())
        return err;
    const Snapshot before = snapshot();
    m_visits += 1;
    m_decision = Decision::None;
    m_document = {};
    m_step = Step::Materials;
    return commit(before);
}

QString IntakeWorkflow::setApplicant(const Party &applicant)
{
    if (m_caseId.isEmpty())
        return tr("No case is open.");
    if (m_step >= Step::Print)
        return tr("The case is already decided.");
    const Snapshot before = snapshot();
    m_applicant = applicant;
    return commit(before);
}

QString IntakeWorkflow::setAgent(const std::optional<Party> &agent)
{
    if (m_caseId.isEmpty())
        return tr("No case is open.");
    if (m_step >= Step::Print)
        return tr("The case is already decided.");
    if (agent && m_applicant && agent->number == m_applicant->number)
        return tr("The agent and the applicant are the same person.");
    const Snapshot before = snapshot();
    m_agent = agent;
    if (!agent)
        m_collected.remove(authorisationLetterId());
    return commit(before);
}

QList<CaseParty> IntakeWorkflow::parties() const
{
    QList<CaseParty> all;
    if (m_applicant)
        all << CaseParty {*m_applicant, m_agent};
    all += m_moreParties;
    return all;
}

QString IntakeWorkflow::setParty(int index, const Party &applicant)
{
    if (index == 0)
        return setApplicant(applicant);
    if (m_caseId.isEmpty())
        return tr("No case is open.");
    if (m_step >= Step::Print)
        return tr("The case is already decided.");
    if (!m_applicant)
        return tr("Identify the first applicant first.");
    if (index < 1 || index > m_moreParties.size() + 1)
        return tr("There is no applicant %1.").arg(index + 1);
    const QList<CaseParty> all = parties();
    for (int j = 0; j < all.size(); ++j) {
        if (j != index && all.at(j).applicant.number == applicant.number)
            return tr("%1 is already an applicant of this case.").arg(applicant.maskedName());
    }
    const Snapshot before = snapshot();
    if (index == m_moreParties.size() + 1)
        m_moreParties << CaseParty {applicant, std::nullopt};
    else
        m_moreParties[index - 1].applicant = applicant;
    return commit(before);
}

QString IntakeWorkflow::setAgent(int index, const std::optional<Party> &agent)
{
    if (index == 0)
        return setAgent(agent);
    if (m_caseId.isEmpty())
        return tr("No case is open.");
    if (m_step >= Step::Print)
        return tr("The case is already decided.");
    if (index < 1 || index > m_moreParties.size())
        return tr("There is no applicant %1.").arg(index + 1);
    if (agent && agent->number == m_moreParties.at(index - 1).applicant.number)
        return tr("The agent and the applicant are the same person.");
    const Snapshot before = snapshot();
    m_moreParties[index - 1].agent = agent;
    if (!agent)
        m_collected.remove(perPartyMaterialId(authorisationLetterId(), index));
    return commit(before);
}

QString IntakeWorkflow::removeParty(int index)
{
    if (m_caseId.isEmpty())
        return tr("No case is open.");
    if (m_step >= Step::Print)
        return tr("The case is already decided.");
    if (index < 1 || index > m_moreParties.size())
        return tr("The first applicant cannot be removed; change it instead.");
    const Snapshot before = snapshot();
    m_moreParties.removeAt(index - 1);
    // Their lines go; the lines of the applicants after them move up one place.
    checklist::Collected kept;
    for (auto it = m_collected.cbegin(); it != m_collected.cend(); ++it) {
        const int at = it.key().lastIndexOf(u'@');
        const int n = at < 0 ? 0 : it.key().mid(at + 1).toInt() - 1;
        if (n == index)
            continue;
        kept.insert(n > index ? perPartyMaterialId(it.key().left(at), n - 1) : it.key(), it.value());
    }
    m_collected = kept;
    return commit(before);
}

QString IntakeWorkflow::choose(const checklist::Selection &selection)
{
    if (m_caseId.isEmpty())
        return tr("No case is open.");
    if (m_step >= Step::Print)
        return tr("The case is already decided.");
    auto check =
        checklist::ChecklistEngine::evaluate(m_catalog, selection, m_answers, m_collected, m_calendar, m_clock.today());
    if (!check)
        return check.error();
    const Snapshot before = snapshot();
    m_selection = selection;
    return commit(before);
}

QString IntakeWorkflow::answer(const QString &questionId, const QVariant &value)
{
    if (m_caseId.isEmpty())
        return tr("No case is open.");
    if (m_step >= Step::Print)
        return tr("The case is already decided.");
    if (!m_catalog.question(questionId))
        return tr("The catalogue has no question \"%1\".").arg(questionId);
    QVariant v = value;
    if (value.isValid() && value.typeId() == QMetaType::QString) {
        auto parsed = m_catalog.parseAnswer(questionId, value.toString());
        if (!parsed)
            return parsed.error();
        v = parsed.value();
    }
    const Snapshot before = snapshot();
    if (v.isValid())
        m_answers.insert(questionId, v);
    else
        m_answers.remove(questionId);
    return commit(before);
}

QString IntakeWorkflow::mark(QString materialId, std::optional<checklist::Received> how)
{
    if (m_caseId.isEmpty())
        return tr("No case is open.");
    if (m_step >= Step::Print)
        return tr("The case is already decided.");
    const MaterialLine *line = nullptr;
    for (const MaterialLine &l : std::as_const(m_checklist.materials)) {
        if (l.id == materialId)
            line = &l;
    }
    if (!line)
        return tr("\"%1\" is not on this case's checklist.").arg(materialId);
    // An e-licence only counts for a material that has one; the line stays as it was.
    if (how == checklist::Received::ELicence && line->eLicence.isEmpty())
        return tr("%1 has no e-licence: mark the original (O) or a copy (C).").arg(line->name);
    const Snapshot before = snapshot();
    if (how)
        m_collected.insert(materialId, *how);
    else
        m_collected.remove(materialId);
    return commit(before);
}

QString IntakeWorkflow::setCourier(bool courier)
{
    if (m_caseId.isEmpty())
        return tr("No case is open.");
    const Snapshot before = snapshot();
    m_courier = courier;
    return commit(before);
}

QStringList IntakeWorkflow::questions() const
{
    if (const Bundle *b = m_catalog.bundle(m_selection.bundle))
        return b->questions;
    // Single matters: the questions their conditions ask.
    QStringList out = m_hasChecklist ? m_checklist.unanswered : QStringList();
    for (auto it = m_answers.cbegin(); it != m_answers.cend(); ++it) {
        if (!out.contains(it.key()))
            out << it.key();
    }
    return out;
}

QDate IntakeWorkflow::promisedDate() const
{
    if (!m_hasChecklist)
        return {};
    int days = 0;
    for (const checklist::ItemLine &item : m_checklist.items) {
        if (item.included != checklist::ItemLine::Inclusion::Included)
            continue;
        if (const Matter *m = m_catalog.matter(item.matter))
            days = std::max(days, m->promisedDays);
    }
    return m_calendar.addWorkingDays(m_clock.today(), days);
}

QString IntakeWorkflow::next()
{
    if (m_caseId.isEmpty())
        return tr("No case is open.");
    switch (m_step) {
    case Step::Identify:
        if (!m_applicant)
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
                const Question *question = m_catalog.question(q);
                texts << (question ? question->text : q);
            }
            return tr("Answer these questions first: %1").arg(texts.join(QStringLiteral("; ")));
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
    if (m_caseId.isEmpty())
        return tr("No case is open.");
    if (step >= Step::Print || m_step >= Step::Print)
        return tr("Printing and finishing follow a decision.");
    if (step > Step::Identify && !m_applicant)
        return tr("Identify the applicant first: read the ID card or type the ID number or credit code.");
    if (step > Step::Choose && !m_hasChecklist)
        return tr("Choose a matter or a one-matter bundle first.");
    const Snapshot before = snapshot();
    m_step = step;
    return commit(before);
}

QList<IntakeWorkflow::Decision> IntakeWorkflow::allowedDecisions() const
{
    if (!m_hasChecklist || !m_applicant || m_step >= Step::Print)
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

QString IntakeWorkflow::decide(Decision decision, const QString &refusalReason)
{
    if (m_caseId.isEmpty())
        return tr("No case is open.");
    if (!allowedDecisions().contains(decision)) {
        if (!m_blockers.isEmpty() && (decision == Decision::Accept || decision == Decision::AcceptTolerated))
            return tr("Cannot accept: %1.").arg(m_blockers.join(QStringLiteral("; ")));
        if (m_hasChecklist && m_checklist.verdict == Verdict::NeedsAnswers)
            return tr("Some questions are still unanswered; nothing can be decided yet.");
        return tr("The verdict does not allow this decision.");
    }
    const QDateTime now = m_clock.now();
    DocumentBuilder::Input in {kindOf(decision), m_caseId, m_caseNumber, &*m_applicant, m_agent ? &*m_agent : nullptr,
        &m_checklist, promisedDate(), refusalReason, m_courier, now, true};
    auto doc = DocumentBuilder::build(in, m_config, m_key);
    if (!doc)
        return doc.error();
    const Snapshot before = snapshot();
    m_decision = decision;
    m_refusalReason = refusalReason;
    m_document = doc.value();
    m_step = Step::Print;
    return commit(before, true);
}

QString IntakeWorkflow::finish()
{
    if (m_step != Step::Print)
        return tr("Decide the case before finishing it.");
    const Snapshot before = snapshot();
    m_step = Step::Done;
    return commit(before);
}

} // namespace ow::intake
