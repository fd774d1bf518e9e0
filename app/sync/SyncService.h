#pragma once

#include "sync/SyncTypes.h"

#include <QObject>
#include <QPointer>
#include <QThread>

class GatewayClient;
class SyncJob;

// Runs syncs for the window off the GUI thread: each sync gets its own cache connection and
// gateway client on a worker thread, so storing a million contacts never stalls painting.
// One sync at a time per service; a second start is refused, as is a session another
// process is syncing (SyncLock).
class SyncService : public QObject
{
    Q_OBJECT
public:
    explicit SyncService(QObject *parent = nullptr);
    ~SyncService() override;

    // Takes over `client` (configured, e.g. by SignInController::applyTo, and without a
    // parent). False when a sync is already running: the client then stays the caller's.
    bool start(const QString &databasePath, GatewayClient *client, const QString &sessionId,
               const SyncOptions &options = {});
    void cancel();
    bool isRunning() const { return !m_job.isNull(); }
    QString runningSession() const { return isRunning() ? m_session : QString(); }

Q_SIGNALS:
    // Whoever started it: the window's button, the local API, the headless queue.
    void started(const QString &sessionId);
    void progress(const SyncProgress &progress);
    void finished(const SyncOutcome &outcome);

private:
    QThread m_thread;
    QPointer<SyncJob> m_job;
    QString m_session;
};
