#pragma once

#include "gateway/GatewayTypes.h"

#include <QList>
#include <QString>

#include <optional>

// What the cache hands out beyond GatewayTypes.h: every row carries syncedAt, the epoch ms it
// was last confirmed by the gateway, for freshness display.

enum class SyncKind {
    Contacts,
    Groups,
    Members
};
QString syncKindName(SyncKind kind); // "contacts", "groups", "members"

// One pass over one kind of a session's data, from CacheWriter::beginPass.
struct SyncPass {
    QString sessionId;
    SyncKind kind = SyncKind::Contacts;
    qint64 generation = 0;
    QString resumeCursor; // where an interrupted pass stopped; empty for a fresh pass
    bool resumed = false;
    // The session had rows of this kind when the pass began (or the pass resumed): finishing
    // sweeps those the pass did not stamp. A fresh pass over none (a first sync) skips that
    // scan of the table: every row written meanwhile carries its generation.
    bool mayFindOlderRows = true;
    // A session's first members pass: its tags are indexed when it ends (or fails), none
    // while it runs (SearchQueue::releaseTags()).
    bool tagsWaitForEnd = false;
};

// sync_state of (session, kind).
struct SyncStateRow {
    SyncKind kind = SyncKind::Contacts;
    qint64 generation = 0;         // last pass begun
    qint64 completeGeneration = 0; // last pass that finished; 0 = never
    QString status;                // idle, running, complete, failed
    QString cursor;                // resume point of a running or failed pass
    qint64 itemsStored = 0;        // rows stored by the current (or last) pass
    OptInt startedAt;
    OptInt finishedAt;  // last pass ended, complete or not
    OptInt completedAt; // last complete pass ended: the freshness shown
    OptString error;
    OptString requestId;
};

struct CachedSession {
    WaSession session;
    bool listed = false; // came from listSessions/getSession (false: added by hand)
    OptInt syncedAt;
};

struct CachedContact {
    qint64 rowId = 0; // the cache's own id
    Contact contact;  // lid, source, name, phoneNumber, businessName
    // From getContact (absent until a detail was stored):
    OptString phoneJid;
    OptInt identityId;
    OptInt firstSeenAt;
    OptInt updatedAt;
    OptInt detailSyncedAt;
    qint64 syncedAt = 0;
};

struct CachedContactDetail {
    CachedContact contact;
    ContactDetail detail; // dm, groups (name, jid, tag, role, lastSeen), identity
};

struct CachedGroup {
    Group group;
    qint64 memberCount = 0; // memberships stored for it
    qint64 syncedAt = 0;
};

struct CachedMember {
    GroupMember member;
    // The member's contact row, when the cache has one:
    OptString name;
    OptString phoneNumber;
    OptString businessName;
    qint64 syncedAt = 0;
};

enum class ContactSource {
    Any,
    Dm,
    Group
};
enum class ContactSort {
    Name,
    Phone,
    Lid,
    Updated
};

// Which contacts, in which order. Text matches a substring of the name, phone number or
// business name, a prefix of the LID, or a substring of any of the contact's group tags;
// case, accents, width and phone formatting are ignored (SearchText).
struct ContactFilter {
    QString sessionId;
    QString text;
    ContactSource source = ContactSource::Any;
    QString groupJid; // only members of this group
    ContactSort sort = ContactSort::Name;
    Qt::SortOrder order = Qt::AscendingOrder;

    // listContacts' query as the local API receives it (source "dm" or "group").
    static ContactFilter fromQuery(const QString &sessionId, const ContactQuery &query);
};

// A page of contacts in filter order. Cursors are opaque; nextCursor is empty at the end.
struct ContactPage {
    QList<CachedContact> rows;
    QString nextCursor;
    bool hasMore() const { return !nextCursor.isEmpty(); }
};

struct ContactCount {
    qint64 value = 0;
    bool exact = true; // false: counting stopped at the cap, there are at least `value`
};

enum class AuditOrigin {
    Console,
    LocalApi
};

struct AuditEntry {
    qint64 id = 0; // set by the log
    qint64 at = 0; // epoch ms; 0 = now
    QString profile;
    QString sessionId;
    QString contact; // lid or jid
    QString action;  // e.g. "block", "unblock"
    QString result;  // e.g. "ok", an error code
    QString requestId;
    AuditOrigin origin = AuditOrigin::Console;
    QString detail;
};
