#include "onewindow/ui/CounterDevices.h"

#include "onewindow/printer/PrintJob.h"
#include "onewindow/printer/ReceiptPrinter.h"
#include "onewindow/scanner/BarcodeScanner.h"

namespace ow::ui {

QString CounterDevices::printMessage(const printer::PrintJobResult &result)
{
    // An interrupted job's error already says how far it got ("… Sent 2 of 8 parts …").
    QString text = result.ok() ? tr("The receipt was printed.") : result.error;
    if (result.outcome == printer::PrintJobResult::Outcome::Interrupted && !text.contains(result.progressText()))
        text += QLatin1Char(' ') + result.progressText();
    if (result.outcome == printer::PrintJobResult::Outcome::PrintedWithWarning && result.statusAfter)
        text += QLatin1Char(' ') + result.statusAfter->messages().join(QLatin1Char(' '));
    return text;
}

void CounterDevices::setPrinterStatus(const usb::DeviceStatus &status)
{
    // A printer in error (paper out, cover open) is still worth a try: every job reads the
    // status first and refuses with the reason, and the roll may have been changed since.
    m_canPrint = status.state != usb::DeviceState::Absent && status.state != usb::DeviceState::Unplugged;
    m_printerProblem = m_canPrint ? QString() : status.message;
    m_printerStatus = status;
    Q_EMIT printerStatusChanged(status);
}

void CounterDevices::attachPrinter(printer::ReceiptPrinter *printer)
{
    auto applyStatus = [this, printer](const usb::DeviceStatus &status) {
        // The receipt is laid out for the printer that is there (its buffer size, native QR).
        if (status.state != usb::DeviceState::Absent && status.state != usb::DeviceState::Unplugged)
            m_profile = printer->profile();
        setPrinterStatus(status);
    };
    applyStatus(printer->status());
    connect(printer, &usb::UsbDriver::statusChanged, this, applyStatus, Qt::QueuedConnection);
    // printBlocks() is thread-safe: it queues the job onto the printer's worker thread.
    connect(
        this, &CounterDevices::printRequested, printer,
        [printer](const QList<QByteArray> &blocks) { printer->printBlocks(blocks); }, Qt::DirectConnection);
    connect(
        this, &CounterDevices::printerStatusRequested, printer, [printer] { printer->requestStatus(); },
        Qt::DirectConnection);
    connect(
        printer, &printer::ReceiptPrinter::jobFinished, this,
        [this](const printer::PrintJobResult &result) { reportPrinted(result.ok(), printMessage(result)); },
        Qt::QueuedConnection);
}

void CounterDevices::attachScanner(scanner::BarcodeScanner *scanner)
{
    connect(
        scanner, &scanner::BarcodeScanner::scanned, this, [this](const scanner::Scan &scan) { reportScan(scan.text); },
        Qt::QueuedConnection);
}

} // namespace ow::ui
