#include "onewindow/scan/BarcodeReader.h"

#include "onewindow/scan/PageNormaliser.h"

#include <QTransform>

#include <future>

#include <ZXing/ReadBarcode.h>

namespace ow::scan {

namespace {

bool sameSymbol(const Barcode &a, const Barcode &b)
{
    return a.format == b.format && a.text == b.text
        && a.position.boundingRect().intersects(b.position.boundingRect().adjusted(-4, -4, 4, 4));
}

QList<Barcode> readOnce(const QImage &gray, int page)
{
    const ZXing::ImageView view(
        gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
    // Matrix codes are looked for on a pyramid of downscaled copies too; linear codes only at
    // full size: ZXing 1.4 (Debian 12) asserts when it merges a linear symbol seen on several
    // lines of one layer with the same symbol seen on one line of another (zxing-cpp #740).
    ZXing::DecodeHints matrix;
    matrix.setFormats(ZXing::BarcodeFormat::MatrixCodes);
    matrix.setTryHarder(true);
    matrix.setTryRotate(true);
    matrix.setTryDownscale(true);
    ZXing::DecodeHints linear = matrix;
    linear.setFormats(ZXing::BarcodeFormat::LinearCodes);
    linear.setTryDownscale(false);
    QList<Barcode> found;
    // `columnWidth` > 0: the results come from the picture turned 90° clockwise.
    const auto take = [&](const ZXing::Results &results, double scale, int dx, int dy, int columnWidth = 0) {
        for (const ZXing::Result &r : results) {
            if (!r.isValid())
                continue;
            Barcode b;
            b.format = QString::fromStdString(ZXing::ToString(r.format()));
            b.text = QString::fromStdString(r.text());
            b.page = page;
            const ZXing::Position &pos = r.position();
            const auto at = [&](const ZXing::PointI &p) {
                if (columnWidth > 0) // (x, y) on the turned picture is (y, W - 1 - x) on the page
                    return QPoint(int((p.y + dx) * scale), int((columnWidth - 1 - p.x) * scale));
                return QPoint(int(p.x * scale), int((p.y + dy) * scale));
            };
            b.position = QPolygon({at(pos.topLeft()), at(pos.topRight()), at(pos.bottomRight()), at(pos.bottomLeft())});
            if (std::none_of(found.cbegin(), found.cend(), [&](const Barcode &k) { return sameSymbol(k, b); }))
                found.append(b);
        }
    };
    take(ZXing::ReadBarcodes(view, matrix), 1, 0, 0);
    take(ZXing::ReadBarcodes(view, linear), 1, 0, 0);

    // ZXing 1.4 looks for a DataMatrix only along the centre lines of the picture; walk
    // overlapping strips of a ~150 dpi copy so that every symbol lies on some strip's centre.
    const double f = std::min(1.0, 1240.0 / std::min(gray.width(), gray.height()));
    const QImage small = f < 1
        ? gray.scaled(int(gray.width() * f), int(gray.height() * f), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
        : gray;
    ZXing::DecodeHints dm;
    dm.setFormats(ZXing::BarcodeFormat::DataMatrix);
    dm.setTryRotate(true);
    dm.setTryDownscale(false);
    constexpr int kStrip = 160, kStep = 40;
    for (int y = 0; y < small.height(); y += kStep) {
        const int h = std::min(kStrip, small.height() - y);
        if (h < 24)
            break;
        const ZXing::ImageView strip(small.constBits() + qsizetype(y) * small.bytesPerLine(), small.width(), h,
            ZXing::ImageFormat::Lum, int(small.bytesPerLine()));
        take(ZXing::ReadBarcodes(strip, dm), 1 / f, 0, y);
    }
    // Columns as well: a strip's centre line can meet text before the symbol.
    const QImage column = small.transformed(QTransform().rotate(90));
    for (int y = 0; y < column.height(); y += kStep) {
        const int h = std::min(kStrip, column.height() - y);
        if (h < 24)
            break;
        const ZXing::ImageView strip(column.constBits() + qsizetype(y) * column.bytesPerLine(), column.width(), h,
            ZXing::ImageFormat::Lum, int(column.bytesPerLine()));
        take(ZXing::ReadBarcodes(strip, dm), 1 / f, y, 0, column.width());
    }
    return found;
}

} // namespace

QList<Barcode> BarcodeReader::read(const QImage &image, int page)
{
    if (image.isNull())
        return {};
    QImage gray =
        image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_Grayscale8);
    // Light-on-dark symbols: the inverted page, read at the same time on another thread.
    auto inverted = std::async(std::launch::async, [gray, page] {
        QImage negative = gray;
        negative.invertPixels();
        return readOnce(negative, page);
    });
    QList<Barcode> found = readOnce(gray, page);
    const auto add = [&](const QList<Barcode> &more) {
        for (const Barcode &b : more) {
            if (std::none_of(found.cbegin(), found.cend(), [&](const Barcode &k) { return sameSymbol(k, b); }))
                found.append(b);
        }
    };
    // A page lying a few degrees askew: PDF417 and linear codes read better straightened.
    const double skew = PageNormaliser::estimateSkew(gray);
    if (std::abs(skew) >= 0.5) {
        const QImage straight = PageNormaliser::rotate(gray, -skew);
        QList<Barcode> more = readOnce(straight, page);
        // Back to the page's coordinates: turn the corners by the skew about the centre.
        const QTransform back = QTransform()
                                    .translate(gray.width() / 2.0, gray.height() / 2.0)
                                    .rotate(skew)
                                    .translate(-gray.width() / 2.0, -gray.height() / 2.0);
        for (Barcode &b : more)
            b.position = back.map(b.position);
        add(more);
    }
    add(inverted.get());
    return found;
}

} // namespace ow::scan
