#include "live/LiveEventWriter.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheKeys.h"
#include "cache/CacheMeta.h"
#include "cache/SearchText.h"

#include <QSqlQuery>

using namespace WriteValue;

namespace {

// A phone JID matches the phone JID a contact detail stored, or the listed phone number.
// A UNION, not one OR: phone_jid has no index, so the OR walked every contact of the session
// for each event; a LID (:digits null) now costs one index lookup.
const QString kContactRowsSql = QStringLiteral(
    "SELECT id, lid, name, business_name FROM contacts WHERE sid = :sid AND lid = :jid"
    " UNION SELECT id, lid, name, business_name FROM contacts WHERE :digits IS NOT NULL"
    " AND sid = :sid AND (phone_jid = :jid OR phone = :digits)");
// Changing name_key fires contacts_queue_update: search re-indexes the row like after a sync.
const QString kRenameSql = QStringLiteral("UPDATE contacts SET name = :name, name_key = :nk,"
                                          " updated_at = max(updated_at, :at) WHERE id = :id");
const QString kEnsureGroupSql = QStringLiteral(
    "INSERT INTO groups (sid, jid, subject_key, gen, synced_at)"
    " VALUES (:sid, :jid, char(1114111), :gen, :now) ON CONFLICT (sid, jid) DO NOTHING");
const QString kGroupFieldsSql = QStringLiteral(
    "UPDATE groups SET subject = CASE WHEN :hs THEN :subject ELSE subject END,"
    " subject_key = CASE WHEN :hs THEN :sk ELSE subject_key END,"
    " description = CASE WHEN :hd THEN :description ELSE description END,"
    " is_announce = ifnull(:announce, is_announce), is_locked = ifnull(:locked, is_locked),"
    " updated_at = max(ifnull(updated_at, 0), :at) WHERE sid = :sid AND jid = :jid");
// A new member's role is `role`; an existing one keeps its role unless `set` says otherwise
// (the group's owner stays the owner).
const QString kMemberSql = QStringLiteral(
    "INSERT INTO memberships (sid, group_jid, lid, role, first_seen_at, last_seen_at, gen,"
    " synced_at) VALUES (:sid, :g, :lid, :role, :at, :at, :gen, :now)"
    " ON CONFLICT (sid, group_jid, lid) DO UPDATE SET"
    " role = CASE WHEN :set AND role <> 'superadmin' THEN excluded.role ELSE role END,"
    " last_seen_at = max(ifnull(last_seen_at, 0), excluded.last_seen_at)");
const QString kParticipantCountSql = QStringLiteral(
    "UPDATE groups SET participant_count = (SELECT count(*) FROM memberships m"
    " WHERE m.sid = :sid AND m.group_jid = :jid) WHERE sid = :sid AND jid = :jid");

bool isLid(const QString &jid)
{
    return jid.endsWith(QLatin1String("@lid"));
}

// The number of a phone JID (digits@s.whatsapp.net), NULL for anything else.
QVariant phoneDigits(const QString &jid)
{
    static const QLatin1String suffix("@s.whatsapp.net");
    return jid.endsWith(suffix) ? QVariant(jid.chopped(suffix.size())) : nullText();
}

void addOnce(QStringList &list, const QString &value)
{
    if (!list.contains(value))
        list << value;
}

void addOnce(QList<SessionItem> &list, const QString &session, const QString &item)
{
    const SessionItem pair{session, item};
    if (!list.contains(pair))
        list << pair;
}

} // namespace

LiveEventWriter::LiveEventWriter(CacheDatabase &db)
    : m_ctx(db)
{
}

std::optional<QString> LiveEventWriter::lastEventId(CacheDatabase &db, QString *error)
{
    error->clear();
    const std::optional<QString> id = CacheMeta::value(db, CacheMeta::kLiveLastEventId, error);
    if (!error->isEmpty())
        return std::nullopt;
    return id.value_or(QString());
}

