#include "cache/SearchCounter.h"

#include "cache/SearchCandidates.h"
#include "cache/SearchStatements.h"

SearchCounter::SearchCounter(SearchStatements &sql, SearchCandidates &candidates,
                             const ContactSearchTuning &tuning, QString &plan)
    : m_sql(sql)
    , m_candidates(candidates)
    , m_tuning(tuning)
    , m_plan(plan)
{
}

std::optional<ContactCount> SearchCounter::count(SearchContext &ctx, const ContactFilter &filter,
                                                 qint64 cap)
{
    // Only text counts outside a group stop at the cap: the others are one entry whatever it is.
    const bool capped = filter.groupJid.isEmpty() && !ctx.query.isEmpty();
    const QString key = QStringList{QString::number(ctx.sid), ctx.query.text,
                                    QString::number(int(filter.source)), filter.groupJid,
                                    QString::number(capped ? cap : 0)}
                            .join(QChar(0x1F));
    if (const auto it = m_counts.constFind(key); it != m_counts.constEnd()) {
        m_plan = QStringLiteral("cached");
        return *it;
    }
    if (ctx.sid == 0) {
        m_plan = QStringLiteral("none");
        return ContactCount{};
    }
    std::optional<ContactCount> result;
    if (!filter.groupJid.isEmpty()) {
        m_plan = QStringLiteral("group");
        const auto n = m_sql.scalar(ContactSql::countGroup(ctx.shape, !ctx.query.isEmpty()),
                                    ctx.binds);
        if (n)
            result = ContactCount{*n, true};
    } else if (ctx.query.isEmpty()) {
        m_plan = QStringLiteral("all");
        const auto n = m_sql.scalar(ContactSql::countAll(ctx.shape), ctx.binds);
        if (n)
            result = ContactCount{*n, true};
    } else {
        result = countText(ctx, filter, cap);
    }
    if (result)
        remember(key, *result);
    return result;
}

void SearchCounter::remember(const QString &key, const ContactCount &count)
{
    // Every text typed is a key: without a bound the cache grows for as long as nothing is
    // written (a read-only cache, a session without syncs). The recent ones are what a user
    // goes back to; dropping them all now and then costs little.
    if (m_counts.size() >= MaxCountsKept)
        m_counts.clear();
    m_counts.insert(key, count);
}

std::optional<ContactCount> SearchCounter::countText(SearchContext &ctx,
                                                     const ContactFilter &filter, qint64 cap)
{
    // A count does not depend on the order: use the name split, the common one.
    ctx.shape.sort = ContactSort::Name;
    return ctx.query.usesTrigrams() ? countTrigrams(ctx, filter, cap) : countShort(ctx, cap);
}

std::optional<ContactCount> SearchCounter::limited(const SearchContext &ctx, const QString &sql,
                                                   const QString &plan, qint64 cap)
{
    m_plan = plan;
    const auto n = m_sql.scalar(sql, ctx.withLimit(cap > 0 ? cap : -1));
    if (!n)
        return std::nullopt;
    return ContactCount{*n, cap <= 0 || *n < cap};
}

std::optional<ContactCount> SearchCounter::prefixPlus(const SearchContext &ctx,
                                                      const QString &restSql)
{
    const QVariantHash binds = ctx.withLimit(-1);
    const auto prefix = m_sql.scalar(ContactSql::countPrefix(ctx.shape), binds);
    const auto rest = prefix ? m_sql.scalar(restSql, binds) : std::nullopt;
    if (!rest)
        return std::nullopt;
    return ContactCount{*prefix + *rest, true};
}

std::optional<ContactCount> SearchCounter::countTrigrams(SearchContext &ctx,
                                                         const ContactFilter &filter, qint64 cap)
{
    const auto rest = m_candidates.restQuery(ctx);
    if (!rest)
        return std::nullopt;
    ctx.binds.insert(QStringLiteral("fq"), *rest);
    const auto candidates = m_candidates.candidateCount(ctx, true, m_tuning.setLimit + 1);
    if (!candidates)
        return std::nullopt;
    if (*candidates <= m_tuning.setLimit) {
        // Names starting with the text are an index range, the rest few: exact and cheap.
        m_plan = QStringLiteral("set");
        return prefixPlus(ctx, ContactSql::countSet(ctx.shape, true, ctx.ftsIds));
    }
    ctx.binds.insert(QStringLiteral("fq"), ctx.query.phrase);
    if (filter.source != ContactSource::Any)
        return limited(ctx, ContactSql::countSet(ctx.shape, false, false), QStringLiteral("set"),
                       cap);
    return countFtsParts(ctx, cap);
}

std::optional<ContactCount> SearchCounter::countFtsParts(const SearchContext &ctx, qint64 cap)
{
    m_plan = QStringLiteral("fts");
    const QVariantHash binds = ctx.withLimit(cap > 0 ? cap : -1);
    ContactCount result;
    for (const QString &sql : ContactSql::countFtsParts()) {
        const auto n = m_sql.scalar(sql, binds);
        if (!n)
            return std::nullopt;
        result.value += *n;
        if (cap > 0 && result.value >= cap) {
            result.exact = false;
            break;
        }
    }
    return result;
}

std::optional<qint64> SearchCounter::shortIdLimit(const SearchContext &ctx, qint64 cap)
{
    const qint64 idLimit = m_tuning.shortSetLimit + 1;
    if (cap <= 0)
        return idLimit;
    // Tag hits and FTS hits of contacts outside the queue all match: once there are cap of
    // them beyond what the queue could make stale, the count is at least cap.
    const QVariantHash probe = ctx.withLimit(-1);
    const auto queued = m_sql.scalar(ContactSql::probeContactQueue(), probe);
    const auto queuedTags = queued ? m_sql.scalar(ContactSql::probeTagQueue(), probe)
                                   : std::nullopt;
    if (!queuedTags)
        return std::nullopt;
    return qMin(idLimit, cap + *queued + *queuedTags);
}

std::optional<ContactCount> SearchCounter::countShort(SearchContext &ctx, qint64 cap)
{
    // Names starting with the text are an index range: often enough for a capped count.
    if (cap > 0) {
        const auto prefix = limited(ctx, ContactSql::countPrefixUpTo(ctx.shape),
                                    QStringLiteral("prefix"), cap);
        if (!prefix || !prefix->exact)
            return prefix;
    }
    const std::optional<qint64> idLimit = shortIdLimit(ctx, cap);
    if (!idLimit)
        return std::nullopt;
    const SearchCandidates::Terms found = m_candidates.termCandidates(ctx, *idLimit);
    if (found == SearchCandidates::Terms::Error)
        return std::nullopt;
    if (found == SearchCandidates::Terms::Reached && cap > 0
        && *idLimit <= m_tuning.shortSetLimit) {
        m_plan = QStringLiteral("terms");
        return ContactCount{cap, false};
    }
    if (found == SearchCandidates::Terms::Found) {
        m_plan = QStringLiteral("terms");
        return prefixPlus(ctx, ContactSql::countIds(ctx.shape, true, true));
    }
    // Enough rows matching without their tags answer a capped count without reading tags.
    if (cap > 0) {
        const auto fields = limited(ctx, ContactSql::countWalk(ctx.shape, true),
                                    QStringLiteral("walk"), cap);
        if (!fields || !fields->exact)
            return fields;
    }
    return limited(ctx, ContactSql::countWalk(ctx.shape, false), QStringLiteral("walk"), cap);
}
