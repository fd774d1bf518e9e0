#pragma once

#include "actions/ContactActionService.h"
#include "cache/CacheTypes.h"
#include "localapi/StoredResponseCache.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class AuditLog;

class GatewayReachability;
class CacheDatabase;
class CacheReader;
class GatewayClient;

// What the local API's routes work on, per server thread: a Read connection to the profile's
// cache (CacheReader), a ReadWrite one for the audit log, and the GatewayClient that forwards
// live actions. openOnThread()/closeOnThread() are LocalApiConfig's onThreadStarted and
// onThreadFinished; between them, everything but the "shared" part is used on that thread only.
class LocalApiBackend
{
public:
    // Asks the owner (on the owner's thread) to sync a session; returns false and says why
    // when it refused (a sync is already running, not signed in...).
    using SyncTrigger = std::function<bool(const QString &sessionId, QString *reason)>;

    struct Options {
        QString databasePath;
        QString profile; // written into audit entries
        // Configured (SignInController::applyTo) and detached from every thread with
        // moveToThread(nullptr); pulled onto the server thread by openOnThread(). Owned.
        GatewayClient *client = nullptr;
        // Block and unblock go through it (audited); must outlive the backend. May be null.
        QPointer<ContactActionService> actions;
        QObject *syncContext = nullptr; // lives on the owner's thread; the trigger runs there
        SyncTrigger syncTrigger;
        std::shared_ptr<GatewayReachability> reachability; // made when not given
    };

    explicit LocalApiBackend(Options options);
    ~LocalApiBackend();
    LocalApiBackend(const LocalApiBackend &) = delete;
    LocalApiBackend &operator=(const LocalApiBackend &) = delete;

    void openOnThread();
    void closeOnThread();

    // Server thread only. Null when the cache could not be opened (routes answer 503).
    CacheReader *reader() const { return m_reader.get(); }
    // The audit log for reading (entries are written by the ContactActionService).
    AuditLog *audit() const { return m_audit.get(); }
    GatewayClient *client() const { return m_client; }
    QObject *threadContext() const { return m_context.get(); }
    QString openError() const { return m_openError; }
    QString profile() const { return m_options.profile; }
    QObject *syncContext() const { return m_options.syncContext; }
    const SyncTrigger &syncTrigger() const { return m_options.syncTrigger; }

    // A stored session and its last complete sync, cached on the server thread until the
    // cache changes (PRAGMA data_version, asked at most every 50 ms): the hot routes then
    // read only their own rows.
    // nullopt: unknown session (*error empty) or a read error (*error set).
    struct SessionInfo {
        CachedSession session;
        OptInt lastCompleteSyncAt;
        OptInt syncedAt() const
        {
            return lastCompleteSyncAt ? lastCompleteSyncAt : session.syncedAt;
        }
    };
    std::optional<SessionInfo> sessionInfo(const QString &sessionId, QString *error);

    // The cache's PRAGMA data_version, asked at most every 50 ms; -1 when unknown.
    qint64 dataVersion();
    // Answers of the stored routes at dataVersion() (server thread only).
    StoredResponseCache &storedAnswers() { return m_storedAnswers; }

    // One read transaction around a request's statements: one consistent snapshot (a contact
    // and its memberships from the same commit) and one round of file locking instead of one
    // per statement. No-op when the cache is not open.
    class ReadSnapshot
    {
    public:
        explicit ReadSnapshot(LocalApiBackend &backend);
        ~ReadSnapshot();
        ReadSnapshot(const ReadSnapshot &) = delete;
        ReadSnapshot &operator=(const ReadSnapshot &) = delete;

    private:
        CacheDatabase *m_db = nullptr;
    };

    // What every gateway client of the profile learnt of the gateway; any thread.
    GatewayReachability &reachability() const { return *m_options.reachability; }
    ContactActionService *actions() const { return m_options.actions; }

    // Key of the contact cursors' HMAC (random per backend: cursors do not outlive it).
    QByteArray cursorKey() const { return m_cursorKey; }

private:
    Options m_options;
    std::unique_ptr<CacheDatabase> m_readDb;
    std::unique_ptr<CacheReader> m_reader;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<QObject> m_context;
    GatewayClient *m_client = nullptr;
    QString m_openError;
    QHash<QString, SessionInfo> m_sessionInfo;
    qint64 m_sessionInfoVersion = -1;
    qint64 m_dataVersion = -1;
    QElapsedTimer m_dataVersionChecked;
    StoredResponseCache m_storedAnswers;
    QByteArray m_cursorKey;
};
