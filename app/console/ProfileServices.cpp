#include "console/ProfileServices.h"

#include "actions/ContactActionService.h"
#include "auth/GatewayClientFactory.h"
#include "auth/SignInController.h"
#include "cache/AuditLog.h"
#include "cache/BackgroundWriter.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheLocation.h"
#include "cache/CacheReader.h"
#include "cache/CacheWriter.h"
#include "console/LiveService.h"
#include "gateway/GatewayClient.h"
#include "gateway/GatewayReachability.h"
#include "live/LiveBroadcast.h"
#include "localapi/LocalApiService.h"
#include "sync/SyncService.h"

#include <QLoggingCategory>
#include <QSettings>

#include <limits>

Q_DECLARE_LOGGING_CATEGORY(lcProfileServices)
Q_LOGGING_CATEGORY(lcProfileServices, "gc.console")

ProfileServices::ProfileServices(SignInController *signIn, const Options &options, QObject *parent)
    : QObject(parent)
    , m_signIn(signIn)
    , m_options(options)
    , m_profile(signIn->profileName())
    , m_databasePath(options.databasePath.isEmpty() ? CacheLocation::databasePath(m_profile)
                                                    : options.databasePath)
    , m_reachability(std::make_shared<GatewayReachability>())
    , m_clients(
          std::make_unique<GatewayClientFactory>(signIn, m_reachability, options.clientOptions))
    , m_client(m_clients->make())
    , m_writer(std::make_unique<BackgroundWriter>(m_databasePath))
    , m_actions(std::make_unique<ContactActionService>(m_profile, m_writer.get()))
    , m_sync(std::make_unique<SyncService>())
    , m_broadcast(std::make_unique<LiveBroadcast>())
{
    wireBroadcast();
    connect(m_sync.get(), &SyncService::finished, this, [this](const SyncOutcome &outcome) {
        Q_EMIT syncFinished(outcome);
        if (outcome.ok())
            noteDataUpdated(QDateTime::currentDateTimeUtc());
        // A cancelled sync stops the whole batch: the person's Cancel means "not now".
        if (outcome.status == SyncOutcome::Status::Cancelled)
            m_syncQueue.clear();
        syncNextQueued();
    });
    m_syncIntervalMs = options.syncIntervalMs >= 0
        ? options.syncIntervalMs
        : QSettings()
                .value(QStringLiteral("sync/intervalMinutes"), kDefaultSyncIntervalMinutes)
                .toLongLong()
            * 60 * 1000;
    m_syncTimer = new QTimer(this);
    m_syncTimer->setTimerType(Qt::VeryCoarseTimer);
    connect(m_syncTimer, &QTimer::timeout, this, &ProfileServices::scheduledSync);
    if (m_syncIntervalMs > 0)
        m_syncTimer->start(
            int(std::min<qint64>(m_syncIntervalMs, std::numeric_limits<int>::max())));
}

ProfileServices::~ProfileServices()
{
    // The local API first: its routes use the actions and the writer.
    m_localApi.reset();
    m_live.reset(); // its applier posts to the writer
    m_syncQueue.clear();
    m_sync.reset(); // cancels a running sync and waits for its thread
    m_actions.reset();
    m_writer.reset(); // writes what is queued
}

void ProfileServices::start()
{
    const QStringList handAdded = m_signIn ? m_signIn->sessionIds() : QStringList();
    if (!handAdded.isEmpty()) {
        m_writer->post(QStringLiteral("session ids"), [handAdded](CacheDatabase &db, QString *e) {
            CacheWriter writer(db);
            const QList<CachedSession> known = CacheReader(db).sessions();
            for (const QString &id : handAdded) {
                const bool present = std::any_of(
                    known.begin(), known.end(),
                    [&](const CachedSession &s) { return s.session.id == id; });
                if (!present && !writer.addSession(id)) {
                    *e = writer.lastError();
                    return false;
                }
            }
            return true;
        });
    }
    refreshSessions();
    if (m_options.serveLocalApi)
        startLocalApi();
    if (m_options.liveFeed)
        startLive();
}

void ProfileServices::startLive()
{
    m_live = std::make_unique<LiveService>(std::unique_ptr<GatewayClient>(m_clients->make()),
                                           m_writer.get());
    connect(m_live.get(), &LiveService::resyncNeeded, this, &ProfileServices::queueSyncs);
    connect(m_live.get(), &LiveService::eventsMissed, this,
            [this] { queueSyncs(knownSessions()); });
    connect(m_live.get(), &LiveService::fallbackNeeded, this,
            [this](bool needed) { setScheduledSyncPaused(!needed); });
    connect(m_live.get(), &LiveService::eventReceived, m_broadcast.get(),
            [b = m_broadcast.get()](const LiveEvent &e) { b->publish(e); });
    connect(m_live.get(), &LiveService::changesApplied, this,
            [this] { noteDataUpdated(QDateTime::currentDateTimeUtc()); });
    m_live->start();
}

void ProfileServices::wireBroadcast()
{
    LiveBroadcast *b = m_broadcast.get();
    connect(m_sync.get(), &SyncService::started, b, [b](const QString &session) {
        b->publishSync({session, ConsoleSyncNote::Phase::Started, {}, {}, {}});
    });
    connect(m_sync.get(), &SyncService::finished, b, [b](const SyncOutcome &o) {
        ConsoleSyncNote n{o.sessionId, ConsoleSyncNote::Phase::Failed, {}, {}, o.message};
        if (o.status == SyncOutcome::Status::Completed) {
            n.phase = ConsoleSyncNote::Phase::Finished;
            n.contacts = o.contacts;
            n.groups = o.groups;
            n.message.clear();
        } else if (o.status == SyncOutcome::Status::Cancelled) {
            n.phase = ConsoleSyncNote::Phase::Cancelled;
        }
        b->publishSync(n);
    });
    // performed() may come from the local API's thread: the broadcast as context queues it.
    connect(m_actions.get(), &ContactActionService::performed, b,
            [b](const ContactActionResult &r, AuditOrigin origin) {
                b->publishAudit({r.sessionId, ContactActionService::actionName(r.action), r.jid,
                                 r.ok() ? QStringLiteral("ok") : r.error.code, r.requestId,
                                 AuditLog::originName(origin)});
            });
}

