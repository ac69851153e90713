#include "onewindow/store/CaseNumbering.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace ow::store {

QString CaseNumbering::newCaseId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString CaseNumbering::format(const QString &regionCode, const QString &windowCode, QDate day, int sequence)
{
    return QStringLiteral("%1-%2-%3-%4")
        .arg(regionCode, windowCode, day.toString(QStringLiteral("yyyyMMdd")))
        .arg(sequence, 4, 10, QLatin1Char('0'));
}

Result<QString> CaseNumbering::takeNumber(
    QSqlDatabase &db, const QString &regionCode, const QString &windowCode, QDate day)
{
    if (regionCode.size() != 6 || windowCode.isEmpty() || windowCode.contains(u'-'))
        return Result<QString>::failure(tr("This window is not configured: a 6-digit region code and a window code "
                                           "without '-' are needed for case numbers."));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO case_sequences (window_code, day, last) VALUES (?, ?, 1)"
                             " ON CONFLICT(window_code, day) DO UPDATE SET last = last + 1"
                             " RETURNING last"));
    q.addBindValue(windowCode);
    q.addBindValue(day.toString(Qt::ISODate));
    if (!q.exec() || !q.next())
        return Result<QString>::failure(tr("Cannot take the next case number: %1").arg(q.lastError().text()));
    return format(regionCode, windowCode, day, q.value(0).toInt());
}

QString CaseNumbering::continueAfter(QSqlDatabase &db, const QString &windowCode, QDate day, int last)
{
    if (!day.isValid() || last < 0)
        return tr("Not a day and a case number sequence: %1, %2.").arg(day.toString(Qt::ISODate)).arg(last);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO case_sequences (window_code, day, last) VALUES (?, ?, ?)"
                             " ON CONFLICT(window_code, day) DO UPDATE SET last = MAX(last, excluded.last)"));
    q.addBindValue(windowCode);
    q.addBindValue(day.toString(Qt::ISODate));
    q.addBindValue(last);
    if (!q.exec())
        return tr("Cannot continue the case numbers of %1: %2").arg(day.toString(Qt::ISODate), q.lastError().text());
    return QString();
}

} // namespace ow::store
