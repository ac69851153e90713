#include "onewindow/intake/CaseService.h"

#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/QrPayload.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/Store.h"

#include <QJsonArray>

#include <algorithm>

namespace ow::intake {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QDateTime when(const QJsonObject &o, const char *key)
{
    return QDateTime::fromString(text(o, key), Qt::ISODateWithMs);
}

} // namespace

CaseService::CaseService(const Catalog &catalog, const WorkCalendar &calendar, const Clock &clock, store::Store &store,
    receipt::WindowKey key, WindowConfig config)
    : m_catalog(catalog)
    , m_calendar(calendar)
    , m_clock(clock)
    , m_store(store)
    , m_key(key)
    , m_config(config)
    , m_workflow(catalog, calendar, clock, store, std::move(key), std::move(config))
{ }

QString CaseService::open(const QString &caseId, const QJsonObject &remote)
{
    if (const QString err = m_workflow.resume(caseId); !err.isEmpty())
        return err;
    if (!m_workflow.state().decided())
        return tr("Case %1 is not decided yet: finish it on the intake screen.").arg(m_workflow.caseNumber());
    m_remote = remote;
    return reload();
}

void CaseService::setRemote(const QJsonObject &remote)
{
    m_remote = remote;
    mapMatters();
}

QString CaseService::reload()
{
    const auto entries = store::CaseLog(m_store).entries(m_workflow.caseId());
    if (!entries)
        return entries.error();
    m_entries = entries.value();
    m_slip.reset();
    for (const store::LogEntry &e : std::as_const(m_entries)) {
        if (e.kind != QLatin1String("handedOut") && e.kind != QLatin1String("dispatched"))
            continue;
        auto slip = receipt::HandoutSlip::fromJson(e.payload.value(QLatin1String("document")).toObject());
        if (slip)
            m_slip = slip.value();
    }
    mapMatters();
    return {};
}

// The routed items by department, matched to the decided matters of that department: by the
// event's own "matter" when it names one, else in the order both were listed.
void CaseService::mapMatters()
{
    m_matterOfItem.clear();
    QHash<QString, QStringList> decidedBy; // department → matters
    for (const store::LogEntry &e : std::as_const(m_entries)) {
        if (e.kind != QLatin1String("decided"))
            continue;
        decidedBy.clear();
        for (const QJsonValue &v : e.payload.value(QLatin1String("items")).toArray())
            decidedBy[text(v.toObject(), "department")] << text(v.toObject(), "matter");
    }
    const QJsonObject routed = m_remote.value(QLatin1String("routed")).toObject();
    const QJsonObject items = m_remote.value(QLatin1String("items")).toObject();
    for (auto it = routed.begin(); it != routed.end(); ++it) {
        QStringList left = decidedBy.value(it.key());
        QStringList unnamed;
        for (const QJsonValue &v : it.value().toArray()) {
            const QString id = v.toString();
            const QString named = text(items.value(id).toObject(), "matter");
            if (!named.isEmpty()) {
                m_matterOfItem.insert(id, named);
                left.removeOne(named);
            } else {
                unnamed << id;
            }
        }
        for (qsizetype i = 0; i < unnamed.size() && i < left.size(); ++i)
            m_matterOfItem.insert(unnamed.at(i), left.at(i));
    }
}

QString CaseService::departmentName(const QString &id) const
{
    const Department *d = m_workflow.catalog().department(id);
    return d ? d->name : id;
}

bool CaseService::supplementedSince(
    const QList<store::LogEntry> &entries, const QString &taskId, const QDateTime &since)
{
    return std::any_of(entries.cbegin(), entries.cend(), [&](const store::LogEntry &e) {
        return e.kind == QLatin1String("supplemented") && text(e.payload, "task") == taskId
            && (!since.isValid() || e.at >= since);
    });
}

