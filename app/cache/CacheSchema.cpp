#include "cache/CacheSchema.h"

#include "cache/CacheDatabase.h"
#include "cache/SearchText.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <functional>

namespace CacheSchema {

QString contactFtsValues(const QString &row)
{
    // Every column ends in two U+001F (never part of a folded query) so each character
    // starts a trigram: that is what lets 1-2 character queries use the term list.
    return QStringLiteral("CASE WHEN %1.name_key = char(1114111) THEN NULL"
                          " ELSE %1.name_key || char(31, 31) END,"
                          " %1.phone || char(31, 31), %1.bn_key || char(31, 31)")
        .arg(row);
}

QString tagFtsText()
{
    return QStringLiteral("group_concat(m.tag_key, char(31)) || char(31, 31)");
}

namespace {

using Step = std::function<bool(CacheDatabase &, QString *)>;

// Queues the contact a membership row belongs to (when the cache has it) for its tags.
QString queueTagsOf(const QString &row)
{
    return QStringLiteral("INSERT INTO tag_fts_queue (id) SELECT c.id FROM contacts c"
                          " WHERE c.sid = %1.sid AND c.lid = %1.lid"
                          " AND NOT EXISTS (SELECT 1 FROM tag_fts_queue q WHERE q.id = c.id);")
        .arg(row);
}

bool execAll(CacheDatabase &db, const QStringList &statements, QString *error)
{
    for (const QString &sql : statements) {
        if (!db.exec(sql, error))
            return false;
    }
    return true;
}

// Version 1: the mirror of the gateway's stored data and the sync bookkeeping.
bool toVersion1(CacheDatabase &db, QString *error)
{
    return execAll(
        db,
        {
            QStringLiteral(R"(CREATE TABLE sessions (
  sid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  organization_id TEXT, gateway_id TEXT, status TEXT,
  is_admin_session INTEGER, auto_read INTEGER, presence_typing INTEGER,
  rate_per_min INTEGER, rate_per_hour INTEGER, created_at INTEGER, updated_at INTEGER,
  label TEXT, phone_number TEXT, wa_jid TEXT, wa_lid TEXT, created_by_user_id TEXT,
  last_connected_at INTEGER,
  listed INTEGER NOT NULL DEFAULT 0,
  synced_at INTEGER))"),
            // id = (sid << 40) + n: each session's rows are one rowid range, which FTS5 can
            // restrict a MATCH to without reading the rows.
            QStringLiteral(R"(CREATE TABLE contacts (
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
  synced_at INTEGER NOT NULL))"),
            // Every index is one more random write per new contact in a sync page, so there are
            // as few as the sort orders allow: LID order (and the upsert key), name order led by
            // is_dm (the usual order, kept a range under a source filter), phone order and
            // updated order for the rows that have those (the others sort by LID, at one end).
            QStringLiteral("CREATE UNIQUE INDEX contacts_by_lid ON contacts (sid, lid)"),
            QStringLiteral(
                "CREATE INDEX contacts_by_name ON contacts (sid, is_dm, name_key, lid, phone)"),
            QStringLiteral("CREATE INDEX contacts_by_phone ON contacts (sid, phone, lid) WHERE "
                           "phone IS NOT NULL"),
            QStringLiteral("CREATE INDEX contacts_by_updated ON contacts (sid, updated_at, lid) "
                           "WHERE updated_at > 0"),
            QStringLiteral(R"(CREATE TABLE groups (
  id INTEGER PRIMARY KEY,
  sid INTEGER NOT NULL REFERENCES sessions (sid) ON DELETE CASCADE,
  jid TEXT NOT NULL,
  gateway_id INTEGER, subject TEXT, subject_key TEXT NOT NULL, description TEXT,
  owner_jid TEXT, is_announce INTEGER, is_locked INTEGER, participant_count INTEGER,
  created_at_wa INTEGER, first_seen_at INTEGER, updated_at INTEGER,
  gen INTEGER NOT NULL,
  synced_at INTEGER NOT NULL,
  UNIQUE (sid, jid)))"),
            QStringLiteral("CREATE INDEX groups_by_subject ON groups (sid, subject_key, jid)"),
            QStringLiteral(R"(CREATE TABLE memberships (
  id INTEGER PRIMARY KEY,
  sid INTEGER NOT NULL REFERENCES sessions (sid) ON DELETE CASCADE,
  group_jid TEXT NOT NULL,
  lid TEXT NOT NULL,
  role TEXT NOT NULL,
  tag TEXT,
  gateway_id INTEGER, first_seen_at INTEGER, last_seen_at INTEGER,
  gen INTEGER NOT NULL,
  synced_at INTEGER NOT NULL,
  UNIQUE (sid, group_jid, lid)))"),
            QStringLiteral("CREATE INDEX memberships_by_lid ON memberships (sid, lid)"),
            QStringLiteral(R"(CREATE TABLE sync_state (
  sid INTEGER NOT NULL REFERENCES sessions (sid) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  generation INTEGER NOT NULL DEFAULT 0,
  complete_generation INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'idle',
  cursor TEXT,
  items INTEGER NOT NULL DEFAULT 0,
  started_at INTEGER, finished_at INTEGER, completed_at INTEGER,
  error TEXT, request_id TEXT,
  PRIMARY KEY (sid, kind)) WITHOUT ROWID)"),
        },
        error);
}

