#include "onewindow/backoffice/ApiReply.h"

#include "onewindow/backoffice/Database.h"

#include <cstdio>

namespace ow::backoffice {

bool ApiReply::diskFullText(const QString &message)
{
    return message.contains(QLatin1String("database or disk is full"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("No space left on device"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("could not extend file"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("Disk quota exceeded"), Qt::CaseInsensitive);
}

ApiReply ApiReply::json(int status, const QJsonValue &body)
{
    ApiReply r;
    r.status = status;
    r.body = body;
    return r;
}

ApiReply ApiReply::empty(int status)
{
    ApiReply r;
    r.status = status;
    return r;
}

ApiReply ApiReply::error(int status, const QString &code, const QString &message, const QJsonObject &details)
{
    QJsonObject body {{QStringLiteral("error"), code}, {QStringLiteral("message"), message}};
    if (!details.isEmpty())
        body.insert(QStringLiteral("details"), details);
    return json(status, body);
}

ApiReply ApiReply::storage(const QString &what)
{
    std::fprintf(stderr, "onewindow-backoffice: storage error: %s\n", qPrintable(what));
    std::fflush(stderr);
    // A full disk is no outage to wait out: 507, whichever layer noticed it (SQLite's
    // SQLITE_FULL, PostgreSQL's 53100 text, a file write's ENOSPC).
    if (diskFullText(what))
        return error(507, QStringLiteral("insufficient-storage"),
            QStringLiteral("The back office's disk is full; nothing of this request was kept. Try again later."));
    // What the failed statement meant (Database::Fault of this thread's last failure).
    switch (Database::threadFault()) {
    case Database::Fault::Unavailable: {
        ApiReply r = error(503, QStringLiteral("database-unavailable"),
            QStringLiteral("The back office's database is not reachable at the moment; try again in a few seconds."));
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(kRetryAfterSeconds)});
        return r;
    }
    case Database::Fault::Full:
        return error(507, QStringLiteral("insufficient-storage"),
            QStringLiteral("The back office's disk is full; nothing of this request was kept. Try again later."));
    case Database::Fault::BadInput:
        return error(400, QStringLiteral("bad-input"),
            QStringLiteral("The request holds a value that cannot be stored (a NUL character, or text the database "
                           "refuses)."));
    case Database::Fault::None:
    case Database::Fault::Other: break;
    }
    return error(503, QStringLiteral("storage-unavailable"),
        QStringLiteral("The back office cannot reach its database; try again shortly."));
}

ApiReply ApiReply::bytes(int status, const QByteArray &data, const QByteArray &contentType)
{
    ApiReply r;
    r.status = status;
    r.raw = data.isNull() ? QByteArray("") : data;
    r.contentType = contentType;
    return r;
}

ApiReply ApiReply::file(int status, const QString &path, const QByteArray &contentType)
{
    ApiReply r;
    r.status = status;
    r.bodyFile = path;
    r.contentType = contentType;
    return r;
}

ApiReply ApiReply::later()
{
    ApiReply r;
    r.status = 0;
    r.deferred = true;
    return r;
}

ApiReply ApiReply::jsonWithETag(const QJsonObject &body, const QByteArray &etag, const QByteArray &ifNoneMatch)
{
    bool match = false;
    for (const QByteArray &candidate : ifNoneMatch.split(',')) {
        const QByteArray c = candidate.trimmed();
        if (c == "*" || c == etag || c == "W/" + etag)
            match = true;
    }
    ApiReply reply = match ? ApiReply::empty(304) : ApiReply::json(200, body);
    reply.headers.append({QByteArrayLiteral("ETag"), etag});
    reply.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")});
    return reply;
}

} // namespace ow::backoffice
