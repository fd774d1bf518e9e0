#include "cache/CacheReader.h"

#include "cache/CacheDatabase.h"
#include "cache/SearchText.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

OptBool optBool(const RowStatement &q, int column)
{
    return q.isNull(column) ? OptBool() : OptBool(q.int64(column) != 0);
}

// Resets a statement when a read stops before its last row.
class ReadReset
{
public:
    explicit ReadReset(RowStatement *statement)
        : m_statement(statement)
    {
    }
    ~ReadReset() { m_statement->reset(); }
    ReadReset(const ReadReset &) = delete;
    ReadReset &operator=(const ReadReset &) = delete;

private:
    RowStatement *m_statement;
};

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

CachedSession readSession(const RowStatement &q)
{
    CachedSession out;
    WaSession &s = out.session;
    s.id = q.text(0);
    s.organizationId = q.text(1);
    s.gatewayId = q.text(2);
    s.status = q.text(3);
    s.isAdminSession = q.int64(4) != 0;
    s.autoRead = q.int64(5) != 0;
    s.presenceTyping = q.int64(6) != 0;
    s.ratePerMin = q.int64(7);
    s.ratePerHour = q.int64(8);
    s.createdAt = q.int64(9);
    s.updatedAt = q.int64(10);
    s.label = q.optText(11);
    s.phoneNumber = q.optText(12);
    s.waJid = q.optText(13);
    s.waLid = q.optText(14);
    s.createdByUserId = q.optText(15);
    s.lastConnectedAt = q.optInt64(16);
    out.listed = q.int64(17) != 0;
    out.syncedAt = q.optInt64(18);
    return out;
}

// A row of CacheReader::contact()'s first statement.
CachedContact readContact(const RowStatement &q)
{
    CachedContact c;
    c.rowId = q.int64(0);
    c.contact.lid = q.text(1);
    c.contact.source = q.int64(2) == 1 ? QStringLiteral("dm") : QStringLiteral("group");
    c.contact.name = q.optText(3);
    c.contact.phoneNumber = q.optText(4);
    c.contact.businessName = q.optText(5);
    c.phoneJid = q.optText(6);
    c.identityId = q.optInt64(7);
    c.firstSeenAt = q.optInt64(8);
    if (q.int64(9) > 0)
        c.updatedAt = q.int64(9);
    c.detailSyncedAt = q.optInt64(10);
    c.syncedAt = q.int64(11);
    return c;
}

