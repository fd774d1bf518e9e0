#pragma once

#include "cache/CacheTypes.h"
#include "cache/ContactSql.h"
#include "cache/SearchText.h"

#include <QSet>
#include <QVariant>
#include <QVariantHash>

#include <optional>

// When ContactSearch switches from one plan to another (see there).
struct ContactSearchTuning {
    int setLimit = 6000;        // at most this many candidates: set plan
    int firstWindow = 500;      // rows a first walk reads
    int walkWindow = 20000;     // most rows a walk reads on the (covering) name index
    int walkWindowTable = 5000; // ... on the other sort indexes (they read rows too)
    int termLimit = 2000;       // more trigram terms than this: walk instead
    int shortSetLimit = 50000;  // 1-2 characters: set plan below this many candidates
    int tagIdLimit = 20000;     // ... tag hits listed for walks, at most
};

// One query of a ContactSearch, as its parts pass it along: the filter turned into the
// statements' shape and named values (ContactSql), and what the candidates found so far.
struct SearchContext {
    qint64 sid = 0;
    SearchQuery query;
    ContactSql::Shape shape;
    QVariantHash binds;
    bool ftsIds = false;                // binds hold :ids, every FTS hit of :fq
    std::optional<QSet<qint64>> tagIds; // every contact whose tags match (also :tagids)

    // The binds with :n (a row limit) set.
    QVariantHash withLimit(qint64 n) const
    {
        QVariantHash out = binds;
        out.insert(QStringLiteral("n"), n);
        return out;
    }
};

// A contact row as the plans read it, with its sort value (for the next page's cursor).
struct SearchRow {
    CachedContact contact;
    QVariant sortKey;
};
