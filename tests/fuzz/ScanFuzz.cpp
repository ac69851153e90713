#include "ScanFuzz.h"

#include "onewindow/scan/CoverSheets.h"
#include "onewindow/scan/JpegStructure.h"
#include "onewindow/scan/LicenceQr.h"

int owFuzzScanParsers(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 3) {
    case 0: {
        const auto s = ow::scan::JpegStructure::inspect(rest);
        if (s.complete && !s.valid)
            __builtin_trap(); // complete implies a well-formed walk
        break;
    }
    case 1: {
        const auto r = ow::scan::LicenceQr::parse(QString::fromUtf8(rest));
        if (r && !ow::CreditCode::parse(r->creditCode))
            __builtin_trap(); // only validated codes come out
        break;
    }
    default: {
        const qsizetype split = rest.indexOf('\n');
        const auto rules = ow::scan::CoverSheets::fromJson(split < 0 ? rest : rest.left(split));
        if (rules)
            (void)rules->materialFor(QString::fromUtf8(split < 0 ? QByteArray() : rest.mid(split + 1)));
        break;
    }
    }
    return 0;
}