std::optional<LiveChanges> LiveEventWriter::apply(const QList<LiveEvent> &events)
{
    LiveChanges changes;
    if (events.isEmpty())
        return changes;
    WriteTransaction txn(m_ctx.db());
    if (!txn.isActive()) {
        m_ctx.fail(txn.errorString());
        return std::nullopt;
    }
    for (const LiveEvent &event : events) {
        if (!applyOne(event, changes))
            return std::nullopt;
        changes.lastEventId = event.id;
        changes.lastEventAt = qMax(changes.lastEventAt, event.timestamp);
    }
    QString error;
    if (!CacheMeta::setValue(m_ctx.db(), CacheMeta::kLiveLastEventId, changes.lastEventId, &error)
        || !CacheMeta::setValue(m_ctx.db(), CacheMeta::kLiveLastEventAt,
                                QString::number(changes.lastEventAt), &error)) {
        m_ctx.fail(error);
        return std::nullopt;
    }
    if (!txn.commit()) {
        m_ctx.fail(txn.errorString());
        return std::nullopt;
    }
    return changes;
}

bool LiveEventWriter::applyOne(const LiveEvent &event, LiveChanges &changes)
{
    const bool known = event.isContactUpdate() || event.isGroupEvent() || event.isSessionStatus();
    if (!known || event.session.isEmpty()) {
        ++changes.ignored;
        return true;
    }
    // A session the cache has never seen appears with its status; its data comes with a sync.
    const std::optional<qint64> sid = m_ctx.sessionKey(event.session, event.isSessionStatus());
    if (!sid) {
        ++changes.ignored;
        return true;
    }
    std::optional<bool> changed;
    if (event.isContactUpdate())
        changed = applyContact(*sid, event, changes);
    else if (event.isGroupEvent())
        changed = applyGroup(*sid, event, changes);
    else
        changed = applyStatus(*sid, event);
    if (!changed)
        return false;
    if (!*changed) {
        ++changes.ignored;
        return true;
    }
    ++changes.applied;
    addOnce(changes.sessions, event.session);
    if (event.isSessionStatus())
        addOnce(changes.sessionStatus, event.session);
    return true;
}

std::optional<bool> LiveEventWriter::applyContact(qint64 sid, const LiveEvent &event,
                                                  LiveChanges &changes)
{
    const std::optional<QString> name = event.displayName();
    if (!name)
        return false;
    QSqlQuery *rows = m_ctx.prepare(kContactRowsSql);
    QSqlQuery *rename = m_ctx.prepare(kRenameSql);
    if (!rows || !rename)
        return std::nullopt;
    struct Row {
        qint64 id;
        QString lid;
        OptString businessName;
    };
    QList<Row> found;
    {
        StatementReset reset(rows);
        rows->bindValue(QStringLiteral(":sid"), sid);
        rows->bindValue(QStringLiteral(":jid"), event.jid);
        rows->bindValue(QStringLiteral(":digits"), phoneDigits(event.jid));
        if (!m_ctx.exec(rows))
            return std::nullopt;
        while (rows->next()) {
            if (rows->value(2).toString() == SearchText::clean(*name))
                continue; // already so: no write, no re-index
            const QVariant bn = rows->value(3);
            found.append({rows->value(0).toLongLong(), rows->value(1).toString(),
                          bn.isNull() ? OptString() : OptString(bn.toString())});
        }
    }
    StatementReset reset(rename);
    for (const Row &row : found) {
        rename->bindValue(QStringLiteral(":name"), text(*name));
        rename->bindValue(QStringLiteral(":nk"), CacheKeys::nameKey(name, row.businessName));
        rename->bindValue(QStringLiteral(":at"), event.timestamp);
        rename->bindValue(QStringLiteral(":id"), row.id);
        if (!m_ctx.exec(rename))
            return std::nullopt;
        addOnce(changes.contacts, event.session, row.lid);
    }
    return !found.isEmpty();
}

