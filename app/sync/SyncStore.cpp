#include "sync/SyncStore.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheWriter.h"
#include "cache/SearchIndexer.h"
#include "core/Logging.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <deque>
#include <optional>

namespace {
// A transaction takes the jobs waiting, and those arriving meanwhile, for up to this long:
// long enough that a commit is shared by many pages, short enough that readers see new rows
// soon. Another writer of this
// process never waits for it: the transaction ends as soon as one is waiting.
constexpr int kBatchMs = 1000;
// An idle store waits this long for a next job before committing a lone one.
constexpr int kLingerMs = 20;
// After a transaction, while a writer on another connection is waiting for the lock, the
// store waits for it (polling this often, at most kYieldMaxMs; the waiting one only notices
// the lock is free at its next busy_timeout retry), and after a full transaction it leaves
// the lock free kYieldMs anyway for writers in other processes.
constexpr int kYieldMs = 5;
constexpr int kYieldPollMs = 2;
constexpr int kYieldMaxMs = 500;
} // namespace

struct SyncStore::Shared {
    struct Job {
        quint64 serial = 0;
        Kind kind = Kind::Page;
        quint64 run = 0;
        Work work;      // Page, Control
        IndexStep step; // Index
    };
    struct Result {
        quint64 serial = 0;
        bool ok = false;
        QString error;
        Kind kind = Kind::Page;
        quint64 run = 0;
    };

    QString path;
    QMutex mutex;
    QWaitCondition changed;
    std::deque<Job> jobs;
    bool stopping = false;
    bool busy = false;     // a transaction is running
    quint64 run = 1;       // beginRun() count, as seen by the poster
    quint64 failedRun = 0; // a Page job of this run failed: its later Page jobs are skipped
    quint64 lastSerial = 0;
    QThread *thread = nullptr;
    SyncStore *owner = nullptr; // receives results; null once the SyncStore is gone
    // For the log line at the end: how much was grouped, and where the time went.
    qint64 batches = 0, jobsRun = 0, workNs = 0, commitNs = 0;

    void runLoop();
    // Blocks until there are jobs (true, now busy) or the store stops (false).
    bool waitForJobs();
    // The cache could not be opened: every job waiting fails.
    void refuseAll(const QString &error, QList<Result> *results);
    // Hands results to the owner's thread and ends the busy spell; true when more jobs wait.
    bool publish(const QList<Result> &results);
    // Leaves the write lock free for a moment for other writers (see kYieldMs).
    void yieldLock(bool full);
    // Runs waiting jobs in one transaction; false when that transaction failed as a whole.
    bool runBatch(CacheDatabase &db, CacheWriter &writer, SearchIndexer &indexer,
                  QList<Result> *results);
    // The next job for the running transaction: one waiting, or one arriving within
    // kLingerMs while the transaction is young.
    std::optional<Job> nextJob(const QElapsedTimer &elapsed);
    bool runStep(Job &job, SearchIndexer &indexer); // true: it has more steps
    bool runWork(Job &job, CacheWriter &writer, SearchIndexer &indexer, QString *error);
    bool commitBatch(WriteTransaction &batch, const QString &failure);
    // Every job of a rolled-back batch fails with failure; a Page job's run takes no more.
    void failBatch(const QString &failure, const std::optional<Result> &requeued,
                   QList<Result> *results);
};

SyncStore::SyncStore(const QString &cachePath, QObject *parent)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>())
{
    m_shared->path = cachePath;
    m_shared->owner = this;
    std::shared_ptr<Shared> shared = m_shared;
    m_shared->thread = QThread::create([shared] { shared->runLoop(); });
    m_shared->thread->setObjectName(QStringLiteral("SyncStore"));
    m_shared->thread->start();
}

SyncStore::~SyncStore()
{
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->stopping = true;
        m_shared->jobs.clear();
        m_shared->owner = nullptr;
        m_shared->changed.wakeAll();
    }
    m_shared->thread->wait();
    delete m_shared->thread;
}

