#include "onewindow/backoffice/Accounts.h"

#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/Secrets.h"
#include "onewindow/backoffice/WindowRegistry.h"

#include <QStringList>

#include <algorithm>
#include <cstdio>

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
    return o;
}

Accounts::Accounts(Database &db, WindowRegistry &windows, Clock clock, int tokenMinutes)
    : m_db(db)
    , m_windows(windows)
    , m_clock(std::move(clock))
    , m_tokenMinutes(tokenMinutes)
{ }

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

ApiReply Accounts::signIn(const QJsonObject &body, const QHostAddress &from)
{
    const QString name = body.value(QLatin1String("name")).toString().trimmed();
    const QByteArray password = body.value(QLatin1String("password")).toString().toUtf8();
    if (name.isEmpty() || password.isEmpty())
        return ApiReply::error(
            400, QStringLiteral("bad-request"), QStringLiteral("Sign-in needs name and password (strings)."));
    auto q = m_db.exec(QStringLiteral("SELECT role, window_key_id, department, password_hash, failed_count,"
                                      " locked_until FROM users WHERE name = ?"),
        {name});
    if (!q)
        return ApiReply::storage(q.error());
    const QDateTime now = m_clock();
    if (!q.value().next()) {
        Secrets::burnVerification(password);
        (void)m_db.audit(name, QStringLiteral("sign-in-unknown"), from.toString());
        return unauthorized(QStringLiteral("Wrong name or password."));
    }
    Principal who;
    who.user = name;
    who.role = q.value().value(0).toString();
    who.window = q.value().value(1).toString();
    who.department = q.value().value(2).toString();
    const QString stored = q.value().value(3).toString();
    const int failed = q.value().value(4).toInt();
    const QString lockedUntil = q.value().value(5).toString();
    if (!lockedUntil.isEmpty() && lockedUntil > isoUtc(now)) {
        const qint64 wait = std::max<qint64>(1, now.secsTo(QDateTime::fromString(lockedUntil, Qt::ISODateWithMs)) + 1);
        (void)m_db.audit(name, QStringLiteral("sign-in-throttled"), from.toString());
        ApiReply r = ApiReply::error(429, QStringLiteral("too-many-attempts"),
            QStringLiteral("Too many wrong passwords; try again in %1 s.").arg(wait));
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(wait)});
        return r;
    }
    if (!Secrets::verifyPassword(password, stored)) {
        const int count = failed + 1;
        const qint64 backoff = std::min<qint64>(qint64(1) << std::min(count - 1, 16), kMaxBackoffSeconds);
        auto upd = m_db.exec(QStringLiteral("UPDATE users SET failed_count = ?, locked_until = ? WHERE name = ?"),
            {count, isoUtc(now.addSecs(backoff)), name});
        if (!upd)
            return ApiReply::storage(upd.error());
        std::fprintf(stderr, "onewindow-backoffice: wrong password for user %s from %s (%d in a row; locked %llds)\n",
            qPrintable(name), qPrintable(from.toString()), count, static_cast<long long>(backoff));
        std::fflush(stderr);
        (void)m_db.audit(
            name, QStringLiteral("sign-in-failed"), QStringLiteral("%1, %2 in a row").arg(from.toString()).arg(count));
        return unauthorized(QStringLiteral("Wrong name or password."));
    }
    auto token = Secrets::newToken();
    if (!token)
        return ApiReply::storage(token.error());
    who.tokenHash = Secrets::sha256Hex(token->toLatin1());
    who.expiresAt = isoUtc(now.addSecs(qint64(m_tokenMinutes) * 60));
    if (!m_db.begin())
        return ApiReply::storage(m_db.lastError());
    auto reset =
        m_db.exec(QStringLiteral("UPDATE users SET failed_count = 0, locked_until = NULL WHERE name = ?"), {name});
    auto made = m_db.exec(QStringLiteral("INSERT INTO sessions (token_hash, user_name, created_at, expires_at)"
                                         " VALUES (?, ?, ?, ?)"),
        {who.tokenHash, name, isoUtc(now), who.expiresAt});
    if (!reset || !made || !m_db.commit()) {
        m_db.rollback();
        return ApiReply::storage(m_db.lastError());
    }
    (void)m_db.audit(name, QStringLiteral("sign-in"), from.toString());
    return ApiReply::json(201,
        QJsonObject {{QStringLiteral("token"), *token}, {QStringLiteral("expiresAt"), who.expiresAt},
            {QStringLiteral("user"), who.toJson()}});
}

ApiResult<Principal> Accounts::authenticate(const QByteArray &authorization)
{
    const QByteArray header = authorization.trimmed();
    if (header.isEmpty())
        return unauthorized(QStringLiteral("Sign in first (Authorization: Bearer <token>)."));
    if (!header.toLower().startsWith("bearer "))
        return unauthorized(QStringLiteral("Only bearer tokens are accepted."));
    const QByteArray token = header.mid(7).trimmed();
    auto q = m_db.exec(QStringLiteral("SELECT s.expires_at, s.ended_at, u.name, u.role, u.window_key_id,"
                                      " u.department FROM sessions s JOIN users u ON u.name = s.user_name"
                                      " WHERE s.token_hash = ?"),
        {Secrets::sha256Hex(token)});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next())
        return unauthorized(QStringLiteral("This token is not valid."));
    if (!q.value().value(1).isNull())
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

} // namespace ow::backoffice
