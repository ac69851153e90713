#include "onewindow/backoffice/Accounts.h"

#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/Secrets.h"
#include "onewindow/backoffice/WindowRegistry.h"

#include <QFuture>
#include <QPromise>
#include <QStringList>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace ow::backoffice {

namespace {

const QStringList &roles()
{
    static const QStringList all {QStringLiteral("clerk"), QStringLiteral("station"), QStringLiteral("supervisor"),
        QStringLiteral("department"), QStringLiteral("admin")};
    return all;
}

ApiReply unauthorized(const QString &message)
{
    ApiReply r = ApiReply::error(401, QStringLiteral("unauthorized"), message);
    r.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"onewindow\"")});
    return r;
}

} // namespace

QJsonObject Principal::toJson() const
{
    QJsonObject o {{QStringLiteral("name"), user}, {QStringLiteral("role"), role}};
    o.insert(QStringLiteral("window"), window.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(window));
    o.insert(
        QStringLiteral("department"), department.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(department));
    if (!hall.isEmpty())
        o.insert(QStringLiteral("hall"), hall);
    return o;
}

Accounts::Accounts(Database &db, WindowRegistry &windows, Clock clock, int tokenMinutes)
    : m_db(db)
    , m_windows(windows)
    , m_clock(std::move(clock))
    , m_tokenMinutes(tokenMinutes)
    , m_throttle(m_clock)
{
    // One core for PBKDF2 at most, so the I/O thread keeps the other (two-core machines).
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
}

Accounts::~Accounts()
{
    m_pool.waitForDone();
}

Result<bool> Accounts::addUser(const QString &name, const QString &role, const QString &window,
    const QString &department, const QByteArray &password)
{
    using R = Result<bool>;
    const QString user = name.trimmed();
    if (user.isEmpty() || user.size() > 100)
        return R::failure(QStringLiteral("A user needs a name (up to 100 characters)."));
    if (!roles().contains(role))
        return R::failure(QStringLiteral("--role is one of %1.").arg(roles().join(QStringLiteral(", "))));
    const bool windowRole = role == QLatin1String("clerk") || role == QLatin1String("station");
    if (windowRole && window.isEmpty())
        return R::failure(QStringLiteral("A %1 is bound to a window: give --window KEYID.").arg(role));
    if (!window.isEmpty() && !m_windows.windowExists(window))
        return R::failure(QStringLiteral("There is no window %1 (add it with admin add-window).").arg(window));
    if (role == QLatin1String("department") && department.trimmed().isEmpty())
        return R::failure(QStringLiteral("A department user needs --department."));
    if (password.size() < 8)
        return R::failure(QStringLiteral("The password needs at least 8 characters."));
    auto hash = Secrets::hashPassword(password);
    if (!hash)
        return R::failure(hash.error());
    auto exists = m_db.exec(QStringLiteral("SELECT 1 FROM users WHERE name = ?"), {user});
    if (!exists)
        return R::failure(exists.error());
    if (exists.value().next())
        return R::failure(QStringLiteral("User %1 already exists.").arg(user));
    auto q = m_db.exec(QStringLiteral("INSERT INTO users (name, role, window_key_id, department, password_hash,"
                                      " failed_count, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)"),
        {user, role, window.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(window),
            department.trimmed().isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(department.trimmed()),
            *hash, isoUtc(m_clock())});
    if (!q)
        return R::failure(q.error());
    (void)m_db.audit(QStringLiteral("admin"), QStringLiteral("add-user"), user + QLatin1Char(' ') + role);
    return true;
}

ApiReply Accounts::signIn(const QJsonObject &body, const QHostAddress &from, const ReplyHandle &reply)
{
    const QJsonValue nameValue = body.value(QLatin1String("name"));
    const QJsonValue passwordValue = body.value(QLatin1String("password"));
    const QString name = nameValue.toString().trimmed();
    const QByteArray password = passwordValue.toString().toUtf8();
    if (!nameValue.isString() || !passwordValue.isString() || name.isEmpty() || password.isEmpty())
        return ApiReply::error(
            400, QStringLiteral("bad-request"), QStringLiteral("Sign-in needs name and password (strings)."));
    if (const int wait = m_throttle.addressWait(from); wait > 0) {
        ApiReply r = ApiReply::error(429, QStringLiteral("too-many-attempts"),
            QStringLiteral("Too many wrong sign-ins from this address; try again in %1 s.").arg(wait));
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(wait)});
        return r;
    }
    if (m_pending >= kMaxPendingSignIns) {
        ApiReply r = ApiReply::error(503, QStringLiteral("busy"),
            QStringLiteral("The back office is checking many sign-ins; try again in a moment."));
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
        return r;
    }
    Candidate who;
    who.name = name;
    who.locked = m_throttle.pairLocked(name, from);
    if (name.size() <= kMaxNameLength) {
        auto q = m_db.exec(QStringLiteral("SELECT password_hash, disabled_at FROM users WHERE name = ?"), {name});
        if (!q)
            return ApiReply::storage(q.error());
        if (q.value().next() && q.value().value(1).isNull()) {
            who.known = true;
            if (!who.locked)
                who.storedHash = q.value().value(0).toString();
        }
    }
    m_throttle.attempted(name, from);
    ++m_pending;
    // PBKDF2 on a worker: the same work whether the user exists or not (one answer, similar time).
    const QString stored = who.storedHash;
    auto promise = std::make_shared<QPromise<bool>>();
    QFuture<bool> checked = promise->future();
    promise->start();
    m_pool.start([promise, password, stored] {
        bool verified = false;
        if (stored.isEmpty())
            Secrets::burnVerification(password);
        else
            verified = Secrets::verifyPassword(password, stored);
        promise->addResult(verified);
        promise->finish();
    });
    checked.then(&m_context, [this, who, from, reply](bool verified) {
        --m_pending;
        reply.send(finishSignIn(who, from, verified));
    });
    return ApiReply::later();
}

