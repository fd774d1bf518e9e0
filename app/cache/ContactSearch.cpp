#include "cache/ContactSearch.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheKeys.h"
#include "cache/ContactCursor.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {

constexpr int DefaultPageSize = 50;
constexpr int MaxPageSize = 500;

OptString optString(const QVariant &v)
{
    return v.isNull() ? OptString() : OptString(v.toString());
}

OptInt optInt(const QVariant &v)
{
    return v.isNull() ? OptInt() : OptInt(v.toLongLong());
}

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

ContactSearch::ContactSearch(CacheDatabase &db)
    : m_db(db)
{
}

bool ContactSearch::fail(const QString &error)
{
    m_error = error;
    return false;
}

bool ContactSearch::bind(QSqlQuery *q, const QString &sql, const QVariantHash &binds)
{
    auto it = m_placeholders.find(sql);
    if (it == m_placeholders.end()) {
        static const QRegularExpression placeholder(QStringLiteral(":([a-z]+)\\b"));
        QStringList names;
        for (const auto &match : placeholder.globalMatch(sql)) {
            if (!names.contains(match.captured(1)))
                names << match.captured(1);
        }
        it = m_placeholders.insert(sql, names);
    }
    for (const QString &name : std::as_const(*it)) {
        const auto value = binds.constFind(name);
        if (value == binds.constEnd())
            return fail(QStringLiteral("internal: no value for :%1").arg(name));
        q->bindValue(QLatin1Char(':') + name, *value);
    }
    return true;
}

std::optional<QList<ContactSearch::Row>> ContactSearch::rows(const QString &sql,
                                                             const QVariantHash &binds)
{
    QSqlQuery *q = m_db.statement(sql, &m_error);
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    if (!bind(q, sql, binds))
        return std::nullopt;
    if (!q->exec()) {
        fail(q->lastError().text());
        return std::nullopt;
    }
    QList<Row> out;
    while (q->next()) {
        Row row;
        CachedContact &c = row.contact;
        c.rowId = q->value(0).toLongLong();
        c.contact.lid = q->value(1).toString();
        c.contact.source = q->value(2).toInt() == 1 ? QStringLiteral("dm")
                                                    : QStringLiteral("group");
        c.contact.name = optString(q->value(3));
        c.contact.phoneNumber = optString(q->value(4));
        c.contact.businessName = optString(q->value(5));
        c.phoneJid = optString(q->value(6));
        c.identityId = optInt(q->value(7));
        c.firstSeenAt = optInt(q->value(8));
        const qint64 updated = q->value(9).toLongLong();
        if (updated > 0)
            c.updatedAt = updated;
        c.detailSyncedAt = optInt(q->value(10));
        c.syncedAt = q->value(11).toLongLong();
        row.sortKey = q->value(12);
        out << row;
    }
    if (q->lastError().isValid()) {
        fail(q->lastError().text());
        return std::nullopt;
    }
    return out;
}

std::optional<qint64> ContactSearch::scalar(const QString &sql, const QVariantHash &binds)
{
    QSqlQuery *q = m_db.statement(sql, &m_error);
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    if (!bind(q, sql, binds))
        return std::nullopt;
    if (!q->exec() || !q->next()) {
        fail(q->lastError().text());
        return std::nullopt;
    }
    return q->value(0).toLongLong();
}

