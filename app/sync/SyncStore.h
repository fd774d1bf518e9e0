#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class CacheWriter;
class SearchIndexer;

// The sync's writes, on a thread and a cache connection of their own, so that storing one
// page overlaps fetching and decoding the next ones.
//
// Jobs run in the order they were posted. While they arrive faster than they are written,
// the ones waiting (and those arriving for up to a second) share one transaction; a writer
// of this process waiting for the lock (an audit entry) ends it early and goes first.
// That is what makes storing nearly free: a sync page touches hundreds of index pages at
// random, and every commit writes each page it touched to the WAL again, so a commit per
// sync page would write the same index pages over and over. Each page is still stored
// whole, with its resume cursor, or not at all: when a job fails, its whole transaction is
// rolled back and every job in it reports the failure.
//
// After a Page job failed, later Page jobs are not run (their pages would leave a gap before
// a saved cursor) until the next beginRun(); Control jobs (fail a pass, index) still run.
class SyncStore : public QObject
{
    Q_OBJECT
public:
    // Runs on the store's thread; false and *error when the job's work was not stored.
    using Work = std::function<bool(CacheWriter &writer, SearchIndexer &indexer, QString *error)>;
    // Runs on the thread that owns this object, after the job's transaction committed (ok)
    // or failed.
    using Done = std::function<void(bool ok, const QString &error)>;
    // One step of search indexing (postIndexing()): true when it indexed something and may
    // have more to do.
    using IndexStep = std::function<bool(SearchIndexer &indexer)>;
    // Index: the jobs of postIndexing(). Each step ends its transaction: once FTS5 tables were
    // written in a transaction, every later statement in it makes them flush (their
    // xSavepoint), which makes the pages stored after an indexing step several times slower.
    enum class Kind {
        Page,
        Control,
        Index
    };

    // Opens its own ReadWrite connection to the cache at path on its thread.
    explicit SyncStore(const QString &cachePath, QObject *parent = nullptr);
    // Finishes the transaction running now; jobs not started yet are dropped (each page is
    // whole or absent, so the cache stays consistent) and their Done never runs.
    ~SyncStore() override;

    // A new run: earlier failures no longer hold back Page jobs.
    void beginRun();
    void post(Kind kind, Work work, Done done = {});
    // Runs step again and again, each run the last of its transaction, until it returns
    // false; jobs posted after it wait until then. A writer of this process waiting for the
    // lock goes between two steps, so it waits for one batch, not for the whole index (the
    // end of a large sync indexes for seconds).
    void postIndexing(IndexStep step);
    // Blocks until every job posted so far has run and committed. Their Done callbacks
    // still arrive later, through the event loop.
    void waitUntilIdle();
    // Jobs posted whose Done has not run yet.
    int pending() const { return m_pending; }

private:
    struct Shared;
    void deliver(quint64 serial, bool ok, const QString &error);

    std::shared_ptr<Shared> m_shared;
    QHash<quint64, Done> m_callbacks; // by job serial
    int m_pending = 0;
};
