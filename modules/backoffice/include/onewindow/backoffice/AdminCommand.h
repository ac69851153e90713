#pragma once

#include "onewindow/backoffice/Clock.h"

#include <QStringList>

class QTextStream;

namespace ow::backoffice {

// `onewindow-backoffice admin …`: adds windows, stations and users and prints enrolment codes,
// straight into the database in --data-dir (safe while the server runs: SQLite WAL, busy timeout).
//   add-window --region R --code C --name N --kind window|station [--valid-hours H]
//   new-code --window KEYID [--valid-hours H]
//   revoke-key --window KEYID
//   add-user --name U --role clerk|station|supervisor|department|admin [--window KEYID]
//            [--department D]            (the password is the first line of stdin)
class AdminCommand
{
public:
    // `args` starts with the sub-command. Returns the exit code (0 done, 1 refused, 2 usage).
    static int run(const QStringList &args, const QString &defaultDataDir, QTextStream &in, QTextStream &out,
        QTextStream &err, const Clock &clock = systemClock());
};

} // namespace ow::backoffice
