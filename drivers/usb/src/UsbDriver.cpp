#include "onewindow/usb/UsbDriver.h"

#include <QMutexLocker>

namespace ow::usb {

UsbDriver::UsbDriver(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ow::usb::DeviceStatus>();
    qRegisterMetaType<ow::usb::UsbDeviceInfo>();
}

UsbDriver::~UsbDriver() = default;

DeviceStatus UsbDriver::status() const
{
    QMutexLocker lock(&m_mutex);
    return m_status;
}

bool UsbDriver::hasDevice() const
{
    QMutexLocker lock(&m_mutex);
    return m_hasDevice;
}

void UsbDriver::setStatus(DeviceState state, const QString &message, const QString &detail)
{
    DeviceStatus status;
    status.state = state;
    status.message = message;
    status.detail = detail;
    {
        QMutexLocker lock(&m_mutex);
        if (m_hasDevice || state == DeviceState::Unplugged)
            status.device = m_bound.id() + QLatin1Char(' ') + m_bound.vidPid();
        if (status == m_status)
            return;
        m_status = status;
    }
    Q_EMIT statusChanged(status);
}

void UsbDriver::bind(const UsbDeviceInfo &info)
{
    QMutexLocker lock(&m_mutex);
    m_bound = info;
    m_hasDevice = true;
}

void UsbDriver::unbind()
{
    QMutexLocker lock(&m_mutex);
    m_hasDevice = false;
}

} // namespace ow::usb
