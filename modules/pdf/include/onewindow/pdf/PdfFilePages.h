#pragma once

#include "onewindow/scan/PdfPages.h"

#include <memory>

class QPdfDocument;

namespace ow::pdf {

// A PDF file opened with QtPdf for scan::PageImporter (scan::PdfPagesOpener).
class PdfFilePages : public scan::PdfPages
{
public:
    // PDFium's one start, on the GUI thread after the QGuiApplication is made, before any view
    // renders or any import thread opens a file: one QPdfDocument kept until the application
    // goes. Again: nothing. (PdfSupport::start calls it; so does onewindow-tool.)
    static void startPdfium();
    // nullptr when `path` is not a readable PDF.
    static std::unique_ptr<scan::PdfPages> open(const QString &path);
    ~PdfFilePages() override;

    int pageCount() const override;
    QSizeF pagePointSize(int page) const override;
    QImage render(int page, const QSize &pixels) const override;

private:
    PdfFilePages();
    std::unique_ptr<QPdfDocument> m_document;
};

} // namespace ow::pdf
