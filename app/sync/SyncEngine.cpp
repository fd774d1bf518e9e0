#include "sync/SyncEngine.h"

#include "cache/CacheReader.h"
#include "cache/CacheWriter.h"
#include "cache/SearchIndexer.h"
#include "core/Logging.h"

#include <algorithm>

namespace {
// Members fetched ahead of the group being stored, at most; bounds memory when one group
// is slow and the others are quick.
constexpr int kMembersLookAhead = 16;
// Search indexing runs in batches between pages, while the next page is on the wire.
constexpr int kIndexBatch = 4000;
// Back-off after the gateway kept refusing (429/503): 0.5 s doubling to 16 s, at most this
// many times in a row before the sync gives up and reports it.
constexpr int kMaxBackOffs = 8;
} // namespace

SyncEngine::SyncEngine(GatewayClient *client, CacheWriter *writer, SearchIndexer *indexer, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_writer(writer)
    , m_indexer(indexer)
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
    ++m_run;
    const QList<GatewayRequest> active = std::exchange(m_active, {});
    for (const GatewayRequest &r : active)
        r.cancel();
}

bool SyncEngine::start(const QString &sessionId, const SyncOptions &options)
{
    if (m_running)
        return false;
    m_running = true;
    ++m_run;
    m_session = sessionId;
    m_options = options;
    m_options.maxInFlight = std::clamp(options.maxInFlight, 1, 16);
    m_budget = RequestBudget(options.requestsPerMinute);
    m_waiting.clear();
    m_active.clear();
    m_inFlight = 0;
    m_backOffs = 0;
    m_contactsPass.reset();
    m_membersPass.reset();
    m_contactsDone = m_membersDone = false;
    m_groupJids.clear();
    m_nextGroupToFetch = m_nextGroupToStore = 0;
    m_fetchedMembers.clear();
    m_detailsDone = !options.deep;
    m_detailsCursor.clear();
    m_detailsListed = false;
    m_detailsToFetch.clear();
    m_detailsPending = 0;
    m_unindexedRows = 0;
    m_outcome = SyncOutcome{};
    m_outcome.sessionId = sessionId;
    m_elapsed.start();
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
        m_waiting.push_front(std::move(send));
    else
        m_waiting.push_back(std::move(send));
    pump();
}

void SyncEngine::pump()
{
    if (m_pauseTimer.isActive())
        return;
    while (m_running && m_inFlight < m_options.maxInFlight && !m_waiting.empty()) {
        const int wait = m_budget.take();
        if (wait > 0) {
            if (!m_budgetTimer.isActive())
                m_budgetTimer.start(wait);
            return;
        }
        Send send = std::move(m_waiting.front());
        m_waiting.pop_front();
        ++m_inFlight;
        ++m_outcome.requests;
        m_active.removeIf([](const GatewayRequest &r) { return !r.isRunning(); });
        m_active.append(send());
    }
}

void SyncEngine::requestDone()
{
    --m_inFlight;
}

bool SyncEngine::backOff(const GatewayError &error, std::function<void()> again)
{
    if (!error.isTransient() || error.kind != GatewayError::Kind::Api || m_backOffs >= kMaxBackOffs)
        return false;
    const int delay = 500 << std::min(m_backOffs, 5);
    ++m_backOffs;
    qCInfo(lcSync) << "the gateway asks to slow down; pausing" << delay << "ms" << error.requestId;
    m_pauseTimer.start(delay);
    again();   // queued; sent when the pause ends
    return true;
}

// --- contacts ---------------------------------------------------------------------------

void SyncEngine::beginContacts(bool resume)
{
    m_contactsPass = m_writer->beginPass(m_session, SyncKind::Contacts, resume);
    if (!m_contactsPass) {
        failWith(tr("The cache could not start a sync: %1").arg(m_writer->lastError()));
        return;
    }
    m_contactsPageIsFirst = true;
    if (m_contactsPass->resumed)
        qCInfo(lcSync) << "resuming the contacts pass of" << m_session;
    fetchContactsPage(m_contactsPass->resumeCursor);
}

