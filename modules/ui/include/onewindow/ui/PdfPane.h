#pragma once

#include "onewindow/scan/PdfPages.h"

#include <QByteArray>
#include <QImage>
#include <QSizeF>

class QAbstractScrollArea;
class QWidget;

namespace ow::ui {

// A PDF shown in a scroll area (QPdfView): the decided document's A4 preview (DocumentView) and
// a material's scanned pages (ScanPanel). Made by the plugin onewindow-pdf.so (modules/pdf,
// app/pdf), loaded by PdfPlugin after the client's first paint, so that the client's start never
// loads QtPdf (issue 25). A plain interface: the plugin does not link ow_ui.
class PdfPane
{
public:
    enum class Layout { OnePage, AllPages };

    // The view: a child of the parent given at creation, which deletes it (and this pane).
    virtual QAbstractScrollArea *view() = 0;
    // Shows `pdf` (a copy is kept); an empty one shows nothing.
    virtual void setPdf(const QByteArray &pdf) = 0;
    virtual int pageCount() const = 0;
    virtual QSizeF pagePointSize(int page) const = 0;
    virtual QImage render(int page, const QSize &pixels) = 0;
    virtual int currentPage() const = 0;
    virtual void goToPage(int page) = 0;
    virtual void zoomBy(double factor) = 0; // leaves fit-to-width
    virtual void fitToWidth() = 0;
    virtual bool fitsToWidth() const = 0;
    // Asks for a printer (Qt's print dialog over `dialogParent`, A4 preset) and prints every page
    // fitted to it; false when the clerk cancelled or nothing is shown. Qt PrintSupport is the
    // plugin's, so the client's start never loads it either (issue 25).
    virtual bool printA4(QWidget *dialogParent) = 0;

protected:
    ~PdfPane() = default; // deleted with its view
};

// The entry point of onewindow-pdf.so:
//   extern "C" const PdfApi *onewindow_pdf()
// Called on the GUI thread: it starts PDFium there, once, before anything renders.
struct PdfApi
{
    static constexpr int CurrentVersion = 2; // 2: PdfPane::printA4
    static constexpr char EntryPoint[] = "onewindow_pdf";

    int version;
    PdfPane *(*createPane)(QWidget *parent, PdfPane::Layout layout);
    scan::PdfPagesOpener openPages;
};

using PdfEntry = const PdfApi *(*)();

} // namespace ow::ui
