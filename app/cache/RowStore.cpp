#include "cache/RowStore.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheKeys.h"
#include "cache/RowStatement.h"
#include "cache/WriteContext.h"

#include <QSqlQuery>

using namespace WriteValue;

namespace {

const QString kTouchContactSql = QStringLiteral(
    "UPDATE contacts SET gen = :gen, synced_at = :now"
    " WHERE sid = :sid AND lid = :lid AND is_dm = :dm"
    " AND name IS :name AND phone IS :phone AND business_name IS :bn");

// :id is the next free id in the session's rowid range (see CacheKeys), counted by
// storeContacts() from the highest one when it began, not looked up per row.
const QString kUpsertContactSql = QStringLiteral(
    "INSERT INTO contacts (id, sid, lid, is_dm, name, phone, business_name, name_key, bn_key,"
    " gen, synced_at) VALUES (:id, :sid, :lid, :dm, :name, :phone, :bn,"
    " :nk, :bk, :gen, :now)"
    " ON CONFLICT (sid, lid) DO UPDATE SET is_dm = excluded.is_dm, name = excluded.name,"
    " phone = excluded.phone, business_name = excluded.business_name,"
    " name_key = excluded.name_key, bn_key = excluded.bn_key,"
    " gen = max(gen, excluded.gen), synced_at = excluded.synced_at");

// When most rows of the last page were new (a first sync), trying the insert first saves the
// touch that would miss.
QString insertOnly(const QString &upsert)
{
    const qsizetype at = upsert.indexOf(QLatin1String(" DO UPDATE SET"));
    return upsert.left(at) + QStringLiteral(" DO NOTHING");
}

// Everything but the tag (the only indexed or search-relevant field) is refreshed in place.
const QString kTouchMemberSql = QStringLiteral(
    "UPDATE memberships SET role = :role, gateway_id = ifnull(:gid, gateway_id),"
    " first_seen_at = CASE WHEN first_seen_at IS NULL OR :fs < first_seen_at THEN"
    " ifnull(:fs, first_seen_at) ELSE first_seen_at END,"
    " last_seen_at = ifnull(:ls, last_seen_at), gen = :gen, synced_at = :now"
    " WHERE sid = :sid AND group_jid = :g AND lid = :lid AND tag IS :tag");

// Memberships need no session range (nothing searches them by rowid): a new one takes the
// table's next rowid, which saves looking an id up per row.
const QString kUpsertMemberSql = QStringLiteral(
    "INSERT INTO memberships (sid, group_jid, lid, role, tag, tag_key, gateway_id,"
    " first_seen_at, last_seen_at, gen, synced_at) VALUES (:sid,"
    " :g, :lid, :role, :tag, :tk, :gid, :fs, :ls, :gen, :now)"
    " ON CONFLICT (sid, group_jid, lid) DO UPDATE SET role = excluded.role, tag = excluded.tag,"
    " tag_key = excluded.tag_key, gateway_id = ifnull(excluded.gateway_id, gateway_id),"
    " first_seen_at = CASE WHEN first_seen_at IS NULL THEN excluded.first_seen_at"
    " WHEN excluded.first_seen_at IS NULL THEN first_seen_at"
    " ELSE min(first_seen_at, excluded.first_seen_at) END,"
    " last_seen_at = ifnull(excluded.last_seen_at, last_seen_at),"
    " gen = max(gen, excluded.gen), synced_at = excluded.synced_at");

const QString kUpsertGroupSql = QStringLiteral(
    "INSERT INTO groups (sid, jid, gateway_id, subject, subject_key, description, owner_jid,"
    " is_announce, is_locked, participant_count, created_at_wa, first_seen_at, updated_at,"
    " gen, synced_at) VALUES (:sid, :jid, :gid, :subject, :sk, :description, :owner,"
    " :announce, :locked, :participants, :created, :fs, :updated, :gen, :now)"
    " ON CONFLICT (sid, jid) DO UPDATE SET gateway_id = excluded.gateway_id,"
    " subject = excluded.subject, subject_key = excluded.subject_key,"
    " description = excluded.description, owner_jid = excluded.owner_jid,"
    " is_announce = excluded.is_announce, is_locked = excluded.is_locked,"
    " participant_count = excluded.participant_count,"
    " created_at_wa = excluded.created_at_wa,"
    " first_seen_at = CASE WHEN first_seen_at IS NULL THEN excluded.first_seen_at"
    " WHEN excluded.first_seen_at IS NULL THEN first_seen_at"
    " ELSE min(first_seen_at, excluded.first_seen_at) END,"
    " updated_at = excluded.updated_at, gen = max(gen, excluded.gen),"
    " synced_at = excluded.synced_at");

void bindGroup(QSqlQuery *q, qint64 sid, const Group &g, qint64 generation, qint64 stamp)
{
    q->bindValue(QStringLiteral(":sid"), sid);
    q->bindValue(QStringLiteral(":jid"), text(g.groupJid));
    q->bindValue(QStringLiteral(":gid"), g.id > 0 ? QVariant(g.id) : nullInt());
    q->bindValue(QStringLiteral(":subject"), optText(g.subject));
    q->bindValue(QStringLiteral(":sk"), CacheKeys::nameKey(g.subject, std::nullopt));
    q->bindValue(QStringLiteral(":description"), optText(g.description));
    q->bindValue(QStringLiteral(":owner"), optText(g.ownerJid));
    q->bindValue(QStringLiteral(":announce"), optBool(g.isAnnounce));
    q->bindValue(QStringLiteral(":locked"), optBool(g.isLocked));
    q->bindValue(QStringLiteral(":participants"), optInt(g.participantCount));
    q->bindValue(QStringLiteral(":created"), optInt(g.createdAtWa));
    q->bindValue(QStringLiteral(":fs"), epoch(g.firstSeenAt));
    q->bindValue(QStringLiteral(":updated"), epoch(g.updatedAt));
    q->bindValue(QStringLiteral(":gen"), generation);
    q->bindValue(QStringLiteral(":now"), stamp);
}

} // namespace

