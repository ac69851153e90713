#include "PosFuzz.h"

#include "onewindow/escpossim/EscPosParser.h"

#include <QByteArrayView>

int owFuzzEscPosStream(const uint8_t *data, size_t size)
{
    const QByteArrayView all(reinterpret_cast<const char *>(data), qsizetype(size));
    // Keep each input cheap: a raster header may announce megabytes that never come.
    ow::escpossim::EscPosParser whole(384);
    whole.feed(all);
    whole.finish();
    (void)whole.page().text();
    ow::escpossim::EscPosParser pieces(576);
    qsizetype step = 1;
    for (qsizetype i = 0; i < all.size(); i += step, step = step % 13 + 1)
        pieces.feed(all.sliced(i, qMin(step, all.size() - i)));
    pieces.finish();
    return 0;
}
