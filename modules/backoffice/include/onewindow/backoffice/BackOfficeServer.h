#pragma once

#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"
#include "onewindow/core/Result.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <memory>

class QHttpServer;
class QHttpServerRequest;

namespace ow::backoffice {

class CaseLedger;
class Catalogues;
class Database;
class Departments;
class EventLog;
class Router;
class WindowRegistry;

struct ServerOptions
{
    QString dataDir;
    int tokenMinutes = 60;
    Clock clock = systemClock();
};

// The back office's HTTP/JSON API. Every route is in routes() (the table that dispatches, and
// that `onewindow-backoffice routes` prints), and every route is described in openapi.json.
class BackOfficeServer : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxBodyBytes = 16 * 1024 * 1024;

    struct Request
    {
        const QHttpServerRequest &http;
        QHash<QString, QString> params; // the {placeholders} of the route's path
        QByteArray header(const QByteArray &name) const;
    };
    using Handler = ApiReply (BackOfficeServer::*)(const Request &);
    struct Route
    {
        QByteArray method; // GET, POST, DELETE …
        QString path; // OpenAPI form: /v1/cases/{caseId}
        Handler handler;
    };
    static const QList<Route> &routes();

    explicit BackOfficeServer(QObject *parent = nullptr);
    ~BackOfficeServer() override;

    // Opens (creating and migrating) the database in options.dataDir.
    [[nodiscard]] Result<bool> open(const ServerOptions &options);
    // Starts listening; port 0 picks a free one. Returns the port actually bound.
    [[nodiscard]] Result<quint16> listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_port; }

    // Dispatches one request through routes(): 404 for an unknown path, 405 for a known path
    // with another method.
    ApiReply dispatch(const QHttpServerRequest &request);

private:
    ApiReply health(const Request &r);
    ApiReply openApi(const Request &r);
    ApiReply enrol(const Request &r);
    ApiReply keyRing(const Request &r);
    ApiReply signIn(const Request &r);
    ApiReply currentSession(const Request &r);
    ApiReply signOut(const Request &r);
    ApiReply appendEntries(const Request &r);
    ApiReply readCase(const Request &r);
    ApiReply listCatalogues(const Request &r);
    ApiReply getCatalogue(const Request &r);
    ApiReply getCalendar(const Request &r);
    ApiReply departmentItems(const Request &r);
    ApiReply decideItem(const Request &r);
    ApiReply itemReady(const Request &r);
    ApiReply readEvents(const Request &r);

    ApiResult<QJsonValue> jsonBody(const Request &r) const;
    // The signed-in caller and the valid {caseId} of a /v1/cases/… request.
    struct CaseCall
    {
        Principal who;
        QString caseId;
    };
    ApiResult<CaseCall> caseCall(const Request &r);

    std::unique_ptr<QHttpServer> m_http;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<WindowRegistry> m_windows;
    std::unique_ptr<Accounts> m_accounts;
    std::unique_ptr<CaseLedger> m_cases;
    std::unique_ptr<Catalogues> m_catalogues;
    std::unique_ptr<EventLog> m_events;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<Departments> m_departments;
    quint16 m_port = 0;
};

} // namespace ow::backoffice
