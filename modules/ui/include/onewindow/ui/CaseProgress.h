#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace ow {
class Catalog;
}

namespace ow::ui {

// What the departments have done with a case, in a few words for the 案件 list, from what the
// back office said (sync::SyncJournal::remote: routed, items, handoutAt). Empty before routing.
// Departments are named as the catalogue names them (its id when it does not know it).
class CaseProgress
{
    Q_DECLARE_TR_FUNCTIONS(CaseProgress)

public:
    static QString summary(const QJsonObject &remote, const Catalog *catalog = nullptr);
};

} // namespace ow::ui
