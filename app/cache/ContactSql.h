#pragma once

#include "cache/CacheTypes.h"

#include <QString>
#include <QStringList>

// Builds the SQL of every contacts read plan (ContactSearch decides which one runs). Only the
// shape varies: sort order, direction, source branches, cursor or not. Every value is a
// named parameter:
//   :sid          session key          :lo :hi   the session's rowid range
//   :q :qe        folded query, and its prefix range end (q + U+10FFFF)
//   :fq :tq       FTS5 queries for contact_fts and tag_fts
//   :ck :cl       cursor sort value and LID      :bk :bl  walk boundary value and LID
//   :g            group JID            :n        row limit        :w  walk window
//
// A contact matches text q when q is a substring of name_key, phone or bn_key, a prefix of
// its LID, or a substring of one of its tags in the session (T below). Every plan applies
// T to each row it returns, so all plans give the same rows whatever the FTS index holds.
// T reads a contact's tags from contact_tags, or from its memberships while the contact
// waits in the tag queue (contact_tags may be stale then).
namespace ContactSql {

struct Shape {
    ContactSort sort = ContactSort::Name;
    bool descending = false;
    QList<int> dmBranches{0, 1}; // is_dm values the source filter allows
    bool hasCursor = false;
};

QString sortKey(ContactSort sort);     // the sort value for alias c
bool hasPrefixRange(ContactSort sort); // "value starts with q" is an index range
// An order is read as one or more index ranges ("parts") merged; see ContactSql.cpp.
int partCount(const Shape &shape);

// All contacts in order (no text).
QString browse(const Shape &shape);
// The (:w)-th row of one part after the cursor: a walk's boundary.
QString walkBoundary(const Shape &shape, int part);
// How T learns whether a contact's tags match (all three agree):
//   Read  reads each contact's tags
//   Hits  asks tag_fts (:tq), once for the statement (3 or more characters)
//   Ids   looks the contact up in :tagids, a JSON array of the contacts whose tags match
enum class TagTest {
    Read,
    Hits,
    Ids
};
// The order's first rows matching T; bounded: only up to (:bk, :bl).
QString walk(const Shape &shape, bool bounded, TagTest tags);
// Rows whose sort value starts with q (an index range, already in order), merged with the
// candidate set (FTS hits :fq, queued rows, tag hits :tq, LID prefix) tested by T and not in
// that range. prefixSplit = false: the candidate set alone. ftsIds: the FTS hits of :fq are
// given as :ids (a JSON array, see ftsHitIds) instead of matched again.
QString searchSet(const Shape &shape, bool prefixSplit, bool ftsIds);
// The same with candidate ids found by the caller (:ids, a JSON array of contact ids) instead
// of FTS hits (1-2 character texts, whose trigram terms are looked up one chunk at a time).
// idsOutsidePrefix: :ids holds (almost) none of the prefix range's rows.
QString searchIds(const Shape &shape, bool prefixSplit, bool idsOutsidePrefix);
// Members of group :g, T applied when text is set.
QString groupMembers(const Shape &shape, bool text);

// The contact ids of FTS hits :fq, at most :n (read once, then passed as :ids).
QString ftsHitIds();
// Candidate counts, each stopped after :n rows.
QString probeTags();
QString probeContactQueue();
QString probeTagQueue();
QString probeLidPrefix();

// Counts; those with :n stop there.
QString countAll(const Shape &shape);                                // no text
QString countPrefix(const Shape &shape);                             // sort value starts with q
QString countSet(const Shape &shape, bool prefixSplit, bool ftsIds); // :n
QString countIds(const Shape &shape, bool prefixSplit, bool idsOutsidePrefix); // :n
QString countPrefixUpTo(const Shape &shape);                                   // :n
// T over the whole order, :n; fieldsOnly: what T finds without reading tags (a lower bound).
QString countWalk(const Shape &shape, bool fieldsOnly);
QString countGroup(const Shape &shape, bool text);
// No source filter, three disjoint parts, each up to :n: FTS hits not queued (their entry
// is current), queued contacts matching T, and contacts matching only by a tag or a LID
// prefix.
QStringList countFtsParts();

// Contact ids of an FTS query :m on contact_fts, or tag_fts.
QString termHits(bool tags);
// Terms of the trigram vocabularies starting with :q (for 1-2 character queries), :n at most.
QString contactTerms();
QString tagTerms();
// The most rows one contact_fts term starting with :q is in, over every session.
QString contactTermMostRows();

} // namespace ContactSql
