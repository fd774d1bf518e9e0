#include "cache/ContactSql.h"

namespace ContactSql {

namespace {

// The fields contact_fts indexes, never NULL (so NOT works)...
const QString IndexedFields = QStringLiteral(
    "(instr(c.name_key, :q) > 0 OR ifnull(instr(c.phone, :q), 0) > 0"
    " OR ifnull(instr(c.bn_key, :q), 0) > 0)");
// ...and with the LID prefix, the part of T that reads only the contact row.
const QString FieldTest = QStringLiteral("(%1 OR (c.lid >= :q AND c.lid < :qe))").arg(IndexedFields);

const QString TagExists = QStringLiteral(
    "EXISTS (SELECT 1 FROM memberships m WHERE m.sid = c.sid AND m.lid = c.lid"
    " AND instr(m.tag_key, :q) > 0)");

const QString QueuedContacts =
    QStringLiteral("SELECT id FROM contact_fts_queue WHERE id BETWEEN :lo AND :hi");
const QString QueuedTags =
    QStringLiteral("SELECT id FROM tag_fts_queue WHERE id BETWEEN :lo AND :hi");
const QString FtsHits = QStringLiteral(
    "SELECT rowid AS id FROM contact_fts WHERE contact_fts MATCH :fq AND rowid BETWEEN :lo AND :hi");
const QString TagHits = QStringLiteral(
    "SELECT rowid AS id FROM tag_fts WHERE tag_fts MATCH :tq AND rowid BETWEEN :lo AND :hi");
const QString LidPrefix =
    QStringLiteral("SELECT id FROM contacts WHERE sid = :sid AND lid >= :q AND lid < :qe");

// T. A queued contact's contact_tags row may be stale: its memberships say.
const QString Test = QStringLiteral(
    "(%1 OR CASE WHEN c.id IN (%2) THEN %3"
    " ELSE ifnull(instr((SELECT t FROM contact_tags WHERE id = c.id), :q), 0) > 0 END)")
                         .arg(FieldTest, QueuedTags, TagExists);

QString direction(const Shape &s)
{
    return s.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
}

QString orderBy(const Shape &s)
{
    return QStringLiteral(" ORDER BY %1 %2, c.lid %2").arg(sortKey(s.sort), direction(s));
}

// After the cursor row, written so SQLite seeks the index on the sort value.
QString keyset(const Shape &s)
{
    if (!s.hasCursor)
        return {};
    const QString k = sortKey(s.sort);
    return s.descending ? QStringLiteral(" AND %1 <= :ck AND (%1 < :ck OR c.lid < :cl)").arg(k)
                        : QStringLiteral(" AND %1 >= :ck AND (%1 > :ck OR c.lid > :cl)").arg(k);
}

// Up to and including the boundary row.
QString upTo(const Shape &s)
{
    const QString k = sortKey(s.sort);
    return s.descending ? QStringLiteral(" AND %1 >= :bk AND (%1 > :bk OR c.lid >= :bl)").arg(k)
                        : QStringLiteral(" AND %1 <= :bk AND (%1 < :bk OR c.lid <= :bl)").arg(k);
}

QString prefixRange(ContactSort sort)
{
    return QStringLiteral("(%1 >= :q AND %1 < :qe)").arg(sortKey(sort));
}

QString branches(const Shape &s)
{
    QStringList values;
    for (int b : s.dmBranches)
        values << QString::number(b);
    return QStringLiteral("c.is_dm IN (%1)").arg(values.join(QLatin1String(", ")));
}

// Ordered parts (index ranges, sorted sets) merged by SQLite (MERGE UNION ALL).
QString merged(const Shape &s, const QStringList &parts)
{
    if (parts.size() == 1)
        return parts.first();
    QStringList wrapped;
    for (const QString &p : parts)
        wrapped << QStringLiteral("SELECT * FROM (%1)").arg(p);
    return wrapped.join(QLatin1String(" UNION ALL "))
           + QStringLiteral(" ORDER BY sort_key %1, lid %1 LIMIT :n").arg(direction(s));
}

QString indexedRange(const Shape &s, int dm, const QString &where)
{
    return QStringLiteral("SELECT %1 FROM contacts c INDEXED BY %2 WHERE c.sid = :sid"
                          " AND c.is_dm = %3%4%5%6 LIMIT :n")
        .arg(columnsFor(s.sort), index(s.sort), QString::number(dm), where, keyset(s), orderBy(s));
}

QString candidates(bool fts, bool tags)
{
    QStringList parts;
    if (fts)
        parts << FtsHits;
    parts << QueuedContacts;
    if (tags)
        parts << TagHits;
    parts << QueuedTags << LidPrefix;
    return parts.join(QLatin1String(" UNION "));
}

QString setWhere(const Shape &s, bool prefixSplit, bool fts, bool tags)
{
    // NOT INDEXED: the candidate ids drive the plan (rowid lookups), never a sort index.
    QString where = QStringLiteral(" FROM contacts c NOT INDEXED WHERE c.id IN (%1) AND c.sid = :sid"
                                   " AND %2 AND %3")
                        .arg(candidates(fts, tags), branches(s),
                             Test);
    if (prefixSplit)
        where += QStringLiteral(" AND NOT ") + prefixRange(s.sort);
    return where;
}

} // namespace

QString index(ContactSort sort)
{
    switch (sort) {
    case ContactSort::Name: return QStringLiteral("contacts_by_name");
    case ContactSort::Phone: return QStringLiteral("contacts_by_phone");
    case ContactSort::Lid: return QStringLiteral("contacts_by_lid");
    case ContactSort::Updated: return QStringLiteral("contacts_by_updated");
    }
    return {};
}

QString sortKey(ContactSort sort)
{
    switch (sort) {
    case ContactSort::Name: return QStringLiteral("c.name_key");
    case ContactSort::Phone: return QStringLiteral("ifnull(c.phone, char(1114111))");
    case ContactSort::Lid: return QStringLiteral("c.lid");
    case ContactSort::Updated: return QStringLiteral("c.updated_at");
    }
    return {};
}

bool hasPrefixRange(ContactSort sort)
{
    return sort != ContactSort::Updated;
}

QString columnsFor(ContactSort sort)
{
    return QStringLiteral("c.id, c.lid, c.is_dm, c.name, c.phone, c.business_name, c.phone_jid,"
                          " c.identity_id, c.first_seen_at, c.updated_at, c.detail_synced_at,"
                          " c.synced_at, %1 AS sort_key")
        .arg(sortKey(sort));
}

QString browse(const Shape &s)
{
    QStringList parts;
    for (int dm : s.dmBranches)
        parts << indexedRange(s, dm, {});
    return merged(s, parts);
}

QString walkBoundary(const Shape &s, int dm)
{
    return QStringLiteral("SELECT %1, c.lid FROM contacts c INDEXED BY %2 WHERE c.sid = :sid"
                          " AND c.is_dm = %3%4%5 LIMIT 1 OFFSET :w - 1")
        .arg(sortKey(s.sort), index(s.sort), QString::number(dm), keyset(s), orderBy(s));
}

QString walk(const Shape &s, bool bounded)
{
    const QString where = QStringLiteral(" AND ") + Test + (bounded ? upTo(s) : QString());
    QStringList parts;
    for (int dm : s.dmBranches)
        parts << indexedRange(s, dm, where);
    return merged(s, parts);
}

QString searchSet(const Shape &s, bool prefixSplit, bool fts, bool tags)
{
    const QString set = QStringLiteral("SELECT %1%2%3%4 LIMIT :n")
                            .arg(columnsFor(s.sort), setWhere(s, prefixSplit, fts, tags),
                                 keyset(s), orderBy(s));
    if (!prefixSplit)
        return set;
    QStringList parts;
    for (int dm : s.dmBranches)
        parts << indexedRange(s, dm, QStringLiteral(" AND ") + prefixRange(s.sort));
    parts << set;
    return merged(s, parts);
}

QString groupMembers(const Shape &s, bool text)
{
    // CROSS JOIN keeps memberships outside: a group is small, the contacts table is not.
    return QStringLiteral("SELECT %1 FROM memberships g CROSS JOIN contacts c"
                          " ON c.sid = g.sid AND c.lid = g.lid WHERE g.sid = :sid"
                          " AND g.group_jid = :g AND %2%3%4%5 LIMIT :n")
        .arg(columnsFor(s.sort), branches(s),
             text ? QStringLiteral(" AND ") + Test : QString(), keyset(s), orderBy(s));
}

QString probeFts()
{
    return QStringLiteral("SELECT count(*) FROM (%1 LIMIT :n)").arg(FtsHits);
}

QString probeTags()
{
    return QStringLiteral("SELECT count(*) FROM (%1 LIMIT :n)").arg(TagHits);
}

QString probeContactQueue()
{
    return QStringLiteral("SELECT count(*) FROM (%1 LIMIT :n)").arg(QueuedContacts);
}

QString probeTagQueue()
{
    return QStringLiteral("SELECT count(*) FROM (%1 LIMIT :n)").arg(QueuedTags);
}

QString probeLidPrefix()
{
    return QStringLiteral("SELECT count(*) FROM (%1 LIMIT :n)").arg(LidPrefix);
}

QString countAll(const Shape &s)
{
    return QStringLiteral("SELECT count(*) FROM contacts c INDEXED BY contacts_by_lid"
                          " WHERE c.sid = :sid AND %1")
        .arg(branches(s));
}

QString countPrefix(const Shape &s)
{
    return QStringLiteral("SELECT count(*) FROM contacts c INDEXED BY %1 WHERE c.sid = :sid"
                          " AND %2 AND %3")
        .arg(index(s.sort), branches(s), prefixRange(s.sort));
}

QString countSet(const Shape &s, bool prefixSplit, bool fts, bool tags)
{
    return QStringLiteral("SELECT count(*) FROM (SELECT 1%1 LIMIT :n)")
        .arg(setWhere(s, prefixSplit, fts, tags));
}

QString countWalk(const Shape &s)
{
    return QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM contacts c INDEXED BY contacts_by_name"
                          " WHERE c.sid = :sid AND %1 AND %2 LIMIT :n)")
        .arg(branches(s), Test);
}

