#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"
#include "onewindow/backoffice/ReplyHandle.h"
#include "onewindow/backoffice/SignInThrottle.h"
#include "onewindow/core/Result.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QThreadPool>

namespace ow::backoffice {

class Database;
class WindowRegistry;

// Who is calling: the user behind a valid bearer token.
struct Principal
{
    QString user;
    QString role; // clerk | station | supervisor | department | admin; kiosk | display (a hall device)
    QString window; // key id of the bound window (clerk, station; optional otherwise)
    QString department;
    QString hall; // a hall device's hall (HallQueue::addDevice)
    QString tokenHash;
    QString expiresAt;

    bool isWindowRole() const { return role == QLatin1String("clerk") || role == QLatin1String("station"); }
    QJsonObject toJson() const;
};

// One user as `admin list-users` shows it.
struct UserInfo
{
    QString name;
    QString role;
    QString window;
    QString department;
    QString createdAt;
    QString disabledAt; // "" while the user may sign in
    int openSessions = 0;
};

// Users, their password hashes and their sessions (short-lived bearer tokens, stored hashed).
// Sign-in gives one answer (401, the same body) for an unknown name, a wrong password, a disabled
// user and a (name, address) that had too many wrong passwords; an address with too many wrong
// sign-ins waits (429, whatever the name). Counting is SignInThrottle's, in memory. PBKDF2 runs on
// a worker thread, never on the server's I/O thread. A failed sign-in is logged to stderr and table
// audit with the name only if it is a user's, otherwise as a short digest of it.
class Accounts
{
public:
    static constexpr int kDefaultTokenMinutes = 60;
    // Sign-ins whose PBKDF2 waits or runs at once; more → 503.
    static constexpr int kMaxPendingSignIns = 128;
    // The longest name and password a sign-in may give (the body is at most kMaxSignInBody bytes).
    static constexpr int kMaxNameLength = 100;
    static constexpr qint64 kMaxSignInBody = 4096;

    Accounts(Database &db, WindowRegistry &windows, Clock clock, int tokenMinutes = kDefaultTokenMinutes);
    ~Accounts();
    Accounts(const Accounts &) = delete;
    Accounts &operator=(const Accounts &) = delete;

    [[nodiscard]] Result<bool> addUser(const QString &name, const QString &role, const QString &window,
        const QString &department, const QByteArray &password);

    // POST /v1/sessions {name, password} → 201 {token, expiresAt, user}, sent later through
    // `reply` (ApiReply::later() is returned), or at once an error (400, 429, 503).
    ApiReply signIn(const QJsonObject &body, const QHostAddress &from, const ReplyHandle &reply);
    // The "Authorization: Bearer …" header → the principal, or 401.
    ApiResult<Principal> authenticate(const QByteArray &authorization);
    // DELETE /v1/sessions/current → 204.
    ApiReply signOut(const Principal &who);

    // Administration (onewindow-backoffice admin …).
    [[nodiscard]] Result<QList<UserInfo>> users();
    // A disabled user cannot sign in and its sessions end at once; enabling lets it sign in again.
    [[nodiscard]] Result<bool> setDisabled(const QString &name, bool disabled);
    // A new password (at least 8 characters); the user's sessions end.
    [[nodiscard]] Result<bool> resetPassword(const QString &name, const QByteArray &password);
    // Ends every open session of the user; the number ended.
    [[nodiscard]] Result<int> endSessionsOf(const QString &name);

private:
    struct Candidate
    {
        QString name;
        QString storedHash; // "" for an unknown or disabled user, or a locked (name, address)
        bool known = false; // a user of that name exists and is enabled
        bool locked = false;
    };
    ApiReply finishSignIn(const Candidate &who, const QHostAddress &from, bool verified);
    [[nodiscard]] Result<bool> userExists(const QString &name);

    Database &m_db;
    WindowRegistry &m_windows;
    Clock m_clock;
    int m_tokenMinutes;
    SignInThrottle m_throttle;
    int m_pending = 0;
    QObject m_context; // continuations of the PBKDF2 jobs run on the thread of Accounts
    QThreadPool m_pool; // declared last: destroyed (waiting for its jobs) first
};

} // namespace ow::backoffice
