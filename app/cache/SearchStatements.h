#pragma once

#include "cache/SearchContext.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantHash>

#include <optional>

class CacheDatabase;
class QSqlQuery;

// Runs ContactSql's statements on a read connection, binding each named parameter the SQL
// uses from a hash of values. Keeps the last error for the whole ContactSearch.
class SearchStatements
{
public:
    explicit SearchStatements(CacheDatabase &db);

    CacheDatabase &db() { return m_db; }
    QString lastError() const { return m_error; }
    bool fail(const QString &error);

    // The cached statement for sql; nullptr with the error set.
    QSqlQuery *statement(const QString &sql);
    // Binds every parameter sql names from binds; false when one has no value.
    bool bind(QSqlQuery *q, const QString &sql, const QVariantHash &binds);
    // Executes a bound statement; false with its error set.
    bool exec(QSqlQuery *q);

    // Contact rows (ContactSql's row columns, then the sort value).
    std::optional<QList<SearchRow>> rows(const QString &sql, const QVariantHash &binds);
    // The first column of the only row.
    std::optional<qint64> scalar(const QString &sql, const QVariantHash &binds);
    // The first column of every row, as text.
    std::optional<QStringList> terms(const QString &sql, const QVariantHash &binds);

private:
    CacheDatabase &m_db;
    QString m_error;
    QHash<QString, QStringList> m_placeholders; // by SQL text
};
