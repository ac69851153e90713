#pragma once

#include <functional>

namespace ow::sync {

// Exponential backoff with jitter: after n failures in a row the delay is drawn from
// [d/2, d) with d = min(max, base · 2^(n-1)). The random source is a seam (values in [0, 1)).
class Backoff
{
public:
    Backoff(int baseMs, int maxMs, std::function<double()> random = {});
    void setRandom(std::function<double()> random) { m_random = std::move(random); }
    // One more failure: the delay before the next try, in ms.
    int next();
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

private:
    int m_baseMs;
    int m_maxMs;
    int m_failures = 0;
    std::function<double()> m_random;
};

} // namespace ow::sync
