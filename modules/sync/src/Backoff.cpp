#include "onewindow/sync/Backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace ow::sync {

Backoff::Backoff(int baseMs, int maxMs, std::function<double()> random)
    : m_baseMs(std::max(1, baseMs))
    , m_maxMs(std::max(m_baseMs, maxMs))
    , m_random(std::move(random))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

int Backoff::next()
{
    ++m_failures;
    double d = m_baseMs;
    for (int i = 1; i < m_failures && d < m_maxMs; ++i)
        d *= 2;
    d = std::min<double>(d, m_maxMs);
    const double r = std::clamp(m_random(), 0.0, 1.0);
    return int(d / 2 + r * d / 2);
}

} // namespace ow::sync
