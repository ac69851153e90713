#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/queue/Ticket.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace ow::queue {

// One call shown on the hall display: "请 A012 号到 3 号窗口".
struct HallCall
{
    qint64 cursor = 0;
    QString type; // call | recall | resume
    QString ticket; // the ticket's id
    QString number;
    QString category;
    QString window;
    QDateTime at;

    QJsonObject toJson() const;
    [[nodiscard]] static Result<HallCall> fromJson(const QJsonObject &json);
};

// Who waits in one category, and since when.
struct CategoryLoad
{
    QString code;
    QString name;
    QString letter;
    int waiting = 0;
    qint64 longestWaitSeconds = 0;
};

// The queue as a window (or a display) sees it now: the back office's HallQueue
// (GET /v1/halls/{hall}/queue), or a station's own queue computed by its store.
struct QueueSnapshot
{
    QString hall;
    QDateTime at;
    QList<CategoryLoad> categories;
    QList<HallCall> calls; // newest first
    std::optional<Ticket> current; // called or served at this window
    QList<Ticket> parked; // parked at this window
    QList<Ticket> next; // what this window would call, in order

    QJsonObject toJson() const;
    [[nodiscard]] static Result<QueueSnapshot> fromJson(const QJsonObject &json);
};

} // namespace ow::queue
