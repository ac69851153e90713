#include "onewindow/usb/TrafficLog.h"

#include "onewindow/core/Clock.h"

#include <QMutexLocker>

#include <fcntl.h>
#include <unistd.h>

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
    // Created 0600 (and an existing log tightened): it may hold what devices sent.
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    ::close(fd);
    if (!QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return false;
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
    const QByteArray &data, const QString &status, const Shown *shown)
{
    QString bytes = QString::fromLatin1((shown ? shown->bytes : data).toHex(' '));
    if (shown && shown->withheld > 0)
        bytes += QStringLiteral("%1[%2 bytes withheld]")
                     .arg(bytes.isEmpty() ? QString() : QStringLiteral(" "))
                     .arg(shown->withheld);
    return QStringLiteral("%1 %2 %3 0x%4 %5 %6 | %7\n")
        .arg(when.toUTC().toString(Qt::ISODateWithMs), device, in ? QStringLiteral("IN") : QStringLiteral("OUT"))
        .arg(endpoint, 2, 16, QLatin1Char('0'))
        .arg(data.size())
        .arg(status, bytes);
}

void TrafficLog::record(const QString &device, bool in, quint8 endpoint, const QByteArray &data, const QString &status,
    const Redactor &redactor)
{
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen())
        return;
    const Shown shown = redactor ? redactor(in, data) : Shown {data, 0};
    m_file.write(formatLine(m_clock->now(), device, in, endpoint, data, status, &shown).toUtf8());
    m_file.flush();
}

} // namespace ow::usb
