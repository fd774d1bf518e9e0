#pragma once

#include "gateway/GatewayCall.h"
#include "live/LiveEvent.h"

#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QStringList>
#include <QTimer>

class GatewayClient;
class QWebSocket;

// One organization-scope subscription to the gateway's realtime WebSocket.
//
//   RealtimeFeed feed(&client);
//   connect(&feed, &RealtimeFeed::eventReceived, ...);   // apply it, then:
//   feed.markApplied(event.id);                            // the resume point
//   feed.start(lastAppliedIdFromTheCache);
//
// start() mints a ticket (with `since`), opens the socket and emits each event once. The
// connection counts as dead after 2.5 heartbeats without a frame; then, and whenever it
// drops or a ticket cannot be had for a transient reason, it reconnects after a jittered
// exponential back-off, resuming after the last event marked applied. Events received but
// not applied yet are not emitted again when the replay repeats them. A refused ticket
// (401/403, or a ticket for another host) stops it in Refused with a reason. A replay that
// delivers the full 1,000 events means older ones may be lost: gapDetected() names the
// sessions it saw so their data can be synced again.
class RealtimeFeed : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Off,
        Connecting,
        Live,
        Reconnecting,
        Refused,
    };
    Q_ENUM(State)

    struct Options {
        int backoffStartMs = 1000;
        int backoffMaxMs = 60000;
        double jitter = 0.2;         // each delay is scaled by 1 ± jitter
        double deadHeartbeats = 2.5; // silence, in heartbeats, that means a dead connection
        int openTimeoutMs = 15000;   // from the ticket to the `connected` frame
        int replayLimit = 1000;      // the gateway's replay cap
    };

    explicit RealtimeFeed(GatewayClient *client, QObject *parent = nullptr);
    ~RealtimeFeed() override;

    void setOptions(const Options &options) { m_options = options; }
    Options options() const { return m_options; }

    // Subscribes, resuming after `since` (empty: from now on). Restarts when running.
    void start(const QString &since = {});
    void stop();
    // Drops the connection and resumes after the last event marked applied, emitting again
    // the events received since: after the cache failed to store them.
    void reconnect();

    // The event with this id (and those before it) are in the cache: a reconnect resumes
    // after it.
    void markApplied(const QString &eventId);
    QString lastAppliedId() const { return m_lastApplied; }

    State state() const { return m_state; }
    // Why it is Refused or Reconnecting, one sentence for a person; empty while Live.
    QString reason() const { return m_reason; }
    int heartbeatSeconds() const { return m_heartbeatSeconds; }
    // Frames that were not JSON or broke the contract, skipped.
    int malformedFrames() const { return m_malformed; }
    // Connections opened (the first one included).
    int connections() const { return m_connections; }

Q_SIGNALS:
    void stateChanged(RealtimeFeed::State state, const QString &reason);
    void eventReceived(const LiveEvent &event);
    void gapDetected(const QStringList &sessions);

private:
    void mint();
    void open(const QUrl &url);
    void onText(const QString &text);
    void onConnectedFrame(const LiveFrame &frame);
    void onEvent(const LiveEvent &event);
    void onSocketGone(const QString &why);
    void scheduleReconnect(const QString &why);
    void refuse(const QString &why);
    void closeSocket();
    void setState(State state, const QString &reason);
    int nextDelayMs();

    QPointer<GatewayClient> m_client;
    Options m_options;
    State m_state = State::Off;
    QString m_reason;
    QWebSocket *m_socket = nullptr;
    GatewayRequest m_ticketRequest;
    QTimer m_watchdog;
    QTimer m_retry;
    QString m_lastApplied;
    QStringList m_inFlight; // emitted, not yet marked applied, oldest first
    QSet<QString> m_inFlightSet;
    int m_attempt = 0;
    int m_heartbeatSeconds = 0;
    int m_malformed = 0;
    int m_connections = 0;
    // The replay after `connected`: events not newer than its timestamp.
    qint64 m_connectedAt = 0;
    int m_replayed = 0;
    bool m_replaying = false;
    QStringList m_replaySessions;
};
