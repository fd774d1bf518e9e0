#pragma once

#include <QByteArray>
#include <QMap>

// Counters over API requests (not /_sim), read by tests through GET /_sim/stats.
namespace sim {

struct Stats {
    quint64 requests = 0;
    quint64 inFlight = 0;
    quint64 maxInFlight = 0;
    quint64 authorizationSeen = 0; // requests carrying Authorization or x-api-key
    quint64 dropped = 0, truncated = 0, malformed = 0, redirected = 0, injectedErrors = 0;
    QMap<QByteArray, quint64> byOperation;
    QMap<int, quint64> byStatus;

    void begin()
    {
        ++requests;
        if (++inFlight > maxInFlight)
            maxInFlight = inFlight;
    }
    void reset(); // keeps inFlight: those answers are still on their way
    QByteArray toJson() const;
};

} // namespace sim
