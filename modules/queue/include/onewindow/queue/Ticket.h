#pragma once

#include "onewindow/core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ow::queue {

// Where a ticket came from.
enum class TicketSource { Kiosk, Window, Appointment, Return, Station };
// Why a ticket may go ahead (weighted, bounded by HallSettings::maxPriorityDelay).
enum class Priority { None, Elderly, Disabled, Pregnant, Military };
// Its life: waiting → called → serving → done; called → no-show; called/serving → parked →
// called (resume); waiting/called/serving/parked → transferred (waits again at its new window or
// category, callable like waiting, keeping its place in time).
enum class TicketState { Waiting, Called, Serving, Parked, Done, NoShow, Transferred };

QString sourceName(TicketSource source);
QString priorityName(Priority priority);
QString stateName(TicketState state);
[[nodiscard]] Result<TicketSource> ticketSourceFromString(const QString &text);
[[nodiscard]] Result<Priority> priorityFromString(const QString &text);
[[nodiscard]] Result<TicketState> ticketStateFromString(const QString &text);

// One ticket of a hall's queue (the back office's, or a station's own offline queue). Times are
// UTC. The JSON form (toJson/fromJson) is the wire form of the back office's API (Ticket in
// modules/backoffice/openapi.json) and of a station's pushed tickets.
struct Ticket
{
    QString id; // UUID (made where the ticket is issued: the back office or the station)
    QString number; // what the applicant hears: category letter (or a station's prefix) + 3 digits, "A012"
    QString hall;
    QString category; // Category::code
    TicketSource source = TicketSource::Kiosk;
    Priority priority = Priority::None;
    QDateTime issuedAt; // issued, or checked in for an appointment
    QDateTime queuedAt; // its place in time: issuedAt, kept through transfers
    // An appointment's id and slot (source Appointment).
    QString appointmentId;
    QDateTime slotStart;
    QDateTime slotEnd;
    // The case a return ticket brings back, or the case the ticket opened at its window.
    QString caseId;
    QString caseNumber;
    TicketState state = TicketState::Waiting;
    int calls = 0; // how often it was called (call, recall, resume) at its current window
    QDateTime lastCalledAt;
    QString window; // the window that called it (called, serving, parked, done, no-show)
    QString targetWindow; // transferred to this window: only it calls the ticket

    bool isWaiting() const { return state == TicketState::Waiting || state == TicketState::Transferred; }
    bool hasPriority() const { return priority != Priority::None; }
    bool isAppointment() const { return slotStart.isValid(); }

    QJsonObject toJson() const;
    // Refuses (with a message naming the field) anything the rules could not work with: a
    // missing id, number, hall or category, an unknown source, priority or state, a time that
    // does not read, negative calls.
    [[nodiscard]] static Result<Ticket> fromJson(const QJsonObject &json);

    friend bool operator==(const Ticket &a, const Ticket &b);
    friend bool operator!=(const Ticket &a, const Ticket &b) { return !(a == b); }
};

} // namespace ow::queue