// Folds a text column into its key column for every row (C++: SQLite cannot case-fold
// Unicode).
bool backfillFolded(CacheDatabase &db, const QString &table, const QString &source,
                    const QString &target, QString *error)
{
    QSqlQuery read(db.database());
    read.setForwardOnly(true);
    if (!read.exec(
            QStringLiteral("SELECT id, %1 FROM %2 WHERE %1 IS NOT NULL").arg(source, table))) {
        *error = read.lastError().text();
        return false;
    }
    QSqlQuery write(db.database());
    if (!write.prepare(QStringLiteral("UPDATE %1 SET %2 = :v WHERE id = :id").arg(table, target))) {
        *error = write.lastError().text();
        return false;
    }
    while (read.next()) {
        const QString folded = SearchText::fold(read.value(1).toString());
        write.bindValue(QStringLiteral(":v"), folded.isEmpty() ? QVariant() : QVariant(folded));
        write.bindValue(QStringLiteral(":id"), read.value(0));
        if (!write.exec()) {
            *error = write.lastError().text();
            return false;
        }
    }
    return true;
}

// Version 2: search. Trigram FTS5 over the folded name, phone and business name (one row per
// contact) and over membership tags (one row per membership, so a tag change never rewrites
// the contact's row). The FTS tables are filled by SearchIndexer from queues the triggers
// append to: a sync page then costs one small queue insert per new row, and the index is
// built in large batches, which FTS5 does at about half the cost per row.
bool toVersion2(CacheDatabase &db, QString *error)
{
    const bool columns = execAll(
        db,
        {
            QStringLiteral("ALTER TABLE contacts ADD COLUMN bn_key TEXT"),
            QStringLiteral("ALTER TABLE memberships ADD COLUMN tag_key TEXT"),
            // The name index covers every column a search tests, so walking it reads no rows.
            QStringLiteral("DROP INDEX contacts_by_name"),
            QStringLiteral("CREATE INDEX contacts_by_name ON contacts (sid, is_dm, name_key, lid, "
                           "phone, bn_key)"),
            QStringLiteral("DROP INDEX memberships_by_lid"),
            QStringLiteral("CREATE INDEX memberships_by_lid ON memberships (sid, lid, tag_key)"),
        },
        error);
    // Backfill before the triggers exist: they would queue these rows as already indexed.
    if (!columns
        || !backfillFolded(db, QStringLiteral("contacts"), QStringLiteral("business_name"),
                           QStringLiteral("bn_key"), error)
        || !backfillFolded(db, QStringLiteral("memberships"), QStringLiteral("tag"),
                           QStringLiteral("tag_key"), error))
        return false;
    return execAll(
        db,
        {
            QStringLiteral("CREATE VIRTUAL TABLE contact_fts USING fts5 (n, p, b, content = '',"
                           " columnsize = 0, tokenize = 'trigram case_sensitive 1')"),
            QStringLiteral(
                "CREATE VIRTUAL TABLE contact_fts_terms USING fts5vocab (contact_fts, row)"),
            // Tags: one row per contact (id = contact id) holding all its tags, kept by
            // SearchIndexer, indexed by tag_fts. A tag hit is a contact id without a join, and a
            // contact's tags are one small lookup for plans that test rows one by one.
            QStringLiteral("CREATE TABLE contact_tags (id INTEGER PRIMARY KEY, t TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE VIRTUAL TABLE tag_fts USING fts5 (t, content = 'contact_tags',"
                " content_rowid = 'id', columnsize = 0, tokenize = 'trigram case_sensitive 1')"),
            QStringLiteral("CREATE VIRTUAL TABLE tag_fts_terms USING fts5vocab (tag_fts, row)"),
            // A queued contact id: its row changed since it was indexed. indexed = 1 means
            // contact_fts holds the values kept here for it (needed to delete them); 0, nothing.
            QStringLiteral("CREATE TABLE contact_fts_queue (id INTEGER PRIMARY KEY,"
                           " indexed INTEGER NOT NULL, n TEXT, p TEXT, b TEXT)"),
            // Contact ids whose tags changed.
            QStringLiteral("CREATE TABLE tag_fts_queue (id INTEGER PRIMARY KEY)"),
            // An id already queued keeps its entry: it says what the index really holds. (Not
            // INSERT OR IGNORE: an upsert firing the trigger overrides its conflict policy.)
            QStringLiteral("CREATE TRIGGER contacts_queue_insert AFTER INSERT ON contacts BEGIN"
                           " INSERT INTO contact_fts_queue (id, indexed) SELECT new.id, 0"
                           " WHERE NOT EXISTS (SELECT 1 FROM contact_fts_queue WHERE id = new.id);"
                           " INSERT INTO tag_fts_queue (id) SELECT new.id"
                           " WHERE NOT EXISTS (SELECT 1 FROM tag_fts_queue WHERE id = new.id)"
                           " AND EXISTS (SELECT 1 FROM memberships m WHERE m.sid = new.sid"
                           " AND m.lid = new.lid AND m.tag_key IS NOT NULL); END"),
            QStringLiteral(
                "CREATE TRIGGER contacts_queue_update AFTER UPDATE OF name_key, phone, bn_key"
                " ON contacts WHEN (old.name_key IS NOT new.name_key OR old.phone IS NOT new.phone"
                " OR old.bn_key IS NOT new.bn_key)"
                " AND NOT EXISTS (SELECT 1 FROM contact_fts_queue WHERE id = old.id) BEGIN"
                " INSERT INTO contact_fts_queue (id, indexed, n, p, b)"
                " VALUES (old.id, 1, %1); END")
                .arg(contactFtsValues(QStringLiteral("old"))),
            QStringLiteral(
                "CREATE TRIGGER contacts_queue_delete AFTER DELETE ON contacts BEGIN"
                " INSERT INTO contact_fts_queue (id, indexed, n, p, b) SELECT old.id, 1, %1"
                " WHERE NOT EXISTS (SELECT 1 FROM contact_fts_queue WHERE id = old.id);"
                " INSERT INTO tag_fts_queue (id) SELECT old.id"
                " WHERE NOT EXISTS (SELECT 1 FROM tag_fts_queue WHERE id = old.id); END")
                .arg(contactFtsValues(QStringLiteral("old"))),
            QStringLiteral("CREATE TRIGGER memberships_queue_insert AFTER INSERT ON memberships"
                           " WHEN new.tag_key IS NOT NULL BEGIN %1 END")
                .arg(queueTagsOf(QStringLiteral("new"))),
            QStringLiteral(
                "CREATE TRIGGER memberships_queue_update AFTER UPDATE OF tag_key ON memberships"
                " WHEN old.tag_key IS NOT new.tag_key BEGIN %1 END")
                .arg(queueTagsOf(QStringLiteral("new"))),
            QStringLiteral("CREATE TRIGGER memberships_queue_delete AFTER DELETE ON memberships"
                           " WHEN old.tag_key IS NOT NULL BEGIN %1 END")
                .arg(queueTagsOf(QStringLiteral("old"))),
            // Everything already stored waits for SearchIndexer like a freshly synced row.
            QStringLiteral(
                "INSERT INTO contact_fts_queue (id, indexed) SELECT id, 0 FROM contacts"),
            QStringLiteral(
                "INSERT INTO tag_fts_queue (id) SELECT DISTINCT c.id FROM memberships m"
                " JOIN contacts c ON c.sid = m.sid AND c.lid = m.lid WHERE m.tag_key IS NOT NULL"),
        },
        error);
}

