#include "cache/SearchCandidates.h"

#include "cache/CacheDatabase.h"
#include "cache/SearchStatements.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

// Ids for json_each(): "[1,2,3]".
template <typename Ids>
QString jsonArray(const Ids &ids)
{
    QStringList json;
    json.reserve(ids.size());
    for (qint64 id : ids)
        json << QString::number(id);
    return QLatin1Char('[') + json.join(QLatin1Char(',')) + QLatin1Char(']');
}

QString joinedPhrases(const QStringList &terms, const QString &prefix = {})
{
    QStringList phrases;
    for (const QString &t : terms)
        phrases << prefix + SearchText::ftsPhrase(t);
    return phrases.join(QLatin1String(" OR "));
}

} // namespace

SearchCandidates::SearchCandidates(SearchStatements &sql, const ContactSearchTuning &tuning)
    : m_sql(sql)
    , m_tuning(tuning)
{
}

QString SearchCandidates::ftsColumn(ContactSort sort)
{
    switch (sort) {
    case ContactSort::Name:
        return QStringLiteral("n");
    case ContactSort::Phone:
        return QStringLiteral("p");
    default:
        return {};
    }
}

std::optional<QString> SearchCandidates::restQuery(const SearchContext &ctx)
{
    const QString &phrase = ctx.query.phrase;
    const QString column = ftsColumn(ctx.shape.sort);
    if (column.isEmpty())
        return phrase;
    // Leaving out the rows whose sort value starts with the text (they are read as an index
    // range) is a second phrase test in the MATCH, about as dear as the first: worth it when
    // the range is large (a common first name), not when it is small. The set plan leaves
    // the range out of the rows anyway.
    const auto inRange = m_sql.scalar(ContactSql::countPrefixUpTo(ctx.shape),
                                      ctx.withLimit(SmallPrefixRange));
    if (!inRange)
        return std::nullopt;
    return *inRange < SmallPrefixRange ? phrase
                                       : QStringLiteral("%1 NOT %2 : ^%1").arg(phrase, column);
}

std::optional<qint64> SearchCandidates::candidateCount(SearchContext &ctx, bool tags, qint64 limit)
{
    const QVariantHash binds = ctx.withLimit(limit);
    QStringList probes{ContactSql::probeContactQueue(), ContactSql::probeTagQueue(),
                       ContactSql::probeLidPrefix()};
    // The FTS hits (an empty entry) are read rather than counted: a set plan then looks them
    // up without running the MATCH again (on common trigrams it costs as much as the lookups).
    ctx.ftsIds = false;
    if (!binds.value(QStringLiteral("fq")).toString().isEmpty())
        probes << QString();
    if (tags)
        probes << ContactSql::probeTags();
    qint64 total = 0;
    for (const QString &sql : std::as_const(probes)) {
        const auto n = sql.isEmpty() ? ftsCandidates(ctx, limit) : m_sql.scalar(sql, binds);
        if (!n)
            return std::nullopt;
        total += *n;
        if (total >= limit)
            break;
    }
    return total;
}

std::optional<qint64> SearchCandidates::ftsCandidates(SearchContext &ctx, qint64 limit)
{
    // Typing on: every field holding the new text holds the last one, so the last complete
    // list of plain phrase hits is a superset of the new one. The set plan tests every row
    // against the text itself, so a superset small enough for it serves, and the MATCH (as
    // dear as the lookups on common trigrams) is skipped. (A larger one would steer the
    // plan to a walk, where the new text's own few hits make a set.)
    if (m_lastHits && m_lastHits->sid == ctx.sid && m_lastHits->count < limit
        && m_lastHits->count <= m_tuning.setLimit && ctx.query.text.contains(m_lastHits->text)) {
        ctx.ftsIds = true;
        ctx.binds.insert(QStringLiteral("ids"), m_lastHits->ids);
        return m_lastHits->count;
    }
    const QString sql = ContactSql::ftsHitIds();
    QSqlQuery *q = m_sql.statement(sql);
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    const QVariantHash binds = ctx.withLimit(limit);
    if (!m_sql.bind(q, sql, binds) || !q->exec()) {
        m_sql.fail(q->lastError().text());
        return std::nullopt;
    }
    QList<qint64> ids;
    while (q->next())
        ids << q->value(0).toLongLong();
    if (q->lastError().isValid()) {
        m_sql.fail(q->lastError().text());
        return std::nullopt;
    }
    // Only a complete list stands for the MATCH.
    ctx.ftsIds = ids.size() < limit;
    if (ctx.ftsIds) {
        const QVariant json = jsonArray(ids);
        ctx.binds.insert(QStringLiteral("ids"), json);
        if (ids.size() <= m_tuning.setLimit
            && binds.value(QStringLiteral("fq")).toString() == ctx.query.phrase) // not a NOT query
            m_lastHits = Hits{ctx.sid, ctx.query.text, json, ids.size()};
    }
    return ids.size();
}

