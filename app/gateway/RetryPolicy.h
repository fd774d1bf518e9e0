#pragma once

#include <QByteArray>
#include <QRandomGenerator>

// When to try a request again and how long to wait first: exponential back-off with full
// jitter, so many consoles retrying at once do not hammer the gateway in step.
struct RetryPolicy {
    int maxRetries = 3;
    int baseDelayMs = 400;
    int maxDelayMs = 8000;
    int maxRetryAfterMs = 60000; // a Retry-After beyond this is capped

    // Delay before retry number `attempt` (1-based). A Retry-After header, when the gateway
    // sends one, wins over the computed back-off.
    int delayMs(int attempt, const QByteArray &retryAfterHeader = {}) const;

    // Parses Retry-After: delta-seconds or an HTTP date. -1 when absent or unreadable.
    static int parseRetryAfterMs(const QByteArray &header);
};