void SyncEngine::fetchContactsPage(const QString &cursor)
{
    ContactQuery query;
    query.limit = m_options.pageSize;
    query.cursor = cursor;
    // Urgent: the contacts chain is sequential, so it must never wait behind member fetches.
    enqueue([this, query] {
        return m_client->listContacts(m_session, query, this, [this, cursor = query.cursor, run = m_run](const auto &r) {
            if (run == m_run)
                onContactsPage(cursor, r);
        });
    }, true);
}

void SyncEngine::onContactsPage(const QString &cursor, const GatewayResult<Page<Contact>> &result)
{
    requestDone();
    if (!m_running)
        return;
    if (!result.ok() && backOff(result.error, [this, cursor] { fetchContactsPage(cursor); }))
        return;
    const bool first = std::exchange(m_contactsPageIsFirst, false);
    if (!result.ok()) {
        // A saved cursor the gateway no longer accepts: start the pass over, keeping the data.
        if (first && m_contactsPass->resumed && result.error.hasCode(QLatin1String("validation_error"))) {
            qCInfo(lcSync) << "the saved cursor was refused; starting the contacts pass over";
            beginContacts(false);
            return;
        }
        failWith(tr("Fetching contacts failed: %1").arg(result.error.describe()), result.error);
        return;
    }
    m_backOffs = 0;
    const Page<Contact> &page = *result.value;
    if (page.hasMore())
        fetchContactsPage(page.nextCursor);
    if (!m_writer->storeContacts(*m_contactsPass, page.items, page.nextCursor)) {
        failWith(tr("Storing contacts failed: %1").arg(m_writer->lastError()));
        return;
    }
    m_outcome.contacts += page.items.size();
    m_unindexedRows += page.items.size();
    reportProgress(QStringLiteral("contacts"), m_outcome.contacts, -1);
    if (!page.hasMore()) {
        if (!m_writer->finishPass(*m_contactsPass)) {
            failWith(tr("Finishing the contacts pass failed: %1").arg(m_writer->lastError()));
            return;
        }
        m_contactsDone = true;
        if (!m_detailsDone)
            feedDetails();
    }
    indexSome(false);
    maybeFinish();
    pump();
}

// --- groups and members -----------------------------------------------------------------

void SyncEngine::beginGroups()
{
    enqueue([this] {
        return m_client->listGroups(m_session, this, [this, run = m_run](const auto &r) {
            if (run == m_run)
                onGroups(r);
        });
    });
}

void SyncEngine::onGroups(const GatewayResult<Page<Group>> &result)
{
    requestDone();
    if (!m_running)
        return;
    if (!result.ok() && backOff(result.error, [this] { beginGroups(); }))
        return;
    if (!result.ok()) {
        failWith(tr("Fetching groups failed: %1").arg(result.error.describe()), result.error);
        return;
    }
    m_backOffs = 0;
    const std::optional<SyncPass> groupsPass = m_writer->beginPass(m_session, SyncKind::Groups, false);
    if (!groupsPass || !m_writer->storeGroups(*groupsPass, result.value->items, QString())
        || !m_writer->finishPass(*groupsPass)) {
        failWith(tr("Storing groups failed: %1").arg(m_writer->lastError()));
        return;
    }
    m_outcome.groups = result.value->items.size();
    reportProgress(QStringLiteral("groups"), m_outcome.groups, m_outcome.groups);

    m_membersPass = m_writer->beginPass(m_session, SyncKind::Members, true);
    if (!m_membersPass) {
        failWith(tr("The cache could not start a sync: %1").arg(m_writer->lastError()));
        return;
    }
    m_groupJids.clear();
    for (const Group &g : result.value->items)
        m_groupJids.append(g.groupJid);
    std::sort(m_groupJids.begin(), m_groupJids.end());
    m_groupJids.erase(std::unique(m_groupJids.begin(), m_groupJids.end()), m_groupJids.end());
    // Resuming: the groups up to the saved one were stored by the interrupted pass.
    const QString resumeAfter = m_membersPass->resumeCursor;
    if (!resumeAfter.isEmpty())
        m_nextGroupToStore = m_nextGroupToFetch
                = int(std::upper_bound(m_groupJids.begin(), m_groupJids.end(), resumeAfter) - m_groupJids.begin());
    storeReadyMembers();   // finishes at once when there is nothing (left) to fetch
    feedMembers();
}