std::optional<bool> LiveEventWriter::applyGroup(qint64 sid, const LiveEvent &event,
                                                LiveChanges &changes)
{
    const std::optional<qint64> gen = generation(sid, SyncKind::Groups);
    QSqlQuery *ensure = m_ctx.prepare(kEnsureGroupSql);
    if (!gen || !ensure)
        return std::nullopt;
    {
        StatementReset reset(ensure);
        ensure->bindValue(QStringLiteral(":sid"), sid);
        ensure->bindValue(QStringLiteral(":jid"), text(event.groupJid));
        ensure->bindValue(QStringLiteral(":gen"), *gen);
        ensure->bindValue(QStringLiteral(":now"), m_ctx.now());
        if (!m_ctx.exec(ensure))
            return std::nullopt;
    }
    const std::optional<bool> fields = applyGroupFields(sid, event);
    const std::optional<bool> members = fields ? applyMembers(sid, event, changes) : fields;
    if (!members)
        return std::nullopt;
    addOnce(changes.groups, event.session, event.groupJid);
    return true;
}

std::optional<bool> LiveEventWriter::applyGroupFields(qint64 sid, const LiveEvent &event)
{
    if (!event.subject && !event.description && !event.isAnnounce && !event.isLocked)
        return false;
    QSqlQuery *q = m_ctx.prepare(kGroupFieldsSql);
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":hs"), qlonglong(event.subject ? 1 : 0));
    q->bindValue(QStringLiteral(":subject"), optText(event.subject));
    q->bindValue(QStringLiteral(":sk"), CacheKeys::nameKey(event.subject, std::nullopt));
    q->bindValue(QStringLiteral(":hd"), qlonglong(event.description ? 1 : 0));
    q->bindValue(QStringLiteral(":description"), optText(event.description));
    q->bindValue(QStringLiteral(":announce"), optBool(event.isAnnounce));
    q->bindValue(QStringLiteral(":locked"), optBool(event.isLocked));
    q->bindValue(QStringLiteral(":at"), event.timestamp);
    q->bindValue(QStringLiteral(":sid"), sid);
    q->bindValue(QStringLiteral(":jid"), text(event.groupJid));
    if (!m_ctx.exec(q))
        return std::nullopt;
    return true;
}

std::optional<bool> LiveEventWriter::applyMembers(qint64 sid, const LiveEvent &event,
                                                  LiveChanges &changes)
{
    struct Step {
        const QStringList &jids;
        QString role; // empty: leave
        bool setRole;
    };
    const Step steps[] = {{event.join, QStringLiteral("member"), false},
                          {event.promote, QStringLiteral("admin"), true},
                          {event.demote, QStringLiteral("member"), true},
                          {event.leave, QString(), false}};
    bool any = false;
    for (const Step &step : steps) {
        for (const QString &jid : step.jids) {
            const std::optional<QString> lid = lidOf(sid, jid);
            if (!lid)
                return std::nullopt;
            if (lid->isEmpty()) {
                addOnce(changes.groupsToResync, event.session, event.groupJid);
                continue;
            }
            const std::optional<bool> known = step.role.isEmpty() ? true : knowsContact(sid, *lid);
            if (!known)
                return std::nullopt;
            if (!*known)
                addOnce(changes.contactsToFetch, event.session, *lid);
            const bool ok = step.role.isEmpty()
                ? removeMember(sid, event.groupJid, *lid)
                : setRole(sid, event.groupJid, *lid, step.role, step.setRole, event.timestamp);
            if (!ok)
                return std::nullopt;
            addOnce(changes.contacts, event.session, *lid);
            any = true;
        }
    }
    if (!any)
        return false;
    QSqlQuery *count = m_ctx.prepare(kParticipantCountSql);
    if (!count)
        return std::nullopt;
    StatementReset reset(count);
    count->bindValue(QStringLiteral(":sid"), sid);
    count->bindValue(QStringLiteral(":jid"), text(event.groupJid));
    return m_ctx.exec(count) ? std::optional<bool>(true) : std::nullopt;
}

