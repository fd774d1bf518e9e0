#include "sync/SyncEngine.h"

#include "cache/CacheWriter.h"
#include "cache/SearchIndexer.h"
#include "core/Logging.h"
#include "sync/SyncStore.h"

#include <algorithm>

// The engine's lifecycle, its request scheduling, and storing; the phases are in
// SyncEngineContacts.cpp (contacts and details) and SyncEngineMembers.cpp.

namespace {
// New contacts are indexed for search every this many stored, on the store's thread (rows
// waiting for it are still found, more slowly: a search looks every queued one up). Tags half
// as often: a contact's tags are indexed again at every step where one of its memberships
// arrived since, so each step repeats work. (A session's first members pass indexes no tags
// until its end, all at once: the writer's SearchQueue does that, and searches read them from
// the memberships meanwhile.) An indexing step ends the store's shared transaction; FTS5
// indexes large batches cheaper.
constexpr int kIndexEvery = 25000;    // contacts stored
constexpr int kTagIndexEvery = 50000; // memberships stored (never in a first members pass)
constexpr int kIndexBatch = 50000;    // rows per SearchIndexer step
// Back-off after the gateway kept refusing (429/503): 0.5 s doubling to 16 s, at most this
// many times in a row before the sync gives up and reports it.
constexpr int kMaxBackOffs = 8;
} // namespace

