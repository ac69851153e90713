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
// inverted when the first pass misses a symbol. A faded copy (a QR at 20 % contrast on light
// paper) is read once more with its contrast stretched locally and other binarisers.
class BarcodeReader
{
public:
    static QList<Barcode> read(const QImage &image, int page = 1);
    // True when a grey page has faded ink: ~2 mm blocks whose darkest values are only a little
    // below the paper (more than scanner noise, less than print), over a symbol's area.
    static bool hasFadedAreas(const QImage &gray);
    // The grey page with each pixel stretched between the darkest and lightest values around
    // it (~6 mm); areas with no more than noise become white paper.
    static QImage stretchContrast(const QImage &gray);
};

} // namespace ow::scan

#include <QMetaType>
Q_DECLARE_METATYPE(ow::scan::Barcode)
