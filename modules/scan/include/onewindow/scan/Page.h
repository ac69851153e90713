#pragma once

#include <QImage>
#include <QList>
#include <QString>

namespace ow::scan {

// One page on its way into a material's PDF: the picture and where it came from.
struct Page
{
    QImage image;
    double dpi = 200;
    QString origin; // file name or scanner name, for messages
    int originPage = 1; // 1-based page within the origin (multi-page TIFF/PDF, ADF batch)
};

using Pages = QList<Page>;

} // namespace ow::scan

#include <QMetaType>
Q_DECLARE_METATYPE(ow::scan::Page)