SyncEngine::SyncEngine(GatewayClient *client, const QString &cachePath, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(std::make_unique<SyncStore>(cachePath))
{
    m_budgetTimer.setSingleShot(true);
    connect(&m_budgetTimer, &QTimer::timeout, this, &SyncEngine::pump);
    m_pauseTimer.setSingleShot(true);
    connect(&m_pauseTimer, &QTimer::timeout, this, &SyncEngine::pump);
}

SyncEngine::~SyncEngine()
{
    // Cancelling delivers synchronously: retire this run first so no handler touches the
    // engine (or the list being walked) while it is destroyed.
    m_running = false;
    ++m_runId;
    const QList<GatewayRequest> active = std::exchange(m_run.active, {});
    for (const GatewayRequest &r : active)
        r.cancel();
    // m_store goes next: it finishes the transaction running now and drops the rest.
}

SyncEngine::Run::Run(const QString &sessionId, const SyncOptions &syncOptions)
    : session(sessionId)
    , options(syncOptions)
    , budget(syncOptions.requestsPerMinute)
    , detailsDone(!syncOptions.deep)
{
    options.maxInFlight = std::clamp(syncOptions.maxInFlight, 1, 16);
    outcome.sessionId = sessionId;
    elapsed.start();
}

bool SyncEngine::start(const QString &sessionId, const SyncOptions &options)
{
    if (m_running)
        return false;
    m_running = true;
    ++m_runId;
    m_run = Run(sessionId, options);
    m_store->beginRun();
    qCInfo(lcSync) << "sync of" << sessionId << "started";
    if (options.deep && !m_reader) {
        failWith(tr("A deep sync needs the cache's reader."));
        return true;
    }

    beginContacts(true);
    if (m_running)
        beginGroups();
    return true;
}

void SyncEngine::cancel()
{
    if (m_running)
        end(SyncOutcome::Status::Cancelled, tr("Sync cancelled."), {});
}

// --- scheduling -------------------------------------------------------------------------

void SyncEngine::enqueue(Send send, bool urgent)
{
    if (urgent)
        m_run.waiting.push_front(std::move(send));
    else
        m_run.waiting.push_back(std::move(send));
    pump();
}

void SyncEngine::pump()
{
    if (m_pauseTimer.isActive())
        return;
    while (m_running && m_run.inFlight < m_run.options.maxInFlight && !m_run.waiting.empty()) {
        const int wait = m_run.budget.take();
        if (wait > 0) {
            if (!m_budgetTimer.isActive())
                m_budgetTimer.start(wait);
            return;
        }
        Send send = std::move(m_run.waiting.front());
        m_run.waiting.pop_front();
        ++m_run.inFlight;
        ++m_run.outcome.requests;
        m_run.active.removeIf([](const GatewayRequest &r) { return !r.isRunning(); });
        m_run.active.append(send());
    }
}

void SyncEngine::requestDone()
{
    --m_run.inFlight;
}

bool SyncEngine::backOff(const GatewayError &error, std::function<void()> again)
{
    if (!error.isTransient() || error.kind != GatewayError::Kind::Api
        || m_run.backOffs >= kMaxBackOffs)
        return false;
    const int delay = 500 << std::min(m_run.backOffs, 5);
    ++m_run.backOffs;
    qCInfo(lcSync) << "the gateway asks to slow down; pausing" << delay << "ms" << error.requestId;
    m_pauseTimer.start(delay);
    again(); // queued; sent when the pause ends
    return true;
}

// --- the end ----------------------------------------------------------------------------

void SyncEngine::store(SyncStore::Kind kind, SyncStore::Work work, std::function<void()> then,
                       const QString &failMessage)
{
    ++m_run.storing;
    m_store->post(
        kind, std::move(work),
        [this, run = m_runId, then = std::move(then), failMessage](bool ok, const QString &error) {
            if (run != m_runId)
                return; // an earlier run's: it has ended
            --m_run.storing;
            if (!ok) {
                failWith(failMessage.arg(error));
                return;
            }
            if (then)
                then();
            maybeFinish();
        });
}

void SyncEngine::indexSome(bool everything)
{
    const bool contacts = everything || m_run.unindexedContacts >= kIndexEvery;
    // A step with nothing to index would still end the store's transaction early.
    const bool tagsWait = m_run.membersPass && m_run.membersPass->tagsWaitForEnd;
    const bool tags = everything || (m_run.unindexedMembers >= kTagIndexEvery && !tagsWait);
    if (!contacts && !tags)
        return;
    // Not a Page job: what was stored is worth indexing even after a later page failed. One
    // batch a step, each step committed on its own.
    m_store->postIndexing([contacts, tags](SearchIndexer &indexer) {
        const int indexed = contacts ? indexer.indexContacts(kIndexBatch) : 0;
        const int indexedTags = tags && indexed == 0 ? indexer.indexTags(kIndexBatch) : 0;
        if (indexed < 0 || indexedTags < 0) {
            // The rows are stored; only search is behind. Readers stay exact (slower
            // plans), and the next sync or idle pass indexes them.
            qCWarning(lcSync) << "search indexing failed:" << indexer.lastError();
            return false;
        }
        return indexed + indexedTags > 0;
    });
    if (contacts)
        m_run.unindexedContacts = 0;
    if (tags)
        m_run.unindexedMembers = 0;
}

void SyncEngine::reportProgress(const QString &phase, qint64 done, qint64 total)
{
    Q_EMIT progress(SyncProgress{m_run.session, phase, done, total});
}

void SyncEngine::maybeFinish()
{
    if (!m_running || m_run.finishing || !m_run.contactsDone || !m_run.membersDone
        || !m_run.detailsDone || m_run.inFlight > 0 || m_run.storing > 0)
        return;
    m_run.finishing = true;
    reportProgress(QStringLiteral("index"), 0, -1);
    indexSome(true);
    m_store->waitUntilIdle();
    QString message = tr("Synced %1 contacts, %2 groups and %3 memberships.")
                          .arg(m_run.outcome.contacts)
                          .arg(m_run.outcome.groups)
                          .arg(m_run.outcome.members);
    if (m_run.options.deep)
        message += QLatin1Char(' ') + tr("%1 contact details.").arg(m_run.outcome.details);
    end(SyncOutcome::Status::Completed, message, {});
}

void SyncEngine::failWith(const QString &message, const GatewayError &error)
{
    end(SyncOutcome::Status::Failed, message, error);
}

void SyncEngine::end(SyncOutcome::Status status, const QString &message, const GatewayError &error)
{
    if (!m_running)
        return;
    m_running = false;
    ++m_runId; // answers still on their way belong to this run: they are ignored
    m_budgetTimer.stop();
    m_pauseTimer.stop();
    m_run.waiting.clear();
    const QList<GatewayRequest> active = std::exchange(m_run.active, {});
    for (const GatewayRequest &r : active)
        r.cancel();
    m_run.inFlight = 0;
    if (status != SyncOutcome::Status::Completed) {
        // Keep everything and the resume cursors; nothing is swept. (A pass whose finish is
        // still queued completes first; failing it afterwards is then refused, harmlessly.)
        const QString why = error.isError() ? error.describe() : message;
        for (const std::optional<SyncPass> &pass :
             {m_run.contactsDone ? std::nullopt : m_run.contactsPass,
              m_run.membersDone ? std::nullopt : m_run.membersPass}) {
            if (!pass)
                continue;
            m_store->post(SyncStore::Kind::Control,
                          [pass = *pass, why, requestId = error.requestId](
                              CacheWriter &writer, SearchIndexer &, QString *) {
                              writer.failPass(pass, why, requestId);
                              return true;
                          });
        }
        indexSome(true); // what was stored is searchable right away
    }
    // Everything fetched is stored (or refused) before anyone hears the sync ended.
    m_store->waitUntilIdle();
    m_run.outcome.status = status;
    m_run.outcome.message = message;
    m_run.outcome.error = error;
    m_run.outcome.elapsedMs = m_run.elapsed.elapsed();
    qCInfo(lcSync) << "sync of" << m_run.session << "ended:" << message << error.requestId;
    Q_EMIT finished(m_run.outcome);
}
