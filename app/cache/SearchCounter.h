#pragma once

#include "cache/SearchContext.h"

#include <QHash>
#include <QString>

#include <optional>

class SearchCandidates;
class SearchStatements;

// Counts of contacts for a filter, with the candidates the pages use (SearchCandidates);
// big text counts stop at a cap when given one. Counts are kept until forget() (another
// connection committed): a big filter's count costs a scan.
class SearchCounter
{
public:
    // plan: where the plan each count chose is written (ContactSearch::lastPlan()).
    SearchCounter(SearchStatements &sql, SearchCandidates &candidates,
                  const ContactSearchTuning &tuning, QString &plan);

    std::optional<ContactCount> count(SearchContext &ctx, const ContactFilter &filter, qint64 cap);
    void forget() { m_counts.clear(); }

private:
    static constexpr int MaxCountsKept = 512;

    std::optional<ContactCount> countText(SearchContext &ctx, const ContactFilter &filter,
                                          qint64 cap);
    // 3 or more characters: the full-text candidates.
    std::optional<ContactCount> countTrigrams(SearchContext &ctx, const ContactFilter &filter,
                                              qint64 cap);
    // Disjoint parts, summed; once one alone reaches the cap the rest cannot matter.
    std::optional<ContactCount> countFtsParts(const SearchContext &ctx, qint64 cap);
    // 1-2 characters: the trigram terms starting with the text, else a walk.
    std::optional<ContactCount> countShort(SearchContext &ctx, qint64 cap);
    // How many term candidates a short count collects before it settles for the cap.
    std::optional<qint64> shortIdLimit(const SearchContext &ctx, qint64 cap);
    // One count stopping at the cap (exact when below it).
    std::optional<ContactCount> limited(const SearchContext &ctx, const QString &sql,
                                        const QString &plan, qint64 cap);
    // The rows whose name starts with the text (an index range) plus those of restSql.
    std::optional<ContactCount> prefixPlus(const SearchContext &ctx, const QString &restSql);
    void remember(const QString &key, const ContactCount &count);

    SearchStatements &m_sql;
    SearchCandidates &m_candidates;
    const ContactSearchTuning &m_tuning;
    QString &m_plan;
    QHash<QString, ContactCount> m_counts;
};
