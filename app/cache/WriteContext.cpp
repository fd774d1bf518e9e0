#include "cache/WriteContext.h"

#include "cache/CacheDatabase.h"
#include "cache/SearchText.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

WriteContext::WriteContext(CacheDatabase &db)
    : m_db(db)
{
}

bool WriteContext::fail(const QString &error)
{
    m_error = error;
    return false;
}

qint64 WriteContext::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

QSqlQuery *WriteContext::prepare(const QString &sql)
{
    return m_db.statement(sql, &m_error);
}

RowStatement *WriteContext::rowStatement(const QString &sql)
{
    return m_db.rowStatement(sql, &m_error);
}

bool WriteContext::exec(QSqlQuery *query)
{
    return query->exec() || fail(query->lastError().text());
}

bool WriteContext::execFirst(QSqlQuery *query)
{
    return (query->exec() && query->next()) || fail(query->lastError().text());
}

std::optional<qint64> WriteContext::sessionKey(const QString &sessionId, bool create)
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
        insert->bindValue(QStringLiteral(":id"), WriteValue::text(sessionId));
        if (!exec(insert))
            return std::nullopt;
    }
    QSqlQuery *select = prepare(QStringLiteral("SELECT sid FROM sessions WHERE id = :id"));
    if (!select)
        return std::nullopt;
    StatementReset reset(select);
    select->bindValue(QStringLiteral(":id"), WriteValue::text(sessionId));
    if (!exec(select))
        return std::nullopt;
    if (!select->next()) {
        fail(QStringLiteral("Unknown session %1.").arg(sessionId));
        return std::nullopt;
    }
    const qint64 sid = select->value(0).toLongLong();
    m_sids.insert(sessionId, sid);
    return sid;
}

namespace WriteValue {

QVariant text(const QString &value)
{
    return QVariant(SearchText::clean(value));
}

QVariant optText(const OptString &value)
{
    return value ? text(*value) : nullText();
}

QVariant folded(const OptString &value)
{
    if (!value)
        return nullText();
    const QString key = SearchText::fold(*value);
    return key.isEmpty() ? nullText() : QVariant(key);
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

} // namespace WriteValue
