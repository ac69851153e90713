#pragma once

#include <QString>

namespace ow::intake {

// Who and where: printed on every document and used for case numbers and the signing key.
struct WindowConfig
{
    QString regionCode = QStringLiteral("330106"); // 6-digit administrative division
    QString windowCode = QStringLiteral("W01"); // unique within the region
    QString windowName; // 综合窗口 1
    QString clerk; // the signed-in clerk's name
    QString office; // 杭州市西湖区行政服务中心
    QString contact; // phone printed on notices
    // What receipts and notices are written in: the window's setting, never the process locale.
    QString documentLanguage = QStringLiteral("zh_CN");

    QString keyId() const { return regionCode + QLatin1Char('-') + windowCode; }
};

} // namespace ow::intake
