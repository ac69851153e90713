#include "onewindow/usb/TrafficLog.h"

#include "onewindow/core/Clock.h"

#include <QMutexLocker>

namespace ow::usb {

TrafficLog::TrafficLog(const Clock *clock)
    : m_clock(clock ? clock : &Clock::system())
{ }

TrafficLog::~TrafficLog() = default;

bool TrafficLog::open(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    if (m_file.isOpen())
        m_file.close();
    m_file.setFileName(path);
    return m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
}

bool TrafficLog::isOpen() const
{
    QMutexLocker lock(&m_mutex);
    return m_file.isOpen();
}

QString TrafficLog::path() const
{
    QMutexLocker lock(&m_mutex);
    return m_file.fileName();
}

QString TrafficLog::formatLine(const QDateTime &when, const QString &device, bool in, quint8 endpoint,
    const QByteArray &data, const QString &status)
{
    return QStringLiteral("%1 %2 %3 0x%4 %5 %6 | %7\n")
        .arg(when.toUTC().toString(Qt::ISODateWithMs), device, in ? QStringLiteral("IN") : QStringLiteral("OUT"))
        .arg(endpoint, 2, 16, QLatin1Char('0'))
        .arg(data.size())
        .arg(status, QString::fromLatin1(data.toHex(' ')));
}

void TrafficLog::record(const QString &device, bool in, quint8 endpoint, const QByteArray &data, const QString &status)
{
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen())
        return;
    m_file.write(formatLine(m_clock->now(), device, in, endpoint, data, status).toUtf8());
    m_file.flush();
}

} // namespace ow::usb
