#include "onewindow/devicesim/IdCardReaderSim.h"

#include <QMutexLocker>

namespace ow::devicesim {

namespace {

const QByteArray Preamble = QByteArrayLiteral("\xAA\xAA\xAA\x96\x69");

quint16 keyOf(quint8 command, quint8 parameter)
{
    return quint16((command << 8) | parameter);
}

quint8 xorOf(const QByteArray &bytes, qsizetype from, qsizetype to)
{
    quint8 x = 0;
    for (qsizetype i = from; i < to; ++i)
        x ^= quint8(bytes.at(i));
    return x;
}

void appendBe16(QByteArray &out, int value)
{
    out.append(char((value >> 8) & 0xFF));
    out.append(char(value & 0xFF));
}

} // namespace

IdCardReaderSim::IdCardReaderSim(Transport transport, quint16 vendorId, quint16 productId)
    : SimulatedUsbDevice(descriptorsFor(transport, vendorId, productId))
    , m_transport(transport)
{
    setStrings(QStringLiteral("OneWindow simulator"), QStringLiteral("ID card reader (SAM)"));
}

UsbDescriptorBuilder IdCardReaderSim::descriptorsFor(Transport transport, quint16 vendorId, quint16 productId)
{
    UsbDescriptorBuilder b(vendorId, productId);
    b.addInterface(0xFF);
    if (transport == Transport::SinglePipe)
        b.addBulk(0x01).addBulk(0x81);
    else
        b.addBulk(0x02).addBulk(0x06).addBulk(0x81).addBulk(0x85);
    return b;
}

QByteArray IdCardReaderSim::responseFrame(quint8 sw3, const QByteArray &data, quint8 sw1, quint8 sw2)
{
    QByteArray frame = Preamble;
    appendBe16(frame, int(3 + data.size() + 1));
    frame.append(char(sw1));
    frame.append(char(sw2));
    frame.append(char(sw3));
    frame.append(data);
    frame.append(char(xorOf(frame, 5, frame.size())));
    return frame;
}

void IdCardReaderSim::putCard(const SimIdCard &card)
{
    QMutexLocker lock(&mutex());
    // The same card put down again was lifted in between: the reader's next find sees no card
    // once. Another card put down in place of one lying there is a swap with no gap at all: the
    // host must tell it by the serial number select answers.
    m_lifted = m_card.has_value() && m_card->serial() == card.serial();
    m_card = card;
    m_found = false;
    m_selected = false;
}

void IdCardReaderSim::removeCard()
{
    QMutexLocker lock(&mutex());
    m_card.reset();
    m_lifted = false;
    m_found = false;
    m_selected = false;
}

bool IdCardReaderSim::hasCard() const
{
    QMutexLocker lock(&mutex());
    return m_card.has_value();
}

void IdCardReaderSim::injectFault(quint8 command, quint8 parameter, Fault fault, quint8 sw3, int times)
{
    QMutexLocker lock(&mutex());
    m_faults.insert(keyOf(command, parameter), FaultRule {fault, sw3, times});
}

void IdCardReaderSim::clearFaults()
{
    QMutexLocker lock(&mutex());
    m_faults.clear();
}

int IdCardReaderSim::requestCount(quint8 command, quint8 parameter) const
{
    QMutexLocker lock(&mutex());
    return m_requests.value(keyOf(command, parameter));
}

int IdCardReaderSim::badRequests() const
{
    QMutexLocker lock(&mutex());
    return m_badRequests;
}

void IdCardReaderSim::onPlugged()
{
    m_received.clear();
    m_found = false;
    m_selected = false;
}

quint8 IdCardReaderSim::outHeaderEndpoint() const
{
    return m_transport == Transport::SinglePipe ? 0x01 : 0x02;
}

quint8 IdCardReaderSim::inHeaderEndpoint() const
{
    return 0x81;
}

quint8 IdCardReaderSim::inBodyEndpoint() const
{
    return m_transport == Transport::SinglePipe ? 0x81 : 0x85;
}

void IdCardReaderSim::onOut(quint8 endpoint, const QByteArray &data)
{
    if (m_transport == Transport::SinglePipe && endpoint != 0x01)
        return;
    if (m_transport == Transport::SplitPipe && endpoint != 0x02 && endpoint != 0x06)
        return;
    m_received += data;
    processFrames();
}

void IdCardReaderSim::processFrames()
{
    for (;;) {
        // Resynchronise on the preamble.
        const qsizetype start = m_received.indexOf(Preamble);
        if (start < 0) {
            if (m_received.size() > 4)
                m_received = m_received.right(4);
            return;
        }
        m_received.remove(0, start);
        if (m_received.size() < 7)
            return;
        const int length = (quint8(m_received.at(5)) << 8) | quint8(m_received.at(6));
        if (length < 3 || length > 4096) {
            m_received.remove(0, 7);
            reply(responseFrame(0x11, {}), 0);
            continue;
        }
        if (m_received.size() < 7 + length)
            return;
        const QByteArray frame = m_received.left(7 + length);
        m_received.remove(0, 7 + length);
        if (xorOf(frame, 5, frame.size() - 1) != quint8(frame.at(frame.size() - 1))) {
            ++m_badRequests;
            reply(responseFrame(0x10, {}), 0);
            continue;
        }
        const quint8 command = quint8(frame.at(7));
        const quint8 parameter = quint8(frame.at(8));
        ++m_requests[keyOf(command, parameter)];
        answer(command, parameter);
    }
}

void IdCardReaderSim::answer(quint8 command, quint8 parameter)
{
    const quint16 key = keyOf(command, parameter);
    auto it = m_faults.find(key);
    if (it != m_faults.end() && it->fault == Fault::SamStatus) {
        const quint8 sw3 = it->sw3;
        if (it->times > 0 && --it->times == 0)
            m_faults.erase(it);
        reply(responseFrame(sw3, {}), 0);
        return;
    }

    QByteArray data;
    quint8 sw3 = 0x90;
    switch (key) {
    case 0x10FF: // reset
        m_found = m_selected = false;
        break;
    case 0x11FF: // status
        break;
    case 0x12FF: { // SAM id: 2 + 2 + 3×4 bytes, as HslCommunication formats it
        data = QByteArray::fromHex("05000100") + QByteArray::fromHex("01000000") + QByteArray::fromHex("15cd5b07")
            + QByteArray::fromHex("b168de3a");
        break;
    }
    case 0x2001: // find
        if (m_card && m_lifted) {
            m_lifted = false;
            m_found = false;
            sw3 = 0x80;
        } else if (m_card) {
            m_found = true;
            sw3 = 0x9F;
            data = QByteArray(4, '\0');
        } else {
            m_found = false;
            sw3 = 0x80;
        }
        break;
    case 0x2002: // select
        if (m_card && m_found) {
            m_selected = true;
            data = m_card->serial();
        } else {
            sw3 = 0x81;
        }
        break;
    case 0x3001:
    case 0x3010: {
        if (!m_card || !m_selected) {
            sw3 = 0x41;
            break;
        }
        const bool withFinger = key == 0x3010;
        const QByteArray text = m_card->textBlock();
        const QByteArray photo = m_card->photo.leftJustified(1024, '\0', true);
        const QByteArray finger = withFinger ? m_card->fingerprint : QByteArray();
        appendBe16(data, int(text.size()));
        appendBe16(data, int(photo.size()));
        if (withFinger)
            appendBe16(data, int(finger.size()));
        data += text + photo + finger;
        break;
    }
    case 0x3003:
        if (!m_card || !m_selected)
            sw3 = 0x41;
        else if (m_card->appendedAddress.isEmpty())
            sw3 = 0x91;
        else
            data = m_card->appendedAddressBlock();
        break;
    default: sw3 = 0x21; break;
    }
    reply(responseFrame(sw3, data), key);
}

void IdCardReaderSim::reply(const QByteArray &frameIn, quint16 key)
{
    QByteArray frame = frameIn;
    std::optional<Fault> fault;
    auto it = key ? m_faults.find(key) : m_faults.end();
    if (it != m_faults.end()) {
        fault = it->fault;
        if (it->times > 0 && --it->times == 0)
            m_faults.erase(it);
    }
    const quint8 headerEp = inHeaderEndpoint();
    const quint8 bodyEp = inBodyEndpoint();
    if (fault == Fault::NoReply)
        return;
    if (fault == Fault::Stall) {
        stallNext(headerEp);
        return;
    }
    if (fault == Fault::CorruptChecksum)
        frame[frame.size() - 1] = char(quint8(frame.at(frame.size() - 1)) ^ 0x5A);
    if (fault == Fault::ShortFrame || fault == Fault::UnplugMidReply) {
        const qsizetype keep = qMax<qsizetype>(7 + 3, frame.size() / 2);
        frame.truncate(qMin(keep, frame.size() - 1));
    }
    if (m_transport == Transport::SinglePipe) {
        sendIn(headerEp, frame);
    } else {
        sendIn(headerEp, frame.left(7));
        if (frame.size() > 7)
            sendIn(bodyEp, frame.mid(7));
    }
    if (fault == Fault::UnplugMidReply)
        unplug();
}

} // namespace ow::devicesim
