#include "onewindow/backoffice/EventWaiters.h"

#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/EventLog.h"

#include <QJsonArray>
#include <QJsonObject>
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

void EventWaiters::wait(const QString &window, qint64 after, int limit, int seconds, const ReplyHandle &handle)
{
    const quint64 id = ++m_next;
    m_waiters.append(Waiter {id, window, after, limit, handle});
    QTimer::singleShot(seconds * 1000, this, [this, id] { check(QStringLiteral("-"), id); });
}

void EventWaiters::endAll(int retryAfterSeconds)
{
    const QList<Waiter> waiting = std::exchange(m_waiters, {});
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
}

} // namespace ow::backoffice
