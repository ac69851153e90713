#pragma once

#include "onewindow/scanner/HidPosReportDecoder.h"
#include "onewindow/scanner/KeyboardReportDecoder.h"
#include "onewindow/scanner/Scan.h"
#include "onewindow/scanner/ScannerModel.h"
#include "onewindow/usb/UsbDriver.h"
#include "onewindow/usb/UsbHandle.h"

#include <QAtomicInt>
#include <QMetaType>

class QTimer;

namespace ow::scanner {

struct BarcodeScannerOptions
{
    // One interrupt read blocks the USB worker for at most this long, then the worker's event
    // loop runs (other drivers, hotplug) before the next read. No busy polling: the thread
    // sleeps in libusb while it waits.
    int readSliceMs = 100;
    bool tabTerminates = true; // keyboard-wedge: Tab ends a scan like Enter
    bool aimPrefix = false; // keyboard-wedge: the scanner is set to send the AIM id first
    bool listen = true; // hold the scanner from the start (see setListening)
    QList<ScannerModel> extraModels; // besides ScannerModel::knownModels() and OW_SCANNER_IDS
};

// A USB barcode scanner, keyboard-wedge (HID boot keyboard) or HID POS (Honeywell report 2).
// Lives on the DeviceManager's worker thread; talk to it through the thread-safe methods and
// its queued signals.
//
// While listening, the driver holds the scanner: it claims the HID interface, detaching the
// kernel's usbhid driver (so scans do not also "type" into whatever window has focus); a HID
// POS scanner is switched into HID POS mode with the feature report 0xFE = 01. When listening
// stops, the driver shuts down or the app exits, the interface is released and the kernel
// driver re-attached: the scanner works as a keyboard again.
class BarcodeScanner : public usb::UsbDriver
{
    Q_OBJECT

public:
    using Options = BarcodeScannerOptions;

    BarcodeScanner();
    explicit BarcodeScanner(const Options &options);
    ~BarcodeScanner() override;

    QString driverName() const override { return QStringLiteral("scanner"); }
    bool matches(const usb::UsbDeviceInfo &info) const override;
    static bool matchesDevice(const usb::UsbDeviceInfo &info, const QList<ScannerModel> &extra = {});
    // "barcode scanner", translated.
    static QString deviceNoun();

    // Thread-safe. Hold (true) or give back (false) the scanner.
    void setListening(bool listening);
    // Thread-safe: whether the interface is claimed right now.
    bool isHeld() const { return m_held.loadRelaxed() != 0; }
    // Thread-safe: the kind of the bound scanner, -1 while none (ScannerKind otherwise).
    int kind() const { return m_kind.loadRelaxed(); }
    // Thread-safe: what happened to the kernel driver at the last claim (for logs and tests).
    QString kernelDriverNote() const;

Q_SIGNALS:
    void scanned(const ow::scanner::Scan &scan);
    void scanFailed(const QString &message, const QString &detail);

protected:
    void deviceArrived(libusb_device *device, const usb::UsbDeviceInfo &info) override;
    void deviceLeft(const usb::UsbDeviceInfo &info) override;
    void shutdown() override;

private:
    bool hold();
    void release();
    void closeDevice();
    void readSlice();

    Options m_options;
    QTimer *m_readTimer = nullptr;
    usb::UsbHandle m_handle;
    usb::ClaimedInterface m_claim;
    usb::UsbDeviceInfo m_info;
    int m_interface = -1;
    quint8 m_inEndpoint = 0;
    int m_inPacketSize = 8;
    ScannerKind m_currentKind = ScannerKind::KeyboardWedge;
    KeyboardReportDecoder m_keyboard;
    HidPosReportDecoder m_hidPos;
    bool m_listening = true;
    int m_consecutiveErrors = 0;
    QAtomicInt m_held {0};
    QAtomicInt m_kind {-1};
    mutable QMutex m_noteMutex;
    QString m_kernelNote;
};

} // namespace ow::scanner

Q_DECLARE_METATYPE(ow::scanner::Scan)
