#pragma once

#include "onewindow/devicesim/SimulatedUsbDevice.h"

#include <QByteArray>

namespace ow::devicesim {

// A Honeywell-style HID POS scanner (usage page 0x8C): HID interface 3/0/0 with interrupt IN
// 0x81 (64-byte reports, report ID 2 = scanned data). It starts in keyboard-emulation mode and
// sends nothing over HID POS until the host switches it with the feature report 0xFE = 0x01
// (SET_REPORT, type Feature); hidPosMode() tells whether that happened.
class HidPosScannerSim : public SimulatedUsbDevice
{
public:
    static constexpr quint16 DefaultVendorId = 0x0c2e; // Honeywell (Metrologic)
    static constexpr quint16 DefaultProductId = 0x0b87;
    static constexpr quint8 InEndpoint = 0x81;

    explicit HidPosScannerSim(quint16 vendorId = DefaultVendorId, quint16 productId = DefaultProductId);

    // Scans content (raw bytes, e.g. UTF-8 or GB18030) as the given symbology. Returns false,
    // sending nothing, while the scanner is not in HID POS mode.
    bool scan(const QByteArray &content, const QByteArray &aimId = QByteArrayLiteral("]Q1"), char codeId = 's');
    bool hidPosMode() const;
    void setHidPosMode(bool on);

    static QByteArray reportDescriptor();

protected:
    void onOut(quint8 endpoint, const QByteArray &data) override;
    ControlReply onControl(const ControlSetup &setup, const QByteArray &data) override;
    void onPlugged() override;

private:
    bool m_hidPosMode = false;
};

} // namespace ow::devicesim
