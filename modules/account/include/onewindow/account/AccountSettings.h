#pragma once

#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace ow::account {

// How this window reaches its back office, and when it locks itself.
struct AccountConfig
{
    QUrl backOffice; // empty: not enrolled (demo, or a window set up by hand)
    int idleLockMinutes = 10; // the lock screen covers the window after this long without input
};

// <dataDir>/account.json (0600), beside window.json. A missing file is the default configuration.
class AccountSettings
{
    Q_DECLARE_TR_FUNCTIONS(AccountSettings)

public:
    static QString path(const QString &dataDir);
    static Result<AccountConfig> load(const QString &dataDir);
    // Returns "" or the message.
    static QString save(const QString &dataDir, const AccountConfig &config);
    // The back office's base URL from what the admin typed ("bo.example:8443" → https://…), or a
    // failure naming what is wrong.
    static Result<QUrl> parseAddress(const QString &text);
    // The transport rule: https://, or http:// only to this computer (localhost, 127.0.0.0/8, ::1);
    // anything else is refused with a message for the clerk.
    static Result<QUrl> checkTransport(const QUrl &url);
    static bool isLoopbackHost(const QString &host);
};

} // namespace ow::account
