#pragma once

// The simulated counter devices of the GUI and desktop tests: the ID card reader and the ESC/POS
// printer on a umockdev bus, with the real drivers on the USB thread.
#include "onewindow/devicesim/EscPosPrinterSim.h"
#include "onewindow/devicesim/IdCardReaderSim.h"
#include "onewindow/devicesim/UsbTestbed.h"
#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/printer/ReceiptPrinter.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/usb/DeviceManager.h"

#include <QTest>

#include <memory>

namespace ow::testsupport {

// The reader and the printer plugged in before libusb starts, as in demo mode.
struct SimulatedCounter
{
    devicesim::UsbTestbed *testbed = nullptr;
    devicesim::IdCardReaderSim reader;
    devicesim::EscPosPrinterSim printer;
    std::unique_ptr<usb::DeviceManager> usb;
    printer::ReceiptPrinter *printerDriver = nullptr;

    // "" once the printer is ready, else what went wrong.
    QString start(QObject *owner, ui::ClientContext &context, ui::CounterDevices &devices)
    {
        testbed = new devicesim::UsbTestbed(owner);
        if (!testbed->isValid())
            return testbed->error();
        if (testbed->plug(&reader).isEmpty() || testbed->plug(&printer).isEmpty())
            return testbed->error();
        usb = std::make_unique<usb::DeviceManager>();
        context.cardReader = usb->addDriver(std::make_unique<idcard::IdCardReader>());
        printerDriver = usb->addDriver(std::make_unique<printer::ReceiptPrinter>());
        devices.attachPrinter(printerDriver);
        usb->start();
        return QTest::qWaitFor([&devices] { return devices.canPrint(); }, 10000)
            ? QString()
            : QStringLiteral("the simulated printer did not become ready");
    }
    void stop()
    {
        reader.removeCard();
        usb.reset();
        testbed->unplug(&printer);
        testbed->unplug(&reader);
    }
};

} // namespace ow::testsupport