RowStore::RowStore(WriteContext &ctx)
    : m_ctx(ctx)
{
}

void RowStore::pageCommitted(SyncKind kind, qsizetype fresh, qsizetype rows)
{
    m_expectNew[int(kind)] = 2 * fresh > rows;
}

template <typename Bind>
std::optional<bool> RowStore::run(const QString &sql, const Bind &bind)
{
    RowStatement *statement = m_ctx.rowStatement(sql);
    if (!statement)
        return std::nullopt;
    bind(*statement);
    if (!statement->exec(m_ctx.errorSlot()))
        return std::nullopt;
    if (statement->insertedRowId() != 0)
        m_lastInsertedId = statement->insertedRowId();
    return statement->changes() > 0;
}

template <typename BindRow, typename BindTouch>
RowStore::Stored RowStore::storeRow(SyncKind kind, const RowStatements &statements,
                                    const BindRow &bindRow, const BindTouch &bindTouch)
{
    const bool insertFirst = m_expectNew[int(kind)];
    if (insertFirst) {
        const std::optional<bool> inserted = run(statements.insert, bindRow);
        if (!inserted)
            return Stored::Failed;
        if (*inserted)
            return Stored::New;
    }
    // Unchanged rows (every row of a re-sync but the few that moved) only get their stamps:
    // no index entry, no search queue entry is touched.
    const std::optional<bool> touched = run(statements.touch, bindTouch);
    if (!touched)
        return Stored::Failed;
    if (*touched)
        return Stored::Existing;
    if (!run(statements.upsert, bindRow))
        return Stored::Failed;
    // New (when the insert was not tried) or changed: either way not a touch.
    return insertFirst ? Stored::Existing : Stored::New;
}

RowStore::Stored RowStore::upsertContact(qint64 sid, const EncodedContacts &page,
                                         const EncodedContact &c, qint64 generation, qint64 stamp)
{
    if (c.lid.isNull()) {
        m_ctx.fail(QStringLiteral("A contact without a LID cannot be stored."));
        return Stored::Failed;
    }
    const std::string_view lid = page.text.view(c.lid);
    const std::string_view name = page.text.view(c.name);
    const std::string_view phone = page.text.view(c.phone);
    const std::string_view business = page.text.view(c.businessName);
    const qint64 dm = c.dm ? 1 : 0;
    auto bindRow = [&](RowStatement &q) {
        q.bind(":id", m_nextContactId);
        q.bind(":sid", sid);
        q.bindText(":lid", lid);
        q.bind(":dm", dm);
        q.bindText(":name", name);
        q.bindText(":phone", phone);
        q.bindText(":bn", business);
        q.bindText(":nk", page.text.view(c.nameKey));
        q.bindText(":bk", page.text.view(c.businessNameKey));
        q.bind(":gen", generation);
        q.bind(":now", stamp);
    };
    auto bindTouch = [&](RowStatement &q) {
        q.bind(":gen", generation);
        q.bind(":now", stamp);
        q.bind(":sid", sid);
        q.bindText(":lid", lid);
        q.bind(":dm", dm);
        q.bindText(":name", name);
        q.bindText(":phone", phone);
        q.bindText(":bn", business);
    };
    static const RowStatements statements{kUpsertContactSql, insertOnly(kUpsertContactSql),
                                          kTouchContactSql};
    m_lastInsertedId = 0;
    const Stored stored = storeRow(SyncKind::Contacts, statements, bindRow, bindTouch);
    if (stored != Stored::Failed && m_lastInsertedId == m_nextContactId)
        ++m_nextContactId; // taken (not when the row existed and was touched or updated)
    return stored;
}

