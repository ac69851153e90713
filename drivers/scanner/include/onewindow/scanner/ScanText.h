#pragma once

#include "onewindow/scanner/Scan.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace ow::scanner {

// Turns the raw bytes of a barcode into text: UTF-8 when the bytes are valid UTF-8, GB18030
// otherwise (Chinese QR codes are printed in either; scanners pass the bytes through unchanged).
class ScanText
{
public:
    struct Decoded
    {
        QString text;
        TextEncoding encoding = TextEncoding::Ascii;
    };

    static Decoded decode(QByteArrayView bytes);

    // The two decoders, public so that tests can reach both GB18030 paths.
    static bool isValidUtf8(QByteArrayView bytes);
    // Qt's converter (ICU) when it knows GB18030, else glibc iconv. ok = false on invalid input.
    static QString decodeGb18030(QByteArrayView bytes, bool *ok);
    static QString decodeGb18030WithIconv(QByteArrayView bytes, bool *ok);
    static QByteArray encodeGb18030(const QString &text, bool *ok);
};

} // namespace ow::scanner
