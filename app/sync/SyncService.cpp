#include "sync/SyncService.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "cache/CacheWriter.h"
#include "gateway/GatewayClient.h"
#include "sync/SyncEngine.h"
#include "sync/SyncLock.h"

#include <memory>

// One sync on the worker thread: opens its connection, takes the session's lock, runs the
// engine, reports, and deletes itself.
class SyncJob : public QObject
{
    Q_OBJECT
public:
    SyncJob(QString path, GatewayClient *client, QString session, SyncOptions options)
        : m_path(std::move(path))
        , m_client(client)
        , m_session(std::move(session))
        , m_options(options)
    {
    }

    void run()
    {
        m_client->setParent(this);
        QString error;
        m_db = CacheDatabase::open(m_path, CacheDatabase::Mode::ReadWrite, &error);
        if (!m_db)
            return refuse(tr("The cache cannot be opened: %1").arg(error));
        m_lock = std::make_unique<SyncLock>(m_path, m_session);
        if (!m_lock->tryLock())
            return refuse(
                tr("This session is already being synced (by another window or a terminal)."));
        m_writer = std::make_unique<CacheWriter>(*m_db);
        m_reader = std::make_unique<CacheReader>(*m_db);
        m_writer->addSession(m_session);
        m_engine = std::make_unique<SyncEngine>(m_client, m_path);
        m_engine->setReader(m_reader.get());
        connect(m_engine.get(), &SyncEngine::progress, this, &SyncJob::progress);
        connect(m_engine.get(), &SyncEngine::finished, this,
                [this](const SyncOutcome &o) { done(o); });
        m_engine->start(m_session, m_options);
    }

    void cancel()
    {
        if (m_engine)
            m_engine->cancel();
    }

    ~SyncJob() override
    {
        // The engine and its statements go before the connection they use.
        m_engine.reset();
        m_reader.reset();
        m_writer.reset();
        m_db.reset();
    }

Q_SIGNALS:
    void progress(const SyncProgress &progress);
    void finished(const SyncOutcome &outcome);

private:
    void refuse(const QString &message)
    {
        SyncOutcome o;
        o.status = SyncOutcome::Status::Refused;
        o.sessionId = m_session;
        o.message = message;
        done(o);
    }

    void done(const SyncOutcome &outcome)
    {
        Q_EMIT finished(outcome);
        deleteLater();
    }

    QString m_path;
    GatewayClient *m_client;
    QString m_session;
    SyncOptions m_options;
    std::unique_ptr<CacheDatabase> m_db;
    std::unique_ptr<SyncLock> m_lock;
    std::unique_ptr<CacheWriter> m_writer;
    std::unique_ptr<CacheReader> m_reader;
    std::unique_ptr<SyncEngine> m_engine;
};

SyncService::SyncService(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<SyncProgress>();
    qRegisterMetaType<SyncOutcome>();
    m_thread.setObjectName(QStringLiteral("sync"));
    m_thread.start();
}

SyncService::~SyncService()
{
    if (SyncJob *job = m_job.data())
        QMetaObject::invokeMethod(
            job, [job] { delete job; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool SyncService::start(const QString &databasePath, GatewayClient *client,
                        const QString &sessionId, const SyncOptions &options)
{
    if (isRunning() || !client)
        return false;
    auto *job = new SyncJob(databasePath, client, sessionId, options);
    client->setParent(nullptr);
    client->moveToThread(&m_thread);
    job->moveToThread(&m_thread);
    m_job = job;
    m_session = sessionId;
    connect(job, &SyncJob::progress, this, &SyncService::progress);
    connect(job, &SyncJob::finished, this, [this](const SyncOutcome &outcome) {
        m_job.clear(); // the job deletes itself on its thread; a new sync may start now
        Q_EMIT finished(outcome);
    });
    QMetaObject::invokeMethod(job, &SyncJob::run, Qt::QueuedConnection);
    Q_EMIT started(sessionId);
    return true;
}

void SyncService::cancel()
{
    if (SyncJob *job = m_job.data())
        QMetaObject::invokeMethod(job, &SyncJob::cancel, Qt::QueuedConnection);
}

#include "SyncService.moc"
