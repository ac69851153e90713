#pragma once

#include <QDate>

namespace ow {

// The statutory retirement age (法定退休年龄) of an employee, as the 2025 reform sets it:
// 全国人大常委会《关于实施渐进式延迟法定退休年龄的决定》, in force from 2025-01-01. Men go from 60 to
// 63, women whose age was 55 (managerial and technical posts) from 55 to 58, both one month
// later for every 4 months of birth from January 1965 / January 1970; women whose age was 50
// (production and operating posts) from 50 to 55, one month later for every 2 months of birth
// from January 1975. Everyone born before those months keeps the old age. The age is reached
// in the month it falls in (the month retirement can start), so it is counted in whole months.
class RetirementAge
{
public:
    enum class Category { Male, FemaleCadre, FemaleWorker };

    // The statutory age in months (60 years and 1 month = 721) for someone born on `birth`.
    static int months(const QDate &birth, Category category);
    // The first day of the month in which that age is reached.
    static QDate reachedOn(const QDate &birth, Category category);
    static bool reached(const QDate &birth, Category category, const QDate &day)
    {
        return birth.isValid() && day >= reachedOn(birth, category);
    }
    // Completed whole months of age on `day` (for "60 years 2 months").
    static int ageInMonths(const QDate &birth, const QDate &day);
};

} // namespace ow
