#pragma once

#include "onewindow/core/Result.h"

#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace ow::backoffice {

// The back office's workers: a few threads taking jobs from one queue, first come first served,
// so a slow job holds one worker and never the jobs behind it on the others. Each thread runs
// `init` first (the server opens that thread's database connection there: QSqlDatabase
// connections belong to the thread that made them) and `fini` last, on that thread.
class WorkerPool
{
public:
    using Job = std::function<void()>;

    // `gauges`: publishes onewindow_workers_busy and onewindow_requests_queued (the request pool).
    explicit WorkerPool(bool gauges = true)
        : m_gauges(gauges)
    { }
    ~WorkerPool();
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    // Starts `threads` workers and waits until each ran `init` ("" or why it failed); a failure
    // stops them all and is returned.
    [[nodiscard]] Result<bool> start(int threads, std::function<QString()> init, std::function<void()> fini);
    // Queued; runs on the first free worker. `urgent` jobs (a request's head-time checks, one
    // short query) go before the queued ones.
    void submit(Job job, bool urgent = false);
    // Lets the running jobs finish, drops the queued ones, ends the threads.
    void stop();

    int size() const { return int(m_threads.size()); }
    int busy() const;
    int queued() const;

    // --workers when not given: four per core, 8 to 32 (the work waits on the database).
    static int defaultSize();

private:
    void run(const std::function<QString()> &init, const std::function<void()> &fini);
    void publishGauges(int busy, int queued) const;

    mutable QMutex m_lock;
    QWaitCondition m_wake;
    QWaitCondition m_started;
    std::deque<Job> m_jobs;
    int m_busy = 0;
    int m_ready = 0;
    QString m_initError;
    bool m_stopping = false;
    bool m_gauges = true;
    std::vector<std::unique_ptr<QThread>> m_threads;
};

} // namespace ow::backoffice
