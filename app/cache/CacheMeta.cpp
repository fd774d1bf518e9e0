#include "cache/CacheMeta.h"

#include "cache/CacheDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace CacheMeta {

std::optional<QString> value(CacheDatabase &db, const QString &key, QString *error)
{
    QSqlQuery *q = db.statement(QStringLiteral("SELECT value FROM meta WHERE key = :key"), error);
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":key"), key);
    if (!q->exec()) {
        *error = q->lastError().text();
        return std::nullopt;
    }
    if (!q->next())
        return std::nullopt;
    return q->value(0).toString();
}

bool setValue(CacheDatabase &db, const QString &key, const QString &value, QString *error)
{
    QSqlQuery *q = db.statement(
        QStringLiteral("INSERT INTO meta (key, value) VALUES (:key, :value)"
                       " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        error);
    if (!q)
        return false;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":key"), key);
    q->bindValue(QStringLiteral(":value"), value);
    if (!q->exec()) {
        *error = q->lastError().text();
        return false;
    }
    return true;
}

} // namespace CacheMeta
