#include "onewindow/scan/BarcodeReader.h"

#include <ZXing/ReadBarcode.h>

namespace ow::scan {

namespace {

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
    ZXing::Results results = ZXing::ReadBarcodes(view, matrix);
    for (ZXing::Result &r : ZXing::ReadBarcodes(view, linear))
        results.push_back(std::move(r));
    QList<Barcode> found;
    for (const ZXing::Result &r : results) {
        if (!r.isValid())
            continue;
        Barcode b;
        b.format = QString::fromStdString(ZXing::ToString(r.format()));
        b.text = QString::fromStdString(r.text());
        b.page = page;
        const ZXing::Position &pos = r.position();
        b.position = QPolygon({QPoint(pos.topLeft().x, pos.topLeft().y), QPoint(pos.topRight().x, pos.topRight().y),
            QPoint(pos.bottomRight().x, pos.bottomRight().y), QPoint(pos.bottomLeft().x, pos.bottomLeft().y)});
        found.append(b);
    }
    return found;
}

bool sameSymbol(const Barcode &a, const Barcode &b)
{
    return a.format == b.format && a.text == b.text
        && a.position.boundingRect().intersects(b.position.boundingRect().adjusted(-4, -4, 4, 4));
}

} // namespace

QList<Barcode> BarcodeReader::read(const QImage &image, int page)
{
    if (image.isNull())
        return {};
    QImage gray =
        image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_Grayscale8);
    QList<Barcode> found = readOnce(gray, page);
    gray.invertPixels();
    for (const Barcode &b : readOnce(gray, page)) {
        bool known = false;
        for (const Barcode &k : std::as_const(found))
            known = known || sameSymbol(k, b);
        if (!known)
            found.append(b);
    }
    return found;
}

} // namespace ow::scan
