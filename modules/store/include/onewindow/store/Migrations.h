#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace ow::store {

class Sealer;

// The schema as an ordered list of steps; step i brings the store from version i to i + 1.
class Migrations
{
public:
    static int latestVersion();
    static const QList<QStringList> &steps();
    // Applies the steps after `from` and sets user_version, inside the caller's transaction (Store
    // opens one exclusive transaction for the whole upgrade). Returns an error message or "".
    // Step 2 → 3 also seals the clear-text personal data of older stores (CaseRepository::sealLegacy).
    static QString apply(QSqlDatabase &db, int from, const Sealer &sealer);
};

} // namespace ow::store
