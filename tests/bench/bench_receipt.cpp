// Prints the intake figures of issue 6, as medians over repeated runs (wall time on this machine):
//   accept → ESC/POS bytes ready   (decide: sign the QR, build and freeze the document, append the
//                                   "decided" log entry with the case and the notice in one SQLite
//                                   transaction; then the ESC/POS bytes), with synchronous=FULL (what
//                                   the client runs) and NORMAL side by side
//   A4 PDF                          (PdfRenderer, CJK font embedded)
// Usage: bench_receipt [runs]   (default 30). Needs fonts: runs with QT_QPA_PLATFORM=offscreen.
#include "onewindow/catalog/Catalog.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/printer/PrinterProfile.h"
#include "onewindow/receipt/EscPosReceipt.h"
#include "onewindow/receipt/PdfRenderer.h"
#include "onewindow/receipt/QrCache.h"
#include "onewindow/store/Store.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace ow;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double p90(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, v.size() * 9 / 10)];
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(3, atoi(argv[1])) : 30;

    const auto catalog = Catalog::load(Catalog::builtinPath());
    const auto calendar = WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    if (!catalog || !calendar) {
        std::fprintf(stderr, "cannot load the demo catalogue or calendar\n");
        return 1;
    }
    QTemporaryDir dir, normalDir;
    auto store = store::Store::open(dir.path());
    store::Store::Options normal;
    normal.synchronous = QStringLiteral("NORMAL");
    auto normalStore = store::Store::open(normalDir.path(), normal);
    if (!store || !normalStore) {
        std::fprintf(stderr, "%s\n", qPrintable(store ? normalStore.error() : store.error()));
        return 1;
    }
    const FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 30)));
    const auto key = receipt::WindowKey::generate(QStringLiteral("330106-W03")).value();
    intake::WindowConfig window;
    window.windowCode = QStringLiteral("W03");
    window.windowName = QStringLiteral("综合窗口 3");
    window.clerk = QStringLiteral("李建华");
    window.office = QStringLiteral("杭州市西湖区行政服务中心");
    const auto printer = printer::PrinterProfile::defaultProfile();

    std::vector<double> acceptMs, acceptNormalMs, escposMs, pdfMs;
    int reprintEncodings = 0; // QR symbols encoded again for a reprint (0: the decision's is reused)
    for (int i = 0; i < 2 * runs; ++i) {
        const bool full = i % 2 == 0; // the two modes interleaved, so both see the same machine
        intake::IntakeWorkflow w(
            catalog.value(), calendar.value(), clock, full ? store.value() : normalStore.value(), key, window);
        // As the window's intake page wires it: the QR starts encoding as soon as the document is signed.
        w.setOnDocumentSigned([](const receipt::ReceiptDocument &doc) { receipt::EscPosReceipt::prepare(doc); });
        w.start();
        w.setApplicant(intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value());
        w.choose(checklist::Selection::ofBundle(QStringLiteral("open-restaurant")));
        w.answer(QStringLiteral("entity"), QStringLiteral("individual"));
        w.answer(QStringLiteral("area"), QStringLiteral("120"));
        w.answer(QStringLiteral("renovation"), QStringLiteral("no"));
        w.answer(QStringLiteral("fumes"), QStringLiteral("yes"));
        w.answer(QStringLiteral("signboard"), QStringLiteral("no"));
        const auto lines = w.checklist().materials; // a copy: every mark recomputes the checklist
        for (const auto &line : lines)
            w.mark(line.id, checklist::Received::Original);
        w.goTo(intake::IntakeWorkflow::Step::Verdict);

        QElapsedTimer t;
        t.start();
        const QString err = w.decide(intake::IntakeWorkflow::Decision::Accept);
        const auto bytes = receipt::EscPosReceipt::bytes(w.document(), printer);
        (full ? acceptMs : acceptNormalMs).push_back(double(t.nsecsElapsed()) / 1e6);
        if (!err.isEmpty() || !bytes || bytes->isEmpty()) {
            std::fprintf(stderr, "accept failed: %s\n", qPrintable(err.isEmpty() ? bytes.error() : err));
            return 1;
        }
        if (!full)
            continue;

        const int encodings = receipt::QrCache::encodings();
        t.restart();
        const auto again = receipt::EscPosReceipt::bytes(w.document(), printer);
        escposMs.push_back(double(t.nsecsElapsed()) / 1e6);
        reprintEncodings += receipt::QrCache::encodings() - encodings;
        if (!again || again.value() != bytes.value()) {
            std::fprintf(stderr, "the ESC/POS bytes differ from one rendering to the next\n");
            return 1;
        }

        t.restart();
        const auto pdf = receipt::PdfRenderer::render(w.document());
        pdfMs.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!pdf) {
            std::fprintf(stderr, "pdf failed: %s\n", qPrintable(pdf.error()));
            return 1;
        }
    }
    std::printf("runs: %d (first run included; fonts and SQLite warm up in it)\n", runs);
    std::printf("accept -> ESC/POS bytes ready: median %.2f ms, p90 %.2f ms (target <= 4 ms; synchronous=FULL)\n",
        median(acceptMs), p90(acceptMs));
    std::printf("  the same, synchronous=NORMAL: median %.2f ms, p90 %.2f ms (the cost of FULL: %.2f ms)\n",
        median(acceptNormalMs), p90(acceptNormalMs), median(acceptMs) - median(acceptNormalMs));
    std::printf("  ESC/POS bytes again (reprint): median %.2f ms, p90 %.2f ms\n", median(escposMs), p90(escposMs));
    std::printf("  QR symbols encoded again for %d reprints: %d\n", runs, reprintEncodings);
    std::printf(
        "A4 PDF:                        median %.2f ms, p90 %.2f ms (target <= 100 ms)\n", median(pdfMs), p90(pdfMs));
    return 0;
}