RowStore::Stored RowStore::upsertMember(qint64 sid, const EncodedMembers &list,
                                        const EncodedMember &m, qint64 generation, qint64 stamp)
{
    if (m.lid.isNull()) {
        m_ctx.fail(QStringLiteral("A group member without a LID cannot be stored."));
        return Stored::Failed;
    }
    const std::string_view group = list.text.view(list.groupJid);
    const std::string_view lid = list.text.view(m.lid);
    const std::string_view role = list.text.view(m.role);
    const std::string_view tag = list.text.view(m.tag);
    // 0 is "not sent": NULL.
    auto bindOptional = [](RowStatement &q, std::string_view name, qint64 value) {
        q.bind(name, value > 0 ? QVariant(value) : nullInt());
    };
    auto bindRow = [&](RowStatement &q) {
        q.bind(":sid", sid);
        q.bindText(":g", group);
        q.bindText(":lid", lid);
        q.bindText(":role", role);
        q.bindText(":tag", tag);
        q.bindText(":tk", list.text.view(m.tagKey));
        bindOptional(q, ":gid", m.gatewayId);
        bindOptional(q, ":fs", m.firstSeenAt);
        bindOptional(q, ":ls", m.lastSeenAt);
        q.bind(":gen", generation);
        q.bind(":now", stamp);
    };
    auto bindTouch = [&](RowStatement &q) {
        q.bindText(":role", role);
        bindOptional(q, ":gid", m.gatewayId);
        bindOptional(q, ":fs", m.firstSeenAt);
        bindOptional(q, ":ls", m.lastSeenAt);
        q.bind(":gen", generation);
        q.bind(":now", stamp);
        q.bind(":sid", sid);
        q.bindText(":g", group);
        q.bindText(":lid", lid);
        q.bindText(":tag", tag);
    };
    static const RowStatements statements{kUpsertMemberSql, insertOnly(kUpsertMemberSql),
                                          kTouchMemberSql};
    return storeRow(SyncKind::Members, statements, bindRow, bindTouch);
}

std::optional<qsizetype> RowStore::storeContacts(qint64 sid, const EncodedContacts &page,
                                                 qint64 firstId, qint64 generation, qint64 stamp)
{
    m_nextContactId = firstId;
    qsizetype fresh = 0;
    for (const EncodedContact &c : page.rows) {
        const Stored stored = upsertContact(sid, page, c, generation, stamp);
        if (stored == Stored::Failed)
            return std::nullopt;
        fresh += stored == Stored::New;
    }
    return fresh;
}

std::optional<qsizetype> RowStore::storeMembers(qint64 sid, const EncodedMembers &list,
                                                qint64 generation, qint64 stamp)
{
    qsizetype fresh = 0;
    for (const EncodedMember &m : list.rows) {
        const Stored stored = upsertMember(sid, list, m, generation, stamp);
        if (stored == Stored::Failed)
            return std::nullopt;
        fresh += stored == Stored::New;
    }
    return fresh;
}

bool RowStore::storeGroups(qint64 sid, const QList<Group> &page, qint64 generation, qint64 stamp)
{
    QSqlQuery *q = m_ctx.prepare(kUpsertGroupSql);
    if (!q)
        return false;
    StatementReset reset(q);
    for (const Group &g : page) {
        if (g.groupJid.isEmpty())
            return m_ctx.fail(QStringLiteral("A group without a JID cannot be stored."));
        bindGroup(q, sid, g, generation, stamp);
        if (!m_ctx.exec(q))
            return false;
    }
    return true;
}