void SyncStore::beginRun()
{
    QMutexLocker lock(&m_shared->mutex);
    ++m_shared->run;
}

void SyncStore::post(Kind kind, Work work, Done done)
{
    quint64 serial = 0;
    {
        QMutexLocker lock(&m_shared->mutex);
        serial = ++m_shared->lastSerial;
        m_shared->jobs.push_back(Shared::Job{serial, kind, m_shared->run, std::move(work), {}});
        m_shared->changed.wakeAll();
    }
    ++m_pending;
    // Results come back through the event loop of this object's thread (see deliver()).
    m_callbacks.insert(serial, std::move(done));
}

void SyncStore::postIndexing(IndexStep step)
{
    {
        QMutexLocker lock(&m_shared->mutex);
        const quint64 serial = ++m_shared->lastSerial;
        m_shared->jobs.push_back(
            Shared::Job{serial, Kind::Index, m_shared->run, {}, std::move(step)});
        m_shared->changed.wakeAll();
    }
    ++m_pending; // its result comes back once, after the last step, with nobody to call
}

void SyncStore::waitUntilIdle()
{
    QMutexLocker lock(&m_shared->mutex);
    while (!m_shared->jobs.empty() || m_shared->busy)
        m_shared->changed.wait(&m_shared->mutex);
}

void SyncStore::deliver(quint64 serial, bool ok, const QString &error)
{
    --m_pending;
    const Done done = m_callbacks.take(serial);
    if (done)
        done(ok, error);
}

void SyncStore::Shared::runLoop()
{
    QString error;
    std::unique_ptr<CacheDatabase> db = CacheDatabase::open(path, CacheDatabase::Mode::ReadWrite,
                                                            &error);
    std::unique_ptr<CacheWriter> writer;
    std::unique_ptr<SearchIndexer> indexer;
    if (db) {
        db->setBulkWriter(true);
        writer = std::make_unique<CacheWriter>(*db);
        indexer = std::make_unique<SearchIndexer>(*db);
    } else {
        qCWarning(lcSync) << "the sync's store cannot open the cache:" << error;
    }
    while (waitForJobs()) {
        QList<Result> results;
        if (!db)
            refuseAll(error, &results);
        else if (!runBatch(*db, *writer, *indexer, &results))
            writer = std::make_unique<CacheWriter>(*db); // it may remember rolled-back rows
        yieldLock(publish(results));
    }
    qCInfo(lcSync).nospace() << "sync store: " << jobsRun << " jobs in " << batches
                             << " transactions, " << workNs / 1000000 << " ms storing, "
                             << commitNs / 1000000 << " ms committing";
    indexer.reset();
    writer.reset();
    db.reset();
}

bool SyncStore::Shared::waitForJobs()
{
    QMutexLocker lock(&mutex);
    while (jobs.empty() && !stopping)
        changed.wait(&mutex);
    if (stopping)
        return false;
    busy = true;
    return true;
}

void SyncStore::Shared::refuseAll(const QString &error, QList<Result> *results)
{
    QMutexLocker lock(&mutex);
    for (const Job &job : jobs)
        results->append(
            Result{job.serial, false, QStringLiteral("The cache cannot be opened: %1").arg(error)});
    jobs.clear();
}

bool SyncStore::Shared::publish(const QList<Result> &results)
{
    QMutexLocker lock(&mutex);
    busy = false;
    changed.wakeAll();
    if (owner) {
        QMetaObject::invokeMethod(
            owner,
            [owner = owner, results] {
                for (const Result &r : results)
                    owner->deliver(r.serial, r.ok, r.error);
            },
            Qt::QueuedConnection);
    }
    return !jobs.empty();
}

