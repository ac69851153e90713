#include "onewindow/intake/CaseState.h"

namespace ow::intake {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

std::optional<Party> partyFrom(const QJsonValue &v, QString *error)
{
    if (!v.isObject())
        return std::nullopt;
    auto p = Party::fromJson(v.toObject());
    if (!p) {
        *error = p.error();
        return std::nullopt;
    }
    return p.value();
}

} // namespace

QList<CaseParty> CaseState::parties() const
{
    QList<CaseParty> all;
    if (applicant)
        all << CaseParty {*applicant, agent};
    all += moreParties;
    return all;
}

QString CaseState::perPartyMaterialId(const QString &materialId, int index)
{
    return QStringLiteral("%1@%2").arg(materialId).arg(index + 1);
}

QJsonArray CaseState::partiesJson() const
{
    QJsonArray all;
    for (const CaseParty &p : parties())
        all.append(QJsonObject {{QStringLiteral("applicant"), p.applicant.toJson()},
            {QStringLiteral("agent"), p.agent ? QJsonValue(p.agent->toJson()) : QJsonValue()}});
    return all;
}

QJsonValue CaseState::answerJson(const QVariant &value)
{
    if (!value.isValid())
        return QJsonValue::Null;
    return QJsonValue::fromVariant(value);
}

QVariant CaseState::answerValue(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    if (value.isDouble())
        return value.toDouble();
    if (value.isString())
        return value.toString();
    return {};
}

