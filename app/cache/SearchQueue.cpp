#include "cache/SearchQueue.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheKeys.h"
#include "cache/SearchIndexer.h"
#include "cache/WriteContext.h"

#include <QSqlQuery>

using namespace CacheKeys;

SearchQueue::SearchQueue(WriteContext &ctx)
    : m_ctx(ctx)
{
}

std::optional<qint64> SearchQueue::highestContactId(qint64 sid)
{
    QSqlQuery *q = m_ctx.prepare(QStringLiteral(
        "SELECT ifnull(max(id), :base) FROM contacts WHERE id BETWEEN :base AND :top"));
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":base"), rangeStart(sid));
    q->bindValue(QStringLiteral(":top"), rangeEnd(sid));
    if (!m_ctx.execFirst(q))
        return std::nullopt;
    return q->value(0).toLongLong();
}

std::optional<qint64> SearchQueue::highestMembershipId()
{
    QSqlQuery *q = m_ctx.prepare(QStringLiteral("SELECT ifnull(max(id), 0) FROM memberships"));
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    if (!m_ctx.execFirst(q))
        return std::nullopt;
    return q->value(0).toLongLong();
}

bool SearchQueue::queueNew(const QStringList &statements, qint64 sid, qint64 above)
{
    for (const QString &sql : statements) {
        QSqlQuery *q = m_ctx.prepare(sql);
        if (!q)
            return false;
        StatementReset reset(q);
        q->bindValue(QStringLiteral(":above"), above);
        q->bindValue(QStringLiteral(":top"), rangeEnd(sid));
        if (!m_ctx.exec(q))
            return false;
    }
    return true;
}

bool SearchQueue::queueNewContacts(qint64 sid, qint64 above, bool tagsPending)
{
    // An id already queued keeps its entry: it says what the index really holds (an id
    // freed by a delete and handed out again is queued with its old values).
    static const QString contacts = QStringLiteral(
        "INSERT OR IGNORE INTO contact_fts_queue (id, indexed)"
        " SELECT id, 0 FROM contacts WHERE id > :above AND id <= :top");
    // Memberships stored before their contact: its tags too (unless all of the session's
    // tags wait anyway).
    static const QString tags = QStringLiteral(
        "INSERT OR IGNORE INTO tag_fts_queue (id) SELECT c.id FROM contacts c"
        " WHERE c.id > :above AND c.id <= :top AND EXISTS (SELECT 1"
        " FROM memberships m WHERE m.sid = c.sid AND m.lid = c.lid"
        " AND m.tag_key IS NOT NULL)");
    return queueNew(tagsPending ? QStringList{contacts} : QStringList{contacts, tags}, sid, above);
}

bool SearchQueue::queueNewMembers(qint64 above, bool tagsPending)
{
    if (tagsPending)
        return true; // releaseTags() indexes them all at once
    QSqlQuery *q = m_ctx.prepare(
        QStringLiteral("INSERT OR IGNORE INTO tag_fts_queue (id) SELECT c.id FROM memberships m"
                       " JOIN contacts c ON c.sid = m.sid AND c.lid = m.lid"
                       " WHERE m.id > :above AND m.tag_key IS NOT NULL"));
    if (!q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":above"), above);
    return m_ctx.exec(q);
}

std::optional<bool> SearchQueue::tagsPending(qint64 sid)
{
    QSqlQuery *q = m_ctx.prepare(
        QStringLiteral("SELECT tags_pending FROM sessions WHERE sid = :sid"));
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":sid"), sid);
    if (!m_ctx.execFirst(q))
        return std::nullopt;
    return q->value(0).toBool();
}

bool SearchQueue::releaseTags(qint64 sid)
{
    const std::optional<bool> pending = tagsPending(sid);
    if (!pending)
        return false;
    if (!*pending)
        return true;
    // All of the session's tags at once, straight from its memberships.
    SearchIndexer indexer(m_ctx.db());
    if (!indexer.reindexTags(rangeStart(sid), rangeEnd(sid)))
        return m_ctx.fail(indexer.lastError());
    return setTagsPending(sid, false);
}

bool SearchQueue::setTagsPending(qint64 sid, bool pending)
{
    QSqlQuery *q = m_ctx.prepare(
        QStringLiteral("UPDATE sessions SET tags_pending = :pending WHERE sid = :sid"));
    if (!q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":pending"), qlonglong(pending ? 1 : 0));
    q->bindValue(QStringLiteral(":sid"), sid);
    return m_ctx.exec(q);
}
