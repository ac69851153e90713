#pragma once

#include "onewindow/scan/Page.h"

namespace ow::scan {

// Makes a page small enough for a township link while it stays legible: grey (or colour, when
// asked), at most `maxDpi`, straightened when it lies a few degrees askew, and black-and-white
// when the page is text on paper (Auto). EXIF rotation is applied when a file is imported.
class PageNormaliser
{
public:
    enum class Mode { Auto, Bilevel, Gray, Color };
    struct Options
    {
        Mode mode = Mode::Auto;
        double maxDpi = 200;
        double grayMaxDpi = 150; // grey pages (photos, stamps) go out at this resolution at most
        double maxDeskewDegrees = 5;
    };

    static Page normalise(const Page &page, const Options &options);
    static Page normalise(const Page &page) { return normalise(page, Options {}); }

    // The skew of the text lines in degrees (positive: the page is turned clockwise), found by
    // projection profiles; 0 when the page has too little ink to tell.
    static double estimateSkew(const QImage &gray, double maxDegrees = 5);
    // Rotates by `degrees` about the centre, keeping the size, filling with white.
    static QImage rotate(const QImage &gray, double degrees);
    // True when a grey page is text/line art on paper: few pixels between ink and paper.
    static bool looksBilevel(const QImage &gray);
    // Otsu's threshold of a grey image (0..255).
    static int otsuThreshold(const QImage &gray);
    // A 1-bit image (index 0 = black ink, 1 = paper), isolated specks removed.
    static QImage toBilevel(const QImage &gray);
};

} // namespace ow::scan
