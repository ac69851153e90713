#pragma once

#include "onewindow/store/LogEntry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ow {
class Catalog;
}

namespace ow::intake {

// One thing that happened to a case, for the clerk: when, what, where (the window or the
// department) and who (the clerk). Never personal data beyond what the list shows (masked), and
// never a rating's content: only that the applicant rated.
struct TimelineEvent
{
    QDateTime at; // invalid: the back office did not say when
    QString kind; // the log entry's kind, or the back office's event: routed, decided, ready, handout
    QString what;
    QString where;
    QString who;
};

// A case's timeline: its log read back (started → visits → decision → supplements → hand-out or
// dispatch → ratings) merged with what the back office said (routing, each department's decision,
// supplement request and result ready), in time order.
class CaseTimeline
{
    Q_DECLARE_TR_FUNCTIONS(CaseTimeline)

public:
    // `remote`: sync::SyncJournal::remote(caseId); `catalog` names departments and matters (may be
    // null: their codes then).
    static QList<TimelineEvent> build(
        const QList<store::LogEntry> &entries, const QJsonObject &remote, const Catalog *catalog);
};

} // namespace ow::intake
