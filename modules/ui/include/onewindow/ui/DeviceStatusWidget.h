#pragma once

#include "onewindow/usb/DeviceStatus.h"

#include <QWidget>

#include <memory>

namespace Ui {
class DeviceStatusWidget;
}

namespace ow::idcard {
class IdCardReader;
}

namespace ow::ui {

class CounterDevices;
class DemoCardSlot;

// A device status indicator: a coloured mark and one line — present (ready / reading), absent,
// or error with the message for the clerk; the technical detail is in the tooltip. In demo
// mode a "Demo card" button puts one of the four demo cards on the simulated reader.
class DeviceStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit DeviceStatusWidget(QWidget *parent = nullptr);
    ~DeviceStatusWidget() override;

    // Follows the reader's statusChanged (queued: the reader lives on the USB thread).
    void attachReader(idcard::IdCardReader *reader);
    // Follows the receipt printer instead (through the GUI-thread CounterDevices).
    void attachPrinter(CounterDevices *devices);
    void setDemoCardSlot(DemoCardSlot *demo); // nullptr hides the demo button
    void setStatus(const ow::usb::DeviceStatus &status);
    ow::usb::DeviceStatus status() const { return m_status; }
    QString text() const; // what the line says, for tests

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void buildDemoMenu();

    std::unique_ptr<Ui::DeviceStatusWidget> m_ui;
    ow::usb::DeviceStatus m_status;
    DemoCardSlot *m_demo = nullptr;
    bool m_printer = false;
};

} // namespace ow::ui
