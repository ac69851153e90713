#pragma once

#include "onewindow/devicesim/IdCardReaderSim.h"
#include "onewindow/devicesim/UsbTestbed.h"
#include "onewindow/ui/DemoCardSlot.h"

#include <QString>

// Demo mode's devices: a umockdev testbed with the simulated ID card reader (the same simulator
// the driver tests use), plugged in before the device manager starts. The real libusb code path
// runs against it. Only the simulated bus is visible while it exists.
class DemoDevices : public ow::ui::DemoCardSlot
{
public:
    DemoDevices();
    ~DemoDevices() override;

    bool isValid() const { return m_valid; }
    QString error() const { return m_testbed.error(); }

    void putDemoCard(ow::idcard::CardType type) override;
    void removeCard() override;
    bool hasCard() const override;

private:
    ow::devicesim::UsbTestbed m_testbed;
    ow::devicesim::IdCardReaderSim m_reader;
    bool m_valid = false;
};
