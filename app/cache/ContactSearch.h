#pragma once

#include "cache/CacheTypes.h"
#include "cache/SearchCandidates.h"
#include "cache/SearchContext.h"
#include "cache/SearchCounter.h"
#include "cache/SearchStatements.h"
#include "cache/SearchWalk.h"

#include <QHash>
#include <QString>

#include <optional>

class CacheDatabase;

// Pages and counts of contacts for a ContactFilter, with keyset paging. Picks a plan per
// query, all returning the same rows (see ContactSql):
//   browse     no text: the sort order's index, from the cursor
//   group      the group's memberships, sorted (a group is small)
//   set        few candidates (FTS hits, queued rows, tag hits, LID prefix): look them up,
//              sort; when the sort value itself can start with the query (name, phone, LID),
//              the rows that do are read as an index range instead, so a common first name
//              costs a range scan, not a lookup per row
//   walk       many candidates: walk the sort index testing each row, within a window of
//              rows sized from their density (SearchWalk); when the window ends before the
//              page is full (they cluster later in the order, e.g. another script), fall back
//              to set
// 1-2 character queries, which the trigram index cannot answer, walk a small window first,
// then a larger one when the first was dense enough, else use the trigram terms starting
// with the query as candidates (every character starts a trigram: see
// CacheSchema::contactFtsValues), looked up in chunks.
// Counts use the same candidates (SearchCounter). A query containing the last one starts
// from the last one's full-text hits (typing on: see SearchCandidates).
class ContactSearch
{
public:
    using Tuning = ContactSearchTuning;

    explicit ContactSearch(CacheDatabase &db);
    ContactSearch(const ContactSearch &) = delete;
    ContactSearch &operator=(const ContactSearch &) = delete;

    std::optional<ContactPage> page(const ContactFilter &filter, const QString &cursor, int limit);
    // cap > 0 lets big counts stop once they know there are at least cap (exact = false).
    std::optional<ContactCount> count(const ContactFilter &filter, qint64 cap = 0);

    QString lastError() const { return m_sql.lastError(); }
    QString lastPlan() const { return m_plan; } // for tests and benchmarks
    void setTuning(const Tuning &tuning)
    {
        m_tuning = tuning;
        m_counter.forget(); // so the next counts run the plans of this tuning
    }

private:
    std::optional<SearchContext> context(const ContactFilter &filter);
    // The plans of a page of text matches: 3 or more characters, then 1-2.
    std::optional<QList<SearchRow>> searchRows(SearchContext &ctx, int fetch);
    std::optional<QList<SearchRow>> shortRows(SearchContext &ctx, int fetch);
    // The trigram terms' candidates; else the larger window (unless walked already), then
    // the whole order.
    std::optional<QList<SearchRow>> shortRowsByTerms(SearchContext &ctx, int fetch,
                                                     bool walkedLargeWindow);
    std::optional<QList<SearchRow>> plainRows(const ContactFilter &filter, const SearchContext &ctx,
                                              int fetch);
    void forgetIfChanged();

    Tuning m_tuning;
    QString m_plan;
    SearchStatements m_sql;
    SearchCandidates m_candidates;
    SearchWalk m_walk;
    SearchCounter m_counter;
    QHash<QString, qint64> m_sids; // valid for m_dataVersion
    qint64 m_dataVersion = -1;
};
