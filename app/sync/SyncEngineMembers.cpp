#include "sync/SyncEngine.h"

#include "cache/CacheWriter.h"

#include <algorithm>

// SyncEngine's groups and members phase: the group list, then every group's members fetched
// alongside, stored in group order.

namespace {
// Members fetched ahead of the group being stored, at most; bounds memory when one group
// is slow and the others are quick.
constexpr int kMembersLookAhead = 16;
// Member rows fetched and not yet committed by the store, at most: as for contact pages
// (SyncEngineContacts.cpp), more than a store transaction takes in.
constexpr qint64 kMaxMemberRowsStoring = 180000;
} // namespace

// --- groups and members -----------------------------------------------------------------

void SyncEngine::beginGroups()
{
    enqueue([this] {
        return m_client->listGroups(m_run.session, this, [this, run = m_runId](const auto &r) {
            if (run == m_runId)
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
    m_run.backOffs = 0;
    const QList<Group> groups = result.value->items;
    store(
        SyncStore::Kind::Page,
        [session = m_run.session, groups](CacheWriter &writer, SearchIndexer &, QString *error) {
            const std::optional<SyncPass> pass = writer.beginPass(session, SyncKind::Groups, false);
            const bool ok = pass && writer.storeGroups(*pass, groups, QString())
                && writer.finishPass(*pass);
            *error = writer.lastError();
            return ok;
        },
        [this, count = groups.size()] {
            m_run.outcome.groups = count;
            reportProgress(QStringLiteral("groups"), m_run.outcome.groups, m_run.outcome.groups);
        },
        tr("Storing groups failed: %1"));

    auto membersPass = std::make_shared<std::optional<SyncPass>>();
    store(
        SyncStore::Kind::Control,
        [session = m_run.session, membersPass](CacheWriter &writer, SearchIndexer &,
                                               QString *error) {
            *membersPass = writer.beginPass(session, SyncKind::Members, true);
            *error = writer.lastError();
            return membersPass->has_value();
        },
        [this, membersPass, groups] { onMembersPassBegun(**membersPass, groups); },
        tr("The cache could not start a sync: %1"));
}

void SyncEngine::onMembersPassBegun(const SyncPass &pass, const QList<Group> &groups)
{
    m_run.membersPass = pass;
    m_run.groupJids.clear();
    for (const Group &g : groups)
        m_run.groupJids.append(g.groupJid);
    std::sort(m_run.groupJids.begin(), m_run.groupJids.end());
    m_run.groupJids.erase(std::unique(m_run.groupJids.begin(), m_run.groupJids.end()),
                          m_run.groupJids.end());
    // Resuming: the groups up to the saved one were stored by the interrupted pass.
    const QString resumeAfter = m_run.membersPass->resumeCursor;
    if (!resumeAfter.isEmpty())
        m_run.nextGroupToStore = m_run.nextGroupToFetch = m_run.groupsStored = int(
            std::upper_bound(m_run.groupJids.begin(), m_run.groupJids.end(), resumeAfter)
            - m_run.groupJids.begin());
    storeReadyMembers(); // finishes at once when there is nothing (left) to fetch
    feedMembers();
}

void SyncEngine::feedMembers()
{
    while (m_running && m_run.nextGroupToFetch < m_run.groupJids.size()
           && m_run.nextGroupToFetch - m_run.nextGroupToStore < kMembersLookAhead
           && m_run.memberRowsStoring < kMaxMemberRowsStoring
           && int(m_run.waiting.size()) < m_run.options.maxInFlight) {
        fetchMembers(m_run.nextGroupToFetch++);
    }
}

void SyncEngine::fetchMembers(int index)
{
    const QString gid = m_run.groupJids.at(index);
    enqueue([this, index, gid] {
        return m_client->listGroupMembers(m_run.session, gid, this,
                                          [this, index, run = m_runId](const auto &r) {
                                              if (run == m_runId)
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
    m_run.backOffs = 0;
    // not_found: the group went away since listGroups; it has no members now.
    m_run.fetchedMembers.insert(index, result.ok() ? result.value->items : QList<GroupMember>());
    storeReadyMembers();
    indexSome(false);
    feedMembers();
    pump();
}

void SyncEngine::storeReadyMembers()
{
    while (m_running && m_run.fetchedMembers.contains(m_run.nextGroupToStore)) {
        const QList<GroupMember> members = m_run.fetchedMembers.take(m_run.nextGroupToStore);
        const QString gid = m_run.groupJids.at(m_run.nextGroupToStore);
        ++m_run.nextGroupToStore;
        store(
            SyncStore::Kind::Page,
            [pass = *m_run.membersPass, gid, encoded = EncodedMembers::from(gid, members)](
                CacheWriter &writer, SearchIndexer &, QString *error) {
                const bool ok = writer.storeMembers(pass, encoded, gid);
                *error = writer.lastError();
                return ok;
            },
            [this, rows = members.size()] {
                ++m_run.groupsStored;
                m_run.memberRowsStoring -= rows;
                m_run.outcome.members += rows;
                reportProgress(QStringLiteral("members"), m_run.groupsStored,
                               m_run.groupJids.size());
                feedMembers();
                pump();
            },
            tr("Storing group members failed: %1"));
        m_run.unindexedMembers += members.size();
        m_run.memberRowsStoring += members.size();
    }
    finishMembersWhenStored();
}

void SyncEngine::finishMembersWhenStored()
{
    if (!m_running || !m_run.membersPass || m_run.membersFinishPosted
        || m_run.nextGroupToStore < m_run.groupJids.size())
        return;
    m_run.membersFinishPosted = true;
    store(
        SyncStore::Kind::Page,
        [pass = *m_run.membersPass](CacheWriter &writer, SearchIndexer &, QString *error) {
            const bool ok = writer.finishPass(pass);
            *error = writer.lastError();
            return ok;
        },
        [this] { m_run.membersDone = true; }, tr("Finishing the members pass failed: %1"));
}
