#include "onewindow/pdf/PdfPaneView.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPrintDialog>
#include <QPrinter>

#include <algorithm>

namespace ow::pdf {

PdfPaneView::PdfPaneView(QWidget *parent, ui::PdfPane::Layout layout)
    : QPdfView(parent)
    , m_document(new QPdfDocument(this))
    , m_buffer(new QBuffer(this))
{
    setDocument(m_document);
    setPageMode(layout == ui::PdfPane::Layout::AllPages ? PageMode::MultiPage : PageMode::SinglePage);
    setZoomMode(ZoomMode::FitToWidth);
}

PdfPaneView::~PdfPaneView()
{
    // The view stops reading the document before the document goes.
    setDocument(nullptr);
}

void PdfPaneView::setPdf(const QByteArray &pdf)
{
    m_document->close();
    m_buffer->close();
    m_bytes = pdf;
    if (m_bytes.isEmpty())
        return;
    m_buffer->setData(m_bytes);
    m_buffer->open(QIODevice::ReadOnly);
    m_document->load(m_buffer);
}

int PdfPaneView::pageCount() const
{
    return m_document->pageCount();
}

QSizeF PdfPaneView::pagePointSize(int page) const
{
    return m_document->pagePointSize(page);
}

QImage PdfPaneView::render(int page, const QSize &pixels)
{
    return m_document->render(page, pixels);
}

int PdfPaneView::currentPage() const
{
    return pageNavigator()->currentPage();
}

void PdfPaneView::goToPage(int page)
{
    pageNavigator()->jump(page, {}, pageNavigator()->currentZoom());
}

void PdfPaneView::zoomBy(double factor)
{
    setZoomMode(ZoomMode::Custom);
    setZoomFactor(std::clamp(zoomFactor() * factor, 0.1, 8.0));
}

void PdfPaneView::fitToWidth()
{
    setZoomMode(ZoomMode::FitToWidth);
}

bool PdfPaneView::fitsToWidth() const
{
    return zoomMode() == ZoomMode::FitToWidth;
}

bool PdfPaneView::printA4(QWidget *dialogParent)
{
    if (m_document->pageCount() <= 0)
        return false;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    QPrintDialog dialog(&printer, dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    QPainter painter(&printer);
    const QRect page = painter.viewport();
    for (int i = 0; i < m_document->pageCount(); ++i) {
        if (i > 0)
            printer.newPage();
        const QSizeF points = m_document->pagePointSize(i);
        const QSize pixels = points.scaled(page.size(), Qt::KeepAspectRatio).toSize();
        painter.drawImage(QRect(page.topLeft(), pixels), m_document->render(i, pixels));
    }
    return true;
}

} // namespace ow::pdf
