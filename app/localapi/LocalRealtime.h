#pragma once

#include "live/LiveBroadcast.h"

#include <QSet>
#include <QString>

#include <memory>

class LocalRealtimeHub;

struct LocalRealtimeOptions {
    int heartbeatSeconds = 20;
    int ticketSeconds = 30;
    int maxConnections = 16;
    // A client with more than this waiting to be written is too slow: it is disconnected.
    qint64 maxPendingBytes = 4 * 1024 * 1024;
    // Where the frames come from; null: connected and ping frames only. Must outlive the
    // server thread (the composition root owns both).
    LiveBroadcast *broadcast = nullptr;
};

// What a ticket allows: a scope (every session, or one) and the event names to send.
struct LocalRealtimeTicket {
    QString session; // empty: organization scope
    QSet<QString> events;
    bool allEvents = true;
    QString since;
    qint64 expiresMs = 0;

    bool matches(const BroadcastFrame &frame) const
    {
        return (session.isEmpty() || frame.session == session)
            && (allEvents || events.contains(frame.event));
    }
};

// The hub's owner, shared by the routes and the server thread's hooks: openOnThread() and
// closeOnThread() (LocalApiConfig's onThreadStarted / onThreadFinished) make and destroy the
// hub on the server thread.
class LocalRealtime
{
public:
    explicit LocalRealtime(const LocalRealtimeOptions &options);
    ~LocalRealtime();
    LocalRealtime(const LocalRealtime &) = delete;
    LocalRealtime &operator=(const LocalRealtime &) = delete;

    void openOnThread();
    void closeOnThread();
    // Server thread only; null outside openOnThread() .. closeOnThread().
    LocalRealtimeHub *hub() const { return m_hub.get(); }
    const LocalRealtimeOptions &options() const { return m_options; }

private:
    const LocalRealtimeOptions m_options;
    std::unique_ptr<LocalRealtimeHub> m_hub;
};
