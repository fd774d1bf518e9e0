#pragma once

#include "cache/SearchContext.h"

#include <QList>

#include <optional>

class SearchStatements;

// The walk plan: the sort order's index read from the cursor, each row tested against the
// text, within a window of rows so that a rare text never reads the whole order.
class SearchWalk
{
public:
    SearchWalk(SearchStatements &sql, const ContactSearchTuning &tuning);

    // The first fetch matching rows within window rows of every part of the order (0: no
    // window). complete: the page is as full as the whole order would have made it.
    std::optional<QList<SearchRow>> rows(const SearchContext &ctx, int fetch, int window,
                                         bool *complete);
    // The largest window worth walking on the context's sort index.
    int maxWindow(const SearchContext &ctx) const;
    // A window for candidates spread over the order: twice what their density says a page
    // needs, within [firstWindow, maxWindow].
    std::optional<int> windowFor(const SearchContext &ctx, int fetch, qint64 candidates);

private:
    // Where the window ends: the first of the parts' window-th rows (key and LID in binds).
    std::optional<bool> bound(const SearchContext &ctx, QVariantHash *binds, int window);

    SearchStatements &m_sql;
    const ContactSearchTuning &m_tuning;
};
