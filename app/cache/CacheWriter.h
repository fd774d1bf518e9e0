#pragma once

#include "cache/CacheTypes.h"
#include "cache/ContactDetailWriter.h"
#include "cache/EncodedRows.h"
#include "cache/RowStore.h"
#include "cache/SearchQueue.h"
#include "cache/SessionWriter.h"
#include "cache/SyncPassWriter.h"
#include "cache/WriteContext.h"

#include <QString>

#include <functional>
#include <optional>

class CacheDatabase;

// Everything the sync engine writes, on one ReadWrite CacheDatabase (on its thread). A
// facade over the parts that do the work: SessionWriter, SyncPassWriter (with RowStore and
// SearchQueue) and ContactDetailWriter.
//
// A pass over one kind of a session's data is mark-and-sweep:
//   beginPass(session, kind)   -> a new generation, or the interrupted one to resume
//   storeContacts/storeGroups/storeMembers(pass, page, nextCursor)
//                               -> one transaction per page: upserts stamped with the
//                                  generation and synced_at, plus the resume cursor
//   finishPass(pass)           -> deletes the session's rows of that kind the pass did not
//                                  see (older generation) and records the completion
//   failPass(pass, error, id)  -> keeps everything and the cursor; nothing is swept
// Only a finished pass sweeps, so an interrupted one never loses what the last complete pass
// stored. New and changed rows reach search through SearchIndexer (call it after pages or
// after the pass); until then readers still find them, more slowly.
//
// Returns false and sets lastError() on failure; a failed call changes nothing.
class CacheWriter
{
public:
    explicit CacheWriter(CacheDatabase &db);

    QString lastError() const { return m_ctx.lastError(); }
    // Epoch-ms clock for synced_at and the pass timestamps (tests replace it).
    void setClock(std::function<qint64()> clock) { m_ctx.setClock(std::move(clock)); }

    // listSessions/getSession answers: inserted or updated, marked listed. Never deletes.
    bool upsertSessions(const QList<WaSession> &sessions);
    // A session id added by hand (tokens without `manage`); keeps what exists.
    bool addSession(const QString &sessionId);
    // The session and everything cached for it.
    bool removeSession(const QString &sessionId);

    // resume: continue an unfinished pass of this kind (same generation, its cursor) when
    // there is one; otherwise, or with resume = false, start a new generation.
    std::optional<SyncPass> beginPass(const QString &sessionId, SyncKind kind, bool resume = true);
    // The Encoded* overloads take a page encoded beforehand (EncodedRows.h), as the sync
    // does on its own thread; the others encode it here.
    bool storeContacts(const SyncPass &pass, const QList<Contact> &page, const QString &nextCursor);
    bool storeContacts(const SyncPass &pass, const EncodedContacts &page,
                       const QString &nextCursor);
    bool storeGroups(const SyncPass &pass, const QList<Group> &page, const QString &nextCursor);
    // The whole member list of one group (listGroupMembers is not paged); nextCursor is the
    // pass's resume point after this group, as the caller defines it.
    bool storeMembers(const SyncPass &pass, const QString &groupJid,
                      const QList<GroupMember> &members, const QString &nextCursor);
    bool storeMembers(const SyncPass &pass, const EncodedMembers &list, const QString &nextCursor);
    bool finishPass(const SyncPass &pass);
    bool failPass(const SyncPass &pass, const QString &error, const QString &requestId = {});

    // getContact's answer: the contact's detail fields, and its groups as memberships (and
    // group names for groups not synced yet). Memberships it does not list are kept: the
    // next members pass decides (the gateway may send groups: null).
    bool storeContactDetail(const QString &sessionId, const QString &lid,
                            const ContactDetail &detail);

private:
    WriteContext m_ctx;
    RowStore m_rows;
    SearchQueue m_queue;
    SessionWriter m_sessions;
    SyncPassWriter m_passes;
    ContactDetailWriter m_details;
};