QString CaseState::apply(const store::LogEntry &e)
{
    if (!caseId.isEmpty() && e.caseId != caseId)
        return tr("Entry %1 belongs to another case.").arg(e.seq);
    if (e.seq != seq + 1)
        return tr("Entry %1 of case %2 follows entry %3: the log has a gap.").arg(e.seq).arg(e.caseId).arg(seq);
    CaseState next = *this;
    const QJsonObject &p = e.payload;
    const QString &k = e.kind;
    QString error;
    if (seq == 0 && k != QLatin1String("started"))
        return tr("Case %1 does not begin with \"started\".").arg(e.caseId);
    if (k == QLatin1String("started")) {
        if (seq != 0)
            return tr("Case %1 is started twice.").arg(e.caseId);
        next.caseId = e.caseId;
        next.number = text(p, "number");
        next.regionCode = text(p, "region");
        next.windowCode = text(p, "window");
        next.catalogVersion = text(p, "catalogVersion");
        next.createdAt = e.at;
        if (next.number.isEmpty())
            return tr("The start of case %1 has no number.").arg(e.caseId);
    } else if (k == QLatin1String("parties")) {
        const QJsonArray parties = p.value(QLatin1String("parties")).toArray();
        next.applicant.reset();
        next.agent.reset();
        next.moreParties.clear();
        for (qsizetype i = 0; i < parties.size(); ++i) {
            const QJsonObject o = parties.at(i).toObject();
            const auto applicantParty = partyFrom(o.value(QLatin1String("applicant")), &error);
            const auto agentParty = partyFrom(o.value(QLatin1String("agent")), &error);
            if (!applicantParty) {
                if (error.isEmpty())
                    error = tr("Applicant %1 of case %2 has no identity.").arg(i + 1).arg(e.caseId);
                break;
            }
            if (i == 0) {
                next.applicant = applicantParty;
                next.agent = agentParty;
            } else {
                next.moreParties << CaseParty {*applicantParty, agentParty};
            }
        }
        // Applicant `removed` left the case: their lines go, the lines of those after them move up.
        const int removed = p.value(QLatin1String("removed")).toInt(-1);
        if (removed >= 1) {
            checklist::Collected kept;
            for (auto it = next.collected.cbegin(); it != next.collected.cend(); ++it) {
                const int at = int(it.key().lastIndexOf(u'@'));
                const int n = at < 0 ? 0 : it.key().mid(at + 1).toInt() - 1;
                if (n == removed)
                    continue;
                kept.insert(n > removed ? perPartyMaterialId(it.key().left(at), n - 1) : it.key(), it.value());
            }
            next.collected = kept;
        }
        // A power of attorney is only on the list while that applicant has an agent.
        if (!next.agent)
            next.collected.remove(QStringLiteral("agent-authorisation"));
        for (int i = 0; i < next.moreParties.size(); ++i) {
            if (!next.moreParties.at(i).agent)
                next.collected.remove(perPartyMaterialId(QStringLiteral("agent-authorisation"), i + 1));
        }
    } else if (k == QLatin1String("chosen")) {
        next.selection.bundle = text(p, "bundle");
        next.selection.matters.clear();
        for (const QJsonValue &m : p.value(QLatin1String("matters")).toArray())
            next.selection.matters << m.toString();
        const QJsonObject catalog = p.value(QLatin1String("catalog")).toObject();
        next.catalogVersion = text(catalog, "version");
        next.catalogSha256 = text(catalog, "sha256");
    } else if (k == QLatin1String("catalogue")) {
        const QJsonObject to = p.value(QLatin1String("to")).toObject();
        next.catalogVersion = text(to, "version");
        next.catalogSha256 = text(to, "sha256");
    } else if (k == QLatin1String("answered")) {
        const QVariant v = answerValue(p.value(QLatin1String("value")));
        const QString q = text(p, "question");
        if (q.isEmpty())
            return tr("An answer without its question in case %1.").arg(e.caseId);
        if (v.isValid())
            next.answers.insert(q, v);
        else
            next.answers.remove(q);
    } else if (k == QLatin1String("marked")) {
        const QString material = text(p, "material");
        const QJsonValue how = p.value(QLatin1String("how"));
        if (material.isEmpty())
            return tr("A mark without its material in case %1.").arg(e.caseId);
        checklist::Received r;
        const auto old = next.collected.constFind(material);
        if (how.isString() && checklist::parseReceived(how.toString(), &r)) {
            // Another mark: the count recorded with the old one no longer holds.
            if (old == next.collected.constEnd() || old.value() != r)
                next.recorded.counts.remove(material);
            next.collected.insert(material, r);
        } else if (how.isNull()) {
            next.collected.remove(material);
            next.recorded.counts.remove(material);
        } else {
            return tr("Unknown mark \"%1\" in case %2.").arg(how.toString(), e.caseId);
        }
    } else if (k == QLatin1String("counted")) {
        const QString material = text(p, "material");
        const int pieces = p.value(QLatin1String("pieces")).toInt();
        if (material.isEmpty() || pieces < 1)
            return tr("A count without its material or pieces in case %1.").arg(e.caseId);
        next.recorded.counts.insert(material, pieces);
    } else if (k == QLatin1String("confirmed")) {
        const QString condition = text(p, "condition");
        const QJsonValue holds = p.value(QLatin1String("holds"));
        if (condition.isEmpty())
            return tr("A confirmation without its condition in case %1.").arg(e.caseId);
        if (holds.isBool())
            next.recorded.confirmations.insert(condition, holds.toBool());
        else
            next.recorded.confirmations.remove(condition);
    } else if (k == QLatin1String("attached")) {
        const QString material = text(p, "material");
        const QString sha = text(p, "sha256");
        const int pages = p.value(QLatin1String("pages")).toInt();
        if (material.isEmpty() || sha.size() != 64 || pages < 1)
            return tr("A scanned document without its material, hash or pages in case %1.").arg(e.caseId);
        next.documents.insert(material, {sha, pages});
    } else if (k == QLatin1String("pickup")) {
        next.courier = p.value(QLatin1String("courier")).toBool();
    } else if (k == QLatin1String("decided")) {
        auto doc = receipt::ReceiptDocument::fromJson(p.value(QLatin1String("document")).toObject());
        if (!doc)
            return doc.error();
        next.decision = text(p, "decision");
        next.refusalReason = text(p, "refusalReason");
        next.promisedDate = doc->promisedDate;
        next.document = doc.value();
    } else if (k == QLatin1String("printed")) {
        next.prints += 1;
    } else if (k == QLatin1String("finished")) {
        next.finished = true;
    } else if (k == QLatin1String("reopened")) {
        next.visits = std::max(next.visits + 1, p.value(QLatin1String("visit")).toInt());
        next.decision = QStringLiteral("none");
        next.refusalReason.clear();
        next.promisedDate = {};
        next.document.reset();
        next.finished = false;
    } else if (k == QLatin1String("revealed")) {
        next.reveals += 1;
    } else if (k == QLatin1String("ticket")) {
        next.tickets << e.payload.value(QStringLiteral("ticket")).toString();
    } else if (k == QLatin1String("abandoned")) {
        // A decided case went out on paper: it can be finished, never abandoned.
        if (next.document)
            return tr("Case %1 is decided; it cannot be abandoned.").arg(e.caseId);
        next.abandoned = true;
    } else if (k == QLatin1String("visit")) {
        // The first visit is the case itself; a return with a notice is counted by its
        // "reopened"; a supplement or a pickup is one more.
        const QString why = text(p, "why");
        if (why == QLatin1String("first"))
            next.firstVisitLogged = true;
        if (why == QLatin1String("supplement") || why == QLatin1String("pickup"))
            next.visits += 1;
        if (why == QLatin1String("pickup"))
            next.pickups += 1;
    } else if (k == QLatin1String("supplemented")) {
        if (!next.document)
            return tr("Case %1 takes in a supplement before its decision.").arg(e.caseId);
    } else if (k == QLatin1String("handedOut") || k == QLatin1String("dispatched")) {
        if (!next.document)
            return tr("Case %1 is handed out before its decision.").arg(e.caseId);
        if (!next.delivery.isEmpty())
            return tr("Case %1 was handed out already.").arg(e.caseId);
        next.delivery = k;
    } else if (k == QLatin1String("rated")) {
        next.ratings += 1;
    } else {
        return tr("Unknown entry kind \"%1\" in case %2.").arg(k, e.caseId);
    }
    if (!error.isEmpty())
        return error;
    next.seq = e.seq;
    *this = next;
    return {};
}

Result<CaseState> CaseState::replay(const QList<store::LogEntry> &entries)
{
    CaseState s;
    for (const store::LogEntry &e : entries) {
        const QString err = s.apply(e);
        if (!err.isEmpty())
            return Result<CaseState>::failure(err);
    }
    if (s.seq == 0)
        return Result<CaseState>::failure(tr("The case has no log."));
    return s;
}

} // namespace ow::intake
