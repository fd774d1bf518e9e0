#pragma once

#include "cache/SearchContext.h"

#include <QSet>
#include <QString>
#include <QVariant>

#include <optional>

class SearchStatements;

// The rows a text query may match, before the plan tests them: full-text hits, queued rows,
// tag hits and LID prefixes (3 or more characters), or the rows holding a trigram that
// starts with the text (1-2 characters, which the trigram index cannot answer directly).
// What it finds goes into the context's binds (:ids, :tagids, :fq) for the plan's SQL.
class SearchCandidates
{
public:
    enum class Terms {
        Found,
        Reached,
        TooMany,
        Error
    };

    SearchCandidates(SearchStatements &sql, const ContactSearchTuning &tuning);

    // The FTS query for the text (:fq), less the rows read as the sort order's prefix range
    // when that range is large.
    std::optional<QString> restQuery(const SearchContext &ctx);
    // How many candidates there are, counting up to limit at most (tags: tag hits too). The
    // FTS hits are listed into :ids when there are fewer than limit (ctx.ftsIds).
    std::optional<qint64> candidateCount(SearchContext &ctx, bool tags, qint64 limit);
    // 1-2 characters: the contacts with a trigram starting with the text, their own or their
    // tags', into :ids (Found), unless there are limit of them (Reached) or too many terms.
    Terms termCandidates(SearchContext &ctx, qint64 limit);
    // The contacts whose tags match into ctx.tagIds and :tagids, when at most tagIdLimit.
    bool findTagIds(SearchContext &ctx);
    // The contact_fts column of the sort value, empty when it has none.
    static QString ftsColumn(ContactSort sort);
    // Another connection committed: the hits kept for typing on may be stale.
    void forget() { m_lastHits.reset(); }

private:
    static constexpr int TermChunk = 64;
    static constexpr int SmallPrefixRange = 100;

    // Reads the FTS hits of :fq, up to limit; all of them: into :ids (ctx.ftsIds).
    std::optional<qint64> ftsCandidates(SearchContext &ctx, qint64 limit);
    // Contact ids whose text (tags: whose tags) has a trigram starting with the query, added
    // to ids (Found), or Reached once there are limit of them, or TooMany terms.
    Terms termHits(SearchContext &ctx, bool tags, QSet<qint64> *ids, qint64 limit);
    // The FTS query :m for one chunk of terms.
    static QString chunkQuery(const SearchContext &ctx, bool tags, const QStringList &part);

    SearchStatements &m_sql;
    const ContactSearchTuning &m_tuning;
    // The last complete list of a plain phrase's FTS hits (see ftsCandidates).
    struct Hits {
        qint64 sid = 0;
        QString text; // the folded text whose phrase was matched
        QVariant ids; // JSON array, as bound to :ids
        qint64 count = 0;
    };
    std::optional<Hits> m_lastHits;
};
