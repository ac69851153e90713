#include "onewindow/devicesim/EscPosPrinterSim.h"

#include "onewindow/escpossim/ReceiptRenderer.h"

#include <QMutexLocker>

namespace ow::devicesim {

namespace {

UsbDescriptorBuilder buildDescriptors(const EscPosPrinterSim::Config &c)
{
    UsbDescriptorBuilder b(c.vendorId, c.productId);
    b.addInterface(0x07, 0x01, c.bidirectional ? 0x02 : 0x01).addBulk(c.outEndpoint);
    if (c.bidirectional)
        b.addBulk(c.inEndpoint);
    return b;
}

} // namespace

EscPosPrinterSim::EscPosPrinterSim()
    : EscPosPrinterSim(Config())
{ }

EscPosPrinterSim::EscPosPrinterSim(const Config &config)
    : SimulatedUsbDevice(buildDescriptors(config))
    , m_config(config)
    , m_parser(config.dotsPerLine)
{
    setStrings(QStringLiteral("OneWindow simulator"), QStringLiteral("ESC/POS receipt printer"));
}

void EscPosPrinterSim::setPaperOut(bool on)
{
    QMutexLocker lock(&mutex());
    m_paperOut = on;
}

void EscPosPrinterSim::setPaperNearEnd(bool on)
{
    QMutexLocker lock(&mutex());
    m_paperNearEnd = on;
}

void EscPosPrinterSim::setCoverOpen(bool on)
{
    QMutexLocker lock(&mutex());
    m_coverOpen = on;
}

void EscPosPrinterSim::setOffline(bool on)
{
    QMutexLocker lock(&mutex());
    m_offline = on;
}

void EscPosPrinterSim::setUnplugAfterBytes(qint64 bytes)
{
    QMutexLocker lock(&mutex());
    m_unplugAfter = bytes;
}

escpossim::EscPosPage EscPosPrinterSim::page() const
{
    QMutexLocker lock(&mutex());
    escpossim::EscPosParser copy = m_parser;
    copy.finish(); // the pending line, as the printer would print it
    return copy.page();
}

QString EscPosPrinterSim::parseError() const
{
    QMutexLocker lock(&mutex());
    return m_parser.error();
}

qint64 EscPosPrinterSim::bytesReceived() const
{
    QMutexLocker lock(&mutex());
    return m_received;
}

bool EscPosPrinterSim::overflowed() const
{
    QMutexLocker lock(&mutex());
    return m_overflowed;
}

int EscPosPrinterSim::statusRequests() const
{
    QMutexLocker lock(&mutex());
    return m_statusRequests;
}

QImage EscPosPrinterSim::render() const
{
    return escpossim::ReceiptRenderer::render(page());
}

void EscPosPrinterSim::clearPage()
{
    QMutexLocker lock(&mutex());
    m_parser = escpossim::EscPosParser(m_config.dotsPerLine);
    m_received = 0;
    m_overflowed = false;
    m_statusRequests = 0;
}

bool EscPosPrinterSim::canPrint() const
{
    return !m_paperOut && !m_coverOpen && !m_offline;
}

quint8 EscPosPrinterSim::statusByte(int n) const
{
    quint8 b = 0x12;
    switch (n) {
    case 1:
        if (!canPrint()) // a printer goes offline with the cover open or the paper out
            b |= 0x08;
        break;
    case 2:
        if (m_coverOpen)
            b |= 0x04;
        if (m_paperOut)
            b |= 0x20;
        break;
    case 4:
        if (m_paperNearEnd || m_paperOut)
            b |= 0x0C;
        if (m_paperOut)
            b |= 0x60;
        break;
    default: break;
    }
    return b;
}

void EscPosPrinterSim::onOut(quint8 endpoint, const QByteArray &data)
{
    if (endpoint != m_config.outEndpoint)
        return;
    const bool statusOnly = data.size() == 3 && data.at(0) == 0x10 && data.at(1) == 0x04;
    if (!statusOnly) {
        m_received += data.size();
        if (data.size() > m_config.receiveBufferBytes)
            m_overflowed = true;
    }
    m_parser.feed(data);
    if (m_parser.largestRasterCommand() > m_config.receiveBufferBytes)
        m_overflowed = true;
    for (int n : m_parser.takeStatusRequests()) {
        ++m_statusRequests;
        if (m_config.bidirectional)
            sendIn(m_config.inEndpoint, QByteArray(1, char(statusByte(n))));
    }
    if (m_unplugAfter > 0 && m_received >= m_unplugAfter) {
        m_unplugAfter = 0;
        unplug();
    }
}

SimulatedUsbDevice::ControlReply EscPosPrinterSim::onControl(const ControlSetup &setup, const QByteArray &data)
{
    ControlReply reply;
    if (setup.requestType == 0xA1 && setup.request == 0x00) { // GET_DEVICE_ID
        const QByteArray id = QByteArrayLiteral("MFG:OneWindow;CMD:ESC/POS;MDL:Simulated printer;CLS:PRINTER;");
        reply.data = QByteArray(2, '\0') + id;
        reply.data[0] = char((id.size() + 2) >> 8);
        reply.data[1] = char((id.size() + 2) & 0xFF);
        return reply;
    }
    if (setup.requestType == 0xA1 && setup.request == 0x01) { // GET_PORT_STATUS
        quint8 s = 0x08 | 0x10; // not error, selected
        if (m_paperOut)
            s |= 0x20;
        if (!canPrint())
            s &= quint8(~0x08);
        reply.data = QByteArray(1, char(s));
        return reply;
    }
    return SimulatedUsbDevice::onControl(setup, data);
}

} // namespace ow::devicesim
