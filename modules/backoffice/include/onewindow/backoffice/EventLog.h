#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>

namespace ow::backoffice {

class Database;

// Each window's events (confirmed, routed, decided, ready, handout) with a cursor that is strictly
// increasing per window, never skips and never repeats: the next cursor is taken in the same
// transaction as the change, by a guarded UPDATE of the window's counter row in window_events
// (that row lock also orders concurrent writers of several instances), and the event row is keyed
// by (window, cursor). A key "hall:<code>" is a hall's calls for its display (HallQueue), kept in
// hall_events by the same rule.
class EventLog : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxWaitSeconds = 30;
    static constexpr int kMaxLimit = 500;
    static constexpr int kDefaultLimit = 100;
    static constexpr const char *kHallPrefix = "hall:";

    EventLog(Database &db, Clock clock, QObject *parent = nullptr);

    // Inside the caller's open transaction: appends one event; "" or the error (then roll back).
    [[nodiscard]] QString append(const QString &window, const QString &type, const QString &caseId,
        const QString &itemId, const QJsonObject &data);
    // After the caller's transaction ended: announces appended() for each window written to
    // (a rolled-back one only causes a needless recheck).
    void publish();

    // {"events": […], "cursor": n} after `after`, at most `limit`.
    ApiResult<QJsonObject> read(const QString &window, qint64 after, int limit);

Q_SIGNALS:
    void appended(const QString &window);

private:
    struct Tables
    {
        QString counters;
        QString events;
        QString key;
    };
    static Tables tables(const QString &key);
    Database &m_db;
    Clock m_clock;
    QSet<QString> m_pending;
};

} // namespace ow::backoffice
