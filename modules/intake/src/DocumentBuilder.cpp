#include "onewindow/intake/DocumentBuilder.h"

#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/QrPayload.h"

#include <algorithm>

namespace ow::intake {

using checklist::MaterialLine;
using receipt::DocumentKind;

QString DocumentBuilder::receivedText(const MaterialLine &line)
{
    if (line.status == MaterialLine::Status::Waived)
        return tr("e-licence (%1) pulled; no paper needed").arg(line.eLicence);
    switch (line.mode) {
    case AcceptanceMode::KeepOriginal: return tr("%n original(s) kept", nullptr, std::max(line.originals, 1));
    case AcceptanceMode::TakeCopy: return tr("%n copy(ies) kept", nullptr, std::max(line.copies, 1));
    case AcceptanceMode::VerifyOriginalTakeCopy:
        return tr("original verified and returned; %n copy(ies) kept", nullptr, std::max(line.copies, 1));
    case AcceptanceMode::KeepOriginalAndCopy:
        return tr("%1 original(s) and %2 copy(ies) kept").arg(line.originals).arg(line.copies);
    }
    return {};
}

QString DocumentBuilder::supplyText(const MaterialLine &line)
{
    QString what;
    switch (line.mode) {
    case AcceptanceMode::KeepOriginal: what = tr("bring %n original(s)", nullptr, std::max(line.originals, 1)); break;
    case AcceptanceMode::TakeCopy: what = tr("bring %n copy(ies)", nullptr, std::max(line.copies, 1)); break;
    case AcceptanceMode::VerifyOriginalTakeCopy:
        what = tr("bring the original (it is returned) and %n copy(ies)", nullptr, std::max(line.copies, 1));
        break;
    case AcceptanceMode::KeepOriginalAndCopy:
        what = tr("bring %1 original(s) and %2 copy(ies)").arg(line.originals).arg(line.copies);
        break;
    }
    if (!line.eLicence.isEmpty())
        what += QStringLiteral("; ") + tr("or allow the window to pull the e-licence (%1)").arg(line.eLicence);
    if (!line.shortfall.isEmpty())
        what += QStringLiteral(" (") + line.shortfall + QLatin1Char(')');
    if (!line.howToSupply.isEmpty())
        what = line.howToSupply + QStringLiteral("; ") + what;
    return what;
}

Result<receipt::ReceiptDocument> DocumentBuilder::build(
    const Input &in, const WindowConfig &config, const receipt::WindowKey &key)
{
    using R = Result<receipt::ReceiptDocument>;
    if (!in.applicant || !in.checklist)
        return R::failure(tr("The case has no applicant or no checklist yet."));
    receipt::ReceiptDocument d;
    d.kind = in.kind;
    d.office = config.office;
    d.caseId = in.caseId;
    d.caseNumber = in.caseNumber;
    d.applicantName = in.applicant->maskedName();
    d.applicantId = in.applicant->maskedNumber();
    if (in.agent) {
        d.agentName = in.agent->maskedName();
        d.agentId = in.agent->maskedNumber();
    }
    for (const checklist::ItemLine &item : in.checklist->items) {
        if (item.included == checklist::ItemLine::Inclusion::Included)
            d.matters.append({item.name, item.department});
    }
    const bool listMissing = in.kind == DocumentKind::OneTimeNotice || in.kind == DocumentKind::ToleratedNotice;
    for (const MaterialLine &line : in.checklist->materials) {
        switch (line.status) {
        case MaterialLine::Status::Received:
        case MaterialLine::Status::Waived: d.received.append({line.name, receivedText(line)}); break;
        case MaterialLine::Status::Missing:
        case MaterialLine::Status::Tolerated:
            if (listMissing) {
                QStringList why;
                for (const checklist::Need &n : line.neededBy)
                    why << QStringLiteral("%1：%2").arg(n.matterName, n.why);
                d.missing.append({line.name, why.join(QStringLiteral("；")), supplyText(line),
                    line.status == MaterialLine::Status::Tolerated});
            }
            break;
        }
    }
    if (in.kind == DocumentKind::Receipt || in.kind == DocumentKind::ToleratedNotice)
        d.promisedDate = in.promisedDate;
    if (in.kind == DocumentKind::ToleratedNotice)
        d.supplementDeadline = in.checklist->supplementDeadline;
    if (in.kind == DocumentKind::RefusalNotice) {
        d.refusalReason = in.refusalReason;
        if (d.refusalReason.isEmpty()) {
            QStringList reasons;
            for (const checklist::FailedCondition &f : in.checklist->failed)
                reasons << QStringLiteral("%1：%2").arg(f.matterName, f.text);
            d.refusalReason = reasons.join(QStringLiteral("；"));
        }
        if (d.refusalReason.isEmpty())
            return R::failure(tr("A refusal needs its reason."));
    }
    d.window = config.windowName;
    d.clerk = config.clerk;
    d.issuedAt = in.issuedAt;
    d.courier = in.courier;
    d.contact = config.contact;
    d.provisional = in.provisional;
    // Signed by a sample or demo key: marked so on the paper (and never trusted as genuine).
    if (receipt::KeyRing::isDemoKeyId(key.keyId()))
        d.specimen = receipt::KeyRing::isSampleKeyId(key.keyId()) ? receipt::Specimen::Sample : receipt::Specimen::Demo;

    receipt::QrPayload payload;
    payload.kind = receipt::ReceiptDocument::kindCode(in.kind);
    payload.caseId = in.caseId;
    payload.caseNumber = in.caseNumber;
    payload.issued = in.issuedAt.date();
    payload.keyId = key.keyId();
    const auto signature = key.sign(payload.signedPart());
    if (!signature)
        return R::failure(signature.error());
    payload.signature = signature.value();
    d.qrPayload = payload.encode();
    return d;
}

} // namespace ow::intake
