#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace ow::store {

class Store;

// Every reveal of a full personal record (PIPL) and other sensitive actions, append-only.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    struct Entry
    {
        QDateTime at;
        QString clerk;
        QString action;
        QString subject;
        QString detail;
    };

    explicit AuditLog(Store &store)
        : m_store(store)
    { }

    // Returns "" or the error; the caller must not reveal anything when this fails.
    QString record(const Entry &entry);
    QList<Entry> entries(const QString &subject = {}) const;

private:
    Store &m_store;
};

} // namespace ow::store
