#pragma once

#include "onewindow/backoffice/Clock.h"
#include "onewindow/core/Result.h"

#include <QJsonArray>
#include <QString>

namespace ow::checklist {
struct Checklist;
}
namespace ow::intake {
struct CaseState;
}

namespace ow::backoffice {

class Catalogues;
class Database;
class EventLog;
class Sealer;

// Routes an accepted case's items to their departments. A case's items are what the client's
// checklist includes for the case's selection and answers (intake::CaseState folds the applied
// log, checklist::ChecklistEngine evaluates it against the catalogue version the case pins);
// each goes to its matter's department. Runs inside the transaction that applies the entries;
// table case_routing (one row per case) means a case is routed once. Each item keeps what its
// department reads (Departments::items): case number, masked applicant, promised date, materials.
class Router
{
public:
    Router(Database &db, const Sealer &sealer, Catalogues &catalogues, EventLog &events, Clock clock);

    // Inside the caller's transaction, after case entries (fromSeq, toSeq] were applied: a
    // "confirmed" event for each decided entry among them, and routing on the first acceptance.
    // "" or the error (then roll back).
    [[nodiscard]] QString entriesApplied(const QString &caseId, const QString &window, int fromSeq, int toSeq);
    // Routes the cases held as unroutable for lack of catalogue `sha256` (one transaction each).
    // Returns how many were routed, or -1 (with *error) on a storage error.
    int routeHeld(const QString &sha256, QString *error);

private:
    // Routes one case whose acceptance is entry `decidedSeq`; `existing` when a case_routing
    // row (unroutable) is there already. *routed says whether it was routed or held.
    QString route(const QString &caseId, const QString &window, int decidedSeq, bool existing, bool *routed);
    // The materials item `matter` needs (checklist lines), with their status and scans.
    Result<QJsonArray> itemMaterials(
        const checklist::Checklist &list, const intake::CaseState &state, const QString &matter);
    // Holds the case as 'disputed' with `reason` (the window's decided items differ from the back
    // office's evaluation) and tells its window by a 'held' event carrying `detail` (code,
    // onlyDecided, onlyEvaluated: for the window to say it in its language). Nothing is routed.
    QString dispute(const QString &caseId, const QString &window, const QString &sha, int decidedSeq, bool existing,
        const QString &reason, const QJsonObject &detail);

    Database &m_db;
    const Sealer &m_sealer;
    Catalogues &m_catalogues;
    EventLog &m_events;
    Clock m_clock;
};

} // namespace ow::backoffice
