#pragma once

#include "onewindow/core/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace ow::queue {

// A category of a hall's queue: one of the catalogue's matter groups (商事登记, 社会保障 …) with
// the letter its tickets' numbers start with.
struct Category
{
    QString code; // stable id, e.g. "business"
    QString name; // 商事登记
    QString letter; // one upper-case Latin letter, "A"

    QJsonObject toJson() const;
    [[nodiscard]] static Result<Category> fromJson(const QJsonObject &json);
    // A hall's categories from the catalogue's matter groups (code, name), in the catalogue's
    // order: lettered A, B, C …; groups after the 26th share Z.
    static QList<Category> fromGroups(const QList<std::pair<QString, QString>> &groups);
    friend bool operator==(const Category &a, const Category &b)
    {
        return a.code == b.code && a.name == b.name && a.letter == b.letter;
    }
};

} // namespace ow::queue
