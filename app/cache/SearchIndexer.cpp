#include "cache/SearchIndexer.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheSchema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

SearchIndexer::SearchIndexer(CacheDatabase &db)
    : m_db(db)
{
}

int SearchIndexer::indexPending(int maxRows)
{
    const int contacts = indexContacts(maxRows);
    if (contacts < 0)
        return -1;
    const int tags = indexTags(maxRows);
    if (tags < 0)
        return -1;
    return contacts + tags;
}

int SearchIndexer::indexContacts(int maxRows)
{
    return indexBatch(
        QStringLiteral("contact_fts_queue"),
        {
            // Old values out first (a contentless table needs exactly what it was given)...
            QStringLiteral("INSERT INTO contact_fts (contact_fts, rowid, n, p, b)"
                           " SELECT 'delete', id, n, p, b FROM contact_fts_queue"
                           " WHERE id <= :last AND indexed = 1"),
            // ...then the rows as they are now, when they still exist.
            QStringLiteral(
                "INSERT INTO contact_fts (rowid, n, p, b) SELECT c.id, %1"
                " FROM contact_fts_queue q JOIN contacts c ON c.id = q.id WHERE q.id <= :last")
                .arg(CacheSchema::contactFtsValues(QStringLiteral("c"))),
        },
        maxRows);
}

int SearchIndexer::indexTags(int maxRows)
{
    return indexBatch(
        QStringLiteral("tag_fts_queue"),
        {
            // tag_fts indexes contact_tags: out of the index first, then out of the table.
            QStringLiteral(
                "INSERT INTO tag_fts (tag_fts, rowid, t) SELECT 'delete', id, t"
                " FROM contact_tags WHERE id IN (SELECT id FROM tag_fts_queue WHERE id <= :last)"),
            QStringLiteral("DELETE FROM contact_tags WHERE id IN"
                           " (SELECT id FROM tag_fts_queue WHERE id <= :last)"),
            QStringLiteral("INSERT INTO contact_tags (id, t) SELECT c.id, %1"
                           " FROM tag_fts_queue q JOIN contacts c ON c.id = q.id"
                           " JOIN memberships m ON m.sid = c.sid AND m.lid = c.lid"
                           " WHERE q.id <= :last AND m.tag_key IS NOT NULL GROUP BY c.id")
                .arg(CacheSchema::tagFtsText()),
            QStringLiteral("INSERT INTO tag_fts (rowid, t) SELECT id, t FROM contact_tags"
                           " WHERE id IN (SELECT id FROM tag_fts_queue WHERE id <= :last)"),
        },
        maxRows);
}

bool SearchIndexer::reindexTags(qint64 firstId, qint64 lastId)
{
    WriteTransaction txn(m_db);
    if (!txn.isActive()) {
        m_error = txn.errorString();
        return false;
    }
    static const QStringList statements{
        QStringLiteral("INSERT INTO tag_fts (tag_fts, rowid, t) SELECT 'delete', id, t"
                       " FROM contact_tags WHERE id BETWEEN :lo AND :hi"),
        QStringLiteral("DELETE FROM contact_tags WHERE id BETWEEN :lo AND :hi"),
        QStringLiteral("DELETE FROM tag_fts_queue WHERE id BETWEEN :lo AND :hi"),
        QStringLiteral("INSERT INTO contact_tags (id, t) SELECT c.id, %1 FROM contacts c"
                       " JOIN memberships m ON m.sid = c.sid AND m.lid = c.lid"
                       " WHERE c.id BETWEEN :lo AND :hi AND m.tag_key IS NOT NULL GROUP BY c.id")
            .arg(CacheSchema::tagFtsText()),
        QStringLiteral("INSERT INTO tag_fts (rowid, t) SELECT id, t FROM contact_tags"
                       " WHERE id BETWEEN :lo AND :hi"),
    };
    for (const QString &sql : statements) {
        QSqlQuery *q = m_db.statement(sql, &m_error);
        if (!q)
            return false;
        StatementReset reset(q);
        q->bindValue(QStringLiteral(":lo"), firstId);
        q->bindValue(QStringLiteral(":hi"), lastId);
        if (!q->exec()) {
            m_error = q->lastError().text();
            return false;
        }
    }
    if (!txn.commit()) {
        m_error = txn.errorString();
        return false;
    }
    return true;
}

int SearchIndexer::indexBatch(const QString &queue, const QStringList &statements, int maxRows)
{
    WriteTransaction txn(m_db);
    if (!txn.isActive()) {
        m_error = txn.errorString();
        return -1;
    }
    // The batch is a prefix of the queue by id, so a few set-wise statements handle it.
    QSqlQuery *bound = m_db.statement(
        QStringLiteral("SELECT count(*), max(id) FROM (SELECT id FROM %1 ORDER BY id LIMIT :n)")
            .arg(queue),
        &m_error);
    if (!bound)
        return -1;
    qint64 count = 0;
    qint64 last = 0;
    {
        StatementReset reset(bound);
        bound->bindValue(QStringLiteral(":n"), qMax(1, maxRows));
        if (!bound->exec() || !bound->next()) {
            m_error = bound->lastError().text();
            return -1;
        }
        count = bound->value(0).toLongLong();
        last = bound->value(1).toLongLong();
    }
    if (count == 0)
        return txn.commit() ? 0 : -1; // nothing to do (and, nested, nothing to undo)
    for (const QString &sql :
         statements + QStringList{QStringLiteral("DELETE FROM %1 WHERE id <= :last").arg(queue)}) {
        QSqlQuery *q = m_db.statement(sql, &m_error);
        if (!q)
            return -1;
        StatementReset reset(q);
        q->bindValue(QStringLiteral(":last"), last);
        if (!q->exec()) {
            m_error = q->lastError().text();
            return -1;
        }
    }
    if (!txn.commit()) {
        m_error = txn.errorString();
        return -1;
    }
    return int(count);
}

qint64 SearchIndexer::pendingRows()
{
    qint64 total = 0;
    for (const QString &queue :
         {QStringLiteral("contact_fts_queue"), QStringLiteral("tag_fts_queue")}) {
        QSqlQuery *q = m_db.statement(QStringLiteral("SELECT count(*) FROM %1").arg(queue),
                                      &m_error);
        if (!q)
            return -1;
        StatementReset reset(q);
        if (!q->exec() || !q->next())
            return -1;
        total += q->value(0).toLongLong();
    }
    return total;
}
