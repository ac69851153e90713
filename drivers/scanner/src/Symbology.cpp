#include "onewindow/scanner/Symbology.h"

namespace ow::scanner {

QString Symbology::fromAimId(QStringView aimId)
{
    if (aimId.size() < 2 || aimId.at(0) != u']')
        return {};
    switch (aimId.at(1).unicode()) {
    case u'A': return QStringLiteral("Code 39");
    case u'C': return QStringLiteral("Code 128");
    case u'E': return QStringLiteral("EAN/UPC");
    case u'F': return QStringLiteral("Codabar");
    case u'G': return QStringLiteral("Code 93");
    case u'I': return QStringLiteral("Interleaved 2 of 5");
    case u'L': return QStringLiteral("PDF417");
    case u'Q': return QStringLiteral("QR Code");
    case u'd': return QStringLiteral("Data Matrix");
    case u'e': return QStringLiteral("GS1 DataBar");
    case u'z': return QStringLiteral("Aztec");
    default: return {};
    }
}

QString Symbology::fromHoneywellCodeId(char codeId)
{
    switch (codeId) {
    case 'b': return QStringLiteral("Code 39");
    case 'j': return QStringLiteral("Code 128");
    case 'd': return QStringLiteral("EAN-13");
    case 'D': return QStringLiteral("EAN-8");
    case 'c': return QStringLiteral("UPC-A");
    case 'E': return QStringLiteral("UPC-E");
    case 'a': return QStringLiteral("Codabar");
    case 'i': return QStringLiteral("Code 93");
    case 'e': return QStringLiteral("Interleaved 2 of 5");
    case 'r': return QStringLiteral("PDF417");
    case 's': return QStringLiteral("QR Code");
    case 'w': return QStringLiteral("Data Matrix");
    case 'y': return QStringLiteral("GS1 DataBar");
    case 'z': return QStringLiteral("Aztec");
    default: return {};
    }
}

bool Symbology::startsWithAimId(QByteArrayView bytes)
{
    if (bytes.size() < 3 || bytes.at(0) != ']')
        return false;
    const auto isAlpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    const auto isAlnum = [&](char c) { return isAlpha(c) || (c >= '0' && c <= '9'); };
    return isAlpha(bytes.at(1)) && isAlnum(bytes.at(2));
}

} // namespace ow::scanner
