#include "onewindow/receipt/ReceiptDocument.h"

#include "DocumentFields.h"

#include "onewindow/i18n/DocumentLanguage.h"

#include <QJsonArray>

namespace ow::receipt {

namespace {

QString isoDate(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

} // namespace

using fields::isoTime;
using fields::specimenName;
using fields::str;

std::optional<DocumentKind> ReceiptDocument::kindFromName(const QString &name)
{
    for (DocumentKind k : {DocumentKind::Receipt, DocumentKind::OneTimeNotice, DocumentKind::ToleratedNotice,
             DocumentKind::RefusalNotice}) {
        if (kindName(k) == name)
            return k;
    }
    return std::nullopt;
}

QJsonObject ReceiptDocument::toJson(bool withQr) const
{
    QJsonArray matterArray;
    for (const MatterLine &m : matters)
        matterArray.append(
            QJsonObject {{QStringLiteral("name"), m.name}, {QStringLiteral("department"), m.department}});
    QJsonArray partyArray;
    for (const PartyLine &p : otherParties) {
        QJsonObject party {{QStringLiteral("name"), p.name}, {QStringLiteral("id"), p.id},
            {QStringLiteral("agentName"), p.agentName}, {QStringLiteral("agentId"), p.agentId}};
        // Only when there is one: a document frozen before documents were named keeps its bytes.
        if (!p.document.isEmpty())
            party.insert(QStringLiteral("document"), p.document);
        if (!p.agentDocument.isEmpty())
            party.insert(QStringLiteral("agentDocument"), p.agentDocument);
        partyArray.append(party);
    }
    QJsonArray receivedArray;
    for (const ReceivedLine &r : received)
        receivedArray.append(QJsonObject {{QStringLiteral("material"), r.material}, {QStringLiteral("how"), r.how}});
    QJsonArray missingArray;
    for (const MissingLine &m : missing)
        missingArray.append(QJsonObject {{QStringLiteral("material"), m.material}, {QStringLiteral("why"), m.why},
            {QStringLiteral("howToSupply"), m.howToSupply}, {QStringLiteral("tolerable"), m.tolerable},
            {QStringLiteral("supplementBy"), isoDate(m.supplementBy)}});
    QJsonObject o {
        {QStringLiteral("format"), 1},
        {QStringLiteral("kind"), kindName(kind)},
        {QStringLiteral("office"), office},
        {QStringLiteral("caseNumber"), caseNumber},
        {QStringLiteral("caseId"), caseId},
        {QStringLiteral("applicantName"), applicantName},
        {QStringLiteral("applicantId"), applicantId},
        {QStringLiteral("agentName"), agentName},
        {QStringLiteral("agentId"), agentId},
        {QStringLiteral("otherParties"), partyArray},
        {QStringLiteral("matters"), matterArray},
        {QStringLiteral("received"), receivedArray},
        {QStringLiteral("missing"), missingArray},
        {QStringLiteral("promisedDate"), isoDate(promisedDate)},
        {QStringLiteral("supplementDeadline"), isoDate(supplementDeadline)},
        {QStringLiteral("deadlineNote"), deadlineNote},
        {QStringLiteral("confirmedConditions"), QJsonArray::fromStringList(confirmedConditions)},
        {QStringLiteral("refusalReason"), refusalReason},
        {QStringLiteral("window"), window},
        {QStringLiteral("clerk"), clerk},
        {QStringLiteral("issuedAt"), isoTime(issuedAt)},
        {QStringLiteral("courier"), courier},
        {QStringLiteral("contact"), contact},
        {QStringLiteral("provisional"), provisional},
        {QStringLiteral("specimen"), specimenName(specimen)},
    };
    // Only when there is one: a document frozen before documents were named keeps its bytes.
    if (!applicantDocument.isEmpty())
        o.insert(QStringLiteral("applicantDocument"), applicantDocument);
    if (!agentDocument.isEmpty())
        o.insert(QStringLiteral("agentDocument"), agentDocument);
    // Only when set: a document stored before it named its language keeps its bytes and digest.
    if (!language.isEmpty())
        o.insert(QStringLiteral("language"), language);
    if (withQr)
        o.insert(QStringLiteral("qrPayload"), qrPayload);
    return o;
}

Result<ReceiptDocument> ReceiptDocument::fromJson(const QJsonObject &o)
{
    using R = Result<ReceiptDocument>;
    if (o.value(QLatin1String("format")).toInt() != 1)
        return R::failure(tr("The stored document has an unknown format."));
    const auto k = kindFromName(str(o, "kind"));
    if (!k)
        return R::failure(tr("The stored document has an unknown kind \"%1\".").arg(str(o, "kind")));
    ReceiptDocument d;
    d.kind = *k;
    d.office = str(o, "office");
    d.caseNumber = str(o, "caseNumber");
    d.caseId = str(o, "caseId");
    d.applicantName = str(o, "applicantName");
    d.applicantId = str(o, "applicantId");
    d.agentName = str(o, "agentName");
    d.agentId = str(o, "agentId");
    d.applicantDocument = str(o, "applicantDocument");
    d.agentDocument = str(o, "agentDocument");
    for (const QJsonValue &v : o.value(QLatin1String("matters")).toArray()) {
        const QJsonObject m = v.toObject();
        d.matters.append({str(m, "name"), str(m, "department")});
    }
    for (const QJsonValue &v : o.value(QLatin1String("otherParties")).toArray()) {
        const QJsonObject p = v.toObject();
        d.otherParties.append({str(p, "name"), str(p, "id"), str(p, "agentName"), str(p, "agentId"), str(p, "document"),
            str(p, "agentDocument")});
    }
    for (const QJsonValue &v : o.value(QLatin1String("received")).toArray()) {
        const QJsonObject r = v.toObject();
        d.received.append({str(r, "material"), str(r, "how")});
    }
    for (const QJsonValue &v : o.value(QLatin1String("missing")).toArray()) {
        const QJsonObject m = v.toObject();
        d.missing.append({str(m, "material"), str(m, "why"), str(m, "howToSupply"),
            m.value(QLatin1String("tolerable")).toBool(), QDate::fromString(str(m, "supplementBy"), Qt::ISODate)});
    }
    d.promisedDate = QDate::fromString(str(o, "promisedDate"), Qt::ISODate);
    d.supplementDeadline = QDate::fromString(str(o, "supplementDeadline"), Qt::ISODate);
    d.deadlineNote = str(o, "deadlineNote");
    for (const QJsonValue &v : o.value(QLatin1String("confirmedConditions")).toArray())
        d.confirmedConditions << v.toString();
    d.refusalReason = str(o, "refusalReason");
    d.window = str(o, "window");
    d.clerk = str(o, "clerk");
    d.issuedAt = QDateTime::fromString(str(o, "issuedAt"), Qt::ISODateWithMs);
    d.courier = o.value(QLatin1String("courier")).toBool();
    d.contact = str(o, "contact");
    d.provisional = o.value(QLatin1String("provisional")).toBool();
    // A document stored before the mark existed has none.
    const QString specimen = str(o, "specimen");
    const auto mark = specimen.isEmpty() ? Specimen::None : fields::specimenFromName(specimen);
    if (!mark)
        return R::failure(tr("The stored document has an unknown specimen mark \"%1\".").arg(specimen));
    d.specimen = *mark;
    d.language = str(o, "language");
    d.qrPayload = str(o, "qrPayload");
    if (d.caseId.isEmpty() || d.caseNumber.isEmpty() || !d.issuedAt.isValid())
        return R::failure(tr("The stored document is incomplete (case or issue time missing)."));
    return d;
}

QByteArray ReceiptDocument::canonicalBytes() const
{
    return fields::canonicalBytes(toJson(false));
}

QByteArray ReceiptDocument::digest() const
{
    return Sha256::hash(canonicalBytes());
}

QString ReceiptDocument::title() const
{
    const i18n::DocumentLanguage inItsLanguage(language);
    switch (kind) {
    case DocumentKind::Receipt:
        // Made while the back office was out of reach (a station offline): 临时受理凭证.
        return provisional ? tr("Provisional acceptance receipt") : tr("Acceptance receipt");
    case DocumentKind::OneTimeNotice: return tr("One-time notice of missing materials");
    case DocumentKind::ToleratedNotice: return tr("Notice of conditional acceptance (materials to supplement)");
    case DocumentKind::RefusalNotice: return tr("Notice of non-acceptance");
    }
    return {};
}

QString ReceiptDocument::specimenMark() const
{
    const i18n::DocumentLanguage inItsLanguage(language);
    switch (specimen) {
    case Specimen::None: return {};
    case Specimen::Sample: return tr("SAMPLE — not a valid document");
    case Specimen::Demo: return tr("DEMO — not a valid document");
    }
    return {};
}

QChar ReceiptDocument::kindCode(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Receipt: return u'R';
    case DocumentKind::OneTimeNotice: return u'N';
    case DocumentKind::ToleratedNotice: return u'T';
    case DocumentKind::RefusalNotice: return u'F';
    }
    return {};
}

QString ReceiptDocument::kindName(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Receipt: return QStringLiteral("receipt");
    case DocumentKind::OneTimeNotice: return QStringLiteral("notice");
    case DocumentKind::ToleratedNotice: return QStringLiteral("tolerated");
    case DocumentKind::RefusalNotice: return QStringLiteral("refusal");
    }
    return {};
}

} // namespace ow::receipt
