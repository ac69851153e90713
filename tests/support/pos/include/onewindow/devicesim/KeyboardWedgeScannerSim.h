#pragma once

#include "onewindow/devicesim/SimulatedUsbDevice.h"

#include <QString>

namespace ow::devicesim {

// A keyboard-wedge barcode scanner: a HID boot keyboard (interface 3/1/1, interrupt IN 0x81,
// 8-byte reports) that "types" what it scans, US layout, then Enter. Answers the HID class
// requests a host sends (GET_DESCRIPTOR report, SET_IDLE, SET_PROTOCOL, SET_REPORT for LEDs).
class KeyboardWedgeScannerSim : public SimulatedUsbDevice
{
public:
    static constexpr quint16 DefaultVendorId = 0x05e0; // Symbol / Zebra, keyboard mode
    static constexpr quint16 DefaultProductId = 0x1200;
    static constexpr quint8 InEndpoint = 0x81;

    explicit KeyboardWedgeScannerSim(quint16 vendorId = DefaultVendorId, quint16 productId = DefaultProductId);

    // Queues the key reports of one scan (press + release per character, Enter at the end).
    // With holdKeys, a key stays down over two reports (a slow scanner), which must type once.
    void scan(const QString &text, bool holdKeys = false);
    // Raw reports, for fault tests (phantom rollover, garbage).
    void sendReport(const QByteArray &report);
    int setIdleRequests() const;

    static QByteArray reportDescriptor();

protected:
    void onOut(quint8 endpoint, const QByteArray &data) override;
    ControlReply onControl(const ControlSetup &setup, const QByteArray &data) override;

private:
    int m_setIdle = 0;
};

} // namespace ow::devicesim
