#pragma once
// The desktop tests' event-loop watchdog: a 10 ms timer that records how late it fires. A late
// tick is a stretch in which the GUI thread did not return to its event loop (keys and clicks
// wait as long); any stall over kStallLimitMs fails a desktop test.
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace ow::desktoptest {

constexpr int kStallLimitMs = 250;

class Watchdog : public QObject
{
public:
    Watchdog()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kIntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void setWhere(const QString &where) { m_where = where; }
    qint64 worst() const { return m_worst; }
    QString worstWhere() const { return m_worstWhere; }
    const QStringList &stalls() const { return m_stalls; }

private:
    static constexpr int kIntervalMs = 10;
    void tick()
    {
        const qint64 now = m_clock.elapsed();
        const qint64 late = now - m_last - kIntervalMs;
        m_last = now;
        if (late > m_worst) {
            m_worst = late;
            m_worstWhere = m_where;
        }
        if (late > kStallLimitMs)
            m_stalls << QStringLiteral("%1 ms in %2").arg(late).arg(m_where);
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
    QString m_where;
    QString m_worstWhere;
    QStringList m_stalls;
};

} // namespace ow::desktoptest
