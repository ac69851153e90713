// Figures for scanned pages (not a ctest):  build/release/tests/bench/bench_scan [runs]
// bytes per A4 page in the material's PDF after Auto normalisation (text pages 1-bit, a page with
// a seal or an ID copy in colour), and the median time to find every barcode on an A4 page at
// 300 dpi, a faded licence copy included (its QR only read by the contrast-stretched retry).
//
// Release build, 2026-12-06, 2 cores shared with four other helpers' builds (load average 8.9),
// 15 runs; the times are inflated by the load, the bytes are exact:
//   A4 text, 200 dpi, clean                16005 bytes per page (bilevel), normalise + PDF 203.9 ms
//   A4 text, 200 dpi, scanned              18693 bytes per page (bilevel), normalise + PDF 281.9 ms
//   A4 text, 300 dpi, scanned (grey)       17962 bytes per page (bilevel), normalise + PDF 630.2 ms
//   A4 text, 300 dpi, colour scan, cream   16860 bytes per page (bilevel), normalise + PDF 776.7 ms
//   A4 text + red seal, 300 dpi, colour   176503 bytes per page (colour), normalise + PDF 192.2 ms
//   A4 ID card copy, 300 dpi, colour       85675 bytes per page (colour), normalise + PDF 148.7 ms
//   barcodes, A4 at 300 dpi, 4 formats   4 of 4 found, median 663.7 ms (min 422.0, max 905.1)
//   licence QR, A4 at 300 dpi            1 of 1 found, median 543.8 ms (min 400.9, max 744.0)
//   licence QR at 20 % contrast, 300 dpi 1 of 1 found, median 1060.6 ms (min 852.6, max 1253.5)
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

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// One page through Auto normalisation into a PDF: bytes, the mode it went out in, the time.
void pageCase(const char *name, const QImage &page, double dpi, int runs)
{
    std::vector<double> times;
    qsizetype bytes = 0;
    const char *mode = "";
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const Page out = PageNormaliser::normalise(Page {page, dpi, {}, 1});
        bytes = PdfAssembler::assemble({out}, QStringLiteral("bench")).value().size();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
        mode = out.image.depth() == 1 ? "bilevel" : out.image.format() == QImage::Format_Grayscale8 ? "gray" : "colour";
    }
    std::printf("%-36s %7lld bytes per page (%s), normalise + PDF %.1f ms (median of %d)\n", name,
        static_cast<long long>(bytes), mode, median(times), runs);
}

void barcodeCase(const char *name, const QImage &page, qsizetype expected, int runs)
{
    std::vector<double> times;
    qsizetype found = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        found = BarcodeReader::read(page).size();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    std::printf("%-36s %lld of %lld found, median %.1f ms (min %.1f, max %.1f; %d runs)\n", name,
        static_cast<long long>(found), static_cast<long long>(expected), median(times), times.front(), times.back(),
        runs);
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 11;

    const auto scanned = [](const QImage &page) {
        return testpages::noisy(testpages::blurred(testpages::rotated(page, 1.2)), 12);
    };
    const QImage text200 = testpages::a4Page(200, {}, testpages::sampleText());
    const QImage text300 = testpages::a4Page(300, {}, testpages::sampleText());
    pageCase("A4 text, 200 dpi, clean", text200, 200, runs);
    pageCase("A4 text, 200 dpi, scanned", scanned(text200), 200, runs);
    pageCase("A4 text, 300 dpi, scanned (grey)", scanned(text300), 300, runs);
    pageCase(
        "A4 text, 300 dpi, colour scan, cream", testpages::colourScan(text300, qRgb(246, 236, 212), 1, 12), 300, runs);
    pageCase("A4 text + red seal, 300 dpi, colour", testpages::sealedPage(300), 300, runs);
    pageCase("A4 ID card copy, 300 dpi, colour", testpages::idCopyPage(300), 300, runs);

    barcodeCase("barcodes, A4 at 300 dpi, 4 formats",
        testpages::a4Page(300, testpages::mixedSymbols(), testpages::sampleText()), 4, runs);
    // A faded licence copy: ink 196 on paper 245, 20 % contrast; read only by the retry on the
    // page with its contrast stretched.
    const QImage licence =
        testpages::licencePage(300, QStringLiteral("91330106MA2KXXXX0A"), QStringLiteral("示范公司"));
    barcodeCase("licence QR, A4 at 300 dpi", licence, 1, runs);
    barcodeCase("licence QR at 20 % contrast, 300 dpi",
        testpages::noisy(testpages::blurred(testpages::faded(licence, 196, 245)), 4), 1, runs);
    return 0;
}
