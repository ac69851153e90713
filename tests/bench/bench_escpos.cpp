// Figures for the receipt path, printed as medians of repeated runs (not a ctest):
//   build/dev/tests/bench/bench_escpos [runs]
// document build (test page, raster QR), QR raster drawing, stream parse, render to an image,
// and the HID POS decoder's throughput.
//
// Release build, 2026-11-28 (build/release/tests/bench/bench_escpos 51), medians:
//   generic-58 test page 7037 bytes: build 0.69 ms, parse 0.03 ms, render 1.61 ms (384x878)
//   generic-80 test page 14944 bytes: build 0.91 ms, parse 0.04 ms, render 2.17 ms (576x878)
//   QR raster, 71 bytes, module 6, EC M: 0.40 ms
//   HID POS decode, 100 scans of 1000 bytes (18 reports each): 0.07 ms
#include "onewindow/escpossim/EscPosParser.h"
#include "onewindow/escpossim/ReceiptRenderer.h"
#include "onewindow/printer/QrRaster.h"
#include "onewindow/printer/TestPage.h"
#include "onewindow/scanner/HidPosReportDecoder.h"

#include <QElapsedTimer>
#include <QGuiApplication>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

double medianMs(int runs, const std::function<void()> &work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int runs = argc > 1 ? qMax(3, QByteArray(argv[1]).toInt()) : 51;
    using ow::printer::EscPosDocument;
    using ow::printer::PrinterProfile;

    for (const PrinterProfile &profile : {PrinterProfile::defaultProfile(), PrinterProfile::generic80()}) {
        QByteArray stream;
        const double build = medianMs(
            runs, [&] { stream = ow::printer::TestPage::build(profile, EscPosDocument::QrMode::Raster).bytes(); });
        ow::escpossim::EscPosPage page;
        const double parse =
            medianMs(runs, [&] { page = ow::escpossim::EscPosParser::parse(stream, profile.dotsPerLine).value(); });
        QImage image;
        const double render = medianMs(runs, [&] { image = ow::escpossim::ReceiptRenderer::render(page); });
        std::printf("%s test page: %lld bytes; build %.2f ms, parse %.2f ms, render %.2f ms (%dx%d), median of %d\n",
            qPrintable(profile.id), static_cast<long long>(stream.size()), build, parse, render, image.width(),
            image.height(), runs);
    }
    const QByteArray payload =
        QString::fromUtf8("https://example.invalid/q?n=2026-000123&事项=营业执照变更登记").toUtf8();
    const double qr =
        medianMs(runs, [&] { (void)ow::printer::QrRaster::render(payload, 6, ow::printer::QrErrorCorrection::M); });
    std::printf("QR raster (%lld bytes, module 6, EC M): %.3f ms\n", static_cast<long long>(payload.size()), qr);

    const QList<QByteArray> reports = ow::scanner::HidPosReportDecoder::encode(QByteArray(1000, 'x'), "]Q1", 's');
    const double decode = medianMs(runs, [&] {
        ow::scanner::HidPosReportDecoder d;
        for (int i = 0; i < 100; ++i) {
            for (const QByteArray &r : reports)
                (void)d.feed(r);
        }
    });
    std::printf("HID POS decode: 100 scans of 1000 bytes (%lld reports each) in %.3f ms\n",
        static_cast<long long>(reports.size()), decode);
    return 0;
}