// Version 3: who did what, from the console or through the local API.
bool toVersion3(CacheDatabase &db, QString *error)
{
    return execAll(
        db,
        {
            QStringLiteral(R"(CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  profile TEXT NOT NULL,
  session_id TEXT,
  contact TEXT,
  action TEXT NOT NULL,
  result TEXT NOT NULL,
  request_id TEXT,
  origin TEXT NOT NULL CHECK (origin IN ('console', 'local-api')),
  detail TEXT))"),
            QStringLiteral("CREATE INDEX audit_by_session ON audit_log (session_id, id)"),
        },
        error);
}

// Version 4: new rows are queued for search by CacheWriter, one statement per page, instead
// of by a trigger per row (a trigger program per inserted row cost about half of storing a
// sync page). Changes and deletions keep their triggers: they are rare and row by row.
bool toVersion4(CacheDatabase &db, QString *error)
{
    return execAll(db,
                   {
                       QStringLiteral("DROP TRIGGER contacts_queue_insert"),
                       QStringLiteral("DROP TRIGGER memberships_queue_insert"),
                   },
                   error);
}

// Version 5: a session's tags can wait for the end of its first members pass (tags_pending).
// That pass stores every membership the session has, a few per contact spread over many
// groups: indexing tags as they arrived indexed most contacts several times (0.7 s of a
// 100,000-contact sync), and queueing them one by one made searches look each queued contact
// up. While the flag is set, searches read the session's tags from the memberships index
// instead, and the pass's end indexes them all at once (SearchIndexer::reindexTags).
bool toVersion5(CacheDatabase &db, QString *error)
{
    return db.exec(
        QStringLiteral("ALTER TABLE sessions ADD COLUMN tags_pending INTEGER NOT NULL DEFAULT 0"),
        error);
}

