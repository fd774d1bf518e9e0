#include "cache/ContactSql.h"

namespace ContactSql {

namespace {

// T: does contact c match :q? (see the header)
const QString Test = QStringLiteral(
    "(instr(c.name_key, :q) > 0 OR instr(c.phone, :q) > 0 OR instr(c.bn_key, :q) > 0"
    " OR (c.lid >= :q AND c.lid < :qe)"
    " OR EXISTS (SELECT 1 FROM memberships m WHERE m.sid = c.sid AND m.lid = c.lid"
    " AND instr(m.tag_key, :q) > 0))");

// The field part of T, never NULL (so NOT works).
const QString FieldTest = QStringLiteral(
    "(instr(c.name_key, :q) > 0 OR ifnull(instr(c.phone, :q), 0) > 0"
    " OR ifnull(instr(c.bn_key, :q), 0) > 0)");

const QString QueuedContacts =
    QStringLiteral("SELECT id FROM contact_fts_queue WHERE id BETWEEN :lo AND :hi");

QString direction(const Shape &s)
{
    return s.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
}

QString orderBy(const Shape &s)
{
    return QStringLiteral(" ORDER BY %1 %2, c.lid %2").arg(sortKey(s.sort), direction(s));
}

QString outerOrderBy(const Shape &s)
{
    return QStringLiteral(" ORDER BY sort_key %1, lid %1").arg(direction(s));
}

// After the cursor row, written so SQLite seeks the index on the sort value.
QString keyset(const Shape &s)
{
    if (!s.hasCursor)
        return {};
    const QString k = sortKey(s.sort);
    return s.descending
        ? QStringLiteral(" AND %1 <= :ck AND (%1 < :ck OR c.lid < :cl)").arg(k)
        : QStringLiteral(" AND %1 >= :ck AND (%1 > :ck OR c.lid > :cl)").arg(k);
}

// Up to and including the boundary row.
QString upTo(const Shape &s)
{
    const QString k = sortKey(s.sort);
    return s.descending
        ? QStringLiteral(" AND %1 >= :bk AND (%1 > :bk OR c.lid >= :bl)").arg(k)
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

// One ordered index range per is_dm value, merged by SQLite (MERGE UNION ALL).
QString merged(const Shape &s, const QStringList &parts, const QString &limit = QStringLiteral(":n"))
{
    if (parts.size() == 1)
        return parts.first();
    QStringList wrapped;
    for (const QString &p : parts)
        wrapped << QStringLiteral("SELECT * FROM (%1)").arg(p);
    return wrapped.join(QLatin1String(" UNION ALL ")) + outerOrderBy(s)
           + QStringLiteral(" LIMIT ") + limit;
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
    if (fts) {
        parts << QStringLiteral("SELECT rowid AS id FROM contact_fts WHERE contact_fts MATCH :fq"
                                " AND rowid BETWEEN :lo AND :hi");
    }
    parts << QueuedContacts;
    if (tags) {
        parts << QStringLiteral("SELECT c2.id FROM tag_fts JOIN memberships m ON m.id = tag_fts.rowid"
                                " JOIN contacts c2 ON c2.sid = m.sid AND c2.lid = m.lid"
                                " WHERE tag_fts MATCH :tq AND tag_fts.rowid BETWEEN :lo AND :hi");
    }
    parts << QStringLiteral("SELECT c2.id FROM tag_fts_queue tq JOIN memberships m ON m.id = tq.id"
                            " JOIN contacts c2 ON c2.sid = m.sid AND c2.lid = m.lid"
                            " WHERE tq.id BETWEEN :lo AND :hi")
          << QStringLiteral("SELECT id FROM contacts WHERE sid = :sid AND lid >= :q AND lid < :qe");
    return parts.join(QLatin1String(" UNION "));
}

QString setWhere(const Shape &s, bool prefixSplit, bool fts, bool tags)
{
    // NOT INDEXED: the candidate ids drive the plan (rowid lookups), never a sort index.
    QString where = QStringLiteral(" FROM contacts c NOT INDEXED WHERE c.id IN (%1) AND c.sid = :sid"
                                   " AND %2 AND %3")
                        .arg(candidates(fts, tags), branches(s), Test);
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

QString walk(const Shape &s, bool bounded)
{
    const QString where = QStringLiteral(" AND ") + Test + (bounded ? upTo(s) : QString());
    QStringList parts;
    for (int dm : s.dmBranches)
        parts << indexedRange(s, dm, where);
    return merged(s, parts);
}

QString walkBoundary(const Shape &s)
{
    QStringList parts;
    for (int dm : s.dmBranches) {
        parts << QStringLiteral("SELECT %1 AS sort_key, c.lid AS lid FROM contacts c INDEXED BY %2"
                                " WHERE c.sid = :sid AND c.is_dm = %3%4%5 LIMIT %6")
                     .arg(sortKey(s.sort), index(s.sort), QString::number(dm), keyset(s), orderBy(s),
                          s.dmBranches.size() > 1 ? QStringLiteral(":w")
                                                  : QStringLiteral("1 OFFSET :w - 1"));
    }
    return merged(s, parts, QStringLiteral("1 OFFSET :w - 1"));
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
        .arg(columnsFor(s.sort), branches(s), text ? QStringLiteral(" AND ") + Test : QString(),
             keyset(s), orderBy(s));
}

QString probeFts()
{
    return QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM contact_fts WHERE contact_fts MATCH :fq"
                          " AND rowid BETWEEN :lo AND :hi LIMIT :n)");
}

QString probeTags()
{
    return QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM tag_fts WHERE tag_fts MATCH :tq"
                          " AND rowid BETWEEN :lo AND :hi LIMIT :n)");
}

QString probeContactQueue()
{
    return QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM contact_fts_queue"
                          " WHERE id BETWEEN :lo AND :hi LIMIT :n)");
}

QString probeTagQueue()
{
    return QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM tag_fts_queue"
                          " WHERE id BETWEEN :lo AND :hi LIMIT :n)");
}

