#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace ow::scan {

struct ScanDevice
{
    QString name; // SANE device name, e.g. "fujitsu:fi-7160:12345"
    QString vendor;
    QString model;
    QString type;
};

struct ScanSettings
{
    enum class Source { Flatbed, Feeder };
    enum class Mode { Gray, Color, Lineart };

    QString device; // empty: the first scanner found
    Source source = Source::Flatbed;
    Mode mode = Mode::Gray;
    int dpi = 200;
    int maxPages = 100; // a feeder batch stops here at the latest
    int stallTimeoutMs = 30000; // no data for this long: the scan is cancelled
    // Pages come out normalised (PageNormaliser, on the worker thread) and their barcodes read:
    // cover sheets (CoverSheets rules) start a material and are not kept as pages.
    bool normalise = true;
    bool readBarcodes = true;
    QByteArray coverSheetRules; // JSON; empty: the default prefix only
    // Further backend options by name (e.g. a vendor's "swdeskew"=yes), set as given.
    QList<QPair<QString, QString>> extraOptions;
};

} // namespace ow::scan

#include <QMetaType>
Q_DECLARE_METATYPE(ow::scan::ScanDevice)
