#include "cache/CacheReader.h"

#include "cache/CacheDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {

OptString optString(const QVariant &v)
{
    return v.isNull() ? OptString() : OptString(v.toString());
}

OptInt optInt(const QVariant &v)
{
    return v.isNull() ? OptInt() : OptInt(v.toLongLong());
}

OptBool optBool(const QVariant &v)
{
    return v.isNull() ? OptBool() : OptBool(v.toLongLong() != 0);
}

std::optional<SyncKind> kindFromName(const QString &name)
{
    for (SyncKind k : {SyncKind::Contacts, SyncKind::Groups, SyncKind::Members}) {
        if (syncKindName(k) == name)
            return k;
    }
    return std::nullopt;
}

const QString SessionColumns = QStringLiteral(
    "id, organization_id, gateway_id, status, is_admin_session, auto_read, presence_typing,"
    " rate_per_min, rate_per_hour, created_at, updated_at, label, phone_number, wa_jid, wa_lid,"
    " created_by_user_id, last_connected_at, listed, synced_at");

CachedSession readSession(const QSqlQuery &q)
{
    CachedSession out;
    WaSession &s = out.session;
    s.id = q.value(0).toString();
    s.organizationId = q.value(1).toString();
    s.gatewayId = q.value(2).toString();
    s.status = q.value(3).toString();
    s.isAdminSession = q.value(4).toLongLong() != 0;
    s.autoRead = q.value(5).toLongLong() != 0;
    s.presenceTyping = q.value(6).toLongLong() != 0;
    s.ratePerMin = q.value(7).toLongLong();
    s.ratePerHour = q.value(8).toLongLong();
    s.createdAt = q.value(9).toLongLong();
    s.updatedAt = q.value(10).toLongLong();
    s.label = optString(q.value(11));
    s.phoneNumber = optString(q.value(12));
    s.waJid = optString(q.value(13));
    s.waLid = optString(q.value(14));
    s.createdByUserId = optString(q.value(15));
    s.lastConnectedAt = optInt(q.value(16));
    out.listed = q.value(17).toLongLong() != 0;
    out.syncedAt = optInt(q.value(18));
    return out;
}

} // namespace

CacheReader::CacheReader(CacheDatabase &db)
    : m_db(db)
    , m_search(db)
{
}

bool CacheReader::fail(const QString &error)
{
    m_error = error;
    return false;
}

QSqlQuery *CacheReader::run(const QString &sql, const QVariantHash &binds)
{
    m_error.clear();
    QSqlQuery *q = m_db.statement(sql, &m_error);
    if (!q)
        return nullptr;
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q->bindValue(QLatin1Char(':') + it.key(), it.value());
    if (!q->exec()) {
        fail(q->lastError().text());
        q->finish();
        return nullptr;
    }
    return q;
}

QList<CachedSession> CacheReader::sessions()
{
    QList<CachedSession> out;
    QSqlQuery *q = run(QStringLiteral("SELECT %1 FROM sessions ORDER BY id").arg(SessionColumns),
                       {});
    if (!q)
        return out;
    StatementReset reset(q);
    while (q->next())
        out << readSession(*q);
    return out;
}

std::optional<CachedSession> CacheReader::session(const QString &sessionId)
{
    QSqlQuery *q = run(QStringLiteral("SELECT %1 FROM sessions WHERE id = :id").arg(SessionColumns),
                       {{QStringLiteral("id"), sessionId}});
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    if (!q->next())
        return std::nullopt;
    return readSession(*q);
}

QList<SyncStateRow> CacheReader::syncStates(const QString &sessionId)
{
    QList<SyncStateRow> out;
    QSqlQuery *q = run(
        QStringLiteral(
            "SELECT st.kind, st.generation, st.complete_generation, st.status, st.cursor, st.items,"
            " st.started_at, st.finished_at, st.completed_at, st.error, st.request_id"
            " FROM sync_state st JOIN sessions s ON s.sid = st.sid WHERE s.id = :id ORDER BY "
            "st.kind"),
        {{QStringLiteral("id"), sessionId}});
    if (!q)
        return out;
    StatementReset reset(q);
    while (q->next()) {
        const auto kind = kindFromName(q->value(0).toString());
        if (!kind)
            continue;
        SyncStateRow row;
        row.kind = *kind;
        row.generation = q->value(1).toLongLong();
        row.completeGeneration = q->value(2).toLongLong();
        row.status = q->value(3).toString();
        row.cursor = q->value(4).toString();
        row.itemsStored = q->value(5).toLongLong();
        row.startedAt = optInt(q->value(6));
        row.finishedAt = optInt(q->value(7));
        row.completedAt = optInt(q->value(8));
        row.error = optString(q->value(9));
        row.requestId = optString(q->value(10));
        out << row;
    }
    return out;
}

