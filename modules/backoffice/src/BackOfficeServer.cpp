#include "onewindow/backoffice/BackOfficeServer.h"

#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/CaseLedger.h"
#include "onewindow/backoffice/Catalogues.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/Departments.h"
#include "onewindow/backoffice/EventLog.h"
#include "onewindow/backoffice/Router.h"
#include "onewindow/backoffice/WindowRegistry.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QUrlQuery>

#include <limits>

namespace ow::backoffice {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put: return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head: return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect: return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace: return QByteArrayLiteral("TRACE");
    default: return QByteArrayLiteral("UNKNOWN");
    }
}

// Matches "/v1/cases/abc/entries" against "/v1/cases/{caseId}/entries".
bool matchPath(const QString &pattern, const QString &path, QHash<QString, QString> *params)
{
    const QStringList want = pattern.split(QLatin1Char('/'));
    const QStringList have = path.split(QLatin1Char('/'));
    if (want.size() != have.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < want.size(); ++i) {
        const QString &w = want.at(i);
        if (w.startsWith(QLatin1Char('{')) && w.endsWith(QLatin1Char('}'))) {
            if (have.at(i).isEmpty())
                return false;
            found.insert(w.mid(1, w.size() - 2), QUrl::fromPercentEncoding(have.at(i).toUtf8()));
        } else if (w != have.at(i)) {
            return false;
        }
    }
    *params = found;
    return true;
}

QHttpServerResponse toResponse(const ApiReply &reply)
{
    const auto status = QHttpServerResponse::StatusCode(reply.status);
    QHttpServerResponse response = reply.body.isUndefined()
        ? QHttpServerResponse(status)
        : QHttpServerResponse(QByteArrayLiteral("application/json"),
            reply.body.isArray() ? QJsonDocument(reply.body.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(reply.body.toObject()).toJson(QJsonDocument::Compact),
            status);
    for (const auto &h : reply.headers)
        response.setHeader(h.first, h.second);
    return response;
}

} // namespace

QByteArray BackOfficeServer::Request::header(const QByteArray &name) const
{
    for (const auto &h : http.headers()) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QByteArray();
}

const QList<BackOfficeServer::Route> &BackOfficeServer::routes()
{
    static const QList<Route> all {
        {"GET", QStringLiteral("/health"), &BackOfficeServer::health},
        {"GET", QStringLiteral("/v1/openapi.json"), &BackOfficeServer::openApi},
        {"POST", QStringLiteral("/v1/enrol"), &BackOfficeServer::enrol},
        {"GET", QStringLiteral("/v1/keyring"), &BackOfficeServer::keyRing},
        {"POST", QStringLiteral("/v1/sessions"), &BackOfficeServer::signIn},
        {"GET", QStringLiteral("/v1/sessions/current"), &BackOfficeServer::currentSession},
        {"DELETE", QStringLiteral("/v1/sessions/current"), &BackOfficeServer::signOut},
        {"POST", QStringLiteral("/v1/cases/{caseId}/entries"), &BackOfficeServer::appendEntries},
        {"GET", QStringLiteral("/v1/cases/{caseId}"), &BackOfficeServer::readCase},
        {"GET", QStringLiteral("/v1/catalogues"), &BackOfficeServer::listCatalogues},
        {"GET", QStringLiteral("/v1/catalogues/{sha256}"), &BackOfficeServer::getCatalogue},
        {"GET", QStringLiteral("/v1/calendar"), &BackOfficeServer::getCalendar},
        {"GET", QStringLiteral("/v1/departments/{code}/items"), &BackOfficeServer::departmentItems},
        {"POST", QStringLiteral("/v1/items/{itemId}/decision"), &BackOfficeServer::decideItem},
        {"POST", QStringLiteral("/v1/items/{itemId}/ready"), &BackOfficeServer::itemReady},
        {"GET", QStringLiteral("/v1/events"), &BackOfficeServer::readEvents},
    };
    return all;
}

BackOfficeServer::BackOfficeServer(QObject *parent)
    : QObject(parent)
    , m_http(std::make_unique<QHttpServer>())
{
    m_http->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        toResponse(dispatch(request)).write(std::move(responder));
    });
}

BackOfficeServer::~BackOfficeServer() = default;

