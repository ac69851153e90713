#include "PosFuzz.h"

#include "onewindow/scanner/HidPosReportDecoder.h"
#include "onewindow/scanner/KeyboardReportDecoder.h"

#include <QByteArrayView>

int owFuzzHidReports(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView all(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    if (data[0] % 2 == 0) {
        ow::scanner::KeyboardReportDecoder decoder;
        decoder.setAimPrefix(data[0] & 0x02);
        decoder.setTabTerminates(data[0] & 0x04);
        for (qsizetype i = 0; i < all.size(); i += 8) {
            const auto scans = decoder.feed(all.sliced(i, qMin<qsizetype>(8, all.size() - i)));
            if (scans) {
                for (const auto &s : scans.value())
                    (void)s.text.size();
            }
        }
        (void)decoder.pending();
    } else {
        ow::scanner::HidPosReportDecoder decoder;
        for (qsizetype i = 0; i < all.size(); i += 64) {
            const auto scan = decoder.feed(all.sliced(i, qMin<qsizetype>(64, all.size() - i)));
            if (scan && scan->has_value())
                (void)(*scan)->text.size();
        }
    }
    return 0;
}
