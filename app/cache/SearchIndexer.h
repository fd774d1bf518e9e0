#pragma once

#include <QString>
#include <QStringList>

class CacheDatabase;

// Brings the FTS tables up to date with the rows queued by the triggers (new, changed and
// deleted contacts and tagged memberships), in batches of one transaction each. FTS5 builds
// a large batch at about half the per-row cost of small ones, and the sync's page
// transactions stay small. Run it on the writer's connection: after a sync pass, between
// pages when the queue grows, or when idle. Readers stay exact while rows are queued; they
// just fall back to slower plans for those rows.
class SearchIndexer
{
public:
    explicit SearchIndexer(CacheDatabase &db);

    // Indexes up to maxRows queued contacts and up to maxRows contacts whose tags changed.
    // Returns how many it indexed, or -1 on error (lastError()).
    int indexPending(int maxRows = 20000);
    // Only the queued contacts' own fields (name, phone, business name), up to maxRows.
    int indexContacts(int maxRows);
    // Only the tags of up to maxRows contacts whose tags changed.
    int indexTags(int maxRows);
    // Rebuilds the tags of every contact with an id in [firstId, lastId] (one session's
    // range) from its memberships, whatever was indexed or queued for them before; false on
    // error (lastError()). A session's first members pass ends with this instead of queueing
    // each tagged contact: a few set-wise statements instead of one pass per contact. Runs
    // in the caller's transaction when there is one.
    bool reindexTags(qint64 firstId, qint64 lastId);
    // Entries still queued (contacts + contacts' tags).
    qint64 pendingRows();
    QString lastError() const { return m_error; }

private:
    int indexBatch(const QString &queue, const QStringList &statements, int maxRows);

    CacheDatabase &m_db;
    QString m_error;
};
