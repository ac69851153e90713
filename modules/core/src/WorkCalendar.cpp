#include "onewindow/core/WorkCalendar.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdlib>

namespace ow {

namespace {

QDate isoDate(const QJsonValue &v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

} // namespace

Result<WorkCalendar::YearTable> WorkCalendar::parseYear(const QByteArray &json)
{
    using R = Result<YearTable>;
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return R::failure(tr("The calendar is not valid JSON at offset %1: %2").arg(err.offset).arg(err.errorString()));
    if (!doc.isObject())
        return R::failure(tr("The calendar must be a JSON object."));
    const QJsonObject o = doc.object();
    YearTable t;
    t.year = o.value(QLatin1String("year")).toInt();
    if (t.year < 2000 || t.year > 2100)
        return R::failure(tr("The calendar has no valid \"year\"."));
    t.provisional = o.value(QLatin1String("status")).toString() == QLatin1String("provisional");
    t.source = o.value(QLatin1String("source")).toString();

    const QJsonArray holidays = o.value(QLatin1String("holidays")).toArray();
    for (qsizetype i = 0; i < holidays.size(); ++i) {
        const QJsonObject h = holidays.at(i).toObject();
        const QDate from = isoDate(h.value(QLatin1String("from")));
        const QDate to = isoDate(h.value(QLatin1String("to")));
        const QString name = h.value(QLatin1String("name")).toString();
        if (!from.isValid() || !to.isValid() || to < from || name.isEmpty())
            return R::failure(
                tr("Holiday %1 of %2 needs a name and valid \"from\" ≤ \"to\" dates.").arg(i + 1).arg(t.year));
        if (from.year() != t.year && to.year() != t.year)
            return R::failure(tr("Holiday \"%1\" lies outside %2.").arg(name).arg(t.year));
        for (QDate d = from; d <= to; d = d.addDays(1))
            t.holidays.insert(d, name);
    }
    const QJsonArray workdays = o.value(QLatin1String("workdays")).toArray();
    for (qsizetype i = 0; i < workdays.size(); ++i) {
        const QJsonObject w = workdays.at(i).toObject();
        const QDate d = isoDate(w.value(QLatin1String("date")));
        if (!d.isValid())
            return R::failure(tr("Make-up workday %1 of %2 has no valid \"date\".").arg(i + 1).arg(t.year));
        if (t.holidays.contains(d))
            return R::failure(
                tr("%1 is listed both as a holiday and as a make-up workday.").arg(d.toString(Qt::ISODate)));
        t.makeUpWorkdays.insert(d, w.value(QLatin1String("for")).toString());
    }
    return t;
}

Result<WorkCalendar> WorkCalendar::loadDirectory(const QString &path)
{
    const QDir dir(path);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return Result<WorkCalendar>::failure(tr("No calendar tables found in %1.").arg(path));
    WorkCalendar cal;
    for (const QString &name : files) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return Result<WorkCalendar>::failure(tr("Cannot read %1: %2").arg(f.fileName(), f.errorString()));
        auto table = parseYear(f.readAll());
        if (!table)
            return Result<WorkCalendar>::failure(QStringLiteral("%1: %2").arg(name, table.error()));
        cal.setYear(table.value());
    }
    return cal;
}

void WorkCalendar::setYear(const YearTable &table)
{
    m_years.insert(table.year, table);
}

bool WorkCalendar::isProvisional(int year) const
{
    const auto it = m_years.constFind(year);
    return it == m_years.constEnd() || it->provisional;
}

QList<int> WorkCalendar::years() const
{
    QList<int> ys = m_years.keys();
    std::sort(ys.begin(), ys.end());
    return ys;
}

bool WorkCalendar::isWorkingDay(QDate day) const
{
    // A holiday that spills over New Year belongs to the table of the year it started in.
    for (int y : {day.year(), day.year() - 1}) {
        const auto it = m_years.constFind(y);
        if (it == m_years.constEnd())
            continue;
        if (it->holidays.contains(day))
            return false;
        if (it->makeUpWorkdays.contains(day))
            return true;
    }
    return day.dayOfWeek() <= 5;
}

QString WorkCalendar::holidayName(QDate day) const
{
    for (int y : {day.year(), day.year() - 1}) {
        const auto it = m_years.constFind(y);
        if (it != m_years.constEnd() && it->holidays.contains(day))
            return it->holidays.value(day);
    }
    return {};
}

QDate WorkCalendar::addWorkingDays(QDate from, int n) const
{
    QDate d = from;
    const int step = n < 0 ? -1 : 1;
    for (int left = std::abs(n); left > 0;) {
        d = d.addDays(step);
        if (isWorkingDay(d))
            --left;
    }
    return d;
}

int WorkCalendar::workingDaysBetween(QDate from, QDate to) const
{
    if (to < from)
        return -workingDaysBetween(to, from);
    int n = 0;
    for (QDate d = from.addDays(1); d <= to; d = d.addDays(1)) {
        if (isWorkingDay(d))
            ++n;
    }
    return n;
}

} // namespace ow
