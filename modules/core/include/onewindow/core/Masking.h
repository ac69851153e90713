#pragma once

#include <QString>

namespace ow::masking {

// 330106199001011234 → 330106********1234: region code and last four kept.
QString idNumber(const QString &number);
// 张三 → 张*, 欧阳娜娜 → 欧***: the first character kept.
QString name(const QString &name);
// 13812345678 → 138****5678.
QString phone(const QString &phone);
// Keep `head` leading and `tail` trailing characters, replace the rest by '*'.
QString middle(const QString &text, int head, int tail);

} // namespace ow::masking
