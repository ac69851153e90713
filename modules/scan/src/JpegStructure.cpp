#include "onewindow/scan/JpegStructure.h"

namespace ow::scan {

namespace {

int byteAt(const QByteArray &b, qsizetype i)
{
    return static_cast<unsigned char>(b.at(i));
}

bool isStartOfFrame(int marker)
{
    // SOF0..SOF15 without DHT (C4), JPG (C8) and DAC (CC).
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

} // namespace

JpegStructure JpegStructure::inspect(const QByteArray &bytes)
{
    JpegStructure s;
    const qsizetype n = bytes.size();
    if (n < 4 || byteAt(bytes, 0) != 0xFF || byteAt(bytes, 1) != 0xD8)
        return s;
    qsizetype i = 2;
    bool haveFrame = false;
    while (i + 4 <= n) {
        if (byteAt(bytes, i) != 0xFF)
            return s;
        int marker = byteAt(bytes, i + 1);
        // Fill bytes before a marker.
        while (marker == 0xFF && i + 2 < n) {
            ++i;
            marker = byteAt(bytes, i + 1);
        }
        if (marker == 0xD9 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            if (marker == 0xD9)
                return s; // EOI before any scan
            i += 2;
            continue;
        }
        if (i + 4 > n)
            return s;
        const int length = (byteAt(bytes, i + 2) << 8) | byteAt(bytes, i + 3);
        if (length < 2 || i + 2 + length > n)
            return s;
        if (isStartOfFrame(marker)) {
            if (length < 8)
                return s;
            const int h = (byteAt(bytes, i + 5) << 8) | byteAt(bytes, i + 6);
            const int w = (byteAt(bytes, i + 7) << 8) | byteAt(bytes, i + 8);
            s.size = QSize(w, h);
            s.components = length >= 8 ? byteAt(bytes, i + 9) : 0;
            haveFrame = w > 0 && h > 0;
        }
        if (marker == 0xDA) {
            if (!haveFrame)
                return s;
            s.valid = true;
            // Entropy-coded data: FF 00 is a stuffed byte, FF D0..D7 restart markers; a further
            // scan (progressive JPEG) starts with another marker segment. Look for EOI.
            for (qsizetype j = i + 2 + length; j + 1 < n; ++j) {
                if (byteAt(bytes, j) == 0xFF && byteAt(bytes, j + 1) == 0xD9) {
                    s.complete = true;
                    return s;
                }
            }
            return s;
        }
        i += 2 + length;
    }
    return s;
}

} // namespace ow::scan
