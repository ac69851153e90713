#pragma once

#include <QImage>
#include <QList>
#include <QPolygon>
#include <QString>

namespace ow::scan {

struct Barcode
{
    QString format; // ZXing's name: QRCode, DataMatrix, PDF417, Code128, EAN13, …
    QString text;
    int page = 1;
    QPolygon position; // four corners in page pixels: top-left, top-right, bottom-right, bottom-left
};

// Every barcode on a page, in any format ZXing-C++ knows, upright, turned or inverted
// (light on dark). ZXing 1.4 has no inverted pass of its own: the page is read a second time
// inverted when the first pass misses a symbol.
class BarcodeReader
{
public:
    static QList<Barcode> read(const QImage &image, int page = 1);
};

} // namespace ow::scan

#include <QMetaType>
Q_DECLARE_METATYPE(ow::scan::Barcode)