Result<bool> BackOfficeServer::open(const ServerOptions &options)
{
    auto db = Database::open(options.dataDir);
    if (!db)
        return Result<bool>::failure(db.error());
    m_db = std::move(db.value());
    m_windows = std::make_unique<WindowRegistry>(*m_db, options.clock);
    m_accounts = std::make_unique<Accounts>(*m_db, *m_windows, options.clock, options.tokenMinutes);
    m_cases = std::make_unique<CaseLedger>(*m_db, options.clock);
    m_catalogues = std::make_unique<Catalogues>(*m_db, options.clock);
    m_events = std::make_unique<EventLog>(*m_db, options.clock);
    m_router = std::make_unique<Router>(*m_db, *m_catalogues, *m_events, options.clock);
    m_departments = std::make_unique<Departments>(*m_db, *m_events, options.clock);
    m_cases->setRouting(m_router.get(), m_departments.get());
    return true;
}

Result<quint16> BackOfficeServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_db)
        return Result<quint16>::failure(QStringLiteral("The database is not open."));
    const quint16 bound = m_http->listen(address, port);
    if (bound == 0)
        return Result<quint16>::failure(
            QStringLiteral("Cannot listen on %1:%2 (is the port in use?)").arg(address.toString()).arg(port));
    m_port = bound;
    return bound;
}

ApiReply BackOfficeServer::dispatch(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    const QByteArray method = methodName(request.method());
    QList<QByteArray> allowed;
    for (const Route &route : routes()) {
        QHash<QString, QString> params;
        if (!matchPath(route.path, path, &params))
            continue;
        if (route.method != method) {
            allowed.append(route.method);
            continue;
        }
        if (request.body().size() > kMaxBodyBytes)
            return ApiReply::error(413, QStringLiteral("body-too-large"),
                QStringLiteral("A request body is at most %1 bytes.").arg(kMaxBodyBytes));
        return (this->*route.handler)(Request {request, params});
    }
    if (!allowed.isEmpty()) {
        ApiReply r = ApiReply::error(405, QStringLiteral("method-not-allowed"),
            QStringLiteral("%1 takes %2, not %3.")
                .arg(path, QString::fromLatin1(allowed.join(", ")), QString::fromLatin1(method)));
        r.headers.append({QByteArrayLiteral("Allow"), allowed.join(", ")});
        return r;
    }
    return ApiReply::error(404, QStringLiteral("not-found"), QStringLiteral("There is no %1 here.").arg(path));
}

ApiResult<QJsonValue> BackOfficeServer::jsonBody(const Request &r) const
{
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(r.http.body(), &err);
    if (err.error != QJsonParseError::NoError)
        return ApiReply::error(400, QStringLiteral("invalid-json"),
            QStringLiteral("The body is not valid JSON (%1 at offset %2).").arg(err.errorString()).arg(err.offset));
    if (doc.isArray())
        return QJsonValue(doc.array());
    return QJsonValue(doc.object());
}

ApiResult<BackOfficeServer::CaseCall> BackOfficeServer::caseCall(const Request &r)
{
    auto who = m_accounts->authenticate(r.header(QByteArrayLiteral("Authorization")));
    if (!who)
        return who.error;
    const QString id = r.params.value(QStringLiteral("caseId"));
    if (!CaseLedger::validCaseId(id))
        return ApiReply::error(
            400, QStringLiteral("bad-case-id"), QStringLiteral("A case id is 1–64 letters, digits, '.', '_' or '-'."));
    return CaseCall {*who.value, id};
}

ApiReply BackOfficeServer::health(const Request &)
{
    return ApiReply::json(200,
        QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("service"), QStringLiteral("onewindow-backoffice")},
            {QStringLiteral("version"), QStringLiteral(ONEWINDOW_VERSION)},
            {QStringLiteral("schema"), m_db->schemaVersion()}});
}

ApiReply BackOfficeServer::openApi(const Request &)
{
    QFile f(QStringLiteral(":/backoffice/openapi.json"));
    if (!f.open(QIODevice::ReadOnly))
        return ApiReply::error(
            404, QStringLiteral("not-found"), QStringLiteral("The API description is not built in."));
    return ApiReply::json(200, QJsonDocument::fromJson(f.readAll()).object());
}

ApiReply BackOfficeServer::enrol(const Request &r)
{
    auto body = jsonBody(r);
    if (!body)
        return body.error;
    if (!body.value->isObject())
        return ApiReply::error(400, QStringLiteral("bad-request"), QStringLiteral("The body is a JSON object."));
    return m_windows->enrol(body.value->toObject());
}

ApiReply BackOfficeServer::keyRing(const Request &r)
{
    return m_windows->keyRing(
        r.http.query().queryItemValue(QStringLiteral("region")), r.header(QByteArrayLiteral("If-None-Match")));
}

ApiReply BackOfficeServer::signIn(const Request &r)
{
    auto body = jsonBody(r);
    if (!body)
        return body.error;
    if (!body.value->isObject())
        return ApiReply::error(400, QStringLiteral("bad-request"), QStringLiteral("The body is a JSON object."));
    return m_accounts->signIn(body.value->toObject(), r.http.remoteAddress());
}

