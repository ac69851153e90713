#pragma once

#include "onewindow/devicesim/EscPosPrinterSim.h"
#include "onewindow/devicesim/HidPosScannerSim.h"
#include "onewindow/devicesim/IdCardReaderSim.h"
#include "onewindow/devicesim/UsbTestbed.h"
#include "onewindow/ui/DemoCardSlot.h"

#include <QString>

// Demo mode's devices: a umockdev testbed with the simulated ID card reader, the simulated
// ESC/POS receipt printer and the simulated HID POS barcode scanner (the same simulators the
// driver tests use), plugged in before the device manager starts. The real libusb code path
// runs against it. Only the simulated bus is visible while it exists. The demo menu unplugs and
// replugs them, takes the paper out, opens the cover and scans codes, as a newcomer would see
// it happen at a real counter.
class DemoDevices : public ow::ui::DemoCardSlot
{
public:
    DemoDevices();
    ~DemoDevices() override;

    bool isValid() const { return m_valid; }
    QString error() const { return m_testbed.error(); }

    void putDemoCard(ow::ui::DemoCard card) override;
    void removeCard() override;
    bool hasCard() const override;
    bool scan(const QByteArray &content) override;
    bool setReaderPlugged(bool plugged) override;
    bool setPrinterPlugged(bool plugged) override;
    bool setPaperOut(bool out) override;
    bool setCoverOpen(bool open) override;

private:
    ow::devicesim::UsbTestbed m_testbed;
    ow::devicesim::IdCardReaderSim m_reader;
    ow::devicesim::EscPosPrinterSim m_printer;
    ow::devicesim::HidPosScannerSim m_scanner;
    bool m_valid = false;
};