std::optional<bool> LiveEventWriter::applyStatus(qint64 sid, const LiveEvent &event)
{
    QSqlQuery *q = m_ctx.prepare(QStringLiteral(
        "UPDATE sessions SET status = :status WHERE sid = :sid AND status IS NOT :status"));
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":status"), text(event.status));
    q->bindValue(QStringLiteral(":sid"), sid);
    if (!m_ctx.exec(q))
        return std::nullopt;
    return q->numRowsAffected() > 0;
}

std::optional<QString> LiveEventWriter::lidOf(qint64 sid, const QString &jid)
{
    if (isLid(jid))
        return jid;
    QSqlQuery *q = m_ctx.prepare(QStringLiteral(
        "SELECT lid FROM contacts WHERE sid = :sid AND (phone_jid = :jid OR phone = :digits)"
        " ORDER BY phone_jid IS NULL LIMIT 1"));
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":sid"), sid);
    q->bindValue(QStringLiteral(":jid"), jid);
    q->bindValue(QStringLiteral(":digits"), phoneDigits(jid));
    if (!m_ctx.exec(q))
        return std::nullopt;
    return q->next() ? q->value(0).toString() : QString();
}

std::optional<bool> LiveEventWriter::knowsContact(qint64 sid, const QString &lid)
{
    QSqlQuery *q = m_ctx.prepare(
        QStringLiteral("SELECT 1 FROM contacts WHERE sid = :sid AND lid = :lid"));
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":sid"), sid);
    q->bindValue(QStringLiteral(":lid"), lid);
    if (!m_ctx.exec(q))
        return std::nullopt;
    return q->next();
}

bool LiveEventWriter::setRole(qint64 sid, const QString &group, const QString &lid,
                              const QString &role, bool overwrite, qint64 at)
{
    const std::optional<qint64> gen = generation(sid, SyncKind::Members);
    QSqlQuery *q = m_ctx.prepare(kMemberSql);
    if (!gen || !q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":sid"), sid);
    q->bindValue(QStringLiteral(":g"), text(group));
    q->bindValue(QStringLiteral(":lid"), text(lid));
    q->bindValue(QStringLiteral(":role"), role);
    q->bindValue(QStringLiteral(":at"), at);
    q->bindValue(QStringLiteral(":gen"), *gen);
    q->bindValue(QStringLiteral(":now"), m_ctx.now());
    q->bindValue(QStringLiteral(":set"), qlonglong(overwrite ? 1 : 0));
    return m_ctx.exec(q);
}

bool LiveEventWriter::removeMember(qint64 sid, const QString &group, const QString &lid)
{
    QSqlQuery *q = m_ctx.prepare(QStringLiteral(
        "DELETE FROM memberships WHERE sid = :sid AND group_jid = :g AND lid = :lid"));
    if (!q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":sid"), sid);
    q->bindValue(QStringLiteral(":g"), text(group));
    q->bindValue(QStringLiteral(":lid"), text(lid));
    return m_ctx.exec(q);
}

std::optional<qint64> LiveEventWriter::generation(qint64 sid, SyncKind kind)
{
    // Stamped with the generation of the kind's last pass begun, like a fetched contact
    // detail: the next finished pass keeps the row only if the gateway still lists it.
    QSqlQuery *q = m_ctx.prepare(QStringLiteral(
        "SELECT ifnull(max(generation), 0) FROM sync_state WHERE sid = :sid AND kind = :kind"));
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":sid"), sid);
    q->bindValue(QStringLiteral(":kind"), syncKindName(kind));
    if (!m_ctx.execFirst(q))
        return std::nullopt;
    return q->value(0).toLongLong();
}
