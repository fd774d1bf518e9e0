#pragma once

#include "cache/RowStatement.h"

#include <QHashFunctions>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <unordered_map>

class QSqlQuery;
class QThread;

// One SQLite connection to a profile's cache, with its own unique Qt connection name, used
// on the thread that opened it and nowhere else (Qt SQL's rule). Every statement is prepared
// once per connection and kept here, so the classes working on it (CacheWriter, CacheReader,
// AuditLog, SearchIndexer) hold no QSqlQuery of their own and never outlive the connection's
// statements by accident: destroy them before this object.
//
// ReadWrite opens (creating the file and its directory) and migrates the schema to the
// latest version. Read opens an existing, migrated file with query_only=ON: the GUI models
// and the local API server each open one on their own thread; WAL lets them read while a
// writer commits.
class CacheDatabase
{
public:
    enum class Mode {
        ReadWrite,
        Read
    };

    struct Options {
        int cacheSizeKiB = 32 * 1024; // SQLite page cache of this connection
        int busyTimeoutMs = 5000;     // wait this long for another connection's write lock
        // Memory-map up to this much of the file (0: off). Random reads (search candidates)
        // then cost no system call, but every page touched counts in the process's RSS.
        int mmapSizeMiB = 0;
        // ReadWrite: let the WAL grow to this many pages before a checkpoint. A sync page
        // dirties hundreds of index pages; checkpointing every 1000 (SQLite's default) copies
        // and fsyncs them nearly once per page, a larger WAL once per many pages.
        int walAutocheckpointPages = 8192;
    };

    static std::unique_ptr<CacheDatabase> open(const QString &path, Mode mode,
                                               QString *error = nullptr);
    static std::unique_ptr<CacheDatabase> open(const QString &path, Mode mode,
                                               const Options &options, QString *error);
    ~CacheDatabase();

    CacheDatabase(const CacheDatabase &) = delete;
    CacheDatabase &operator=(const CacheDatabase &) = delete;

    QString path() const { return m_path; }
    Mode mode() const { return m_mode; }
    QString connectionName() const { return m_name; }
    QSqlDatabase database() const { return m_db; }
    bool isOnOwnThread() const;

    // The prepared statement for this SQL text (forward-only), prepared on first use. The
    // caller binds, executes, reads and calls finish() (see StatementReset). nullptr and
    // *error set when SQLite rejects the SQL.
    QSqlQuery *statement(const QString &sql, QString *error);

    // The same for a RowStatement on this connection's SQLite handle: the sync's row writes
    // (see there). Runs inside the transactions this connection's WriteTransaction begins.
    RowStatement *rowStatement(const QString &sql, QString *error);

    // Runs SQL that carries no user data (DDL, PRAGMA, BEGIN/COMMIT).
    bool exec(const QString &sql, QString *error);

    // Changes whenever anything was committed since the last call, by another connection
    // (PRAGMA data_version) or this one (total_changes()).
    qint64 dataVersion();

    // A bulk writer (the sync's store) holds the write lock for long transactions and
    // lets others go first: it ends its transaction early while writersWaiting() > 0, the
    // number of WriteTransactions on other connections of this process waiting to begin.
    // Without that, an audit entry written on the GUI thread during a sync could wait
    // (the window frozen) until busy_timeout ran out.
    void setBulkWriter(bool bulk) { m_bulkWriter = bulk; }
    static int writersWaiting();

private:
    friend class WriteTransaction;
    CacheDatabase() = default;
    bool switchToWal(int timeoutMs, QString *error);
    bool configure(const Options &options, QString *error);

    QString m_path;
    QString m_name;
    Mode m_mode = Mode::Read;
    QSqlDatabase m_db;
    QThread *m_thread = nullptr;
    bool m_bulkWriter = false;
    int m_transactionDepth = 0;  // open WriteTransactions, the outermost one included
    bool m_rollbackOnly = false; // a nested one ended without commit()
    struct Hash {
        size_t operator()(const QString &s) const { return qHash(s); }
    };
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>, Hash> m_statements;
    std::unordered_map<QString, std::unique_ptr<RowStatement>, Hash> m_rowStatements;
};

// Resets a cached statement when the scope ends, so no read snapshot or lock outlives it.
class StatementReset
{
public:
    explicit StatementReset(QSqlQuery *query)
        : m_query(query)
    {
    }
    ~StatementReset();
    StatementReset(const StatementReset &) = delete;
    StatementReset &operator=(const StatementReset &) = delete;

private:
    QSqlQuery *m_query;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless commit() succeeded. IMMEDIATE takes the
// write lock up front, so two writers wait on busy_timeout instead of deadlocking.
// Inside another WriteTransaction on the same connection it joins that one: commit() leaves
// the work to the outer commit, and ending without commit() makes the outer one roll back
// everything (a SAVEPOINT per nested unit would undo less, but measured ~40% slower on sync
// pages). SyncStore groups many pages into one commit that way.
class WriteTransaction
{
public:
    explicit WriteTransaction(CacheDatabase &db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool isActive() const { return m_active; }
    QString errorString() const { return m_error; }
    bool commit();

private:
    CacheDatabase &m_db;
    bool m_active = false;
    bool m_nested = false; // joined an outer transaction on the same connection
    QString m_error;
};
