#pragma once

#include "onewindow/printer/MonoBitmap.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ow::escpossim {

// What a receipt printer would put on paper, as a list of printed items top to bottom.
struct EscPosTextStyle
{
    bool bold = false;
    int widthScale = 1; // 1..8
    int heightScale = 1; // 1..8
    bool underline = false;
    bool operator==(const EscPosTextStyle &o) const
    {
        return bold == o.bold && widthScale == o.widthScale && heightScale == o.heightScale && underline == o.underline;
    }
};

struct EscPosTextRun
{
    QString text;
    EscPosTextStyle style;
};

struct EscPosItem
{
    enum class Kind {
        TextLine, // one printed line (auto-wrapped lines are separate items)
        Raster, // GS v 0
        Qr, // GS ( k print
        Feed, // blank space in dots (ESC d, ESC J, the feed before a cut)
        Cut,
    };
    Kind kind = Kind::TextLine;
    int align = 0; // 0 left, 1 centre, 2 right
    QList<EscPosTextRun> runs; // TextLine
    int lineHeight = 0; // TextLine: dots
    ow::printer::MonoBitmap bitmap; // Raster
    QByteArray qrData; // Qr: the stored bytes
    int qrModuleSize = 3; // Qr
    int qrErrorCorrection = 0; // Qr: 0 L, 1 M, 2 Q, 3 H
    int dots = 0; // Feed
    bool partialCut = false; // Cut

    QString text() const; // TextLine: the runs' text joined
};

struct EscPosPage
{
    int dotsPerLine = 384;
    QList<EscPosItem> items;

    // All printed text, lines joined by '\n' (for tests and accessibility).
    QString text() const;
    int count(EscPosItem::Kind kind) const;
};

} // namespace ow::escpossim
