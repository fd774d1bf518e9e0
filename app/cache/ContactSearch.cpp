#include "cache/ContactSearch.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheKeys.h"
#include "cache/ContactCursor.h"

namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;

} // namespace

ContactSearch::ContactSearch(CacheDatabase &db)
    : m_sql(db)
    , m_candidates(m_sql, m_tuning)
    , m_walk(m_sql, m_tuning)
    , m_counter(m_sql, m_candidates, m_tuning, m_plan)
{
}

std::optional<SearchContext> ContactSearch::context(const ContactFilter &filter)
{
    SearchContext ctx;
    if (const auto it = m_sids.constFind(filter.sessionId); it != m_sids.constEnd()) {
        ctx.sid = *it;
    } else {
        const auto sid = m_sql.scalar(
            QStringLiteral("SELECT ifnull((SELECT sid FROM sessions WHERE id = :id), 0)"),
            {{QStringLiteral("id"), filter.sessionId}});
        if (!sid)
            return std::nullopt;
        ctx.sid = *sid;
        if (ctx.sid > 0)
            m_sids.insert(filter.sessionId, ctx.sid);
    }
    ctx.query = SearchQuery::fromUserText(filter.text);
    ctx.shape.sort = filter.sort;
    ctx.shape.descending = filter.order == Qt::DescendingOrder;
    switch (filter.source) {
    case ContactSource::Any:
        ctx.shape.dmBranches = {0, 1};
        break;
    case ContactSource::Dm:
        ctx.shape.dmBranches = {1};
        break;
    case ContactSource::Group:
        ctx.shape.dmBranches = {0};
        break;
    }
    ctx.binds = {
        {QStringLiteral("sid"), ctx.sid},
        {QStringLiteral("lo"), CacheKeys::rangeStart(ctx.sid)},
        {QStringLiteral("hi"), CacheKeys::rangeEnd(ctx.sid)},
        {QStringLiteral("q"), ctx.query.text},
        {QStringLiteral("qe"), ctx.query.upperBound},
        {QStringLiteral("g"), filter.groupJid},
        {QStringLiteral("fq"), ctx.query.phrase},
        {QStringLiteral("tq"), ctx.query.phrase},
    };
    return ctx;
}

std::optional<QList<SearchRow>> ContactSearch::searchRows(SearchContext &ctx, int fetch)
{
    const bool split = ContactSql::hasPrefixRange(ctx.shape.sort);
    const auto rest = m_candidates.restQuery(ctx);
    if (!rest)
        return std::nullopt;
    ctx.binds.insert(QStringLiteral("fq"), *rest);
    // Counting candidates costs no row read: count past the set limit to know how dense
    // they are (twice the limit: the FTS hits read up to there cost as much as the set).
    const auto candidates = m_candidates.candidateCount(ctx, true,
                                                        2 * qint64(m_tuning.setLimit) + 1);
    if (!candidates)
        return std::nullopt;
    if (*candidates <= m_tuning.setLimit) {
        m_plan = QStringLiteral("set");
        return m_sql.rows(ContactSql::searchSet(ctx.shape, split, ctx.ftsIds),
                          ctx.withLimit(fetch));
    }
    // Many candidates, usually spread over the order: the first rows of the order hold a
    // page of them.
    const std::optional<int> window = m_walk.windowFor(ctx, fetch, *candidates);
    if (!window)
        return std::nullopt;
    bool complete = false;
    auto walked = m_walk.rows(ctx, fetch, *window, &complete);
    if (!walked || complete) {
        m_plan = QStringLiteral("walk");
        return walked;
    }
    // They cluster later in the order (another script, say): look them up.
    m_plan = QStringLiteral("walk+set");
    return m_sql.rows(ContactSql::searchSet(ctx.shape, split, ctx.ftsIds), ctx.withLimit(fetch));
}

std::optional<QList<SearchRow>> ContactSearch::shortRows(SearchContext &ctx, int fetch)
{
    // Few contacts have tags: when few of those match, a walked row's tag test is a lookup
    // in their ids instead of a read of its tags.
    if (!m_candidates.findTagIds(ctx))
        return std::nullopt;
    // A 1-2 character text usually matches everywhere: a small window finds a page.
    bool complete = false;
    m_plan = QStringLiteral("walk");
    auto walked = m_walk.rows(ctx, fetch, m_tuning.firstWindow, &complete);
    if (!walked || complete)
        return walked;
    // Matches there dense enough to fill a page in the larger window: walk it. A single
    // character is in most names, so any match will do; for two, a few (often tag hits) say
    // little about the rest of the order.
    const int window = m_walk.maxWindow(ctx);
    const bool denseEnough = ctx.query.length == 1
        ? !walked->isEmpty()
        : qint64(walked->size()) * window >= qint64(fetch) * m_tuning.firstWindow;
    if (denseEnough) {
        walked = m_walk.rows(ctx, fetch, window, &complete);
        if (!walked || complete)
            return walked;
    }
    return shortRowsByTerms(ctx, fetch, denseEnough);
}

