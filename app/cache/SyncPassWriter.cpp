#include "cache/SyncPassWriter.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheKeys.h"
#include "cache/RowStore.h"
#include "cache/SearchQueue.h"
#include "cache/WriteContext.h"

#include <QSqlQuery>

using namespace WriteValue;

SyncPassWriter::SyncPassWriter(WriteContext &ctx, RowStore &rows, SearchQueue &queue)
    : m_ctx(ctx)
    , m_rows(rows)
    , m_queue(queue)
{
}

std::optional<SyncPass> SyncPassWriter::beginPass(const QString &sessionId, SyncKind kind,
                                                  bool resume)
{
    WriteTransaction txn(m_ctx.db());
    if (!txn.isActive()) {
        m_ctx.fail(txn.errorString());
        return std::nullopt;
    }
    const auto sid = m_ctx.sessionKey(sessionId, true);
    if (!sid)
        return std::nullopt;
    SyncPass pass;
    pass.sessionId = sessionId;
    pass.kind = kind;
    if (!readState(*sid, &pass, resume) || !writeBegin(*sid, pass))
        return std::nullopt;
    if (!pass.resumed && !scanOlderRows(*sid, &pass))
        return std::nullopt;
    if (!txn.commit()) {
        m_ctx.fail(txn.errorString());
        return std::nullopt;
    }
    return pass;
}

bool SyncPassWriter::readState(qint64 sid, SyncPass *pass, bool resume)
{
    QSqlQuery *read = m_ctx.prepare(
        QStringLiteral("SELECT generation, complete_generation, status, cursor FROM sync_state"
                       " WHERE sid = :sid AND kind = :kind"));
    if (!read)
        return false;
    StatementReset reset(read);
    read->bindValue(QStringLiteral(":sid"), sid);
    read->bindValue(QStringLiteral(":kind"), syncKindName(pass->kind));
    if (!m_ctx.exec(read))
        return false;
    qint64 generation = 0;
    if (read->next()) {
        generation = read->value(0).toLongLong();
        const qint64 complete = read->value(1).toLongLong();
        const QString status = read->value(2).toString();
        const bool unfinished = generation > complete
            && (status == QLatin1String("running") || status == QLatin1String("failed"));
        if (resume && unfinished) {
            pass->resumeCursor = read->value(3).toString();
            pass->resumed = true;
        }
    }
    pass->generation = pass->resumed ? generation : generation + 1;
    return true;
}

bool SyncPassWriter::writeBegin(qint64 sid, const SyncPass &pass)
{
    QSqlQuery *write = pass.resumed
        ? m_ctx.prepare(QStringLiteral(
            "UPDATE sync_state SET status = 'running', error = NULL, request_id = NULL"
            " WHERE sid = :sid AND kind = :kind"))
        : m_ctx.prepare(QStringLiteral(
            "INSERT INTO sync_state (sid, kind, generation, status, items, started_at)"
            " VALUES (:sid, :kind, :gen, 'running', 0, :now)"
            " ON CONFLICT (sid, kind) DO UPDATE SET generation = excluded.generation,"
            " status = 'running', cursor = NULL, items = 0, started_at = excluded.started_at,"
            " error = NULL, request_id = NULL"));
    if (!write)
        return false;
    StatementReset reset(write);
    write->bindValue(QStringLiteral(":sid"), sid);
    write->bindValue(QStringLiteral(":kind"), syncKindName(pass.kind));
    if (!pass.resumed) {
        write->bindValue(QStringLiteral(":gen"), pass.generation);
        write->bindValue(QStringLiteral(":now"), m_ctx.now());
    }
    return m_ctx.exec(write);
}

bool SyncPassWriter::scanOlderRows(qint64 sid, SyncPass *pass)
{
    QSqlQuery *any = m_ctx.prepare(
        QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1 WHERE sid = :sid)")
            .arg(tableOf(pass->kind)));
    if (!any)
        return false;
    StatementReset reset(any);
    any->bindValue(QStringLiteral(":sid"), sid);
    if (!m_ctx.execFirst(any))
        return false;
    pass->mayFindOlderRows = any->value(0).toBool();
    pass->tagsWaitForEnd = pass->kind == SyncKind::Members && !pass->mayFindOlderRows;
    return !pass->tagsWaitForEnd || m_queue.setTagsPending(sid, true);
}

