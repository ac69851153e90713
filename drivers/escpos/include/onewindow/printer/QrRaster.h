#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/printer/MonoBitmap.h"

#include <QByteArrayView>

namespace ow::printer {

enum class QrErrorCorrection { L, M, Q, H };

// QR codes drawn with ZXing-C++, for printers without native QR and for the simulator.
// The payload bytes are stored as they are in one byte-mode segment without ECI, exactly as a
// printer's native GS ( k stores them, so a native and a raster QR decode to the same bytes.
class QrRaster
{
public:
    // The QR matrix, one pixel per module, no quiet zone.
    static Result<MonoBitmap> modules(QByteArrayView payload, QrErrorCorrection ec);
    // Scaled to moduleSize dots per module, with a quiet zone of quietModules on every side.
    static Result<MonoBitmap> render(
        QByteArrayView payload, int moduleSize, QrErrorCorrection ec, int quietModules = 4);
    // modules() scaled as render() does, without encoding again.
    static Result<MonoBitmap> scale(const MonoBitmap &modules, int moduleSize, int quietModules = 4);
    // The largest byte-mode payload for an error-correction level (version 40).
    static int capacity(QrErrorCorrection ec);
};

} // namespace ow::printer
