#include "cache/CacheWriter.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheKeys.h"
#include "cache/SearchIndexer.h"
#include "cache/SearchText.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace CacheKeys;

namespace {

const QString TouchContactSql = QStringLiteral(
    "UPDATE contacts SET gen = :gen, synced_at = :now"
    " WHERE sid = :sid AND lid = :lid AND is_dm = :dm"
    " AND name IS :name AND phone IS :phone AND business_name IS :bn");

// :id is the next free id in the session's rowid range (see CacheKeys), counted by
// storeContacts() from the highest one when it began: looking it up per row cost ~10 % of
// storing a contact.
const QString UpsertContactSql = QStringLiteral(
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
const QString TouchMemberSql = QStringLiteral(
    "UPDATE memberships SET role = :role, gateway_id = ifnull(:gid, gateway_id),"
    " first_seen_at = CASE WHEN first_seen_at IS NULL OR :fs < first_seen_at THEN"
    " ifnull(:fs, first_seen_at) ELSE first_seen_at END,"
    " last_seen_at = ifnull(:ls, last_seen_at), gen = :gen, synced_at = :now"
    " WHERE sid = :sid AND group_jid = :g AND lid = :lid AND tag IS :tag");

// Memberships need no session range (nothing searches them by rowid): a new one takes the
// table's next rowid, which saves the id lookup per row (~0.2 s of a 300,000-row pass).
const QString UpsertMemberSql = QStringLiteral(
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

QVariant text(const QString &value)
{
    return QVariant(SearchText::clean(value));
}

QVariant optText(const OptString &value)
{
    return value ? text(*value) : QVariant(QMetaType::fromType<QString>());
}

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qlonglong>());
}

QVariant optInt(const OptInt &value)
{
    return value ? QVariant(*value) : nullInt();
}

QVariant optBool(const OptBool &value)
{
    return value ? QVariant(qlonglong(*value ? 1 : 0)) : nullInt();
}

// The gateway's required timestamps use 0 for "not sent".
QVariant epoch(qint64 ms)
{
    return ms > 0 ? QVariant(ms) : nullInt();
}

QVariant folded(const OptString &value)
{
    if (!value)
        return QVariant(QMetaType::fromType<QString>());
    const QString key = SearchText::fold(*value);
    return key.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(key);
}

QString tableOf(SyncKind kind)
{
    switch (kind) {
    case SyncKind::Contacts:
        return QStringLiteral("contacts");
    case SyncKind::Groups:
        return QStringLiteral("groups");
    case SyncKind::Members:
        return QStringLiteral("memberships");
    }
    return {};
}

} // namespace

CacheWriter::CacheWriter(CacheDatabase &db)
    : m_db(db)
{
}

qint64 CacheWriter::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

bool CacheWriter::fail(const QString &error)
{
    m_error = error;
    return false;
}

QSqlQuery *CacheWriter::prepare(const QString &sql)
{
    return m_db.statement(sql, &m_error);
}

#define EXEC_OR_FAIL(q) \
    do { \
        if (!(q)->exec()) \
            return fail((q)->lastError().text()); \
    } while (false)

std::optional<qint64> CacheWriter::sessionKey(const QString &sessionId, bool create)
{
    if (const auto it = m_sids.constFind(sessionId); it != m_sids.constEnd())
        return *it;
    if (sessionId.isEmpty()) {
        fail(QStringLiteral("A session id is required."));
        return std::nullopt;
    }
    if (create) {
        QSqlQuery *insert = prepare(
            QStringLiteral("INSERT OR IGNORE INTO sessions (id) VALUES (:id)"));
        if (!insert)
            return std::nullopt;
        StatementReset reset(insert);
        insert->bindValue(QStringLiteral(":id"), text(sessionId));
        if (!insert->exec()) {
            fail(insert->lastError().text());
            return std::nullopt;
        }
    }
    QSqlQuery *select = prepare(QStringLiteral("SELECT sid FROM sessions WHERE id = :id"));
    if (!select)
        return std::nullopt;
    StatementReset reset(select);
    select->bindValue(QStringLiteral(":id"), text(sessionId));
    if (!select->exec()) {
        fail(select->lastError().text());
        return std::nullopt;
    }
    if (!select->next()) {
        fail(QStringLiteral("Unknown session %1.").arg(sessionId));
        return std::nullopt;
    }
    const qint64 sid = select->value(0).toLongLong();
    m_sids.insert(sessionId, sid);
    return sid;
}

