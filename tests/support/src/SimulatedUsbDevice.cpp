// GLib/umockdev before Qt (Qt's keywords are off anyway).
#include "UsbPlug.h"

#include "onewindow/devicesim/SimulatedUsbDevice.h"
#include "onewindow/devicesim/UsbTestbed.h"

#include <sys/ioctl.h>

#include <linux/usbdevice_fs.h>

#include <cerrno>
#include <cstring>

namespace ow::devicesim {

namespace {

constexpr int MaxHostWrites = 256;
// The emulated device node always polls ready, so libusb asks again at once when nothing is
// finished; answering "nothing yet" after a short pause keeps that loop from eating a core.
constexpr gulong NothingToReapDelayUs = 1000;

void unrefUrb(UsbUrb &urb)
{
    if (urb.buffer)
        umockdev_ioctl_data_unref(urb.buffer);
    if (urb.urb)
        umockdev_ioctl_data_unref(urb.urb);
    urb.buffer = nullptr;
    urb.urb = nullptr;
}

} // namespace

struct SimulatedUsbDevice::Urb : UsbUrb
{ };

SimulatedUsbDevice::SimulatedUsbDevice(const UsbDescriptorBuilder &descriptors)
    : m_descriptors(descriptors)
{ }

SimulatedUsbDevice::~SimulatedUsbDevice()
{
    QMutexLocker lock(&m_mutex);
    if (m_plug) {
        m_plug->gone = true;
        failAllPending(m_plug, -ENODEV);
    }
    for (UsbPlug *plug : std::as_const(m_allPlugs))
        plug->device = nullptr;
}

void SimulatedUsbDevice::setStrings(const QString &manufacturer, const QString &product)
{
    QMutexLocker lock(&m_mutex);
    m_manufacturer = manufacturer;
    m_product = product;
}

void SimulatedUsbDevice::sendIn(quint8 endpoint, const QByteArray &data)
{
    QMutexLocker lock(&m_mutex);
    m_inQueue[endpoint].append(data);
    if (m_plug)
        pumpIn(m_plug);
}

void SimulatedUsbDevice::clearIn(quint8 endpoint)
{
    QMutexLocker lock(&m_mutex);
    m_inQueue.remove(endpoint);
}

int SimulatedUsbDevice::queuedInChunks(quint8 endpoint) const
{
    QMutexLocker lock(&m_mutex);
    return int(m_inQueue.value(endpoint).size());
}

void SimulatedUsbDevice::stallNext(quint8 endpoint, int count)
{
    QMutexLocker lock(&m_mutex);
    m_stalls[endpoint] += count;
    if (!m_plug)
        return;
    // A pending IN transfer on that endpoint stalls now.
    for (qsizetype i = 0; i < m_plug->pendingIn.size() && m_stalls.value(endpoint) > 0;) {
        if (m_plug->pendingIn.at(i).endpoint == endpoint) {
            Urb urb;
            static_cast<UsbUrb &>(urb) = m_plug->pendingIn.takeAt(i);
            --m_stalls[endpoint];
            completeUrb(m_plug, urb, -EPIPE, {});
        } else {
            ++i;
        }
    }
}

void SimulatedUsbDevice::setUnresponsive(bool unresponsive)
{
    QMutexLocker lock(&m_mutex);
    m_unresponsive = unresponsive;
    if (!unresponsive && m_plug)
        pumpIn(m_plug);
}

bool SimulatedUsbDevice::unresponsive() const
{
    QMutexLocker lock(&m_mutex);
    return m_unresponsive;
}

void SimulatedUsbDevice::unplug()
{
    UsbTestbed *testbed = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_plug)
            return;
        m_plug->gone = true;
        failAllPending(m_plug, -ENODEV);
        testbed = m_testbed;
    }
    if (testbed)
        testbed->requestUnplug(this);
}

void SimulatedUsbDevice::replug()
{
    UsbTestbed *testbed = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        testbed = m_testbed;
    }
    if (testbed)
        testbed->requestReplug(this);
}

bool SimulatedUsbDevice::isPlugged() const
{
    QMutexLocker lock(&m_mutex);
    return m_plug && !m_plug->gone;
}

