#pragma once

#include "HttpResponse.h"

#include <QList>

// The test-only control endpoint under /_sim/ (outside /api/v1, no auth: a loopback tool).
//   GET|PUT|DELETE /_sim/faults            current knobs | merge a JSON object | all off
//   GET|DELETE     /_sim/stats             counters | reset them
//   PUT  /_sim/sessions/{id}/status        {"status":"stopped"}
//   GET  /_sim/sessions/{id}/blocked       {"data":[lid,...]}
//   POST /_sim/sessions/{id}/mutate        {"removeContacts":N,"addContacts":N,
//                                           "renameContacts":N,"removeMemberships":N}
namespace sim {

class DataSet;
class Faults;
struct Stats;

class Control
{
public:
    Control(DataSet &data, Faults &faults, Stats &stats);

    Response handle(const QByteArray &method, const QList<QByteArray> &segments,
                    const QByteArray &body);

private:
    Response faults(const QByteArray &method, const QByteArray &body);
    Response stats(const QByteArray &method);
    Response session(const QByteArray &method, const QList<QByteArray> &segments,
                     const QByteArray &body);

    DataSet &m_data;
    Faults &m_faults;
    Stats &m_stats;
};

} // namespace sim
