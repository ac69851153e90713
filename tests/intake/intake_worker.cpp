// Runs acceptances against a store forever, as fast as it can: the victim of tst_intakecrash,
// which kills it with SIGKILL at random points. Usage: intake_worker DATA_DIR
#include "onewindow/core/Clock.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/store/Store.h"

#include <QCoreApplication>

#include <cstdio>

using namespace ow;
using intake::IntakeWorkflow;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: intake_worker DATA_DIR\n");
        return 2;
    }
    auto catalog = Catalog::load(Catalog::builtinPath());
    auto calendar = WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    auto store = store::Store::open(QString::fromLocal8Bit(argv[1]));
    if (!catalog || !calendar || !store) {
        std::fprintf(stderr, "intake_worker: cannot start: %s\n", qPrintable(store ? catalog.error() : store.error()));
        return 1;
    }
    intake::WindowConfig config;
    config.windowCode = QStringLiteral("W07");
    config.clerk = QStringLiteral("crash-test");
    auto key = receipt::WindowKey::generate(config.keyId());
    const Clock &clock = Clock::system();
    IntakeWorkflow w(catalog.value(), calendar.value(), clock, store.value(), key.value(), config);
    const QString resumed = w.resumeLatest(); // a case cut off by the last kill goes on
    Q_UNUSED(resumed);
    std::fprintf(stdout, "ready\n");
    std::fflush(stdout);
    auto must = [](const QString &err) {
        if (!err.isEmpty()) {
            std::fprintf(stderr, "intake_worker: %s\n", qPrintable(err));
            std::exit(1);
        }
    };
    for (int round = 0;; ++round) {
        if (!w.hasCase() || w.step() == IntakeWorkflow::Step::Done)
            must(w.start());
        if (round % 5 == 4) {
            must(w.start()); // Ctrl+N on an empty case
            continue;
        }
        if (!w.applicant())
            must(w.setApplicant(
                intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value()));
        if (w.selection().bundle.isEmpty())
            must(w.choose(checklist::Selection::ofBundle(QStringLiteral("open-restaurant"))));
        if (w.step() < IntakeWorkflow::Step::Print) {
            must(w.answer(QStringLiteral("entity"), QStringLiteral("individual")));
            must(w.answer(QStringLiteral("area"), QStringLiteral("120")));
            must(w.answer(QStringLiteral("renovation"), QStringLiteral("no")));
            must(w.answer(QStringLiteral("fumes"), QStringLiteral("yes")));
            must(w.answer(QStringLiteral("signboard"), QStringLiteral("no")));
            const auto lines = w.checklist().materials;
            for (const checklist::MaterialLine &l : lines)
                must(w.mark(l.id, checklist::Received::Original));
            must(w.goTo(IntakeWorkflow::Step::Verdict));
            must(w.decide(round % 3 == 0 ? IntakeWorkflow::Decision::Refuse : IntakeWorkflow::Decision::Accept,
                QStringLiteral("测试")));
        }
        must(w.recordPrinted(QStringLiteral("receipt-printer")));
        must(w.finish());
    }
}
