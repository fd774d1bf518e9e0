#pragma once

#include <QElapsedTimer>

// A request budget per minute (a token bucket), so that many consoles syncing at once stay
// polite to one gateway. Zero means no budget.
class RequestBudget
{
public:
    explicit RequestBudget(int requestsPerMinute = 0);

    // Takes one request from the budget when available and returns 0; otherwise returns how
    // many milliseconds until one will be (nothing is taken then).
    int take();
    int requestsPerMinute() const { return m_perMinute; }

private:
    void refill();

    int m_perMinute;
    double m_tokens;
    QElapsedTimer m_clock;
    qint64 m_lastMs = 0;
};
