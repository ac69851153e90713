#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/printer/MonoBitmap.h"
#include "onewindow/printer/QrRaster.h"
#include "onewindow/receipt/QrMatrix.h"

#include <QByteArray>
#include <QString>

namespace ow::receipt {

// The QR symbols of decided documents, encoded once and reused for every rendering and reprint
// of the document (the slip, the A4 PDF, a reprint an hour later). A symbol is keyed by its
// payload, which carries the document's digest and signature: a changed document has a new key.
// Thread-safe (the PDF renders on a worker thread); holds the symbols of the last documents only.
class QrCache
{
public:
    // QrRaster::modules(payload, ec): what EscPosDocument prints (native or as a raster). Waits
    // for the encoding prepare() started, if any.
    [[nodiscard]] static Result<printer::MonoBitmap> escPos(const QByteArray &payload, printer::QrErrorCorrection ec);
    // Starts encoding escPos(payload, ec) on a worker thread (QThreadPool::globalInstance()) unless
    // it is known or under way: the decision signs the document and starts its QR, and the QR is
    // ready by the time the decision is stored (the fsync) and the slip is laid out.
    static void prepare(const QByteArray &payload, printer::QrErrorCorrection ec);
    // QrMatrix::encode(text): what the A4 PDF draws.
    [[nodiscard]] static Result<QrMatrix> pdf(const QString &text);

    // How many symbols have been encoded since the process started (tests and benches).
    static int encodings();
    static constexpr int kCapacity = 32; // documents kept per kind
};

} // namespace ow::receipt