void SyncStore::Shared::yieldLock(bool full)
{
    if (full)
        QThread::msleep(kYieldMs);
    for (int waited = 0; CacheDatabase::writersWaiting() > 0 && waited < kYieldMaxMs;
         waited += kYieldPollMs)
        QThread::msleep(kYieldPollMs);
}

std::optional<SyncStore::Shared::Job> SyncStore::Shared::nextJob(const QElapsedTimer &elapsed)
{
    QMutexLocker lock(&mutex);
    if (jobs.empty() && !stopping && elapsed.elapsed() < kBatchMs)
        changed.wait(&mutex, kLingerMs);
    if (jobs.empty() || stopping)
        return std::nullopt;
    Job job = std::move(jobs.front());
    jobs.pop_front();
    return job;
}

bool SyncStore::Shared::runStep(Job &job, SearchIndexer &indexer)
{
    QElapsedTimer work;
    work.start();
    const bool more = job.step(indexer);
    workNs += work.nsecsElapsed();
    ++jobsRun;
    return more;
}

bool SyncStore::Shared::runWork(Job &job, CacheWriter &writer, SearchIndexer &indexer,
                                QString *error)
{
    QElapsedTimer work;
    work.start();
    const bool ok = job.work(writer, indexer, error);
    workNs += work.nsecsElapsed();
    ++jobsRun;
    return ok;
}

bool SyncStore::Shared::runBatch(CacheDatabase &db, CacheWriter &writer, SearchIndexer &indexer,
                                 QList<Result> *results)
{
    WriteTransaction batch(db);
    QElapsedTimer elapsed;
    elapsed.start();
    QString failure;
    std::optional<Result> requeued; // an indexing job with more steps, back at the queue's front
    while (std::optional<Job> job = nextJob(elapsed)) {
        Result result{job->serial, false, {}, job->kind, job->run};
        if (!batch.isActive()) {
            result.error = batch.errorString();
        } else if (job->kind == Kind::Page && job->run == failedRun) {
            result.error = QStringLiteral("Not stored: an earlier page of this sync failed.");
        } else if (job->kind == Kind::Index && job->step) {
            if (runStep(*job, indexer)) {
                // Its next step starts the next transaction, once runLoop() has let any
                // waiting writer in.
                requeued = result;
                QMutexLocker lock(&mutex);
                jobs.push_front(std::move(*job));
                break;
            }
            result.ok = true;
        } else {
            result.ok = runWork(*job, writer, indexer, &result.error);
            if (!result.ok) {
                // It may have written part of its work: the whole batch is rolled back.
                failure = result.error.isEmpty() ? QStringLiteral("Storing failed.") : result.error;
                results->append(result);
                break;
            }
        }
        results->append(result);
        if (!batch.isActive() || job->kind == Kind::Index || elapsed.elapsed() >= kBatchMs
            || CacheDatabase::writersWaiting() > 0)
            break;
    }
    if (commitBatch(batch, failure))
        return true;
    failBatch(failure.isEmpty() ? batch.errorString() : failure, requeued, results);
    return false;
}

bool SyncStore::Shared::commitBatch(WriteTransaction &batch, const QString &failure)
{
    QElapsedTimer commit;
    commit.start();
    ++batches;
    const bool committed = failure.isEmpty() && batch.isActive() && batch.commit();
    commitNs += commit.nsecsElapsed();
    return committed;
}

void SyncStore::Shared::failBatch(const QString &failure, const std::optional<Result> &requeued,
                                  QList<Result> *results)
{
    // Nothing of this batch was stored; every job in it reports why.
    if (requeued) {
        // Not again: a cache that cannot commit would run its steps forever.
        QMutexLocker lock(&mutex);
        if (!jobs.empty() && jobs.front().serial == requeued->serial)
            jobs.pop_front();
        results->append(*requeued);
    }
    for (Result &r : *results) {
        if (r.ok || r.error.isEmpty())
            r.error = failure;
        r.ok = false;
        if (r.kind == Kind::Page)
            failedRun = r.run;
    }
}
