#include "sync/RequestBudget.h"

#include <algorithm>
#include <cmath>

RequestBudget::RequestBudget(int requestsPerMinute)
    : m_perMinute(std::max(0, requestsPerMinute))
    , m_tokens(m_perMinute)
{
    m_clock.start();
}

void RequestBudget::refill()
{
    const qint64 now = m_clock.elapsed();
    m_tokens = std::min<double>(m_perMinute, m_tokens + (now - m_lastMs) * m_perMinute / 60000.0);
    m_lastMs = now;
}

int RequestBudget::take()
{
    if (m_perMinute == 0)
        return 0;
    refill();
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        return 0;
    }
    return int(std::ceil((1.0 - m_tokens) * 60000.0 / m_perMinute));
}