QString SimulatedUsbDevice::devnode() const
{
    QMutexLocker lock(&m_mutex);
    return m_plug && !m_plug->gone ? m_plug->devnode : QString();
}

QList<SimulatedUsbDevice::HostWrite> SimulatedUsbDevice::hostWrites() const
{
    QMutexLocker lock(&m_mutex);
    return m_hostWrites;
}

void SimulatedUsbDevice::clearHostWrites()
{
    QMutexLocker lock(&m_mutex);
    m_hostWrites.clear();
}

int SimulatedUsbDevice::submittedTransfers() const
{
    QMutexLocker lock(&m_mutex);
    return m_submitted;
}

void SimulatedUsbDevice::attachPlug(UsbTestbed *testbed, UsbPlug *plug)
{
    QMutexLocker lock(&m_mutex);
    m_testbed = testbed;
    m_plug = plug;
    if (!m_allPlugs.contains(plug))
        m_allPlugs.append(plug);
    m_inQueue.clear();
    m_stalls.clear();
    onPlugged();
}

void SimulatedUsbDevice::detachPlug()
{
    QMutexLocker lock(&m_mutex);
    if (m_plug) {
        m_plug->gone = true;
        failAllPending(m_plug, -ENODEV);
    }
    m_plug = nullptr;
}

void SimulatedUsbDevice::forgetPlug(UsbPlug *plug)
{
    QMutexLocker lock(&m_mutex);
    m_allPlugs.removeAll(plug);
    if (m_plug == plug)
        m_plug = nullptr;
    if (m_allPlugs.isEmpty())
        m_testbed = nullptr;
}

SimulatedUsbDevice::ControlReply SimulatedUsbDevice::onControl(const ControlSetup &setup, const QByteArray &)
{
    ControlReply reply;
    const bool standardDeviceIn = setup.requestType == 0x80;
    if (standardDeviceIn && setup.request == 0x06) { // GET_DESCRIPTOR
        const quint8 type = quint8(setup.value >> 8);
        const quint8 index = quint8(setup.value & 0xFF);
        if (type == 1)
            reply.data = m_descriptors.deviceDescriptor();
        else if (type == 2 && index == 0)
            reply.data = m_descriptors.configurationDescriptor();
        else if (type == 3)
            reply.data = stringDescriptor(index);
        else
            reply.stall = true;
    } else if (standardDeviceIn && setup.request == 0x00) { // GET_STATUS
        reply.data = QByteArray(2, '\0');
    } else if (standardDeviceIn && setup.request == 0x08) { // GET_CONFIGURATION
        reply.data = QByteArray(1, '\1');
    } else if ((setup.requestType & 0x80) == 0 && (setup.requestType & 0x60) == 0) {
        // Standard OUT requests (SET_CONFIGURATION, SET_INTERFACE, CLEAR_FEATURE …) succeed.
    } else {
        reply.stall = true;
    }
    if (reply.data.isEmpty() && standardDeviceIn && setup.request == 0x06)
        reply.stall = true;
    return reply;
}

QByteArray SimulatedUsbDevice::stringDescriptor(quint8 index) const
{
    QByteArray d;
    if (index == 0) {
        d = QByteArray::fromHex("04030904"); // LANGID en-US
        return d;
    }
    QString text;
    if (index == 1)
        text = m_manufacturer;
    else if (index == 2)
        text = m_product;
    else
        return {};
    d.append(char(2 + 2 * text.size()));
    d.append(char(3));
    for (QChar c : text) {
        d.append(char(c.unicode() & 0xFF));
        d.append(char(c.unicode() >> 8));
    }
    return d;
}

void SimulatedUsbDevice::completeUrb(UsbPlug *plug, Urb urb, int status, const QByteArray &inData)
{
    auto *u = reinterpret_cast<usbdevfs_urb *>(urb.urb->data);
    int actual = 0;
    if (status == 0) {
        const bool control = urb.type == USBDEVFS_URB_TYPE_CONTROL;
        const int offset = control ? 8 : 0;
        if (!inData.isEmpty() && urb.buffer) {
            actual = qMin(int(inData.size()), urb.bufferLength - offset);
            std::memcpy(urb.buffer->data + offset, inData.constData(), size_t(actual));
        } else if (!control && !(urb.endpoint & 0x80)) {
            actual = urb.bufferLength; // OUT: everything was taken
        }
    }
    u->status = status;
    u->actual_length = actual;
    plug->reapable.append(urb);
}

