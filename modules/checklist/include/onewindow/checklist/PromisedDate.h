#pragma once

#include <QDate>
#include <QList>

namespace ow {
class Catalog;
class WorkCalendar;
struct Matter;
} // namespace ow

namespace ow::checklist {

struct Checklist;

// The day a result is promised (承诺办结日期): the longest time limit (承诺时限, working days under
// the work calendar) of the matters, counted from the day of the decision. The receipt promises
// it for its included items; the back office gives each routed item its own matter's date the
// same way, so a department's date is never later than the receipt's.
class PromisedDate
{
public:
    static QDate of(const QList<const Matter *> &matters, const WorkCalendar &calendar, QDate decidedOn);
    // The items `list` includes, looked up in `catalog`.
    static QDate ofChecklist(
        const Catalog &catalog, const Checklist &list, const WorkCalendar &calendar, QDate decidedOn);
};

} // namespace ow::checklist
