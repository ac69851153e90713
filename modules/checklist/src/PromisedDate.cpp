#include "onewindow/checklist/PromisedDate.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/checklist/Checklist.h"
#include "onewindow/core/WorkCalendar.h"

#include <algorithm>

namespace ow::checklist {

QDate PromisedDate::of(const QList<const Matter *> &matters, const WorkCalendar &calendar, QDate decidedOn)
{
    int days = 0;
    for (const Matter *m : matters)
        days = std::max(days, m->promisedDays);
    return calendar.addWorkingDays(decidedOn, days);
}

QDate PromisedDate::ofChecklist(
    const Catalog &catalog, const Checklist &list, const WorkCalendar &calendar, QDate decidedOn)
{
    QList<const Matter *> matters;
    for (const ItemLine &item : list.items) {
        if (item.included != ItemLine::Inclusion::Included)
            continue;
        if (const Matter *m = catalog.matter(item.matter))
            matters << m;
    }
    return of(matters, calendar, decidedOn);
}

} // namespace ow::checklist