void SimulatedUsbDevice::pumpIn(UsbPlug *plug)
{
    if (m_unresponsive || plug->gone)
        return;
    for (qsizetype i = 0; i < plug->pendingIn.size();) {
        const quint8 ep = plug->pendingIn.at(i).endpoint;
        QList<QByteArray> &queue = m_inQueue[ep];
        if (queue.isEmpty()) {
            ++i;
            continue;
        }
        Urb urb;
        static_cast<UsbUrb &>(urb) = plug->pendingIn.takeAt(i);
        QByteArray chunk = queue.takeFirst();
        const int room = urb.bufferLength;
        if (chunk.size() > room) {
            queue.prepend(chunk.mid(room));
            chunk.truncate(room);
        }
        if (chunk.isEmpty()) {
            completeUrb(plug, urb, 0, {}); // zero-length packet
            reinterpret_cast<usbdevfs_urb *>(plug->reapable.last().urb->data)->actual_length = 0;
        } else {
            completeUrb(plug, urb, 0, chunk);
        }
    }
}

void SimulatedUsbDevice::failAllPending(UsbPlug *plug, int status)
{
    while (!plug->pendingIn.isEmpty()) {
        Urb urb;
        static_cast<UsbUrb &>(urb) = plug->pendingIn.takeFirst();
        completeUrb(plug, urb, status, {});
    }
}

