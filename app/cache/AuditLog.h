#pragma once

#include "cache/CacheTypes.h"

#include <QString>

#include <functional>
#include <optional>

class CacheDatabase;
class QIODevice;

// The audit log: who did what (block, unblock, ...), from the console or the local API.
// append() needs a ReadWrite connection; list() and exportTo() read from any.
class AuditLog
{
public:
    enum class Format {
        Csv,
        JsonLines
    };

    struct Query {
        QString sessionId;   // empty: every session
        qint64 beforeId = 0; // keyset: entries older than this id; 0 = newest first
        int limit = 100;     // at most 1000
    };

    explicit AuditLog(CacheDatabase &db);

    QString lastError() const { return m_error; }
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    // Returns the new entry's id, or nullopt on error. at = 0 means now.
    std::optional<qint64> append(const AuditEntry &entry);
    // Newest first.
    std::optional<QList<AuditEntry>> list(const Query &query);
    // Every entry (of one session when given), oldest first. CSV follows RFC 4180 with a
    // header row; cells that a spreadsheet would run as a formula are prefixed with "'".
    bool exportTo(QIODevice *out, Format format, const QString &sessionId = {});

    static QString originName(AuditOrigin origin); // "console", "local-api"

private:
    bool fail(const QString &error);

    CacheDatabase &m_db;
    QString m_error;
    std::function<qint64()> m_clock;
};
