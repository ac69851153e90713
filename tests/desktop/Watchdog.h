#pragma once
// The desktop tests' event-loop watchdog: a 10 ms timer that records how late it fires. A late
// tick is a stretch in which the GUI thread did not return to its event loop (keys and clicks
// wait as long); any stall over kStallLimitMs fails a desktop test. Each stall says how much CPU
// the GUI thread itself used in it: about as much as the stall is work on the GUI thread; little
// is a thread that was not scheduled (a loaded machine) or waited (a disk's fsync).
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <time.h>

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
        m_cpu = cpuNs();
        m_timer.start();
    }
    void setWhere(const QString &where) { m_where = where; }
    qint64 worst() const { return m_worst; }
    QString worstWhere() const { return m_worstWhere; }
    const QStringList &stalls() const { return m_stalls; }

private:
    static constexpr int kIntervalMs = 10;
    static qint64 cpuNs()
    {
        timespec t {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
    }
    void tick()
    {
        const qint64 now = m_clock.elapsed();
        const qint64 late = now - m_last - kIntervalMs;
        const qint64 cpu = cpuNs();
        const qint64 ranMs = (cpu - m_cpu) / 1000000;
        m_cpu = cpu;
        m_last = now;
        if (late > m_worst) {
            m_worst = late;
            m_worstWhere = m_where;
        }
        if (late > kStallLimitMs)
            m_stalls << QStringLiteral("%1 ms in %2 (the GUI thread ran %3 ms)").arg(late).arg(m_where).arg(ranMs);
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_cpu = 0;
    qint64 m_worst = 0;
    QString m_where;
    QString m_worstWhere;
    QStringList m_stalls;
};

} // namespace ow::desktoptest