std::optional<qint64> SyncPassWriter::runningPass(const SyncPass &pass)
{
    const auto sid = m_ctx.sessionKey(pass.sessionId, false);
    if (!sid || !checkRunning(*sid, pass))
        return std::nullopt;
    return sid;
}

bool SyncPassWriter::checkRunning(qint64 sid, const SyncPass &pass)
{
    QSqlQuery *q = m_ctx.prepare(QStringLiteral(
        "SELECT generation, status FROM sync_state WHERE sid = :sid AND kind = :kind"));
    if (!q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":sid"), sid);
    q->bindValue(QStringLiteral(":kind"), syncKindName(pass.kind));
    if (!m_ctx.exec(q))
        return false;
    if (!q->next() || q->value(0).toLongLong() != pass.generation
        || q->value(1).toString() != QLatin1String("running")) {
        return m_ctx.fail(QStringLiteral("The %1 pass %2 of session %3 is no longer running.")
                              .arg(syncKindName(pass.kind))
                              .arg(pass.generation)
                              .arg(pass.sessionId));
    }
    return true;
}

bool SyncPassWriter::saveProgress(qint64 sid, const SyncPass &pass, const QString &cursor,
                                  qint64 items)
{
    QSqlQuery *q = m_ctx.prepare(
        QStringLiteral("UPDATE sync_state SET cursor = :cursor, items = items + :items"
                       " WHERE sid = :sid AND kind = :kind"));
    if (!q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":cursor"), cursor.isEmpty() ? nullText() : text(cursor));
    q->bindValue(QStringLiteral(":items"), items);
    q->bindValue(QStringLiteral(":sid"), sid);
    q->bindValue(QStringLiteral(":kind"), syncKindName(pass.kind));
    return m_ctx.exec(q);
}

bool SyncPassWriter::storeContacts(const SyncPass &pass, const EncodedContacts &page,
                                   const QString &nextCursor)
{
    if (pass.kind != SyncKind::Contacts)
        return m_ctx.fail(QStringLiteral("storeContacts needs a contacts pass."));
    if (page.text.overflowed())
        return m_ctx.fail(QStringLiteral("The page of contacts is too large to store."));
    WriteTransaction txn(m_ctx.db());
    if (!txn.isActive())
        return m_ctx.fail(txn.errorString());
    const auto sid = runningPass(pass);
    if (!sid)
        return false;
    const std::optional<qint64> above = m_queue.highestContactId(*sid);
    const std::optional<bool> pending = above ? m_queue.tagsPending(*sid) : std::nullopt;
    if (!pending)
        return false;
    const qsizetype size = page.rows.size();
    if (*above + size >= CacheKeys::rangeEnd(*sid))
        return m_ctx.fail(
            QStringLiteral("The cache has no ids left for session %1.").arg(pass.sessionId));
    const std::optional<qsizetype> fresh = m_rows.storeContacts(*sid, page, *above + 1,
                                                                pass.generation, m_ctx.now());
    if (!fresh || !m_queue.queueNewContacts(*sid, *above, *pending)
        || !saveProgress(*sid, pass, nextCursor, size))
        return false;
    if (!txn.commit())
        return m_ctx.fail(txn.errorString());
    m_rows.pageCommitted(SyncKind::Contacts, *fresh, size);
    return true;
}

bool SyncPassWriter::storeGroups(const SyncPass &pass, const QList<Group> &page,
                                 const QString &nextCursor)
{
    if (pass.kind != SyncKind::Groups)
        return m_ctx.fail(QStringLiteral("storeGroups needs a groups pass."));
    WriteTransaction txn(m_ctx.db());
    if (!txn.isActive())
        return m_ctx.fail(txn.errorString());
    const auto sid = runningPass(pass);
    if (!sid || !m_rows.storeGroups(*sid, page, pass.generation, m_ctx.now())
        || !saveProgress(*sid, pass, nextCursor, page.size()))
        return false;
    return txn.commit() || m_ctx.fail(txn.errorString());
}

