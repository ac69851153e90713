#pragma once

#include <QString>

namespace ow::core {

// The people of the demo back office (`onewindow-backoffice admin seed-demo`, started by
// `./ow run`): public, printed in the README, and only ever used with --demo. A real back office
// never has them unless someone adds them by hand.
struct DemoAccounts
{
    static QString window() { return QStringLiteral("330106-W01"); } // the demo window's key id
    static QString clerk() { return QStringLiteral("demo-clerk"); }
    // The demo department of `department` ("amr" → "demo-amr").
    static QString departmentUser(const QString &department) { return QStringLiteral("demo-") + department; }
    static QString password() { return QStringLiteral("demo-password"); }
    // The demo hall (its queue: the demo window serves every category) and its kiosk's and
    // display's device tokens (public like the password: a real hall's come from
    // `admin add-hall-device`, random, shown once).
    static QString hall() { return QStringLiteral("DEMO-HALL"); }
    static QString kioskToken() { return QStringLiteral("demo-kiosk-token"); }
    static QString displayToken() { return QStringLiteral("demo-display-token"); }
};

} // namespace ow::core
