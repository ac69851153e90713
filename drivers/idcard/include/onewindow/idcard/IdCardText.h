#pragma once

#include "onewindow/idcard/IdCardData.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace ow::idcard {

// Plain-text and JSON views of a card for the command-line tool and logs of tests; masked
// unless `full`. Labels are English keys (not translated): the GUI has its own IdentityPanel.
class IdCardText
{
public:
    static QList<QPair<QString, QString>> fields(const IdCardData &card, bool full, const QDate &today);
    static QJsonObject toJson(const IdCardData &card, bool full, const QDate &today);
    static QString typeDescription(CardType type); // "resident ID card", …
};

} // namespace ow::idcard
