#pragma once

#include <QStringList>

#include <optional>

class WriteContext;

// Hands the rows a CacheWriter call inserted to SearchIndexer. New contacts take ids above
// the session's highest (see CacheKeys), new memberships above the table's highest, so the
// rows a call inserted are the ids above what highest*() said before it: one statement per
// call queues them all, instead of a trigger per row.
//
// A session's first members pass (none stored before it) leaves the session's tags out of
// the queue (sessions.tags_pending, see CacheSchema version 5): searches read them from the
// memberships meanwhile. releaseTags() ends that when the pass finishes or fails, indexing
// all of the session's tags at once (SearchIndexer::reindexTags()).
class SearchQueue
{
public:
    explicit SearchQueue(WriteContext &ctx);

    std::optional<qint64> highestContactId(qint64 sid);
    std::optional<qint64> highestMembershipId();
    bool queueNewContacts(qint64 sid, qint64 above, bool tagsPending);
    bool queueNewMembers(qint64 above, bool tagsPending);

    std::optional<bool> tagsPending(qint64 sid);
    bool setTagsPending(qint64 sid, bool pending);
    bool releaseTags(qint64 sid);

private:
    bool queueNew(const QStringList &statements, qint64 sid, qint64 above);

    WriteContext &m_ctx;
};