void SyncEngine::feedMembers()
{
    while (m_running && m_nextGroupToFetch < m_groupJids.size()
           && m_nextGroupToFetch - m_nextGroupToStore < kMembersLookAhead
           && int(m_waiting.size()) < m_options.maxInFlight) {
        fetchMembers(m_nextGroupToFetch++);
    }
}

void SyncEngine::fetchMembers(int index)
{
    const QString gid = m_groupJids.at(index);
    enqueue([this, index, gid] {
        return m_client->listGroupMembers(m_session, gid, this, [this, index, run = m_run](const auto &r) {
            if (run == m_run)
                onMembers(index, r);
        });
    });
}

void SyncEngine::onMembers(int index, const GatewayResult<Page<GroupMember>> &result)
{
    requestDone();
    if (!m_running)
        return;
    if (!result.ok() && backOff(result.error, [this, index] { fetchMembers(index); }))
        return;
    if (!result.ok() && !result.error.hasCode(QLatin1String("not_found"))) {
        failWith(tr("Fetching group members failed: %1").arg(result.error.describe()), result.error);
        return;
    }
    m_backOffs = 0;
    // not_found: the group went away since listGroups; it has no members now.
    m_fetchedMembers.insert(index, result.ok() ? result.value->items : QList<GroupMember>());
    storeReadyMembers();
    indexSome(false);
    feedMembers();
    maybeFinish();
    pump();
}

void SyncEngine::storeReadyMembers()
{
    while (m_running && m_fetchedMembers.contains(m_nextGroupToStore)) {
        const QList<GroupMember> members = m_fetchedMembers.take(m_nextGroupToStore);
        const QString gid = m_groupJids.at(m_nextGroupToStore);
        if (!m_writer->storeMembers(*m_membersPass, gid, members, gid)) {
            failWith(tr("Storing group members failed: %1").arg(m_writer->lastError()));
            return;
        }
        ++m_nextGroupToStore;
        m_outcome.members += members.size();
        m_unindexedRows += members.size();
        reportProgress(QStringLiteral("members"), m_nextGroupToStore, m_groupJids.size());
    }
    if (m_running && !m_membersDone && m_nextGroupToStore >= m_groupJids.size()) {
        if (!m_writer->finishPass(*m_membersPass)) {
            failWith(tr("Finishing the members pass failed: %1").arg(m_writer->lastError()));
            return;
        }
        m_membersDone = true;
        maybeFinish();
    }
}

// --- deep: every contact's detail --------------------------------------------------------

void SyncEngine::feedDetails()
{
    while (m_running && m_detailsPending < m_options.maxInFlight) {
        if (m_detailsToFetch.isEmpty() && !m_detailsListed) {
            ContactFilter all;
            all.sessionId = m_session;
            all.sort = ContactSort::Lid;
            const std::optional<ContactPage> page = m_reader->contacts(all, m_detailsCursor, 200);
            if (!page) {
                failWith(tr("Reading contacts back failed: %1").arg(m_reader->lastError()));
                return;
            }
            for (const CachedContact &c : page->rows)
                m_detailsToFetch.append(c.contact.lid);
            m_detailsCursor = page->nextCursor;
            m_detailsListed = !page->hasMore();
        }
        if (m_detailsToFetch.isEmpty())
            break;
        ++m_detailsPending;
        fetchDetail(m_detailsToFetch.takeFirst());
    }
    if (m_running && m_detailsListed && m_detailsToFetch.isEmpty() && m_detailsPending == 0) {
        m_detailsDone = true;
        maybeFinish();
    }
}

