#include "Stats.h"

#include "JsonWriter.h"

namespace sim {

void Stats::reset()
{
    const quint64 keep = inFlight;
    *this = Stats();
    inFlight = maxInFlight = keep;
}

QByteArray Stats::toJson() const
{
    JsonWriter w;
    w.beginObject()
        .field("requests", qint64(requests))
        .field("inFlight", qint64(inFlight))
        .field("maxInFlight", qint64(maxInFlight))
        .field("authorizationSeen", qint64(authorizationSeen))
        .field("dropped", qint64(dropped))
        .field("truncated", qint64(truncated))
        .field("malformed", qint64(malformed))
        .field("redirected", qint64(redirected))
        .field("injectedErrors", qint64(injectedErrors));
    w.key("byOperation").beginObject();
    for (auto it = byOperation.begin(); it != byOperation.end(); ++it)
        w.field(it.key().constData(), qint64(it.value()));
    w.endObject().key("byStatus").beginObject();
    for (auto it = byStatus.begin(); it != byStatus.end(); ++it)
        w.field(QByteArray::number(it.key()).constData(), qint64(it.value()));
    w.endObject().endObject();
    return w.take();
}

} // namespace sim