void ProfileServices::noteDataUpdated(const QDateTime &at)
{
    if (!at.isValid() || (m_dataUpdatedAt.isValid() && at <= m_dataUpdatedAt))
        return;
    m_dataUpdatedAt = at;
    Q_EMIT dataUpdated(at);
}

void ProfileServices::startLocalApi()
{
    m_localApi = std::make_unique<LocalApiService>(m_signIn);
    if (m_options.localApiPort >= 0)
        m_localApi->setPort(quint16(m_options.localApiPort));
    m_localApi->setDatabasePath(m_databasePath);
    m_localApi->setDiscoveryFile(m_options.discoveryFilePath, m_options.writeDiscoveryFile);
    m_localApi->setClientFactory(m_clients.get());
    m_localApi->setContactActions(m_actions.get());
    m_localApi->setReachability(m_reachability);
    m_localApi->setBroadcast(m_broadcast.get());
    m_localApi->setSyncTrigger(
        [this](const QString &session, QString *reason) { return startSync(session, reason); });
    m_localApi->start();
}

void ProfileServices::refreshSessions()
{
    if (!m_client) {
        Q_EMIT sessionsRefreshed(false, tr("not signed in"));
        return;
    }
    // Needs "manage"; a 403 leaves the sessions added by hand.
    m_client->listSessions(this, [this](const GatewayResult<Page<WaSession>> &r) {
        if (!r.ok()) {
            qCWarning(lcProfileServices).noquote() << "cannot list sessions:" << r.error.describe();
            storeSessions(std::nullopt, r.error.describe());
            return;
        }
        m_listedSessions.clear();
        for (const WaSession &s : r.value->items)
            m_listedSessions << s.id;
        storeSessions(r.value->items, QString());
    });
}

void ProfileServices::storeSessions(const std::optional<QList<WaSession>> &sessions,
                                    const QString &listProblem)
{
    const QStringList known = knownSessions();
    // Said once the rows are stored, so that whoever refreshes then sees them. Sessions never
    // synced to the end (a first sign-in, a new session) are synced at once.
    m_writer->post(QStringLiteral("sessions"),
                   [this, sessions, known, listProblem](CacheDatabase &db, QString *e) {
                       CacheWriter writer(db);
                       const bool stored = !sessions || writer.upsertSessions(*sessions);
                       if (!stored)
                           *e = writer.lastError();
                       QStringList neverSynced;
                       CacheReader reader(db);
                       for (const QString &id : known)
                           if (stored && !reader.lastCompleteSyncAt(id))
                               neverSynced << id;
                       const bool ok = stored && sessions;
                       const QString problem = stored ? listProblem : *e;
                       QMetaObject::invokeMethod(
                           this,
                           [this, ok, problem, neverSynced] {
                               Q_EMIT sessionsRefreshed(ok, problem);
                               queueSyncs(neverSynced);
                           },
                           Qt::QueuedConnection);
                       return stored;
                   });
}

QStringList ProfileServices::knownSessions() const
{
    QStringList ids = m_listedSessions;
    for (const QString &id : m_signIn ? m_signIn->sessionIds() : QStringList())
        if (!ids.contains(id))
            ids << id;
    return ids;
}

bool ProfileServices::startSync(const QString &sessionId, QString *reason)
{
    if (sessionId.isEmpty()) {
        *reason = tr("no session was named");
        return false;
    }
    if (m_sync->isRunning()) {
        *reason = tr("a sync is already running (%1)").arg(m_sync->runningSession());
        return false;
    }
    GatewayClient *client = m_clients->make();
    if (!client) {
        *reason = tr("the console is not signed in");
        return false;
    }
    if (!m_sync->start(m_databasePath, client, sessionId, m_options.syncOptions)) {
        delete client; // still ours when refused
        *reason = tr("the sync could not start");
        return false;
    }
    m_syncQueue.removeAll(sessionId);
    qCInfo(lcProfileServices).noquote() << "syncing" << sessionId;
    Q_EMIT syncStarted(sessionId);
    return true;
}

void ProfileServices::queueSyncs(const QStringList &sessionIds)
{
    for (const QString &id : sessionIds)
        if (!m_syncQueue.contains(id) && m_sync->runningSession() != id)
            m_syncQueue << id;
    syncNextQueued();
}

void ProfileServices::setScheduledSyncPaused(bool paused)
{
    if (m_syncIntervalMs <= 0 || paused == !m_syncTimer->isActive())
        return;
    if (paused)
        m_syncTimer->stop();
    else
        m_syncTimer->start();
}

void ProfileServices::scheduledSync()
{
    qCInfo(lcProfileServices) << "scheduled sync of" << knownSessions().size() << "sessions";
    queueSyncs(knownSessions());
}

void ProfileServices::syncNextQueued()
{
    while (!m_syncQueue.isEmpty() && !m_sync->isRunning()) {
        const QString session = m_syncQueue.takeFirst();
        QString reason;
        if (!startSync(session, &reason))
            qCWarning(lcProfileServices).noquote()
                << "sync of" << session << "not started:" << reason;
    }
}
