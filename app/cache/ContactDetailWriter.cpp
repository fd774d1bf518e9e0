#include "cache/ContactDetailWriter.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheKeys.h"
#include "cache/RowStore.h"
#include "cache/SearchQueue.h"
#include "cache/WriteContext.h"

#include <QSqlQuery>

using namespace CacheKeys;
using namespace WriteValue;

namespace {

// A new contact takes the next id of the session's range (see CacheKeys).
const QString kUpsertIdentitySql = QStringLiteral(
    "INSERT INTO contacts (id, sid, lid, is_dm, name, phone, business_name, name_key,"
    " bn_key, phone_jid, identity_id, first_seen_at, updated_at, detail_synced_at, gen,"
    " synced_at) VALUES ((SELECT ifnull(max(id), :base) + 1 FROM contacts"
    " WHERE id BETWEEN :base AND :top), :sid, :lid, :dm, :name, :phone, :bn, :nk, :bk,"
    " :pjid, :iid, :fs, :updated, :now, :gen, :now)"
    " ON CONFLICT (sid, lid) DO UPDATE SET is_dm = excluded.is_dm,"
    " name = excluded.name, phone = excluded.phone,"
    " business_name = excluded.business_name, name_key = excluded.name_key,"
    " bn_key = excluded.bn_key, phone_jid = excluded.phone_jid,"
    " identity_id = excluded.identity_id,"
    " first_seen_at = CASE WHEN first_seen_at IS NULL THEN excluded.first_seen_at"
    " WHEN excluded.first_seen_at IS NULL THEN first_seen_at"
    " ELSE min(first_seen_at, excluded.first_seen_at) END,"
    " updated_at = excluded.updated_at, detail_synced_at = excluded.detail_synced_at,"
    " gen = max(gen, excluded.gen), synced_at = excluded.synced_at");

// No identity: only what the detail itself says (dm) is known.
const QString kUpsertBareContactSql = QStringLiteral(
    "INSERT INTO contacts (id, sid, lid, is_dm, name_key, detail_synced_at, gen,"
    " synced_at) VALUES ((SELECT ifnull(max(id), :base) + 1 FROM contacts"
    " WHERE id BETWEEN :base AND :top), :sid, :lid, :dm, char(1114111), :now, :gen, :now)"
    " ON CONFLICT (sid, lid) DO UPDATE SET is_dm = excluded.is_dm,"
    " detail_synced_at = excluded.detail_synced_at, gen = max(gen, excluded.gen),"
    " synced_at = excluded.synced_at");

// A group the detail names: its name when the groups pass has not stored one.
const QString kUpsertNamedGroupSql = QStringLiteral(
    "INSERT INTO groups (sid, jid, subject, subject_key, gen, synced_at)"
    " VALUES (:sid, :jid, :subject, :sk, :gen, :now)"
    " ON CONFLICT (sid, jid) DO UPDATE SET subject = ifnull(excluded.subject, subject),"
    " subject_key = CASE WHEN excluded.subject IS NULL THEN subject_key"
    " ELSE excluded.subject_key END, gen = max(gen, excluded.gen)");

void bindIdentity(QSqlQuery *q, const Identity &id)
{
    q->bindValue(QStringLiteral(":name"), optText(id.name));
    q->bindValue(QStringLiteral(":phone"), optText(id.phoneNumber));
    q->bindValue(QStringLiteral(":bn"), optText(id.businessName));
    q->bindValue(QStringLiteral(":nk"), nameKey(id.name, id.businessName));
    q->bindValue(QStringLiteral(":bk"), folded(id.businessName));
    q->bindValue(QStringLiteral(":pjid"), optText(id.phoneJid));
    q->bindValue(QStringLiteral(":iid"), id.id > 0 ? QVariant(id.id) : nullInt());
    q->bindValue(QStringLiteral(":fs"), epoch(id.firstSeenAt));
    q->bindValue(QStringLiteral(":updated"), qlonglong(qMax<qint64>(id.updatedAt, 0)));
}

} // namespace

ContactDetailWriter::ContactDetailWriter(WriteContext &ctx, RowStore &rows, SearchQueue &queue)
    : m_ctx(ctx)
    , m_rows(rows)
    , m_queue(queue)
{
}

