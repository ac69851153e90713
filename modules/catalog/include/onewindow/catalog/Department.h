#pragma once

#include <QString>

namespace ow {

// An implementing department (实施主体), e.g. 市场监督管理局.
struct Department
{
    QString id;
    QString name;
};

} // namespace ow
