#include "onewindow/sync/QueueService.h"

#include <QTimer>

namespace ow::sync {

QueueService::QueueService(QObject *parent)
    : QObject(parent)
{ }

void QueueService::follow()
{
    if (!m_followTimer) {
        m_followTimer = new QTimer(this);
        m_followTimer->setInterval(kFollowPollMs);
        connect(m_followTimer, &QTimer::timeout, this, &QueueService::refresh);
        m_followTimer->start();
    }
    refresh();
}

} // namespace ow::sync
