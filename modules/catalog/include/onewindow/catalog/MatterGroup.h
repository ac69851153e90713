#pragma once

#include <QString>

namespace ow {

// A group of matters (商事登记, 社会保障, 不动产 …): a hall's queue has one category per group, in
// the catalogue's order (lettered A, B, C …).
struct MatterGroup
{
    QString id; // lower-case letters, digits and '-', e.g. "business"
    QString name; // 商事登记
};

} // namespace ow