QList<SupplementTask> CaseService::tasks() const
{
    QList<SupplementTask> out;
    if (delivered())
        return out;
    const QDate today = m_clock.now().date();
    const QJsonObject items = m_remote.value(QLatin1String("items")).toObject();
    for (auto it = items.begin(); it != items.end(); ++it) {
        const QJsonObject item = it.value().toObject();
        if (text(item, "outcome") != QLatin1String("supplement"))
            continue;
        SupplementTask t;
        t.id = QStringLiteral("item:") + it.key();
        t.source = SupplementTask::Source::Department;
        t.what = text(item, "bring").isEmpty() ? text(item, "what") : text(item, "bring");
        t.department = departmentName(text(item, "department"));
        t.requestedAt = when(item, "decidedAt");
        if (supplementedSince(m_entries, t.id, t.requestedAt))
            continue; // taken in: the department decides again
        // The back office names the day (its calendar, the department's working days).
        const QDate named = QDate::fromString(text(item, "dueBy"), Qt::ISODate);
        t.due = named.isValid()
            ? named
            : m_calendar.addWorkingDays(
                t.requestedAt.isValid() ? t.requestedAt.toLocalTime().date() : today, kDefaultSupplementDays);
        t.overdue = t.due < today;
        out << t;
    }
    // 容缺 lines of the decided document, until each is brought.
    const CaseState &s = m_workflow.state();
    if (s.decision == QLatin1String("accepttolerated") && m_workflow.hasChecklist()) {
        for (const checklist::MaterialLine &line : m_workflow.checklist().materials) {
            if (line.status != checklist::MaterialLine::Status::Tolerated)
                continue;
            SupplementTask t;
            t.id = QStringLiteral("tolerated:") + line.id;
            t.source = SupplementTask::Source::Tolerated;
            t.what = line.name;
            t.material = line.id;
            t.due = line.supplementDeadline.isValid() ? line.supplementDeadline : s.document->supplementDeadline;
            if (supplementedSince(m_entries, t.id, {}))
                continue;
            t.overdue = t.due.isValid() && t.due < today;
            out << t;
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const SupplementTask &a, const SupplementTask &b) {
        return a.due.isValid() && (!b.due.isValid() || a.due < b.due);
    });
    return out;
}

QList<CaseItem> CaseService::items() const
{
    QList<CaseItem> out;
    QHash<QString, QString> given; // item id → handedOut / dispatched
    for (const store::LogEntry &e : std::as_const(m_entries)) {
        if (e.kind != QLatin1String("handedOut") && e.kind != QLatin1String("dispatched"))
            continue;
        for (const QJsonValue &v : e.payload.value(QLatin1String("items")).toArray())
            given.insert(text(v.toObject(), "item"), e.kind);
    }
    const QJsonObject routed = m_remote.value(QLatin1String("routed")).toObject();
    const QJsonObject items = m_remote.value(QLatin1String("items")).toObject();
    for (auto dep = routed.begin(); dep != routed.end(); ++dep) {
        for (const QJsonValue &v : dep.value().toArray()) {
            const QString id = v.toString();
            const QJsonObject item = items.value(id).toObject();
            CaseItem c;
            c.item = id;
            c.department = departmentName(dep.key());
            const Matter *m = m_workflow.catalog().matter(m_matterOfItem.value(id));
            c.matter = m ? m->name : m_matterOfItem.value(id);
            const QString outcome = text(item, "outcome");
            c.at = item.contains(QLatin1String("readyAt")) ? when(item, "readyAt") : when(item, "decidedAt");
            if (given.contains(id)) {
                c.state = given.value(id);
            } else if (item.contains(QLatin1String("readyAt"))) {
                c.state = QStringLiteral("ready");
            } else if (outcome.isEmpty()) {
                c.state = QStringLiteral("routed");
            } else {
                c.state = outcome;
            }
            if (outcome == QLatin1String("supplement")) {
                c.detail = text(item, "what");
                if (supplementedSince(m_entries, QStringLiteral("item:") + id, when(item, "decidedAt")))
                    c.state = QStringLiteral("supplemented");
            } else if (outcome == QLatin1String("rejected")) {
                c.detail = text(item, "reason");
            }
            c.given = outcome == QLatin1String("rejected")
                ? tr("decision of non-approval (%1)").arg(c.matter)
                : (m && !m->resultName.isEmpty() ? m->resultName : tr("the result of %1").arg(c.matter));
            out << c;
        }
    }
    return out;
}

QString CaseService::readyForHandout() const
{
    if (!m_workflow.hasCase())
        return tr("No case is open.");
    if (delivered())
        return tr("Case %1 was handed out already.").arg(caseNumber());
    const QList<CaseItem> all = items();
    if (all.isEmpty())
        return tr("Case %1 has not reached the departments yet.").arg(caseNumber());
    if (!tasks().isEmpty())
        return tr("Case %1 still waits for a supplement.").arg(caseNumber());
    for (const CaseItem &c : all) {
        if (c.state != QLatin1String("ready") && c.state != QLatin1String("rejected"))
            return tr("%1 (%2) is not ready yet.").arg(c.matter, c.department);
    }
    return {};
}

