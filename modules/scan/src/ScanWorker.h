#pragma once

#include "onewindow/scan/BarcodeReader.h"
#include "onewindow/scan/Page.h"
#include "onewindow/scan/SaneSession.h"
#include "onewindow/scan/ScanSettings.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace ow::scan {

// Lives on Scanner's worker thread and owns the SANE session there.
class ScanWorker : public QObject
{
    Q_OBJECT

public:
    void listDevices();
    void scan(const ow::scan::ScanSettings &settings, std::shared_ptr<std::atomic<bool>> cancel);

Q_SIGNALS:
    void devicesListed(const QList<ow::scan::ScanDevice> &devices, const QString &error);
    void progress(int page, int percent);
    void pageScanned(const ow::scan::Page &page);
    void barcodesFound(const QList<ow::scan::Barcode> &barcodes);
    void coverSheet(const QString &materialId);
    void finished(int pages, const QString &error);

private:
    std::unique_ptr<SaneSession> m_session;
    SaneSession &session();
};

} // namespace ow::scan
