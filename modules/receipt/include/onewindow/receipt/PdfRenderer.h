#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/receipt/HandoutSlip.h"
#include "onewindow/receipt/ReceiptDocument.h"

#include <QByteArray>
#include <QCoreApplication>

namespace ow::receipt {

// Renders a document to an A4 PDF with QPdfWriter; the CJK font is embedded (subset).
// Needs a QGuiApplication (fonts); use the offscreen platform where there is no display.
class PdfRenderer
{
    Q_DECLARE_TR_FUNCTIONS(PdfRenderer)

public:
    static Result<QByteArray> render(const ReceiptDocument &doc);
    // A hand-out or dispatch slip (SlipLayout), on the same page as a receipt.
    static Result<QByteArray> render(const HandoutSlip &slip);
};

} // namespace ow::receipt
