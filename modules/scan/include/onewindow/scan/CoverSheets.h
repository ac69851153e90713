#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/scan/BarcodeReader.h"
#include "onewindow/scan/Page.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace ow::scan {

// Cover sheets split one scanned batch into materials: a page whose barcode names a material
// starts that material's pages (the cover sheet itself is not kept). The rules are
// configurable, as JSON:
//   {"prefix": "OW-MATERIAL:", "codes": {"BL-001": "business-licence", …}}
// A barcode "OW-MATERIAL:lease" names the material "lease"; a listed code names its material.
class CoverSheets
{
    Q_DECLARE_TR_FUNCTIONS(CoverSheets)

public:
    struct Batch
    {
        QString materialId; // empty: pages before the first cover sheet
        Pages pages;
    };

    CoverSheets() = default;
    [[nodiscard]] static Result<CoverSheets> fromJson(const QByteArray &json);
    static QString defaultPrefix() { return QStringLiteral("OW-MATERIAL:"); }

    std::optional<QString> materialFor(const QString &barcodeText) const;
    // `barcodes[i]` are the barcodes found on `pages[i]`.
    QList<Batch> split(const Pages &pages, const QList<QList<Barcode>> &barcodes) const;

private:
    QString m_prefix = defaultPrefix();
    QHash<QString, QString> m_codes;
};

} // namespace ow::scan