QString SearchCandidates::chunkQuery(const SearchContext &ctx, bool tags, const QStringList &part)
{
    // Rows whose sort value starts with the text are read as an index range: leave out
    // those starting with one of these terms (the rows are tested against the range
    // anyway; this only spares looking them up).
    const QString column = tags ? QString() : ftsColumn(ctx.shape.sort);
    return column.isEmpty()
        ? joinedPhrases(part)
        : QStringLiteral("(%1) NOT %2 : (%3)")
              .arg(joinedPhrases(part), column, joinedPhrases(part, QStringLiteral("^")));
}

SearchCandidates::Terms SearchCandidates::termHits(SearchContext &ctx, bool tags, QSet<qint64> *ids,
                                                   qint64 limit)
{
    // Every trigram starting with the text (each character of every column starts one),
    // asked in chunks: one FTS5 OR over hundreds of terms costs far more than several small
    // ones.
    const auto found = m_sql.terms(tags ? ContactSql::tagTerms() : ContactSql::contactTerms(),
                                   ctx.withLimit(m_tuning.termLimit + 1));
    if (!found)
        return Terms::Error;
    if (found->size() > m_tuning.termLimit)
        return Terms::TooMany;
    const QString sql = ContactSql::termHits(tags);
    for (qsizetype i = 0; i < found->size(); i += TermChunk) {
        QSqlQuery *q = m_sql.statement(sql);
        if (!q)
            return Terms::Error;
        StatementReset reset(q);
        QVariantHash chunk = ctx.binds;
        chunk.insert(QStringLiteral("m"), chunkQuery(ctx, tags, found->mid(i, TermChunk)));
        if (!m_sql.bind(q, sql, chunk) || !q->exec()) {
            m_sql.fail(q->lastError().text());
            return Terms::Error;
        }
        while (q->next()) {
            ids->insert(q->value(0).toLongLong());
            if (ids->size() >= limit)
                return Terms::Reached;
        }
    }
    return Terms::Found;
}

SearchCandidates::Terms SearchCandidates::termCandidates(SearchContext &ctx, qint64 limit)
{
    QSet<qint64> ids;
    Terms found = termHits(ctx, false, &ids, limit);
    if (found != Terms::Found)
        return found;
    if (ctx.tagIds) {
        ids.unite(*ctx.tagIds);
        if (ids.size() >= limit)
            return Terms::Reached;
    } else if ((found = termHits(ctx, true, &ids, limit)) != Terms::Found) {
        return found;
    }
    ctx.binds.insert(QStringLiteral("ids"), jsonArray(ids));
    return Terms::Found;
}

bool SearchCandidates::findTagIds(SearchContext &ctx)
{
    QSet<qint64> ids;
    const Terms found = termHits(ctx, true, &ids, m_tuning.tagIdLimit + 1);
    if (found == Terms::Error)
        return false;
    if (found == Terms::Found) {
        ctx.binds.insert(QStringLiteral("tagids"), jsonArray(ids));
        ctx.tagIds = std::move(ids);
    }
    return true;
}
