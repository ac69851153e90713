#include "onewindow/scan/PdfAssembler.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace ow::scan {

Result<QByteArray> PdfAssembler::assemble(const Pages &pages, const QString &title)
{
    if (pages.isEmpty())
        return Result<QByteArray>::failure(tr("There are no pages to put into a PDF."));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    constexpr int kUnits = 600; // device units per inch: fine enough for any page size
    writer.setResolution(kUnits);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("OneWindow"));
    const auto layoutFor = [](const Page &p) {
        const double dpi = p.dpi > 0 ? p.dpi : 200;
        const QSizeF mm(p.image.width() / dpi * 25.4, p.image.height() / dpi * 25.4);
        return QPageLayout(QPageSize(mm, QPageSize::Millimeter, QString(), QPageSize::ExactMatch),
            QPageLayout::Portrait, QMarginsF(0, 0, 0, 0));
    };
    if (!writer.setPageLayout(layoutFor(pages.first())))
        return Result<QByteArray>::failure(tr("The first page has a size a PDF cannot hold."));
    QPainter painter;
    if (!painter.begin(&writer))
        return Result<QByteArray>::failure(tr("The PDF cannot be written."));
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const Page &p = pages.at(i);
        if (p.image.isNull()) {
            painter.end();
            return Result<QByteArray>::failure(tr("Page %1 has no picture.").arg(i + 1));
        }
        if (i > 0) {
            writer.setPageLayout(layoutFor(p));
            writer.newPage();
        }
        const QRect target(0, 0, writer.width(), writer.height());
        // 1-bit pages (colour table black, white) stay 1-bit with Flate; others become JPEG.
        painter.drawImage(target, p.image);
    }
    if (!painter.end())
        return Result<QByteArray>::failure(tr("The PDF cannot be written."));
    return bytes;
}

} // namespace ow::scan
