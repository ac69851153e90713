#pragma once

#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QSqlDatabase>
#include <QString>

namespace ow::store {

class Store;

// Case identity made at the window, with no server round trip:
// - the id is a random UUID, unique everywhere;
// - the number is region code + window code + date + a per-window daily sequence,
//   e.g. 330106-W03-20261128-0007, unique per window because the sequence lives in the
//   window's own store and is taken in a transaction.
class CaseNumbering
{
    Q_DECLARE_TR_FUNCTIONS(CaseNumbering)

public:
    static QString newCaseId();
    // Inside the caller's transaction, so the number and the case row commit together (no gaps).
    static Result<QString> takeNumber(
        QSqlDatabase &db, const QString &regionCode, const QString &windowCode, QDate day);
    // Numbers of `day` continue after `last` (never going back): a window enrolled again with a
    // new store continues the series the back office already holds.
    [[nodiscard]] static QString continueAfter(QSqlDatabase &db, const QString &windowCode, QDate day, int last);
    static QString format(const QString &regionCode, const QString &windowCode, QDate day, int sequence);
};

} // namespace ow::store
