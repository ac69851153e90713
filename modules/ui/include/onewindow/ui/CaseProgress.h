#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace ow::ui {

// What the departments have done with a case, in a few words for the 案件 list, from what the
// back office said (sync::SyncJournal::remote: routed, items, handoutAt). Empty before routing.
class CaseProgress
{
    Q_DECLARE_TR_FUNCTIONS(CaseProgress)

public:
    static QString summary(const QJsonObject &remote);
};

} // namespace ow::ui
