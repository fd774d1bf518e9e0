#pragma once

#include "Rng.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

// --events-per-second: a steady stream of random changes (renamed contacts, changed group
// subjects and modes, members joining, leaving, promoted and demoted), applied and published
// like POST /_sim/events. Choices come from a seeded stream, so a run with the same seed and the
// same requests makes the same changes. Session status is left alone: it would make live
// actions fail at random.
namespace sim {

class DataSet;
class Realtime;

class EventStream : public QObject
{
public:
    static constexpr double kMaxRate = 10000;

    EventStream(DataSet &data, Realtime &realtime, quint64 seed, QObject *parent);

    void setRate(double perSecond);
    double rate() const { return m_rate; }
    quint64 published() const { return m_published; }

private:
    void tick();
    bool publishOne();
    qint64 randomContact(int session);

    DataSet &m_data;
    Realtime &m_realtime;
    Prng m_rng;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_rate = 0;
    quint64 m_due = 0; // published since the rate was set
    quint64 m_published = 0;
};

} // namespace sim