ApiReply BackOfficeServer::currentSession(const Request &r)
{
    auto who = m_accounts->authenticate(r.header(QByteArrayLiteral("Authorization")));
    if (!who)
        return who.error;
    return ApiReply::json(200,
        QJsonObject {
            {QStringLiteral("expiresAt"), who.value->expiresAt}, {QStringLiteral("user"), who.value->toJson()}});
}

ApiReply BackOfficeServer::signOut(const Request &r)
{
    auto who = m_accounts->authenticate(r.header(QByteArrayLiteral("Authorization")));
    if (!who)
        return who.error;
    return m_accounts->signOut(*who.value);
}

ApiReply BackOfficeServer::appendEntries(const Request &r)
{
    auto call = caseCall(r);
    if (!call)
        return call.error;
    auto body = jsonBody(r);
    if (!body)
        return body.error;
    ApiReply reply = m_cases->append(call.value->caseId, *body.value, call.value->who);
    m_events->publish();
    return reply;
}

ApiReply BackOfficeServer::readCase(const Request &r)
{
    auto call = caseCall(r);
    if (!call)
        return call.error;
    return m_cases->read(call.value->caseId, call.value->who);
}

ApiReply BackOfficeServer::listCatalogues(const Request &r)
{
    return m_catalogues->list(r.header(QByteArrayLiteral("If-None-Match")));
}

ApiReply BackOfficeServer::getCatalogue(const Request &r)
{
    return m_catalogues->get(r.params.value(QStringLiteral("sha256")), r.header(QByteArrayLiteral("If-None-Match")));
}

ApiReply BackOfficeServer::getCalendar(const Request &r)
{
    return m_catalogues->calendar(r.header(QByteArrayLiteral("If-None-Match")));
}

ApiReply BackOfficeServer::departmentItems(const Request &r)
{
    auto who = m_accounts->authenticate(r.header(QByteArrayLiteral("Authorization")));
    if (!who)
        return who.error;
    return m_departments->items(
        *who.value, r.params.value(QStringLiteral("code")), r.http.query().queryItemValue(QStringLiteral("state")));
}

ApiReply BackOfficeServer::decideItem(const Request &r)
{
    auto who = m_accounts->authenticate(r.header(QByteArrayLiteral("Authorization")));
    if (!who)
        return who.error;
    auto body = jsonBody(r);
    if (!body)
        return body.error;
    if (!body.value->isObject())
        return ApiReply::error(400, QStringLiteral("bad-request"), QStringLiteral("The body is a JSON object."));
    return m_departments->decide(*who.value, r.params.value(QStringLiteral("itemId")), body.value->toObject());
}

ApiReply BackOfficeServer::itemReady(const Request &r)
{
    auto who = m_accounts->authenticate(r.header(QByteArrayLiteral("Authorization")));
    if (!who)
        return who.error;
    return m_departments->ready(*who.value, r.params.value(QStringLiteral("itemId")));
}

ApiReply BackOfficeServer::readEvents(const Request &r)
{
    auto who = m_accounts->authenticate(r.header(QByteArrayLiteral("Authorization")));
    if (!who)
        return who.error;
    if (!who.value->isWindowRole())
        return ApiReply::error(403, QStringLiteral("forbidden"),
            QStringLiteral("Events are read by a window's clerk or station, not a %1.").arg(who.value->role));
    const QUrlQuery query = r.http.query();
    auto number = [&query](const char *name, qint64 fallback, qint64 lo, qint64 hi, qint64 *out) {
        const QString text = query.queryItemValue(QLatin1String(name));
        if (text.isEmpty()) {
            *out = fallback;
            return true;
        }
        bool ok = false;
        *out = text.toLongLong(&ok);
        return ok && *out >= lo && *out <= hi;
    };
    qint64 after = 0;
    qint64 wait = 0;
    qint64 limit = EventLog::kDefaultLimit;
    if (!number("after", 0, 0, std::numeric_limits<qint64>::max(), &after)
        || !number("wait", 0, 0, EventLog::kMaxWaitSeconds, &wait)
        || !number("limit", EventLog::kDefaultLimit, 1, EventLog::kMaxLimit, &limit))
        return ApiReply::error(400, QStringLiteral("bad-request"),
            QStringLiteral("after is a cursor (a whole number from 0), wait 0–%1 seconds, limit 1–%2.")
                .arg(EventLog::kMaxWaitSeconds)
                .arg(EventLog::kMaxLimit));
    auto page = m_events->read(who.value->window, after, int(limit));
    if (!page)
        return page.error;
    return ApiReply::json(200, *page.value);
}

} // namespace ow::backoffice
