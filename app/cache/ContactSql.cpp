#include "cache/ContactSql.h"

namespace ContactSql {

namespace {

// The fields contact_fts indexes, never NULL (so NOT works)...
const QString kIndexedFields = QStringLiteral(
    "(instr(c.name_key, :q) > 0 OR ifnull(instr(c.phone, :q), 0) > 0"
    " OR ifnull(instr(c.bn_key, :q), 0) > 0)");
// ...and with the LID prefix, the part of T that reads only the contact row.
const QString kFieldTest =
    QStringLiteral("(%1 OR (c.lid >= :q AND c.lid < :qe))").arg(kIndexedFields);

const QString kTagExists = QStringLiteral(
    "EXISTS (SELECT 1 FROM memberships m WHERE m.sid = c.sid AND m.lid = c.lid"
    " AND instr(m.tag_key, :q) > 0)");

const QString kQueuedContacts = QStringLiteral(
    "SELECT id FROM contact_fts_queue WHERE id BETWEEN :lo AND :hi");
// Set during the session's first members pass (CacheSchema version 5): its tags are neither
// queued nor indexed yet, so every contact's tags are read from its memberships.
const QString kTagsPending = QStringLiteral("(SELECT tags_pending FROM sessions WHERE sid = :sid)");
// Contacts whose contact_tags row may be stale.
const QString kStaleTags =
    QStringLiteral("(%1 OR c.id IN (SELECT id FROM tag_fts_queue WHERE id BETWEEN :lo AND :hi))")
        .arg(kTagsPending);
// The candidates kStaleTags adds: the queued contacts, and while tags are pending those with a
// matching tag, from the memberships index. The session is looked up as the index key (NULL
// when its tags are not pending, so nothing is read): SQLite does not skip a loop for a
// subquery term that is false, it tests it on every row (measured: 25 ms a statement on
// 300,000 memberships).
const QString kQueuedTags = QStringLiteral(
    "SELECT id FROM tag_fts_queue WHERE id BETWEEN :lo AND :hi UNION ALL"
    " SELECT pc.id FROM memberships pm JOIN contacts pc ON pc.sid = pm.sid AND pc.lid = pm.lid"
    " WHERE pm.sid = (SELECT sid FROM sessions WHERE sid = :sid AND tags_pending)"
    " AND instr(pm.tag_key, :q) > 0");
const QString kFtsHits = QStringLiteral("SELECT rowid AS id FROM contact_fts WHERE contact_fts "
                                        "MATCH :fq AND rowid BETWEEN :lo AND :hi");
const QString kTagHits = QStringLiteral(
    "SELECT rowid AS id FROM tag_fts WHERE tag_fts MATCH :tq AND rowid BETWEEN :lo AND :hi");
const QString kFoundIds = QStringLiteral("SELECT value FROM json_each(:ids)");
const QString kLidPrefix = QStringLiteral(
    "SELECT id FROM contacts WHERE sid = :sid AND lid >= :q AND lid < :qe");

// T. A queued contact's contact_tags row may be stale: its memberships say.
const QString kTest =
    QStringLiteral(
        "(%1 OR CASE WHEN %2 THEN %3"
        " ELSE ifnull(instr((SELECT t FROM contact_tags WHERE id = c.id), :q), 0) > 0 END)")
        .arg(kFieldTest, kStaleTags, kTagExists);
// T again, with tag_fts answering for contacts outside the tag queue: one lookup in a list
// built once per statement instead of one row read per contact.
const QString kTestByTagHits = QStringLiteral("(%1 OR CASE WHEN %2 THEN %3 ELSE c.id IN (%4) END)")
                                   .arg(kFieldTest, kStaleTags, kTagExists, kTagHits);

// T once more, with the contacts outside the tag queue whose tags match given by the caller
// (:tagids, a JSON array; 1-2 character texts, found from the trigram terms of tag_fts).
const QString kTestByTagIds = QStringLiteral(
                                  "(%1 OR CASE WHEN %2 THEN %3"
                                  " ELSE c.id IN (SELECT value FROM json_each(:tagids)) END)")
                                  .arg(kFieldTest, kStaleTags, kTagExists);

QString test(TagTest tags)
{
    switch (tags) {
    case TagTest::Read:
        return kTest;
    case TagTest::Hits:
        return kTestByTagHits;
    case TagTest::Ids:
        return kTestByTagIds;
    }
    return kTest;
}

const QString kMaxChar = QStringLiteral("char(1114111)");

// One index range in sort order. An order is one part or several merged: the name order has
// one per is_dm value (so a source filter stays a range), the phone order puts the contacts
// without a phone (sort value U+10FFFF) after those with one, the updated order those never
// fetched (0) before the others. A part whose sort value is a constant orders by LID alone.
struct Part {
    QString index;
    QString key;   // the sort value of the part's rows (alias c)
    QString where; // the part's rows (terms a partial index needs)
    bool constKey = false;
    bool prefix = false; // its sort values can start with q
};

QString dmIn(const Shape &s)
{
    QStringList values;
    for (int b : s.dmBranches)
        values << QString::number(b);
    return QStringLiteral("c.is_dm IN (%1)").arg(values.join(QLatin1String(", ")));
}

// Parts over an index without is_dm filter the source row by row (no term when any will do).
QString withSource(const Shape &s, const QString &where)
{
    if (s.dmBranches.size() > 1)
        return where;
    return where.isEmpty() ? dmIn(s) : where + QStringLiteral(" AND ") + dmIn(s);
}

QList<Part> partsOf(const Shape &s)
{
    switch (s.sort) {
    case ContactSort::Name: {
        QList<Part> parts;
        for (int dm : s.dmBranches)
            parts << Part{QStringLiteral("contacts_by_name"), QStringLiteral("c.name_key"),
                          QStringLiteral("c.is_dm = %1").arg(dm), false, true};
        return parts;
    }
    case ContactSort::Phone:
        return {Part{QStringLiteral("contacts_by_phone"), QStringLiteral("c.phone"),
                     withSource(s, QStringLiteral("c.phone IS NOT NULL")), false, true},
                Part{QStringLiteral("contacts_by_lid"), kMaxChar,
                     withSource(s, QStringLiteral("c.phone IS NULL")), true, false}};
    case ContactSort::Lid:
        return {Part{QStringLiteral("contacts_by_lid"), QStringLiteral("c.lid"), withSource(s, {}),
                     false, true}};
    case ContactSort::Updated:
        return {Part{QStringLiteral("contacts_by_lid"), QStringLiteral("0"),
                     withSource(s, QStringLiteral("c.updated_at = 0")), true, false},
                Part{QStringLiteral("contacts_by_updated"), QStringLiteral("c.updated_at"),
                     withSource(s, QStringLiteral("c.updated_at > 0")), false, false}};
    }
    return {};
}

QString direction(const Shape &s)
{
    return s.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
}

QString orderBy(const Shape &s, const QString &key)
{
    return QStringLiteral(" ORDER BY %1 %2, c.lid %2").arg(key, direction(s));
}

QString partOrder(const Shape &s, const Part &p)
{
    return p.constKey ? QStringLiteral(" ORDER BY c.lid %1").arg(direction(s)) : orderBy(s, p.key);
}

// Rows after (value, LID) = (:ck, :cl), or up to and including (:bk, :bl), written so SQLite
// seeks the index. In a constant-key part only the LID can move: its bound is chosen once
// per statement (all of the part, after the cursor LID, or none).
QString bound(const Shape &s, const QString &key, bool constKey, bool upTo)
{
    const QString k = upTo ? QStringLiteral(":bk") : QStringLiteral(":ck");
    const QString l = upTo ? QStringLiteral(":bl") : QStringLiteral(":cl");
    const bool forward = s.descending == upTo; // rows above the bound (else below)
    if (constKey) {
        // '' sorts before every text, a blob after every text, NULL matches nothing.
        return forward
            ? QStringLiteral(" AND c.lid %1 CASE WHEN %2 < %3 THEN '' WHEN %2 = %3 THEN %4 END")
                  .arg(upTo ? QStringLiteral(">=") : QStringLiteral(">"), k, key, l)
            : QStringLiteral(" AND c.lid %1 CASE WHEN %2 > %3 THEN x'ff' WHEN %2 = %3 THEN %4 END")
                  .arg(upTo ? QStringLiteral("<=") : QStringLiteral("<"), k, key, l);
    }
    return forward ? QStringLiteral(" AND %1 >= %2 AND (%1 > %2 OR c.lid %4 %3)")
                         .arg(key, k, l, upTo ? QStringLiteral(">=") : QStringLiteral(">"))
                   : QStringLiteral(" AND %1 <= %2 AND (%1 < %2 OR c.lid %4 %3)")
                         .arg(key, k, l, upTo ? QStringLiteral("<=") : QStringLiteral("<"));
}

QString keyset(const Shape &s, const QString &key, bool constKey = false)
{
    return s.hasCursor ? bound(s, key, constKey, false) : QString();
}

QString prefixRange(const QString &key)
{
    return QStringLiteral("(%1 >= :q AND %1 < :qe)").arg(key);
}

QString columns(const QString &key)
{
    return QStringLiteral("c.id, c.lid, c.is_dm, c.name, c.phone, c.business_name, c.phone_jid,"
                          " c.identity_id, c.first_seen_at, c.updated_at, c.detail_synced_at,"
                          " c.synced_at, %1 AS sort_key")
        .arg(key);
}

QString partRange(const Shape &s, const Part &p, const QString &extra)
{
    const QString where = p.where.isEmpty() ? QString() : QStringLiteral(" AND ") + p.where;
    return QStringLiteral(
               "SELECT %1 FROM contacts c INDEXED BY %2 WHERE c.sid = :sid%3%4%5%6 LIMIT :n")
        .arg(columns(p.key), p.index, where, extra, keyset(s, p.key, p.constKey), partOrder(s, p));
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

// Contacts whose sort value starts with :q: index ranges, no row read.
QString prefixIds(const Shape &s)
{
    QStringList ids;
    for (const Part &p : partsOf(s)) {
        if (!p.prefix)
            continue;
        const QString where = p.where.isEmpty() ? QString() : QStringLiteral(" AND ") + p.where;
        ids << QStringLiteral(
                   "SELECT c.id FROM contacts c INDEXED BY %1 WHERE c.sid = :sid%2 AND %3")
                   .arg(p.index, where, prefixRange(p.key));
    }
    return ids.join(QLatin1String(" UNION ALL "));
}

// Ids found in C++ (:ids, a JSON array), the queues and the LID prefix, less the prefix ranges
// (unless :ids holds few of them: the rows are tested against the range anyway, and reading a
// large range, "budi" among a million, costs more than the lookups it saves).
QString idCandidates(const Shape &s, bool prefixSplit, bool idsOutsidePrefix)
{
    QString sql = QStringLiteral("%1 UNION %2 UNION %3 UNION %4")
                      .arg(kFoundIds, kQueuedContacts, kQueuedTags, kLidPrefix);
    if (prefixSplit && !idsOutsidePrefix)
        sql += QStringLiteral(" EXCEPT SELECT * FROM (%1)").arg(prefixIds(s));
    return sql;
}

// ftsIds: the FTS hits were read by the caller (:ids), so the MATCH is not run again.
QString candidates(bool ftsIds)
{
    return QStringList{ftsIds ? kFoundIds : kFtsHits, kQueuedContacts, kTagHits, kQueuedTags,
                       kLidPrefix}
        .join(QLatin1String(" UNION "));
}

QString setWhere(const Shape &s, bool prefixSplit, const QString &candidateIds, bool tagHits)
{
    // NOT INDEXED: the candidate ids drive the plan (rowid lookups), never a sort index.
    QString where = QStringLiteral(
                        " FROM contacts c NOT INDEXED WHERE c.id IN (%1) AND c.sid = :sid"
                        " AND %2 AND %3")
                        .arg(candidateIds, dmIn(s), test(tagHits ? TagTest::Hits : TagTest::Read));
    if (prefixSplit)
        where += QStringLiteral(" AND NOT ") + prefixRange(sortKey(s.sort));
    return where;
}

QString setQuery(const Shape &s, bool prefixSplit, const QString &where)
{
    const QString key = sortKey(s.sort);
    const QString set = QStringLiteral("SELECT %1%2%3%4 LIMIT :n")
                            .arg(columns(key), where, keyset(s, key), orderBy(s, key));
    if (!prefixSplit)
        return set;
    QStringList parts;
    for (const Part &p : partsOf(s)) {
        if (p.prefix)
            parts << partRange(s, p, QStringLiteral(" AND ") + prefixRange(p.key));
    }
    parts << set;
    return merged(s, parts);
}

} // namespace

QString sortKey(ContactSort sort)
{
    switch (sort) {
    case ContactSort::Name:
        return QStringLiteral("c.name_key");
    case ContactSort::Phone:
        return QStringLiteral("ifnull(c.phone, %1)").arg(kMaxChar);
    case ContactSort::Lid:
        return QStringLiteral("c.lid");
    case ContactSort::Updated:
        return QStringLiteral("c.updated_at");
    }
    return {};
}

bool hasPrefixRange(ContactSort sort)
{
    return sort != ContactSort::Updated;
}

int partCount(const Shape &s)
{
    return int(partsOf(s).size());
}

QString browse(const Shape &s)
{
    QStringList parts;
    for (const Part &p : partsOf(s))
        parts << partRange(s, p, {});
    return merged(s, parts);
}

QString walkBoundary(const Shape &s, int part)
{
    const Part p = partsOf(s).at(part);
    const QString where = p.where.isEmpty() ? QString() : QStringLiteral(" AND ") + p.where;
    return QStringLiteral("SELECT %1, c.lid FROM contacts c INDEXED BY %2 WHERE c.sid = :sid%3%4%5"
                          " LIMIT 1 OFFSET :w - 1")
        .arg(p.key, p.index, where, keyset(s, p.key, p.constKey), partOrder(s, p));
}

QString walk(const Shape &s, bool bounded, TagTest tags)
{
    QStringList parts;
    for (const Part &p : partsOf(s)) {
        const QString extra = QStringLiteral(" AND ") + test(tags)
            + (bounded ? bound(s, p.key, p.constKey, true) : QString());
        parts << partRange(s, p, extra);
    }
    return merged(s, parts);
}

QString searchSet(const Shape &s, bool prefixSplit, bool ftsIds)
{
    return setQuery(s, prefixSplit, setWhere(s, prefixSplit, candidates(ftsIds), true));
}

QString searchIds(const Shape &s, bool prefixSplit, bool idsOutsidePrefix)
{
    return setQuery(
        s, prefixSplit,
        setWhere(s, prefixSplit, idCandidates(s, prefixSplit, idsOutsidePrefix), false));
}

QString groupMembers(const Shape &s, bool text)
{
    // CROSS JOIN keeps memberships outside: a group is small, the contacts table is not.
    const QString key = sortKey(s.sort);
    return QStringLiteral("SELECT %1 FROM memberships g CROSS JOIN contacts c"
                          " ON c.sid = g.sid AND c.lid = g.lid WHERE g.sid = :sid"
                          " AND g.group_jid = :g AND %2%3%4%5 LIMIT :n")
        .arg(columns(key), dmIn(s), text ? QStringLiteral(" AND ") + kTest : QString(),
             keyset(s, key), orderBy(s, key));
}

QString probeTags()
{
    return QStringLiteral("SELECT count(*) FROM (%1 LIMIT :n)").arg(kTagHits);
}

QString probeContactQueue()
{
    return QStringLiteral("SELECT count(*) FROM (%1 LIMIT :n)").arg(kQueuedContacts);
}

QString probeTagQueue()
{
    return QStringLiteral("SELECT count(*) FROM (%1 LIMIT :n)").arg(kQueuedTags);
}

QString probeLidPrefix()
{
    return QStringLiteral("SELECT count(*) FROM (%1 LIMIT :n)").arg(kLidPrefix);
}

QString countAll(const Shape &s)
{
    // The narrowest index; the name index when the source matters (it leads with is_dm).
    if (s.dmBranches.size() > 1)
        return QStringLiteral(
            "SELECT count(*) FROM contacts c INDEXED BY contacts_by_lid WHERE c.sid = :sid");
    return QStringLiteral("SELECT count(*) FROM contacts c INDEXED BY contacts_by_name"
                          " WHERE c.sid = :sid AND %1")
        .arg(dmIn(s));
}

QString countPrefix(const Shape &s)
{
    return QStringLiteral("SELECT count(*) FROM (%1)").arg(prefixIds(s));
}

QString countPrefixUpTo(const Shape &s)
{
    return QStringLiteral("SELECT count(*) FROM (SELECT * FROM (%1) LIMIT :n)").arg(prefixIds(s));
}

QString countSet(const Shape &s, bool prefixSplit, bool ftsIds)
{
    return QStringLiteral("SELECT count(*) FROM (SELECT 1%1 LIMIT :n)")
        .arg(setWhere(s, prefixSplit, candidates(ftsIds), true));
}

QString ftsHitIds()
{
    return QStringLiteral("%1 LIMIT :n").arg(kFtsHits);
}

QString countIds(const Shape &s, bool prefixSplit, bool idsOutsidePrefix)
{
    return QStringLiteral("SELECT count(*) FROM (SELECT 1%1 LIMIT :n)")
        .arg(setWhere(s, prefixSplit, idCandidates(s, prefixSplit, idsOutsidePrefix), false));
}

QString countWalk(const Shape &s, bool fieldsOnly)
{
    return QStringLiteral(
               "SELECT count(*) FROM (SELECT 1 FROM contacts c INDEXED BY contacts_by_name"
               " WHERE c.sid = :sid AND %1 AND %2 LIMIT :n)")
        .arg(dmIn(s), fieldsOnly ? kFieldTest : kTest);
}

QString countGroup(const Shape &s, bool text)
{
    return QStringLiteral("SELECT count(*) FROM memberships g CROSS JOIN contacts c"
                          " ON c.sid = g.sid AND c.lid = g.lid WHERE g.sid = :sid"
                          " AND g.group_jid = :g AND %1%2")
        .arg(dmIn(s), text ? QStringLiteral(" AND ") + kTest : QString());
}

QStringList countFtsParts()
{
    return {
        QStringLiteral("SELECT count(*) FROM (%1 AND rowid NOT IN (%2) LIMIT :n)")
            .arg(kFtsHits, kQueuedContacts),
        QStringLiteral(
            "SELECT count(*) FROM (SELECT 1 FROM contacts c NOT INDEXED WHERE c.id IN (%1)"
            " AND %2 LIMIT :n)")
            .arg(kQueuedContacts, kTestByTagHits),
        QStringLiteral(
            "SELECT count(*) FROM (SELECT 1 FROM contacts c NOT INDEXED WHERE c.id IN (%1 UNION %2"
            " UNION %3) AND c.id NOT IN (%4) AND NOT %5 AND %6 LIMIT :n)")
            .arg(kLidPrefix, kTagHits, kQueuedTags, kQueuedContacts, kIndexedFields,
                 kTestByTagHits),
    };
}

QString termHits(bool tags)
{
    return tags ? QStringLiteral(
               "SELECT rowid FROM tag_fts WHERE tag_fts MATCH :m AND rowid BETWEEN :lo AND :hi")
                : QStringLiteral("SELECT rowid FROM contact_fts WHERE contact_fts MATCH :m"
                                 " AND rowid BETWEEN :lo AND :hi");
}

QString contactTerms()
{
    return QStringLiteral(
        "SELECT term FROM contact_fts_terms WHERE term >= :q AND term < :qe LIMIT :n");
}

QString contactTermMostRows()
{
    return QStringLiteral(
        "SELECT ifnull(max(doc), 0) FROM contact_fts_terms WHERE term >= :q AND term < :qe");
}

QString tagTerms()
{
    return QStringLiteral(
        "SELECT term FROM tag_fts_terms WHERE term >= :q AND term < :qe LIMIT :n");
}

} // namespace ContactSql
