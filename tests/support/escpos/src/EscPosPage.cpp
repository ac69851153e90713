#include "onewindow/escpossim/EscPosPage.h"

#include <QStringList>

namespace ow::escpossim {

QString EscPosItem::text() const
{
    QString out;
    for (const EscPosTextRun &r : runs)
        out += r.text;
    return out;
}

QString EscPosPage::text() const
{
    QStringList lines;
    for (const EscPosItem &item : items) {
        if (item.kind == EscPosItem::Kind::TextLine)
            lines << item.text();
    }
    return lines.join(u'\n');
}

int EscPosPage::count(EscPosItem::Kind kind) const
{
    int n = 0;
    for (const EscPosItem &item : items)
        n += item.kind == kind ? 1 : 0;
    return n;
}

} // namespace ow::escpossim
