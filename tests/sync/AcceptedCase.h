#pragma once

// One accepted case (open-restaurant, no scans) written through the real IntakeWorkflow, as a
// window's clerk makes it: for tests that need something in the outbox (tst_syncdemo, tst_signin).

#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/Store.h"

#include <QStringList>

namespace testcase {

// `keyId` signs the receipt ("330106-W03", or a DEMO- one); the key is made in `keysDir` when
// there is none. Returns the case id, or "" (the reason in *error); `qrPayload` gets the signed
// QR of the acceptance receipt.
inline QString makeAcceptedCase(ow::store::Store &store, const QString &region, const QString &window,
    const QString &clerk, const QString &keysDir, const QString &keyId, QString *error, QString *qrPayload = nullptr)
{
    using ow::intake::IntakeWorkflow;
    const auto catalog = ow::Catalog::load(ow::Catalog::builtinPath());
    const auto calendar = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    if (!catalog || !calendar) {
        *error = !catalog ? catalog.error() : calendar.error();
        return QString();
    }
    const auto key = ow::receipt::WindowKey::loadOrCreate(keysDir, keyId);
    if (!key) {
        *error = key.error();
        return QString();
    }
    ow::intake::WindowConfig config;
    config.regionCode = region;
    config.windowCode = window;
    config.windowName = QStringLiteral("Window ") + window;
    config.clerk = clerk;
    IntakeWorkflow w(catalog.value(), calendar.value(), ow::Clock::system(), store, key.value(), config);
    QStringList errors;
    auto must = [&errors](const QString &err) {
        if (!err.isEmpty())
            errors << err;
    };
    must(w.start());
    must(w.setApplicant(
        ow::intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value()));
    must(w.choose(ow::checklist::Selection::ofBundle(QStringLiteral("open-restaurant"))));
    must(w.answer(QStringLiteral("entity"), QStringLiteral("individual")));
    must(w.answer(QStringLiteral("area"), QStringLiteral("120")));
    must(w.answer(QStringLiteral("renovation"), QStringLiteral("no")));
    must(w.answer(QStringLiteral("fumes"), QStringLiteral("yes")));
    must(w.answer(QStringLiteral("signboard"), QStringLiteral("no")));
    const auto lines = w.checklist().materials; // a copy: each mark() recomputes the checklist
    for (const auto &line : lines)
        must(w.mark(line.id, ow::checklist::Received::Original));
    must(w.goTo(IntakeWorkflow::Step::Verdict));
    must(w.decide(IntakeWorkflow::Decision::Accept, QString()));
    must(w.recordPrinted(QStringLiteral("receipt-printer")));
    if (qrPayload) // the receipt's QR, as printed for the applicant
        *qrPayload = w.document().qrPayload;
    must(w.finish());
    if (!errors.isEmpty()) {
        *error = errors.join(QLatin1String("; "));
        return QString();
    }
    return w.caseId();
}

} // namespace testcase
