#include "onewindow/devicesim/KeyboardWedgeScannerSim.h"

#include "onewindow/scanner/KeyboardReportDecoder.h"

#include <QMutexLocker>

namespace ow::devicesim {

namespace {

QByteArray hidDescriptor(int reportDescriptorLength)
{
    QByteArray d = QByteArray::fromHex("092111010001220000");
    d[7] = char(reportDescriptorLength & 0xFF);
    d[8] = char(reportDescriptorLength >> 8);
    return d;
}

UsbDescriptorBuilder buildDescriptors(quint16 vendorId, quint16 productId)
{
    UsbDescriptorBuilder b(vendorId, productId);
    b.addInterface(0x03, 0x01, 0x01)
        .setClassDescriptor(hidDescriptor(int(KeyboardWedgeScannerSim::reportDescriptor().size())))
        .addInterrupt(KeyboardWedgeScannerSim::InEndpoint, 8, 1);
    return b;
}

} // namespace

KeyboardWedgeScannerSim::KeyboardWedgeScannerSim(quint16 vendorId, quint16 productId)
    : SimulatedUsbDevice(buildDescriptors(vendorId, productId))
{
    setStrings(QStringLiteral("OneWindow simulator"), QStringLiteral("Keyboard-wedge barcode scanner"));
}

QByteArray KeyboardWedgeScannerSim::reportDescriptor()
{
    // The HID 1.11 appendix B boot keyboard.
    return QByteArray::fromHex(
        "05010906a101050719e029e71500250175019508810295017508810195057501050819012905910295017503"
        "91019506750815002565050719002965810"
        "0c0");
}

void KeyboardWedgeScannerSim::scan(const QString &text, bool holdKeys)
{
    QMutexLocker lock(&mutex());
    for (const QByteArray &report : ow::scanner::KeyboardReportDecoder::encode(text)) {
        sendIn(InEndpoint, report);
        if (holdKeys && report.at(2) != 0)
            sendIn(InEndpoint, report); // the same key still down in the next report
    }
}

void KeyboardWedgeScannerSim::sendReport(const QByteArray &report)
{
    sendIn(InEndpoint, report);
}

int KeyboardWedgeScannerSim::setIdleRequests() const
{
    QMutexLocker lock(&mutex());
    return m_setIdle;
}

void KeyboardWedgeScannerSim::onOut(quint8, const QByteArray &)
{
    // No OUT endpoint; LED reports arrive as SET_REPORT on EP0.
}

SimulatedUsbDevice::ControlReply KeyboardWedgeScannerSim::onControl(const ControlSetup &setup, const QByteArray &data)
{
    ControlReply reply;
    if (setup.requestType == 0x81 && setup.request == 0x06 && (setup.value >> 8) == 0x22) {
        reply.data = reportDescriptor(); // GET_DESCRIPTOR (report) on the interface
        return reply;
    }
    if (setup.requestType == 0x21) { // HID class OUT: SET_REPORT 0x09, SET_IDLE 0x0A, SET_PROTOCOL 0x0B
        if (setup.request == 0x0A)
            ++m_setIdle;
        if (setup.request == 0x09 || setup.request == 0x0A || setup.request == 0x0B)
            return reply;
        reply.stall = true;
        return reply;
    }
    return SimulatedUsbDevice::onControl(setup, data);
}

} // namespace ow::devicesim
