#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"
#include "onewindow/backoffice/SupervisorStats.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace ow::backoffice {

class Catalogues;
class Database;
class Ratings;
class Sealer;

// The case coming back to its window (issue 22), on the back office's side:
// - a department's supplement request becomes a task of the case ("item:<item id>": what to bring,
//   due in working days of the work calendar), carried by its "decided" event;
// - a "supplemented" entry puts the item back to its department (state routed, decided again) with
//   what was brought (its scans readable by the department); a "tolerated:<material>" task (a 容缺
//   line of the decided document) is done by its "supplemented" entry and shown to every item;
// - "handedOut" / "dispatched" entries mark the items given (the slip is checked by CaseLedger);
// - the case's progress: visits until the result was formed (the Zhejiang "at most one visit"),
//   the pickup beside it, the tasks and the items, for GET /v1/cases/{caseId}.
class Handouts
{
public:
    static constexpr int kDefaultSupplementDays = 5;
    static constexpr int kMaxSupplementDays = 60;

    Handouts(Database &db, const Sealer &sealer, Catalogues &catalogues, Clock clock);
    void setRatings(Ratings *ratings) { m_ratings = ratings; }

    // Inside Departments::decide's transaction: a supplement request for `itemId` of `caseId`
    // becomes (again) an open task due `days` working days from today. The event data gets
    // {task, bring, dueBy}. "" or the error.
    [[nodiscard]] QString supplementRequested(
        const QString &caseId, const QString &itemId, const QString &what, int days, QJsonObject *eventData);
    // Inside CaseLedger's transaction, after entries (fromSeq, toSeq] were applied. "" or the error.
    // Only entries of the kinds follows() names do anything here: the ledger, which knows the
    // kinds it applied, calls this only when one of them was.
    static bool follows(const QString &kind);
    [[nodiscard]] QString entriesApplied(const QString &caseId, const QString &window, int fromSeq, int toSeq);
    // {visits: {untilResult, pickup, dispatched, atMostOnce}, tasks: […], items: […], handout}.
    ApiResult<QJsonObject> progress(const QString &caseId);

private:
    QString applySupplement(const QString &caseId, int seq, const QJsonObject &entry);
    QString applyHandout(const QString &caseId, int seq, const QJsonObject &entry);

    Database &m_db;
    const Sealer &m_sealer;
    Catalogues &m_catalogues;
    Clock m_clock;
    Ratings *m_ratings = nullptr;
    SupervisorStats m_stats; // the overview's rows, written with the entries
};

} // namespace ow::backoffice