ApiReply Accounts::finishSignIn(const Candidate &who, const QHostAddress &from, bool verified)
{
    const QString address = from.toString();
    if (!verified) {
        // Only a user's own name is written; anything else given as a name is kept as a short
        // digest, so no sign-in can grow the database by more than a bounded line.
        const QString actor = who.known ? who.name : QStringLiteral("?") + SignInThrottle::nameDigest(who.name);
        const QString why = !who.known ? QStringLiteral("no such user")
            : who.locked               ? QStringLiteral("too many wrong passwords from there")
                                       : QStringLiteral("wrong password");
        std::fprintf(stderr, "onewindow-backoffice: %s for user %s from %s\n", qPrintable(why), qPrintable(actor),
            qPrintable(address));
        std::fflush(stderr);
        (void)m_db.audit(actor, QStringLiteral("sign-in-failed"), QStringLiteral("%1, %2").arg(address, why));
        return unauthorized(QStringLiteral("Wrong name or password (after several wrong tries, wait a few minutes)."));
    }
    // The password was right: read the user again (it may have been disabled meanwhile).
    auto q = m_db.exec(
        QStringLiteral("SELECT role, window_key_id, department, disabled_at FROM users WHERE name = ?"), {who.name});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next() || !q.value().value(3).isNull())
        return unauthorized(QStringLiteral("Wrong name or password (after several wrong tries, wait a few minutes)."));
    Principal p;
    p.user = who.name;
    p.role = q.value().value(0).toString();
    p.window = q.value().value(1).toString();
    p.department = q.value().value(2).toString();
    auto token = Secrets::newToken();
    if (!token)
        return ApiReply::storage(token.error());
    const QDateTime now = m_clock();
    p.tokenHash = Secrets::sha256Hex(token->toLatin1());
    p.expiresAt = isoUtc(now.addSecs(qint64(m_tokenMinutes) * 60));
    auto made = m_db.exec(QStringLiteral("INSERT INTO sessions (token_hash, user_name, created_at, expires_at)"
                                         " VALUES (?, ?, ?, ?)"),
        {p.tokenHash, p.user, isoUtc(now), p.expiresAt});
    if (!made)
        return ApiReply::storage(made.error());
    m_throttle.succeeded(who.name, from);
    (void)m_db.audit(p.user, QStringLiteral("sign-in"), address);
    return ApiReply::json(201,
        QJsonObject {{QStringLiteral("token"), *token}, {QStringLiteral("expiresAt"), p.expiresAt},
            {QStringLiteral("user"), p.toJson()}});
}

ApiResult<Principal> Accounts::authenticate(const QByteArray &authorization)
{
    const QByteArray header = authorization.trimmed();
    if (header.isEmpty())
        return unauthorized(QStringLiteral("Sign in first (Authorization: Bearer <token>)."));
    if (!header.toLower().startsWith("bearer "))
        return unauthorized(QStringLiteral("Only bearer tokens are accepted."));
    const QByteArray token = header.mid(7).trimmed();
    auto q =
        m_db.exec(QStringLiteral("SELECT s.expires_at, s.ended_at, u.name, u.role, u.window_key_id,"
                                 " u.department, u.disabled_at FROM sessions s JOIN users u ON u.name = s.user_name"
                                 " WHERE s.token_hash = ?"),
            {Secrets::sha256Hex(token)});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next()) {
        // A hall's kiosk or display (HallQueue): a device token of its own, until revoked.
        auto device = m_db.exec(
            QStringLiteral("SELECT name, kind, hall FROM hall_devices WHERE token_hash = ? AND revoked_at IS NULL"),
            {Secrets::sha256Hex(token)});
        if (!device)
            return ApiReply::storage(device.error());
        if (!device.value().next())
            return unauthorized(QStringLiteral("This token is not valid."));
        Principal p;
        p.user = device.value().value(0).toString();
        p.role = device.value().value(1).toString();
        p.hall = device.value().value(2).toString();
        p.tokenHash = Secrets::sha256Hex(token);
        return p;
    }
    if (!q.value().value(1).isNull() || !q.value().value(6).isNull())
        return unauthorized(QStringLiteral("This session was signed out."));
    if (q.value().value(0).toString() <= isoUtc(m_clock()))
        return unauthorized(QStringLiteral("This session has expired; sign in again."));
    Principal who;
    who.expiresAt = q.value().value(0).toString();
    who.user = q.value().value(2).toString();
    who.role = q.value().value(3).toString();
    who.window = q.value().value(4).toString();
    who.department = q.value().value(5).toString();
    who.tokenHash = Secrets::sha256Hex(token);
    return who;
}

