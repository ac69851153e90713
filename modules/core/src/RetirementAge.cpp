#include "onewindow/core/RetirementAge.h"

#include <algorithm>

namespace ow {

namespace {

struct Rule
{
    int baseYears; // the age before the reform
    int firstYear; // born from January of this year: later
    int monthsPerStep; // of birth, for one month more
    int maxExtra; // months, once fully in force
};

Rule ruleOf(RetirementAge::Category category)
{
    switch (category) {
    case RetirementAge::Category::Male: return {60, 1965, 4, 36};
    case RetirementAge::Category::FemaleCadre: return {55, 1970, 4, 36};
    case RetirementAge::Category::FemaleWorker: return {50, 1975, 2, 60};
    }
    return {60, 1965, 4, 36};
}

} // namespace

int RetirementAge::months(const QDate &birth, Category category)
{
    const Rule r = ruleOf(category);
    const int since = (birth.year() - r.firstYear) * 12 + (birth.month() - 1); // months after January of firstYear
    const int extra = since < 0 ? 0 : std::min(r.maxExtra, since / r.monthsPerStep + 1);
    return r.baseYears * 12 + extra;
}

QDate RetirementAge::reachedOn(const QDate &birth, Category category)
{
    if (!birth.isValid())
        return {};
    const QDate first(birth.year(), birth.month(), 1);
    return first.addMonths(months(birth, category));
}

int RetirementAge::ageInMonths(const QDate &birth, const QDate &day)
{
    if (!birth.isValid() || !day.isValid() || day < birth)
        return 0;
    int m = (day.year() - birth.year()) * 12 + (day.month() - birth.month());
    if (day.day() < birth.day())
        --m;
    return std::max(0, m);
}

} // namespace ow