QString countGroup(const Shape &s, bool text)
{
    return QStringLiteral("SELECT count(*) FROM memberships g CROSS JOIN contacts c"
                          " ON c.sid = g.sid AND c.lid = g.lid WHERE g.sid = :sid"
                          " AND g.group_jid = :g AND %1%2")
        .arg(branches(s), text ? QStringLiteral(" AND ") + Test : QString());
}

QString countFtsParts()
{
    return QStringLiteral(
               "SELECT (SELECT count(*) FROM (%1 AND rowid NOT IN (%2) LIMIT :n)),"
               " (SELECT count(*) FROM (SELECT 1 FROM contacts c NOT INDEXED WHERE c.id IN (%2)"
               " AND %3 LIMIT :n)),"
               " (SELECT count(*) FROM (SELECT 1 FROM contacts c NOT INDEXED WHERE c.id IN (%4 UNION %5"
               " UNION %6) AND c.id NOT IN (%2) AND NOT %7 AND %3 LIMIT :n))")
        .arg(FtsHits, QueuedContacts, Test, LidPrefix, TagHits, QueuedTags, IndexedFields);
}

QString contactTerms()
{
    return QStringLiteral("SELECT term FROM contact_fts_terms WHERE term >= :q AND term < :qe LIMIT :n");
}

QString tagTerms()
{
    return QStringLiteral("SELECT term FROM tag_fts_terms WHERE term >= :q AND term < :qe LIMIT :n");
}

} // namespace ContactSql