QString probeLidPrefix()
{
    return QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM contacts WHERE sid = :sid"
                          " AND lid >= :q AND lid < :qe LIMIT :n)");
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
    return QStringLiteral("SELECT count(*)") + setWhere(s, prefixSplit, fts, tags);
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

QString countFtsFormula(bool tags)
{
    // Disjoint parts: indexed field matches; queued rows that match; rows matching only by a
    // tag or a LID prefix (outside the queue: inside it they were counted already).
    QString extra = QStringLiteral("SELECT id FROM contacts WHERE sid = :sid AND lid >= :q AND lid < :qe"
                                   " UNION SELECT c2.id FROM tag_fts_queue tq"
                                   " JOIN memberships m ON m.id = tq.id"
                                   " JOIN contacts c2 ON c2.sid = m.sid AND c2.lid = m.lid"
                                   " WHERE tq.id BETWEEN :lo AND :hi");
    if (tags) {
        extra += QStringLiteral(" UNION SELECT c2.id FROM tag_fts JOIN memberships m ON m.id = tag_fts.rowid"
                                " JOIN contacts c2 ON c2.sid = m.sid AND c2.lid = m.lid"
                                " WHERE tag_fts MATCH :tq AND tag_fts.rowid BETWEEN :lo AND :hi");
    }
    return QStringLiteral(
               "SELECT (SELECT count(*) FROM contact_fts WHERE contact_fts MATCH :fq"
               " AND rowid BETWEEN :lo AND :hi AND rowid NOT IN (%1))"
               " + (SELECT count(*) FROM contacts c NOT INDEXED WHERE c.id IN (%1) AND %2)"
               " + (SELECT count(*) FROM contacts c NOT INDEXED WHERE c.id IN (%3)"
               " AND c.id NOT IN (%1) AND NOT %4 AND %2)")
        .arg(QueuedContacts, Test, extra, FieldTest);
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