ApiReply Accounts::signOut(const Principal &who)
{
    auto q = m_db.exec(QStringLiteral("UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL"),
        {isoUtc(m_clock()), who.tokenHash});
    if (!q)
        return ApiReply::storage(q.error());
    (void)m_db.audit(who.user, QStringLiteral("sign-out"), QString());
    return ApiReply::empty(204);
}

Result<bool> Accounts::userExists(const QString &name)
{
    auto q = m_db.exec(QStringLiteral("SELECT 1 FROM users WHERE name = ?"), {name});
    if (!q)
        return Result<bool>::failure(q.error());
    if (!q.value().next())
        return Result<bool>::failure(QStringLiteral("There is no user %1.").arg(name));
    return true;
}

Result<QList<UserInfo>> Accounts::users()
{
    auto q = m_db.exec(QStringLiteral("SELECT u.name, u.role, u.window_key_id, u.department, u.created_at,"
                                      " u.disabled_at, (SELECT COUNT(*) FROM sessions s WHERE s.user_name = u.name"
                                      " AND s.ended_at IS NULL AND s.expires_at > ?) FROM users u ORDER BY u.name"),
        {isoUtc(m_clock())});
    if (!q)
        return Result<QList<UserInfo>>::failure(q.error());
    QList<UserInfo> all;
    while (q.value().next()) {
        UserInfo u;
        u.name = q.value().value(0).toString();
        u.role = q.value().value(1).toString();
        u.window = q.value().value(2).toString();
        u.department = q.value().value(3).toString();
        u.createdAt = q.value().value(4).toString();
        u.disabledAt = q.value().value(5).toString();
        u.openSessions = q.value().value(6).toInt();
        all.append(u);
    }
    return all;
}

Result<int> Accounts::endSessionsOf(const QString &name)
{
    auto q = m_db.exec(QStringLiteral("UPDATE sessions SET ended_at = ? WHERE user_name = ? AND ended_at IS NULL"),
        {isoUtc(m_clock()), name});
    if (!q)
        return Result<int>::failure(q.error());
    return q.value().numRowsAffected();
}

Result<bool> Accounts::setDisabled(const QString &name, bool disabled)
{
    auto exists = userExists(name);
    if (!exists)
        return exists;
    if (!m_db.begin())
        return Result<bool>::failure(m_db.lastError());
    auto set = m_db.exec(QStringLiteral("UPDATE users SET disabled_at = ? WHERE name = ?"),
        {disabled ? QVariant(isoUtc(m_clock())) : QVariant(QMetaType::fromType<QString>()), name});
    auto ended = set && disabled ? endSessionsOf(name) : Result<int>(0);
    if (!set || !ended || !m_db.commit()) {
        m_db.rollback();
        return Result<bool>::failure(!set ? set.error() : !ended ? ended.error() : m_db.lastError());
    }
    return true;
}

Result<bool> Accounts::resetPassword(const QString &name, const QByteArray &password)
{
    if (password.size() < 8)
        return Result<bool>::failure(QStringLiteral("The password needs at least 8 characters."));
    auto exists = userExists(name);
    if (!exists)
        return exists;
    auto hash = Secrets::hashPassword(password);
    if (!hash)
        return Result<bool>::failure(hash.error());
    if (!m_db.begin())
        return Result<bool>::failure(m_db.lastError());
    auto set = m_db.exec(QStringLiteral("UPDATE users SET password_hash = ? WHERE name = ?"), {*hash, name});
    auto ended = set ? endSessionsOf(name) : Result<int>(0);
    if (!set || !ended || !m_db.commit()) {
        m_db.rollback();
        return Result<bool>::failure(!set ? set.error() : !ended ? ended.error() : m_db.lastError());
    }
    return true;
}

} // namespace ow::backoffice
