#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/queue/HallSettings.h"
#include "onewindow/queue/Ticket.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace ow::queue {

// The queue's rules, pure (values in, values out): the back office and a station's offline queue
// both decide by them. The back office's SQL orders waiting tickets by the same key (rankClass,
// rankKey) that orderKey() gives, so the database can lock the first one.
class QueueRules
{
public:
    // Where a waiting ticket stands at `now`; smaller goes first (class, then key, then number).
    //  class 0: overdue, waited maxPriorityDelay or more (by queuedAt): the no-starvation bound;
    //  class 1: an on-time appointment whose slot has started (by slot start);
    //  class 2: everybody else by rankKey: queuedAt, minus priorityWeight for a priority ticket;
    //           an on-time appointment before its slot by its slot start, a late one by queuedAt.
    struct OrderKey
    {
        int rankClass = 2;
        QDateTime key;
        QString number;
        bool operator<(const OrderKey &other) const;
    };
    static OrderKey orderKey(const Ticket &ticket, const HallSettings &settings, const QDateTime &now);
    // The static part of the key (stored with the ticket at the back office): rankKey as above
    // and whether the ticket is an on-time appointment.
    static QDateTime rankKey(const Ticket &ticket, const HallSettings &settings);
    static bool isOnTimeAppointment(const Ticket &ticket, const HallSettings &settings);

    // May `window`, serving `categories`, call this ticket? Waiting (or transferred) and either
    // transferred to that window, or in one of its categories and not transferred to another.
    static bool mayCall(const Ticket &ticket, const QString &window, const QStringList &categories);
    // The index in `tickets` of the ticket `window` calls next at `now`, or none.
    static std::optional<qsizetype> pickNext(const QList<Ticket> &tickets, const QString &window,
        const QStringList &categories, const HallSettings &settings, const QDateTime &now);

    // When the ticket may be recalled (its last call + recallDelay).
    static QDateTime recallAllowedAt(const Ticket &ticket, const HallSettings &settings);
    // May the clerk mark it no-show at `now`: called at least noShowAfterCalls times and the
    // recall delay passed since the last call.
    static bool mayMarkNoShow(const Ticket &ticket, const HallSettings &settings, const QDateTime &now);

    // The transitions: the ticket after the action, or why not (a message for the clerk). `window`
    // is the acting window (from the token or the station's enrolment, never a request's body).
    [[nodiscard]] static Result<Ticket> call(Ticket ticket, const QString &window, const QDateTime &now);
    [[nodiscard]] static Result<Ticket> recall(
        Ticket ticket, const QString &window, const HallSettings &settings, const QDateTime &now);
    [[nodiscard]] static Result<Ticket> noShow(
        Ticket ticket, const QString &window, const HallSettings &settings, const QDateTime &now);
    // The applicant came to the window: serving (the window starts or opens a case with it).
    [[nodiscard]] static Result<Ticket> serve(Ticket ticket, const QString &window);
    [[nodiscard]] static Result<Ticket> park(Ticket ticket, const QString &window);
    [[nodiscard]] static Result<Ticket> resume(Ticket ticket, const QString &window, const QDateTime &now);
    [[nodiscard]] static Result<Ticket> done(Ticket ticket, const QString &window);
    // To another window (toWindow) or category (toCategory, one of the two non-empty): waits
    // again, keeping queuedAt; its calls start again from 0.
    [[nodiscard]] static Result<Ticket> transfer(
        Ticket ticket, const QString &window, const QString &toWindow, const QString &toCategory);

    // "A012": the prefix (a category's letter, or a station's prefix) and the day's sequence.
    static QString ticketNumber(const QString &prefix, int sequence);
};

} // namespace ow::queue
