#pragma once

// One accepted case (open-restaurant, no scans) written through the real IntakeWorkflow, as a
// window's clerk makes it: for tests that need something in the outbox (tst_syncdemo, tst_signin).

#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/Store.h"
#include "onewindow/testsupport/RestaurantVisit.h"

namespace testcase {

// `keyId` signs the receipt ("330106-W03", or a DEMO- one); the key is made in `keysDir` when
// there is none. Returns the case id, or "" (the reason in *error); `qrPayload` gets the signed
// QR of the acceptance receipt.
inline QString makeAcceptedCase(ow::store::Store &store, const QString &region, const QString &window,
    const QString &clerk, const QString &keysDir, const QString &keyId, QString *error, QString *qrPayload = nullptr)
{
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
    ow::intake::IntakeWorkflow w(catalog.value(), calendar.value(), ow::Clock::system(), store, key.value(), config);
    const QString why = ow::testsupport::walkRestaurant(w, ow::testsupport::RestaurantVisit());
    if (!why.isEmpty()) {
        *error = why;
        return QString();
    }
    if (qrPayload) // the receipt's QR, as printed for the applicant
        *qrPayload = w.document().qrPayload;
    return w.caseId();
}

} // namespace testcase