bool CacheWriter::upsertSessions(const QList<WaSession> &sessions)
{
    WriteTransaction txn(m_db);
    if (!txn.isActive())
        return fail(txn.errorString());
    QSqlQuery *q = prepare(QStringLiteral(
        "INSERT INTO sessions (id, organization_id, gateway_id, status, is_admin_session,"
        " auto_read, presence_typing, rate_per_min, rate_per_hour, created_at, updated_at, label,"
        " phone_number, wa_jid, wa_lid, created_by_user_id, last_connected_at, listed, synced_at)"
        " VALUES (:id, :org, :gw, :status, :admin, :autoread, :typing, :rpm, :rph, :created,"
        " :updated, :label, :phone, :jid, :lid, :by, :connected, 1, :now)"
        " ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id,"
        " gateway_id = excluded.gateway_id, status = excluded.status,"
        " is_admin_session = excluded.is_admin_session, auto_read = excluded.auto_read,"
        " presence_typing = excluded.presence_typing, rate_per_min = excluded.rate_per_min,"
        " rate_per_hour = excluded.rate_per_hour, created_at = excluded.created_at,"
        " updated_at = excluded.updated_at, label = excluded.label,"
        " phone_number = excluded.phone_number, wa_jid = excluded.wa_jid,"
        " wa_lid = excluded.wa_lid, created_by_user_id = excluded.created_by_user_id,"
        " last_connected_at = excluded.last_connected_at, listed = 1,"
        " synced_at = excluded.synced_at"));
    if (!q)
        return false;
    StatementReset reset(q);
    const qint64 stamp = now();
    for (const WaSession &s : sessions) {
        if (s.id.isEmpty())
            return fail(QStringLiteral("A session without an id cannot be stored."));
        q->bindValue(QStringLiteral(":id"), text(s.id));
        q->bindValue(QStringLiteral(":org"), text(s.organizationId));
        q->bindValue(QStringLiteral(":gw"), text(s.gatewayId));
        q->bindValue(QStringLiteral(":status"), text(s.status));
        q->bindValue(QStringLiteral(":admin"), qlonglong(s.isAdminSession));
        q->bindValue(QStringLiteral(":autoread"), qlonglong(s.autoRead));
        q->bindValue(QStringLiteral(":typing"), qlonglong(s.presenceTyping));
        q->bindValue(QStringLiteral(":rpm"), s.ratePerMin);
        q->bindValue(QStringLiteral(":rph"), s.ratePerHour);
        q->bindValue(QStringLiteral(":created"), epoch(s.createdAt));
        q->bindValue(QStringLiteral(":updated"), epoch(s.updatedAt));
        q->bindValue(QStringLiteral(":label"), optText(s.label));
        q->bindValue(QStringLiteral(":phone"), optText(s.phoneNumber));
        q->bindValue(QStringLiteral(":jid"), optText(s.waJid));
        q->bindValue(QStringLiteral(":lid"), optText(s.waLid));
        q->bindValue(QStringLiteral(":by"), optText(s.createdByUserId));
        q->bindValue(QStringLiteral(":connected"), optInt(s.lastConnectedAt));
        q->bindValue(QStringLiteral(":now"), stamp);
        EXEC_OR_FAIL(q);
    }
    return txn.commit() || fail(txn.errorString());
}

bool CacheWriter::addSession(const QString &sessionId)
{
    WriteTransaction txn(m_db);
    if (!txn.isActive())
        return fail(txn.errorString());
    if (!sessionKey(sessionId, true))
        return false;
    if (txn.commit())
        return true;
    m_sids.remove(sessionId);
    return fail(txn.errorString());
}

bool CacheWriter::removeSession(const QString &sessionId)
{
    WriteTransaction txn(m_db);
    if (!txn.isActive())
        return fail(txn.errorString());
    QSqlQuery *q = prepare(QStringLiteral("DELETE FROM sessions WHERE id = :id"));
    if (!q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":id"), text(sessionId));
    EXEC_OR_FAIL(q);
    m_sids.remove(sessionId); // foreign keys cascade to every row of the session
    return txn.commit() || fail(txn.errorString());
}

