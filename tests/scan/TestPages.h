#pragma once

#include <QImage>
#include <QList>
#include <QPoint>
#include <QRectF>
#include <QString>

#include <ZXing/BarcodeFormat.h>

// Synthetic A4 pages for the scan tests and benchmarks: Chinese text lines and barcodes drawn
// with ZXing's writer, then turned, blurred, noised or inverted like real scans.
namespace testpages {

struct Symbol
{
    ZXing::BarcodeFormat format;
    QString text;
    QPointF topLeftMm; // where it goes on the page
    double moduleMm; // width of one module (bar or cell)
    double heightMm = 0; // linear codes: bar height (0: 12 mm)
    bool inverted = false; // light symbol on a dark box
};

// A white A4 page at `dpi` with text lines and the symbols (grey, 8-bit).
QImage a4Page(double dpi, const QList<Symbol> &symbols, const QStringList &lines = {});
// Body text of a typical material (several paragraphs of Chinese).
QStringList sampleText();
// The four formats of the issue on one page.
QList<Symbol> mixedSymbols();
// Turns a page by `degrees` (clockwise) about its centre, keeping the size, filling white.
QImage rotated(const QImage &page, double degrees);
QImage quarterTurns(const QImage &page, int turns);
// Gaussian-ish noise of amplitude `sigma` grey levels (fixed seed: repeatable).
QImage noisy(const QImage &page, int sigma, unsigned seed = 7);
// A 3×3 box blur, `passes` times.
QImage blurred(const QImage &page, int passes = 1);
// A business-licence-like page: Chinese text around a QR holding the credit code.
QImage licencePage(double dpi, const QString &creditCode, const QString &companyName);
// A multi-page TIFF (uncompressed 8-bit grey, one IFD per page), which Qt cannot write.
// `resolutionUnit` 2 (inch) states each page's dpi; 1 (none) leaves the pages untagged.
QByteArray multiPageTiff(const QList<QImage> &pages, int resolutionUnit = 2);

// Colour scans (RGB32, tagged with `dpi`).
// The text page with a company seal: a red ring (1.2 mm), a star and the name along the ring.
QImage sealedPage(double dpi);
// Where the seal lies on that page, in millimetres (its bounding square).
QRectF sealRectMm();
// A colour copy of an ID card (85.6 × 54 mm: pale blue guilloche, a photo on blue, a red
// emblem) on a page with a line of text.
QImage idCopyPage(double dpi);
QRectF idCardRectMm();
// A grey page as a colour scanner sees it: paper of `paper` colour (ink keeps its darkness),
// the red channel off by `fringePx` pixels (colour fringes along black strokes) and per-channel
// noise of `sigma` grey levels.
QImage colourScan(const QImage &gray, QRgb paper, int fringePx, int sigma, unsigned seed = 11);
// A faded copy: grey levels mapped linearly so black becomes `ink` and white `paper`.
QImage faded(const QImage &gray, int ink, int paper);
QString licenceQrText(const QString &creditCode, const QString &companyName);

} // namespace testpages
