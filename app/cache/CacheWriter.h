#pragma once

#include "cache/CacheTypes.h"
#include "cache/EncodedRows.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class CacheDatabase;
class QSqlQuery;

// Everything the sync engine writes, on one ReadWrite CacheDatabase (on its thread).
//
// A pass over one kind of a session's data is mark-and-sweep:
//   beginPass(session, kind)   -> a new generation, or the interrupted one to resume
//   storeContacts/storeGroups/storeMembers(pass, page, nextCursor)
//                               -> one transaction per page: upserts stamped with the
//                                  generation and synced_at, plus the resume cursor
//   finishPass(pass)           -> deletes the session's rows of that kind the pass did not
//                                  see (older generation) and records the completion
//   failPass(pass, error, id)  -> keeps everything and the cursor; nothing is swept
// Only a finished pass sweeps, so an interrupted one never loses what the last complete pass
// stored. New and changed rows reach search through SearchIndexer (call it after pages or
// after the pass); until then readers still find them, more slowly.
//
// Returns false and sets lastError() on failure; a failed call changes nothing.
class CacheWriter
{
public:
    explicit CacheWriter(CacheDatabase &db);

    QString lastError() const { return m_error; }
    // Epoch-ms clock for synced_at and the pass timestamps (tests replace it).
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    // listSessions/getSession answers: inserted or updated, marked listed. Never deletes.
    bool upsertSessions(const QList<WaSession> &sessions);
    // A session id added by hand (tokens without `manage`); keeps what exists.
    bool addSession(const QString &sessionId);
    // The session and everything cached for it.
    bool removeSession(const QString &sessionId);

    // resume: continue an unfinished pass of this kind (same generation, its cursor) when
    // there is one; otherwise, or with resume = false, start a new generation.
    std::optional<SyncPass> beginPass(const QString &sessionId, SyncKind kind, bool resume = true);
    // The Encoded* overloads take a page encoded beforehand (EncodedRows.h), as the sync
    // does on its own thread; the others encode it here.
    bool storeContacts(const SyncPass &pass, const QList<Contact> &page, const QString &nextCursor);
    bool storeContacts(const SyncPass &pass, const EncodedContacts &page,
                       const QString &nextCursor);
    bool storeGroups(const SyncPass &pass, const QList<Group> &page, const QString &nextCursor);
    // The whole member list of one group (listGroupMembers is not paged); nextCursor is the
    // pass's resume point after this group, as the caller defines it.
    bool storeMembers(const SyncPass &pass, const QString &groupJid,
                      const QList<GroupMember> &members, const QString &nextCursor);
    bool storeMembers(const SyncPass &pass, const EncodedMembers &list, const QString &nextCursor);
    bool finishPass(const SyncPass &pass);
    bool failPass(const SyncPass &pass, const QString &error, const QString &requestId = {});

    // getContact's answer: the contact's detail fields, and its groups as memberships (and
    // group names for groups not synced yet). Memberships it does not list are kept: the
    // next members pass decides (the gateway may send groups: null).
    bool storeContactDetail(const QString &sessionId, const QString &lid,
                            const ContactDetail &detail);

private:
    struct PassCounters {
        qint64 contacts = 0;
        qint64 groups = 0;
        qint64 members = 0;
    };
    enum class Stored {
        New,
        Existing,
        Failed
    };

    qint64 now() const;
    bool fail(const QString &error);
    QSqlQuery *prepare(const QString &sql);
    std::optional<qint64> sessionKey(const QString &sessionId, bool create);
    bool checkRunning(qint64 sid, const SyncPass &pass);
    bool saveProgress(qint64 sid, const SyncPass &pass, const QString &cursor, qint64 items);
    std::optional<PassCounters> counters(qint64 sid);
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
    Stored upsertContact(qint64 sid, const EncodedContacts &page, const EncodedContact &contact,
                         qint64 generation, qint64 now);
    Stored upsertMember(qint64 sid, const EncodedMembers &list, const EncodedMember &member,
                        qint64 generation, qint64 now);
    // New contacts take ids above the session's highest (see CacheKeys), new memberships
    // above the table's highest, so the rows a call inserted are the ids above what these
    // said before it; queueNew* hand them to SearchIndexer with one statement per call
    // instead of a trigger per row.
    std::optional<qint64> highestId(const QString &table, qint64 sid);
    std::optional<qint64> highestMembershipId();
    bool queueNew(const QStringList &statements, qint64 sid, qint64 above);
    bool queueNewContacts(qint64 sid, qint64 above, bool tagsPending);
    bool queueNewMembers(qint64 above, bool tagsPending);
    // A first members pass (none stored before it) leaves the session's tags out of the
    // search queue (sessions.tags_pending, see CacheSchema version 5): searches read them
    // from the memberships meanwhile. releaseTags() ends that, when the pass finishes or
    // fails, by indexing all of the session's tags at once (SearchIndexer::reindexTags()).
    std::optional<bool> tagsPending(qint64 sid);
    bool setTagsPending(qint64 sid);
    bool releaseTags(qint64 sid);

    CacheDatabase &m_db;
    QString m_error;
    std::function<qint64()> m_clock;
    QHash<QString, qint64> m_sids;
    qint64 m_nextContactId = 0;  // storeContacts(): the id the next new contact takes
    qint64 m_lastInsertedId = 0; // the row statements' last inserted rowid
    // Per kind: were most rows of the last page new? Then insert first, else touch first.
    bool m_expectNew[3] = {false, false, false};
};
