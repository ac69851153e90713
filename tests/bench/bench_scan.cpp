// Figures for scanned pages (not a ctest):  build/release/tests/bench/bench_scan [runs]
// bytes per normalised A4 page in the material's PDF, and the median time to find every barcode
// on an A4 page at 300 dpi (QR, Code 128, DataMatrix, PDF417, text around them).
//
// Release build, 2026-12-01, 2 cores shared with four other builds (load average 4.1), 15 runs:
//   A4 text, 200 dpi, clean        16005 bytes per page, normalise + PDF 36.8 ms
//   A4 text, 200 dpi, scanned      18693 bytes per page, normalise + PDF 82.1 ms
//   A4 text, 300 dpi, scanned      17962 bytes per page, normalise + PDF 134.7 ms
//   barcodes, A4 at 300 dpi: 4 of 4 found, median 185.6 ms (min 172.3, max 279.9)
#include "TestPages.h"

#include "onewindow/scan/BarcodeReader.h"
#include "onewindow/scan/PageNormaliser.h"
#include "onewindow/scan/PdfAssembler.h"

#include <QElapsedTimer>
#include <QGuiApplication>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace ow::scan;

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 11;

    struct Case
    {
        const char *name;
        double dpi;
        bool scanned; // turned 1.2°, blurred and noisy like a real scan
    };
    for (const Case &c : {Case {"A4 text, 200 dpi, clean", 200, false}, Case {"A4 text, 200 dpi, scanned", 200, true},
             Case {"A4 text, 300 dpi, scanned", 300, true}}) {
        QImage page = testpages::a4Page(c.dpi, {}, testpages::sampleText());
        if (c.scanned)
            page = testpages::noisy(testpages::blurred(testpages::rotated(page, 1.2)), 12);
        std::vector<double> times;
        qsizetype bytes = 0;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            const Page out = PageNormaliser::normalise(Page {page, c.dpi, {}, 1});
            bytes = PdfAssembler::assemble({out}, QStringLiteral("bench")).value().size();
            times.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        std::sort(times.begin(), times.end());
        std::printf("%-28s %7lld bytes per page, normalise + PDF %.1f ms (median of %d)\n", c.name,
            static_cast<long long>(bytes), times[times.size() / 2], runs);
    }

    const QImage page = testpages::a4Page(300, testpages::mixedSymbols(), testpages::sampleText());
    std::vector<double> times;
    qsizetype found = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        found = BarcodeReader::read(page).size();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    std::printf("barcodes, A4 at 300 dpi (%dx%d): %lld of 4 found, median %.1f ms (min %.1f, max %.1f; %d runs)\n",
        page.width(), page.height(), static_cast<long long>(found), times[times.size() / 2], times.front(),
        times.back(), runs);
    return 0;
}
