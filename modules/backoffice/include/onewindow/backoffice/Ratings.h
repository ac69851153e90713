#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"
#include "onewindow/core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

class QIODevice;

namespace ow::backoffice {

class Catalogues;
class Database;
class Sealer;
struct Principal;

// The applicant's ratings (好差评). A "rated" entry carries the rating sealed at the window to the
// back office's rating key (receipt::RatingSeal): only here is it opened, then kept sealed at rest
// (Sealer) with its level beside it. No route shows a rating to a clerk's or station's token: a
// supervisor reads the ratings of the windows they supervise, an admin all. A bad rating (不满意,
// 非常不满意) opens a rectification task for the window's supervisors, due in 15 working days (the
// work calendar); a supervisor records the call-back (回访). The clerk whose service was rated may
// appeal it (申诉) without reading it; a supervisor decides: upheld, or the rating removed.
class Ratings
{
public:
    static constexpr int kRectificationDays = 15;
    static constexpr qsizetype kMaxText = 2000;

    Ratings(Database &db, const Sealer &sealer, Catalogues &catalogues, Clock clock);

    // Whether a "rated" entry's sealed rating opens for this case and service: "" or why not.
    [[nodiscard]] static QString check(const Sealer &sealer, const QString &caseId, const QJsonObject &payload);
    // Inside CaseLedger's transaction: the rated entry (case, seq) of `window` stored, a bad one
    // with its rectification task. "" or the error.
    [[nodiscard]] QString rated(const QString &caseId, int seq, const QString &window, const QJsonObject &entry);

    // GET /v1/ratings?window=&since=&until=: the ratings of the caller's windows.
    ApiReply list(const Principal &who, const QString &window, const QString &since, const QString &until);
    // GET /v1/ratings/tasks?state=open|done: rectification tasks of the caller's windows.
    ApiReply tasks(const Principal &who, const QString &state);
    // POST /v1/ratings/{ratingId}/callback {outcome, note?}: the call-back, closing the task.
    ApiReply callback(const Principal &who, const QString &ratingId, const QJsonObject &body);
    // POST /v1/cases/{caseId}/ratings/{seq}/appeal {reason}: the rated clerk's appeal.
    ApiReply appeal(const Principal &who, const QString &caseId, int seq, const QJsonObject &body);
    // GET /v1/ratings/appeals?state=pending|upheld|removed: the appeals of the caller's windows.
    ApiReply appeals(const Principal &who, const QString &state);
    // POST /v1/ratings/appeals/{appealId}/decision {decision: upheld|removed, note?}.
    ApiReply decideAppeal(const Principal &who, const QString &appealId, const QJsonObject &body);

    // `admin export-ratings`: one JSON line per rating rated in [since, until) (invalid: open),
    // the schema RatingExportLine of openapi.json. The number of lines, or why not.
    [[nodiscard]] Result<int> exportLines(QIODevice &out, const QDateTime &since, const QDateTime &until);
    // `admin rotate-seal-key`: every stored rating not sealed with the current key re-sealed with
    // it. How many were re-sealed, or why not.
    [[nodiscard]] static Result<int> reseal(Database &db, const Sealer &sealer);

private:
    // Supervisors: only the windows they supervise; admins: every window; anyone else: refused.
    ApiResult<bool> mayManage(const Principal &who, const QString &window);
    ApiResult<QJsonObject> ratingJson(const QString &ratingId);
    static ApiReply forbidden(const Principal &who);

    Database &m_db;
    const Sealer &m_sealer;
    Catalogues &m_catalogues;
    Clock m_clock;
};

} // namespace ow::backoffice