const Step Steps[] = {toVersion1, toVersion2, toVersion3, toVersion4,
                      toVersion5}; // Steps[n] goes from n to n + 1
static_assert(sizeof(Steps) / sizeof(Steps[0]) == LatestVersion);

} // namespace

int version(CacheDatabase &db)
{
    QSqlQuery q(db.database());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool migrate(CacheDatabase &db, QString *error)
{
    QString localError;
    QString &err = error ? *error : localError;
    for (;;) {
        WriteTransaction txn(db); // re-read inside the lock: another writer may have migrated
        if (!txn.isActive()) {
            err = txn.errorString();
            return false;
        }
        const int current = version(db);
        if (current < 0) {
            err = QStringLiteral("Cannot read the schema version of %1.").arg(db.path());
            return false;
        }
        if (current > LatestVersion) {
            err = QStringLiteral("The cache %1 has schema version %2, newer than this program"
                                 " (%3); it was left untouched.")
                      .arg(db.path())
                      .arg(current)
                      .arg(LatestVersion);
            return false;
        }
        if (current == LatestVersion)
            return true; // the transaction rolls back: nothing was written
        if (!Steps[current](db, &err)
            || !db.exec(QStringLiteral("PRAGMA user_version = %1").arg(current + 1), &err)) {
            err = QStringLiteral("Migrating the cache to version %1 failed: %2")
                      .arg(current + 1)
                      .arg(err);
            return false;
        }
        if (!txn.commit()) {
            err = txn.errorString();
            return false;
        }
    }
}

} // namespace CacheSchema
