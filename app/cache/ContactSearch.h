#pragma once

#include "cache/CacheTypes.h"
#include "cache/ContactSql.h"
#include "cache/SearchText.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QVariant>

#include <optional>

class CacheDatabase;
class QSqlQuery;

// Pages and counts of contacts for a ContactFilter, with keyset paging. Picks a plan per
// query, all returning the same rows (see ContactSql):
//   browse     no text: the sort order's index, from the cursor
//   group      the group's memberships, sorted (a group is small)
//   set        few candidates (FTS hits, queued rows, tag hits, LID prefix): look them up,
//              sort; when the sort value itself can start with the query (name, phone, LID),
//              the rows that do are read as an index range instead, so "budi" among 20,000
//              "Budi ..." costs a range scan, not 20,000 lookups
//   walk       many candidates: walk the sort index testing each row, within a window of
//              rows sized from their density; when the window ends before the page is full
//              (they cluster later in the order, e.g. another script), fall back to set
// 1-2 character queries, which the trigram index cannot answer, walk a small window first,
// then a larger one when the first was dense enough, else use the trigram terms starting
// with the query as candidates (every character starts a trigram: see
// CacheSchema::contactFtsValues), looked up in chunks.
// Counts use the same candidates; big ones stop at a cap when given one. A query containing
// the last one starts from the last one's full-text hits (typing on: see ftsCandidates).
class ContactSearch
{
public:
    struct Tuning {
        int setLimit = 6000;        // at most this many candidates: set plan
        int firstWindow = 500;      // rows a first walk reads
        int walkWindow = 20000;     // most rows a walk reads on the (covering) name index
        int walkWindowTable = 5000; // ... on the other sort indexes (they read rows too)
        int termLimit = 2000;       // more trigram terms than this: walk instead
        int shortSetLimit = 50000;  // 1-2 characters: set plan below this many candidates
        int tagIdLimit = 20000;     // ... tag hits listed for walks, at most
    };

    explicit ContactSearch(CacheDatabase &db);

    std::optional<ContactPage> page(const ContactFilter &filter, const QString &cursor, int limit);
    // cap > 0 lets big counts stop once they know there are at least cap (exact = false).
    std::optional<ContactCount> count(const ContactFilter &filter, qint64 cap = 0);

    QString lastError() const { return m_error; }
    QString lastPlan() const { return m_plan; } // for tests and benchmarks
    void setTuning(const Tuning &tuning)
    {
        m_tuning = tuning;
        m_counts.clear(); // so the next counts run the plans of this tuning
    }

private:
    struct Context {
        qint64 sid = 0;
        SearchQuery query;
        ContactSql::Shape shape;
        QVariantHash binds;
        bool ftsIds = false;                // binds hold :ids, every FTS hit of :fq
        std::optional<QSet<qint64>> tagIds; // every contact whose tags match (also :tagids)
    };
    struct Row {
        CachedContact contact;
        QVariant sortKey;
    };

    std::optional<Context> context(const ContactFilter &filter);
    std::optional<QList<Row>> rows(const QString &sql, const QVariantHash &binds);
    std::optional<qint64> scalar(const QString &sql, const QVariantHash &binds);
    std::optional<QStringList> terms(const QString &sql, const QVariantHash &binds);
    bool bind(QSqlQuery *q, const QString &sql, const QVariantHash &binds);
    std::optional<qint64> candidateCount(Context &ctx, bool tags, qint64 limit);
    // Reads the FTS hits of :fq, up to limit; all of them: into :ids (ctx.ftsIds).
    std::optional<qint64> ftsCandidates(Context &ctx, qint64 limit);
    std::optional<QList<Row>> searchRows(Context &ctx, int fetch);
    std::optional<QList<Row>> walkRows(Context &ctx, int fetch, int window, bool *complete);
    std::optional<QList<Row>> shortRows(Context &ctx, int fetch);
    int walkWindow(const Context &ctx) const;
    std::optional<ContactCount> countText(Context &ctx, const ContactFilter &filter, qint64 cap);
    enum class Terms {
        Found,
        Reached,
        TooMany,
        Error
    };
    static constexpr int TermChunk = 64;
    // Contact ids whose text (tags: whose tags) has a trigram starting with the query, added
    // to ids (Found), or Reached once there are limit of them, or TooMany terms.
    Terms termHits(Context &ctx, bool tags, QSet<qint64> *ids, qint64 limit);
    // Both kinds together into :ids.
    Terms termCandidates(Context &ctx, qint64 limit);
    // The contacts whose tags match into ctx.tagIds and :tagids, when at most tagIdLimit.
    bool findTagIds(Context &ctx);
    std::optional<qint64> sessionSpan(const Context &ctx);

    static QString ftsColumn(ContactSort sort); // contact_fts column of the sort value
    // The FTS query for the text, less the rows read as the sort order's prefix range when
    // that range is large.
    std::optional<QString> restQuery(const Context &ctx);
    static constexpr int SmallPrefixRange = 100;
    bool fail(const QString &error);
    void forgetIfChanged();
    void remember(const QString &key, const ContactCount &count);
    static constexpr int MaxCountsKept = 512;

    CacheDatabase &m_db;
    Tuning m_tuning;
    QString m_error;
    QString m_plan;
    QHash<QString, QStringList> m_placeholders;
    QHash<QString, qint64> m_sids;
    QHash<QString, ContactCount> m_counts; // valid for m_dataVersion
    // The last complete list of a plain phrase's FTS hits (see ftsCandidates).
    struct Hits {
        qint64 sid = 0;
        QString text; // the folded text whose phrase was matched
        QVariant ids; // JSON array, as bound to :ids
        qint64 count = 0;
    };
    std::optional<Hits> m_lastHits; // valid for m_dataVersion
    qint64 m_dataVersion = -1;
};
