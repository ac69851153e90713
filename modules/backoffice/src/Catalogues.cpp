#include "onewindow/backoffice/Catalogues.h"

#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/Secrets.h"
#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/queue/Category.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>

namespace ow::backoffice {

namespace {

// Catalogues are stored by the sha256 of their content and never change: each is parsed once per
// process, and the server's workers share the parsed one.
QMutex s_parsedLock;
QHash<QString, Catalog> s_parsed;

} // namespace

Catalogues::Catalogues(Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{ }

Result<QString> Catalogues::add(const QByteArray &json, const QString &fileName)
{
    using R = Result<QString>;
    auto catalog = Catalog::fromJson(json, fileName);
    if (!catalog)
        return R::failure(catalog.error());
    const QString sha = catalog->sha256();
    auto have = m_db.exec(QStringLiteral("SELECT 1 FROM catalogues WHERE sha256 = ?"), {sha});
    if (!have)
        return R::failure(have.error());
    if (have.value().next())
        return sha;
    auto put = m_db.exec(QStringLiteral("INSERT INTO catalogues (sha256, version, region, content, added_at)"
                                        " VALUES (?, ?, ?, ?, ?)"),
        {sha, catalog->version(), catalog->region(), QString::fromUtf8(json), isoUtc(m_clock())});
    if (!put)
        return R::failure(put.error());
    return sha;
}

Result<int> Catalogues::setCalendarYear(const QByteArray &json, const QString &fileName)
{
    using R = Result<int>;
    auto year = WorkCalendar::parseYear(json);
    if (!year)
        return R::failure(QStringLiteral("%1: %2").arg(fileName, year.error()));
    const int y = QJsonDocument::fromJson(json).object().value(QLatin1String("year")).toInt();
    if (y < 1900 || y > 9999)
        return R::failure(QStringLiteral("%1: \"year\" is missing.").arg(fileName));
    const QString content = QString::fromUtf8(QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact));
    // One transaction: the year is replaced, never missing.
    if (!m_db.begin())
        return R::failure(m_db.lastError());
    auto gone = m_db.exec(QStringLiteral("DELETE FROM calendar_years WHERE year = ?"), {y});
    const bool put = gone
        && m_db.exec(QStringLiteral("INSERT INTO calendar_years (year, content, updated_at) VALUES (?, ?, ?)"),
            {y, content, isoUtc(m_clock())});
    if (!put || !m_db.commit()) {
        const QString why = m_db.lastError();
        m_db.rollback();
        return R::failure(why);
    }
    return y;
}

Result<std::optional<Catalog>> Catalogues::find(const QString &sha256)
{
    using R = Result<std::optional<Catalog>>;
    {
        QMutexLocker locked(&s_parsedLock);
        auto it = s_parsed.constFind(sha256);
        if (it != s_parsed.constEnd())
            return std::optional<Catalog>(it.value());
    }
    auto q = m_db.exec(QStringLiteral("SELECT content FROM catalogues WHERE sha256 = ?"), {sha256});
    if (!q)
        return R::failure(q.error());
    if (!q.value().next())
        return std::optional<Catalog>();
    auto catalog = Catalog::fromJson(q.value().value(0).toString().toUtf8(), sha256);
    if (!catalog)
        return R::failure(catalog.error());
    QMutexLocker locked(&s_parsedLock);
    s_parsed.insert(sha256, catalog.value());
    return std::optional<Catalog>(catalog.value());
}

QJsonArray Catalogues::categoriesOf(const Catalog &catalog)
{
    QList<std::pair<QString, QString>> groups;
    for (const MatterGroup &g : catalog.groups())
        groups << std::make_pair(g.id, g.name);
    QJsonArray out;
    for (const queue::Category &c : queue::Category::fromGroups(groups))
        out.append(c.toJson());
    return out;
}

Result<QJsonArray> Catalogues::categoriesOfNewest()
{
    using R = Result<QJsonArray>;
    auto q = m_db.exec(QStringLiteral("SELECT sha256 FROM catalogues ORDER BY added_at DESC, sha256 DESC LIMIT 1"));
    if (!q)
        return R::failure(q.error());
    if (!q.value().next())
        return QJsonArray();
    auto catalog = find(q.value().value(0).toString());
    if (!catalog)
        return R::failure(catalog.error());
    return catalog.value() ? categoriesOf(*catalog.value()) : QJsonArray();
}

ApiReply Catalogues::list(const QByteArray &ifNoneMatch)
{
    auto q =
        m_db.exec(QStringLiteral("SELECT sha256, version, region, added_at FROM catalogues ORDER BY added_at, sha256"));
    if (!q)
        return ApiReply::storage(q.error());
    QJsonArray all;
    while (q.value().next())
        all.append(QJsonObject {{QStringLiteral("sha256"), q.value().value(0).toString()},
            {QStringLiteral("version"), q.value().value(1).toString()},
            {QStringLiteral("region"), q.value().value(2).toString()},
            {QStringLiteral("addedAt"), q.value().value(3).toString()}});
    const QJsonObject body {{QStringLiteral("catalogues"), all}};
    const QByteArray etag =
        '"' + Secrets::sha256Hex(QJsonDocument(body).toJson(QJsonDocument::Compact)).left(32).toLatin1() + '"';
    return ApiReply::jsonWithETag(body, etag, ifNoneMatch);
}

ApiReply Catalogues::get(const QString &sha256, const QByteArray &ifNoneMatch)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!hex.match(sha256).hasMatch())
        return ApiReply::error(400, QStringLiteral("bad-request"),
            QStringLiteral("A catalogue is named by the SHA-256 of its bytes: 64 lower-case hex digits."));
    auto q = m_db.exec(QStringLiteral("SELECT version, region, content FROM catalogues WHERE sha256 = ?"), {sha256});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next())
        return ApiReply::error(
            404, QStringLiteral("not-found"), QStringLiteral("There is no catalogue %1 here.").arg(sha256));
    // The exact text, as a string: its UTF-8 bytes hash to sha256 (a JSON object would not).
    const QJsonObject body {{QStringLiteral("sha256"), sha256},
        {QStringLiteral("version"), q.value().value(0).toString()},
        {QStringLiteral("region"), q.value().value(1).toString()},
        {QStringLiteral("content"), q.value().value(2).toString()}};
    return ApiReply::jsonWithETag(body, '"' + sha256.toLatin1() + '"', ifNoneMatch);
}