int CaseService::visitsUntilResult() const
{
    return std::max(1, m_workflow.state().visits - pickups());
}

int CaseService::pickups() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(), [](const store::LogEntry &e) {
        return e.kind == QLatin1String("visit") && text(e.payload, "why") == QLatin1String("pickup");
    }));
}

bool CaseService::delivered() const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(), [](const store::LogEntry &e) {
        return e.kind == QLatin1String("handedOut") || e.kind == QLatin1String("dispatched");
    });
}

QString CaseService::takeSupplement(const QString &taskId, const QList<Supplied> &materials, const QString &note)
{
    if (!m_workflow.hasCase())
        return tr("No case is open.");
    const QList<SupplementTask> open = tasks();
    const auto task = std::find_if(open.cbegin(), open.cend(), [&](const SupplementTask &t) { return t.id == taskId; });
    if (task == open.cend())
        return tr("Case %1 has no open task %2.").arg(caseNumber(), taskId);
    if (materials.isEmpty())
        return tr("Mark what the applicant brought first.");
    QList<QPair<QString, QJsonObject>> entries;
    // The applicant came for it: a visit, counted before the result is formed.
    entries.append({QStringLiteral("visit"), {{QStringLiteral("why"), QStringLiteral("supplement")}}});
    QJsonArray list;
    for (const Supplied &m : materials) {
        if (m.material.trimmed().isEmpty())
            return tr("A material taken in has no name.");
        QJsonObject o {{QStringLiteral("material"), m.material}, {QStringLiteral("how"), m.how}};
        if (!m.sha256.isEmpty()) {
            o.insert(QStringLiteral("sha256"), m.sha256);
            o.insert(QStringLiteral("pages"), m.pages);
            // The scan travels as the material's blob like any scan (sync uploads "attached").
            entries.append({QStringLiteral("attached"),
                {{QStringLiteral("material"), m.material}, {QStringLiteral("sha256"), m.sha256},
                    {QStringLiteral("pages"), m.pages}}});
        }
        list.append(o);
    }
    QJsonObject payload {{QStringLiteral("task"), taskId}, {QStringLiteral("materials"), list}};
    if (!note.trimmed().isEmpty())
        payload.insert(QStringLiteral("note"), note.trimmed());
    entries.append({QStringLiteral("supplemented"), payload});
    if (const QString err = m_workflow.recordService(entries); !err.isEmpty())
        return err;
    return reload();
}

QString CaseService::recordRating(const QJsonObject &payload)
{
    if (const QString err = m_workflow.recordService({{QStringLiteral("rated"), payload}}); !err.isEmpty())
        return err;
    return reload();
}

QString CaseService::handOut(
    const Party &collector, const std::optional<CaseState::DocumentRef> &authorisation, const QStringList &itemIds)
{
    const CaseState &s = m_workflow.state();
    if (!s.applicant)
        return tr("Case %1 has no applicant.").arg(caseNumber());
    const bool isApplicantsAgent = s.agent && s.agent->number == collector.number;
    if (collector.number != s.applicant->number && !authorisation)
        return isApplicantsAgent
            ? tr("%1 applied as the agent: scan the letter of authorisation for the collection too.")
                  .arg(collector.maskedName())
            : tr("%1 is not the applicant: an agent collects only with the applicant's letter of authorisation "
                 "(scan it).")
                  .arg(collector.maskedName());
    receipt::HandoutSlip draft;
    draft.kind = receipt::SlipKind::Handout;
    QJsonObject payload {{QStringLiteral("collector"), collector.toJson()}};
    if (collector.number != s.applicant->number) {
        draft.collectorName = collector.maskedName();
        draft.collectorId = collector.maskedNumber();
        draft.authorisation = true;
        payload.insert(QStringLiteral("agent"), s.applicant->toJson());
        payload.insert(QStringLiteral("authorisation"),
            QJsonObject {{QStringLiteral("sha256"), authorisation->sha256},
                {QStringLiteral("pages"), authorisation->pageCount}});
    } else {
        payload.insert(QStringLiteral("agent"), QJsonValue::Null);
        payload.insert(QStringLiteral("authorisation"), QJsonValue::Null);
    }
    return deliver(false, draft, itemIds, payload);
}

