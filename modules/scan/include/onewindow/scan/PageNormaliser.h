#pragma once

#include "onewindow/scan/Page.h"

namespace ow::scan {

// Makes a page small enough for a township link while it stays legible and fit for the archive:
// at most `maxDpi`, straightened when it lies a few degrees askew. Auto keeps a page in colour
// when it has colour (a red seal, an ID copy, a photo: `colourShare`), makes it black-and-white
// when it is text on paper, grey otherwise. EXIF rotation is applied when a file is imported.
class PageNormaliser
{
public:
    enum class Mode { Auto, Bilevel, Gray, Color };
    struct Options
    {
        Mode mode = Mode::Auto;
        double maxDpi = 200;
        double grayMaxDpi = 150; // grey pages (photos, stamps) go out at this resolution at most
        double colourMaxDpi = 150; // colour pages (JPEG in the PDF) likewise
        // Auto: a page is colour when at least this share of it is coloured (0.05 %: a seal's
        // ring and characters cover ten times as much of an A4 page).
        double minColourShare = 0.0005;
        double maxDeskewDegrees = 5;
    };

    static Page normalise(const Page &page, const Options &options);
    static Page normalise(const Page &page) { return normalise(page, Options {}); }

    // The skew of the text lines in degrees (positive: the page is turned clockwise), found by
    // projection profiles; 0 when the page has too little ink to tell.
    static double estimateSkew(const QImage &gray, double maxDegrees = 5);
    // Rotates by `degrees` about the centre, keeping the size, filling with white.
    static QImage rotate(const QImage &gray, double degrees);
    // The share (0..1) of a picture at `dpi` covered by colour: ~0.5 mm cells whose channels
    // differ by a quarter of the scale once the paper's own tint is balanced to white, counted
    // when a neighbouring cell is coloured too. 0 for grey pictures; scanner colour noise,
    // colour fringes along black text and tinted paper stay near 0.
    static double colourShare(const QImage &image, double dpi);
    // True when a grey page is text/line art on paper: few pixels between ink and paper.
    static bool looksBilevel(const QImage &gray);
    // Otsu's threshold of a grey image (0..255).
    static int otsuThreshold(const QImage &gray);
    // A 1-bit image (index 0 = black ink, 1 = paper), isolated specks removed.
    static QImage toBilevel(const QImage &gray);
};

} // namespace ow::scan
