#pragma once

#include "onewindow/ui/PdfPane.h"

namespace ow::pdf {

// The PDF functions (ui::PdfApi), which the plugin onewindow-pdf.so's entry point returns. The
// first call, on the GUI thread, starts PDFium (PdfFilePages::startPdfium).
const ui::PdfApi *start();

} // namespace ow::pdf
