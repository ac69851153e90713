#pragma once

#include "onewindow/devicesim/SimulatedUsbDevice.h"
#include "onewindow/escpossim/EscPosParser.h"

#include <QImage>
#include <QString>

namespace ow::devicesim {

// An ESC/POS receipt printer on the USB printer class (interface 7/1/2, bulk OUT + bulk IN,
// endpoint numbers configurable so that the host must pick them by direction). It parses what it
// receives into a page (EscPosParser), answers DLE EOT 1/2/3/4 from its status knobs and renders
// the page (ReceiptRenderer, needs a QGuiApplication).
//
// Knobs: paper out, paper near end, cover open, offline; unplugAfterBytes (unplug in the middle
// of a job); receive buffer size (a single raster command larger than it "overflows": the page
// is marked garbled, like a real printer printing noise).
class EscPosPrinterSim : public SimulatedUsbDevice
{
public:
    static constexpr quint16 DefaultVendorId = 0x0416; // Winbond-based 58 mm printers (Xprinter …)
    static constexpr quint16 DefaultProductId = 0x5011;

    struct Config
    {
        quint16 vendorId = DefaultVendorId;
        quint16 productId = DefaultProductId;
        quint8 outEndpoint = 0x03;
        quint8 inEndpoint = 0x81;
        bool bidirectional = true; // false: no IN endpoint, protocol 1
        int dotsPerLine = 384;
        int receiveBufferBytes = 4096;
    };

    EscPosPrinterSim();
    explicit EscPosPrinterSim(const Config &config);

    void setPaperOut(bool on);
    void setPaperNearEnd(bool on);
    void setCoverOpen(bool on);
    void setOffline(bool on);
    // Unplugs itself once this many bytes (data, not status requests) have arrived; 0 = never.
    void setUnplugAfterBytes(qint64 bytes);

    const Config &config() const { return m_config; }
    // What was printed so far (copies, thread-safe).
    escpossim::EscPosPage page() const;
    QString parseError() const;
    qint64 bytesReceived() const;
    bool overflowed() const;
    int statusRequests() const;
    QImage render() const;
    void clearPage();

protected:
    void onOut(quint8 endpoint, const QByteArray &data) override;
    ControlReply onControl(const ControlSetup &setup, const QByteArray &data) override;

private:
    quint8 statusByte(int n) const;
    bool canPrint() const;

    Config m_config;
    escpossim::EscPosParser m_parser;
    bool m_paperOut = false;
    bool m_paperNearEnd = false;
    bool m_coverOpen = false;
    bool m_offline = false;
    qint64 m_unplugAfter = 0;
    qint64 m_received = 0;
    bool m_overflowed = false;
    int m_statusRequests = 0;
};

} // namespace ow::devicesim
