#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/scan/Page.h"

#include <QByteArray>
#include <QCoreApplication>

namespace ow::scan {

// One material's pages as one PDF (QPdfWriter): each page keeps its physical size (an A4 scan
// at 200 dpi is an A4 page); 1-bit pages are stored as 1-bit images.
class PdfAssembler
{
    Q_DECLARE_TR_FUNCTIONS(PdfAssembler)

public:
    [[nodiscard]] static Result<QByteArray> assemble(const Pages &pages, const QString &title);
};

} // namespace ow::scan
