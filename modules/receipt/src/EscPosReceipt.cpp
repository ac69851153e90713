#include "onewindow/receipt/EscPosReceipt.h"

#include "onewindow/i18n/DocumentLanguage.h"
#include "onewindow/printer/EscPosDocument.h"
#include "onewindow/receipt/DocumentLayout.h"
#include "onewindow/receipt/QrCache.h"
#include "onewindow/receipt/SlipLayout.h"
#include "onewindow/receipt/TextWrap.h"

namespace ow::receipt {

using printer::EscPosDocument;

namespace {

qreal columns(const QString &s)
{
    qreal n = 0;
    for (const QChar c : s) {
        if (!c.isLowSurrogate())
            n += EscPosDocument::columnsOf(c);
    }
    return n;
}

// "案件编号：" in Chinese, "Case number: " otherwise.
QString labelled(const QString &label)
{
    return label + (!label.isEmpty() && label.back().unicode() >= 0x2E80 ? QStringLiteral("：") : QStringLiteral(": "));
}

// Lines of `text` for a slip `width` columns wide, `used` of them taken on the first line,
// each continuation line starting with `indent`.
QStringList slipLines(const QString &text, int used, int width, const QString &indent = {})
{
    const int in = int(columns(indent));
    QStringList lines = TextWrap::wrap(text, width - used, width - in, columns);
    for (qsizetype i = 1; i < lines.size(); ++i)
        lines[i].prepend(indent);
    return lines;
}

void put(EscPosDocument &out, const QStringList &lines)
{
    for (const QString &l : lines)
        out.line(l);
}

Result<QList<QByteArray>> render(
    const QList<Block> &blocks, const QString &signature, const printer::PrinterProfile &profile)
{
    EscPosDocument out(profile);
    out.initialize();
    const int width = profile.columns();
    const QString indent = QStringLiteral("  ");
    for (const Block &b : blocks) {
        switch (b.type) {
        case Block::Type::Title:
            out.align(EscPosDocument::Align::Center).bold(true).doubleSize(true);
            put(out, slipLines(b.text, 0, width / 2));
            out.doubleSize(false).bold(false);
            out.align(EscPosDocument::Align::Left).feed(1);
            break;
        case Block::Type::Note: put(out, slipLines(b.text, 0, width)); break;
        case Block::Type::Field: {
            const QString label = labelled(b.label);
            out.bold(true).text(label).bold(false);
            put(out, slipLines(b.text, int(columns(label)), width));
            break;
        }
        case Block::Type::Heading:
            out.feed(1).bold(true);
            put(out, slipLines(b.text, 0, width));
            out.bold(false).rule();
            break;
        case Block::Type::Item:
            put(out, slipLines(QStringLiteral("· ") + b.label, 0, width, indent));
            for (const QString &more : {b.text, b.detail}) {
                if (more.isEmpty())
                    continue;
                QStringList lines = slipLines(more, int(columns(indent)), width, indent);
                lines.first().prepend(indent);
                put(out, lines);
            }
            break;
        case Block::Type::Rule: out.rule(u'='); break;
        case Block::Type::Qr: {
            EscPosDocument::QrOptions qr;
            qr.moduleSize = profile.dotsPerLine >= 576 ? 6 : 4;
            // Encoded once per decided document (the payload carries its digest): reprints reuse it.
            const QByteArray payload = b.text.toUtf8();
            const auto symbol = QrCache::escPos(payload, qr.errorCorrection);
            out.feed(1).align(EscPosDocument::Align::Center);
            if (symbol)
                out.qrEncoded(payload, symbol.value(), qr);
            else
                out.qrBytes(payload, qr); // reports the encoder's error
            out.align(EscPosDocument::Align::Left);
            out.align(EscPosDocument::Align::Center)
                .line(EscPosReceipt::tr("Scan to check this document"))
                .align(EscPosDocument::Align::Left);
            break;
        }
        }
    }
    out.feed(1);
    put(out, slipLines(signature, 0, width));
    out.feed(2).cut();
    return out.blocks();
}

} // namespace

Result<QList<QByteArray>> EscPosReceipt::blocks(const ReceiptDocument &doc, const printer::PrinterProfile &profile)
{
    const i18n::DocumentLanguage inItsLanguage(doc.language); // the slip's own words too
    return render(DocumentLayout::blocks(doc), tr("Applicant's signature:"), profile);
}

Result<QList<QByteArray>> EscPosReceipt::blocks(const HandoutSlip &slip, const printer::PrinterProfile &profile)
{
    const i18n::DocumentLanguage inItsLanguage(slip.language);
    return render(SlipLayout::blocks(slip), tr("Collector's signature:"), profile);
}

void EscPosReceipt::prepare(const ReceiptDocument &doc)
{
    if (!doc.qrPayload.isEmpty())
        QrCache::prepare(doc.qrPayload.toUtf8(), EscPosDocument::QrOptions().errorCorrection);
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
