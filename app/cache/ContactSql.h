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
//   :g            group JID            :n        page size        :w  walk window
//
// A contact matches text q when q is a substring of name_key, phone or bn_key, a prefix of
// its LID, or a substring of one of its tags in the session (T below). Every plan applies
// T to each row it returns, so all plans give the same rows whatever the FTS index holds.
namespace ContactSql {

struct Shape {
    ContactSort sort = ContactSort::Name;
    bool descending = false;
    QList<int> dmBranches{0, 1}; // is_dm values the source filter allows
    bool hasCursor = false;
};

QString index(ContactSort sort);     // the sort order's index
QString sortKey(ContactSort sort);   // its value for alias c
bool hasPrefixRange(ContactSort sort); // a query prefix of the sort value is an index range

QString columnsFor(ContactSort sort); // what a page row reads (alias c), ending in sort_key

// All contacts in order (no text).
QString browse(const Shape &shape);
// The first rows of the order, testing each against T; with a boundary (:bk, :bl) it stops
// there. Used when matches are plentiful.
QString walk(const Shape &shape, bool bounded);
// The (:w)-th row of the order from the cursor: the walk's boundary.
QString walkBoundary(const Shape &shape);
// Rows whose sort value starts with q (an index range, in order), merged with the candidate
// set (FTS, queues, tags, LID prefix) tested by T and not in that range. prefixSplit =
// false: the candidate set alone. fts/tags = false leave those candidate sources out.
QString searchSet(const Shape &shape, bool prefixSplit, bool fts, bool tags);
// Members of group :g, T applied when text is set.
QString groupMembers(const Shape &shape, bool text);

// Candidate counts, each stopped after :n rows.
QString probeFts();
QString probeTags();
QString probeContactQueue();
QString probeTagQueue();
QString probeLidPrefix();

// Counts.
QString countAll(const Shape &shape);                    // no text
QString countPrefix(const Shape &shape);                 // sort value starts with q
QString countSet(const Shape &shape, bool prefixSplit, bool fts, bool tags);
QString countWalk(const Shape &shape);                   // T over the whole order, up to :n
QString countGroup(const Shape &shape, bool text);
// No source filter: FTS hits (minus queued rows, whose index entry may be stale) plus the
// queued, tag and LID-prefix candidates that match only those ways. Exact.
QString countFtsFormula(bool tags);

// Terms of the trigram vocabulary starting with :q (1-2 character queries).
QString contactTerms();
QString tagTerms();

} // namespace ContactSql
