#pragma once

#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ow::sync {

// The back office's answer to GET /v1/supervisor/overview (openapi.json: SupervisorOverview): the
// supervisor's windows now, the deadlines, the outcomes and ratings of the period and its daily
// series. A pure codec: fromJson() checks what the window shows and keeps nothing else.
struct SupervisorOverview
{
    Q_DECLARE_TR_FUNCTIONS(SupervisorOverview)

public:
    struct Serving
    {
        QString ticket;
        QString number; // A012
        QString category;
        QString state; // called, serving
        QDateTime since;
        qint64 seconds = 0;
    };
    struct LiveWindow
    {
        QString window; // key id
        QString name;
        QString kind; // window, station
        QString hall;
        QString clerk; // "" nobody signed in
        std::optional<Serving> serving;
        int waiting = 0;
        std::optional<qint64> longestWaitSeconds;
        QDateTime lastSyncAt; // invalid: never
        std::optional<qint64> syncAgeSeconds;
        bool offline = false; // a station two days without sync
    };
    struct DeadlineItem
    {
        QString caseId;
        QString caseNumber;
        QString item;
        QString matter;
        QString name;
        QString window;
        QString department; // code
        QString departmentName;
        QDate promisedDate;
        int workingDaysLeft = 0;
        bool overdue = false;
    };
    struct DeadlineCount
    {
        QString key; // window key id or department code
        QString name; // the window's or the department's name
        int near = 0;
        int overdue = 0;
    };
    struct Supplement
    {
        QString caseId;
        QString caseNumber;
        QString window;
        QString task;
        QString kind; // supplement, tolerated
        QString bring;
        QDate dueBy;
    };
    struct Outcome
    {
        QString window; // "" in the total
        QString clerk; // "" in a window's row and the total
        int tickets = 0;
        std::optional<double> avgWaitSeconds;
        std::optional<qint64> p90WaitSeconds;
        std::optional<double> avgHandlingSeconds;
        int accepted = 0;
        int tolerated = 0;
        int notice = 0;
        int refused = 0;
        int cases = 0;
        int oneVisit = 0;
        std::optional<double> oneVisitShare;
    };
    struct Callback
    {
        QString by;
        QDateTime at;
        QString outcome; // resolved, unresolved, unreachable
    };
    struct BadRating
    {
        QString rating;
        QString caseId;
        QString caseNumber;
        QString window;
        QString clerk;
        QString service; // acceptance, supplement, handout
        QString level; // dissatisfied, veryDissatisfied
        QDateTime ratedAt;
        QDate dueBy;
        QString state; // open, done
        bool overdue = false;
        std::optional<Callback> callback;
        bool appealPending = false;
    };
    struct Appeal
    {
        QString appeal;
        QString rating;
        QString caseId;
        QString caseNumber;
        QString window;
        QString clerk;
        QString level;
        QString reason;
        QDateTime filedAt;
    };
    struct Day
    {
        QDate day;
        int tickets = 0;
        std::optional<qint64> p90WaitSeconds;
        int accepted = 0;
        int cases = 0;
        std::optional<double> oneVisitShare;
    };

    QDateTime generatedAt;
    QDate today;
    QDate from;
    QDate to;
    // The page of windows: windows, windowOutcomes, clerkOutcomes and deadlinesByWindow are its
    // windows; the total, the daily series, the departments and the lists cover all windowCount.
    int pageOffset = 0;
    int pageLimit = 0;
    int windowCount = 0;
    QList<LiveWindow> windows;
    QDate nearLimit;
    QList<DeadlineItem> deadlineItems;
    QList<DeadlineCount> deadlinesByWindow;
    QList<DeadlineCount> deadlinesByDepartment;
    QList<Supplement> supplementsOverdue;
    Outcome total;
    QList<Outcome> windowOutcomes;
    QList<Outcome> clerkOutcomes;
    QList<BadRating> badRatings;
    QList<Appeal> appeals;
    QList<Day> daily;

    // The window's name as the overview lists it, else its key id.
    QString windowName(const QString &keyId) const;

    static Result<SupervisorOverview> fromJson(const QJsonObject &json);
};

} // namespace ow::sync