std::optional<SyncPass> CacheWriter::beginPass(const QString &sessionId, SyncKind kind, bool resume)
{
    WriteTransaction txn(m_db);
    if (!txn.isActive()) {
        fail(txn.errorString());
        return std::nullopt;
    }
    const auto sid = sessionKey(sessionId, true);
    if (!sid)
        return std::nullopt;
    const QString kindName = syncKindName(kind);
    QSqlQuery *read = prepare(
        QStringLiteral("SELECT generation, complete_generation, status, cursor FROM sync_state"
                       " WHERE sid = :sid AND kind = :kind"));
    if (!read)
        return std::nullopt;
    SyncPass pass;
    pass.sessionId = sessionId;
    pass.kind = kind;
    qint64 generation = 0;
    {
        StatementReset reset(read);
        read->bindValue(QStringLiteral(":sid"), *sid);
        read->bindValue(QStringLiteral(":kind"), kindName);
        if (!read->exec()) {
            fail(read->lastError().text());
            return std::nullopt;
        }
        if (read->next()) {
            generation = read->value(0).toLongLong();
            const qint64 complete = read->value(1).toLongLong();
            const QString status = read->value(2).toString();
            const bool unfinished = generation > complete
                && (status == QLatin1String("running") || status == QLatin1String("failed"));
            if (resume && unfinished) {
                pass.generation = generation;
                pass.resumeCursor = read->value(3).toString();
                pass.resumed = true;
            }
        }
    }
    const qint64 stamp = now();
    QSqlQuery *write = nullptr;
    if (pass.resumed) {
        write = prepare(QStringLiteral(
            "UPDATE sync_state SET status = 'running', error = NULL, request_id = NULL"
            " WHERE sid = :sid AND kind = :kind"));
    } else {
        pass.generation = generation + 1;
        write = prepare(QStringLiteral(
            "INSERT INTO sync_state (sid, kind, generation, status, items, started_at)"
            " VALUES (:sid, :kind, :gen, 'running', 0, :now)"
            " ON CONFLICT (sid, kind) DO UPDATE SET generation = excluded.generation,"
            " status = 'running', cursor = NULL, items = 0, started_at = excluded.started_at,"
            " error = NULL, request_id = NULL"));
    }
    if (!write)
        return std::nullopt;
    StatementReset reset(write);
    write->bindValue(QStringLiteral(":sid"), *sid);
    write->bindValue(QStringLiteral(":kind"), kindName);
    if (!pass.resumed) {
        write->bindValue(QStringLiteral(":gen"), pass.generation);
        write->bindValue(QStringLiteral(":now"), stamp);
    }
    if (!write->exec()) {
        fail(write->lastError().text());
        return std::nullopt;
    }
    if (!pass.resumed) {
        QSqlQuery *any = prepare(
            QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1 WHERE sid = :sid)").arg(tableOf(kind)));
        if (!any)
            return std::nullopt;
        StatementReset resetAny(any);
        any->bindValue(QStringLiteral(":sid"), *sid);
        if (!any->exec() || !any->next()) {
            fail(any->lastError().text());
            return std::nullopt;
        }
        pass.mayFindOlderRows = any->value(0).toBool();
        pass.tagsWaitForEnd = kind == SyncKind::Members && !pass.mayFindOlderRows;
        if (pass.tagsWaitForEnd && !setTagsPending(*sid))
            return std::nullopt;
    }
    if (!txn.commit()) {
        fail(txn.errorString());
        return std::nullopt;
    }
    return pass;
}

bool CacheWriter::checkRunning(qint64 sid, const SyncPass &pass)
{
    QSqlQuery *q = prepare(QStringLiteral(
        "SELECT generation, status FROM sync_state WHERE sid = :sid AND kind = :kind"));
    if (!q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":sid"), sid);
    q->bindValue(QStringLiteral(":kind"), syncKindName(pass.kind));
    EXEC_OR_FAIL(q);
    if (!q->next() || q->value(0).toLongLong() != pass.generation
        || q->value(1).toString() != QLatin1String("running")) {
        return fail(QStringLiteral("The %1 pass %2 of session %3 is no longer running.")
                        .arg(syncKindName(pass.kind))
                        .arg(pass.generation)
                        .arg(pass.sessionId));
    }
    return true;
}

