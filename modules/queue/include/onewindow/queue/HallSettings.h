#pragma once

#include "onewindow/core/Result.h"

#include <QJsonObject>

namespace ow::queue {

// A hall's queue settings (all in seconds except noShowAfterCalls).
struct HallSettings
{
    // A called ticket may be called again only this long after its last call.
    int recallDelay = 120;
    // A called ticket may be marked no-show only once it was called this often (and the recall
    // delay has passed since the last call).
    int noShowAfterCalls = 3;
    // A priority ticket counts as if it had been waiting this much longer.
    int priorityWeight = 600;
    // The bound: a ticket that has waited this long is called before any ticket that has waited
    // less, priority or appointment (so priority never makes anyone wait longer than this).
    int maxPriorityDelay = 1800;
    // An appointment checked in at most this long after its slot's start is on time.
    int appointmentGrace = 600;

    QJsonObject toJson() const;
    // Missing fields keep their defaults; a value out of range (negative, noShowAfterCalls < 1,
    // more than a day) is refused.
    [[nodiscard]] static Result<HallSettings> fromJson(const QJsonObject &json);
    friend bool operator==(const HallSettings &a, const HallSettings &b)
    {
        return a.recallDelay == b.recallDelay && a.noShowAfterCalls == b.noShowAfterCalls
            && a.priorityWeight == b.priorityWeight && a.maxPriorityDelay == b.maxPriorityDelay
            && a.appointmentGrace == b.appointmentGrace;
    }
};

} // namespace ow::queue
