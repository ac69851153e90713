#include "onewindow/backoffice/EventWaiters.h"

#include "onewindow/backoffice/EventLog.h"

#include <QJsonArray>
#include <QJsonObject>

#include <utility>

namespace ow::backoffice {

EventWaiters::EventWaiters(EventLog &events, QObject *parent)
    : QObject(parent)
    , m_events(events)
{
    m_recheck.setInterval(kRecheckMs);
    connect(&m_recheck, &QTimer::timeout, this, [this] { check(QString()); });
    // Queued: the writer's request is answered first, then the waiters.
    connect(
        &m_events, &EventLog::appended, this, [this](const QString &window) { check(window); }, Qt::QueuedConnection);
}

void EventWaiters::wait(const QString &window, qint64 after, int limit, int seconds, const ReplyHandle &handle)
{
    const quint64 id = ++m_next;
    m_waiters.append(Waiter {id, window, after, limit, handle});
    QTimer::singleShot(seconds * 1000, this, [this, id] { check(QString(), id); });
    if (!m_recheck.isActive())
        m_recheck.start();
}

void EventWaiters::endAll(int retryAfterSeconds)
{
    const QList<Waiter> waiting = std::exchange(m_waiters, {});
    m_recheck.stop();
    for (const Waiter &w : waiting) {
        ApiReply reply = ApiReply::json(
            200, QJsonObject {{QStringLiteral("events"), QJsonArray()}, {QStringLiteral("cursor"), w.after}});
        reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds)});
        w.handle.send(reply);
    }
}

void EventWaiters::check(const QString &window, quint64 finalId)
{
    for (qsizetype i = 0; i < m_waiters.size();) {
        Waiter &w = m_waiters[i];
        const bool final = w.id == finalId;
        if (!w.handle.isOpen()) {
            m_waiters.removeAt(i); // the client went away
            continue;
        }
        if (!final && !window.isEmpty() && w.window != window) {
            ++i;
            continue;
        }
        auto page = m_events.read(w.window, w.after, w.limit);
        if (!page) {
            w.handle.send(page.error);
            m_waiters.removeAt(i);
            continue;
        }
        if (final || !page.value->value(QLatin1String("events")).toArray().isEmpty()) {
            w.handle.send(ApiReply::json(200, *page.value));
            m_waiters.removeAt(i);
            continue;
        }
        ++i;
    }
    if (m_waiters.isEmpty())
        m_recheck.stop();
}

} // namespace ow::backoffice