bool SyncPassWriter::storeMembers(const SyncPass &pass, const EncodedMembers &list,
                                  const QString &nextCursor)
{
    if (pass.kind != SyncKind::Members)
        return m_ctx.fail(QStringLiteral("storeMembers needs a members pass."));
    if (list.groupJid.isNull())
        return m_ctx.fail(QStringLiteral("storeMembers needs the group's JID."));
    if (list.text.overflowed())
        return m_ctx.fail(QStringLiteral("The member list is too large to store."));
    WriteTransaction txn(m_ctx.db());
    if (!txn.isActive())
        return m_ctx.fail(txn.errorString());
    const auto sid = runningPass(pass);
    if (!sid)
        return false;
    const std::optional<qint64> above = m_queue.highestMembershipId();
    const std::optional<bool> pending = above ? m_queue.tagsPending(*sid) : std::nullopt;
    if (!pending)
        return false;
    const qsizetype rows = list.rows.size();
    const std::optional<qsizetype> fresh = m_rows.storeMembers(*sid, list, pass.generation,
                                                               m_ctx.now());
    if (!fresh || !m_queue.queueNewMembers(*above, *pending)
        || !saveProgress(*sid, pass, nextCursor, rows))
        return false;
    if (!txn.commit())
        return m_ctx.fail(txn.errorString());
    m_rows.pageCommitted(SyncKind::Members, *fresh, rows);
    return true;
}

bool SyncPassWriter::sweep(qint64 sid, const SyncPass &pass)
{
    // Whatever this complete pass did not stamp is gone from the gateway.
    QSqlQuery *q = m_ctx.prepare(
        QStringLiteral("DELETE FROM %1 WHERE sid = :sid AND gen < :gen").arg(tableOf(pass.kind)));
    if (!q)
        return false;
    if (!pass.mayFindOlderRows)
        return true; // a first pass: every row of the kind carries its generation
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":sid"), sid);
    q->bindValue(QStringLiteral(":gen"), pass.generation);
    return m_ctx.exec(q);
}

bool SyncPassWriter::finishPass(const SyncPass &pass)
{
    WriteTransaction txn(m_ctx.db());
    if (!txn.isActive())
        return m_ctx.fail(txn.errorString());
    const auto sid = runningPass(pass);
    if (!sid || !sweep(*sid, pass))
        return false;
    if (pass.kind == SyncKind::Members && !m_queue.releaseTags(*sid))
        return false;
    QSqlQuery *done = m_ctx.prepare(QStringLiteral(
        "UPDATE sync_state SET complete_generation = generation, status = 'complete',"
        " cursor = NULL, finished_at = :now, completed_at = :now, error = NULL,"
        " request_id = NULL WHERE sid = :sid AND kind = :kind"));
    if (!done)
        return false;
    StatementReset reset(done);
    done->bindValue(QStringLiteral(":now"), m_ctx.now());
    done->bindValue(QStringLiteral(":sid"), *sid);
    done->bindValue(QStringLiteral(":kind"), syncKindName(pass.kind));
    if (!m_ctx.exec(done))
        return false;
    return txn.commit() || m_ctx.fail(txn.errorString());
}

bool SyncPassWriter::failPass(const SyncPass &pass, const QString &error, const QString &requestId)
{
    WriteTransaction txn(m_ctx.db());
    if (!txn.isActive())
        return m_ctx.fail(txn.errorString());
    const auto sid = runningPass(pass);
    if (!sid)
        return false;
    // What the pass stored is searchable by tag as usual from now on (releaseTags()).
    if (pass.kind == SyncKind::Members && !m_queue.releaseTags(*sid))
        return false;
    QSqlQuery *q = m_ctx.prepare(QStringLiteral(
        "UPDATE sync_state SET status = 'failed', finished_at = :now, error = :error,"
        " request_id = :rid WHERE sid = :sid AND kind = :kind"));
    if (!q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":now"), m_ctx.now());
    q->bindValue(QStringLiteral(":error"), text(error));
    q->bindValue(QStringLiteral(":rid"), requestId.isEmpty() ? nullText() : text(requestId));
    q->bindValue(QStringLiteral(":sid"), *sid);
    q->bindValue(QStringLiteral(":kind"), syncKindName(pass.kind));
    if (!m_ctx.exec(q))
        return false;
    return txn.commit() || m_ctx.fail(txn.errorString());
}
