#pragma once

#include <QByteArrayView>
#include <QString>

namespace ow::scanner {

// Barcode symbology names from AIM identifiers ("]Q1") and Honeywell code ids ('s').
class Symbology
{
public:
    // "]Q1" -> "QR Code"; empty when the identifier is not known.
    static QString fromAimId(QStringView aimId);
    // 0x73 -> "QR Code"; empty when not known.
    static QString fromHoneywellCodeId(char codeId);
    // True when text starts with a well-formed AIM identifier: ']' + letter + alphanumeric.
    static bool startsWithAimId(QByteArrayView bytes);
};

} // namespace ow::scanner
