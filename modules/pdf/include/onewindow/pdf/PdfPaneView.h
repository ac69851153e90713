#pragma once

#include "onewindow/ui/PdfPane.h"

#include <QPdfView>

class QBuffer;
class QPdfDocument;

namespace ow::pdf {

// ui::PdfPane as a QPdfView over its own QPdfDocument, read from a copy of the bytes shown.
class PdfPaneView : public QPdfView, public ui::PdfPane
{
    Q_OBJECT

public:
    PdfPaneView(QWidget *parent, ui::PdfPane::Layout layout);
    ~PdfPaneView() override;

    QAbstractScrollArea *view() override { return this; }
    void setPdf(const QByteArray &pdf) override;
    int pageCount() const override;
    QSizeF pagePointSize(int page) const override;
    QImage render(int page, const QSize &pixels) override;
    int currentPage() const override;
    void goToPage(int page) override;
    void zoomBy(double factor) override;
    void fitToWidth() override;
    bool fitsToWidth() const override;
    bool printA4(QWidget *dialogParent) override;

private:
    QPdfDocument *m_document;
    QBuffer *m_buffer;
    QByteArray m_bytes;
};

} // namespace ow::pdf
