#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace ow::scanner {

enum class ScannerKind { KeyboardWedge, HidPos };

// A scanner model the driver takes, by USB id. Keyboard-wedge scanners look like keyboards, so
// the driver only ever takes listed ids (never the clerk's real keyboard).
struct ScannerModel
{
    quint16 vendorId = 0;
    quint16 productId = 0;
    ScannerKind kind = ScannerKind::KeyboardWedge;
    QString name;

    // The built-in list (also in packaging/70-onewindow.rules).
    static QList<ScannerModel> knownModels();
    static std::optional<ScannerModel> find(quint16 vendorId, quint16 productId, const QList<ScannerModel> &extra = {});
    // "0c2e:0b87:hidpos,05e0:1200:wedge" (the OW_SCANNER_IDS environment variable); bad entries
    // are skipped and named in *errors.
    static QList<ScannerModel> parseList(const QString &text, QStringList *errors = nullptr);
};

} // namespace ow::scanner
