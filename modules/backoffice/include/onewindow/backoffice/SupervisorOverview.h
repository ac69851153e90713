#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"

#include <QDate>
#include <QString>
#include <QVariantList>

namespace ow::backoffice {

class Catalogues;
class Database;
struct Principal;

// GET /v1/supervisor/overview (issue 24): one answer per refresh of the supervisor's 督办 view over
// exactly the windows they supervise (an admin: every window; anyone else 403). Live windows (the
// ticket called or served, the clerk signed in, the waiting and the longest wait, the last sync),
// deadlines from the work calendar, outcomes per window and per clerk over a period, bad ratings
// and pending appeals, and a daily series. It reads the rows SupervisorStats keeps with every
// write and ranges of indexes; never the case log.
class SupervisorOverview
{
public:
    static constexpr int kNearWorkingDays = 2;
    static constexpr qint64 kOfflineSeconds = 2 * 24 * 3600;
    static constexpr int kMaxPeriodDays = 366;
    static constexpr int kMaxListed = 500;
    // Windows per page: the live rows, the outcomes per window and per clerk and the deadlines by
    // window cover one page of the windows in scope, the ones that need attention first; the
    // totals, the daily series, the departments and the lists cover them all.
    static constexpr int kDefaultPage = 100;
    static constexpr int kMaxPage = 500;

    SupervisorOverview(Database &db, Catalogues &catalogues, Clock clock);

    // from/to: YYYY-MM-DD (the centre's days, UTC+8), empty for today (to: from); offset/limit:
    // the page of windows (empty: 0 and kDefaultPage).
    ApiReply overview(const Principal &who, const QString &from, const QString &to, const QString &offset = {},
        const QString &limit = {});

    // The nearest-rank 90th percentile: the ceil(0.9 n)-th smallest (sorts `values`); -1 when empty.
    static qint64 p90(QList<qint64> &values);

private:
    // The window filter of a query over `column`: the supervisor's windows, nothing for an admin.
    QString scope(const QString &column) const;
    QVariantList scoped(QVariantList binds) const;

    Database &m_db;
    Catalogues &m_catalogues;
    Clock m_clock;
    QString m_supervisor; // the supervisor of the current request; empty for an admin
};

} // namespace ow::backoffice
