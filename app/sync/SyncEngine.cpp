#include "sync/SyncEngine.h"

#include "cache/CacheReader.h"
#include "cache/CacheWriter.h"
#include "cache/SearchIndexer.h"
#include "core/Logging.h"
#include "sync/SyncStore.h"

#include <algorithm>

namespace {
// Members fetched ahead of the group being stored, at most; bounds memory when one group
// is slow and the others are quick.
constexpr int kMembersLookAhead = 16;
// Rows fetched and not yet committed by the store, at most: beyond that, fetching waits.
// Jobs count until their transaction commits, so these must cover more than a store
// transaction takes in (SyncStore: up to a second of work, ~500 contact pages or ~170,000
// memberships), or fetching stops at the end of every transaction and the store then waits
// for it. Measured on 100,000 contacts and 300,000 memberships: with 120 pages and 60,000
// memberships every transaction ended that way (12 transactions, the contacts fetched by 2.6 s);
// with these, 8 transactions, the contacts fetched by 1.0 s and the sync ~0.1 x its plain
// fetch faster. Memory stays bounded: the rows wait encoded (EncodedRows.h), ~25 MB at most
// (the 1,000,000-contact sync peaks at ~98 MB RSS).
constexpr int kMaxContactPagesStoring = 300;
constexpr qint64 kMaxMemberRowsStoring = 180000;
// New contacts are indexed for search every this many stored, on the store's thread (rows
// waiting for it are still found, more slowly: a search looks every queued one up, ~100 ms a
// keystroke with 25,000 queued). Tags half as often: a contact's tags are indexed again at
// every step where one of its memberships arrived since, so each step repeats work. (A
// session's first members pass indexes no tags until its end, all at once: CacheWriter
// does that, and searches read them from the memberships meanwhile.) An indexing step ends
// the store's shared transaction; FTS5 indexes large batches cheaper.
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
    ++m_run;
    const QList<GatewayRequest> active = std::exchange(m_active, {});
    for (const GatewayRequest &r : active)
        r.cancel();
    // m_store goes next: it finishes the transaction running now and drops the rest.
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
    m_finishing = false;
    m_membersFinishPosted = false;
    m_storing = 0;
    m_contactPagesStoring = 0;
    m_deferredContactsCursor.reset();
    m_groupJids.clear();
    m_nextGroupToFetch = m_nextGroupToStore = m_groupsStored = 0;
    m_memberRowsStoring = 0;
    m_fetchedMembers.clear();
    m_detailsDone = !options.deep;
    m_detailsCursor.clear();
    m_detailsListed = false;
    m_detailsToFetch.clear();
    m_detailsPending = 0;
    m_unindexedContacts = 0;
    m_unindexedMembers = 0;
    m_outcome = SyncOutcome{};
    m_outcome.sessionId = sessionId;
    m_elapsed.start();
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
    again(); // queued; sent when the pause ends
    return true;
}

// --- contacts ---------------------------------------------------------------------------

void SyncEngine::beginContacts(bool resume)
{
    auto pass = std::make_shared<std::optional<SyncPass>>();
    store(
        SyncStore::Kind::Control,
        [session = m_session, resume, pass](CacheWriter &writer, SearchIndexer &, QString *error) {
            *pass = writer.beginPass(session, SyncKind::Contacts, resume);
            *error = writer.lastError();
            return pass->has_value();
        },
        [this, pass] {
            m_contactsPass = *pass;
            m_contactsPageIsFirst = true;
            if (m_contactsPass->resumed)
                qCInfo(lcSync) << "resuming the contacts pass of" << m_session;
            fetchContactsPage(m_contactsPass->resumeCursor);
        },
        tr("The cache could not start a sync: %1"));
}

