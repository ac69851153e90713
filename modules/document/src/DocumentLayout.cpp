#include "onewindow/receipt/DocumentLayout.h"

#include "onewindow/i18n/DocumentLanguage.h"

#include <QLocale>

namespace ow::receipt {

namespace {

QString longDate(QDate d)
{
    // In the document's language inside its scope (the paper), the UI's outside (the screen).
    return i18n::DocumentLanguage::locale().toString(d, QLocale::LongFormat);
}

} // namespace

QString DocumentLayout::handInBy(QDate day)
{
    return tr("Hand in by %1.").arg(longDate(day));
}

QList<Block> DocumentLayout::blocks(const ReceiptDocument &doc)
{
    using T = Block::Type;
    // Every word and date in the document's language, never the process's (LANG=C, --lang en).
    const i18n::DocumentLanguage inItsLanguage(doc.language);
    QList<Block> b;
    // A sample or demo paper says so first, in the largest type, and again beside the QR code.
    if (doc.specimen != Specimen::None)
        b << Block {T::Title, {}, doc.specimenMark(), {}};
    if (!doc.office.isEmpty())
        b << Block {T::Note, {}, doc.office, {}};
    b << Block {T::Title, {}, doc.title(), {}};
    if (doc.provisional)
        b << Block {T::Note, {}, tr("Accepted offline: provisional until confirmed by the back office."), {}};
    b << Block {T::Field, tr("Case number"), doc.caseNumber, {}};
    // Each party's identity document by its kind, with its validity, under the party.
    auto document = [&b](const QString &text) {
        if (!text.isEmpty())
            b << Block {T::Field, tr("Identity document"), text, {}};
    };
    b << Block {
        T::Field, tr("Applicant"), QStringLiteral("%1  %2").arg(doc.applicantName, doc.applicantId).trimmed(), {}};
    document(doc.applicantDocument);
    if (!doc.agentName.isEmpty()) {
        b << Block {T::Field, tr("Agent"), QStringLiteral("%1  %2").arg(doc.agentName, doc.agentId).trimmed(), {}};
        document(doc.agentDocument);
    }
    for (const PartyLine &p : doc.otherParties) {
        b << Block {T::Field, tr("Applicant"), QStringLiteral("%1  %2").arg(p.name, p.id).trimmed(), {}};
        document(p.document);
        if (!p.agentName.isEmpty()) {
            b << Block {T::Field, tr("Agent"), QStringLiteral("%1  %2").arg(p.agentName, p.agentId).trimmed(), {}};
            document(p.agentDocument);
        }
    }

    b << Block {T::Heading, {}, tr("Matters"), {}};
    for (const MatterLine &m : doc.matters)
        b << Block {T::Item, m.name, m.department, {}};

    if (!doc.received.isEmpty()) {
        b << Block {T::Heading, {}, tr("Materials received"), {}};
        for (const ReceivedLine &r : doc.received)
            b << Block {T::Item, r.material, r.how, {}};
    }

    if (!doc.confirmedConditions.isEmpty()) {
        b << Block {T::Heading, {}, tr("Acceptance conditions confirmed by the clerk"), {}};
        for (const QString &c : doc.confirmedConditions)
            b << Block {T::Note, {}, c, {}};
    }

    switch (doc.kind) {
    case DocumentKind::Receipt:
        if (doc.promisedDate.isValid())
            b << Block {T::Field, tr("Promised completion"), longDate(doc.promisedDate), {}};
        break;
    case DocumentKind::OneTimeNotice:
        b << Block {T::Heading, {}, tr("Materials still needed (all of them, listed at once)"), {}};
        for (const MissingLine &m : doc.missing)
            b << Block {T::Item, m.material, m.why, m.howToSupply};
        b << Block {T::Note, {},
            tr("Bring the materials above to any comprehensive window; show this notice or its QR code "
               "and the case continues where it stopped."),
            {}};
        break;
    case DocumentKind::ToleratedNotice:
        b << Block {T::Heading, {}, tr("Materials to supplement"), {}};
        for (const MissingLine &m : doc.missing) {
            const QString by = m.supplementBy.isValid() ? handInBy(m.supplementBy) : QString();
            b << Block {T::Item, m.material, m.why, by.isEmpty() ? m.howToSupply : tr("%1 %2").arg(by, m.howToSupply)};
        }
        if (doc.supplementDeadline.isValid())
            b << Block {T::Field, tr("Supplement by"), longDate(doc.supplementDeadline), {}};
        if (!doc.deadlineNote.isEmpty())
            b << Block {T::Note, {}, doc.deadlineNote, {}};
        if (doc.promisedDate.isValid())
            b << Block {T::Field, tr("Promised completion"), longDate(doc.promisedDate), {}};
        b << Block {T::Note, {},
            tr("The application is accepted on the applicant's commitment. If the materials are not "
               "supplemented by the date above, the case is closed without a decision."),
            {}};
        break;
    case DocumentKind::RefusalNotice:
        b << Block {T::Field, tr("Reason"), doc.refusalReason, {}};
        b << Block {T::Note, {},
            tr("The applicant may apply for administrative reconsideration or bring an administrative "
               "lawsuit according to law."),
            {}};
        break;
    }

    b << Block {T::Rule, {}, {}, {}};
    b << Block {T::Field, tr("Collect the result"), doc.courier ? tr("by courier") : tr("at the window"), {}};
    b << Block {T::Field, tr("Window"), doc.window, {}};
    b << Block {T::Field, tr("Clerk"), doc.clerk, {}};
    b << Block {
        T::Field, tr("Date"), i18n::DocumentLanguage::locale().toString(doc.issuedAt, QLocale::ShortFormat), {}};
    if (!doc.contact.isEmpty())
        b << Block {T::Field, tr("Contact"), doc.contact, {}};
    if (doc.specimen != Specimen::None)
        b << Block {T::Title, {}, doc.specimenMark(), {}};
    if (!doc.qrPayload.isEmpty())
        b << Block {T::Qr, {}, doc.qrPayload, {}};
    return b;
}

} // namespace ow::receipt
