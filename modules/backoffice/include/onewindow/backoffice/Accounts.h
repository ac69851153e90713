#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"
#include "onewindow/core/Result.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QString>

namespace ow::backoffice {

class Database;
class WindowRegistry;

// Who is calling: the user behind a valid bearer token.
struct Principal
{
    QString user;
    QString role; // clerk | station | supervisor | department | admin
    QString window; // key id of the bound window (clerk, station; optional otherwise)
    QString department;
    QString tokenHash;
    QString expiresAt;

    bool isWindowRole() const { return role == QLatin1String("clerk") || role == QLatin1String("station"); }
    QJsonObject toJson() const;
};

// Users, their password hashes and their sessions (short-lived bearer tokens, stored hashed).
// A wrong password locks the user out for 1, 2, 4 … up to 300 seconds (429 meanwhile) and is
// logged to stderr and table audit.
class Accounts
{
public:
    static constexpr int kDefaultTokenMinutes = 60;
    static constexpr int kMaxBackoffSeconds = 300;

    Accounts(Database &db, WindowRegistry &windows, Clock clock, int tokenMinutes = kDefaultTokenMinutes);

    [[nodiscard]] Result<bool> addUser(const QString &name, const QString &role, const QString &window,
        const QString &department, const QByteArray &password);

    // POST /v1/sessions {name, password} → 201 {token, expiresAt, user}.
    ApiReply signIn(const QJsonObject &body, const QHostAddress &from);
    // The "Authorization: Bearer …" header → the principal, or 401.
    ApiResult<Principal> authenticate(const QByteArray &authorization);
    // DELETE /v1/sessions/current → 204.
    ApiReply signOut(const Principal &who);

private:
    Database &m_db;
    WindowRegistry &m_windows;
    Clock m_clock;
    int m_tokenMinutes;
};

} // namespace ow::backoffice
