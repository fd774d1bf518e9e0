-- Version 6: small named values the console keeps with the cache, such as where the
-- gateway's realtime feed resumes (the last event id applied to this cache).
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