bool ContactDetailWriter::storeContactDetail(const QString &sessionId, const QString &lid,
                                             const ContactDetail &detail)
{
    const QString key = detail.identity && !detail.identity->lid.isEmpty() ? detail.identity->lid
                                                                           : lid;
    if (key.isEmpty())
        return m_ctx.fail(QStringLiteral("A contact detail without a LID cannot be stored."));
    WriteTransaction txn(m_ctx.db());
    if (!txn.isActive())
        return m_ctx.fail(txn.errorString());
    const auto sid = m_ctx.sessionKey(sessionId, true);
    if (!sid)
        return false;
    // Data fetched now is as fresh as the pass running now (or the last one): stamping it
    // with that generation keeps it through that pass's sweep, never through a later one
    // that no longer sees it.
    const auto gens = generations(*sid);
    const std::optional<qint64> contactsAbove = m_queue.highestContactId(*sid);
    const std::optional<qint64> membersAbove = m_queue.highestMembershipId();
    if (!gens || !contactsAbove || !membersAbove)
        return false;
    const std::optional<bool> tagsWait = m_queue.tagsPending(*sid);
    if (!tagsWait)
        return false;
    const qint64 stamp = m_ctx.now();
    if (!storeContact(*sid, key, detail, gens->contacts, stamp)
        || !storeGroups(*sid, key, detail, *gens, stamp))
        return false;
    if (!m_queue.queueNewContacts(*sid, *contactsAbove, *tagsWait)
        || !m_queue.queueNewMembers(*membersAbove, *tagsWait))
        return false;
    return txn.commit() || m_ctx.fail(txn.errorString());
}

std::optional<ContactDetailWriter::Generations> ContactDetailWriter::generations(qint64 sid)
{
    QSqlQuery *q = m_ctx.prepare(
        QStringLiteral("SELECT kind, generation FROM sync_state WHERE sid = :sid"));
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":sid"), sid);
    if (!m_ctx.exec(q))
        return std::nullopt;
    Generations gens;
    while (q->next()) {
        const QString kind = q->value(0).toString();
        const qint64 generation = q->value(1).toLongLong();
        if (kind == syncKindName(SyncKind::Contacts))
            gens.contacts = generation;
        else if (kind == syncKindName(SyncKind::Groups))
            gens.groups = generation;
        else if (kind == syncKindName(SyncKind::Members))
            gens.members = generation;
    }
    return gens;
}

bool ContactDetailWriter::storeContact(qint64 sid, const QString &lid, const ContactDetail &detail,
                                       qint64 generation, qint64 stamp)
{
    QSqlQuery *q = m_ctx.prepare(detail.identity ? kUpsertIdentitySql : kUpsertBareContactSql);
    if (!q)
        return false;
    StatementReset reset(q);
    if (detail.identity)
        bindIdentity(q, *detail.identity);
    q->bindValue(QStringLiteral(":base"), rangeStart(sid));
    q->bindValue(QStringLiteral(":top"), rangeEnd(sid));
    q->bindValue(QStringLiteral(":sid"), sid);
    q->bindValue(QStringLiteral(":lid"), text(lid));
    q->bindValue(QStringLiteral(":dm"), qlonglong(detail.dm ? 1 : 0));
    q->bindValue(QStringLiteral(":now"), stamp);
    q->bindValue(QStringLiteral(":gen"), generation);
    return m_ctx.exec(q);
}

bool ContactDetailWriter::storeGroups(qint64 sid, const QString &lid, const ContactDetail &detail,
                                      const Generations &gens, qint64 stamp)
{
    QSqlQuery *group = m_ctx.prepare(kUpsertNamedGroupSql);
    if (!group)
        return false;
    StatementReset reset(group);
    for (const ContactGroup &g : detail.groups) {
        if (g.jid.isEmpty())
            continue;
        group->bindValue(QStringLiteral(":sid"), sid);
        group->bindValue(QStringLiteral(":jid"), text(g.jid));
        group->bindValue(QStringLiteral(":subject"), optText(g.name));
        group->bindValue(QStringLiteral(":sk"), nameKey(g.name, std::nullopt));
        group->bindValue(QStringLiteral(":gen"), gens.groups);
        group->bindValue(QStringLiteral(":now"), stamp);
        if (!m_ctx.exec(group))
            return false;

        GroupMember member;
        member.lid = lid;
        member.role = g.role;
        member.tag = g.tag;
        member.lastSeenAt = g.lastSeen;
        if (!m_rows.storeMembers(sid, EncodedMembers::from(g.jid, {member}), gens.members, stamp))
            return false;
    }
    return true;
}
