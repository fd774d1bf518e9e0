#pragma once

#include "cache/CacheTypes.h"
#include "cache/EncodedRows.h"

#include <QString>

#include <optional>

class RowStore;
class SearchQueue;
class WriteContext;

// The lifecycle of a sync pass over one kind of a session's data, mark-and-sweep (see
// CacheWriter): beginPass() opens a generation (or resumes the interrupted one), each page
// is one transaction stamping its rows and saving the resume cursor, finishPass() sweeps the
// rows the pass did not stamp and failPass() keeps everything.
class SyncPassWriter
{
public:
    SyncPassWriter(WriteContext &ctx, RowStore &rows, SearchQueue &queue);

    std::optional<SyncPass> beginPass(const QString &sessionId, SyncKind kind, bool resume);
    bool storeContacts(const SyncPass &pass, const EncodedContacts &page,
                       const QString &nextCursor);
    bool storeGroups(const SyncPass &pass, const QList<Group> &page, const QString &nextCursor);
    bool storeMembers(const SyncPass &pass, const EncodedMembers &list, const QString &nextCursor);
    bool finishPass(const SyncPass &pass);
    bool failPass(const SyncPass &pass, const QString &error, const QString &requestId);

private:
    // The pass's generation and, for an unfinished one that may resume, its cursor.
    bool readState(qint64 sid, SyncPass *pass, bool resume);
    bool writeBegin(qint64 sid, const SyncPass &pass);
    // A fresh pass: does the session have older rows to sweep, do its tags wait for its end?
    bool scanOlderRows(qint64 sid, SyncPass *pass);
    // The session's key, once the pass is known to be the one running.
    std::optional<qint64> runningPass(const SyncPass &pass);
    bool checkRunning(qint64 sid, const SyncPass &pass);
    bool saveProgress(qint64 sid, const SyncPass &pass, const QString &cursor, qint64 items);
    bool sweep(qint64 sid, const SyncPass &pass);

    WriteContext &m_ctx;
    RowStore &m_rows;
    SearchQueue &m_queue;
};
