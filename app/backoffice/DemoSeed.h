#pragma once

#include "onewindow/backoffice/Clock.h"

#include <QStringList>

class QTextStream;

// `onewindow-backoffice admin seed-demo --data-dir DIR [--window-key-dir DIR]`: makes DIR the demo
// back office of `./ow run`, once (a second run changes nothing): the client's built-in demo
// catalogue and work calendar, the departments the catalogue routes to, the demo window
// 330106-W01 with its clerk demo-clerk and one user demo-<department> per department (password
// ow::core::DemoAccounts::password()). With --window-key-dir (the demo client's keys folder)
// the demo window counts as enrolled with its DEMO- key (made there now if the client has none
// yet): an explicit demo setup, the only way a DEMO- key gets into a back office (POST /v1/enrol
// takes a window's own key id only).
class DemoSeed
{
public:
    // `args` after "seed-demo". Returns the exit code (0 done, 1 refused, 2 usage).
    static int run(const QStringList &args, const QString &defaultDataDir, QTextStream &out, QTextStream &err,
        const ow::backoffice::Clock &clock);
};
