#pragma once

#include <QString>
#include <QVariant>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

// A prepared statement run on the cache connection's own sqlite3 handle, for the rows a
// sync page writes one by one. Qt SQL binds each value through a placeholder lookup and a
// QVariant copy, and hands text to SQLite as UTF-16 to be converted again: too much for
// the sync's store thread, its bottleneck, and for the reads that run once per local API
// request (CacheReader). Transactions and every other statement stay with Qt SQL, on the
// same connection (CacheDatabase::rowStatement()).
class RowStatement
{
public:
    // nullptr and *error when SQLite rejects the SQL.
    static std::unique_ptr<RowStatement> prepare(sqlite3 *db, const QString &sql, QString *error);
    ~RowStatement();

    RowStatement(const RowStatement &) = delete;
    RowStatement &operator=(const RowStatement &) = delete;

    // Binds a named parameter (":sid"). A null QVariant, or one holding a null QString, is
    // NULL (as Qt SQL has it); a QString is text; integers and bools are integers. A name the
    // SQL does not have makes the next exec() fail.
    void bind(std::string_view name, const QVariant &value);
    void bind(std::string_view name, qint64 value);
    // UTF-8 text, not copied: it must stay valid until exec() returns. A null data() (a
    // default std::string_view) is NULL; an empty one with data is "".
    void bindText(std::string_view name, std::string_view utf8);
    // Runs it to the end; false and *error on failure. Either way it is reset afterwards and
    // holds no binding, no lock and no read snapshot.
    bool exec(QString *error);
    // Reading, for the hot reads (CacheReader): bind, then next() while it gives rows and
    // read their columns. next() resets the statement once it returns false, at the end or
    // on an error (*error set then); reset() ends a read early. Either way no lock or read
    // snapshot outlives the read.
    bool next(QString *error);
    void reset() { finish(); }
    bool isNull(int column) const;
    qint64 int64(int column) const;
    QString text(int column) const; // a null QString for NULL
    std::optional<QString> optText(int column) const;
    std::optional<qint64> optInt64(int column) const;

    // Rows the last successful exec() inserted, updated or deleted (not counting triggers).
    qint64 changes() const { return m_changes; }
    // The rowid of the row the last successful exec() inserted (the last one, if several);
    // 0 when it inserted none (an upsert that updated).
    qint64 insertedRowId() const { return m_insertedRowId; }

private:
    RowStatement() = default;
    int indexOf(std::string_view name);
    void finish();

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    std::vector<std::pair<std::string, int>> m_parameters; // name (with its ':') and index
    QString m_bindError;
    qint64 m_changes = 0;
    qint64 m_insertedRowId = 0;
};
