-- Version 5: a session's tags can wait for the end of its first members pass. That pass
-- stores every membership the session has, a few per contact spread over many groups:
-- indexing tags as they arrived would index most contacts several times, and queueing them
-- one by one would make searches look each queued contact up. While the flag is set,
-- searches read the session's tags from the memberships index instead, and the pass's end
-- indexes them all at once (SearchIndexer::reindexTags).
ALTER TABLE sessions ADD COLUMN tags_pending INTEGER NOT NULL DEFAULT 0;
