#include "SealerFuzz.h"

#include "onewindow/store/Sealer.h"

#include <cstdlib>

using ow::store::Sealer;

int owFuzzSealedOpen(const uint8_t *data, size_t size)
{
    static const Sealer sealer = Sealer::fromKeys(QByteArray(Sealer::kKeySize, 'k'), QByteArray(Sealer::kKeySize, 'h'));
    static const QByteArray aad("fuzz");
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));

    const auto opened = sealer.open(input, aad);
    if (!opened.ok() && opened.error().isEmpty())
        std::abort();
    if (opened.ok() && opened->size() != input.size() - 1 - Sealer::kNonceSize - Sealer::kTagSize)
        std::abort();

    const auto sealed = sealer.seal(input, aad);
    if (!sealed.ok())
        std::abort();
    const auto back = sealer.open(sealed.value(), aad);
    if (!back.ok() || back.value() != input)
        std::abort();

    QByteArray altered = sealed.value();
    const qsizetype at = qsizetype(size % size_t(altered.size()));
    altered[at] = char(altered.at(at) ^ (size == 0 ? 1 : (data[0] | 1)));
    const auto refused = sealer.open(altered, aad);
    if (refused.ok() || refused.error().isEmpty())
        std::abort();
    return 0;
}
