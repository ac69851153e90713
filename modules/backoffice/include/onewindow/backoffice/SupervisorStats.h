#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ow::backoffice {

class Database;

// The rows the supervisor's overview reads (issue 24), written in the same transaction as the
// writes they follow, so the overview never reads the (sealed) case log nor scans the tickets:
// - sv_tickets: one row per ticket at its first call (window, clerk, the centre's day, the wait
//   from queued to called), its serving time and handling time (served → done) added later;
// - sv_decisions: one row per applied "decided" entry (window, clerk, day, decision);
// - sv_cases: one row per case with its result day (the first accept, accepttolerated or refuse)
//   and the counters of GET /v1/cases/{caseId}'s progress.visits (returns by "reopened", returns
//   and supplements by "visit"), so "at most one visit" is the same rule;
// - sv_tasks: the case's supplements (a department's request, a 容缺 line of the decided
//   document) with their due dates, done when the "supplemented" entry is applied.
// Every method returns "" or the error (the caller rolls back).
class SupervisorStats
{
public:
    explicit SupervisorStats(Database &db);

    // HallQueue: a ticket event stored (called, served, done; other kinds are ignored).
    // `queuedAt`: the ticket's stored queue time if the caller has it (else it is read).
    [[nodiscard]] QString ticketEvent(const QString &ticketId, const QString &kind, const QDateTime &at,
        const QString &window, const QString &clerk, const QDateTime &queuedAt = QDateTime());
    // Handouts, inside CaseLedger's transaction: an applied entry of a case of `window` (decided,
    // reopened, visit, supplemented; others are ignored). `entry` is the opened entry.
    [[nodiscard]] QString caseEntry(const QString &caseId, int seq, const QString &window, const QJsonObject &entry);
    // Handouts::supplementRequested: a department's supplement task opened (again).
    [[nodiscard]] QString supplementRequested(
        const QString &caseId, const QString &task, const QString &bring, const QString &dueDate);

    // The centre's day (UTC+8) of an instant.
    static QString centreDay(const QDateTime &at);

private:
    QString decided(const QString &caseId, int seq, const QString &window, const QJsonObject &entry);
    QString countVisit(const QString &caseId, const QString &window, const char *column);

    Database &m_db;
};

} // namespace ow::backoffice
