#include "onewindow/escpossim/ReceiptRenderer.h"

#include "onewindow/escpossim/EscPosParser.h"
#include "onewindow/printer/QrRaster.h"

#include <QFont>
#include <QPainter>
#include <QPen>

namespace ow::escpossim {

namespace {

constexpr int AsciiDots = 12;
constexpr int KanjiDots = 24;
constexpr int CutHeight = 24;
constexpr int QrQuietModules = 4;

int charDots(QChar c)
{
    return c.unicode() < 0x80 ? AsciiDots : KanjiDots;
}

int runDots(const EscPosTextRun &run)
{
    int dots = 0;
    for (QChar c : run.text) {
        if (c.isLowSurrogate())
            continue;
        dots += charDots(c) * run.style.widthScale;
    }
    return dots;
}

ow::printer::MonoBitmap qrBitmap(const EscPosItem &item)
{
    const auto ec = static_cast<ow::printer::QrErrorCorrection>(qBound(0, item.qrErrorCorrection, 3));
    const auto bitmap = ow::printer::QrRaster::render(item.qrData, item.qrModuleSize, ec, QrQuietModules);
    return bitmap ? bitmap.value() : ow::printer::MonoBitmap();
}

int itemHeight(const EscPosItem &item)
{
    switch (item.kind) {
    case EscPosItem::Kind::TextLine: return item.lineHeight;
    case EscPosItem::Kind::Raster: return item.bitmap.height();
    case EscPosItem::Kind::Qr: return qrBitmap(item).height();
    case EscPosItem::Kind::Feed: return item.dots;
    case EscPosItem::Kind::Cut: return CutHeight;
    }
    return 0;
}

void drawBitmap(QImage &image, const ow::printer::MonoBitmap &bitmap, int x0, int y0)
{
    for (int y = 0; y < bitmap.height(); ++y) {
        const int iy = y0 + y;
        if (iy < 0 || iy >= image.height())
            continue;
        uchar *line = image.scanLine(iy);
        for (int x = 0; x < bitmap.width(); ++x) {
            const int ix = x0 + x;
            if (ix >= 0 && ix < image.width() && bitmap.pixel(x, y))
                line[ix] = 0;
        }
    }
}

} // namespace

qint64 ReceiptRenderer::heightOf(const EscPosPage &page, const Options &options)
{
    qint64 height = 2 * qint64(options.marginDots);
    for (const EscPosItem &item : page.items)
        height += itemHeight(item);
    return height;
}

QImage ReceiptRenderer::render(const EscPosPage &page, const Options &options)
{
    const int width = page.dotsPerLine;
    const qint64 height = heightOf(page, options);
    if (height > kMaxHeightDots)
        return {};
    QImage image(width, int(qMax<qint64>(1, height)), QImage::Format_Grayscale8);
    image.fill(255);

    int y = options.marginDots;
    for (const EscPosItem &item : page.items) {
        switch (item.kind) {
        case EscPosItem::Kind::TextLine: {
            int lineDots = 0;
            int maxScale = 1;
            for (const EscPosTextRun &run : item.runs) {
                lineDots += runDots(run);
                maxScale = qMax(maxScale, run.style.heightScale);
            }
            int x = item.align == 1 ? (width - lineDots) / 2 : item.align == 2 ? width - lineDots : 0;
            const int baseTop = y + item.lineHeight - 24 * maxScale - 3; // characters sit on the line's bottom
            QPainter painter(&image);
            painter.setRenderHint(QPainter::TextAntialiasing, true);
            painter.setPen(Qt::black);
            for (const EscPosTextRun &run : item.runs) {
                QFont font(options.fontFamily);
                font.setPixelSize(24 * run.style.heightScale);
                font.setBold(run.style.bold);
                font.setUnderline(run.style.underline);
                if (run.style.widthScale != run.style.heightScale)
                    font.setStretch(100 * run.style.widthScale / run.style.heightScale);
                painter.setFont(font);
                const int cellHeight = 24 * run.style.heightScale;
                const int top = baseTop + 24 * maxScale - cellHeight;
                for (qsizetype i = 0; i < run.text.size(); ++i) {
                    QString c(run.text.at(i));
                    if (run.text.at(i).isHighSurrogate() && i + 1 < run.text.size())
                        c.append(run.text.at(++i));
                    const int cellWidth = charDots(c.at(0)) * run.style.widthScale;
                    painter.drawText(QRect(x, top, cellWidth, cellHeight), Qt::AlignCenter, c);
                    x += cellWidth;
                }
            }
            break;
        }
        case EscPosItem::Kind::Raster: drawBitmap(image, item.bitmap, 0, y); break;
        case EscPosItem::Kind::Qr: {
            const ow::printer::MonoBitmap qr = qrBitmap(item);
            const int free = qMax(0, width - qr.width());
            const int x = item.align == 1 ? free / 2 : item.align == 2 ? free : 0;
            drawBitmap(image, qr, x, y);
            break;
        }
        case EscPosItem::Kind::Feed: break;
        case EscPosItem::Kind::Cut: {
            QPainter painter(&image);
            QPen pen(QColor(160, 160, 160));
            pen.setStyle(Qt::DashLine);
            painter.setPen(pen);
            painter.drawLine(0, y + CutHeight / 2, width, y + CutHeight / 2);
            break;
        }
        }
        y += itemHeight(item);
    }
    return image;
}

Result<QImage> ReceiptRenderer::renderStream(QByteArrayView stream, int dotsPerLine)
{
    const auto page = EscPosParser::parse(stream, dotsPerLine);
    if (!page)
        return Result<QImage>::failure(page.error());
    const qint64 height = heightOf(page.value(), Options());
    if (height > kMaxHeightDots) {
        // 203 dpi: 8 dots a millimetre.
        return Result<QImage>::failure(tr("The receipt would be %1 dots (%2 m of paper) long; at most %3 dots (%4 m) "
                                          "are rendered. The stream feeds far more paper than any receipt.")
                                           .arg(height)
                                           .arg(double(height) / 8000.0, 0, 'f', 1)
                                           .arg(kMaxHeightDots)
                                           .arg(double(kMaxHeightDots) / 8000.0, 0, 'f', 1));
    }
    QImage image = render(page.value());
    if (image.isNull())
        return Result<QImage>::failure(
            tr("There is not enough memory for a %1 x %2 dot image.").arg(dotsPerLine).arg(height));
    return image;
}

} // namespace ow::escpossim
