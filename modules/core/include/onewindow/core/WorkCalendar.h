#pragma once

#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

namespace ow {

// Working days under the State Council's yearly holiday schedule: public holidays are off, and
// make-up workdays (调休, usually a Saturday or Sunday) are on. Years without a table fall back to
// Monday–Friday, and covers() tells the caller so it can warn.
class WorkCalendar
{
    Q_DECLARE_TR_FUNCTIONS(WorkCalendar)

public:
    struct YearTable
    {
        int year = 0;
        bool provisional = false; // not yet the published schedule
        QString source;
        QHash<QDate, QString> holidays; // day → holiday name
        QHash<QDate, QString> makeUpWorkdays; // day → the holiday it makes up for
    };

    // Parses one year's table (see resources/calendar/README.md for the format).
    static Result<YearTable> parseYear(const QByteArray &json);
    // Loads every *.json in a folder (e.g. ":/onewindow/calendar").
    static Result<WorkCalendar> loadDirectory(const QString &path);

    void setYear(const YearTable &table);
    bool covers(int year) const { return m_years.contains(year); }
    bool isProvisional(int year) const;
    QList<int> years() const;

    bool isWorkingDay(QDate day) const;
    // The name of the public holiday on `day`, or an empty string.
    QString holidayName(QDate day) const;
    // The n-th working day after `from` (from itself is not counted). n = 0 returns `from`.
    QDate addWorkingDays(QDate from, int n) const;
    // Working days in (from, to]; negative when to < from.
    int workingDaysBetween(QDate from, QDate to) const;

private:
    QHash<int, YearTable> m_years;
};

} // namespace ow
