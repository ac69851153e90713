#pragma once

#include <QImage>
#include <QList>
#include <QPoint>
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
QByteArray multiPageTiff(const QList<QImage> &pages);
QString licenceQrText(const QString &creditCode, const QString &companyName);

} // namespace testpages
