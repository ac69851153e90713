#pragma once

#include "onewindow/printer/EscPosDocument.h"
#include "onewindow/printer/PrintJob.h"
#include "onewindow/printer/PrinterProfile.h"
#include "onewindow/printer/PrinterStatus.h"
#include "onewindow/usb/UsbDriver.h"
#include "onewindow/usb/UsbHandle.h"

#include <QMetaType>
#include <QMutex>

namespace ow::printer {

struct ReceiptPrinterOptions
{
    QString profileId; // force a profile (PrinterProfile::byId); empty: by USB id
    int receiveBufferBytes = 0; // override the profile's receive buffer (a printer set up differently); 0: keep
    int statusTimeoutMs = 1000;
    int transferTimeoutMs = 5000;
};

// An ESC/POS receipt printer on the USB printer class (interface class 0x07): the interface and
// its bulk OUT / IN endpoints are taken from the descriptors by class and direction, never
// assumed (python-escpos's "Invalid endpoint address"); a kernel usblp driver is detached while
// the printer is held and given back on release. Lives on the DeviceManager's worker thread;
// the public methods are thread-safe and answer with queued signals.
//
//   auto *printer = manager->addDriver(std::make_unique<ow::printer::ReceiptPrinter>());
//   connect(printer, &ReceiptPrinter::jobFinished, this, [](const PrintJobResult &r) { … });
//   EscPosDocument doc(printer->profile()); … ; printer->print(doc);
class ReceiptPrinter : public usb::UsbDriver
{
    Q_OBJECT

public:
    using Options = ReceiptPrinterOptions;

    ReceiptPrinter();
    explicit ReceiptPrinter(const Options &options);
    ~ReceiptPrinter() override;

    QString driverName() const override { return QStringLiteral("printer"); }
    bool matches(const usb::UsbDeviceInfo &info) const override { return matchesDevice(info); }
    // A printer-class interface with a bulk OUT endpoint.
    static bool matchesDevice(const usb::UsbDeviceInfo &info);
    // "receipt printer", translated.
    static QString deviceNoun();

    // Thread-safe: the profile of the bound printer (the default while none is bound).
    PrinterProfile profile() const;
    // Thread-safe: endpoints in use, 0 while none (for diagnostics and tests).
    quint8 outEndpoint() const;
    quint8 inEndpoint() const;

    // Thread-safe. Runs the job on the worker; answers with jobFinished().
    void print(const EscPosDocument &document);
    void printBlocks(const QList<QByteArray> &blocks);
    // Thread-safe. Answers with statusRead() or statusFailed().
    void requestStatus();

Q_SIGNALS:
    void jobFinished(const ow::printer::PrintJobResult &result);
    void statusRead(const ow::printer::PrinterStatus &status);
    void statusFailed(const QString &message);

protected:
    void deviceArrived(libusb_device *device, const usb::UsbDeviceInfo &info) override;
    void deviceLeft(const usb::UsbDeviceInfo &info) override;
    void shutdown() override;

private:
    class Transport;
    void runJob(const QList<QByteArray> &blocks);
    void readStatus();
    void closeDevice();
    void updateState(const PrinterStatus &status);

    Options m_options;
    usb::UsbHandle m_handle;
    usb::ClaimedInterface m_claim;
    mutable QMutex m_mutex;
    PrinterProfile m_profile;
    quint8 m_out = 0;
    quint8 m_in = 0;
    int m_lastError = 0; // libusb code of the last failed transfer
};

} // namespace ow::printer

Q_DECLARE_METATYPE(ow::printer::PrintJobResult)
Q_DECLARE_METATYPE(ow::printer::PrinterStatus)
