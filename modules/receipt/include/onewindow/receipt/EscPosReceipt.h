#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/printer/PrinterProfile.h"
#include "onewindow/receipt/HandoutSlip.h"
#include "onewindow/receipt/ReceiptDocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace ow::receipt {

// Renders a document for the receipt printer: the same blocks as the PDF (DocumentLayout),
// laid out for 58 or 80 mm paper, with the signed QR (native or raster, as the profile says).
class EscPosReceipt
{
    Q_DECLARE_TR_FUNCTIONS(EscPosReceipt)

public:
    // Blocks that must each reach the printer whole (see printer::EscPosDocument::blocks).
    static Result<QList<QByteArray>> blocks(const ReceiptDocument &doc, const printer::PrinterProfile &profile);
    static Result<QByteArray> bytes(const ReceiptDocument &doc, const printer::PrinterProfile &profile);
    // A hand-out or dispatch slip (SlipLayout), laid out like a receipt, signed by the collector.
    static Result<QList<QByteArray>> blocks(const HandoutSlip &slip, const printer::PrinterProfile &profile);
    // Starts encoding the document's QR on a worker thread (QrCache::prepare), to be called as
    // soon as the document is decided and signed: bytes() then finds the symbol ready instead of
    // encoding it after the decision has been stored.
    static void prepare(const ReceiptDocument &doc);
};

} // namespace ow::receipt
