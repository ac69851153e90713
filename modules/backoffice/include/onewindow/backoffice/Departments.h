#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"
#include "onewindow/core/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ow::backoffice {

class Database;
class EventLog;
class Handouts;
struct Principal;

// The departments (codes as the catalogue's department ids), the windows each supervisor
// supervises, and the items routed to a department with their decisions: approved, rejected
// (with a reason) or needs supplement (with what), then "result ready" for an approved item. An
// item is done when approved and ready, or rejected; when every item of a case is done the case
// is ready for hand-out at its window (event "handout").
class Departments
{
public:
    Departments(Database &db, EventLog &events, Clock clock);
    // A supplement request becomes a task of the case (Handouts::supplementRequested).
    void setHandouts(Handouts *handouts) { m_handouts = handouts; }

    [[nodiscard]] Result<bool> add(const QString &code, const QString &name);
    bool exists(const QString &code);
    // Binds supervisor `user` to these windows (each must exist).
    [[nodiscard]] Result<bool> supervise(const QString &user, const QStringList &windows);
    // Whether `who` may read the cases of `window`: its clerks and stations, its supervisors, admins.
    bool mayReadWindow(const Principal &who, const QString &window);

    // GET /v1/departments/{code}/items?state=…
    ApiReply items(const Principal &who, const QString &code, const QString &state);
    // POST /v1/items/{itemId}/decision {outcome, reason?, what?}
    ApiReply decide(const Principal &who, const QString &itemId, const QJsonObject &body);
    // POST /v1/items/{itemId}/ready
    ApiReply ready(const Principal &who, const QString &itemId);

private:
    struct Item
    {
        QString id, caseId, window, department, state;
    };
    ApiResult<Item> ownItem(const Principal &who, const QString &itemId);
    ApiResult<QJsonObject> itemJson(const QString &itemId);
    // Inside the transaction: the handout event when every item of the case is done.
    QString checkHandout(const QString &caseId, const QString &window);

    Database &m_db;
    EventLog &m_events;
    Handouts *m_handouts = nullptr;
    Clock m_clock;
};

} // namespace ow::backoffice