OptInt CacheReader::lastCompleteSyncAt(const QString &sessionId)
{
    const QList<SyncStateRow> states = syncStates(sessionId);
    OptInt oldest;
    for (SyncKind kind : {SyncKind::Contacts, SyncKind::Groups, SyncKind::Members}) {
        const auto it = std::find_if(states.cbegin(), states.cend(),
                                     [kind](const SyncStateRow &s) { return s.kind == kind; });
        if (it == states.cend() || !it->completedAt)
            return std::nullopt;
        if (!oldest || *it->completedAt < *oldest)
            oldest = it->completedAt;
    }
    return oldest;
}

std::optional<ContactPage> CacheReader::contacts(const ContactFilter &filter, const QString &cursor,
                                                 int limit)
{
    auto page = m_search.page(filter, cursor, limit);
    if (!page)
        fail(m_search.lastError());
    return page;
}

std::optional<ContactCount> CacheReader::countContacts(const ContactFilter &filter, qint64 cap)
{
    auto count = m_search.count(filter, cap);
    if (!count)
        fail(m_search.lastError());
    return count;
}

std::optional<CachedContactDetail> CacheReader::contact(const QString &sessionId,
                                                        const QString &lid)
{
    const QVariantHash binds{{QStringLiteral("id"), sessionId}, {QStringLiteral("lid"), lid}};
    CachedContactDetail out;
    {
        QSqlQuery *q = run(
            QStringLiteral(
                "SELECT c.id, c.lid, c.is_dm, c.name, c.phone, c.business_name, c.phone_jid,"
                " c.identity_id, c.first_seen_at, c.updated_at, c.detail_synced_at, c.synced_at"
                " FROM contacts c JOIN sessions s ON s.sid = c.sid WHERE s.id = :id AND c.lid = "
                ":lid"),
            binds);
        if (!q)
            return std::nullopt;
        StatementReset reset(q);
        if (!q->next())
            return std::nullopt;
        CachedContact &c = out.contact;
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
        if (q->value(9).toLongLong() > 0)
            c.updatedAt = q->value(9).toLongLong();
        c.detailSyncedAt = optInt(q->value(10));
        c.syncedAt = q->value(11).toLongLong();
    }
    const CachedContact &c = out.contact;
    out.detail.dm = c.contact.source == QLatin1String("dm");
    Identity identity;
    identity.id = c.identityId.value_or(0);
    identity.lid = c.contact.lid;
    identity.firstSeenAt = c.firstSeenAt.value_or(0);
    identity.updatedAt = c.updatedAt.value_or(0);
    identity.name = c.contact.name;
    identity.phoneNumber = c.contact.phoneNumber;
    identity.phoneJid = c.phoneJid;
    identity.businessName = c.contact.businessName;
    out.detail.identity = identity;

    QSqlQuery *q = run(
        QStringLiteral(
            "SELECT m.group_jid, m.role, m.last_seen_at, g.subject, m.tag FROM memberships m"
            " JOIN sessions s ON s.sid = m.sid LEFT JOIN groups g ON g.sid = m.sid AND g.jid = "
            "m.group_jid"
            " WHERE s.id = :id AND m.lid = :lid"
            " ORDER BY ifnull(g.subject_key, char(1114111)), m.group_jid"),
        binds);
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    while (q->next()) {
        ContactGroup g;
        g.jid = q->value(0).toString();
        g.role = q->value(1).toString();
        g.lastSeen = q->value(2).toLongLong();
        g.name = optString(q->value(3));
        g.tag = optString(q->value(4));
        out.detail.groups << g;
    }
    return out;
}

