#pragma once

#include <QImage>
#include <QSizeF>
#include <QString>

#include <memory>

namespace ow::scan {

// A PDF file opened for import (PageImporter): its pages' sizes and renderings. Implemented with
// QtPdf in modules/pdf, which the client loads as the plugin onewindow-pdf.so after its first
// paint (ui::PdfPlugin), so that neither ow_scan nor the client's start links QtPdf (issue 25).
class PdfPages
{
public:
    virtual ~PdfPages() = default;
    virtual int pageCount() const = 0;
    virtual QSizeF pagePointSize(int page) const = 0;
    // The page at `pixels`, transparent where the page is; a null image when it cannot be drawn.
    virtual QImage render(int page, const QSize &pixels) const = 0;
};

// Opens the PDF file at `path`; nullptr when it is not a readable PDF. Safe on any thread once
// the implementation has been started on the GUI thread.
using PdfPagesOpener = std::unique_ptr<PdfPages> (*)(const QString &path);

} // namespace ow::scan
