#include "onewindow/ui/CounterDevices.h"

#include "onewindow/printer/ReceiptPrinter.h"
#include "onewindow/scanner/BarcodeScanner.h"

namespace ow::ui {

void CounterDevices::attachPrinter(printer::ReceiptPrinter *printer)
{
    auto applyStatus = [this](const usb::DeviceStatus &status) {
        // A printer in error (paper out, cover open) is still worth a try: every job reads the
        // status first and refuses with the reason, and the roll may have been changed since.
        m_canPrint = status.state != usb::DeviceState::Absent && status.state != usb::DeviceState::Unplugged;
        m_printerProblem = m_canPrint ? QString() : status.message;
    };
    applyStatus(printer->status());
    connect(printer, &usb::UsbDriver::statusChanged, this, applyStatus, Qt::QueuedConnection);
    // printBlocks() is thread-safe: it queues the job onto the printer's worker thread.
    connect(
        this, &CounterDevices::printRequested, printer,
        [printer](const QList<QByteArray> &blocks) { printer->printBlocks(blocks); }, Qt::DirectConnection);
    connect(
        printer, &printer::ReceiptPrinter::jobFinished, this,
        [this](const printer::PrintJobResult &result) {
            QString text = result.ok() ? tr("The receipt was printed.") : result.error;
            if (result.outcome == printer::PrintJobResult::Outcome::Interrupted)
                text += QLatin1Char(' ') + result.progressText();
            if (result.outcome == printer::PrintJobResult::Outcome::PrintedWithWarning && result.statusAfter)
                text += QLatin1Char(' ') + result.statusAfter->messages().join(QLatin1Char(' '));
            reportPrinted(result.ok(), text);
        },
        Qt::QueuedConnection);
}

void CounterDevices::attachScanner(scanner::BarcodeScanner *scanner)
{
    connect(
        scanner, &scanner::BarcodeScanner::scanned, this, [this](const scanner::Scan &scan) { reportScan(scan.text); },
        Qt::QueuedConnection);
}

} // namespace ow::ui
