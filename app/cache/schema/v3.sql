-- Version 3: who did what, from the console or through the local API.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  profile TEXT NOT NULL,
  session_id TEXT,
  contact TEXT,
  action TEXT NOT NULL,
  result TEXT NOT NULL,
  request_id TEXT,
  origin TEXT NOT NULL CHECK (origin IN ('console', 'local-api')),
  detail TEXT);
CREATE INDEX audit_by_session ON audit_log (session_id, id);
