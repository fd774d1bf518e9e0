#pragma once

#include "live/LiveEvent.h"
#include "live/LiveEventWriter.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class BackgroundWriter;

// Hands realtime events to the cache's BackgroundWriter in batches: while one batch is being
// written, the events that arrive wait and go as the next one, so a burst costs a few
// transactions, not one per event. Lives on the thread that receives the events (the
// feed's); applied() and failed() come back on it.
//
//   connect(&feed, &RealtimeFeed::eventReceived, &applier, &LiveApplier::enqueue);
//   connect(&applier, &LiveApplier::applied, &feed,
//           [&](const LiveChanges &c) { feed.markApplied(c.lastEventId); });
class LiveApplier : public QObject
{
    Q_OBJECT
public:
    explicit LiveApplier(BackgroundWriter *writer, QObject *parent = nullptr);

    void enqueue(const LiveEvent &event);
    // Events waiting or being written.
    int pending() const { return int(m_waiting.size()) + m_writing; }

    // Reads the stored resume point on the writer's thread; `done` runs on this object's
    // thread with it (empty when none or unreadable).
    void readResumePoint(std::function<void(const QString &eventId)> done);

Q_SIGNALS:
    void applied(const LiveChanges &changes);
    void failed(const QString &error);

private:
    void flush();

    QPointer<BackgroundWriter> m_writer;
    QList<LiveEvent> m_waiting;
    int m_writing = 0;
};
