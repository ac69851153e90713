#pragma once

#include <QByteArray>
#include <QFile>
#include <QMutex>
#include <QString>

#include <functional>

namespace ow {
class Clock;
}

namespace ow::usb {

// The optional raw traffic log for field bug reports: one line per transfer,
//   2026-11-28T09:30:01.123Z 001:004 OUT 0x01 10 ok | aa aa aa 96 69 00 03 20 01 22
// A driver whose device sends personal data (the ID card reader) installs a redactor: the
// bytes it withholds are counted, not written ("| aa aa … [1290 bytes withheld]"). The file is
// 0600. It is off by default, switched on only for a bug report
// (DeviceManager::Options::trafficLogPath or the OW_USB_TRAFFIC_LOG environment variable) and
// should be deleted after use. Thread-safe.
class TrafficLog
{
public:
    // What of one transfer goes into the log: a prefix of its bytes and how many are withheld.
    struct Shown
    {
        QByteArray bytes;
        int withheld = 0;
    };
    // Called for every transfer of a device, in order (it may keep state across transfers).
    using Redactor = std::function<Shown(bool in, const QByteArray &data)>;

    explicit TrafficLog(const Clock *clock = nullptr);
    ~TrafficLog();

    bool open(const QString &path); // appends, made 0600; false if it cannot be written
    bool isOpen() const;
    QString path() const;
    void record(const QString &device, bool in, quint8 endpoint, const QByteArray &data, const QString &status,
        const Redactor &redactor = {});

    static QString formatLine(const QDateTime &when, const QString &device, bool in, quint8 endpoint,
        const QByteArray &data, const QString &status, const Shown *shown = nullptr);

private:
    const Clock *m_clock;
    mutable QMutex m_mutex;
    QFile m_file;
};

} // namespace ow::usb