void SyncEngine::fetchContactsPage(const QString &cursor)
{
    ContactQuery query;
    query.limit = m_options.pageSize;
    query.cursor = cursor;
    // Urgent: the contacts chain is sequential, so it must never wait behind member fetches.
    enqueue(
        [this, query] {
            return m_client->listContacts(
                m_session, query, this, [this, cursor = query.cursor, run = m_run](const auto &r) {
                    if (run == m_run)
                        onContactsPage(cursor, r);
                });
        },
        true);
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
        if (first && m_contactsPass->resumed
            && result.error.hasCode(QLatin1String("validation_error"))) {
            qCInfo(lcSync) << "the saved cursor was refused; starting the contacts pass over";
            beginContacts(false);
            return;
        }
        failWith(tr("Fetching contacts failed: %1").arg(result.error.describe()), result.error);
        return;
    }
    m_backOffs = 0;
    const Page<Contact> &page = *result.value;
    if (page.hasMore()) {
        if (m_contactPagesStoring < kMaxContactPagesStoring)
            fetchContactsPage(page.nextCursor);
        else
            m_deferredContactsCursor = page.nextCursor; // the store is behind: wait for it
    }
    ++m_contactPagesStoring;
    const qsizetype rows = page.items.size();
    // Encoded here, not on the store's thread: that one is the sync's bottleneck.
    store(
        SyncStore::Kind::Page,
        [pass = *m_contactsPass, encoded = EncodedContacts::from(page.items),
         next = page.nextCursor](CacheWriter &writer, SearchIndexer &, QString *error) {
            const bool ok = writer.storeContacts(pass, encoded, next);
            *error = writer.lastError();
            return ok;
        },
        [this, rows] {
            --m_contactPagesStoring;
            m_outcome.contacts += rows;
            reportProgress(QStringLiteral("contacts"), m_outcome.contacts, -1);
            if (m_deferredContactsCursor && m_contactPagesStoring < kMaxContactPagesStoring)
                fetchContactsPage(*std::exchange(m_deferredContactsCursor, std::nullopt));
        },
        tr("Storing contacts failed: %1"));
    m_unindexedContacts += rows;
    if (!page.hasMore()) {
        store(
            SyncStore::Kind::Page,
            [pass = *m_contactsPass](CacheWriter &writer, SearchIndexer &, QString *error) {
                const bool ok = writer.finishPass(pass);
                *error = writer.lastError();
                return ok;
            },
            [this] {
                m_contactsDone = true;
                if (!m_detailsDone)
                    feedDetails();
            },
            tr("Finishing the contacts pass failed: %1"));
    }
    indexSome(false);
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
    const QList<Group> groups = result.value->items;
    store(
        SyncStore::Kind::Page,
        [session = m_session, groups](CacheWriter &writer, SearchIndexer &, QString *error) {
            const std::optional<SyncPass> pass = writer.beginPass(session, SyncKind::Groups, false);
            const bool ok = pass && writer.storeGroups(*pass, groups, QString())
                && writer.finishPass(*pass);
            *error = writer.lastError();
            return ok;
        },
        [this, count = groups.size()] {
            m_outcome.groups = count;
            reportProgress(QStringLiteral("groups"), m_outcome.groups, m_outcome.groups);
        },
        tr("Storing groups failed: %1"));

    auto membersPass = std::make_shared<std::optional<SyncPass>>();
    store(
        SyncStore::Kind::Control,
        [session = m_session, membersPass](CacheWriter &writer, SearchIndexer &, QString *error) {
            *membersPass = writer.beginPass(session, SyncKind::Members, true);
            *error = writer.lastError();
            return membersPass->has_value();
        },
        [this, membersPass, groups] { onMembersPassBegun(**membersPass, groups); },
        tr("The cache could not start a sync: %1"));
}

void SyncEngine::onMembersPassBegun(const SyncPass &pass, const QList<Group> &groups)
{
    m_membersPass = pass;
    m_groupJids.clear();
    for (const Group &g : groups)
        m_groupJids.append(g.groupJid);
    std::sort(m_groupJids.begin(), m_groupJids.end());
    m_groupJids.erase(std::unique(m_groupJids.begin(), m_groupJids.end()), m_groupJids.end());
    // Resuming: the groups up to the saved one were stored by the interrupted pass.
    const QString resumeAfter = m_membersPass->resumeCursor;
    if (!resumeAfter.isEmpty())
        m_nextGroupToStore = m_nextGroupToFetch = m_groupsStored = int(
            std::upper_bound(m_groupJids.begin(), m_groupJids.end(), resumeAfter)
            - m_groupJids.begin());
    storeReadyMembers(); // finishes at once when there is nothing (left) to fetch
    feedMembers();
}

void SyncEngine::feedMembers()
{
    while (m_running && m_nextGroupToFetch < m_groupJids.size()
           && m_nextGroupToFetch - m_nextGroupToStore < kMembersLookAhead
           && m_memberRowsStoring < kMaxMemberRowsStoring
           && int(m_waiting.size()) < m_options.maxInFlight) {
        fetchMembers(m_nextGroupToFetch++);
    }
}

