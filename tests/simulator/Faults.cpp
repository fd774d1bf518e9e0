#include "Faults.h"

#include "JsonWriter.h"
#include "Salts.h"

#include <QUrl>

#include <utility>

namespace sim {

namespace {

bool readRate(const QJsonObject &o, const char *key, double *out, QString *problem)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return true;
    if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 1) {
        *problem = QStringLiteral("%1 must be a number in 0..1").arg(QLatin1String(key));
        return false;
    }
    *out = v.toDouble();
    return true;
}

bool readCount(const QJsonObject &o, const char *key, int *out, QString *problem)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return true;
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 0 || d > 1e9 || d != double(int(d))) {
        *problem = QStringLiteral("%1 must be a non-negative integer").arg(QLatin1String(key));
        return false;
    }
    *out = int(d);
    return true;
}

} // namespace

QByteArray FaultConfig::toJson() const
{
    JsonWriter w;
    w.beginObject()
        .field("latencyMs", latencyMs)
        .key("errorRate")
        .real(errorRate)
        .field("errorStatus", errorStatus)
        .field("rateLimitEvery", rateLimitEvery)
        .field("rateLimitBurst", rateLimitBurst)
        .field("retryAfter", retryAfter)
        .key("malformedRate")
        .real(malformedRate)
        .key("truncateRate")
        .real(truncateRate)
        .key("dropRate")
        .real(dropRate)
        .field("redirectTo", redirectTo)
        .flag("explicitNulls", explicitNulls)
        .flag("realtimeHeartbeats", realtimeHeartbeats)
        .endObject();
    return w.take();
}

bool FaultConfig::merge(const QJsonObject &o, QString *problem)
{
    static const QStringList known = {
        QStringLiteral("latencyMs"),      QStringLiteral("errorRate"),
        QStringLiteral("errorStatus"),    QStringLiteral("rateLimitEvery"),
        QStringLiteral("rateLimitBurst"), QStringLiteral("retryAfter"),
        QStringLiteral("malformedRate"),  QStringLiteral("truncateRate"),
        QStringLiteral("dropRate"),       QStringLiteral("redirectTo"),
        QStringLiteral("explicitNulls"),  QStringLiteral("realtimeHeartbeats")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key())) {
            *problem = QStringLiteral("unknown fault %1").arg(it.key());
            return false;
        }
    }
    FaultConfig c = *this;
    if (!readCount(o, "latencyMs", &c.latencyMs, problem)
        || !readRate(o, "errorRate", &c.errorRate, problem)
        || !readCount(o, "rateLimitEvery", &c.rateLimitEvery, problem)
        || !readCount(o, "rateLimitBurst", &c.rateLimitBurst, problem)
        || !readCount(o, "retryAfter", &c.retryAfter, problem)
        || !readRate(o, "malformedRate", &c.malformedRate, problem)
        || !readRate(o, "truncateRate", &c.truncateRate, problem)
        || !readRate(o, "dropRate", &c.dropRate, problem))
        return false;
    if (o.contains(QLatin1String("errorStatus"))) {
        const QJsonValue v = o.value(QLatin1String("errorStatus"));
        c.errorStatus = v.isDouble() ? QString::number(v.toInt()) : v.toString();
        if (c.errorStatus != QLatin1String("500") && c.errorStatus != QLatin1String("503")
            && c.errorStatus != QLatin1String("mixed")) {
            *problem = QStringLiteral("errorStatus must be 500, 503 or mixed");
            return false;
        }
    }
    if (o.contains(QLatin1String("redirectTo"))) {
        const QJsonValue v = o.value(QLatin1String("redirectTo"));
        c.redirectTo = v.toString();
        const QUrl u(c.redirectTo);
        if (!(v.isString() || v.isNull())
            || (!c.redirectTo.isEmpty() && (!u.isValid() || u.host().isEmpty()))) {
            *problem = QStringLiteral("redirectTo must be an absolute URL or empty");
            return false;
        }
    }
    for (const auto &[key, target] :
         {std::pair<const char *, bool *>{"explicitNulls", &c.explicitNulls},
          {"realtimeHeartbeats", &c.realtimeHeartbeats}}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            continue;
        if (!v.isBool()) {
            *problem = QStringLiteral("%1 must be true or false").arg(QLatin1String(key));
            return false;
        }
        *target = v.toBool();
    }
    *this = c;
    return true;
}

bool Faults::merge(const QJsonObject &o, QString *problem)
{
    FaultConfig c = m_config;
    if (!c.merge(o, problem))
        return false;
    set(c);
    return true;
}

void Faults::set(const FaultConfig &c)
{
    // A new burst pattern starts counting from zero, so tests can predict which request fails.
    if (c.rateLimitEvery != m_config.rateLimitEvery || c.rateLimitBurst != m_config.rateLimitBurst)
        m_counters.clear();
    m_config = c;
}

Faults::Decision Faults::decide()
{
    const double drop = m_rng.unit(), error = m_rng.unit(), which = m_rng.unit();
    const double malformed = m_rng.unit(), truncate = m_rng.unit();
    Decision d;
    d.drop = drop < m_config.dropRate;
    if (error < m_config.errorRate) {
        if (m_config.errorStatus == QLatin1String("500"))
            d.errorStatus = 500;
        else if (m_config.errorStatus == QLatin1String("503"))
            d.errorStatus = 503;
        else
            d.errorStatus = which < 0.5 ? 500 : 503;
    }
    d.malformed = malformed < m_config.malformedRate;
    d.truncate = !d.malformed && truncate < m_config.truncateRate;
    return d;
}

bool Faults::rateLimited(const QString &key)
{
    const quint64 every = quint64(m_config.rateLimitEvery),
                  burst = quint64(m_config.rateLimitBurst);
    if (every == 0 || burst == 0)
        return false;
    const quint64 n = m_counters[key]++;
    return n % (every + burst) >= every;
}

} // namespace sim
