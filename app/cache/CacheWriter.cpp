#include "cache/CacheWriter.h"

CacheWriter::CacheWriter(CacheDatabase &db)
    : m_ctx(db)
    , m_rows(m_ctx)
    , m_queue(m_ctx)
    , m_sessions(m_ctx)
    , m_passes(m_ctx, m_rows, m_queue)
    , m_details(m_ctx, m_rows, m_queue)
{
}

bool CacheWriter::upsertSessions(const QList<WaSession> &sessions)
{
    return m_sessions.upsertSessions(sessions);
}

bool CacheWriter::addSession(const QString &sessionId)
{
    return m_sessions.addSession(sessionId);
}

bool CacheWriter::removeSession(const QString &sessionId)
{
    return m_sessions.removeSession(sessionId);
}

std::optional<SyncPass> CacheWriter::beginPass(const QString &sessionId, SyncKind kind, bool resume)
{
    return m_passes.beginPass(sessionId, kind, resume);
}

bool CacheWriter::storeContacts(const SyncPass &pass, const QList<Contact> &page,
                                const QString &nextCursor)
{
    return m_passes.storeContacts(pass, EncodedContacts::from(page), nextCursor);
}

bool CacheWriter::storeContacts(const SyncPass &pass, const EncodedContacts &page,
                                const QString &nextCursor)
{
    return m_passes.storeContacts(pass, page, nextCursor);
}

bool CacheWriter::storeGroups(const SyncPass &pass, const QList<Group> &page,
                              const QString &nextCursor)
{
    return m_passes.storeGroups(pass, page, nextCursor);
}

bool CacheWriter::storeMembers(const SyncPass &pass, const QString &groupJid,
                               const QList<GroupMember> &members, const QString &nextCursor)
{
    return m_passes.storeMembers(pass, EncodedMembers::from(groupJid, members), nextCursor);
}

bool CacheWriter::storeMembers(const SyncPass &pass, const EncodedMembers &list,
                               const QString &nextCursor)
{
    return m_passes.storeMembers(pass, list, nextCursor);
}

bool CacheWriter::finishPass(const SyncPass &pass)
{
    return m_passes.finishPass(pass);
}

bool CacheWriter::failPass(const SyncPass &pass, const QString &error, const QString &requestId)
{
    return m_passes.failPass(pass, error, requestId);
}

bool CacheWriter::storeContactDetail(const QString &sessionId, const QString &lid,
                                     const ContactDetail &detail)
{
    return m_details.storeContactDetail(sessionId, lid, detail);
}
