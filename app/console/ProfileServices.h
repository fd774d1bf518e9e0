#pragma once

#include "auth/SignInController.h"
#include "gateway/GatewayCall.h"
#include "sync/SyncTypes.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>

class BackgroundWriter;
class ContactActionService;
class GatewayClient;
class GatewayClientFactory;
class GatewayReachability;
class LiveBroadcast;
class LiveService;
class LocalApiService;
class SyncService;
struct WaSession;

// One signed-in profile's services, for as long as it is signed in: the client factory and
// the window's own client, the shared reachability, the sync (one at a time, queued), the
// contact actions with their audit writer, and the local API. The window and the headless
// mode use this one set; Console builds it on signedIn and tears it down on a switch or a
// sign-out.
class ProfileServices : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString databasePath; // empty: CacheLocation::databasePath(profile)
        bool serveLocalApi = true;
        int localApiPort = -1;     // -1: QSettings "localApi/port", else the default
        QString discoveryFilePath; // empty: the default place
        bool writeDiscoveryFile = true;
        GatewayCallOptions clientOptions;
        SyncOptions syncOptions;
        // Every known session is synced this often while no live feed keeps the cache
        // current; 0: never. -1: QSettings "sync/intervalMinutes", else 15 minutes.
        qint64 syncIntervalMs = -1;
        bool liveFeed = true; // subscribe to the gateway's realtime feed
    };
    static constexpr int kDefaultSyncIntervalMinutes = 15;

    ProfileServices(SignInController *signIn, const Options &options, QObject *parent = nullptr);
    // Stops the local API and any sync, and writes what is queued, before returning.
    ~ProfileServices() override;

    // Stores the session ids added by hand, lists the gateway's sessions into the cache and
    // starts the local API.
    void start();

    QString profile() const { return m_profile; }
    QString databasePath() const { return m_databasePath; }
    SignInController *signIn() const { return m_signIn; }
    const GatewayClientFactory &clients() const { return *m_clients; }
    // The client of this object's thread, for the window's live reads.
    GatewayClient *client() const { return m_client.get(); }
    GatewayReachability *reachability() const { return m_reachability.get(); }
    SyncService *sync() const { return m_sync.get(); }
    ContactActionService *contactActions() const { return m_actions.get(); }
    BackgroundWriter *writer() const { return m_writer.get(); }
    LocalApiService *localApi() const { return m_localApi.get(); }
    // What the local API's realtime clients receive: the feed's events, syncs and actions.
    LiveBroadcast *broadcast() const { return m_broadcast.get(); }
    // The realtime subscription; nullptr when Options::liveFeed is off.
    LiveService *live() const { return m_live.get(); }
    // When the cache last took news from the gateway (a completed sync or a live batch);
    // invalid while nothing is known.
    QDateTime dataUpdatedAt() const { return m_dataUpdatedAt; }

    // Starts a sync of `sessionId` now; false and *reason when one is running or signed out.
    // The window's button, the local API and the headless mode all come here.
    bool startSync(const QString &sessionId, QString *reason);
    // Syncs these sessions one after another (those already queued or running are skipped).
    void queueSyncs(const QStringList &sessionIds);
    // Lists the gateway's sessions into the cache; sessionsRefreshed() follows.
    void refreshSessions();
    // The sessions the last refresh listed, then those added by hand.
    QStringList knownSessions() const;
    // While a live feed keeps the cache current the scheduled syncs pause.
    void setScheduledSyncPaused(bool paused);
    qint64 syncIntervalMs() const { return m_syncIntervalMs; }

Q_SIGNALS:
    void sessionsRefreshed(bool ok, const QString &problem);
    void dataUpdated(const QDateTime &at);
    void syncStarted(const QString &sessionId);
    void syncFinished(const SyncOutcome &outcome);

private:
    void startLocalApi();
    void syncNextQueued();
    // nullopt: the gateway would not list them (listProblem says why).
    void storeSessions(const std::optional<QList<WaSession>> &sessions, const QString &listProblem);
    void scheduledSync();
    void startLive();
    void wireBroadcast();
    void noteDataUpdated(const QDateTime &at);

    QPointer<SignInController> m_signIn;
    const Options m_options;
    const QString m_profile;
    const QString m_databasePath;
    std::shared_ptr<GatewayReachability> m_reachability;
    std::unique_ptr<GatewayClientFactory> m_clients;
    std::unique_ptr<GatewayClient> m_client;
    std::unique_ptr<BackgroundWriter> m_writer;
    std::unique_ptr<ContactActionService> m_actions;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<LiveBroadcast> m_broadcast; // outlives the local API's server
    std::unique_ptr<LocalApiService> m_localApi;
    std::unique_ptr<LiveService> m_live;
    QDateTime m_dataUpdatedAt;
    QStringList m_listedSessions;
    QStringList m_syncQueue;
    qint64 m_syncIntervalMs = 0;
    QTimer *m_syncTimer = nullptr;
};
