#include "onewindow/receipt/HandoutSlip.h"

#include "DocumentFields.h"

#include "onewindow/i18n/DocumentLanguage.h"

#include <QJsonArray>

namespace ow::receipt {

using fields::isoTime;
using fields::str;

QString HandoutSlip::title() const
{
    const i18n::DocumentLanguage inItsLanguage(language);
    switch (kind) {
    case SlipKind::Handout: return tr("Hand-out slip");
    case SlipKind::Dispatch: return tr("Dispatch slip");
    }
    return {};
}

QChar HandoutSlip::kindCode(SlipKind kind)
{
    return kind == SlipKind::Handout ? u'H' : u'D';
}

QString HandoutSlip::kindName(SlipKind kind)
{
    return kind == SlipKind::Handout ? QStringLiteral("handout") : QStringLiteral("dispatch");
}

QJsonObject HandoutSlip::toJson(bool withQr) const
{
    QJsonArray itemArray;
    for (const SlipItem &i : items)
        itemArray.append(QJsonObject {{QStringLiteral("item"), i.item}, {QStringLiteral("matter"), i.matter},
            {QStringLiteral("department"), i.department}, {QStringLiteral("outcome"), i.outcome},
            {QStringLiteral("given"), i.given}});
    QJsonObject o {
        {QStringLiteral("format"), 1},
        {QStringLiteral("kind"), kindName(kind)},
        {QStringLiteral("office"), office},
        {QStringLiteral("caseNumber"), caseNumber},
        {QStringLiteral("caseId"), caseId},
        {QStringLiteral("applicantName"), applicantName},
        {QStringLiteral("applicantId"), applicantId},
        {QStringLiteral("collectorName"), collectorName},
        {QStringLiteral("collectorId"), collectorId},
        {QStringLiteral("authorisation"), authorisation},
        {QStringLiteral("items"), itemArray},
        {QStringLiteral("recipient"), recipient},
        {QStringLiteral("address"), address},
        {QStringLiteral("carrier"), carrier},
        {QStringLiteral("tracking"), tracking},
        {QStringLiteral("visits"), visits},
        {QStringLiteral("window"), window},
        {QStringLiteral("clerk"), clerk},
        {QStringLiteral("issuedAt"), isoTime(issuedAt)},
        {QStringLiteral("specimen"), fields::specimenName(specimen)},
        {QStringLiteral("language"), language},
    };
    if (withQr)
        o.insert(QStringLiteral("qrPayload"), qrPayload);
    return o;
}

Result<HandoutSlip> HandoutSlip::fromJson(const QJsonObject &o)
{
    using R = Result<HandoutSlip>;
    if (o.value(QLatin1String("format")).toInt() != 1)
        return R::failure(tr("The stored slip has an unknown format."));
    HandoutSlip s;
    const QString kind = str(o, "kind");
    if (kind == kindName(SlipKind::Handout))
        s.kind = SlipKind::Handout;
    else if (kind == kindName(SlipKind::Dispatch))
        s.kind = SlipKind::Dispatch;
    else
        return R::failure(tr("The stored slip has an unknown kind \"%1\".").arg(kind));
    s.office = str(o, "office");
    s.caseNumber = str(o, "caseNumber");
    s.caseId = str(o, "caseId");
    s.applicantName = str(o, "applicantName");
    s.applicantId = str(o, "applicantId");
    s.collectorName = str(o, "collectorName");
    s.collectorId = str(o, "collectorId");
    s.authorisation = o.value(QLatin1String("authorisation")).toBool();
    for (const QJsonValue &v : o.value(QLatin1String("items")).toArray()) {
        const QJsonObject i = v.toObject();
        s.items.append({str(i, "item"), str(i, "matter"), str(i, "department"), str(i, "outcome"), str(i, "given")});
    }
    s.recipient = str(o, "recipient");
    s.address = str(o, "address");
    s.carrier = str(o, "carrier");
    s.tracking = str(o, "tracking");
    s.visits = o.value(QLatin1String("visits")).toInt();
    s.window = str(o, "window");
    s.clerk = str(o, "clerk");
    s.issuedAt = QDateTime::fromString(str(o, "issuedAt"), Qt::ISODateWithMs);
    const auto specimen = fields::specimenFromName(str(o, "specimen"));
    if (!specimen)
        return R::failure(tr("The stored slip has an unknown specimen mark \"%1\".").arg(str(o, "specimen")));
    s.specimen = *specimen;
    s.language = str(o, "language");
    s.qrPayload = str(o, "qrPayload");
    if (s.caseId.isEmpty() || s.caseNumber.isEmpty() || !s.issuedAt.isValid())
        return R::failure(tr("The stored slip is incomplete (case or issue time missing)."));
    return s;
}

QByteArray HandoutSlip::canonicalBytes() const
{
    return fields::canonicalBytes(toJson(false));
}

QByteArray HandoutSlip::digest() const
{
    return Sha256::hash(canonicalBytes());
}

} // namespace ow::receipt