std::optional<QStringList> ContactSearch::terms(const QString &sql, const QVariantHash &binds)
{
    QSqlQuery *q = m_db.statement(sql, &m_error);
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    if (!bind(q, sql, binds))
        return std::nullopt;
    if (!q->exec()) {
        fail(q->lastError().text());
        return std::nullopt;
    }
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

std::optional<ContactSearch::Context> ContactSearch::context(const ContactFilter &filter)
{
    Context ctx;
    if (const auto it = m_sids.constFind(filter.sessionId); it != m_sids.constEnd()) {
        ctx.sid = *it;
    } else {
        const auto sid = scalar(
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

std::optional<QString> ContactSearch::restQuery(const Context &ctx)
{
    const QString &phrase = ctx.query.phrase;
    const QString column = ftsColumn(ctx.shape.sort);
    if (column.isEmpty())
        return phrase;
    // Leaving out the rows whose sort value starts with the text (they are read as an index
    // range) is a second phrase test in the MATCH, about as dear as the first: worth it when
    // the range is large ("budi" among 43,000 "Budi ..."), not when it is small. The set
    // plan leaves the range out of the rows anyway.
    QVariantHash binds = ctx.binds;
    binds.insert(QStringLiteral("n"), SmallPrefixRange);
    const auto inRange = scalar(ContactSql::countPrefixUpTo(ctx.shape), binds);
    if (!inRange)
        return std::nullopt;
    return *inRange < SmallPrefixRange ? phrase
                                       : QStringLiteral("%1 NOT %2 : ^%1").arg(phrase, column);
}

std::optional<qint64> ContactSearch::candidateCount(Context &ctx, bool tags, qint64 limit)
{
    QVariantHash binds = ctx.binds;
    binds.insert(QStringLiteral("n"), limit);
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
        const auto n = sql.isEmpty() ? ftsCandidates(ctx, limit) : scalar(sql, binds);
        if (!n)
            return std::nullopt;
        total += *n;
        if (total >= limit)
            break;
    }
    return total;
}

std::optional<qint64> ContactSearch::ftsCandidates(Context &ctx, qint64 limit)
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
    QSqlQuery *q = m_db.statement(sql, &m_error);
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    QVariantHash binds = ctx.binds;
    binds.insert(QStringLiteral("n"), limit);
    if (!bind(q, sql, binds) || !q->exec()) {
        fail(q->lastError().text());
        return std::nullopt;
    }
    QList<qint64> ids;
    while (q->next())
        ids << q->value(0).toLongLong();
    if (q->lastError().isValid()) {
        fail(q->lastError().text());
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

// Compares two (sort value, LID) positions in code point order, as SQLite does.
static int comparePositions(ContactSort sort, const QVariant &keyA, const QString &lidA,
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

std::optional<QList<ContactSearch::Row>> ContactSearch::walkRows(Context &ctx, int fetch,
                                                                 int window, bool *complete)
{
    QVariantHash binds = ctx.binds;
    binds.insert(QStringLiteral("n"), fetch);
    binds.insert(QStringLiteral("w"), window);
    // The window ends at the first of the parts' window-th rows: every row before it, in
    // every part, is tested. No window (0): the whole order.
    bool bounded = false;
    QVariant boundKey;
    QString boundLid;
    const int parts = window > 0 ? ContactSql::partCount(ctx.shape) : 0;
    for (int part = 0; part < parts; ++part) {
        const QString sql = ContactSql::walkBoundary(ctx.shape, part);
        QSqlQuery *q = m_db.statement(sql, &m_error);
        if (!q)
            return std::nullopt;
        StatementReset reset(q);
        if (!bind(q, sql, binds))
            return std::nullopt;
        if (!q->exec()) {
            fail(q->lastError().text());
            return std::nullopt;
        }
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
        binds.insert(QStringLiteral("bk"), boundKey);
        binds.insert(QStringLiteral("bl"), boundLid);
    }
    // With a trigram query (:tq is its phrase), tag_fts knows which contacts have a matching
    // tag; with a shorter one, :tagids may.
    const ContactSql::TagTest tags = ctx.query.usesTrigrams() ? ContactSql::TagTest::Hits
        : ctx.tagIds                                          ? ContactSql::TagTest::Ids
                                                              : ContactSql::TagTest::Read;
    auto result = rows(ContactSql::walk(ctx.shape, bounded, tags), binds);
    if (result)
        *complete = !bounded || result->size() >= fetch;
    return result;
}

std::optional<QList<ContactSearch::Row>> ContactSearch::searchRows(Context &ctx, int fetch)
{
    const bool split = ContactSql::hasPrefixRange(ctx.shape.sort);
    const auto rest = restQuery(ctx);
    if (!rest)
        return std::nullopt;
    ctx.binds.insert(QStringLiteral("fq"), *rest);
    // Counting candidates costs no row read: count past the set limit to know how dense
    // they are (twice the limit: the FTS hits read up to there cost as much as the set).
    const auto candidates = candidateCount(ctx, true, 2 * qint64(m_tuning.setLimit) + 1);
    if (!candidates)
        return std::nullopt;
    QVariantHash binds = ctx.binds;
    binds.insert(QStringLiteral("n"), fetch);
    if (*candidates <= m_tuning.setLimit) {
        m_plan = QStringLiteral("set");
        return rows(ContactSql::searchSet(ctx.shape, split, ctx.ftsIds), binds);
    }
    // Many candidates, usually spread over the order: the first rows of the order hold a
    // page of them. The window is twice what their density says a page needs.
    const auto span = sessionSpan(ctx);
    if (!span)
        return std::nullopt;
    const qint64 needed = qint64(fetch) * *span / qMax<qint64>(1, *candidates);
    const int window = int(
        qBound(qint64(m_tuning.firstWindow), 2 * needed, qint64(walkWindow(ctx))));
    bool complete = false;
    auto walked = walkRows(ctx, fetch, window, &complete);
    if (!walked || complete) {
        m_plan = QStringLiteral("walk");
        return walked;
    }
    // They cluster later in the order (another script, say): look them up.
    m_plan = QStringLiteral("walk+set");
    return rows(ContactSql::searchSet(ctx.shape, split, ctx.ftsIds), binds);
}

std::optional<qint64> ContactSearch::sessionSpan(const Context &ctx)
{
    // Ids are handed out in order within the session's range: the highest one bounds how
    // many contacts it has, without counting them.
    return scalar(
        QStringLiteral(
            "SELECT ifnull(max(id), :lo) - :lo FROM contacts WHERE id BETWEEN :lo AND :hi"),
        ctx.binds);
}

int ContactSearch::walkWindow(const Context &ctx) const
{
    return ctx.shape.sort == ContactSort::Name ? m_tuning.walkWindow : m_tuning.walkWindowTable;
}

ContactSearch::Terms ContactSearch::termHits(Context &ctx, bool tags, QSet<qint64> *ids,
                                             qint64 limit)
{
    // Every trigram starting with the text (each character of every column starts one),
    // asked in chunks: one FTS5 OR over hundreds of terms costs far more than several small
    // ones.
    QVariantHash binds = ctx.binds;
    binds.insert(QStringLiteral("n"), m_tuning.termLimit + 1);
    const auto found = terms(tags ? ContactSql::tagTerms() : ContactSql::contactTerms(), binds);
    if (!found)
        return Terms::Error;
    if (found->size() > m_tuning.termLimit)
        return Terms::TooMany;
    const QString sql = ContactSql::termHits(tags);
    for (qsizetype i = 0; i < found->size(); i += TermChunk) {
        QSqlQuery *q = m_db.statement(sql, &m_error);
        if (!q)
            return Terms::Error;
        StatementReset reset(q);
        QVariantHash chunk = ctx.binds;
        const QStringList part = found->mid(i, TermChunk);
        // Rows whose sort value starts with the text are read as an index range: leave out
        // those starting with one of these terms (the rows are tested against the range
        // anyway; this only spares looking them up).
        const QString column = tags ? QString() : ftsColumn(ctx.shape.sort);
        chunk.insert(QStringLiteral("m"),
                     column.isEmpty() ? joinedPhrases(part)
                                      : QStringLiteral("(%1) NOT %2 : (%3)")
                                            .arg(joinedPhrases(part), column,
                                                 joinedPhrases(part, QStringLiteral("^"))));
        if (!bind(q, sql, chunk) || !q->exec()) {
            fail(q->lastError().text());
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

ContactSearch::Terms ContactSearch::termCandidates(Context &ctx, qint64 limit)
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

bool ContactSearch::findTagIds(Context &ctx)
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

QString ContactSearch::ftsColumn(ContactSort sort)
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

std::optional<QList<ContactSearch::Row>> ContactSearch::shortRows(Context &ctx, int fetch)
{
    // Few contacts have tags: when few of those match, a walked row's tag test is a lookup
    // in their ids instead of a read of its tags (a third of a walk's cost).
    if (!findTagIds(ctx))
        return std::nullopt;
    // A 1-2 character text usually matches everywhere: a small window finds a page.
    bool complete = false;
    m_plan = QStringLiteral("walk");
    auto walked = walkRows(ctx, fetch, m_tuning.firstWindow, &complete);
    if (!walked || complete)
        return walked;
    // Matches there dense enough to fill a page in the larger window: walk it. A single
    // character is in most names, so any match will do; for two, a few (often tag hits) say
    // little: "bu" finds 1 in the first 500 names, then none in 20,000.
    const bool denseEnough = ctx.query.length == 1
        ? !walked->isEmpty()
        : qint64(walked->size()) * walkWindow(ctx) >= qint64(fetch) * m_tuning.firstWindow;
    if (denseEnough) {
        walked = walkRows(ctx, fetch, walkWindow(ctx), &complete);
        if (!walked || complete)
            return walked;
    }
    // Rare (a CJK pair, an emoji), or clustered late in the order: the trigram terms
    // starting with the text give the candidates; those whose sort value starts with it are
    // read as an index range instead. Unless one term alone is in more rows than a set
    // takes: collecting them ("ku": 60,000) costs more than the walk. (The term counts span
    // every session, so they only pick the plan.)
    const auto crowded = scalar(ContactSql::contactTermMostRows(), ctx.binds);
    if (!crowded)
        return std::nullopt;
    const Terms found = *crowded > m_tuning.shortSetLimit
        ? Terms::Reached
        : termCandidates(ctx, m_tuning.shortSetLimit + 1);
    if (found == Terms::Error)
        return std::nullopt;
    if (found == Terms::Found) {
        m_plan = QStringLiteral("walk+terms");
        QVariantHash binds = ctx.binds;
        binds.insert(QStringLiteral("n"), fetch);
        return rows(ContactSql::searchIds(ctx.shape, ContactSql::hasPrefixRange(ctx.shape.sort),
                                          !ftsColumn(ctx.shape.sort).isEmpty()),
                    binds);
    }
    if (!denseEnough) {
        walked = walkRows(ctx, fetch, walkWindow(ctx), &complete);
        if (!walked || complete)
            return walked;
    }
    m_plan = QStringLiteral("walk+walk");
    return walkRows(ctx, fetch, 0, &complete);
}

std::optional<ContactPage> ContactSearch::page(const ContactFilter &filter,
                                               const QString &cursorText, int limit)
{
    const int size = limit <= 0 ? DefaultPageSize : qMin(limit, MaxPageSize);
    const int fetch = size + 1; // one more than shown tells whether a next page exists
    forgetIfChanged();
    auto ctx = context(filter);
    if (!ctx)
        return std::nullopt;
    if (!cursorText.isEmpty()) {
        const auto cursor = ContactCursor::decode(cursorText, filter.sort, filter.order);
        if (!cursor) {
            fail(QStringLiteral("The cursor is not valid for this query."));
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
    std::optional<QList<Row>> found;
    QVariantHash binds = ctx->binds;
    binds.insert(QStringLiteral("n"), fetch);
    if (!filter.groupJid.isEmpty()) {
        m_plan = QStringLiteral("group");
        found = rows(ContactSql::groupMembers(ctx->shape, !ctx->query.isEmpty()), binds);
    } else if (ctx->query.isEmpty()) {
        m_plan = QStringLiteral("browse");
        found = rows(ContactSql::browse(ctx->shape), binds);
    } else if (ctx->query.usesTrigrams()) {
        found = searchRows(*ctx, fetch);
    } else {
        found = shortRows(*ctx, fetch);
    }
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
    for (const Row &row : std::as_const(*found))
        page.rows << row.contact;
    return page;
}

std::optional<ContactCount> ContactSearch::countText(Context &ctx, const ContactFilter &filter,
                                                     qint64 cap)
{
    // A count does not depend on the order: use the name split, the common one.
    ctx.shape.sort = ContactSort::Name;
    const qint64 limit = cap > 0 ? cap : -1;
    ContactCount result;
    auto limited = [&](const QString &sql, const QString &plan) -> std::optional<ContactCount> {
        m_plan = plan;
        QVariantHash binds = ctx.binds;
        binds.insert(QStringLiteral("n"), limit);
        const auto n = scalar(sql, binds);
        if (!n)
            return std::nullopt;
        return ContactCount{*n, cap <= 0 || *n < cap};
    };
    if (ctx.query.usesTrigrams()) {
        const auto rest = restQuery(ctx);
        if (!rest)
            return std::nullopt;
        ctx.binds.insert(QStringLiteral("fq"), *rest);
        const auto candidates = candidateCount(ctx, true, m_tuning.setLimit + 1);
        if (!candidates)
            return std::nullopt;
        if (*candidates <= m_tuning.setLimit) {
            // Names starting with the text are an index range, the rest few: exact and cheap.
            m_plan = QStringLiteral("set");
            QVariantHash binds = ctx.binds;
            binds.insert(QStringLiteral("n"), -1);
            const auto prefix = scalar(ContactSql::countPrefix(ctx.shape), binds);
            const auto rest = prefix
                ? scalar(ContactSql::countSet(ctx.shape, true, ctx.ftsIds), binds)
                : std::nullopt;
            if (!rest)
                return std::nullopt;
            result.value = *prefix + *rest;
            return result;
        }
        ctx.binds.insert(QStringLiteral("fq"), ctx.query.phrase);
        if (filter.source != ContactSource::Any)
            return limited(ContactSql::countSet(ctx.shape, false, false), QStringLiteral("set"));
        // Disjoint parts, summed; once one alone reaches the cap the rest cannot matter.
        m_plan = QStringLiteral("fts");
        for (const QString &sql : ContactSql::countFtsParts()) {
            QVariantHash binds = ctx.binds;
            binds.insert(QStringLiteral("n"), limit);
            const auto n = scalar(sql, binds);
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
    // Names starting with the text are an index range: often enough for a capped count.
    if (cap > 0) {
        const auto prefix = limited(ContactSql::countPrefixUpTo(ctx.shape),
                                    QStringLiteral("prefix"));
        if (!prefix || !prefix->exact)
            return prefix;
    }
    // Tag hits and FTS hits of contacts outside the queue all match: once there are cap of
    // them beyond what the queue could make stale, the count is at least cap.
    qint64 idLimit = m_tuning.shortSetLimit + 1;
    if (cap > 0) {
        QVariantHash probe = ctx.binds;
        probe.insert(QStringLiteral("n"), -1);
        const auto queued = scalar(ContactSql::probeContactQueue(), probe);
        const auto queuedTags = queued ? scalar(ContactSql::probeTagQueue(), probe) : std::nullopt;
        if (!queuedTags)
            return std::nullopt;
        idLimit = qMin(idLimit, cap + *queued + *queuedTags);
    }
    const Terms found = termCandidates(ctx, idLimit);
    if (found == Terms::Error)
        return std::nullopt;
    if (found == Terms::Reached && cap > 0 && idLimit <= m_tuning.shortSetLimit) {
        m_plan = QStringLiteral("terms");
        return ContactCount{cap, false};
    }
    if (found == Terms::Found) {
        m_plan = QStringLiteral("terms");
        QVariantHash binds = ctx.binds;
        binds.insert(QStringLiteral("n"), -1);
        const auto prefix = scalar(ContactSql::countPrefix(ctx.shape), binds);
        const auto rest = prefix ? scalar(ContactSql::countIds(ctx.shape, true, true), binds)
                                 : std::nullopt;
        if (!rest)
            return std::nullopt;
        result.value = *prefix + *rest;
        return result;
    }
    // Enough rows matching without their tags answer a capped count without reading tags.
    if (cap > 0) {
        const auto fields = limited(ContactSql::countWalk(ctx.shape, true), QStringLiteral("walk"));
        if (!fields || !fields->exact)
            return fields;
    }
    return limited(ContactSql::countWalk(ctx.shape, false), QStringLiteral("walk"));
}

void ContactSearch::remember(const QString &key, const ContactCount &count)
{
    // Every text typed is a key: without a bound the cache grows for as long as nothing is
    // written (a read-only cache, a session without syncs). The recent ones are what a user
    // goes back to; dropping them all now and then costs little.
    if (m_counts.size() >= MaxCountsKept)
        m_counts.clear();
    m_counts.insert(key, count);
}

void ContactSearch::forgetIfChanged()
{
    // Counts of big filters cost a scan: keep them (and session keys) until another
    // connection commits.
    const qint64 version = m_db.dataVersion();
    if (version != m_dataVersion) {
        m_counts.clear();
        m_sids.clear();
        m_lastHits.reset();
        m_dataVersion = version;
    }
}

std::optional<ContactCount> ContactSearch::count(const ContactFilter &filter, qint64 cap)
{
    forgetIfChanged();
    auto ctx = context(filter);
    if (!ctx)
        return std::nullopt;
    // Only text counts outside a group stop at the cap: the others are one entry whatever it is.
    const bool capped = filter.groupJid.isEmpty() && !ctx->query.isEmpty();
    const QString key = QStringList{QString::number(ctx->sid), ctx->query.text,
                                    QString::number(int(filter.source)), filter.groupJid,
                                    QString::number(capped ? cap : 0)}
                            .join(QChar(0x1F));
    if (const auto it = m_counts.constFind(key); it != m_counts.constEnd()) {
        m_plan = QStringLiteral("cached");
        return *it;
    }
    ContactCount result;
    if (ctx->sid == 0) {
        m_plan = QStringLiteral("none");
        return result;
    }
    std::optional<qint64> n;
    if (!filter.groupJid.isEmpty()) {
        m_plan = QStringLiteral("group");
        n = scalar(ContactSql::countGroup(ctx->shape, !ctx->query.isEmpty()), ctx->binds);
    } else if (ctx->query.isEmpty()) {
        m_plan = QStringLiteral("all");
        n = scalar(ContactSql::countAll(ctx->shape), ctx->binds);
    } else {
        const auto counted = countText(*ctx, filter, cap);
        if (!counted)
            return std::nullopt;
        remember(key, *counted);
        return counted;
    }
    if (!n)
        return std::nullopt;
    result.value = *n;
    remember(key, result);
    return result;
}
