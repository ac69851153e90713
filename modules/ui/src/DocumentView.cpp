#include "onewindow/ui/DocumentView.h"

#include "onewindow/ui/LocalisedFileModel.h"

#include "ui_DocumentView.h"

#include <QBuffer>
#include <QEvent>
#include <QPainter>
#include <QPdfDocument>
#include <QPrintDialog>
#include <QPrinter>
#include <QSaveFile>

namespace ow::ui {

DocumentView::DocumentView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DocumentView>())
    , m_document(new QPdfDocument(this))
    , m_buffer(new QBuffer(this))
{
    m_ui->setupUi(this);
    m_ui->pdfView->setDocument(m_document);
    m_ui->pdfView->setPageMode(QPdfView::PageMode::MultiPage);
    m_ui->pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
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
    m_document->close();
    m_buffer->close();
    m_pdf = pdf;
    // Nothing to print on A4 or save until the PDF is there.
    m_ui->printA4Button->setEnabled(!m_pdf.isEmpty());
    m_ui->savePdfButton->setEnabled(!m_pdf.isEmpty());
    if (m_pdf.isEmpty())
        return;
    m_buffer->setData(m_pdf);
    m_buffer->open(QIODevice::ReadOnly);
    m_document->load(m_buffer);
}

void DocumentView::setPrinterStatus(const QString &text, bool ok)
{
    m_ui->printerStatusLabel->setText(text);
    m_ui->printerStatusLabel->setStyleSheet(ok ? QStringLiteral("color:#1b7f3b;") : QStringLiteral("color:#b00020;"));
}

int DocumentView::pdfPageCount() const
{
    return m_document->pageCount();
}

void DocumentView::printA4()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QPainter painter(&printer);
    const QRect page = painter.viewport();
    for (int i = 0; i < m_document->pageCount(); ++i) {
        if (i > 0)
            printer.newPage();
        const QSizeF points = m_document->pagePointSize(i);
        const QSize pixels = points.scaled(page.size(), Qt::KeepAspectRatio).toSize();
        painter.drawImage(QRect(page.topLeft(), pixels), m_document->render(i, pixels));
    }
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
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QWidget::changeEvent(event);
}

} // namespace ow::ui
