#include "onewindow/receipt/SlipLayout.h"

#include "onewindow/i18n/DocumentLanguage.h"

#include <QLocale>

namespace ow::receipt {

QList<Block> SlipLayout::blocks(const HandoutSlip &slip)
{
    using T = Block::Type;
    const i18n::DocumentLanguage inItsLanguage(slip.language);
    const QString mark = slip.specimen == Specimen::Sample ? tr("SAMPLE — not a valid document")
        : slip.specimen == Specimen::Demo                  ? tr("DEMO — not a valid document")
                                                           : QString();
    QList<Block> b;
    if (!mark.isEmpty())
        b << Block {T::Title, {}, mark, {}};
    if (!slip.office.isEmpty())
        b << Block {T::Note, {}, slip.office, {}};
    b << Block {T::Title, {}, slip.title(), {}};
    b << Block {T::Field, tr("Case number"), slip.caseNumber, {}};
    b << Block {
        T::Field, tr("Applicant"), QStringLiteral("%1  %2").arg(slip.applicantName, slip.applicantId).trimmed(), {}};
    if (slip.kind == SlipKind::Handout) {
        if (!slip.collectorName.isEmpty()) {
            b << Block {T::Field, tr("Collected by (agent)"),
                QStringLiteral("%1  %2").arg(slip.collectorName, slip.collectorId).trimmed(), {}};
            if (slip.authorisation)
                b << Block {T::Note, {}, tr("The applicant's letter of authorisation was taken in."), {}};
        } else {
            b << Block {T::Field, tr("Collected by"), tr("the applicant in person"), {}};
        }
    } else {
        b << Block {T::Field, tr("Recipient"), slip.recipient, {}};
        b << Block {T::Field, tr("Address"), slip.address, {}};
        b << Block {T::Field, tr("Carrier"), slip.carrier, {}};
        b << Block {T::Field, tr("Tracking number"), slip.tracking, {}};
    }
    b << Block {T::Heading, {}, slip.kind == SlipKind::Handout ? tr("Handed out") : tr("Sent"), {}};
    for (const SlipItem &i : slip.items) {
        const QString what = i.outcome == QLatin1String("rejected") ? tr("decision letter: %1").arg(i.given)
                                                                    : tr("result: %1").arg(i.given);
        b << Block {T::Item, i.matter, i.department, what};
    }
    b << Block {T::Rule, {}, {}, {}};
    if (slip.visits > 0)
        b << Block {T::Field, tr("Visits until the result"),
            slip.visits <= 1 ? tr("1 (at most one visit)") : QString::number(slip.visits), {}};
    b << Block {T::Field, tr("Window"), slip.window, {}};
    b << Block {T::Field, tr("Clerk"), slip.clerk, {}};
    b << Block {
        T::Field, tr("Date"), i18n::DocumentLanguage::locale().toString(slip.issuedAt, QLocale::ShortFormat), {}};
    if (!mark.isEmpty())
        b << Block {T::Title, {}, mark, {}};
    if (!slip.qrPayload.isEmpty())
        b << Block {T::Qr, {}, slip.qrPayload, {}};
    return b;
}

} // namespace ow::receipt
