#pragma once

#include "actions/ContactActionService.h"
#include "localapi/LocalRealtime.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class GatewayClientFactory;
class GatewayReachability;
class LiveBroadcast;
class LocalApiBackend;
class LocalApiServerThread;
class SignInController;

// The local REST API as the window and the headless mode use it (core, no widgets): owns the
// server thread, the cache-backed routes and the local API token.
//
//   LocalApiService api(&signIn);            // after signedIn(profile); ProfileServices does it
//   api.setClientFactory(&factory);          // the server thread's gateway client
//   api.setContactActions(&actions);         // block / unblock, audited
//   api.setSyncTrigger(...);                 // optional: POST /api/v1/console/sessions/{s}/sync
//   api.setBroadcast(&broadcast);            // the realtime routes' frames (LiveBroadcast)
//   api.start();                             // -> listening(url) or failed(reason)
//   api.url(); api.token();                  // token(): for the UI to show and copy only
//   api.regenerateToken();                   // new token in the keychain, server restarted
//
// The token (gcl_..., 256 random bits) is made on first run and kept in the keychain under
// its own entry (tokenEntryName()); when the keychain cannot be used, a token for this run
// only is made. The port comes from setPort(), else QSettings "localApi/port", else 8765;
// 0 means any free port.
class LocalApiService : public QObject
{
    Q_OBJECT
public:
    static constexpr quint16 kDefaultPort = 8765;
    using SyncTrigger = std::function<bool(const QString &sessionId, QString *reason)>;

    explicit LocalApiService(SignInController *signIn, QObject *parent = nullptr);
    ~LocalApiService() override;

    static QString tokenEntryName(); // the CredentialStore entry holding the token

    void setPort(quint16 port);
    quint16 port() const;
    // Runs on this object's thread; return false with a reason to refuse (409 conflict).
    void setSyncTrigger(SyncTrigger trigger) { m_syncTrigger = std::move(trigger); }
    // Tests: where the discovery file goes (empty: the default), or none at all.
    void setDiscoveryFile(const QString &path, bool write = true);
    // The cache to serve (default: the signed-in profile's CacheLocation path).
    void setDatabasePath(const QString &path) { m_databasePath = path; }
    // Without a factory the live routes answer 503 (not signed in); without actions, block
    // and unblock do. Both must outlive the service.
    void setClientFactory(const GatewayClientFactory *factory) { m_clients = factory; }
    void setContactActions(ContactActionService *actions) { m_actions = actions; }
    // What the realtime WebSockets send (GET /api/v1/realtime): the frames published there,
    // fanned out on the server thread. Must outlive the service. Takes effect at the next
    // start(); set it before.
    void setBroadcast(LiveBroadcast *broadcast) { m_realtimeOptions.broadcast = broadcast; }
    // Tests: heartbeat, connection and slow-reader limits (the broadcast is setBroadcast's).
    void setRealtimeOptions(const LocalRealtimeOptions &options);
    // What the health route reports; one of its own when not given.
    void setReachability(std::shared_ptr<GatewayReachability> reachability);

    void start();
    void stop();
    void regenerateToken();

    bool isListening() const { return m_url.isValid(); }
    QUrl url() const { return m_url; }
    QByteArray token() const { return m_token; } // for the UI only; never log it
    QString discoveryFilePath() const;

Q_SIGNALS:
    void listening(const QUrl &url);
    void failed(const QString &reason);
    void tokenChanged();

private:
    void withToken(std::function<void()> next);
    void startServer();

    QPointer<SignInController> m_signIn;
    std::unique_ptr<LocalApiServerThread> m_server;
    std::shared_ptr<LocalApiBackend> m_backend;
    std::shared_ptr<GatewayReachability> m_reachability;
    const GatewayClientFactory *m_clients = nullptr;
    QPointer<ContactActionService> m_actions;
    SyncTrigger m_syncTrigger;
    LocalRealtimeOptions m_realtimeOptions;
    QByteArray m_token;
    QUrl m_url;
    int m_port = -1; // -1: from settings
    QString m_databasePath;
    QString m_discoveryPath;
    bool m_writeDiscovery = true;
    bool m_startWanted = false;
};
