#include "onewindow/scanner/ScannerModel.h"

#include <QStringList>

namespace ow::scanner {

QList<ScannerModel> ScannerModel::knownModels()
{
    // Ids as the vendors' USB descriptors report them for the interface mode named; a scanner
    // switched to another mode (keyboard / HID POS / virtual COM) changes its product id.
    return {
        {0x05e0, 0x1200, ScannerKind::KeyboardWedge, QStringLiteral("Zebra/Symbol LS2208 (keyboard)")},
        {0x0c2e, 0x0b61, ScannerKind::KeyboardWedge, QStringLiteral("Honeywell Voyager (keyboard)")},
        {0x0c2e, 0x0b87, ScannerKind::HidPos, QStringLiteral("Honeywell Voyager / Xenon (HID POS)")},
        {0x1eab, 0x0d10, ScannerKind::KeyboardWedge, QStringLiteral("Newland (keyboard)")},
    };
}

std::optional<ScannerModel> ScannerModel::find(quint16 vendorId, quint16 productId, const QList<ScannerModel> &extra)
{
    for (const ScannerModel &m : extra + knownModels()) {
        if (m.vendorId == vendorId && m.productId == productId)
            return m;
    }
    return std::nullopt;
}

QList<ScannerModel> ScannerModel::parseList(const QString &text, QStringList *errors)
{
    QList<ScannerModel> out;
    const QStringList entries = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        const QStringList parts = entry.trimmed().split(u':');
        bool vOk = false;
        bool pOk = false;
        ScannerModel m;
        if (parts.size() == 3) {
            m.vendorId = quint16(parts.at(0).toUInt(&vOk, 16));
            m.productId = quint16(parts.at(1).toUInt(&pOk, 16));
        }
        const QString kind = parts.size() == 3 ? parts.at(2).toLower() : QString();
        if (!vOk || !pOk || (kind != QLatin1String("wedge") && kind != QLatin1String("hidpos"))) {
            if (errors)
                errors->append(entry.trimmed());
            continue;
        }
        m.kind = kind == QLatin1String("wedge") ? ScannerKind::KeyboardWedge : ScannerKind::HidPos;
        m.name = entry.trimmed();
        out.append(m);
    }
    return out;
}

} // namespace ow::scanner
