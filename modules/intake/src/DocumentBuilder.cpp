#include "onewindow/intake/DocumentBuilder.h"

#include "onewindow/i18n/DocumentLanguage.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/QrPayload.h"

#include <algorithm>

namespace ow::intake {

using checklist::MaterialLine;
using receipt::DocumentKind;

QString DocumentBuilder::receivedText(const MaterialLine &line)
{
    if (!line.producedBy.isEmpty())
        return tr("issued within this matter by %1")
            .arg(line.producedByName.isEmpty() ? line.producedBy : line.producedByName);
    if (line.waivedByELicence)
        return tr("e-licence %1 pulled; no paper needed").arg(line.eLicence);
    if (line.mode == AcceptanceMode::VerifyOriginalTakeCopy && line.status == MaterialLine::Status::Received)
        return tr("original verified and returned; %n copy(ies) kept", nullptr, std::max(1, line.recordedCopies));
    if (line.recordedOriginals > 0)
        return tr("%n original(s) received", nullptr, line.recordedOriginals);
    if (line.recordedCopies > 0)
        return tr("%n copy(ies) received", nullptr, line.recordedCopies);
    return tr("received");
}

QString DocumentBuilder::deadlineNote(const checklist::Checklist &checklist)
{
    int allowed = 0;
    for (const MaterialLine &line : checklist.materials) {
        if (line.status == MaterialLine::Status::Tolerated && line.deadlineCapped)
            allowed = std::max(allowed, line.supplementDays);
    }
    if (allowed == 0)
        return {};
    return tr("The catalogue allows up to %1 working days; the deadline is brought forward to %2 working "
              "day(s) because %3 promises its result within that time and the materials must be in first.")
        .arg(allowed)
        .arg(checklist.promiseCapDays)
        .arg(checklist.promiseCapMatter);
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
    // The separators are translated too: Chinese text takes Chinese punctuation.
    if (!line.eLicence.isEmpty())
        what = tr("%1; %2").arg(what, tr("or allow the window to pull the e-licence %1").arg(line.eLicence));
    if (!line.shortfall.isEmpty())
        what = tr("%1 (%2)").arg(what, line.shortfall);
    if (!line.howToSupply.isEmpty())
        what = tr("%1; %2").arg(line.howToSupply, what);
    return what;
}

QString DocumentBuilder::refusalReason(const checklist::Checklist &checklist)
{
    QStringList reasons;
    for (const checklist::FailedCondition &f : checklist.failed)
        reasons << tr("%1: %2").arg(f.matterName, f.fact.isEmpty() ? f.text : f.fact);
    return reasons.join(tr("; "));
}

Result<receipt::ReceiptDocument> DocumentBuilder::build(
    const Input &in, const WindowConfig &config, const receipt::WindowKey &key)
{
    using R = Result<receipt::ReceiptDocument>;
    if (!in.applicant || !in.checklist)
        return R::failure(tr("The case has no applicant or no checklist yet."));
    // Written in the window's document language, whatever the process and the clerk's screen speak.
    const QString language = i18n::DocumentLanguage::normalised(config.documentLanguage);
    if (language.isEmpty())
        return R::failure(
            tr("Documents cannot be written in \"%1\"; set the window's document language to zh_CN or en.")
                .arg(config.documentLanguage));
    const i18n::DocumentLanguage inItsLanguage(language);
    receipt::ReceiptDocument d;
    d.kind = in.kind;
    d.language = language;
    d.office = config.office;
    d.caseId = in.caseId;
    d.caseNumber = in.caseNumber;
    d.applicantName = in.applicant->maskedName();
    d.applicantId = in.applicant->maskedNumber();
    d.applicantDocument = in.applicant->documentLine();
    if (in.agent) {
        d.agentName = in.agent->maskedName();
        d.agentId = in.agent->maskedNumber();
        d.agentDocument = in.agent->documentLine();
    }
    for (const CaseParty &p : in.moreParties)
        d.otherParties.append({p.applicant.maskedName(), p.applicant.maskedNumber(),
            p.agent ? p.agent->maskedName() : QString(), p.agent ? p.agent->maskedNumber() : QString(),
            p.applicant.documentLine(), p.agent ? p.agent->documentLine() : QString()});
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
                    why << tr("%1: %2").arg(n.matterName, n.why);
                const bool tolerated = line.status == MaterialLine::Status::Tolerated;
                d.missing.append({line.name, why.join(tr("; ")), supplyText(line), tolerated,
                    tolerated ? line.supplementDeadline : QDate()});
            }
            break;
        }
    }
    if (in.kind == DocumentKind::Receipt || in.kind == DocumentKind::ToleratedNotice)
        d.promisedDate = in.promisedDate;
    if (in.kind == DocumentKind::ToleratedNotice) {
        d.supplementDeadline = in.checklist->supplementDeadline;
        d.deadlineNote = deadlineNote(*in.checklist);
    }
    for (const checklist::TextCondition &tc : in.checklist->textConditions) {
        if (tc.confirmed && tc.holds)
            d.confirmedConditions.append(tr("%1: %2").arg(tc.matterName, tc.text));
    }
    if (in.kind == DocumentKind::RefusalNotice) {
        d.refusalReason = in.refusalReason;
        if (d.refusalReason.isEmpty())
            d.refusalReason = refusalReason(*in.checklist);
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

    // Freeze first: the document is signed in exactly the form the case log keeps, so the first
    // print and every reprint render the same bytes.
    auto frozen = receipt::ReceiptDocument::fromJson(d.toJson(false));
    if (!frozen)
        return R::failure(frozen.error());
    d = frozen.value();
    receipt::QrPayload payload = receipt::QrPayload::forDocument(d, key.keyId());
    const auto signature = key.sign(payload.signedPart());
    if (!signature)
        return R::failure(signature.error());
    payload.signature = signature.value();
    d.qrPayload = payload.encode();
    return d;
}

} // namespace ow::intake
