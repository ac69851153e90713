#pragma once

#include "onewindow/catalog/Condition.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ow {

// One item of a bundle: a matter, included when its condition holds (always when empty).
struct BundleItem
{
    QString matter; // implementation code
    Condition when;
    QString why; // plain-language reason shown with the item
};

// A one-matter bundle (一件事), e.g. "开超市".
struct Bundle
{
    QString id;
    QString name;
    QStringList aliases;
    QStringList questions; // ids of the questions it asks, in order
    QList<BundleItem> items;
    QStringList shared; // material ids handed in once for all items
};

} // namespace ow
