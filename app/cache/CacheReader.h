#pragma once

#include "cache/CacheTypes.h"
#include "cache/ContactSearch.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>

class CacheDatabase;
class RowStatement;

// Everything the item models and the local API server read, on one CacheDatabase (usually
// a Read connection on the caller's thread). Returns std::nullopt (and lastError()) only on
// a database error or an invalid cursor; "not found" is an empty result.
class CacheReader
{
public:
    explicit CacheReader(CacheDatabase &db);

    QString lastError() const { return m_error; }

    QList<CachedSession> sessions();
    std::optional<CachedSession> session(const QString &sessionId);

    // One sync state per kind that ever ran for the session.
    QList<SyncStateRow> syncStates(const QString &sessionId);
    // When the last complete pass of every kind had finished: the oldest of their
    // completedAt. Unset while some kind never completed.
    OptInt lastCompleteSyncAt(const QString &sessionId);

    // Keyset pages; pass the previous page's nextCursor. limit 0 means 50 (at most 500).
    std::optional<ContactPage> contacts(const ContactFilter &filter, const QString &cursor = {},
                                        int limit = 0);
    // Cached until the database changes. cap > 0: counts that must test every row (1-2
    // character texts) stop at cap and say exact = false.
    std::optional<ContactCount> countContacts(const ContactFilter &filter, qint64 cap = 0);
    QString lastContactPlan() const { return m_search.lastPlan(); }
    ContactSearch &search() { return m_search; }

    // listContacts as the gateway answers it: one filter (groupJid, else source "dm": a direct
    // chat, else source "group": a membership in this session), the text, in row order (the
    // order the sync stored the gateway's pages in) after the row id afterId. nextCursor is
    // the last row id whenever the page is full, so a list ends on a short or empty page.
    std::optional<ContactPage> gatewayContacts(const QString &sessionId, const ContactQuery &query,
                                               qint64 afterId, int limit);

    // One contact with every group it is in (name, JID, role, tag, last seen): the shape of
    // getContact. nullopt and an empty lastError() when the cache does not have it.
    std::optional<CachedContactDetail> contact(const QString &sessionId, const QString &lid);
    // In how many groups each of these contacts was seen (a page's worth: one indexed lookup
    // per LID). LIDs in no group are left out.
    std::optional<QHash<QString, int>> groupCounts(const QString &sessionId,
                                                   const QStringList &lids);

    // The session's groups by subject, with how many memberships are stored for each.
    std::optional<QList<CachedGroup>> groups(const QString &sessionId);
    std::optional<CachedGroup> group(const QString &sessionId, const QString &groupJid);
    // Owner first, then admins, then members, each by name.
    std::optional<QList<CachedMember>> members(const QString &sessionId, const QString &groupJid);

private:
    // A named parameter (":id") and its value.
    using Bind = std::pair<std::string_view, QVariant>;

    bool fail(const QString &error);
    // The statement for sql with binds applied, ready for next(); nullptr (and lastError())
    // when SQLite rejects the SQL. Clears lastError().
    RowStatement *run(const QString &sql, std::initializer_list<Bind> binds);
    // The session's groups, or (oneGroup) the one whose JID is bound to :jid.
    std::optional<QList<CachedGroup>> readGroups(bool oneGroup, std::initializer_list<Bind> binds);

    CacheDatabase &m_db;
    ContactSearch m_search;
    QString m_error;
    // The statements run() used, by the address of their SQL text. The SQL here is
    // QStringLiteral or function-static text, whose address stays the same: finding a
    // statement costs a pointer lookup and one compare instead of hashing the whole text
    // (CacheDatabase::rowStatement) on every request. An entry keeps its text alive, so no
    // other text can take that address meanwhile.
    QHash<const QChar *, std::pair<QString, RowStatement *>> m_statements;
};
