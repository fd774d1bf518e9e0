#include "cache/SessionWriter.h"

#include "cache/CacheDatabase.h"
#include "cache/WriteContext.h"

#include <QSqlQuery>

using namespace WriteValue;

namespace {

const QString kUpsertSessionSql = QStringLiteral(
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
    " synced_at = excluded.synced_at");

void bindSession(QSqlQuery *q, const WaSession &s, qint64 stamp)
{
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
}

} // namespace

SessionWriter::SessionWriter(WriteContext &ctx)
    : m_ctx(ctx)
{
}

bool SessionWriter::upsertSessions(const QList<WaSession> &sessions)
{
    WriteTransaction txn(m_ctx.db());
    if (!txn.isActive())
        return m_ctx.fail(txn.errorString());
    QSqlQuery *q = m_ctx.prepare(kUpsertSessionSql);
    if (!q)
        return false;
    StatementReset reset(q);
    const qint64 stamp = m_ctx.now();
    for (const WaSession &s : sessions) {
        if (s.id.isEmpty())
            return m_ctx.fail(QStringLiteral("A session without an id cannot be stored."));
        bindSession(q, s, stamp);
        if (!m_ctx.exec(q))
            return false;
    }
    return txn.commit() || m_ctx.fail(txn.errorString());
}

bool SessionWriter::addSession(const QString &sessionId)
{
    WriteTransaction txn(m_ctx.db());
    if (!txn.isActive())
        return m_ctx.fail(txn.errorString());
    if (!m_ctx.sessionKey(sessionId, true))
        return false;
    if (txn.commit())
        return true;
    m_ctx.forgetSession(sessionId);
    return m_ctx.fail(txn.errorString());
}

bool SessionWriter::removeSession(const QString &sessionId)
{
    WriteTransaction txn(m_ctx.db());
    if (!txn.isActive())
        return m_ctx.fail(txn.errorString());
    QSqlQuery *q = m_ctx.prepare(QStringLiteral("DELETE FROM sessions WHERE id = :id"));
    if (!q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":id"), text(sessionId));
    if (!m_ctx.exec(q))
        return false;
    m_ctx.forgetSession(sessionId); // foreign keys cascade to every row of the session
    return txn.commit() || m_ctx.fail(txn.errorString());
}
