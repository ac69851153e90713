#pragma once

#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"
#include "onewindow/backoffice/SupervisorStats.h"
#include "onewindow/core/Result.h"
#include "onewindow/queue/HallSettings.h"
#include "onewindow/queue/Ticket.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QString>

namespace ow::backoffice {

class Database;
class EventLog;

// The queue of each hall (issue 23): tickets from kiosks, windows, appointments and returns; call
// next, recall, no-show, transfer, park, resume, done by modules/queue's QueueRules. Two windows
// never get the same ticket: call next takes the first waiting ticket in the rules' order under
// the database's lock (PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED, so concurrent callers of any
// instance take the next rows instead of waiting; SQLite: its one writer, BEGIN IMMEDIATE), and
// every change is a guarded UPDATE of the ticket's last_seq with its event in ticket_events in
// the same transaction. Calls reach the hall's display through EventLog ("hall:<code>").
class HallQueue
{
public:
    HallQueue(Database &db, EventLog &events, Clock clock);

    ApiReply readHall(const Principal &who, const QString &hall);
    ApiReply readQueue(const Principal &who, const QString &hall);
    ApiReply issue(const Principal &who, const QString &hall, const QJsonObject &body);
    ApiReply checkIn(const Principal &who, const QString &hall, const QString &appointmentId, const QJsonObject &body);
    // An ID card at the kiosk (or a window of the hall): the holder's booked appointment for
    // today, found by the number's blind index (`idHmac`), checked in as checkIn does; none →
    // 404 no-appointment.
    ApiReply checkInByApplicant(
        const Principal &who, const QString &hall, const QString &idHmac, const QJsonObject &body);
    ApiReply callNext(const Principal &who, const QString &window);
    ApiReply act(const Principal &who, const QString &ticketId, const QString &action, const QJsonObject &body);
    ApiReply readTicket(const Principal &who, const QString &ticketId);
    ApiReply follow(const QString &ticketId);
    ApiReply pushStation(const Principal &who, const QString &window, const QJsonObject &body);
    // The EventLog key of the hall's calls, once `who` may read them.
    ApiResult<QString> eventKey(const Principal &who, const QString &hall);
    // A page of EventLog::read for a hall key → {events: [HallCall], cursor}.
    static QJsonObject hallEventsPage(const QJsonObject &page);

    // Admin: a hall from its description {hall, name, settings, categories: [Category],
    // windows: [{window, categories}]} (created, or replaced but for its tickets).
    [[nodiscard]] Result<bool> setHall(const QJsonObject &description);
    // Admin: a kiosk or display of the hall; the device's token (shown once): a random one, or
    // `token` (the demo's public ones, DemoAccounts).
    [[nodiscard]] Result<QString> addDevice(
        const QString &hall, const QString &kind, const QString &name, const QString &token = QString());
    // Admin: an appointment in a slot (for the applicant whose ID number has the blind index
    // `idHmac`, or anyone with its id); its id.
    [[nodiscard]] Result<QString> addAppointment(const QString &hall, const QString &category,
        const QDateTime &slotStart, int minutes, const QString &idHmac = QString());

    static constexpr int kLatestCalls = 20;
    static constexpr int kNextShown = 50;

private:
    struct HallInfo
    {
        QString code;
        QString name;
        queue::HallSettings settings;
    };
    ApiResult<HallInfo> loadHall(const QString &hall);
    // May `who` read the hall? Its windows' clerks and stations, its devices, supervisors, admins.
    ApiReply mayRead(const Principal &who, const QString &hall);
    ApiResult<QString> hallOfWindow(const QString &window);
    // `lastSeq`: the row's last_seq beside it (read under the lock with `lock`).
    ApiResult<queue::Ticket> loadTicket(const QString &id, bool lock, int *lastSeq = nullptr);
    static queue::Ticket ticketFrom(const QSqlQuery &q);
    QString insertTicket(const queue::Ticket &t, const queue::HallSettings &settings, int lastSeq);
    // The guarded UPDATE (last_seq = expectedSeq) and the event `seq` = expectedSeq + 1.
    QString saveTicket(
        const queue::Ticket &t, int expectedSeq, const QString &kind, const Principal &who, const QJsonObject &data);
    // `queuedAt`: the ticket's stored queue time when the caller has it (the supervisor's wait
    // figure), else read.
    QString addEvent(const QString &ticketId, int seq, const QString &kind, const QDateTime &at, const QString &window,
        const QString &clerk, const QJsonObject &data, const QDateTime &queuedAt = QDateTime());
    // Inside the caller's transaction: the hall's event (EventLog "hall:<code>").
    QString announce(const queue::Ticket &t, const QString &type);
    // `atWindow`: the number of the ticket called or served at the window, "" if none.
    ApiResult<HallInfo> loadHallOfWindow(const QString &window, QString *atWindow = nullptr);
    static ApiResult<HallInfo> hallFrom(const QSqlQuery &q);
    ApiResult<QString> nextNumber(const QString &hall, const QString &day, const QString &prefix);
    ApiResult<int> peopleAhead(const queue::Ticket &t, const queue::HallSettings &settings);
    ApiReply issueTicket(const Principal &who, const HallInfo &hall, queue::Ticket t, const QString &appointmentId);
    ApiReply fail(const QString &what);

    Database &m_db;
    EventLog &m_events;
    Clock m_clock;
    SupervisorStats m_stats; // the overview's rows, written with each ticket event
};

} // namespace ow::backoffice
