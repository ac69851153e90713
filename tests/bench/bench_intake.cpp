// Prints what PRAGMA synchronous=FULL (the store's setting: a committed case survives a power
// cut) costs against NORMAL, as medians over repeated whole acceptances (start, applicant,
// matter, five answers, every material marked, accept, finish: each step one SQLite commit).
// Runs alternate between the two modes so both see the same machine.
// Usage: bench_intake [runs] [--dir DIR]   (default 20 runs; DIR: where the stores go, default a
// temporary folder in the current directory — not /tmp, which is often tmpfs where fsync is free).
#include "onewindow/catalog/Catalog.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
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

// One whole acceptance; returns its wall time in ms and the number of commits, or -1.
double acceptance(const Catalog &catalog, const WorkCalendar &calendar, const Clock &clock, store::Store &store,
    const receipt::WindowKey &key, const intake::WindowConfig &window, int *commits)
{
    intake::IntakeWorkflow w(catalog, calendar, clock, store, key, window);
    QElapsedTimer t;
    t.start();
    QStringList errors;
    errors << w.start();
    errors << w.setApplicant(
        intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value());
    errors << w.choose(checklist::Selection::ofBundle(QStringLiteral("open-restaurant")));
    errors << w.answer(QStringLiteral("entity"), QStringLiteral("individual"));
    errors << w.answer(QStringLiteral("area"), QStringLiteral("120"));
    errors << w.answer(QStringLiteral("renovation"), QStringLiteral("no"));
    errors << w.answer(QStringLiteral("fumes"), QStringLiteral("yes"));
    errors << w.answer(QStringLiteral("signboard"), QStringLiteral("no"));
    const auto lines = w.checklist().materials; // a copy: every mark recomputes the checklist
    for (const auto &line : lines)
        errors << w.mark(line.id, checklist::Received::Original);
    errors << w.goTo(intake::IntakeWorkflow::Step::Verdict);
    errors << w.decide(intake::IntakeWorkflow::Decision::Accept);
    errors << w.finish();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    errors.removeAll(QString());
    if (!errors.isEmpty()) {
        std::fprintf(stderr, "acceptance failed: %s\n", qPrintable(errors.first()));
        return -1;
    }
    *commits = int(lines.size()) + 11;
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString base = QDir::currentPath();
    if (const qsizetype i = args.indexOf(QStringLiteral("--dir")); i >= 0 && i + 1 < args.size()) {
        base = args.at(i + 1);
        args.remove(i, 2);
    }
    const int runs = args.isEmpty() ? 20 : std::max(3, args.first().toInt());

    const auto catalog = Catalog::load(Catalog::builtinPath());
    const auto calendar = WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    if (!catalog || !calendar) {
        std::fprintf(stderr, "cannot load the demo catalogue or calendar\n");
        return 1;
    }
    QTemporaryDir dir(QDir(base).filePath(QStringLiteral("bench_intake-XXXXXX")));
    const QStringList modes = {QStringLiteral("NORMAL"), QStringLiteral("FULL")};
    std::vector<store::Store> stores;
    for (const QString &mode : modes) {
        auto s = store::Store::open(dir.filePath(mode), store::Store::Options {mode});
        if (!s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error()));
            return 1;
        }
        stores.push_back(std::move(s.value()));
    }
    const FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 30)));
    const auto key = receipt::WindowKey::generate(QStringLiteral("330106-W03")).value();
    intake::WindowConfig window;
    window.windowCode = QStringLiteral("W03");
    window.windowName = QStringLiteral("综合窗口 3");
    window.clerk = QStringLiteral("李建华");

    std::vector<double> ms[2];
    int commits = 0;
    for (int i = 0; i < runs; ++i) {
        for (int m = 0; m < 2; ++m) {
            const double t =
                acceptance(catalog.value(), calendar.value(), clock, stores[size_t(m)], key, window, &commits);
            if (t < 0)
                return 1;
            ms[m].push_back(t);
        }
    }
    const double normal = median(ms[0]);
    const double full = median(ms[1]);
    std::printf("stores in %s, %d runs per mode, %d commits per acceptance\n", qPrintable(dir.path()), runs, commits);
    std::printf(
        "whole acceptance, synchronous=NORMAL: median %.2f ms (%.3f ms per commit)\n", normal, normal / commits);
    std::printf("whole acceptance, synchronous=FULL:   median %.2f ms (%.3f ms per commit)\n", full, full / commits);
    std::printf("cost of FULL: %+.2f ms per acceptance (x%.2f)\n", full - normal, normal > 0 ? full / normal : 0.0);
    return 0;
}