Result<WorkCalendar> Catalogues::workCalendar()
{
    using R = Result<WorkCalendar>;
    auto q = m_db.exec(QStringLiteral("SELECT year, content FROM calendar_years ORDER BY year"));
    if (!q)
        return R::failure(q.error());
    WorkCalendar calendar;
    while (q.value().next()) {
        auto year = WorkCalendar::parseYear(q.value().value(1).toString().toUtf8());
        if (!year)
            return R::failure(QStringLiteral("The stored calendar of %1 does not parse: %2")
                                  .arg(q.value().value(0).toString(), year.error()));
        calendar.setYear(year.value());
    }
    return calendar;
}

ApiReply Catalogues::calendar(const QByteArray &ifNoneMatch)
{
    auto q = m_db.exec(QStringLiteral("SELECT content FROM calendar_years ORDER BY year"));
    if (!q)
        return ApiReply::storage(q.error());
    QJsonArray years;
    while (q.value().next())
        years.append(QJsonDocument::fromJson(q.value().value(0).toString().toUtf8()).object());
    const QJsonObject body {{QStringLiteral("years"), years}};
    const QByteArray etag =
        '"' + Secrets::sha256Hex(QJsonDocument(body).toJson(QJsonDocument::Compact)).left(32).toLatin1() + '"';
    return ApiReply::jsonWithETag(body, etag, ifNoneMatch);
}

} // namespace ow::backoffice