bool SimulatedUsbDevice::handleIoctl(UsbPlug *plug, void *clientPtr)
{
    auto *client = static_cast<UMockdevIoctlClient *>(clientPtr);
    const gulong request = umockdev_ioctl_client_get_request(client);
    UMockdevIoctlData *arg = umockdev_ioctl_client_get_arg(client);

    QMutexLocker lock(&m_mutex);
    const bool gone = plug->gone || plug != m_plug;

    switch (request) {
    case USBDEVFS_GET_CAPABILITIES: {
        UMockdevIoctlData *d = umockdev_ioctl_data_resolve(arg, 0, sizeof(guint32), nullptr);
        if (!d) {
            umockdev_ioctl_client_complete(client, -1, EFAULT);
            return TRUE;
        }
        *reinterpret_cast<guint32 *>(d->data) = USBDEVFS_CAP_BULK_CONTINUATION | USBDEVFS_CAP_NO_PACKET_SIZE_LIM
            | USBDEVFS_CAP_REAP_AFTER_DISCONNECT | USBDEVFS_CAP_ZERO_PACKET;
        umockdev_ioctl_data_unref(d);
        umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
    }
    case USBDEVFS_CLAIMINTERFACE:
    case USBDEVFS_RELEASEINTERFACE:
    case USBDEVFS_SETINTERFACE:
    case USBDEVFS_SETCONFIGURATION:
    case USBDEVFS_CLEAR_HALT:
    case USBDEVFS_RESETEP:
    case USBDEVFS_RESET:
        if (gone)
            umockdev_ioctl_client_complete(client, -1, ENODEV);
        else
            umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
    case USBDEVFS_GETDRIVER:
    case USBDEVFS_IOCTL:
        // No kernel driver is bound to a simulated device.
        umockdev_ioctl_client_complete(client, -1, gone ? ENODEV : ENODATA);
        return TRUE;
    case USBDEVFS_SUBMITURB: {
        if (gone) {
            umockdev_ioctl_client_complete(client, -1, ENODEV);
            return TRUE;
        }
        Urb urb;
        urb.urb = umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_urb), nullptr);
        if (!urb.urb) {
            umockdev_ioctl_client_complete(client, -1, EFAULT);
            return TRUE;
        }
        auto *u = reinterpret_cast<usbdevfs_urb *>(urb.urb->data);
        urb.type = u->type;
        urb.endpoint = u->endpoint;
        urb.bufferLength = u->buffer_length;
        if (u->buffer_length > 0) {
            urb.buffer = umockdev_ioctl_data_resolve(
                urb.urb, G_STRUCT_OFFSET(usbdevfs_urb, buffer), gsize(u->buffer_length), nullptr);
            if (!urb.buffer) {
                unrefUrb(urb);
                umockdev_ioctl_client_complete(client, -1, EFAULT);
                return TRUE;
            }
        }
        ++m_submitted;
        umockdev_ioctl_client_complete(client, 0, 0);

        if (urb.type == USBDEVFS_URB_TYPE_CONTROL) {
            if (urb.bufferLength < 8) {
                completeUrb(plug, urb, -EINVAL, {});
                return TRUE;
            }
            const auto *b = reinterpret_cast<const quint8 *>(urb.buffer->data);
            ControlSetup setup;
            setup.requestType = b[0];
            setup.request = b[1];
            setup.value = quint16(b[2] | (b[3] << 8));
            setup.index = quint16(b[4] | (b[5] << 8));
            setup.length = quint16(b[6] | (b[7] << 8));
            const QByteArray outData = (setup.requestType & 0x80)
                ? QByteArray()
                : QByteArray(reinterpret_cast<const char *>(b + 8), urb.bufferLength - 8);
            const ControlReply reply = onControl(setup, outData);
            if (reply.stall)
                completeUrb(plug, urb, -EPIPE, {});
            else
                completeUrb(plug, urb, 0, (setup.requestType & 0x80) ? reply.data.left(setup.length) : QByteArray());
            return TRUE;
        }
        if (m_stalls.value(urb.endpoint) > 0) {
            --m_stalls[urb.endpoint];
            completeUrb(plug, urb, -EPIPE, {});
            return TRUE;
        }
        if (urb.endpoint & 0x80) {
            plug->pendingIn.append(urb);
            pumpIn(plug);
            return TRUE;
        }
        const QByteArray data =
            urb.buffer ? QByteArray(reinterpret_cast<const char *>(urb.buffer->data), urb.bufferLength) : QByteArray();
        m_hostWrites.append(HostWrite {urb.endpoint, data});
        while (m_hostWrites.size() > MaxHostWrites)
            m_hostWrites.removeFirst();
        completeUrb(plug, urb, 0, {});
        onOut(urb.endpoint, data);
        return TRUE;
    }
    case USBDEVFS_REAPURB:
    case USBDEVFS_REAPURBNDELAY: {
        if (plug->reapable.isEmpty()) {
            lock.unlock();
            // Also pause before "gone": libusb polls the node again at once either way.
            g_usleep(NothingToReapDelayUs);
            umockdev_ioctl_client_complete(client, -1, gone ? ENODEV : EAGAIN);
            return TRUE;
        }
        UsbUrb urb = plug->reapable.takeFirst();
        UMockdevIoctlData *ptr = umockdev_ioctl_data_resolve(arg, 0, sizeof(gpointer), nullptr);
        if (!ptr) {
            unrefUrb(urb);
            umockdev_ioctl_client_complete(client, -1, EFAULT);
            return TRUE;
        }
        umockdev_ioctl_data_set_ptr(ptr, 0, urb.urb);
        umockdev_ioctl_client_complete(client, 0, 0);
        umockdev_ioctl_data_unref(ptr);
        unrefUrb(urb);
        return TRUE;
    }
    case USBDEVFS_DISCARDURB: {
        const gulong address = gulong(*reinterpret_cast<gpointer *>(arg->data));
        for (qsizetype i = 0; i < plug->pendingIn.size(); ++i) {
            if (plug->pendingIn.at(i).urb->client_addr == address) {
                Urb urb;
                static_cast<UsbUrb &>(urb) = plug->pendingIn.takeAt(i);
                completeUrb(plug, urb, -ENOENT, {});
                umockdev_ioctl_client_complete(client, 0, 0);
                return TRUE;
            }
        }
        umockdev_ioctl_client_complete(client, -1, EINVAL);
        return TRUE;
    }
    default: umockdev_ioctl_client_complete(client, -1, ENOTTY); return TRUE;
    }
}

} // namespace ow::devicesim
