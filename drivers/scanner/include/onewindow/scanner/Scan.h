#pragma once

#include <QByteArray>
#include <QString>

namespace ow::scanner {

// How the bytes of a scan became text.
enum class TextEncoding {
    Ascii, // only 7-bit bytes
    Utf8, // valid UTF-8 with at least one multi-byte sequence
    Gb18030, // not UTF-8, valid GB18030 (GBK is a subset)
    Keyboard, // typed through a keyboard-wedge scanner (US layout)
    Invalid, // neither UTF-8 nor GB18030; undecodable bytes became U+FFFD
};

// Where the scan came from.
enum class ScanSource { KeyboardWedge, HidPos };

// One decoded barcode.
struct Scan
{
    QString text; // the decoded content, without terminator or AIM prefix
    QByteArray raw; // the content bytes as the scanner delivered them
    QString aimId; // AIM symbology identifier, e.g. "]Q1"; empty when the scanner sent none
    QString symbology; // human name, e.g. "QR Code"; empty when unknown
    TextEncoding encoding = TextEncoding::Ascii;
    ScanSource source = ScanSource::KeyboardWedge;
};

} // namespace ow::scanner
