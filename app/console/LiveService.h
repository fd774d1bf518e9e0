#pragma once

#include "live/LiveEventWriter.h"
#include "live/RealtimeFeed.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <memory>

class BackgroundWriter;
class GatewayClient;
class LiveApplier;

// The profile's one realtime subscription, as the composition root runs it: events from the
// gateway's feed go to the cache in batches (LiveApplier), the resume point follows what the
// cache holds, contacts first seen in a join are fetched and stored, and what cannot be
// applied from the events alone (a replay gap, a phone JID the cache cannot map) is asked
// of the sync. It also says whether the scheduled sync must stand in: while the feed is
// refused (a token without `events`) or has been down for over a minute.
class LiveService : public QObject
{
    Q_OBJECT
public:
    static constexpr int kFallbackAfterMs = 60 * 1000;

    // Takes `client` (made for this service by the profile's factory).
    LiveService(std::unique_ptr<GatewayClient> client, BackgroundWriter *writer,
                QObject *parent = nullptr);
    ~LiveService() override;

    // Reads the stored resume point, then subscribes after it.
    void start();
    void stop();

    RealtimeFeed *feed() const { return m_feed.get(); }
    RealtimeFeed::State state() const { return m_feed->state(); }
    QString reason() const { return m_feed->reason(); }
    bool isLive() const { return m_feed->state() == RealtimeFeed::State::Live; }
    // When an event last reached the cache; invalid before the first.
    QDateTime lastAppliedAt() const { return m_lastAppliedAt; }
    void setFallbackDelayMs(int ms) { m_fallbackDelay.setInterval(ms); }

Q_SIGNALS:
    void stateChanged(RealtimeFeed::State state, const QString &reason);
    // Every event as received, before it is applied (the local API passes them on).
    void eventReceived(const LiveEvent &event);
    // After each batch is committed: what changed, for the views.
    void changesApplied(const LiveChanges &changes);
    // These sessions need a sync: their events could not all be applied from the cache.
    void resyncNeeded(const QStringList &sessions);
    // The replay was cut at its limit: older events of any session may be lost.
    void eventsMissed();
    // true: nothing live keeps the cache current, the scheduled sync must run.
    void fallbackNeeded(bool needed);

private:
    void onApplied(const LiveChanges &changes);
    void onState(RealtimeFeed::State state, const QString &reason);
    void fetchNewContacts(const QList<SessionItem> &contacts);
    void setFallback(bool needed);

    std::unique_ptr<GatewayClient> m_client;
    std::unique_ptr<RealtimeFeed> m_feed;
    std::unique_ptr<LiveApplier> m_applier;
    BackgroundWriter *m_writer;
    QTimer m_fallbackDelay;
    QDateTime m_lastAppliedAt;
    bool m_fallback = true; // until the feed is live, the schedule stands in
    bool m_started = false;
};
