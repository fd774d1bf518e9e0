#pragma once

#include <QString>

class CacheDatabase;

// The cache's schema, versioned with PRAGMA user_version. Each migration step takes the
// database from version N to N+1 in one transaction (DDL, data backfill, the new
// user_version), so a crash leaves either N or N+1. A file newer than this program is
// refused, never touched.
//   1: sessions, contacts, groups, memberships, sync_state
//   2: search: folded business names and tags, the trigram FTS5 tables and their queues
//   3: audit_log
//   4: new rows queued by the writer instead of triggers
//   5: sessions.tags_pending
//   6: meta (CacheMeta)
// The DDL of each version is in schema/v*.sql (resources, read when migrating). Old
// versions' SQL is kept as test fixtures (tests/cache/fixtures), so every step is tested
// on a database really created at its starting version.
namespace CacheSchema {

constexpr int kLatestVersion = 6;

int version(CacheDatabase &db); // -1 when it cannot be read
bool migrate(CacheDatabase &db, QString *error);

// The values written to contact_fts for a contacts row aliased `row` (new, old, c, ...).
// The triggers and SearchIndexer must use exactly these: a contentless FTS5 table deletes a
// row by being handed the very values it indexed. Changing them needs a migration that
// rebuilds the index.
QString contactFtsValues(const QString &row); // "n, p, b" column values
// contact_tags.t of one contact: its memberships' folded tags (alias m), grouped by contact,
// separated and ended like contactFtsValues' columns.
QString tagFtsText();

} // namespace CacheSchema
