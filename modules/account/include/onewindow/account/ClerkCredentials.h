#pragma once

#include <QMetaType>
#include <QString>

namespace ow::account {

// Who signed in at this window and with what, held in memory only (never written anywhere): what
// the sync engine signs in with when it needs a session of its own.
struct ClerkCredentials
{
    QString user;
    QString password;
    QString token; // the session of an online sign-in; empty after an offline one
    bool offline = false;

    bool isValid() const { return !user.isEmpty() && !password.isEmpty(); }
};

} // namespace ow::account

Q_DECLARE_METATYPE(ow::account::ClerkCredentials)
