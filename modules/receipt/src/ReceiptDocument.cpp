#include "onewindow/receipt/ReceiptDocument.h"

namespace ow::receipt {

QString ReceiptDocument::title() const
{
    switch (kind) {
    case DocumentKind::Receipt: return tr("Acceptance receipt");
    case DocumentKind::OneTimeNotice: return tr("One-time notice of missing materials");
    case DocumentKind::ToleratedNotice: return tr("Notice of conditional acceptance (materials to supplement)");
    case DocumentKind::RefusalNotice: return tr("Notice of non-acceptance");
    }
    return {};
}

QString ReceiptDocument::specimenMark() const
{
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
