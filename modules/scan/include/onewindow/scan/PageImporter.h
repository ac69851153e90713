#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/scan/Page.h"
#include "onewindow/scan/PdfPages.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

namespace ow::scan {

// What an import may cost: a file or page above these is refused with a message, before any
// large allocation (a 20,000 × 20,000 PNG is only a header until it is decoded).
struct ImportLimits
{
    qint64 maxFileBytes = 256LL * 1024 * 1024;
    qint64 maxPixels = 64LL * 1000 * 1000; // A3 at 600 dpi is 70 MP, A4 at 600 dpi 35 MP
    int maxSide = 12000;
    int maxPages = 500;
    double pdfDpi = 200; // PDF pages are rendered at this resolution
};

// Pages from JPEG, PNG, TIFF (every page) and PDF files. The type comes from the bytes, not the
// name. EXIF orientation is applied. Every refusal names the file. A page's resolution is the one
// its file states when that makes a paper-sized page; an untagged picture (a PNG without pHYs, a
// TIFF without a unit) or an implausible one (a phone's 72 dpi on a 4000-pixel photo) is the
// paper it came from: A4 by default, US letter when its proportions are letter's.
class PageImporter
{
    Q_DECLARE_TR_FUNCTIONS(PageImporter)

public:
    [[nodiscard]] static Result<Pages> importFile(const QString &path, const ImportLimits &limits = {});
    [[nodiscard]] static Result<Pages> importBytes(
        const QByteArray &bytes, const QString &name, const ImportLimits &limits = {});

    enum class Kind { Unknown, Jpeg, Png, Tiff, Pdf };
    static Kind sniff(const QByteArray &head);
    // The resolution of a picture of `pixels`: `declaredDpi` (0: none) when it makes a page of
    // A3 or smaller, else the dpi that fits the picture to A4 or letter, upright or turned.
    static double resolutionFor(const QSize &pixels, double declaredDpi);
    // For file dialogs: "*.jpg *.jpeg *.png *.tif *.tiff *.pdf".
    static QStringList nameFilters();

    // How PDF files are opened (modules/pdf, in the client through the plugin onewindow-pdf.so):
    // set once on the GUI thread before imports run; until then, or with nullptr, a PDF is
    // refused with `unavailable` (why PDF import is not there) in its message.
    static void setPdfOpener(PdfPagesOpener opener, const QString &unavailable = {});

private:
    static Result<Pages> importImage(
        const QByteArray &bytes, Kind kind, const QString &name, const ImportLimits &limits);
    static Result<Pages> importPdf(const QString &path, const QString &name, const ImportLimits &limits);
};

} // namespace ow::scan
