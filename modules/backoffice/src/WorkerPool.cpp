#include "onewindow/backoffice/WorkerPool.h"

#include "onewindow/backoffice/Metrics.h"

#include <QThread>

namespace ow::backoffice {

WorkerPool::~WorkerPool()
{
    stop();
}

int WorkerPool::defaultSize()
{
    // A worker spends most of an append waiting for the database (round trips, the commit's
    // flush), not on a core: with only as many workers as cores, 2 commits at a time were in
    // flight on a 2-core machine and PostgreSQL could not group them (issue 21: 68 entries/s at
    // 8 connections against pgbench's 336 tps). Four per core, 8 to 32.
    return qBound(8, 4 * QThread::idealThreadCount(), 32);
}

Result<bool> WorkerPool::start(int threads, std::function<QString()> init, std::function<void()> fini)
{
    threads = qMax(1, threads);
    {
        QMutexLocker locked(&m_lock);
        m_stopping = false;
        m_ready = 0;
        m_initError.clear();
    }
    for (int i = 0; i < threads; ++i) {
        std::unique_ptr<QThread> thread(QThread::create([this, init, fini] { run(init, fini); }));
        thread->setObjectName(QStringLiteral("ow-worker-%1").arg(i + 1));
        thread->start();
        m_threads.push_back(std::move(thread));
    }
    QString failed;
    {
        QMutexLocker locked(&m_lock);
        while (m_ready < threads)
            m_started.wait(&m_lock);
        failed = m_initError;
    }
    if (!failed.isEmpty()) {
        stop();
        return Result<bool>::failure(failed);
    }
    Metrics::global().setGauge("onewindow_workers", "Worker threads (--workers).", threads);
    publishGauges(0, 0);
    return true;
}

void WorkerPool::run(const std::function<QString()> &init, const std::function<void()> &fini)
{
    const QString why = init();
    {
        QMutexLocker locked(&m_lock);
        if (!why.isEmpty() && m_initError.isEmpty())
            m_initError = why;
        ++m_ready;
        m_started.wakeAll();
    }
    if (why.isEmpty()) {
        for (;;) {
            Job job;
            int busy = 0;
            int queued = 0;
            {
                QMutexLocker locked(&m_lock);
                while (m_jobs.empty() && !m_stopping)
                    m_wake.wait(&m_lock);
                if (m_stopping)
                    break;
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
                busy = ++m_busy;
                queued = int(m_jobs.size());
            }
            publishGauges(busy, queued);
            job();
            job = nullptr; // what it captured goes now, on this thread
            {
                QMutexLocker locked(&m_lock);
                busy = --m_busy;
                queued = int(m_jobs.size());
            }
            publishGauges(busy, queued);
        }
    }
    fini();
}

void WorkerPool::submit(Job job, bool urgent)
{
    int busy = 0;
    int queued = 0;
    {
        QMutexLocker locked(&m_lock);
        if (urgent)
            m_jobs.push_front(std::move(job));
        else
            m_jobs.push_back(std::move(job));
        busy = m_busy;
        queued = int(m_jobs.size());
        m_wake.wakeOne();
    }
    publishGauges(busy, queued);
}

void WorkerPool::stop()
{
    {
        QMutexLocker locked(&m_lock);
        m_stopping = true;
        m_jobs.clear();
        m_wake.wakeAll();
    }
    for (auto &thread : m_threads)
        thread->wait();
    m_threads.clear();
}

int WorkerPool::busy() const
{
    QMutexLocker locked(&m_lock);
    return m_busy;
}

int WorkerPool::queued() const
{
    QMutexLocker locked(&m_lock);
    return int(m_jobs.size());
}

void WorkerPool::publishGauges(int busy, int queued) const
{
    if (!m_gauges)
        return;
    Metrics &m = Metrics::global();
    m.setGauge("onewindow_workers_busy", "Workers running a request now.", busy);
    m.setGauge("onewindow_requests_queued", "Requests waiting for a free worker.", queued);
}

} // namespace ow::backoffice
