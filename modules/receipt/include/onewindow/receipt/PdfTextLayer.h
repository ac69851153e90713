#pragma once

#include "onewindow/core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QRawFont>
#include <QString>

namespace ow::receipt {

// Makes the text layer of a QPdfWriter PDF say what was drawn.
//
// QPdfWriter writes each embedded font's ToUnicode CMap by asking, for every code point below
// U+10000 in order, which glyph the font maps it to, and keeps the first code point found per
// glyph. Where a font's cmap sends several code points to one glyph, the lowest wins: in Noto
// CJK a Kangxi radical (U+2F00 ⼀) shares the glyph of the ideograph (U+4E00 一), so pdftotext
// and every search read the radical; the tab shares the space's glyph, so spaces read as tabs.
// The renderer knows what it drew: substitutions() lists, for the fonts it used, "the code point
// Qt will write → the character drawn", and remapToUnicode() applies them to the PDF.
class PdfTextLayer
{
    Q_DECLARE_TR_FUNCTIONS(PdfTextLayer)

public:
    using Substitutions = QHash<char16_t, char16_t>;

    // For each character of `drawn` whose glyph in `font` is also the glyph of a lower code
    // point, that code point → the character. Empty when the font cannot be read.
    static Substitutions substitutions(const QRawFont &font, const QString &drawn);

    // Rewrites the destination codes of every ToUnicode CMap in `pdf` as `subs` says. The map is
    // edited in place (a 4-digit code for a 4-digit code), so no offset of the file moves. Fails
    // on a CMap that is not as QPdfWriter writes it, or on a code that needs replacing inside a
    // linear range (which cannot be edited in place).
    static Result<QByteArray> remapToUnicode(QByteArray pdf, const Substitutions &subs, int *replaced = nullptr);

    // Text drawn with one of the renderer's fonts, in drawing order.
    struct Run
    {
        int font = 0; // index into the fonts given to completeSupplementary()
        QString text;
    };
    // QPdfWriter leaves characters beyond U+FFFF (rare hanzi of names, 𠮷) out of the ToUnicode
    // maps: it only looks below U+10000. Its subset numbers glyphs in the order they are first
    // drawn, per font; replaying `runs` with the fonts' cmaps gives each glyph's character, which
    // is checked against every entry the maps already have before the missing ones are added
    // (as an incremental update at the end of the file: nothing before it moves). Returns the
    // PDF unchanged when nothing is missing or the replay does not match.
    static QByteArray completeSupplementary(
        const QByteArray &pdf, const QList<QRawFont> &fonts, const QList<Run> &runs, int *added = nullptr);
};

} // namespace ow::receipt
