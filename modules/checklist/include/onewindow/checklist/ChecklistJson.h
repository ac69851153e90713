#pragma once

#include "onewindow/checklist/Checklist.h"

#include <QJsonObject>

namespace ow::checklist {

// The JSON shape of a checklist (documented in modules/checklist/README.md), as printed by
// `onewindow-tool checklist --json`.
class ChecklistJson
{
public:
    static QJsonObject toJson(const Checklist &checklist);
};

} // namespace ow::checklist
