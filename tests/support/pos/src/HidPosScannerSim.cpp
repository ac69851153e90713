#include "onewindow/devicesim/HidPosScannerSim.h"

#include "onewindow/scanner/HidPosReportDecoder.h"

#include <QMutexLocker>

namespace ow::devicesim {

namespace {

UsbDescriptorBuilder buildDescriptors(quint16 vendorId, quint16 productId)
{
    const int length = int(HidPosScannerSim::reportDescriptor().size());
    QByteArray hid = QByteArray::fromHex("092111010001220000");
    hid[7] = char(length & 0xFF);
    hid[8] = char(length >> 8);
    UsbDescriptorBuilder b(vendorId, productId);
    b.addInterface(0x03, 0x00, 0x00).setClassDescriptor(hid).addInterrupt(HidPosScannerSim::InEndpoint, 64, 1);
    return b;
}

} // namespace

HidPosScannerSim::HidPosScannerSim(quint16 vendorId, quint16 productId)
    : SimulatedUsbDevice(buildDescriptors(vendorId, productId))
{
    setStrings(QStringLiteral("OneWindow simulator"), QStringLiteral("HID POS barcode scanner"));
}

QByteArray HidPosScannerSim::reportDescriptor()
{
    // Usage page 0x8C (bar code scanner), application collection; report 2 = 63 bytes of scanned
    // data; feature report 0xFE = 1 byte (0x01 switches to HID POS mode).
    return QByteArray::fromHex("068c000902a101"
                               "8502091215002600ff7508953f09fe820201"
                               "85fe09ff95017508b102"
                               "c0");
}

bool HidPosScannerSim::hidPosMode() const
{
    QMutexLocker lock(&mutex());
    return m_hidPosMode;
}

void HidPosScannerSim::setHidPosMode(bool on)
{
    QMutexLocker lock(&mutex());
    m_hidPosMode = on;
}

bool HidPosScannerSim::scan(const QByteArray &content, const QByteArray &aimId, char codeId)
{
    QMutexLocker lock(&mutex());
    if (!m_hidPosMode)
        return false;
    for (const QByteArray &report : ow::scanner::HidPosReportDecoder::encode(content, aimId, codeId))
        sendIn(InEndpoint, report);
    return true;
}

void HidPosScannerSim::onOut(quint8, const QByteArray &)
{ }

void HidPosScannerSim::onPlugged()
{
    m_hidPosMode = false; // a power cycle returns to the configured default (keyboard emulation)
}

SimulatedUsbDevice::ControlReply HidPosScannerSim::onControl(const ControlSetup &setup, const QByteArray &data)
{
    ControlReply reply;
    if (setup.requestType == 0x81 && setup.request == 0x06 && (setup.value >> 8) == 0x22) {
        reply.data = reportDescriptor();
        return reply;
    }
    if (setup.requestType == 0x21 && setup.request == 0x09) { // SET_REPORT
        const int type = setup.value >> 8;
        const int id = setup.value & 0xFF;
        if (type == 3 && id == ow::scanner::HidPosReportDecoder::HidPosModeFeatureReportId) {
            // The payload starts with the report ID when the device uses report IDs.
            const QByteArray expected = ow::scanner::HidPosReportDecoder::hidPosModeFeatureReport();
            if (data == expected || data == expected.mid(1)) {
                m_hidPosMode = true;
                return reply;
            }
        }
        reply.stall = true;
        return reply;
    }
    if (setup.requestType == 0x21 && (setup.request == 0x0A || setup.request == 0x0B))
        return reply; // SET_IDLE, SET_PROTOCOL
    return SimulatedUsbDevice::onControl(setup, data);
}

} // namespace ow::devicesim
