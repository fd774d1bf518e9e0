#pragma once

#include "cache/CacheTypes.h"

#include <QHash>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

class CacheDatabase;
class QSqlQuery;
class RowStatement;

// What the parts of a CacheWriter share: the ReadWrite connection, the clock, the last error
// and the session keys already looked up. Each part reports failure through fail(), so the
// writer has one lastError() whichever part failed.
class WriteContext
{
public:
    explicit WriteContext(CacheDatabase &db);

    CacheDatabase &db() { return m_db; }
    QString lastError() const { return m_error; }
    // Sets the error; false, so that `return fail(...)` ends a bool function.
    bool fail(const QString &error);

    // Epoch-ms clock for synced_at and the pass timestamps (tests replace it).
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    qint64 now() const;

    QSqlQuery *prepare(const QString &sql);
    RowStatement *rowStatement(const QString &sql);
    QString *errorSlot() { return &m_error; } // for RowStatement::exec()
    // Executes a prepared statement; false with its error set when SQLite refused it.
    bool exec(QSqlQuery *query);
    // The same, then moves to the first row; false with an error also when there is none.
    bool execFirst(QSqlQuery *query);

    // The sessions table's key of a session id (create: inserting the session when new).
    std::optional<qint64> sessionKey(const QString &sessionId, bool create);
    // After a rollback or a delete the remembered key may be gone.
    void forgetSession(const QString &sessionId) { m_sids.remove(sessionId); }

private:
    CacheDatabase &m_db;
    QString m_error;
    std::function<qint64()> m_clock;
    QHash<QString, qint64> m_sids;
};

// How the writer's parts bind values: text cleaned (SearchText::clean), absent values and
// the gateway's 0 for "not sent" as NULL.
namespace WriteValue {

QVariant text(const QString &value);
QVariant optText(const OptString &value);
inline QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}
inline QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qlonglong>());
}
inline QVariant optInt(const OptInt &value)
{
    return value ? QVariant(*value) : nullInt();
}
inline QVariant optBool(const OptBool &value)
{
    return value ? QVariant(qlonglong(*value ? 1 : 0)) : nullInt();
}
inline QVariant epoch(qint64 ms)
{
    return ms > 0 ? QVariant(ms) : nullInt();
}
// The folded key of a text, NULL when there is none.
QVariant folded(const OptString &value);
// The table holding a kind's rows.
QString tableOf(SyncKind kind);

} // namespace WriteValue