bool CacheWriter::saveProgress(qint64 sid, const SyncPass &pass, const QString &cursor,
                               qint64 items)
{
    QSqlQuery *q = prepare(
        QStringLiteral("UPDATE sync_state SET cursor = :cursor, items = items + :items"
                       " WHERE sid = :sid AND kind = :kind"));
    if (!q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":cursor"),
                 cursor.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : text(cursor));
    q->bindValue(QStringLiteral(":items"), items);
    q->bindValue(QStringLiteral(":sid"), sid);
    q->bindValue(QStringLiteral(":kind"), syncKindName(pass.kind));
    EXEC_OR_FAIL(q);
    return true;
}

std::optional<qint64> CacheWriter::highestId(const QString &table, qint64 sid)
{
    QSqlQuery *q = prepare(
        QStringLiteral("SELECT ifnull(max(id), :base) FROM %1 WHERE id BETWEEN :base AND :top")
            .arg(table));
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":base"), rangeStart(sid));
    q->bindValue(QStringLiteral(":top"), rangeEnd(sid));
    if (!q->exec() || !q->next()) {
        fail(q->lastError().text());
        return std::nullopt;
    }
    return q->value(0).toLongLong();
}

bool CacheWriter::queueNew(const QStringList &statements, qint64 sid, qint64 above)
{
    for (const QString &sql : statements) {
        QSqlQuery *q = prepare(sql);
        if (!q)
            return false;
        StatementReset reset(q);
        q->bindValue(QStringLiteral(":above"), above);
        q->bindValue(QStringLiteral(":top"), rangeEnd(sid));
        EXEC_OR_FAIL(q);
    }
    return true;
}

bool CacheWriter::queueNewContacts(qint64 sid, qint64 above, bool tagsPending)
{
    // An id already queued keeps its entry: it says what the index really holds (an id
    // freed by a delete and handed out again is queued with its old values).
    static const QString contacts = QStringLiteral(
        "INSERT OR IGNORE INTO contact_fts_queue (id, indexed)"
        " SELECT id, 0 FROM contacts WHERE id > :above AND id <= :top");
    // Memberships stored before their contact: its tags too (unless all of the session's
    // tags wait anyway).
    static const QString tags = QStringLiteral(
        "INSERT OR IGNORE INTO tag_fts_queue (id) SELECT c.id FROM contacts c"
        " WHERE c.id > :above AND c.id <= :top AND EXISTS (SELECT 1"
        " FROM memberships m WHERE m.sid = c.sid AND m.lid = c.lid"
        " AND m.tag_key IS NOT NULL)");
    return queueNew(tagsPending ? QStringList{contacts} : QStringList{contacts, tags}, sid, above);
}

bool CacheWriter::queueNewMembers(qint64 above, bool tagsPending)
{
    if (tagsPending)
        return true; // releaseTags() indexes them all at once
    QSqlQuery *q = prepare(
        QStringLiteral("INSERT OR IGNORE INTO tag_fts_queue (id) SELECT c.id FROM memberships m"
                       " JOIN contacts c ON c.sid = m.sid AND c.lid = m.lid"
                       " WHERE m.id > :above AND m.tag_key IS NOT NULL"));
    if (!q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":above"), above);
    EXEC_OR_FAIL(q);
    return true;
}

std::optional<qint64> CacheWriter::highestMembershipId()
{
    QSqlQuery *q = prepare(QStringLiteral("SELECT ifnull(max(id), 0) FROM memberships"));
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    if (!q->exec() || !q->next()) {
        fail(q->lastError().text());
        return std::nullopt;
    }
    return q->value(0).toLongLong();
}

std::optional<bool> CacheWriter::tagsPending(qint64 sid)
{
    QSqlQuery *q = prepare(QStringLiteral("SELECT tags_pending FROM sessions WHERE sid = :sid"));
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":sid"), sid);
    if (!q->exec() || !q->next()) {
        fail(q->lastError().text());
        return std::nullopt;
    }
    return q->value(0).toBool();
}

bool CacheWriter::setTagsPending(qint64 sid)
{
    QSqlQuery *q = prepare(QStringLiteral("UPDATE sessions SET tags_pending = 1 WHERE sid = :sid"));
    if (!q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":sid"), sid);
    EXEC_OR_FAIL(q);
    return true;
}

