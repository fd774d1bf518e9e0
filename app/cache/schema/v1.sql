-- Version 1: the mirror of the gateway's stored data and the sync bookkeeping.
CREATE TABLE sessions (
  sid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  organization_id TEXT, gateway_id TEXT, status TEXT,
  is_admin_session INTEGER, auto_read INTEGER, presence_typing INTEGER,
  rate_per_min INTEGER, rate_per_hour INTEGER, created_at INTEGER, updated_at INTEGER,
  label TEXT, phone_number TEXT, wa_jid TEXT, wa_lid TEXT, created_by_user_id TEXT,
  last_connected_at INTEGER,
  listed INTEGER NOT NULL DEFAULT 0,
  synced_at INTEGER);
-- id = (sid << 40) + n: each session's rows are one rowid range, which FTS5 can restrict a
-- MATCH to without reading the rows.
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  sid INTEGER NOT NULL REFERENCES sessions (sid) ON DELETE CASCADE,
  lid TEXT NOT NULL,
  is_dm INTEGER NOT NULL CHECK (is_dm IN (0, 1)),
  name TEXT, phone TEXT, business_name TEXT,
  name_key TEXT NOT NULL,
  phone_jid TEXT, identity_id INTEGER, first_seen_at INTEGER,
  updated_at INTEGER NOT NULL DEFAULT 0,
  detail_synced_at INTEGER,
  gen INTEGER NOT NULL,
  synced_at INTEGER NOT NULL);
-- Every index is one more random write per new contact in a sync page, so there are as few
-- as the sort orders allow: LID order (and the upsert key), name order led by is_dm (the
-- usual order, kept a range under a source filter), phone order and updated order for the
-- rows that have those (the others sort by LID, at one end).
CREATE UNIQUE INDEX contacts_by_lid ON contacts (sid, lid);
CREATE INDEX contacts_by_name ON contacts (sid, is_dm, name_key, lid, phone);
CREATE INDEX contacts_by_phone ON contacts (sid, phone, lid) WHERE phone IS NOT NULL;
CREATE INDEX contacts_by_updated ON contacts (sid, updated_at, lid) WHERE updated_at > 0;
CREATE TABLE groups (
  id INTEGER PRIMARY KEY,
  sid INTEGER NOT NULL REFERENCES sessions (sid) ON DELETE CASCADE,
  jid TEXT NOT NULL,
  gateway_id INTEGER, subject TEXT, subject_key TEXT NOT NULL, description TEXT,
  owner_jid TEXT, is_announce INTEGER, is_locked INTEGER, participant_count INTEGER,
  created_at_wa INTEGER, first_seen_at INTEGER, updated_at INTEGER,
  gen INTEGER NOT NULL,
  synced_at INTEGER NOT NULL,
  UNIQUE (sid, jid));
CREATE INDEX groups_by_subject ON groups (sid, subject_key, jid);
CREATE TABLE memberships (
  id INTEGER PRIMARY KEY,
  sid INTEGER NOT NULL REFERENCES sessions (sid) ON DELETE CASCADE,
  group_jid TEXT NOT NULL,
  lid TEXT NOT NULL,
  role TEXT NOT NULL,
  tag TEXT,
  gateway_id INTEGER, first_seen_at INTEGER, last_seen_at INTEGER,
  gen INTEGER NOT NULL,
  synced_at INTEGER NOT NULL,
  UNIQUE (sid, group_jid, lid));
CREATE INDEX memberships_by_lid ON memberships (sid, lid);
CREATE TABLE sync_state (
  sid INTEGER NOT NULL REFERENCES sessions (sid) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  generation INTEGER NOT NULL DEFAULT 0,
  complete_generation INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'idle',
  cursor TEXT,
  items INTEGER NOT NULL DEFAULT 0,
  started_at INTEGER, finished_at INTEGER, completed_at INTEGER,
  error TEXT, request_id TEXT,
  PRIMARY KEY (sid, kind)) WITHOUT ROWID;
