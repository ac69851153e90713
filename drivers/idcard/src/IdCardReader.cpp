#include "onewindow/idcard/IdCardReader.h"

#include "onewindow/idcard/CardDecoder.h"
#include "onewindow/idcard/SamTrafficRedactor.h"
#include "onewindow/usb/UsbError.h"

#include <QThread>
#include <QTimer>

#include <libusb.h>

namespace ow::idcard {

namespace {

QString sw3Detail(quint8 command, quint8 parameter, quint8 sw3)
{
    return QStringLiteral("SAM %1 %2 -> SW3 0x%3")
        .arg(command, 2, 16, QLatin1Char('0'))
        .arg(parameter, 2, 16, QLatin1Char('0'))
        .arg(sw3, 2, 16, QLatin1Char('0'));
}

} // namespace

IdCardReader::IdCardReader()
    : IdCardReader(Options())
{ }

IdCardReader::IdCardReader(const Options &options)
    : m_options(options)
    , m_pollTimer(new QTimer(this))
{
    qRegisterMetaType<ow::idcard::IdCardData>();
    m_pollTimer->setInterval(qMax(50, m_options.pollIntervalMs));
    connect(m_pollTimer, &QTimer::timeout, this, &IdCardReader::poll);
    setStatus(usb::DeviceState::Absent, tr("No card reader is connected."));
}

IdCardReader::~IdCardReader() = default;

QString IdCardReader::deviceNoun()
{
    return tr("card reader");
}

bool IdCardReader::matchesDevice(const usb::UsbDeviceInfo &info)
{
    if (info.vendorId == 0x0400 && info.productId == 0xC35A)
        return true;
    for (const usb::InterfaceInfo &iface : info.interfaces) {
        if (iface.interfaceClass != 0xFF)
            continue;
        QList<quint8> outs;
        QList<quint8> ins;
        for (const usb::EndpointInfo &e : iface.endpoints) {
            if (e.type == usb::TransferType::Bulk)
                (e.isIn() ? ins : outs).append(e.address);
        }
        std::sort(outs.begin(), outs.end());
        std::sort(ins.begin(), ins.end());
        if (outs == QList<quint8> {0x02, 0x06} && ins == QList<quint8> {0x81, 0x85})
            return true;
    }
    return false;
}

void IdCardReader::setCardExpected(bool expected)
{
    QMetaObject::invokeMethod(
        this,
        [this, expected] {
            m_cardExpected = expected;
            updatePolling();
        },
        Qt::QueuedConnection);
}

void IdCardReader::readOnce()
{
    QMetaObject::invokeMethod(
        this, [this] { readCard(true); }, Qt::QueuedConnection);
}

void IdCardReader::setReadMode(ReadMode mode)
{
    QMetaObject::invokeMethod(
        this, [this, mode] { m_options.mode = mode; }, Qt::QueuedConnection);
}

void IdCardReader::updatePolling()
{
    if (m_cardExpected && m_transport) {
        if (!m_pollTimer->isActive()) {
            m_pollTimer->start();
            poll();
        }
    } else {
        m_pollTimer->stop();
    }
}

void IdCardReader::deviceArrived(libusb_device *device, const usb::UsbDeviceInfo &info)
{
    closeDevice();
    // The card's text, photo and fingerprint never reach the traffic log (SamTrafficRedactor).
    m_handle.setTrafficLog(trafficLog(), info.id(), SamTrafficRedactor());
    int r = m_handle.open(device);
    if (r != 0) {
        setStatus(usb::DeviceState::Error, usb::UsbError::message(r, deviceNoun()),
            usb::UsbError::detail(r, QStringLiteral("open %1").arg(info.vidPid())));
        return;
    }
    const int ifaceNumber = SamTransport::readerInterface(info);
    const usb::InterfaceInfo *iface = nullptr;
    for (const usb::InterfaceInfo &i : info.interfaces) {
        if (i.number == ifaceNumber)
            iface = &i;
    }
    if (!iface) {
        closeDevice();
        setStatus(usb::DeviceState::Error, usb::UsbError::message(LIBUSB_ERROR_NOT_SUPPORTED, deviceNoun()),
            QStringLiteral("no interface with bulk IN and OUT endpoints"));
        return;
    }
    r = m_claim.claim(m_handle, ifaceNumber);
    if (r != 0) {
        const QString note = m_claim.kernelDriverNote();
        closeDevice();
        setStatus(usb::DeviceState::Error, usb::UsbError::message(r, deviceNoun()),
            usb::UsbError::detail(r, QStringLiteral("claim interface %1; %2").arg(ifaceNumber).arg(note)));
        return;
    }
    m_transport = SamTransport::choose(m_handle, *iface);
    m_endpoints.clear();
    for (const usb::EndpointInfo &e : iface->endpoints)
        m_endpoints.append(e.address);
    m_transportKind.storeRelaxed(int(m_transport->kind()));
    const Step probe = command(SamCodec::CmdStatus, SamCodec::ParaAny, m_options.probeTimeoutMs);
    if (!probe.ok)
        return; // command() set the status
    const QString detail =
        QStringLiteral("%1, %2").arg(SamTransport::kindName(m_transport->kind()), m_claim.kernelDriverNote());
    if (probe.response.sw3 != SamCodec::SwOk) {
        setStatus(usb::DeviceState::Error, SamCodec::statusText(probe.response.sw3),
            sw3Detail(SamCodec::CmdStatus, SamCodec::ParaAny, probe.response.sw3));
    } else {
        setStatus(usb::DeviceState::Ready, {}, detail);
    }
    updatePolling();
}

void IdCardReader::deviceLeft(const usb::UsbDeviceInfo &info)
{
    closeDevice();
    m_cardOnReader = false;
    m_lastFailure.clear();
    setStatus(usb::DeviceState::Unplugged, usb::UsbError::message(LIBUSB_ERROR_NO_DEVICE, deviceNoun()),
        QStringLiteral("%1 %2 left").arg(info.id(), info.vidPid()));
}

void IdCardReader::shutdown()
{
    m_pollTimer->stop();
    closeDevice();
}

void IdCardReader::closeDevice()
{
    m_transport.reset();
    m_transportKind.storeRelaxed(-1);
    m_claim.release();
    m_handle.close();
    m_pollTimer->stop();
}

IdCardReader::Step IdCardReader::command(quint8 cmd, quint8 parameter, int timeoutMs)
{
    Step step;
    if (!m_transport) {
        step.message = status().message.isEmpty() ? tr("No card reader is connected.") : status().message;
        step.detail = QStringLiteral("no open reader");
        return step;
    }
    const usb::Transfer t = m_transport->exchange(SamCodec::buildRequest(cmd, parameter), timeoutMs);
    if (!t.ok()) {
        if (t.code == LIBUSB_ERROR_TIMEOUT && !t.data.isEmpty())
            step.message = tr("The card reader sent an incomplete answer. Try again.");
        else
            step.message = usb::UsbError::message(t.code, deviceNoun());
        step.detail = usb::UsbError::detail(t.code, t.operation)
            + QStringLiteral("; SAM %1 %2; %3 byte(s) received")
                  .arg(cmd, 2, 16, QLatin1Char('0'))
                  .arg(parameter, 2, 16, QLatin1Char('0'))
                  .arg(t.data.size());
        if (usb::UsbError::meansUnplugged(t.code)) {
            closeDevice();
            m_cardOnReader = false;
            setStatus(usb::DeviceState::Unplugged, step.message, step.detail);
        } else {
            if (t.code == LIBUSB_ERROR_PIPE) {
                // Clear the stall on every endpoint of the interface, so the next command works.
                for (quint8 ep : std::as_const(m_endpoints))
                    m_handle.clearHalt(ep);
            }
            setStatus(usb::DeviceState::Error, step.message, step.detail);
        }
        return step;
    }
    const auto response = SamCodec::parseResponse(t.data);
    if (!response) {
        step.message = tr("The card reader's answer was damaged. Try again.");
        step.detail = response.error();
        setStatus(usb::DeviceState::Error, step.message, step.detail);
        return step;
    }
    step.ok = true;
    step.response = response.value();
    return step;
}

void IdCardReader::poll()
{
    if (!m_transport) {
        m_pollTimer->stop();
        return;
    }
    readCard(false);
}

void IdCardReader::fail(bool requested, const QString &message, const QString &detail)
{
    // While the same card stays, one report per distinct problem; a request always answers.
    if (requested || message != m_lastFailure)
        Q_EMIT readFailed(message, detail);
    m_lastFailure = message;
}

void IdCardReader::readCard(bool requested)
{
    if (!m_transport) {
        if (requested) {
            const QString message = status().message.isEmpty() ? tr("No card reader is connected.") : status().message;
            Q_EMIT readFailed(message, QStringLiteral("no open reader"));
        }
        return;
    }
    auto samFailure = [this, requested](quint8 cmd, quint8 para, quint8 sw3) {
        const QString message = SamCodec::statusText(sw3);
        if (sw3 == 0x60 || sw3 == 0x66)
            setStatus(usb::DeviceState::Error, message, sw3Detail(cmd, para, sw3));
        else
            setStatus(usb::DeviceState::Ready);
        fail(requested, message, sw3Detail(cmd, para, sw3));
    };

    const Step find = command(SamCodec::CmdCard, SamCodec::ParaFind, m_options.findTimeoutMs);
    if (!find.ok) {
        fail(requested, find.message, find.detail);
        return;
    }
    if (find.response.sw3 == SamCodec::SwNoCard) {
        setStatus(usb::DeviceState::Ready);
        m_lastFailure.clear();
        if (m_cardOnReader) {
            m_cardOnReader = false;
            Q_EMIT cardRemoved();
        }
        if (requested)
            Q_EMIT noCard();
        return;
    }
    if (find.response.sw3 != SamCodec::SwFound) {
        samFailure(SamCodec::CmdCard, SamCodec::ParaFind, find.response.sw3);
        return;
    }
    const Step select = command(SamCodec::CmdCard, SamCodec::ParaSelect, m_options.selectTimeoutMs);
    if (!select.ok) {
        fail(requested, select.message, select.detail);
        return;
    }
    if (select.response.sw3 != SamCodec::SwOk) {
        samFailure(SamCodec::CmdCard, SamCodec::ParaSelect, select.response.sw3);
        return;
    }
    // Select answers with the card's serial number: a card put down while another lay on the
    // reader (a swap quicker than one poll) has another serial and is read like a new card.
    if (m_cardOnReader && !requested && select.response.data == m_cardSerial) {
        setStatus(usb::DeviceState::Ready); // the same card, still there: reported already
        return;
    }
    setStatus(usb::DeviceState::Busy);
    const quint8 readPara =
        m_options.mode == ReadMode::TextPhoto ? SamCodec::ParaTextPhoto : SamCodec::ParaTextPhotoFinger;
    const Step read = command(SamCodec::CmdRead, readPara, m_options.readTimeoutMs);
    if (!read.ok) {
        fail(requested, read.message, read.detail);
        return;
    }
    if (read.response.sw3 != SamCodec::SwOk) {
        samFailure(SamCodec::CmdRead, readPara, read.response.sw3);
        return;
    }
    auto card = CardDecoder::decodeReadData(read.response.data);
    if (!card) {
        setStatus(usb::DeviceState::Ready);
        fail(requested, tr("The card could not be decoded."), card.error());
        return;
    }
    if (m_options.readAppendedAddress) {
        const Step address = command(SamCodec::CmdRead, SamCodec::ParaAppendedAddress, m_options.selectTimeoutMs);
        if (!address.ok) {
            fail(requested, address.message, address.detail);
            return;
        }
        if (address.response.sw3 == SamCodec::SwOk)
            card.value().appendedAddress = CardDecoder::decodeAppendedAddress(address.response.data);
        else if (address.response.sw3 != SamCodec::SwNoContent) {
            samFailure(SamCodec::CmdRead, SamCodec::ParaAppendedAddress, address.response.sw3);
            return;
        }
    }
    m_cardOnReader = true;
    m_cardSerial = select.response.data;
    m_lastFailure.clear();
    setStatus(usb::DeviceState::Ready);
    Q_EMIT cardRead(card.value());
}

} // namespace ow::idcard
