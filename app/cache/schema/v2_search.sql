-- Version 2, second part: the trigram FTS5 tables and the queues SearchIndexer fills them
-- from (the triggers that append to the queues are built by CacheSchema.cpp).
CREATE VIRTUAL TABLE contact_fts USING fts5 (n, p, b, content = '', columnsize = 0, tokenize = 'trigram case_sensitive 1');
CREATE VIRTUAL TABLE contact_fts_terms USING fts5vocab (contact_fts, row);
-- Tags: one row per contact (id = contact id) holding all its tags, kept by SearchIndexer,
-- indexed by tag_fts. A tag hit is a contact id without a join, and a contact's tags are one
-- small lookup for plans that test rows one by one.
CREATE TABLE contact_tags (id INTEGER PRIMARY KEY, t TEXT NOT NULL);
CREATE VIRTUAL TABLE tag_fts USING fts5 (t, content = 'contact_tags', content_rowid = 'id', columnsize = 0, tokenize = 'trigram case_sensitive 1');
CREATE VIRTUAL TABLE tag_fts_terms USING fts5vocab (tag_fts, row);
-- A queued contact id: its row changed since it was indexed. indexed = 1 means contact_fts
-- holds the values kept here for it (needed to delete them); 0, nothing.
CREATE TABLE contact_fts_queue (id INTEGER PRIMARY KEY, indexed INTEGER NOT NULL, n TEXT, p TEXT, b TEXT);
-- Contact ids whose tags changed.
CREATE TABLE tag_fts_queue (id INTEGER PRIMARY KEY);
-- Everything already stored waits for SearchIndexer like a freshly synced row.
INSERT INTO contact_fts_queue (id, indexed) SELECT id, 0 FROM contacts;
INSERT INTO tag_fts_queue (id) SELECT DISTINCT c.id FROM memberships m JOIN contacts c ON c.sid = m.sid AND c.lid = m.lid WHERE m.tag_key IS NOT NULL;