std::optional<QHash<QString, int>> CacheReader::groupCounts(const QString &sessionId,
                                                            const QStringList &lids)
{
    QHash<QString, int> out;
    if (lids.isEmpty())
        return out;
    const QByteArray list =
        QJsonDocument(QJsonArray::fromStringList(lids)).toJson(QJsonDocument::Compact);
    QSqlQuery *q = run(
        QStringLiteral("SELECT m.lid, count(*) FROM memberships m"
                       " WHERE m.sid = (SELECT sid FROM sessions WHERE id = :id)"
                       " AND m.lid IN (SELECT value FROM json_each(:lids)) GROUP BY m.lid"),
        {{QStringLiteral("id"), sessionId}, {QStringLiteral("lids"), QString::fromUtf8(list)}});
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    while (q->next())
        out.insert(q->value(0).toString(), q->value(1).toInt());
    return out;
}

std::optional<QList<CachedGroup>> CacheReader::readGroups(const QString &where,
                                                          const QVariantHash &binds)
{
    QSqlQuery *q = run(
        QStringLiteral(
            "SELECT g.gateway_id, g.jid, g.first_seen_at, g.updated_at, g.subject, g.description,"
            " g.owner_jid, g.is_announce, g.is_locked, g.participant_count, g.created_at_wa,"
            " g.synced_at, ifnull(n.members, 0) FROM groups g JOIN sessions s ON s.sid = g.sid"
            // One pass over the session's memberships index, not one count per group.
            " LEFT JOIN (SELECT m.group_jid, count(*) AS members FROM memberships m"
            " WHERE m.sid = (SELECT sid FROM sessions WHERE id = :id) GROUP BY m.group_jid) n"
            " ON n.group_jid = g.jid"
            " WHERE s.id = :id%1 ORDER BY g.subject_key, g.jid")
            .arg(where),
        binds);
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    QList<CachedGroup> out;
    while (q->next()) {
        CachedGroup row;
        Group &g = row.group;
        g.id = q->value(0).toLongLong();
        g.groupJid = q->value(1).toString();
        g.firstSeenAt = q->value(2).toLongLong();
        g.updatedAt = q->value(3).toLongLong();
        g.subject = optString(q->value(4));
        g.description = optString(q->value(5));
        g.ownerJid = optString(q->value(6));
        g.isAnnounce = optBool(q->value(7));
        g.isLocked = optBool(q->value(8));
        g.participantCount = optInt(q->value(9));
        g.createdAtWa = optInt(q->value(10));
        row.syncedAt = q->value(11).toLongLong();
        row.memberCount = q->value(12).toLongLong();
        out << row;
    }
    return out;
}

std::optional<QList<CachedGroup>> CacheReader::groups(const QString &sessionId)
{
    return readGroups({}, {{QStringLiteral("id"), sessionId}});
}

std::optional<CachedGroup> CacheReader::group(const QString &sessionId, const QString &groupJid)
{
    const auto found = readGroups(
        QStringLiteral(" AND g.jid = :jid"),
        {{QStringLiteral("id"), sessionId}, {QStringLiteral("jid"), groupJid}});
    if (!found || found->isEmpty())
        return std::nullopt;
    return found->first();
}

std::optional<QList<CachedMember>> CacheReader::members(const QString &sessionId,
                                                        const QString &groupJid)
{
    QSqlQuery *q = run(
        QStringLiteral(
            "SELECT m.gateway_id, m.group_jid, m.lid, m.role, m.first_seen_at, m.last_seen_at, "
            "m.tag,"
            " m.synced_at, c.name, c.phone, c.business_name FROM memberships m"
            " JOIN sessions s ON s.sid = m.sid"
            " LEFT JOIN contacts c ON c.sid = m.sid AND c.lid = m.lid"
            " WHERE s.id = :id AND m.group_jid = :jid"
            " ORDER BY CASE m.role WHEN 'superadmin' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END,"
            " ifnull(c.name_key, char(1114111)), m.lid"),
        {{QStringLiteral("id"), sessionId}, {QStringLiteral("jid"), groupJid}});
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    QList<CachedMember> out;
    while (q->next()) {
        CachedMember row;
        GroupMember &m = row.member;
        m.id = q->value(0).toLongLong();
        m.sessionId = sessionId;
        m.groupJid = q->value(1).toString();
        m.lid = q->value(2).toString();
        m.role = q->value(3).toString();
        m.firstSeenAt = q->value(4).toLongLong();
        m.lastSeenAt = q->value(5).toLongLong();
        m.tag = optString(q->value(6));
        row.syncedAt = q->value(7).toLongLong();
        row.name = optString(q->value(8));
        row.phoneNumber = optString(q->value(9));
        row.businessName = optString(q->value(10));
        out << row;
    }
    return out;
}
