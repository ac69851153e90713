#pragma once

#include <QByteArray>
#include <QFile>
#include <QMutex>
#include <QString>

namespace ow {
class Clock;
}

namespace ow::usb {

// The optional raw traffic log for field bug reports: one line per transfer,
//   2026-11-28T09:30:01.123Z 001:004 OUT 0x01 10 ok | aa aa aa 96 69 00 03 20 01 22
// It holds what the device sent, which for an ID card reader is PERSONAL DATA: it is off by
// default, switched on only for a bug report (DeviceManager::Options::trafficLogPath or the
// OW_USB_TRAFFIC_LOG environment variable) and must be deleted after use. Thread-safe.
class TrafficLog
{
public:
    explicit TrafficLog(const Clock *clock = nullptr);
    ~TrafficLog();

    bool open(const QString &path); // appends; false if it cannot be written
    bool isOpen() const;
    QString path() const;
    void record(const QString &device, bool in, quint8 endpoint, const QByteArray &data, const QString &status);

    static QString formatLine(const QDateTime &when, const QString &device, bool in, quint8 endpoint,
        const QByteArray &data, const QString &status);

private:
    const Clock *m_clock;
    mutable QMutex m_mutex;
    QFile m_file;
};

} // namespace ow::usb
