#include "onewindow/receipt/EscPosReceipt.h"

#include "onewindow/printer/EscPosDocument.h"
#include "onewindow/receipt/DocumentLayout.h"

namespace ow::receipt {

using printer::EscPosDocument;

Result<QList<QByteArray>> EscPosReceipt::blocks(const ReceiptDocument &doc, const printer::PrinterProfile &profile)
{
    EscPosDocument out(profile);
    out.initialize();
    for (const Block &b : DocumentLayout::blocks(doc)) {
        switch (b.type) {
        case Block::Type::Title:
            out.align(EscPosDocument::Align::Center)
                .bold(true)
                .doubleSize(true)
                .line(b.text)
                .doubleSize(false)
                .bold(false);
            out.align(EscPosDocument::Align::Left).feed(1);
            break;
        case Block::Type::Note: out.line(b.text); break;
        case Block::Type::Field: out.bold(true).text(b.label + QStringLiteral("：")).bold(false).line(b.text); break;
        case Block::Type::Heading: out.feed(1).bold(true).line(b.text).bold(false).rule(); break;
        case Block::Type::Item:
            out.line(QStringLiteral("· ") + b.label);
            if (!b.text.isEmpty())
                out.line(QStringLiteral("  ") + b.text);
            if (!b.detail.isEmpty())
                out.line(QStringLiteral("  ") + b.detail);
            break;
        case Block::Type::Rule: out.rule(u'='); break;
        case Block::Type::Qr: {
            EscPosDocument::QrOptions qr;
            qr.moduleSize = profile.dotsPerLine >= 576 ? 6 : 4;
            out.feed(1).align(EscPosDocument::Align::Center).qr(b.text, qr).align(EscPosDocument::Align::Left);
            out.align(EscPosDocument::Align::Center)
                .line(tr("Scan to check this document"))
                .align(EscPosDocument::Align::Left);
            break;
        }
        }
    }
    out.feed(1).line(tr("Applicant's signature:")).feed(2).cut();
    return out.blocks();
}

Result<QByteArray> EscPosReceipt::bytes(const ReceiptDocument &doc, const printer::PrinterProfile &profile)
{
    auto b = blocks(doc, profile);
    if (!b)
        return Result<QByteArray>::failure(b.error());
    QByteArray all;
    for (const QByteArray &part : b.value())
        all += part;
    return all;
}

} // namespace ow::receipt
