#pragma once

#include <QDateTime>
#include <QString>

#include <functional>

namespace ow::backoffice {

// The back office's idea of "now" (UTC). Tests shift it to expire tokens and codes without waiting.
using Clock = std::function<QDateTime()>;

inline Clock systemClock(qint64 shiftSeconds = 0)
{
    return [shiftSeconds] { return QDateTime::currentDateTimeUtc().addSecs(shiftSeconds); };
}

// Timestamps are stored as fixed-width ISO 8601 UTC text ("2026-12-01T20:10:00.000Z"), which sorts
// and compares the same in SQLite and PostgreSQL.
inline QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace ow::backoffice
