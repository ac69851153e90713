#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace ow {
class Catalog;
}

namespace ow::ui {

// What the departments have done with a case, in a few words for the 案件 list, from what the
// back office said (sync::SyncJournal::remote: routed, items, handoutAt, heldReason). Empty before
// routing; a case the back office holds instead of routing it says so (heldText: with the reason).
// Departments are named as the catalogue names them (its id when it does not know it).
class CaseProgress
{
    Q_DECLARE_TR_FUNCTIONS(CaseProgress)

public:
    static QString summary(const QJsonObject &remote, const Catalog *catalog = nullptr);
    // 后台暂缓分送：<reason> while the back office holds the case; empty otherwise. A reason the
    // back office names in parts (items only the window decided, items only its evaluation has)
    // is worded here, with the matters' names from `catalog`.
    static QString heldText(const QJsonObject &remote, const Catalog *catalog = nullptr);
};

} // namespace ow::ui
