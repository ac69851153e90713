#pragma once

#include <QDateTime>

namespace ow {

// The time source. Production code asks a Clock; tests hand in a fixed one.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    QDate today() const { return now().date(); }

    // The wall clock, shared.
    static const Clock &system();
};

// A clock that says what it was told; for tests and replays.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime now)
        : m_now(std::move(now))
    { }
    QDateTime now() const override { return m_now; }
    void set(QDateTime now) { m_now = std::move(now); }

private:
    QDateTime m_now;
};

} // namespace ow
