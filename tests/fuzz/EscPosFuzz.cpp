#include "PosFuzz.h"

#include "onewindow/escpossim/EscPosParser.h"
#include "onewindow/escpossim/ReceiptRenderer.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QImage>

int owFuzzEscPosStream(const uint8_t *data, size_t size)
{
    const QByteArrayView all(reinterpret_cast<const char *>(data), qsizetype(size));
    // Keep each input cheap: a raster header may announce megabytes that never come.
    ow::escpossim::EscPosParser whole(384);
    whole.feed(all);
    whole.finish();
    (void)whole.page().text();
    // The paper it asks for: bounded, so a stream of feeds is refused instead of drawn (1,000 x
    // ESC d 255 once took 2.9 GB). Drawn only where there is a GUI application (the fuzz target).
    using ow::escpossim::ReceiptRenderer;
    const qint64 height = ReceiptRenderer::heightOf(whole.page(), ReceiptRenderer::Options());
    if (height < 0)
        __builtin_trap();
    if (height <= ReceiptRenderer::kMaxHeightDots && QCoreApplication::instance()
        && QCoreApplication::instance()->inherits("QGuiApplication")) {
        const QImage image = ReceiptRenderer::render(whole.page());
        if (image.width() != 384)
            __builtin_trap();
    }
    ow::escpossim::EscPosParser pieces(576);
    qsizetype step = 1;
    for (qsizetype i = 0; i < all.size(); i += step, step = step % 13 + 1)
        pieces.feed(all.sliced(i, qMin(step, all.size() - i)));
    pieces.finish();
    return 0;
}