QString CaseService::dispatch(
    const DispatchAddress &to, const QString &carrier, const QString &tracking, const QStringList &itemIds)
{
    if (to.recipient.trimmed().isEmpty() || to.address.trimmed().isEmpty())
        return tr("Enter the recipient and the address.");
    if (carrier.trimmed().isEmpty() || tracking.trimmed().isEmpty())
        return tr("Enter the carrier and the tracking number.");
    receipt::HandoutSlip draft;
    draft.kind = receipt::SlipKind::Dispatch;
    // On paper masked like every name and number; in full in the (sealed) log for the courier.
    const auto masked = [](const QString &t, int keep) {
        return t.size() <= keep ? t : t.left(keep) + QString(t.size() - keep, u'*');
    };
    draft.recipient = masked(to.recipient.trimmed(), 1);
    draft.address = masked(to.address.trimmed(), std::min<int>(int(to.address.trimmed().size()), 6));
    draft.carrier = carrier.trimmed();
    draft.tracking = tracking.trimmed();
    QJsonObject payload {
        {QStringLiteral("address"),
            QJsonObject {{QStringLiteral("recipient"), to.recipient.trimmed()},
                {QStringLiteral("phone"), to.phone.trimmed()}, {QStringLiteral("address"), to.address.trimmed()}}},
        {QStringLiteral("carrier"), draft.carrier}, {QStringLiteral("tracking"), draft.tracking}};
    return deliver(true, draft, itemIds, payload);
}

QString CaseService::deliver(
    bool courier, const receipt::HandoutSlip &draft, const QStringList &itemIds, QJsonObject payload)
{
    if (const QString why = readyForHandout(); !why.isEmpty())
        return why;
    if (itemIds.isEmpty())
        return tr("Tick what is given first.");
    const CaseState &s = m_workflow.state();
    receipt::HandoutSlip slip = draft;
    QJsonArray given;
    const QList<CaseItem> all = items();
    for (const QString &id : itemIds) {
        const auto c = std::find_if(all.cbegin(), all.cend(), [&](const CaseItem &i) { return i.item == id; });
        if (c == all.cend())
            return tr("Case %1 has no item %2.").arg(caseNumber(), id);
        const QString outcome = c->state == QLatin1String("rejected") ? c->state : QStringLiteral("approved");
        slip.items << receipt::SlipItem {c->item, c->matter, c->department, outcome, c->given};
        given.append(QJsonObject {{QStringLiteral("item"), c->item},
            {QStringLiteral("matter"), m_matterOfItem.value(id)}, {QStringLiteral("department"), c->department},
            {QStringLiteral("outcome"), outcome}, {QStringLiteral("given"), c->given}});
    }
    slip.office = m_config.office;
    slip.caseNumber = s.number;
    slip.caseId = s.caseId;
    slip.applicantName = s.applicant ? s.applicant->maskedName() : QString();
    slip.applicantId = s.applicant ? s.applicant->maskedNumber() : QString();
    slip.visits = visitsUntilResult();
    slip.window = m_config.windowName.isEmpty() ? m_config.windowCode : m_config.windowName;
    slip.clerk = m_config.clerk;
    slip.issuedAt = m_clock.now();
    slip.language = m_config.documentLanguage;
    if (receipt::KeyRing::isDemoKeyId(m_key.keyId()))
        slip.specimen =
            receipt::KeyRing::isSampleKeyId(m_key.keyId()) ? receipt::Specimen::Sample : receipt::Specimen::Demo;
    receipt::QrPayload qr = receipt::QrPayload::forSlip(slip, m_key.keyId());
    const auto signature = m_key.sign(qr.signedPart());
    if (!signature)
        return signature.error();
    qr.signature = signature.value();
    slip.qrPayload = qr.encode();
    payload.insert(QStringLiteral("items"), given);
    payload.insert(QStringLiteral("digest"), QString::fromLatin1(slip.digest().toHex()));
    payload.insert(QStringLiteral("document"), slip.toJson());
    QList<QPair<QString, QJsonObject>> entries;
    if (courier) {
        entries.append({QStringLiteral("dispatched"), payload});
    } else {
        // The pickup is a visit, reported beside the visits until the result.
        entries.append({QStringLiteral("visit"), {{QStringLiteral("why"), QStringLiteral("pickup")}}});
        entries.append({QStringLiteral("handedOut"), payload});
    }
    if (const QString err = m_workflow.recordService(entries); !err.isEmpty())
        return err;
    const QString err = reload();
    m_slip = slip;
    return err;
}

} // namespace ow::intake
