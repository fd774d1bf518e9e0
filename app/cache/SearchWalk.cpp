#include "cache/SearchWalk.h"

#include "cache/CacheDatabase.h"
#include "cache/SearchStatements.h"

#include <QSqlQuery>

#include <algorithm>

namespace {

// Compares two (sort value, LID) positions in code point order, as SQLite does.
int comparePositions(ContactSort sort, const QVariant &keyA, const QString &lidA,
                     const QVariant &keyB, const QString &lidB)
{
    auto text = [](const QString &a, const QString &b) {
        const auto ua = a.toUcs4();
        const auto ub = b.toUcs4();
        if (ua == ub)
            return 0;
        return std::lexicographical_compare(ua.begin(), ua.end(), ub.begin(), ub.end()) ? -1 : 1;
    };
    int c = 0;
    if (sort == ContactSort::Updated) {
        const qint64 a = keyA.toLongLong();
        const qint64 b = keyB.toLongLong();
        c = a < b ? -1 : (a > b ? 1 : 0);
    } else {
        c = text(keyA.toString(), keyB.toString());
    }
    return c != 0 ? c : text(lidA, lidB);
}

} // namespace

SearchWalk::SearchWalk(SearchStatements &sql, const ContactSearchTuning &tuning)
    : m_sql(sql)
    , m_tuning(tuning)
{
}

int SearchWalk::maxWindow(const SearchContext &ctx) const
{
    return ctx.shape.sort == ContactSort::Name ? m_tuning.walkWindow : m_tuning.walkWindowTable;
}

std::optional<int> SearchWalk::windowFor(const SearchContext &ctx, int fetch, qint64 candidates)
{
    // Ids are handed out in order within the session's range: the highest one bounds how
    // many contacts it has, without counting them.
    const auto span = m_sql.scalar(
        QStringLiteral(
            "SELECT ifnull(max(id), :lo) - :lo FROM contacts WHERE id BETWEEN :lo AND :hi"),
        ctx.binds);
    if (!span)
        return std::nullopt;
    const qint64 needed = qint64(fetch) * *span / qMax<qint64>(1, candidates);
    return int(qBound(qint64(m_tuning.firstWindow), 2 * needed, qint64(maxWindow(ctx))));
}

std::optional<bool> SearchWalk::bound(const SearchContext &ctx, QVariantHash *binds, int window)
{
    // The window ends at the first of the parts' window-th rows: every row before it, in
    // every part, is tested. No window (0): the whole order.
    bool bounded = false;
    QVariant boundKey;
    QString boundLid;
    const int parts = window > 0 ? ContactSql::partCount(ctx.shape) : 0;
    for (int part = 0; part < parts; ++part) {
        const QString sql = ContactSql::walkBoundary(ctx.shape, part);
        QSqlQuery *q = m_sql.statement(sql);
        if (!q)
            return std::nullopt;
        StatementReset reset(q);
        if (!m_sql.bind(q, sql, *binds) || !m_sql.exec(q))
            return std::nullopt;
        if (!q->next())
            continue;
        const QVariant key = q->value(0);
        const QString lid = q->value(1).toString();
        const int c = bounded ? comparePositions(ctx.shape.sort, key, lid, boundKey, boundLid) : 0;
        if (!bounded || (ctx.shape.descending ? c > 0 : c < 0)) {
            bounded = true;
            boundKey = key;
            boundLid = lid;
        }
    }
    if (bounded) {
        binds->insert(QStringLiteral("bk"), boundKey);
        binds->insert(QStringLiteral("bl"), boundLid);
    }
    return bounded;
}

std::optional<QList<SearchRow>> SearchWalk::rows(const SearchContext &ctx, int fetch, int window,
                                                 bool *complete)
{
    QVariantHash binds = ctx.withLimit(fetch);
    binds.insert(QStringLiteral("w"), window);
    const std::optional<bool> bounded = bound(ctx, &binds, window);
    if (!bounded)
        return std::nullopt;
    // With a trigram query (:tq is its phrase), tag_fts knows which contacts have a matching
    // tag; with a shorter one, :tagids may.
    const ContactSql::TagTest tags = ctx.query.usesTrigrams() ? ContactSql::TagTest::Hits
        : ctx.tagIds                                          ? ContactSql::TagTest::Ids
                                                              : ContactSql::TagTest::Read;
    auto result = m_sql.rows(ContactSql::walk(ctx.shape, *bounded, tags), binds);
    if (result)
        *complete = !*bounded || result->size() >= fetch;
    return result;
}
