#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace ow::backoffice {

// One HTTP answer of the API: a status, a JSON body (or none) and extra headers. Every error has
// the one shape {"error": code, "message": text} (plus "details" where the code says more).
struct ApiReply
{
    int status = 200;
    QJsonValue body; // Undefined: no body
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray raw; // not null: these bytes are the body (contentType, default application/octet-stream)
    QByteArray contentType;
    QString bodyFile; // not empty: the body is this file, streamed (contentType as for raw)
    bool deferred = false; // see later()
    // For the request log and metrics (never sent): the route template and the signed-in user.
    QString logRoute;
    QString logUser;

    static ApiReply json(int status, const QJsonValue &body);
    static ApiReply empty(int status);
    static ApiReply error(
        int status, const QString &code, const QString &message, const QJsonObject &details = QJsonObject());
    // Seconds in Retry-After of a 503 database-unavailable (the reconnection backoff is at most 1 s).
    static constexpr int kRetryAfterSeconds = 2;
    // The database or a file write failed; the message is for the operator's log, not the client.
    // 507 insufficient-storage when the disk is full (diskFullText, or the thread's last
    // Database::Fault is Full); else by that fault: 503 database-unavailable with Retry-After (the
    // database is away), 400 bad-input (a NUL or a value the database refuses), else 503
    // storage-unavailable.
    static ApiReply storage(const QString &what);
    static bool diskFullText(const QString &message);
    // Bytes instead of JSON (blobs).
    static ApiReply bytes(int status, const QByteArray &data, const QByteArray &contentType);
    // A file's bytes, streamed from disk as the client reads (blobs).
    static ApiReply file(int status, const QString &path, const QByteArray &contentType);
    // The handler kept Request::later() and answers through it (long-poll); nothing is sent now.
    static ApiReply later();
    // 200 with body, or 304 when If-None-Match names etag (or *); both carry ETag and
    // Cache-Control: no-cache (reference data: key ring, catalogues, calendar).
    static ApiReply jsonWithETag(const QJsonObject &body, const QByteArray &etag, const QByteArray &ifNoneMatch);
    bool isError() const { return status >= 400; }
};

// A value or the error reply that says why there is none.
template<typename T>
struct ApiResult
{
    ApiResult(T v)
        : value(std::move(v))
    { }
    ApiResult(ApiReply e)
        : error(std::move(e))
    { }
    explicit operator bool() const { return value.has_value(); }
    std::optional<T> value;
    ApiReply error;
};

} // namespace ow::backoffice
