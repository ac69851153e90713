#pragma once

#include "onewindow/catalog/Catalog.h"
#include "onewindow/checklist/Checklist.h"
#include "onewindow/core/Result.h"
#include "onewindow/core/WorkCalendar.h"

#include <QCoreApplication>
#include <QDate>

namespace ow::checklist {

// The completeness engine: a pure function of the catalogue, the selection, the answers, what
// was collected and the day. Cheap enough to run on every click.
class ChecklistEngine
{
    Q_DECLARE_TR_FUNCTIONS(ChecklistEngine)

public:
    // Fails only when the selection names an unknown bundle or matter (or none at all).
    static Result<Checklist> evaluate(const Catalog &catalog, const Selection &selection, const Answers &answers,
        const Collected &collected, const WorkCalendar &calendar, QDate today);
    // The same with what the clerk recorded beyond the marks (counts, confirmed conditions).
    // `facts`: how to word an answer taken from the applicant's document when a condition fails
    // on it (Condition::explainFalse), by question id.
    static Result<Checklist> evaluate(const Catalog &catalog, const Selection &selection, const Answers &answers,
        const Collected &collected, const Recorded &recorded, const WorkCalendar &calendar, QDate today,
        const QHash<QString, QString> &facts = {});
};

} // namespace ow::checklist