bool CacheWriter::releaseTags(qint64 sid)
{
    const std::optional<bool> pending = tagsPending(sid);
    if (!pending)
        return false;
    if (!*pending)
        return true;
    // All of the session's tags at once, straight from its memberships.
    SearchIndexer indexer(m_db);
    if (!indexer.reindexTags(rangeStart(sid), rangeEnd(sid)))
        return fail(indexer.lastError());
    QSqlQuery *q = prepare(QStringLiteral("UPDATE sessions SET tags_pending = 0 WHERE sid = :sid"));
    if (!q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":sid"), sid);
    EXEC_OR_FAIL(q);
    return true;
}

template <typename BindRow, typename BindTouch>
CacheWriter::Stored CacheWriter::storeRow(SyncKind kind, const RowStatements &statements,
                                          const BindRow &bindRow, const BindTouch &bindTouch)
{
    auto run = [this](const QString &sql, const auto &bind) -> std::optional<bool> {
        RowStatement *statement = m_db.rowStatement(sql, &m_error);
        if (!statement)
            return std::nullopt;
        bind(*statement);
        if (!statement->exec(&m_error))
            return std::nullopt;
        if (statement->insertedRowId() != 0)
            m_lastInsertedId = statement->insertedRowId();
        return statement->changes() > 0;
    };
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

CacheWriter::Stored CacheWriter::upsertContact(qint64 sid, const EncodedContacts &page,
                                               const EncodedContact &c, qint64 generation,
                                               qint64 stamp)
{
    if (c.lid.isNull()) {
        fail(QStringLiteral("A contact without a LID cannot be stored."));
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
    static const RowStatements statements{UpsertContactSql, insertOnly(UpsertContactSql),
                                          TouchContactSql};
    m_lastInsertedId = 0;
    const Stored stored = storeRow(SyncKind::Contacts, statements, bindRow, bindTouch);
    if (stored != Stored::Failed && m_lastInsertedId == m_nextContactId)
        ++m_nextContactId; // taken (not when the row existed and was touched or updated)
    return stored;
}

bool CacheWriter::storeContacts(const SyncPass &pass, const QList<Contact> &page,
                                const QString &nextCursor)
{
    return storeContacts(pass, EncodedContacts::from(page), nextCursor);
}

bool CacheWriter::storeContacts(const SyncPass &pass, const EncodedContacts &page,
                                const QString &nextCursor)
{
    if (pass.kind != SyncKind::Contacts)
        return fail(QStringLiteral("storeContacts needs a contacts pass."));
    if (page.text.overflowed())
        return fail(QStringLiteral("The page of contacts is too large to store."));
    WriteTransaction txn(m_db);
    if (!txn.isActive())
        return fail(txn.errorString());
    const auto sid = sessionKey(pass.sessionId, false);
    if (!sid || !checkRunning(*sid, pass))
        return false;
    const std::optional<qint64> above = highestId(QStringLiteral("contacts"), *sid);
    const std::optional<bool> pending = above ? tagsPending(*sid) : std::nullopt;
    if (!pending)
        return false;
    const qsizetype size = page.rows.size();
    if (*above + size >= rangeEnd(*sid))
        return fail(
            QStringLiteral("The cache has no ids left for session %1.").arg(pass.sessionId));
    m_nextContactId = *above + 1;
    const qint64 stamp = now();
    qsizetype fresh = 0;
    for (const EncodedContact &c : page.rows) {
        const Stored stored = upsertContact(*sid, page, c, pass.generation, stamp);
        if (stored == Stored::Failed)
            return false;
        fresh += stored == Stored::New;
    }
    if (!queueNewContacts(*sid, *above, *pending) || !saveProgress(*sid, pass, nextCursor, size))
        return false;
    if (!txn.commit())
        return fail(txn.errorString());
    m_expectNew[int(SyncKind::Contacts)] = 2 * fresh > size;
    return true;
}

bool CacheWriter::storeGroups(const SyncPass &pass, const QList<Group> &page,
                              const QString &nextCursor)
{
    if (pass.kind != SyncKind::Groups)
        return fail(QStringLiteral("storeGroups needs a groups pass."));
    WriteTransaction txn(m_db);
    if (!txn.isActive())
        return fail(txn.errorString());
    const auto sid = sessionKey(pass.sessionId, false);
    if (!sid || !checkRunning(*sid, pass))
        return false;
    QSqlQuery *q = prepare(QStringLiteral(
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
        " synced_at = excluded.synced_at"));
    if (!q)
        return false;
    StatementReset reset(q);
    const qint64 stamp = now();
    for (const Group &g : page) {
        if (g.groupJid.isEmpty())
            return fail(QStringLiteral("A group without a JID cannot be stored."));
        q->bindValue(QStringLiteral(":sid"), *sid);
        q->bindValue(QStringLiteral(":jid"), text(g.groupJid));
        q->bindValue(QStringLiteral(":gid"), g.id > 0 ? QVariant(g.id) : nullInt());
        q->bindValue(QStringLiteral(":subject"), optText(g.subject));
        q->bindValue(QStringLiteral(":sk"), nameKey(g.subject, std::nullopt));
        q->bindValue(QStringLiteral(":description"), optText(g.description));
        q->bindValue(QStringLiteral(":owner"), optText(g.ownerJid));
        q->bindValue(QStringLiteral(":announce"), optBool(g.isAnnounce));
        q->bindValue(QStringLiteral(":locked"), optBool(g.isLocked));
        q->bindValue(QStringLiteral(":participants"), optInt(g.participantCount));
        q->bindValue(QStringLiteral(":created"), optInt(g.createdAtWa));
        q->bindValue(QStringLiteral(":fs"), epoch(g.firstSeenAt));
        q->bindValue(QStringLiteral(":updated"), epoch(g.updatedAt));
        q->bindValue(QStringLiteral(":gen"), pass.generation);
        q->bindValue(QStringLiteral(":now"), stamp);
        EXEC_OR_FAIL(q);
    }
    if (!saveProgress(*sid, pass, nextCursor, page.size()))
        return false;
    return txn.commit() || fail(txn.errorString());
}

CacheWriter::Stored CacheWriter::upsertMember(qint64 sid, const EncodedMembers &list,
                                              const EncodedMember &m, qint64 generation,
                                              qint64 stamp)
{
    if (m.lid.isNull()) {
        fail(QStringLiteral("A group member without a LID cannot be stored."));
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
    static const RowStatements statements{UpsertMemberSql, insertOnly(UpsertMemberSql),
                                          TouchMemberSql};
    return storeRow(SyncKind::Members, statements, bindRow, bindTouch);
}

bool CacheWriter::storeMembers(const SyncPass &pass, const QString &groupJid,
                               const QList<GroupMember> &members, const QString &nextCursor)
{
    return storeMembers(pass, EncodedMembers::from(groupJid, members), nextCursor);
}

bool CacheWriter::storeMembers(const SyncPass &pass, const EncodedMembers &list,
                               const QString &nextCursor)
{
    if (pass.kind != SyncKind::Members)
        return fail(QStringLiteral("storeMembers needs a members pass."));
    if (list.groupJid.isNull())
        return fail(QStringLiteral("storeMembers needs the group's JID."));
    if (list.text.overflowed())
        return fail(QStringLiteral("The member list is too large to store."));
    WriteTransaction txn(m_db);
    if (!txn.isActive())
        return fail(txn.errorString());
    const auto sid = sessionKey(pass.sessionId, false);
    if (!sid || !checkRunning(*sid, pass))
        return false;
    const std::optional<qint64> above = highestMembershipId();
    const std::optional<bool> pending = above ? tagsPending(*sid) : std::nullopt;
    if (!pending)
        return false;
    const qint64 stamp = now();
    const qsizetype rows = list.rows.size();
    qsizetype fresh = 0;
    for (const EncodedMember &m : list.rows) {
        const Stored stored = upsertMember(*sid, list, m, pass.generation, stamp);
        if (stored == Stored::Failed)
            return false;
        fresh += stored == Stored::New;
    }
    if (!queueNewMembers(*above, *pending) || !saveProgress(*sid, pass, nextCursor, rows))
        return false;
    if (!txn.commit())
        return fail(txn.errorString());
    m_expectNew[int(SyncKind::Members)] = 2 * fresh > rows;
    return true;
}

bool CacheWriter::finishPass(const SyncPass &pass)
{
    WriteTransaction txn(m_db);
    if (!txn.isActive())
        return fail(txn.errorString());
    const auto sid = sessionKey(pass.sessionId, false);
    if (!sid || !checkRunning(*sid, pass))
        return false;
    // The sweep: whatever this complete pass did not stamp is gone from the gateway.
    QSqlQuery *sweep = prepare(
        QStringLiteral("DELETE FROM %1 WHERE sid = :sid AND gen < :gen").arg(tableOf(pass.kind)));
    if (!sweep)
        return false;
    if (pass.mayFindOlderRows) {
        StatementReset reset(sweep);
        sweep->bindValue(QStringLiteral(":sid"), *sid);
        sweep->bindValue(QStringLiteral(":gen"), pass.generation);
        EXEC_OR_FAIL(sweep);
    }
    if (pass.kind == SyncKind::Members && !releaseTags(*sid))
        return false;
    QSqlQuery *done = prepare(QStringLiteral(
        "UPDATE sync_state SET complete_generation = generation, status = 'complete',"
        " cursor = NULL, finished_at = :now, completed_at = :now, error = NULL,"
        " request_id = NULL WHERE sid = :sid AND kind = :kind"));
    if (!done)
        return false;
    StatementReset reset(done);
    done->bindValue(QStringLiteral(":now"), now());
    done->bindValue(QStringLiteral(":sid"), *sid);
    done->bindValue(QStringLiteral(":kind"), syncKindName(pass.kind));
    EXEC_OR_FAIL(done);
    return txn.commit() || fail(txn.errorString());
}

bool CacheWriter::failPass(const SyncPass &pass, const QString &error, const QString &requestId)
{
    WriteTransaction txn(m_db);
    if (!txn.isActive())
        return fail(txn.errorString());
    const auto sid = sessionKey(pass.sessionId, false);
    if (!sid || !checkRunning(*sid, pass))
        return false;
    // What the pass stored is searchable by tag as usual from now on (releaseTags()).
    if (pass.kind == SyncKind::Members && !releaseTags(*sid))
        return false;
    QSqlQuery *q = prepare(QStringLiteral(
        "UPDATE sync_state SET status = 'failed', finished_at = :now, error = :error,"
        " request_id = :rid WHERE sid = :sid AND kind = :kind"));
    if (!q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":now"), now());
    q->bindValue(QStringLiteral(":error"), text(error));
    q->bindValue(QStringLiteral(":rid"),
                 requestId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : text(requestId));
    q->bindValue(QStringLiteral(":sid"), *sid);
    q->bindValue(QStringLiteral(":kind"), syncKindName(pass.kind));
    EXEC_OR_FAIL(q);
    return txn.commit() || fail(txn.errorString());
}

std::optional<CacheWriter::PassCounters> CacheWriter::counters(qint64 sid)
{
    QSqlQuery *q = prepare(
        QStringLiteral("SELECT kind, generation FROM sync_state WHERE sid = :sid"));
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":sid"), sid);
    if (!q->exec()) {
        fail(q->lastError().text());
        return std::nullopt;
    }
    PassCounters counters;
    while (q->next()) {
        const QString kind = q->value(0).toString();
        const qint64 generation = q->value(1).toLongLong();
        if (kind == syncKindName(SyncKind::Contacts))
            counters.contacts = generation;
        else if (kind == syncKindName(SyncKind::Groups))
            counters.groups = generation;
        else if (kind == syncKindName(SyncKind::Members))
            counters.members = generation;
    }
    return counters;
}

