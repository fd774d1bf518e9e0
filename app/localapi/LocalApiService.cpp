#include "localapi/LocalApiService.h"

#include "auth/CredentialStore.h"
#include "auth/GatewayClientFactory.h"
#include "auth/SignInController.h"
#include "cache/CacheLocation.h"
#include "gateway/GatewayClient.h"
#include "gateway/GatewayReachability.h"
#include "localapi/LocalApiBackend.h"
#include "localapi/LocalApiRoutes.h"
#include "localapi/LocalApiServerThread.h"
#include "localapi/LocalApiToken.h"

#include <QLoggingCategory>
#include <QSettings>

Q_DECLARE_LOGGING_CATEGORY(lcLocalApiService)
Q_LOGGING_CATEGORY(lcLocalApiService, "gc.localapi.service")

LocalApiService::LocalApiService(SignInController *signIn, QObject *parent)
    : QObject(parent)
    , m_signIn(signIn)
    , m_reachability(std::make_shared<GatewayReachability>())
{
}

LocalApiService::~LocalApiService()
{
    stop();
}

QString LocalApiService::tokenEntryName()
{
    // Not a valid profile name's keychain entry: profiles never start with a colon.
    return QStringLiteral(":local-api-token");
}

void LocalApiService::setPort(quint16 port)
{
    m_port = port;
}

quint16 LocalApiService::port() const
{
    if (m_port >= 0)
        return quint16(m_port);
    bool ok = false;
    const uint p = QSettings().value(QStringLiteral("localApi/port"), kDefaultPort).toUInt(&ok);
    return ok && p <= 65535 ? quint16(p) : kDefaultPort;
}

void LocalApiService::setDiscoveryFile(const QString &path, bool write)
{
    m_discoveryPath = path;
    m_writeDiscovery = write;
}

QString LocalApiService::discoveryFilePath() const
{
    return m_server ? m_server->discoveryFilePath() : QString();
}

void LocalApiService::setRealtimeOptions(const LocalRealtimeOptions &options)
{
    LiveBroadcast *broadcast = m_realtimeOptions.broadcast;
    m_realtimeOptions = options;
    m_realtimeOptions.broadcast = broadcast;
}

void LocalApiService::setReachability(std::shared_ptr<GatewayReachability> reachability)
{
    if (reachability)
        m_reachability = std::move(reachability);
}

// Reads the token from the keychain, or makes and stores one, then runs `next`.
void LocalApiService::withToken(std::function<void()> next)
{
    if (!m_token.isEmpty())
        return next();
    CredentialStore *store = m_signIn ? m_signIn->credentials() : nullptr;
    if (!store) {
        m_token = LocalApiToken::generate();
        return next();
    }
    store->readToken(
        tokenEntryName(), this,
        [this, store, next](const QString &stored, const CredentialError &error) {
            if (error.isOk() && LocalApiToken::isWellFormed(stored.toLatin1())) {
                m_token = stored.toLatin1();
                return next();
            }
            m_token = LocalApiToken::generate();
            if (error.isOk() || error.kind == CredentialError::Kind::NotFound) {
                store->writeToken(tokenEntryName(), QString::fromLatin1(m_token), this,
                                  [](const CredentialError &e) {
                                      if (!e.isOk())
                                          qCWarning(lcLocalApiService)
                                              << "local API token not kept in the keychain:"
                                              << e.message;
                                  });
            } else {
                qCWarning(lcLocalApiService)
                    << "keychain unavailable; the local API token lasts for this run only:"
                    << error.message;
            }
            Q_EMIT tokenChanged();
            next();
        });
}

void LocalApiService::start()
{
    m_startWanted = true;
    withToken([this] {
        if (m_startWanted)
            startServer();
    });
}

void LocalApiService::startServer()
{
    stop();
    m_startWanted = true;
    LocalApiBackend::Options options;
    const QString profile = m_signIn ? m_signIn->profileName() : QString();
    options.profile = profile;
    options.databasePath = !m_databasePath.isEmpty() ? m_databasePath
                                                     : CacheLocation::databasePath(profile);
    GatewayClient *client = m_clients ? m_clients->make() : nullptr;
    if (client)
        client->moveToThread(nullptr); // pulled onto the server thread when it starts
    else
        qCInfo(lcLocalApiService) << "not signed in: block and unblock will answer 503";
    options.client = client;
    options.actions = m_actions;
    options.syncContext = this;
    options.syncTrigger = m_syncTrigger;
    options.reachability = m_reachability;
    m_backend = std::make_shared<LocalApiBackend>(options);

    LocalApiConfig config;
    config.port = port();
    config.token = m_token;
    config.writeDiscoveryFile = m_writeDiscovery;
    config.discoveryFilePath = m_discoveryPath;
    std::shared_ptr<LocalApiBackend> backend = m_backend;
    auto realtime = std::make_shared<LocalRealtime>(m_realtimeOptions);
    config.onThreadStarted = [backend, realtime] {
        backend->openOnThread();
        realtime->openOnThread();
    };
    config.onThreadFinished = [backend, realtime] {
        realtime->closeOnThread(); // its sockets die on their thread
        backend->closeOnThread();
    };

    m_server = std::make_unique<LocalApiServerThread>();
    connect(m_server.get(), &LocalApiServerThread::listening, this, [this](const QUrl &url) {
        m_url = url;
        qCInfo(lcLocalApiService).noquote() << "local API listening on" << url.toString();
        Q_EMIT listening(url);
    });
    connect(m_server.get(), &LocalApiServerThread::failed, this, [this](const QString &reason) {
        m_url = QUrl();
        qCWarning(lcLocalApiService).noquote() << "local API failed:" << reason;
        Q_EMIT failed(reason);
    });
    if (!m_server->start(config, makeLocalApiRouter(m_backend, realtime)))
        Q_EMIT failed(tr("the local API is already running"));
}

void LocalApiService::stop()
{
    m_startWanted = false;
    if (m_server) {
        m_server->stop();
        m_server.reset();
    }
    m_backend.reset(); // after the thread: its connections were closed there
    m_url = QUrl();
}

void LocalApiService::regenerateToken()
{
    const bool wasRunning = m_server != nullptr;
    m_token = LocalApiToken::generate();
    if (CredentialStore *store = m_signIn ? m_signIn->credentials() : nullptr) {
        store->writeToken(tokenEntryName(), QString::fromLatin1(m_token), this,
                          [](const CredentialError &e) {
                              if (!e.isOk())
                                  qCWarning(lcLocalApiService)
                                      << "local API token not kept in the keychain:" << e.message;
                          });
    }
    Q_EMIT tokenChanged();
    if (wasRunning)
        startServer();
}
