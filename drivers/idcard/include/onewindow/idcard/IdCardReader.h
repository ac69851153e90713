#pragma once

#include "onewindow/idcard/IdCardData.h"
#include "onewindow/idcard/SamCodec.h"
#include "onewindow/idcard/SamTransport.h"
#include "onewindow/usb/UsbDriver.h"
#include "onewindow/usb/UsbHandle.h"

#include <QAtomicInt>

#include <memory>

class QTimer;

namespace ow::idcard {

enum class ReadMode { TextPhoto, TextPhotoFingerprint };

struct IdCardReaderOptions
{
    ReadMode mode = ReadMode::TextPhoto;
    int pollIntervalMs = 500; // while a card is expected
    int probeTimeoutMs = 1000; // SAM status at attach
    int findTimeoutMs = 800;
    int selectTimeoutMs = 500;
    int readTimeoutMs = 2000; // text + photo (+ fingerprint), whole exchange
    bool readAppendedAddress = true;
};

// The second-generation ID card reader (SAM / GA 467) on USB. Lives on the DeviceManager's
// worker thread; talk to it from the GUI only through the methods marked thread-safe (they post
// to the worker) and through its signals (queued).
//
// While a card is expected (setCardExpected(true)) it polls every pollIntervalMs: find →
// select → read (→ appended address). A card is reported once by cardRead(); while it stays on
// the reader (the same serial number at select) it is not reported again; another card put
// down in its place is read and reported; cardRemoved() when the card is taken away. A failing card
// gets readFailed() once per distinct problem while it stays.
class IdCardReader : public usb::UsbDriver
{
    Q_OBJECT

public:
    using Options = IdCardReaderOptions;

    IdCardReader();
    explicit IdCardReader(const Options &options);
    ~IdCardReader() override;

    QString driverName() const override { return QStringLiteral("idcard"); }
    bool matches(const usb::UsbDeviceInfo &info) const override { return matchesDevice(info); }
    // 0400:C35A, or any vendor-class interface with the GA 467 endpoint set (0x02 0x06 / 0x81 0x85).
    static bool matchesDevice(const usb::UsbDeviceInfo &info);
    // "The card reader", translated: the noun the USB error messages use.
    static QString deviceNoun();

    // Thread-safe.
    void setCardExpected(bool expected);
    void readOnce(); // one find → select → read now; answers with cardRead, noCard or readFailed
    void setReadMode(ReadMode mode);
    // The transport chosen from the descriptors, -1 while none (thread-safe; for tests/diagnostics).
    int transportKind() const { return m_transportKind.loadRelaxed(); }

Q_SIGNALS:
    void cardRead(const ow::idcard::IdCardData &card);
    void cardRemoved();
    void noCard();
    void readFailed(const QString &message, const QString &detail);

protected:
    void deviceArrived(libusb_device *device, const usb::UsbDeviceInfo &info) override;
    void deviceLeft(const usb::UsbDeviceInfo &info) override;
    void shutdown() override;

private:
    struct Step
    {
        bool ok = false;
        SamResponse response;
        QString message;
        QString detail;
    };
    Step command(quint8 command, quint8 parameter, int timeoutMs);
    void poll();
    void readCard(bool requested);
    void fail(bool requested, const QString &message, const QString &detail);
    void closeDevice();
    void updatePolling();

    Options m_options;
    QTimer *m_pollTimer = nullptr;
    usb::UsbHandle m_handle;
    usb::ClaimedInterface m_claim;
    std::unique_ptr<SamTransport> m_transport;
    QList<quint8> m_endpoints; // of the claimed interface, from its descriptor
    QAtomicInt m_transportKind {-1};
    bool m_cardExpected = false;
    bool m_cardOnReader = false;
    QByteArray m_cardSerial; // what select answered for the card reported last
    QString m_lastFailure; // reported while the current card stays
};

} // namespace ow::idcard
