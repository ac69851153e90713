#include "onewindow/backoffice/WindowRegistry.h"

#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/Secrets.h"
#include "onewindow/store/WindowSettings.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ow::backoffice {

WindowRegistry::WindowRegistry(Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{ }

Result<QString> WindowRegistry::addWindow(
    const QString &region, const QString &code, const QString &name, const QString &kind, int validHours)
{
    const store::WindowIdentity id = store::WindowSettings::normalised({region, code, name});
    const QString invalid = store::WindowSettings::validate(id);
    if (!invalid.isEmpty())
        return Result<QString>::failure(invalid);
    if (kind != QLatin1String("window") && kind != QLatin1String("station"))
        return Result<QString>::failure(QStringLiteral("--kind is window or station, not \"%1\".").arg(kind));
    const QString keyId = id.region + QLatin1Char('-') + id.code;
    if (windowExists(keyId))
        return Result<QString>::failure(QStringLiteral("Window %1 already exists.").arg(keyId));
    auto q = m_db.exec(QStringLiteral("INSERT INTO windows (key_id, region, code, name, kind, created_at)"
                                      " VALUES (?, ?, ?, ?, ?, ?)"),
        {keyId, id.region, id.code, id.name, kind, isoUtc(m_clock())});
    if (!q)
        return Result<QString>::failure(q.error());
    (void)m_db.audit(QStringLiteral("admin"), QStringLiteral("add-window"), keyId);
    return issueCode(keyId, validHours);
}

Result<QString> WindowRegistry::issueCode(const QString &keyId, int validHours)
{
    if (!windowExists(keyId))
        return Result<QString>::failure(QStringLiteral("There is no window %1.").arg(keyId));
    if (validHours < 1)
        return Result<QString>::failure(QStringLiteral("A code is valid for at least one hour."));
    auto code = Secrets::newEnrolmentCode();
    if (!code)
        return code;
    const QDateTime now = m_clock();
    auto q = m_db.exec(QStringLiteral("INSERT INTO enrolment_codes (code_hash, window_key_id, created_at, expires_at)"
                                      " VALUES (?, ?, ?, ?)"),
        {Secrets::sha256Hex(Secrets::normaliseCode(*code).toLatin1()), keyId, isoUtc(now),
            isoUtc(now.addSecs(qint64(validHours) * 3600))});
    if (!q)
        return Result<QString>::failure(q.error());
    return code;
}

Result<bool> WindowRegistry::revokeKey(const QString &keyId)
{
    const QString now = isoUtc(m_clock());
    if (!m_db.begin())
        return Result<bool>::failure(m_db.lastError());
    auto q = m_db.exec(
        QStringLiteral("UPDATE window_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL"), {now, keyId});
    if (!q) {
        m_db.rollback();
        return Result<bool>::failure(q.error());
    }
    if (q.value().numRowsAffected() < 1) {
        m_db.rollback();
        return Result<bool>::failure(QStringLiteral("Window %1 has no current key.").arg(keyId));
    }
    // The key was the window's identity: its users' sessions end with it.
    auto ended = m_db.exec(QStringLiteral("UPDATE sessions SET ended_at = ? WHERE ended_at IS NULL AND user_name IN"
                                          " (SELECT name FROM users WHERE window_key_id = ?)"),
        {now, keyId});
    if (!ended || !m_db.commit()) {
        const QString why = ended ? m_db.lastError() : ended.error();
        m_db.rollback();
        return Result<bool>::failure(why);
    }
    (void)m_db.audit(QStringLiteral("admin"), QStringLiteral("revoke-key"),
        QStringLiteral("%1 (%2 sessions ended)").arg(keyId).arg(ended.value().numRowsAffected()));
    return true;
}

bool WindowRegistry::KeyPeriod::validAt(const QDateTime &issued) const
{
    return current() || (issued.isValid() && isoUtc(issued) < revokedAt);
}

ApiResult<QList<WindowRegistry::KeyPeriod>> WindowRegistry::keysOf(const QString &keyId)
{
    auto q = m_db.exec(QStringLiteral("SELECT public_key, enrolled_at, revoked_at FROM window_keys WHERE key_id = ?"
                                      " ORDER BY enrolled_at"),
        {keyId});
    if (!q)
        return ApiReply::storage(q.error());
    QList<KeyPeriod> out;
    while (q.value().next()) {
        out.append({QByteArray::fromBase64(q.value().value(0).toString().toLatin1()), q.value().value(1).toString(),
            q.value().value(2).isNull() ? QString() : q.value().value(2).toString()});
    }
    return out;
}

std::optional<ApiReply> WindowRegistry::refusePush(const Principal &who)
{
    if (!who.isWindowRole())
        return ApiReply::error(403, QStringLiteral("forbidden"),
            QStringLiteral("Only a window's clerk or station sends cases and scans, not a %1.").arg(who.role));
    // Read with the token, a moment ago: a current key then is one now (a revocation that lands
    // in between is the same race as one just after the check).
    if (who.windowKeyCurrent)
        return std::nullopt;
    auto keys = keysOf(who.window);
    if (!keys)
        return keys.error;
    if (keys.value->isEmpty())
        return ApiReply::error(403, QStringLiteral("window-not-enrolled"),
            QStringLiteral("Window %1 has not enrolled its key: enrol it with the administrator's code before it "
                           "sends cases.")
                .arg(who.window));
    for (const KeyPeriod &k : std::as_const(*keys.value)) {
        if (k.current())
            return std::nullopt;
    }
    return ApiReply::error(403, QStringLiteral("window-key-revoked"),
        QStringLiteral("The key of window %1 was revoked on %2: the window enrols a new key (a new code from the "
                       "administrator) before it sends cases again.")
            .arg(who.window, keys.value->last().revokedAt));
}

bool WindowRegistry::windowExists(const QString &keyId)
{
    auto q = m_db.exec(QStringLiteral("SELECT 1 FROM windows WHERE key_id = ?"), {keyId});
    return q && q.value().next();
}

ApiReply WindowRegistry::enrol(const QJsonObject &body)
{
    const QString code = Secrets::normaliseCode(body.value(QLatin1String("code")).toString());
    const QString keyId = body.value(QLatin1String("keyId")).toString();
    const QString publicKeyText = body.value(QLatin1String("publicKey")).toString();
    if (code.isEmpty() || keyId.isEmpty() || publicKeyText.isEmpty())
        return ApiReply::error(400, QStringLiteral("bad-request"),
            QStringLiteral("An enrolment needs code, keyId and publicKey (strings)."));
    const auto decoded =
        QByteArray::fromBase64Encoding(publicKeyText.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 32)
        return ApiReply::error(400, QStringLiteral("bad-public-key"),
            QStringLiteral("publicKey must be a raw Ed25519 public key (32 bytes), base64."));

    if (!m_db.begin())
        return ApiReply::storage(m_db.lastError());
    auto fail = [this](ApiReply reply) {
        m_db.rollback();
        return reply;
    };
    auto found = m_db.exec(QStringLiteral("SELECT c.window_key_id, c.expires_at, c.used_at, w.region, w.code, w.name,"
                                          " w.kind FROM enrolment_codes c JOIN windows w ON w.key_id = c.window_key_id"
                                          " WHERE c.code_hash = ?"),
        {Secrets::sha256Hex(code.toLatin1())});
    if (!found)
        return fail(ApiReply::storage(found.error()));
    if (!found.value().next())
        return fail(ApiReply::error(
            403, QStringLiteral("enrolment-code-invalid"), QStringLiteral("This enrolment code is not known.")));
    const QString windowKeyId = found.value().value(0).toString();
    const QString now = isoUtc(m_clock());
    if (!found.value().value(2).isNull())
        return fail(ApiReply::error(403, QStringLiteral("enrolment-code-used"),
            QStringLiteral("This enrolment code was already used; ask the administrator for a new one.")));
    if (found.value().value(1).toString() <= now)
        return fail(ApiReply::error(403, QStringLiteral("enrolment-code-expired"),
            QStringLiteral("This enrolment code has expired; ask the administrator for a new one.")));
    if (keyId != windowKeyId)
        return fail(ApiReply::error(400, QStringLiteral("key-id-mismatch"),
            QStringLiteral("The code is for window %1, not for key id %2.").arg(windowKeyId, keyId)));
    const QJsonObject window {
        {QStringLiteral("region"), found.value().value(3).toString()},
        {QStringLiteral("code"), found.value().value(4).toString()},
        {QStringLiteral("name"), found.value().value(5).toString()},
        {QStringLiteral("kind"), found.value().value(6).toString()},
    };
    auto current =
        m_db.exec(QStringLiteral("SELECT 1 FROM window_keys WHERE key_id = ? AND revoked_at IS NULL"), {windowKeyId});
    if (!current)
        return fail(ApiReply::storage(current.error()));
    if (current.value().next())
        return fail(ApiReply::error(409, QStringLiteral("window-already-enrolled"),
            QStringLiteral("Window %1 already has a key; the administrator revokes it before a new enrolment.")
                .arg(windowKeyId)));
    const QString publicKey = QString::fromLatin1(decoded.decoded.toBase64());
    auto used =
        m_db.exec(QStringLiteral("UPDATE enrolment_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL"),
            {now, Secrets::sha256Hex(code.toLatin1())});
    if (!used)
        return fail(ApiReply::storage(used.error()));
    auto again = m_db.exec(
        QStringLiteral("SELECT 1 FROM window_keys WHERE key_id = ? AND public_key = ?"), {windowKeyId, publicKey});
    if (!again)
        return fail(ApiReply::storage(again.error()));
    if (again.value().next())
        return fail(ApiReply::error(409, QStringLiteral("key-revoked"),
            QStringLiteral("This public key was revoked; the window makes a new key pair.")));
    auto bound = m_db.exec(QStringLiteral("INSERT INTO window_keys (key_id, public_key, enrolled_at) VALUES (?, ?, ?)"),
        {windowKeyId, publicKey, now});
    if (!bound)
        return fail(ApiReply::storage(bound.error()));
    // A window enrolled again (reinstalled, its store new) continues its case numbers where the
    // back office has them: the last sequence it holds per day of the last 31 days.
    auto numbers =
        m_db.exec(QStringLiteral("SELECT number FROM case_numbers WHERE window_key_id = ? AND taken_at >= ?"),
            {windowKeyId, isoUtc(m_clock().addDays(-31))});
    if (!numbers)
        return fail(ApiReply::storage(numbers.error()));
    QJsonObject caseNumbers;
    const QString prefix = windowKeyId + QLatin1Char('-');
    while (numbers.value().next()) {
        // <key id>-yyyyMMdd-NNNN
        const QString number = numbers.value().value(0).toString();
        if (!number.startsWith(prefix))
            continue;
        const QStringList rest = number.mid(prefix.size()).split(QLatin1Char('-'));
        const QDate day = rest.size() == 2 ? QDate::fromString(rest.at(0), QStringLiteral("yyyyMMdd")) : QDate();
        bool ok = false;
        const int sequence = rest.size() == 2 ? rest.at(1).toInt(&ok) : 0;
        if (!day.isValid() || !ok)
            continue;
        const QString key = day.toString(Qt::ISODate);
        caseNumbers.insert(key, std::max(sequence, caseNumbers.value(key).toInt()));
    }
    (void)m_db.audit(windowKeyId, QStringLiteral("enrol"), publicKey);
    if (!m_db.commit())
        return ApiReply::storage(m_db.lastError());
    return ApiReply::json(201,
        QJsonObject {{QStringLiteral("keyId"), windowKeyId}, {QStringLiteral("window"), window},
            {QStringLiteral("caseNumbers"), caseNumbers}});
}

ApiReply WindowRegistry::keyRing(const QString &region, const QByteArray &ifNoneMatch, const QJsonObject &ratingKey)
{
    // A null QString binds as NULL: the filter is only added for a given region.
    const QString select = QStringLiteral("SELECT k.key_id, k.public_key, k.revoked_at, k.enrolled_at FROM"
                                          " window_keys k JOIN windows w ON w.key_id = k.key_id");
    const QString order = QStringLiteral(" ORDER BY k.key_id, k.enrolled_at");
    auto q = region.isEmpty() ? m_db.exec(select + order)
                              : m_db.exec(select + QStringLiteral(" WHERE w.region = ?") + order, {region});
    if (!q)
        return ApiReply::storage(q.error());
    QJsonObject keys;
    QJsonArray revoked;
    QJsonArray validity;
    while (q.value().next()) {
        validity.append(QJsonObject {{QStringLiteral("keyId"), q.value().value(0).toString()},
            {QStringLiteral("publicKey"), q.value().value(1).toString()},
            {QStringLiteral("enrolledAt"), q.value().value(3).toString()},
            {QStringLiteral("revokedAt"),
                q.value().value(2).isNull() ? QJsonValue(QJsonValue::Null)
                                            : QJsonValue(q.value().value(2).toString())}});
        if (q.value().value(2).isNull()) {
            keys.insert(q.value().value(0).toString(), q.value().value(1).toString());
        } else {
            revoked.append(QJsonObject {{QStringLiteral("keyId"), q.value().value(0).toString()},
                {QStringLiteral("publicKey"), q.value().value(1).toString()},
                {QStringLiteral("revokedAt"), q.value().value(2).toString()}});
        }
    }
    QJsonObject body {
        {QStringLiteral("keys"), keys}, {QStringLiteral("revoked"), revoked}, {QStringLiteral("validity"), validity}};
    if (!ratingKey.isEmpty())
        body.insert(QStringLiteral("ratingKey"), ratingKey);
    const QByteArray etag =
        '"' + Secrets::sha256Hex(QJsonDocument(body).toJson(QJsonDocument::Compact)).left(32).toLatin1() + '"';
    return ApiReply::jsonWithETag(body, etag, ifNoneMatch);
}

} // namespace ow::backoffice