std::optional<QList<SearchRow>> ContactSearch::shortRowsByTerms(SearchContext &ctx, int fetch,
                                                                bool walkedLargeWindow)
{
    // Rare (a CJK pair, an emoji), or clustered late in the order: the trigram terms
    // starting with the text give the candidates; those whose sort value starts with it are
    // read as an index range instead. Unless one term alone is in more rows than a set
    // takes: collecting them costs more than the walk. (The term counts span every session,
    // so they only pick the plan.)
    const auto crowded = m_sql.scalar(ContactSql::contactTermMostRows(), ctx.binds);
    if (!crowded)
        return std::nullopt;
    const SearchCandidates::Terms found = *crowded > m_tuning.shortSetLimit
        ? SearchCandidates::Terms::Reached
        : m_candidates.termCandidates(ctx, m_tuning.shortSetLimit + 1);
    if (found == SearchCandidates::Terms::Error)
        return std::nullopt;
    if (found == SearchCandidates::Terms::Found) {
        m_plan = QStringLiteral("walk+terms");
        return m_sql.rows(
            ContactSql::searchIds(ctx.shape, ContactSql::hasPrefixRange(ctx.shape.sort),
                                  !SearchCandidates::ftsColumn(ctx.shape.sort).isEmpty()),
            ctx.withLimit(fetch));
    }
    bool complete = false;
    if (!walkedLargeWindow) {
        auto walked = m_walk.rows(ctx, fetch, m_walk.maxWindow(ctx), &complete);
        if (!walked || complete)
            return walked;
    }
    m_plan = QStringLiteral("walk+walk");
    return m_walk.rows(ctx, fetch, 0, &complete);
}

std::optional<QList<SearchRow>> ContactSearch::plainRows(const ContactFilter &filter,
                                                         const SearchContext &ctx, int fetch)
{
    if (!filter.groupJid.isEmpty()) {
        m_plan = QStringLiteral("group");
        return m_sql.rows(ContactSql::groupMembers(ctx.shape, !ctx.query.isEmpty()),
                          ctx.withLimit(fetch));
    }
    m_plan = QStringLiteral("browse");
    return m_sql.rows(ContactSql::browse(ctx.shape), ctx.withLimit(fetch));
}

std::optional<ContactPage> ContactSearch::page(const ContactFilter &filter,
                                               const QString &cursorText, int limit)
{
    const int size = limit <= 0 ? kDefaultPageSize : qMin(limit, kMaxPageSize);
    const int fetch = size + 1; // one more than shown tells whether a next page exists
    forgetIfChanged();
    auto ctx = context(filter);
    if (!ctx)
        return std::nullopt;
    if (!cursorText.isEmpty()) {
        const auto cursor = ContactCursor::decode(cursorText, filter.sort, filter.order);
        if (!cursor) {
            m_sql.fail(QStringLiteral("The cursor is not valid for this query."));
            return std::nullopt;
        }
        ctx->shape.hasCursor = true;
        ctx->binds.insert(QStringLiteral("ck"), cursor->key);
        ctx->binds.insert(QStringLiteral("cl"), cursor->lid);
    }
    ContactPage page;
    if (ctx->sid == 0) {
        m_plan = QStringLiteral("none");
        return page;
    }
    std::optional<QList<SearchRow>> found;
    if (!filter.groupJid.isEmpty() || ctx->query.isEmpty())
        found = plainRows(filter, *ctx, fetch);
    else if (ctx->query.usesTrigrams())
        found = searchRows(*ctx, fetch);
    else
        found = shortRows(*ctx, fetch);
    if (!found)
        return std::nullopt;
    if (found->size() > size) {
        found->resize(size);
        ContactCursor next;
        next.sort = filter.sort;
        next.order = filter.order;
        next.key = found->last().sortKey;
        next.lid = found->last().contact.contact.lid;
        page.nextCursor = next.encode();
    }
    page.rows.reserve(found->size());
    for (const SearchRow &row : std::as_const(*found))
        page.rows << row.contact;
    return page;
}

void ContactSearch::forgetIfChanged()
{
    // Counts of big filters cost a scan: keep them (and session keys) until another
    // connection commits.
    const qint64 version = m_sql.db().dataVersion();
    if (version != m_dataVersion) {
        m_counter.forget();
        m_sids.clear();
        m_candidates.forget();
        m_dataVersion = version;
    }
}

std::optional<ContactCount> ContactSearch::count(const ContactFilter &filter, qint64 cap)
{
    forgetIfChanged();
    auto ctx = context(filter);
    if (!ctx)
        return std::nullopt;
    return m_counter.count(*ctx, filter, cap);
}
