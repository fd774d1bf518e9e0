#pragma once

#include "Rng.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

// Injected misbehaviour, set on the command line and at runtime through /_sim/faults.
// Random choices come from a seeded stream, so the same requests meet the same faults.
namespace sim {

struct FaultConfig {
    int latencyMs = 0;
    double errorRate = 0;
    QString errorStatus = QStringLiteral("mixed"); // "500", "503" or "mixed"
    int rateLimitEvery = 0;                        // 0: no 429 bursts
    int rateLimitBurst = 0;
    int retryAfter = 0; // seconds; 0: no Retry-After header
    double malformedRate = 0;
    double truncateRate = 0;
    double dropRate = 0;
    QString redirectTo; // empty: no redirect
    bool explicitNulls = false;
    bool realtimeHeartbeats = true; // false: realtime connections stay open but get no ping

    QByteArray toJson() const;
    // Applies the members present in `o`; false (and nothing changed) on a bad value.
    bool merge(const QJsonObject &o, QString *problem);
};

class Faults
{
public:
    explicit Faults(quint64 seed)
        : m_seed(seed)
        , m_rng(seed)
    {
    }

    const FaultConfig &config() const { return m_config; }
    bool merge(const QJsonObject &o, QString *problem);
    void set(const FaultConfig &c);
    void reset() { set(FaultConfig()); }

    // One decision per API request; all draws are taken every time so that the stream stays
    // aligned with the request count whatever is enabled.
    struct Decision {
        bool drop = false;
        int errorStatus = 0; // 500 or 503, 0: none
        bool malformed = false;
        bool truncate = false;
    };
    Decision decide();

    // Counts a request against `key` (a session id or an org); true when it falls in a burst.
    bool rateLimited(const QString &key);

private:
    quint64 m_seed;
    FaultConfig m_config;
    Prng m_rng;
    QHash<QString, quint64> m_counters;
};

} // namespace sim
