#pragma once

#include "onewindow/devicesim/SimIdCard.h"
#include "onewindow/devicesim/SimulatedUsbDevice.h"

#include <QHash>
#include <optional>

namespace ow::devicesim {

// The device side of a second-generation ID card reader (SAM module, GA 467 frames) on USB.
//
// Transports (the driver must pick the right one from the descriptors):
//   SinglePipe: vendor interface, bulk OUT 0x01 + bulk IN 0x81; whole frames both ways.
//   SplitPipe:  GA 467 profile, bulk OUT 0x02 (preamble+length) and 0x06 (CMD..CHK),
//               bulk IN 0x81 (preamble+length) and 0x85 (SW1..CHK).
// Default ids 0400:C35A.
//
// Commands answered: 0x10 reset, 0x11 status, 0x12 SAM id, 0x20 0x01 find (0x9F / 0x80),
// 0x20 0x02 select (0x90 / 0x81), 0x30 0x01 text+photo, 0x30 0x10 text+photo+fingerprint,
// 0x30 0x03 appended address (0x90 / 0x91); a bad host checksum gets 0x10, a bad length 0x11,
// an unknown command 0x21. Find → select → read must come in that order (else 0x80/0x81/0x41).
class IdCardReaderSim : public SimulatedUsbDevice
{
public:
    enum class Transport { SinglePipe, SplitPipe };
    enum class Fault {
        SamStatus, // answer with the given SW3 (and no data)
        CorruptChecksum, // a complete frame whose checksum is wrong
        ShortFrame, // only the first part of the frame, then silence
        Stall, // the IN endpoint stalls instead of answering
        NoReply, // no answer at all (the host times out)
        UnplugMidReply, // the first part of the frame, then the reader is pulled out
    };

    explicit IdCardReaderSim(
        Transport transport = Transport::SinglePipe, quint16 vendorId = 0x0400, quint16 productId = 0xC35A);

    static UsbDescriptorBuilder descriptorsFor(Transport transport, quint16 vendorId, quint16 productId);
    Transport transport() const { return m_transport; }

    // Puts a card on the reader. In place of another card: a swap, no gap (select answers the
    // new card's serial). The same card again: it was lifted, so one find answers "no card".
    void putCard(const SimIdCard &card);
    void putDemoCard(SimIdCard::Type type) { putCard(SimIdCard::demo(type)); }
    void removeCard();
    bool hasCard() const;

    // The next `times` answers to CMD/PARA get the fault (times < 0: until cleared).
    void injectFault(quint8 command, quint8 parameter, Fault fault, quint8 sw3 = 0, int times = 1);
    void clearFaults();

    // How many requests with CMD/PARA the reader received (valid frames only).
    int requestCount(quint8 command, quint8 parameter) const;
    // Received frames with a wrong checksum.
    int badRequests() const;

    static QByteArray responseFrame(quint8 sw3, const QByteArray &data, quint8 sw1 = 0, quint8 sw2 = 0);

protected:
    void onOut(quint8 endpoint, const QByteArray &data) override;
    void onPlugged() override;

private:
    struct FaultRule
    {
        Fault fault = Fault::SamStatus;
        quint8 sw3 = 0;
        int times = 1;
    };
    void processFrames();
    void answer(quint8 command, quint8 parameter);
    void reply(const QByteArray &frame, quint16 key);
    quint8 outHeaderEndpoint() const;
    quint8 inHeaderEndpoint() const;
    quint8 inBodyEndpoint() const;

    Transport m_transport;
    QByteArray m_received;
    std::optional<SimIdCard> m_card;
    bool m_lifted = false; // the same card was put down again: one find sees no card
    bool m_found = false;
    bool m_selected = false;
    QHash<quint16, FaultRule> m_faults;
    QHash<quint16, int> m_requests;
    int m_badRequests = 0;
};

} // namespace ow::devicesim
