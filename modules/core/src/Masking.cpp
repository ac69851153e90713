#include "onewindow/core/Masking.h"

namespace ow::masking {

QString middle(const QString &text, int head, int tail)
{
    const int n = int(text.size());
    if (n == 0)
        return {};
    if (head + tail >= n) {
        // Too short to keep both ends: keep at most the first character.
        return n == 1 ? QStringLiteral("*") : text.left(1) + QString(n - 1, u'*');
    }
    return text.left(head) + QString(n - head - tail, u'*') + text.right(tail);
}

QString idNumber(const QString &number)
{
    const QString s = number.trimmed();
    // A foreigner's permit (3 letters of nationality and 12 digits) keeps only its nationality,
    // wherever it is shown: on screen, on the card panel, on receipts.
    if (s.size() == 15 && s.at(0).isLetter())
        return middle(s, 3, 4);
    if (s.size() >= 15)
        return middle(s, 6, 4);
    return middle(s, 2, 2);
}

QString name(const QString &name)
{
    const QString s = name.trimmed();
    if (s.size() <= 1)
        return s.isEmpty() ? QString() : QStringLiteral("*");
    return middle(s, 1, 0);
}

QString phone(const QString &phone)
{
    const QString s = phone.trimmed();
    if (s.size() == 11)
        return middle(s, 3, 4);
    return middle(s, 2, 2);
}

} // namespace ow::masking
