#pragma once

#include "SyncFixture.h"

#include "onewindow/account/SyncLink.h"
#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/WindowConfig.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/Store.h"

#include <memory>
#include <optional>

namespace synctest {

// The demo window of a seeded back office, for the tests of a case's whole circle: `admin
// seed-demo` in DIR/backoffice with the demo window's key made in DIR/window/keys, the back office
// started, the window's store, catalogue, calendar, key and configuration, and its SyncLink
// signed in as the demo clerk and started. The parts are public: a test uses them as the window's
// wiring (app/client) does.
struct DemoWindow
{
    // Seeds the back office's data; admin commands (more users, a hall) may run between seed()
    // and start(). "" or why not.
    [[nodiscard]] QString seed(const QString &dir);
    // Starts the back office and opens the window. "" or why not.
    [[nodiscard]] QString start();
    // The link first (it has a worker on the store), then the back office (SIGKILL).
    void stop();

    QString serverDir;
    QString clientDir;
    QString keysDir;
    QString url;
    Server server;
    std::optional<ow::store::Store> store;
    std::optional<ow::Catalog> catalog;
    std::optional<ow::WorkCalendar> calendar;
    std::optional<ow::receipt::WindowKey> key;
    ow::intake::WindowConfig config;
    std::unique_ptr<ow::account::SyncLink> link;
};

} // namespace synctest
