#include "onewindow/backoffice/EventWaiters.h"

#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/EventLog.h"
#include "onewindow/backoffice/Metrics.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QUuid>

#include <cstdio>
#include <utility>

namespace ow::backoffice {

EventWaiters::EventWaiters(EventLog &events, QObject *parent)
    : QObject(parent)
    , m_events(events)
{
    // Queued: the writer's request is answered first, then the waiters.
    connect(
        &m_events, &EventLog::appended, this, [this](const QString &window) { check(window); }, Qt::QueuedConnection);
    m_watch.setInterval(kWatchMs);
    connect(&m_watch, &QTimer::timeout, this, &EventWaiters::watchListener);
    publishCount();
}

EventWaiters::~EventWaiters()
{
    if (m_listener.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_listener, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_listener);
}

void EventWaiters::watch(EventLog &events)
{
    connect(
        &events, &EventLog::appended, this, [this](const QString &window) { check(window); }, Qt::QueuedConnection);
}

Result<bool> EventWaiters::listen(const QString &connectionName)
{
    m_listener = QStringLiteral("ow-listen-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase::cloneDatabase(connectionName, m_listener);
    // The driver object stays the same across close() and open(): connected once.
    connect(QSqlDatabase::database(m_listener, false).driver(), &QSqlDriver::notification, this,
        [this](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
            check(payload.toString().isEmpty() ? QStringLiteral("-") : payload.toString());
        });
    if (!openListener())
        return Result<bool>::failure(QStringLiteral("Cannot LISTEN for events: %1")
                                         .arg(QSqlDatabase::database(m_listener, false).lastError().text().trimmed()));
    m_watch.start();
    return true;
}

bool EventWaiters::openListener()
{
    QSqlDatabase db = QSqlDatabase::database(m_listener, false);
    db.close();
    if (!db.open())
        return false;
    QSqlDriver *driver = db.driver();
    if (!driver->subscribeToNotification(QString::fromLatin1(kChannel))) {
        db.close();
        return false;
    }
    m_listening = true;
    return true;
}

void EventWaiters::watchListener()
{
    QSqlDatabase db = QSqlDatabase::database(m_listener, false);
    if (m_listening) {
        // libpq's view of the connection (updated when the socket closed): no query.
        if (Database::postgresConnectionOk(db))
            return;
        std::fprintf(stderr, "onewindow-backoffice: lost the event notification connection; reconnecting\n");
        m_listening = false;
        db.close();
    }
    if (!openListener())
        return;
    std::fprintf(stderr, "onewindow-backoffice: listening for events again\n");
    check(QString()); // whatever happened while not listening
}

quint64 EventWaiters::generation(const QString &window) const
{
    QMutexLocker locked(&m_generationLock);
    return qMax(m_allAt, m_windowAt.value(window));
}

void EventWaiters::publishCount() const
{
    Metrics::global().setGauge("onewindow_long_polls_waiting", "GET /v1/events long-polls waiting.", m_waiters.size());
}

void EventWaiters::wait(
    const QString &window, qint64 after, int limit, int seconds, const ReplyHandle &handle, quint64 seen)
{
    if (m_endedRetryAfter > 0) {
        // The server is stopping: an empty page at the cursor, come back later.
        ApiReply reply = ApiReply::json(
            200, QJsonObject {{QStringLiteral("events"), QJsonArray()}, {QStringLiteral("cursor"), after}});
        reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(m_endedRetryAfter)});
        handle.send(reply);
        return;
    }
    const quint64 id = ++m_next;
    m_waiters.append(Waiter {id, window, after, limit, handle});
    QTimer::singleShot(seconds * 1000, this, [this, id] { check(QStringLiteral("-"), id); });
    publishCount();
    if (generation(window) != seen)
        check(window); // woken between the caller's read and now
}

void EventWaiters::endAll(int retryAfterSeconds)
{
    m_endedRetryAfter = qMax(1, retryAfterSeconds);
    const QList<Waiter> waiting = std::exchange(m_waiters, {});
    publishCount();
    for (const Waiter &w : waiting) {
        ApiReply reply = ApiReply::json(
            200, QJsonObject {{QStringLiteral("events"), QJsonArray()}, {QStringLiteral("cursor"), w.after}});
        reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds)});
        w.handle.send(reply);
    }
}

void EventWaiters::check(const QString &window, quint64 finalId)
{
    if (finalId == 0) {
        QMutexLocker locked(&m_generationLock);
        if (window.isEmpty())
            m_allAt = ++m_generation;
        else
            m_windowAt.insert(window, ++m_generation);
    }
    const auto published = qScopeGuard([this] { publishCount(); });
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
        if (m_reader) {
            // Read on a worker; readDone() answers or keeps waiting.
            w.final = w.final || final;
            if (w.reading)
                w.again = true;
            else
                startRead(w);
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
}

void EventWaiters::startRead(Waiter &w)
{
    w.reading = true;
    w.again = false;
    const quint64 id = w.id;
    m_reader(w.window, w.after, w.limit, [this, id](const ApiResult<QJsonObject> &page) { readDone(id, page); });
}

void EventWaiters::readDone(quint64 id, const ApiResult<QJsonObject> &page)
{
    const auto published = qScopeGuard([this] { publishCount(); });
    for (qsizetype i = 0; i < m_waiters.size(); ++i) {
        Waiter &w = m_waiters[i];
        if (w.id != id)
            continue;
        w.reading = false;
        if (!w.handle.isOpen()) {
            m_waiters.removeAt(i);
        } else if (!page) {
            w.handle.send(page.error);
            m_waiters.removeAt(i);
        } else if (w.final || !page.value->value(QLatin1String("events")).toArray().isEmpty()) {
            w.handle.send(ApiReply::json(200, *page.value));
            m_waiters.removeAt(i);
        } else if (w.again) {
            startRead(w);
        }
        return;
    }
    // Answered meanwhile (the server stopping): nothing to do.
}

} // namespace ow::backoffice
