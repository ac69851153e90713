#pragma once

#include "onewindow/scan/BarcodeReader.h"
#include "onewindow/scan/Page.h"
#include "onewindow/scan/ScanSettings.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace ow::scan {

class ScanWorker;

// Scanners for the GUI: every libsane call runs on this object's own worker thread; results
// come back as queued signals. A batch can be cancelled; pages scanned before a jam are kept
// (each page is signalled as soon as it is read).
class Scanner : public QObject
{
    Q_OBJECT

public:
    explicit Scanner(QObject *parent = nullptr);
    ~Scanner() override;

    void listDevices();
    void scan(const ScanSettings &settings);
    void cancel();
    bool busy() const { return m_busy; }

Q_SIGNALS:
    void devicesListed(const QList<ow::scan::ScanDevice> &devices, const QString &error);
    void progress(int page, int percent);
    void pageScanned(const ow::scan::Page &page);
    // Barcodes on a kept page (settings.readBarcodes), e.g. a business licence's QR.
    void barcodesFound(const QList<ow::scan::Barcode> &barcodes);
    // A cover sheet naming a material: the pages that follow belong to it.
    void coverSheet(const QString &materialId);
    // pages: how many were scanned; error: "" when the batch ended normally.
    void finished(int pages, const QString &error);

private:
    QThread m_thread;
    ScanWorker *m_worker = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_busy = false;
};

} // namespace ow::scan