Identity identityOf(const CachedContact &c)
{
    Identity identity;
    identity.id = c.identityId.value_or(0);
    identity.lid = c.contact.lid;
    identity.firstSeenAt = c.firstSeenAt.value_or(0);
    identity.updatedAt = c.updatedAt.value_or(0);
    identity.name = c.contact.name;
    identity.phoneNumber = c.contact.phoneNumber;
    identity.phoneJid = c.phoneJid;
    identity.businessName = c.contact.businessName;
    return identity;
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

RowStatement *CacheReader::run(const QString &sql, std::initializer_list<Bind> binds)
{
    m_error.clear();
    RowStatement *q = nullptr;
    const auto it = m_statements.constFind(sql.constData());
    if (it != m_statements.constEnd() && it->first == sql) {
        q = it->second;
    } else {
        q = m_db.rowStatement(sql, &m_error);
        if (!q)
            return nullptr;
        if (m_statements.size() >= 64) // SQL built per call would only ever add entries
            m_statements.clear();
        m_statements.insert(sql.constData(), {sql, q});
    }
    for (const Bind &b : binds)
        q->bind(b.first, b.second);
    return q;
}

QList<CachedSession> CacheReader::sessions()
{
    static const QString sql =
        QStringLiteral("SELECT %1 FROM sessions ORDER BY id").arg(SessionColumns);
    QList<CachedSession> out;
    RowStatement *q = run(sql, {});
    while (q && q->next(&m_error))
        out << readSession(*q);
    return out;
}

std::optional<CachedSession> CacheReader::session(const QString &sessionId)
{
    static const QString sql =
        QStringLiteral("SELECT %1 FROM sessions WHERE id = :id").arg(SessionColumns);
    RowStatement *q = run(sql, {{":id", sessionId}});
    if (!q)
        return std::nullopt;
    ReadReset reset(q);
    if (!q->next(&m_error))
        return std::nullopt;
    return readSession(*q);
}

QList<SyncStateRow> CacheReader::syncStates(const QString &sessionId)
{
    QList<SyncStateRow> out;
    RowStatement *q = run(
        QStringLiteral(
            "SELECT st.kind, st.generation, st.complete_generation, st.status, st.cursor, st.items,"
            " st.started_at, st.finished_at, st.completed_at, st.error, st.request_id"
            " FROM sync_state st JOIN sessions s ON s.sid = st.sid WHERE s.id = :id ORDER BY "
            "st.kind"),
        {{":id", sessionId}});
    while (q && q->next(&m_error)) {
        const auto kind = kindFromName(q->text(0));
        if (!kind)
            continue;
        SyncStateRow row;
        row.kind = *kind;
        row.generation = q->int64(1);
        row.completeGeneration = q->int64(2);
        row.status = q->text(3);
        row.cursor = q->text(4);
        row.itemsStored = q->int64(5);
        row.startedAt = q->optInt64(6);
        row.finishedAt = q->optInt64(7);
        row.completedAt = q->optInt64(8);
        row.error = q->optText(9);
        row.requestId = q->optText(10);
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

namespace {

// The text test of the cache's search (SearchText folding: name, phone, business name, LID
// prefix, group tags), applied row by row; :hasq = 0 tests nothing.
const char *const kGatewayText =
    " AND (:hasq = 0 OR instr(c.name_key, :q) > 0 OR ifnull(instr(c.phone, :q), 0) > 0"
    " OR ifnull(instr(c.bn_key, :q), 0) > 0 OR (c.lid >= :q AND c.lid < :qe)"
    " OR EXISTS (SELECT 1 FROM memberships t WHERE t.sid = c.sid AND t.lid = c.lid"
    " AND instr(t.tag_key, :q) > 0))";
const char *const kContactColumns =
    "SELECT c.id, c.lid, c.is_dm, c.name, c.phone, c.business_name, c.phone_jid, c.identity_id,"
    " c.first_seen_at, c.updated_at, c.detail_synced_at, c.synced_at";

} // namespace

std::optional<ContactPage> CacheReader::gatewayContacts(const QString &sessionId,
                                                        const ContactQuery &query, qint64 afterId,
                                                        int limit)
{
    // A group is small: its members, sorted. Otherwise the session's row range in order.
    static const QString inGroup = QLatin1String(kContactColumns)
        + QStringLiteral(" FROM memberships g JOIN contacts c ON c.sid = g.sid AND c.lid = g.lid"
                         " WHERE g.sid = (SELECT sid FROM sessions WHERE id = :id)"
                         " AND g.group_jid = :g AND c.id > :after")
        + QLatin1String(kGatewayText) + QStringLiteral(" ORDER BY c.id LIMIT :n");
    static const QString inSession = QLatin1String(kContactColumns)
        + QStringLiteral(" FROM contacts c WHERE c.sid = (SELECT sid FROM sessions WHERE id = :id)"
                         " AND c.id > :after AND (:source = 0 OR (:source = 1 AND c.is_dm = 1)"
                         " OR (:source = 2 AND EXISTS (SELECT 1 FROM memberships m"
                         " WHERE m.sid = c.sid AND m.lid = c.lid)))")
        + QLatin1String(kGatewayText) + QStringLiteral(" ORDER BY c.id LIMIT :n");
    const SearchQuery text = SearchQuery::fromUserText(query.text);
    const int source = query.source == QLatin1String("dm") ? 1
        : query.source == QLatin1String("group")           ? 2
                                                           : 0;
    const bool group = !query.groupJid.isEmpty();
    RowStatement *q = group ? run(inGroup,
                                  {{":id", sessionId},
                                   {":g", query.groupJid},
                                   {":after", afterId},
                                   {":hasq", int(!text.isEmpty())},
                                   {":q", text.text},
                                   {":qe", text.upperBound},
                                   {":n", limit}})
                            : run(inSession,
                                  {{":id", sessionId},
                                   {":after", afterId},
                                   {":source", source},
                                   {":hasq", int(!text.isEmpty())},
                                   {":q", text.text},
                                   {":qe", text.upperBound},
                                   {":n", limit}});
    if (!q)
        return std::nullopt;
    ReadReset reset(q);
    ContactPage page;
    while (q->next(&m_error))
        page.rows << readContact(*q);
    if (!m_error.isEmpty())
        return std::nullopt;
    if (limit > 0 && page.rows.size() == limit)
        page.nextCursor = QString::number(page.rows.last().rowId);
    return page;
}

std::optional<CachedContactDetail> CacheReader::contact(const QString &sessionId,
                                                        const QString &lid)
{
    CachedContactDetail out;
    {
        RowStatement *q = run(
            QStringLiteral(
                "SELECT c.id, c.lid, c.is_dm, c.name, c.phone, c.business_name, c.phone_jid,"
                " c.identity_id, c.first_seen_at, c.updated_at, c.detail_synced_at, c.synced_at"
                " FROM contacts c JOIN sessions s ON s.sid = c.sid WHERE s.id = :id AND c.lid = "
                ":lid"),
            {{":id", sessionId}, {":lid", lid}});
        if (!q)
            return std::nullopt;
        ReadReset reset(q);
        if (!q->next(&m_error))
            return std::nullopt;
        out.contact = readContact(*q);
    }
    out.detail.dm = out.contact.contact.source == QLatin1String("dm");
    out.detail.identity = identityOf(out.contact);

    RowStatement *q = run(
        QStringLiteral(
            "SELECT m.group_jid, m.role, m.last_seen_at, g.subject, m.tag FROM memberships m"
            " JOIN sessions s ON s.sid = m.sid LEFT JOIN groups g ON g.sid = m.sid AND g.jid = "
            "m.group_jid"
            " WHERE s.id = :id AND m.lid = :lid"
            " ORDER BY ifnull(g.subject_key, char(1114111)), m.group_jid"),
        {{":id", sessionId}, {":lid", lid}});
    if (!q)
        return std::nullopt;
    while (q->next(&m_error)) {
        ContactGroup g;
        g.jid = q->text(0);
        g.role = q->text(1);
        g.lastSeen = q->int64(2);
        g.name = q->optText(3);
        g.tag = q->optText(4);
        out.detail.groups << g;
    }
    if (!m_error.isEmpty())
        return std::nullopt;
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
    RowStatement *q = run(
        QStringLiteral("SELECT m.lid, count(*) FROM memberships m"
                       " WHERE m.sid = (SELECT sid FROM sessions WHERE id = :id)"
                       " AND m.lid IN (SELECT value FROM json_each(:lids)) GROUP BY m.lid"),
        {{":id", sessionId}, {":lids", QString::fromUtf8(list)}});
    if (!q)
        return std::nullopt;
    while (q->next(&m_error))
        out.insert(q->text(0), int(q->int64(1)));
    if (!m_error.isEmpty())
        return std::nullopt;
    return out;
}

std::optional<QList<CachedGroup>> CacheReader::readGroups(bool oneGroup,
                                                          std::initializer_list<Bind> binds)
{
    static const QString select = QStringLiteral(
        "SELECT g.gateway_id, g.jid, g.first_seen_at, g.updated_at, g.subject, g.description,"
        " g.owner_jid, g.is_announce, g.is_locked, g.participant_count, g.created_at_wa,"
        " g.synced_at, ifnull(n.members, 0) FROM groups g JOIN sessions s ON s.sid = g.sid"
        // One pass over the session's memberships index, not one count per group.
        " LEFT JOIN (SELECT m.group_jid, count(*) AS members FROM memberships m"
        " WHERE m.sid = (SELECT sid FROM sessions WHERE id = :id) GROUP BY m.group_jid) n"
        " ON n.group_jid = g.jid"
        " WHERE s.id = :id%1 ORDER BY g.subject_key, g.jid");
    static const QString all = select.arg(QString());
    static const QString one = select.arg(QStringLiteral(" AND g.jid = :jid"));
    RowStatement *q = run(oneGroup ? one : all, binds);
    if (!q)
        return std::nullopt;
    QList<CachedGroup> out;
    while (q->next(&m_error)) {
        CachedGroup row;
        Group &g = row.group;
        g.id = q->int64(0);
        g.groupJid = q->text(1);
        g.firstSeenAt = q->int64(2);
        g.updatedAt = q->int64(3);
        g.subject = q->optText(4);
        g.description = q->optText(5);
        g.ownerJid = q->optText(6);
        g.isAnnounce = optBool(*q, 7);
        g.isLocked = optBool(*q, 8);
        g.participantCount = q->optInt64(9);
        g.createdAtWa = q->optInt64(10);
        row.syncedAt = q->int64(11);
        row.memberCount = q->int64(12);
        out << row;
    }
    if (!m_error.isEmpty())
        return std::nullopt;
    return out;
}

std::optional<QList<CachedGroup>> CacheReader::groups(const QString &sessionId)
{
    return readGroups(false, {{":id", sessionId}});
}

std::optional<CachedGroup> CacheReader::group(const QString &sessionId, const QString &groupJid)
{
    const auto found = readGroups(true, {{":id", sessionId}, {":jid", groupJid}});
    if (!found || found->isEmpty())
        return std::nullopt;
    return found->first();
}

std::optional<QList<CachedMember>> CacheReader::members(const QString &sessionId,
                                                        const QString &groupJid)
{
    RowStatement *q = run(
        QStringLiteral(
            "SELECT m.gateway_id, m.group_jid, m.lid, m.role, m.first_seen_at, m.last_seen_at, "
            "m.tag,"
            " m.synced_at, c.name, c.phone, c.business_name FROM memberships m"
            " JOIN sessions s ON s.sid = m.sid"
            " LEFT JOIN contacts c ON c.sid = m.sid AND c.lid = m.lid"
            " WHERE s.id = :id AND m.group_jid = :jid"
            " ORDER BY CASE m.role WHEN 'superadmin' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END,"
            " ifnull(c.name_key, char(1114111)), m.lid"),
        {{":id", sessionId}, {":jid", groupJid}});
    if (!q)
        return std::nullopt;
    QList<CachedMember> out;
    while (q->next(&m_error)) {
        CachedMember row;
        GroupMember &m = row.member;
        m.id = q->int64(0);
        m.sessionId = sessionId;
        m.groupJid = q->text(1);
        m.lid = q->text(2);
        m.role = q->text(3);
        m.firstSeenAt = q->int64(4);
        m.lastSeenAt = q->int64(5);
        m.tag = q->optText(6);
        row.syncedAt = q->int64(7);
        row.name = q->optText(8);
        row.phoneNumber = q->optText(9);
        row.businessName = q->optText(10);
        out << row;
    }
    if (!m_error.isEmpty())
        return std::nullopt;
    return out;
}
