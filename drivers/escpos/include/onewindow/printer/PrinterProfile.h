#pragma once

#include <QList>
#include <QString>

namespace ow::printer {

// What a printer model can do. Chosen per model by USB id, with a safe default for the rest.
struct PrinterProfile
{
    enum class Chinese {
        Gb18030DoubleByte, // FS & before Chinese, GB18030 bytes, FS . after (resident GB18030 font)
        GbkDoubleByte, // the same with a GBK/GB2312 font: characters outside GBK print as '?'
        None, // no Chinese font: Chinese prints as '?'
    };
    enum class Cut {
        FeedAndPartial, // GS V 66 n (function B)
        FeedAndFull, // GS V 65 n
        Partial, // ESC d n, GS V 1
        EscI, // ESC d n, ESC i (some Excelvan / early clones)
    };

    QString id; // "generic-58"
    QString name; // "Generic 58 mm ESC/POS"
    quint16 vendorId = 0;
    quint16 productId = 0;
    int dotsPerLine = 384; // 58 mm paper: 384, 80 mm paper: 576
    bool nativeQr = false; // GS ( k understood; else the QR is sent as a GS v 0 raster
    Chinese chinese = Chinese::Gb18030DoubleByte;
    int codePage = 0; // ESC t n for the single-byte half: 0 = PC437 (all models here)
    Cut cut = Cut::FeedAndPartial;
    int cutFeedLines = 4;
    int receiveBufferBytes = 4096; // the printer's input buffer: one transfer never exceeds it
    bool hasStatus = true; // answers DLE EOT

    // Characters per line in font A (12 dots wide).
    int columns() const { return dotsPerLine / 12; }

    // The default: 58 mm, raster QR, GB18030 double-byte, partial cut. Safe on every ESC/POS
    // printer we know; an 80 mm printer prints it narrower.
    static PrinterProfile defaultProfile();
    static PrinterProfile generic80();
    static QList<PrinterProfile> knownProfiles();
    // The profile of a known USB id, else the default with that id filled in.
    static PrinterProfile forUsbId(quint16 vendorId, quint16 productId);
    // By id ("generic-80", "epson-tm-t88v", …); the default when unknown.
    static PrinterProfile byId(const QString &id, bool *found = nullptr);
};

} // namespace ow::printer
