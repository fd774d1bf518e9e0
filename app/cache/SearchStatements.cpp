#include "cache/SearchStatements.h"

#include "cache/CacheDatabase.h"

#include <QRegularExpression>
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

SearchRow readRow(const QSqlQuery &q)
{
    SearchRow row;
    CachedContact &c = row.contact;
    c.rowId = q.value(0).toLongLong();
    c.contact.lid = q.value(1).toString();
    c.contact.source = q.value(2).toInt() == 1 ? QStringLiteral("dm") : QStringLiteral("group");
    c.contact.name = optString(q.value(3));
    c.contact.phoneNumber = optString(q.value(4));
    c.contact.businessName = optString(q.value(5));
    c.phoneJid = optString(q.value(6));
    c.identityId = optInt(q.value(7));
    c.firstSeenAt = optInt(q.value(8));
    const qint64 updated = q.value(9).toLongLong();
    if (updated > 0)
        c.updatedAt = updated;
    c.detailSyncedAt = optInt(q.value(10));
    c.syncedAt = q.value(11).toLongLong();
    row.sortKey = q.value(12);
    return row;
}

} // namespace

SearchStatements::SearchStatements(CacheDatabase &db)
    : m_db(db)
{
}

bool SearchStatements::fail(const QString &error)
{
    m_error = error;
    return false;
}

QSqlQuery *SearchStatements::statement(const QString &sql)
{
    return m_db.statement(sql, &m_error);
}

bool SearchStatements::exec(QSqlQuery *q)
{
    return q->exec() || fail(q->lastError().text());
}

bool SearchStatements::bind(QSqlQuery *q, const QString &sql, const QVariantHash &binds)
{
    auto it = m_placeholders.find(sql);
    if (it == m_placeholders.end()) {
        static const QRegularExpression placeholder(QStringLiteral(":([a-z]+)\\b"));
        QStringList names;
        for (const auto &match : placeholder.globalMatch(sql)) {
            if (!names.contains(match.captured(1)))
                names << match.captured(1);
        }
        it = m_placeholders.insert(sql, names);
    }
    for (const QString &name : std::as_const(*it)) {
        const auto value = binds.constFind(name);
        if (value == binds.constEnd())
            return fail(QStringLiteral("internal: no value for :%1").arg(name));
        q->bindValue(QLatin1Char(':') + name, *value);
    }
    return true;
}

std::optional<QList<SearchRow>> SearchStatements::rows(const QString &sql,
                                                       const QVariantHash &binds)
{
    QSqlQuery *q = statement(sql);
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    if (!bind(q, sql, binds) || !exec(q))
        return std::nullopt;
    QList<SearchRow> out;
    while (q->next())
        out << readRow(*q);
    if (q->lastError().isValid()) {
        fail(q->lastError().text());
        return std::nullopt;
    }
    return out;
}

std::optional<qint64> SearchStatements::scalar(const QString &sql, const QVariantHash &binds)
{
    QSqlQuery *q = statement(sql);
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    if (!bind(q, sql, binds))
        return std::nullopt;
    if (!q->exec() || !q->next()) {
        fail(q->lastError().text());
        return std::nullopt;
    }
    return q->value(0).toLongLong();
}

std::optional<QStringList> SearchStatements::terms(const QString &sql, const QVariantHash &binds)
{
    QSqlQuery *q = statement(sql);
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    if (!bind(q, sql, binds) || !exec(q))
        return std::nullopt;
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}
