#pragma once

#include <QImage>
#include <QWidget>

#include <memory>

namespace Ui {
class DocumentView;
}

namespace ow::ui {

class PdfArea;

// The decided document, as the applicant will get it: the receipt slip as the printer prints it
// (rendered from the ESC/POS bytes) and the A4 PDF in a QPdfView, with print and save actions.
// The PDF view comes from the plugin onewindow-pdf.so (PdfArea), made when the first PDF is shown;
// without the plugin the clerk reads why in its place, and can still save the PDF.
class DocumentView : public QWidget
{
    Q_OBJECT

public:
    explicit DocumentView(QWidget *parent = nullptr);
    ~DocumentView() override;

    // A null receipt image and an empty PDF: the previews are still being rendered.
    void setDocument(const QString &title, const QImage &receipt, const QByteArray &pdf);
    void setPrinterStatus(const QString &text, bool ok);
    QByteArray pdf() const { return m_pdf; }
    const QImage &receiptImage() const { return m_receipt; }
    // 0 when no PDF is shown (none yet, or no PDF viewer).
    int pdfPageCount() const;

Q_SIGNALS:
    void printReceiptRequested();
    void finishRequested();
    // The A4 document went out: "a4-printer" or "pdf" (saved to a file).
    void handedOver(const QString &target);

protected:
    void changeEvent(QEvent *event) override;

private:
    void printA4();
    void savePdf();

    std::unique_ptr<Ui::DocumentView> m_ui;
    std::unique_ptr<PdfArea> m_pdfArea;
    QByteArray m_pdf;
    QImage m_receipt;
};

} // namespace ow::ui
