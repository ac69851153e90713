#pragma once

#include "onewindow/printer/PrinterProfile.h"
#include "onewindow/usb/DeviceStatus.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

namespace ow::printer {
class ReceiptPrinter;
struct PrintJobResult;
} // namespace ow::printer
namespace ow::scanner {
class BarcodeScanner;
}

namespace ow::ui {

// The widgets' side of the receipt printer and the barcode scanner. The drivers live on the USB
// worker thread; this object lives on the GUI thread, and the widgets only ever talk to it.
// (The ID card reader is attached directly: see ClientContext::cardReader and IdentityPanel.)
class CounterDevices : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Connects a receipt printer driver: print requests go to it, its job results and its
    // ready/absent state come back here (queued, across the threads).
    void attachPrinter(printer::ReceiptPrinter *printer);
    // Connects a barcode scanner driver: every scan arrives here as scanned(text).
    void attachScanner(scanner::BarcodeScanner *scanner);

    // Widgets → devices.
    void requestPrint(const QList<QByteArray> &blocks) { Q_EMIT printRequested(blocks); }
    // Asks the printer for its state now (e.g. after the paper was changed); printerStatusChanged follows.
    void requestPrinterStatus() { Q_EMIT printerStatusRequested(); }

    // Devices → widgets (called by attachPrinter's connections, or by a test standing in).
    void reportPrinted(bool ok, const QString &message) { Q_EMIT printed(ok, message); }
    void reportScan(const QString &text) { Q_EMIT scanned(text); }

    bool canPrint() const { return m_canPrint; }
    void setCanPrint(bool can) { m_canPrint = can; }
    // Why printing is not possible now ("" when it is).
    QString printerProblem() const { return m_printerProblem; }
    // The connected printer's profile (the default one until a printer has been seen): receipts
    // are laid out for it, so no command is larger than its receive buffer.
    const printer::PrinterProfile &printerProfile() const { return m_profile; }
    void setPrinterProfile(const printer::PrinterProfile &profile) { m_profile = profile; }
    // The printer's last state, for the status bar; a test may stand in for the driver.
    const usb::DeviceStatus &printerStatus() const { return m_printerStatus; }
    void setPrinterStatus(const usb::DeviceStatus &status);
    // What the clerk reads after a job (the progress once, not twice).
    static QString printMessage(const printer::PrintJobResult &result);

Q_SIGNALS:
    void printRequested(const QList<QByteArray> &blocks);
    void printerStatusRequested();
    void printed(bool ok, const QString &message);
    void scanned(const QString &text);
    void printerStatusChanged(const ow::usb::DeviceStatus &status);

private:
    bool m_canPrint = false;
    QString m_printerProblem;
    printer::PrinterProfile m_profile = printer::PrinterProfile::defaultProfile();
    usb::DeviceStatus m_printerStatus;
};

} // namespace ow::ui
