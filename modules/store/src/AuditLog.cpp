#include "onewindow/store/AuditLog.h"

#include "onewindow/store/Store.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ow::store {

QString AuditLog::record(const Entry &entry)
{
    return m_store.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO audit (at, clerk, action, subject, detail) VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(entry.at.toUTC().toString(Qt::ISODateWithMs));
        q.addBindValue(entry.clerk);
        q.addBindValue(entry.action);
        q.addBindValue(entry.subject);
        q.addBindValue(entry.detail);
        return q.exec() ? QString() : tr("Writing the audit log failed: %1").arg(q.lastError().text());
    });
}

QList<AuditLog::Entry> AuditLog::entries(const QString &subject) const
{
    QSqlQuery q(m_store.database());
    if (subject.isEmpty()) {
        q.prepare(QStringLiteral("SELECT at, clerk, action, subject, detail FROM audit ORDER BY id"));
    } else {
        q.prepare(QStringLiteral("SELECT at, clerk, action, subject, detail FROM audit WHERE subject = ? ORDER BY id"));
        q.addBindValue(subject);
    }
    QList<Entry> out;
    if (q.exec()) {
        while (q.next())
            out << Entry {QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs), q.value(1).toString(),
                q.value(2).toString(), q.value(3).toString(), q.value(4).toString()};
    }
    return out;
}

} // namespace ow::store
