#include "sync/SyncEngine.h"

#include "cache/CacheReader.h"
#include "cache/CacheWriter.h"
#include "core/Logging.h"

// SyncEngine's contacts phase (one cursor page after another) and its deep phase (every
// contact's detail).

namespace {
// Pages fetched and not yet committed by the store, at most: beyond that, fetching waits.
// Jobs count until their transaction commits, so this must cover more than a store
// transaction takes in (SyncStore: up to a second of work), or fetching stops at the end of
// every transaction and the store then waits for it. The pages wait encoded (EncodedRows.h).
constexpr int kMaxContactPagesStoring = 300;
} // namespace

// --- contacts ---------------------------------------------------------------------------

void SyncEngine::beginContacts(bool resume)
{
    auto pass = std::make_shared<std::optional<SyncPass>>();
    store(
        SyncStore::Kind::Control,
        [session = m_run.session, resume, pass](CacheWriter &writer, SearchIndexer &,
                                                QString *error) {
            *pass = writer.beginPass(session, SyncKind::Contacts, resume);
            *error = writer.lastError();
            return pass->has_value();
        },
        [this, pass] {
            m_run.contactsPass = *pass;
            m_run.contactsPageIsFirst = true;
            if (m_run.contactsPass->resumed)
                qCInfo(lcSync) << "resuming the contacts pass of" << m_run.session;
            fetchContactsPage(m_run.contactsPass->resumeCursor);
        },
        tr("The cache could not start a sync: %1"));
}

void SyncEngine::fetchContactsPage(const QString &cursor)
{
    ContactQuery query;
    query.limit = m_run.options.pageSize;
    query.cursor = cursor;
    // Urgent: the contacts chain is sequential, so it must never wait behind member fetches.
    enqueue(
        [this, query] {
            return m_client->listContacts(
                m_run.session, query, this,
                [this, cursor = query.cursor, run = m_runId](const auto &r) {
                    if (run == m_runId)
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
    const bool first = std::exchange(m_run.contactsPageIsFirst, false);
    if (!result.ok()) {
        contactsPageFailed(result.error, first);
        return;
    }
    m_run.backOffs = 0;
    const Page<Contact> &page = *result.value;
    if (page.hasMore()) {
        if (m_run.contactPagesStoring < kMaxContactPagesStoring)
            fetchContactsPage(page.nextCursor);
        else
            m_run.deferredContactsCursor = page.nextCursor; // the store is behind: wait for it
    }
    storeContactsPage(page);
    if (!page.hasMore())
        finishContactsPass();
    indexSome(false);
    pump();
}

void SyncEngine::contactsPageFailed(const GatewayError &error, bool first)
{
    // A saved cursor the gateway no longer accepts: start the pass over, keeping the data.
    if (first && m_run.contactsPass->resumed && error.hasCode(QLatin1String("validation_error"))) {
        qCInfo(lcSync) << "the saved cursor was refused; starting the contacts pass over";
        beginContacts(false);
        return;
    }
    failWith(tr("Fetching contacts failed: %1").arg(error.describe()), error);
}

void SyncEngine::storeContactsPage(const Page<Contact> &page)
{
    ++m_run.contactPagesStoring;
    const qsizetype rows = page.items.size();
    // Encoded here, not on the store's thread: that one is the sync's bottleneck.
    store(
        SyncStore::Kind::Page,
        [pass = *m_run.contactsPass, encoded = EncodedContacts::from(page.items),
         next = page.nextCursor](CacheWriter &writer, SearchIndexer &, QString *error) {
            const bool ok = writer.storeContacts(pass, encoded, next);
            *error = writer.lastError();
            return ok;
        },
        [this, rows] {
            --m_run.contactPagesStoring;
            m_run.outcome.contacts += rows;
            reportProgress(QStringLiteral("contacts"), m_run.outcome.contacts, -1);
            if (m_run.deferredContactsCursor && m_run.contactPagesStoring < kMaxContactPagesStoring)
                fetchContactsPage(*std::exchange(m_run.deferredContactsCursor, std::nullopt));
        },
        tr("Storing contacts failed: %1"));
    m_run.unindexedContacts += rows;
}

void SyncEngine::finishContactsPass()
{
    store(
        SyncStore::Kind::Page,
        [pass = *m_run.contactsPass](CacheWriter &writer, SearchIndexer &, QString *error) {
            const bool ok = writer.finishPass(pass);
            *error = writer.lastError();
            return ok;
        },
        [this] {
            m_run.contactsDone = true;
            if (!m_run.detailsDone)
                feedDetails();
        },
        tr("Finishing the contacts pass failed: %1"));
}

// --- deep: every contact's detail --------------------------------------------------------

void SyncEngine::feedDetails()
{
    while (m_running && m_run.detailsPending < m_run.options.maxInFlight) {
        if (m_run.detailsToFetch.isEmpty() && !m_run.detailsListed) {
            ContactFilter all;
            all.sessionId = m_run.session;
            all.sort = ContactSort::Lid;
            const std::optional<ContactPage> page = m_reader->contacts(all, m_run.detailsCursor,
                                                                       200);
            if (!page) {
                failWith(tr("Reading contacts back failed: %1").arg(m_reader->lastError()));
                return;
            }
            for (const CachedContact &c : page->rows)
                m_run.detailsToFetch.append(c.contact.lid);
            m_run.detailsCursor = page->nextCursor;
            m_run.detailsListed = !page->hasMore();
        }
        if (m_run.detailsToFetch.isEmpty())
            break;
        ++m_run.detailsPending;
        fetchDetail(m_run.detailsToFetch.takeFirst());
    }
    if (m_running && m_run.detailsListed && m_run.detailsToFetch.isEmpty()
        && m_run.detailsPending == 0) {
        m_run.detailsDone = true;
        maybeFinish();
    }
}

void SyncEngine::fetchDetail(const QString &lid)
{
    enqueue([this, lid] {
        return m_client->getContact(m_run.session, lid, this,
                                    [this, lid, run = m_runId](const auto &r) {
                                        if (run == m_runId)
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
    --m_run.detailsPending;
    if (result.ok()) {
        m_run.backOffs = 0;
        store(
            SyncStore::Kind::Page,
            [session = m_run.session, lid,
             detail = *result.value](CacheWriter &writer, SearchIndexer &, QString *error) {
                const bool ok = writer.storeContactDetail(session, lid, detail);
                *error = writer.lastError();
                return ok;
            },
            [this] {
                ++m_run.outcome.details;
                if (m_run.outcome.details % 200 == 0)
                    reportProgress(QStringLiteral("details"), m_run.outcome.details,
                                   m_run.outcome.contacts);
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