void SyncEngine::fetchMembers(int index)
{
    const QString gid = m_groupJids.at(index);
    enqueue([this, index, gid] {
        return m_client->listGroupMembers(m_session, gid, this,
                                          [this, index, run = m_run](const auto &r) {
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
        failWith(tr("Fetching group members failed: %1").arg(result.error.describe()),
                 result.error);
        return;
    }
    m_backOffs = 0;
    // not_found: the group went away since listGroups; it has no members now.
    m_fetchedMembers.insert(index, result.ok() ? result.value->items : QList<GroupMember>());
    storeReadyMembers();
    indexSome(false);
    feedMembers();
    pump();
}

void SyncEngine::storeReadyMembers()
{
    while (m_running && m_fetchedMembers.contains(m_nextGroupToStore)) {
        const QList<GroupMember> members = m_fetchedMembers.take(m_nextGroupToStore);
        const QString gid = m_groupJids.at(m_nextGroupToStore);
        ++m_nextGroupToStore;
        store(
            SyncStore::Kind::Page,
            [pass = *m_membersPass, gid, encoded = EncodedMembers::from(gid, members)](
                CacheWriter &writer, SearchIndexer &, QString *error) {
                const bool ok = writer.storeMembers(pass, encoded, gid);
                *error = writer.lastError();
                return ok;
            },
            [this, rows = members.size()] {
                ++m_groupsStored;
                m_memberRowsStoring -= rows;
                m_outcome.members += rows;
                reportProgress(QStringLiteral("members"), m_groupsStored, m_groupJids.size());
                feedMembers();
                pump();
            },
            tr("Storing group members failed: %1"));
        m_unindexedMembers += members.size();
        m_memberRowsStoring += members.size();
    }
    finishMembersWhenStored();
}

void SyncEngine::finishMembersWhenStored()
{
    if (!m_running || !m_membersPass || m_membersFinishPosted
        || m_nextGroupToStore < m_groupJids.size())
        return;
    m_membersFinishPosted = true;
    store(
        SyncStore::Kind::Page,
        [pass = *m_membersPass](CacheWriter &writer, SearchIndexer &, QString *error) {
            const bool ok = writer.finishPass(pass);
            *error = writer.lastError();
            return ok;
        },
        [this] { m_membersDone = true; }, tr("Finishing the members pass failed: %1"));
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
        store(
            SyncStore::Kind::Page,
            [session = m_session, lid, detail = *result.value](CacheWriter &writer, SearchIndexer &,
                                                               QString *error) {
                const bool ok = writer.storeContactDetail(session, lid, detail);
                *error = writer.lastError();
                return ok;
            },
            [this] {
                ++m_outcome.details;
                if (m_outcome.details % 200 == 0)
                    reportProgress(QStringLiteral("details"), m_outcome.details,
                                   m_outcome.contacts);
            },
            tr("Storing a contact's detail failed: %1"));
    } else if (!result.error.hasCode(QLatin1String("not_found"))) { // gone since: skip it
        failWith(tr("Fetching a contact's detail failed: %1").arg(result.error.describe()),
                 result.error);
        return;
    }
    feedDetails();
    pump();
}

// --- the end ----------------------------------------------------------------------------

void SyncEngine::store(SyncStore::Kind kind, SyncStore::Work work, std::function<void()> then,
                       const QString &failMessage)
{
    ++m_storing;
    m_store->post(
        kind, std::move(work),
        [this, run = m_run, then = std::move(then), failMessage](bool ok, const QString &error) {
            if (run != m_run)
                return; // an earlier run's: it has ended
            --m_storing;
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
    const bool contacts = everything || m_unindexedContacts >= kIndexEvery;
    // A step with nothing to index would still end the store's transaction early.
    const bool tagsWait = m_membersPass && m_membersPass->tagsWaitForEnd;
    const bool tags = everything || (m_unindexedMembers >= kTagIndexEvery && !tagsWait);
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
        m_unindexedContacts = 0;
    if (tags)
        m_unindexedMembers = 0;
}

void SyncEngine::reportProgress(const QString &phase, qint64 done, qint64 total)
{
    Q_EMIT progress(SyncProgress{m_session, phase, done, total});
}

void SyncEngine::maybeFinish()
{
    if (!m_running || m_finishing || !m_contactsDone || !m_membersDone || !m_detailsDone
        || m_inFlight > 0 || m_storing > 0)
        return;
    m_finishing = true;
    reportProgress(QStringLiteral("index"), 0, -1);
    indexSome(true);
    m_store->waitUntilIdle();
    QString message = tr("Synced %1 contacts, %2 groups and %3 memberships.")
                          .arg(m_outcome.contacts)
                          .arg(m_outcome.groups)
                          .arg(m_outcome.members);
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
    ++m_run; // answers still on their way belong to this run: they are ignored
    m_budgetTimer.stop();
    m_pauseTimer.stop();
    m_waiting.clear();
    const QList<GatewayRequest> active = std::exchange(m_active, {});
    for (const GatewayRequest &r : active)
        r.cancel();
    m_inFlight = 0;
    if (status != SyncOutcome::Status::Completed) {
        // Keep everything and the resume cursors; nothing is swept. (A pass whose finish is
        // still queued completes first; failing it afterwards is then refused, harmlessly.)
        const QString why = error.isError() ? error.describe() : message;
        for (const std::optional<SyncPass> &pass : {m_contactsDone ? std::nullopt : m_contactsPass,
                                                    m_membersDone ? std::nullopt : m_membersPass}) {
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
    m_outcome.status = status;
    m_outcome.message = message;
    m_outcome.error = error;
    m_outcome.elapsedMs = m_elapsed.elapsed();
    qCInfo(lcSync) << "sync of" << m_session << "ended:" << message << error.requestId;
    Q_EMIT finished(m_outcome);
}
