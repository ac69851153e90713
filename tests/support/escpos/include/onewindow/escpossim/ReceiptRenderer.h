#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/escpossim/EscPosPage.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QImage>
#include <QString>

namespace ow::escpossim {

// Draws a parsed receipt the way the printer would put it on paper: one image pixel per printer
// dot (203 dpi), white paper, black dots. Text sits on the printer's character grid (12 x 24
// dots for single-byte characters, 24 x 24 for Chinese) in "Noto Sans Mono CJK SC"; rasters are
// copied dot for dot; a native QR (GS ( k) is drawn with ZXing at its module size with a
// 4-module quiet zone; cuts show as a dashed line.
//
// Needs a QGuiApplication (fonts); works with the offscreen platform. Used by the printer
// simulator, `onewindow-tool escpos render` and the client's on-screen receipt in demo mode.
class ReceiptRenderer
{
    Q_DECLARE_TR_FUNCTIONS(ow::escpossim::ReceiptRenderer)
public:
    struct Options
    {
        int marginDots = 16; // blank paper above and below
        QString fontFamily = QStringLiteral("Noto Sans Mono CJK SC");
    };

    // The longest paper the renderer draws: 40,000 dots, about 5 m at 203 dpi (a long notice
    // is under 0.5 m). Past it, a stream of feeds (1,000 × ESC d 255 is 7.6 million dots) would
    // need gigabytes of image.
    static constexpr qint64 kMaxHeightDots = 40000;
    // The height of the rendered page in dots, margins included.
    static qint64 heightOf(const EscPosPage &page, const Options &options);
    // A Format_Grayscale8 image, page.dotsPerLine wide; a null image past kMaxHeightDots.
    static QImage render(const EscPosPage &page, const Options &options);
    static QImage render(const EscPosPage &page) { return render(page, Options()); }
    // Parses and renders a stream; a malformed stream gives the parser's error (with the offset),
    // a page longer than kMaxHeightDots says how long it would be.
    static Result<QImage> renderStream(QByteArrayView stream, int dotsPerLine = 384);
};

} // namespace ow::escpossim