void SyncEngine::fetchDetail(const QString &lid)
{
    enqueue([this, lid] {
        return m_client->getContact(m_session, lid, this, [this, lid, run = m_run](const auto &r) {
            if (run == m_run)
                onDetail(lid, r);
        });
    });
}

void SyncEngine::onDetail(const QString &lid, const GatewayResult<ContactDetail> &result)
{
    requestDone();
    if (!m_running)
        return;
    if (!result.ok() && backOff(result.error, [this, lid] { fetchDetail(lid); }))
        return;
    --m_detailsPending;
    if (result.ok()) {
        m_backOffs = 0;
        if (!m_writer->storeContactDetail(m_session, lid, *result.value)) {
            failWith(tr("Storing a contact's detail failed: %1").arg(m_writer->lastError()));
            return;
        }
        ++m_outcome.details;
        if (m_outcome.details % 200 == 0)
            reportProgress(QStringLiteral("details"), m_outcome.details, m_outcome.contacts);
    } else if (!result.error.hasCode(QLatin1String("not_found"))) {   // gone since: skip it
        failWith(tr("Fetching a contact's detail failed: %1").arg(result.error.describe()), result.error);
        return;
    }
    feedDetails();
    pump();
}

// --- the end ----------------------------------------------------------------------------

void SyncEngine::indexSome(bool everything)
{
    if (!m_indexer || (!everything && m_unindexedRows < kIndexBatch))
        return;
    int indexed = 0;
    do {
        indexed = m_indexer->indexPending(kIndexBatch);
        if (indexed < 0) {
            // The rows are stored; only search is behind. Readers stay exact (slower plans),
            // and the next sync or idle pass indexes them.
            qCWarning(lcSync) << "search indexing failed:" << m_indexer->lastError();
            break;
        }
    } while (everything && indexed > 0);
    m_unindexedRows = 0;
}

void SyncEngine::reportProgress(const QString &phase, qint64 done, qint64 total)
{
    Q_EMIT progress(SyncProgress{m_session, phase, done, total});
}

void SyncEngine::maybeFinish()
{
    if (!m_running || !m_contactsDone || !m_membersDone || !m_detailsDone || m_inFlight > 0)
        return;
    reportProgress(QStringLiteral("index"), 0, -1);
    indexSome(true);
    QString message = tr("Synced %1 contacts, %2 groups and %3 memberships.")
                              .arg(m_outcome.contacts).arg(m_outcome.groups).arg(m_outcome.members);
    if (m_options.deep)
        message += QLatin1Char(' ') + tr("%1 contact details.").arg(m_outcome.details);
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
    ++m_run;   // answers still on their way belong to this run: they are ignored
    m_budgetTimer.stop();
    m_pauseTimer.stop();
    m_waiting.clear();
    const QList<GatewayRequest> active = std::exchange(m_active, {});
    for (const GatewayRequest &r : active)
        r.cancel();
    m_inFlight = 0;
    if (status != SyncOutcome::Status::Completed) {
        // Keep everything and the resume cursors; nothing is swept.
        const QString why = error.isError() ? error.describe() : message;
        if (m_contactsPass && !m_contactsDone)
            m_writer->failPass(*m_contactsPass, why, error.requestId);
        if (m_membersPass && !m_membersDone)
            m_writer->failPass(*m_membersPass, why, error.requestId);
        indexSome(true);   // what was stored is searchable right away
    }
    m_outcome.status = status;
    m_outcome.message = message;
    m_outcome.error = error;
    m_outcome.elapsedMs = m_elapsed.elapsed();
    qCInfo(lcSync) << "sync of" << m_session << "ended:" << message << error.requestId;
    Q_EMIT finished(m_outcome);
}