bool CacheWriter::storeContactDetail(const QString &sessionId, const QString &lid,
                                     const ContactDetail &detail)
{
    const QString key = detail.identity && !detail.identity->lid.isEmpty() ? detail.identity->lid
                                                                           : lid;
    if (key.isEmpty())
        return fail(QStringLiteral("A contact detail without a LID cannot be stored."));
    WriteTransaction txn(m_db);
    if (!txn.isActive())
        return fail(txn.errorString());
    const auto sid = sessionKey(sessionId, true);
    if (!sid)
        return false;
    // Data fetched now is as fresh as the pass running now (or the last one): stamping it
    // with that generation keeps it through that pass's sweep, never through a later one
    // that no longer sees it.
    const auto gens = counters(*sid);
    const std::optional<qint64> contactsAbove = highestId(QStringLiteral("contacts"), *sid);
    const std::optional<qint64> membersAbove = highestMembershipId();
    if (!gens || !contactsAbove || !membersAbove)
        return false;
    const std::optional<bool> tagsWait = tagsPending(*sid);
    if (!tagsWait)
        return false;
    const qint64 stamp = now();

    QSqlQuery *contact = nullptr;
    if (detail.identity) {
        const Identity &id = *detail.identity;
        contact = prepare(QStringLiteral(
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
            " gen = max(gen, excluded.gen), synced_at = excluded.synced_at"));
        if (!contact)
            return false;
        contact->bindValue(QStringLiteral(":name"), optText(id.name));
        contact->bindValue(QStringLiteral(":phone"), optText(id.phoneNumber));
        contact->bindValue(QStringLiteral(":bn"), optText(id.businessName));
        contact->bindValue(QStringLiteral(":nk"), nameKey(id.name, id.businessName));
        contact->bindValue(QStringLiteral(":bk"), folded(id.businessName));
        contact->bindValue(QStringLiteral(":pjid"), optText(id.phoneJid));
        contact->bindValue(QStringLiteral(":iid"), id.id > 0 ? QVariant(id.id) : nullInt());
        contact->bindValue(QStringLiteral(":fs"), epoch(id.firstSeenAt));
        contact->bindValue(QStringLiteral(":updated"), qlonglong(qMax<qint64>(id.updatedAt, 0)));
    } else {
        // No identity: only what the detail itself says (dm) is known.
        contact = prepare(QStringLiteral(
            "INSERT INTO contacts (id, sid, lid, is_dm, name_key, detail_synced_at, gen,"
            " synced_at) VALUES ((SELECT ifnull(max(id), :base) + 1 FROM contacts"
            " WHERE id BETWEEN :base AND :top), :sid, :lid, :dm, char(1114111), :now, :gen, :now)"
            " ON CONFLICT (sid, lid) DO UPDATE SET is_dm = excluded.is_dm,"
            " detail_synced_at = excluded.detail_synced_at, gen = max(gen, excluded.gen),"
            " synced_at = excluded.synced_at"));
        if (!contact)
            return false;
    }
    {
        StatementReset reset(contact);
        contact->bindValue(QStringLiteral(":base"), rangeStart(*sid));
        contact->bindValue(QStringLiteral(":top"), rangeEnd(*sid));
        contact->bindValue(QStringLiteral(":sid"), *sid);
        contact->bindValue(QStringLiteral(":lid"), text(key));
        contact->bindValue(QStringLiteral(":dm"), qlonglong(detail.dm ? 1 : 0));
        contact->bindValue(QStringLiteral(":now"), stamp);
        contact->bindValue(QStringLiteral(":gen"), gens->contacts);
        EXEC_OR_FAIL(contact);
    }

    QSqlQuery *group = prepare(QStringLiteral(
        "INSERT INTO groups (sid, jid, subject, subject_key, gen, synced_at)"
        " VALUES (:sid, :jid, :subject, :sk, :gen, :now)"
        " ON CONFLICT (sid, jid) DO UPDATE SET subject = ifnull(excluded.subject, subject),"
        " subject_key = CASE WHEN excluded.subject IS NULL THEN subject_key"
        " ELSE excluded.subject_key END, gen = max(gen, excluded.gen)"));
    if (!group)
        return false;
    StatementReset resetGroup(group);
    for (const ContactGroup &g : detail.groups) {
        if (g.jid.isEmpty())
            continue;
        group->bindValue(QStringLiteral(":sid"), *sid);
        group->bindValue(QStringLiteral(":jid"), text(g.jid));
        group->bindValue(QStringLiteral(":subject"), optText(g.name));
        group->bindValue(QStringLiteral(":sk"), nameKey(g.name, std::nullopt));
        group->bindValue(QStringLiteral(":gen"), gens->groups);
        group->bindValue(QStringLiteral(":now"), stamp);
        EXEC_OR_FAIL(group);

        GroupMember member;
        member.lid = key;
        member.role = g.role;
        member.tag = g.tag;
        member.lastSeenAt = g.lastSeen;
        const EncodedMembers membership = EncodedMembers::from(g.jid, {member});
        if (upsertMember(*sid, membership, membership.rows.first(), gens->members, stamp)
            == Stored::Failed)
            return false;
    }
    if (!queueNewContacts(*sid, *contactsAbove, *tagsWait)
        || !queueNewMembers(*membersAbove, *tagsWait))
        return false;
    return txn.commit() || fail(txn.errorString());
}
