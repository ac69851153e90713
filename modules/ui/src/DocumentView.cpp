#include "onewindow/ui/DocumentView.h"

#include "onewindow/ui/LocalisedFileModel.h"
#include "onewindow/ui/PdfArea.h"

#include "ui_DocumentView.h"

#include <QAbstractScrollArea>
#include <QEvent>
#include <QSaveFile>

namespace ow::ui {

DocumentView::DocumentView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DocumentView>())
{
    m_ui->setupUi(this);
    m_pdfArea = std::make_unique<PdfArea>(m_ui->pdfArea, QStringLiteral("pdfView"), PdfPane::Layout::AllPages);
    connect(m_ui->printReceiptButton, &QPushButton::clicked, this, &DocumentView::printReceiptRequested);
    connect(m_ui->finishButton, &QPushButton::clicked, this, &DocumentView::finishRequested);
    connect(m_ui->printA4Button, &QPushButton::clicked, this, &DocumentView::printA4);
    connect(m_ui->savePdfButton, &QPushButton::clicked, this, &DocumentView::savePdf);
}

DocumentView::~DocumentView() = default;

void DocumentView::setDocument(const QString &title, const QImage &receipt, const QByteArray &pdf)
{
    m_ui->titleLabel->setText(title);
    m_receipt = receipt;
    if (receipt.isNull())
        m_ui->receiptLabel->clear(); // being rendered
    else
        m_ui->receiptLabel->setPixmap(QPixmap::fromImage(receipt.scaledToWidth(288, Qt::SmoothTransformation)));
    m_pdf = pdf;
    // Nothing to print on A4 or save until the PDF is there; printing on A4 needs the PDF viewer.
    PdfPane *pane = m_pdf.isEmpty() ? m_pdfArea->existing() : m_pdfArea->pane();
    m_ui->printA4Button->setEnabled(!m_pdf.isEmpty() && pane);
    m_ui->savePdfButton->setEnabled(!m_pdf.isEmpty());
    if (!pane)
        return;
    pane->setPdf(m_pdf);
    // Fit-to-width with a scroll bar that comes and goes never settles when the page just fits
    // (the bar narrows the page, which then fits; without it the page no longer fits): the
    // window froze after every decision. The vertical bar stays; a page fitted to the width
    // needs no horizontal one.
    pane->view()->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    pane->view()->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

void DocumentView::setPrinterStatus(const QString &text, bool ok)
{
    m_ui->printerStatusLabel->setText(text);
    m_ui->printerStatusLabel->setStyleSheet(ok ? QStringLiteral("color:#1b7f3b;") : QStringLiteral("color:#b00020;"));
}

int DocumentView::pdfPageCount() const
{
    const PdfPane *pane = m_pdfArea->existing();
    return pane ? pane->pageCount() : 0;
}

void DocumentView::printA4()
{
    PdfPane *pane = m_pdfArea->existing();
    if (!pane)
        return; // the button is enabled with a PDF shown only
    if (!pane->printA4(this))
        return;
    Q_EMIT handedOver(QStringLiteral("a4-printer"));
}

void DocumentView::savePdf()
{
    const QString path = LocalisedFileModel::saveFileName(this, tr("Save the document"), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(m_pdf) != m_pdf.size() || !f.commit())
        setPrinterStatus(tr("Saving %1 failed: %2").arg(path, f.errorString()), false);
    else
        Q_EMIT handedOver(QStringLiteral("pdf"));
}

void DocumentView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        if (PdfPane *pane = m_pdfArea->existing())
            pane->view()->setAccessibleName(m_ui->pdfArea->accessibleName());
    }
    QWidget::changeEvent(event);
}

} // namespace ow::ui
