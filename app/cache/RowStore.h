#pragma once

#include "cache/CacheTypes.h"
#include "cache/EncodedRows.h"

#include <QList>
#include <QString>

#include <optional>

class RowStatement;
class WriteContext;

// The rows of a sync page, stamped with the pass's generation and synced_at, in the caller's
// transaction. Contacts and memberships go through RowStatements, each row the cheapest way
// that works (storeRow()); groups, a few per session, through Qt SQL.
class RowStore
{
public:
    explicit RowStore(WriteContext &ctx);

    // New contacts take the ids from firstId up, one each (the session's range, see
    // CacheKeys). Returns how many of the rows were new, or nullopt on failure.
    std::optional<qsizetype> storeContacts(qint64 sid, const EncodedContacts &page, qint64 firstId,
                                           qint64 generation, qint64 stamp);
    std::optional<qsizetype> storeMembers(qint64 sid, const EncodedMembers &list, qint64 generation,
                                          qint64 stamp);
    bool storeGroups(qint64 sid, const QList<Group> &page, qint64 generation, qint64 stamp);
    // After a page of the kind committed: were most of its rows new? Then the next page tries
    // the insert first (a first sync), else the touch (a re-sync).
    void pageCommitted(SyncKind kind, qsizetype fresh, qsizetype rows);

private:
    enum class Stored {
        New,
        Existing,
        Failed
    };
    // A row's three ways in: insert only (a first sync), touch its stamps when nothing else
    // changed, upsert.
    struct RowStatements {
        QString upsert;
        QString insert;
        QString touch;
    };
    // Tries the insert first when most rows of the kind's last page were new, then the touch,
    // then the upsert; binds with bindRow (insert, upsert) and bindTouch (touch).
    template <typename BindRow, typename BindTouch>
    Stored storeRow(SyncKind kind, const RowStatements &statements, const BindRow &bindRow,
                    const BindTouch &bindTouch);
    // Runs one of them: whether it changed a row, nullopt on failure.
    template <typename Bind>
    std::optional<bool> run(const QString &sql, const Bind &bind);
    Stored upsertContact(qint64 sid, const EncodedContacts &page, const EncodedContact &contact,
                         qint64 generation, qint64 now);
    Stored upsertMember(qint64 sid, const EncodedMembers &list, const EncodedMember &member,
                        qint64 generation, qint64 now);

    WriteContext &m_ctx;
    qint64 m_nextContactId = 0;  // storeContacts(): the id the next new contact takes
    qint64 m_lastInsertedId = 0; // the row statements' last inserted rowid
    bool m_expectNew[3] = {false, false, false}; // per kind, see pageCommitted()
};
