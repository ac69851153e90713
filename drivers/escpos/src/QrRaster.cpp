#include "onewindow/printer/QrRaster.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <QCoreApplication>

#include <exception>
#include <string>

namespace ow::printer {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ow::printer::QrRaster", text);
}

// ZXing's 0..8 scale: 1 = L, 4 = M, 6 = Q, 8 = H.
int zxingLevel(QrErrorCorrection ec)
{
    switch (ec) {
    case QrErrorCorrection::L: return 1;
    case QrErrorCorrection::M: return 4;
    case QrErrorCorrection::Q: return 6;
    case QrErrorCorrection::H: return 8;
    }
    return 4;
}

} // namespace

int QrRaster::capacity(QrErrorCorrection ec)
{
    switch (ec) {
    case QrErrorCorrection::L: return 2953;
    case QrErrorCorrection::M: return 2331;
    case QrErrorCorrection::Q: return 1663;
    case QrErrorCorrection::H: return 1273;
    }
    return 0;
}

Result<MonoBitmap> QrRaster::modules(QByteArrayView payload, QrErrorCorrection ec)
{
    if (payload.isEmpty())
        return Result<MonoBitmap>::failure(tr("A QR code needs content."));
    if (payload.size() > capacity(ec)) {
        return Result<MonoBitmap>::failure(
            tr("The QR content has %1 bytes; at most %2 fit at this error correction level.")
                .arg(payload.size())
                .arg(capacity(ec)));
    }
    // ISO-8859-1 maps every byte to one character: the bytes go into the symbol unchanged.
    std::wstring latin1;
    latin1.reserve(size_t(payload.size()));
    for (char c : payload)
        latin1.push_back(wchar_t(static_cast<unsigned char>(c)));
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    // No setEncoding(): with a character set named, ZXing puts an ECI designator (ECI 3,
    // ISO-8859-1) before the bytes, and readers then take UTF-8 payload bytes for Latin-1
    // letters and re-encode them. A printer's GS ( k stores the bytes alone; so does this.
    writer.setMargin(0).setEccLevel(zxingLevel(ec));
    ZXing::BitMatrix matrix;
    try {
        matrix = writer.encode(latin1, 0, 0);
    } catch (const std::exception &e) { // ZXing reports oversize content by throwing
        return Result<MonoBitmap>::failure(tr("The QR code could not be drawn: %1").arg(QString::fromUtf8(e.what())));
    }
    MonoBitmap bitmap(matrix.width(), matrix.height());
    for (int y = 0; y < matrix.height(); ++y) {
        for (int x = 0; x < matrix.width(); ++x)
            bitmap.setPixel(x, y, matrix.get(x, y));
    }
    if (bitmap.isNull())
        return Result<MonoBitmap>::failure(tr("The QR code could not be drawn."));
    return bitmap;
}

Result<MonoBitmap> QrRaster::render(QByteArrayView payload, int moduleSize, QrErrorCorrection ec, int quietModules)
{
    if (moduleSize < 1 || moduleSize > 16)
        return Result<MonoBitmap>::failure(tr("The QR module size must be 1 to 16 dots, not %1.").arg(moduleSize));
    const auto matrix = modules(payload, ec);
    if (!matrix)
        return matrix;
    return scale(matrix.value(), moduleSize, quietModules);
}

Result<MonoBitmap> QrRaster::scale(const MonoBitmap &modules, int moduleSize, int quietModules)
{
    if (moduleSize < 1 || moduleSize > 16)
        return Result<MonoBitmap>::failure(tr("The QR module size must be 1 to 16 dots, not %1.").arg(moduleSize));
    if (modules.isNull())
        return Result<MonoBitmap>::failure(tr("The QR code could not be drawn."));
    const MonoBitmap *matrix = &modules;
    quietModules = qMax(0, quietModules);
    const int side = (matrix->width() + 2 * quietModules) * moduleSize;
    MonoBitmap out(side, side);
    for (int y = 0; y < matrix->height(); ++y) {
        for (int x = 0; x < matrix->width(); ++x) {
            if (!matrix->pixel(x, y))
                continue;
            const int ox = (x + quietModules) * moduleSize;
            const int oy = (y + quietModules) * moduleSize;
            for (int dy = 0; dy < moduleSize; ++dy) {
                for (int dx = 0; dx < moduleSize; ++dx)
                    out.setPixel(ox + dx, oy + dy, true);
            }
        }
    }
    return out;
}

} // namespace ow::printer
