#include "onewindow/pdf/PdfFilePages.h"

#include <QCoreApplication>
#include <QPdfDocument>
#include <QThread>

namespace ow::pdf {

PdfFilePages::PdfFilePages()
    : m_document(std::make_unique<QPdfDocument>())
{ }

PdfFilePages::~PdfFilePages() = default;

void PdfFilePages::startPdfium()
{
    static bool started = false;
    if (started)
        return;
    Q_ASSERT(QCoreApplication::instance() && QThread::currentThread() == QCoreApplication::instance()->thread());
    started = true;
    // Deleted with the application, after every view and import.
    new QPdfDocument(QCoreApplication::instance());
}

std::unique_ptr<scan::PdfPages> PdfFilePages::open(const QString &path)
{
    std::unique_ptr<PdfFilePages> pages(new PdfFilePages);
    if (pages->m_document->load(path) != QPdfDocument::Error::None
        || pages->m_document->status() != QPdfDocument::Status::Ready)
        return nullptr;
    return pages;
}

int PdfFilePages::pageCount() const
{
    return m_document->pageCount();
}

QSizeF PdfFilePages::pagePointSize(int page) const
{
    return m_document->pagePointSize(page);
}

QImage PdfFilePages::render(int page, const QSize &pixels) const
{
    return m_document->render(page, pixels);
}

} // namespace ow::pdf
