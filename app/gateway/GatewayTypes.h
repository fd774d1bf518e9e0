#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// Typed mirrors of the gateway's published schemas (../shared/gateway/openapi.yaml).
// Optional fields are std::optional: the gateway may send them as null or leave them out,
// and both mean "unknown". Timestamps are epoch milliseconds, as on the wire.

using OptString = std::optional<QString>;
using OptInt = std::optional<qint64>;
using OptBool = std::optional<bool>;

// WASession: one attached WhatsApp number.
struct WaSession {
    QString id;
    QString organizationId;
    QString gatewayId;
    QString status; // starting, scan_qr_code, working, failed, stopped, logged_out
    bool isAdminSession = false;
    bool autoRead = false;
    bool presenceTyping = false;
    qint64 ratePerMin = 0;
    qint64 ratePerHour = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    OptString label;
    OptString phoneNumber;
    OptString waJid;
    OptString waLid;
    OptString createdByUserId;
    OptInt lastConnectedAt;

    // Only "working" sessions can run live actions (block, unblock, picture, about).
    bool isConnected() const { return status == QLatin1String("working"); }
};

// Contact: a person this session found, in a DM or in a group.
struct Contact {
    QString lid;    // "205227043110953@lid", the stable key
    QString source; // "dm" or "group"
    OptString name;
    OptString phoneNumber;
    OptString businessName;
};

// Identity: the stored person behind a contact detail.
struct Identity {
    qint64 id = 0;
    QString lid;
    qint64 firstSeenAt = 0;
    qint64 updatedAt = 0;
    OptString name;
    OptString phoneNumber;
    OptString phoneJid;
    OptString businessName;
};

// ContactGroup: one group a contact was seen in, with their nickname (tag) and role there.
struct ContactGroup {
    QString jid;
    QString role; // member, admin, superadmin (shown as "Owner")
    qint64 lastSeen = 0;
    OptString name;
    OptString tag;
};

// ContactDetail: getContact's answer.
struct ContactDetail {
    bool dm = false;
    QList<ContactGroup> groups; // the wire may say null: that is an empty list here
    std::optional<Identity> identity;
};

struct Group {
    qint64 id = 0;
    QString groupJid;
    qint64 firstSeenAt = 0;
    qint64 updatedAt = 0;
    OptString subject;
    OptString description;
    OptString ownerJid;
    OptBool isAnnounce;
    OptBool isLocked;
    OptInt participantCount;
    OptInt createdAtWa;
};

struct GroupMember {
    qint64 id = 0;
    QString sessionId;
    QString groupJid;
    QString lid;
    QString role; // member, admin, superadmin
    qint64 firstSeenAt = 0;
    qint64 lastSeenAt = 0;
    OptString tag;
};

struct ProfilePicture {
    OptString id;
    OptString url;
};

// One page of a list answer. nextCursor is empty when there are no more pages (the wire
// may leave it out, send "" or null: all three mean the same).
template <typename T>
struct Page {
    QList<T> items;
    QString nextCursor;
    bool hasMore() const { return !nextCursor.isEmpty(); }
};

// listContacts' filters. Empty strings mean "no filter".
struct ContactQuery {
    QString text;     // q: case-insensitive search over name and number
    QString source;   // "dm", "group" or empty
    QString groupJid; // only members of this group
    int limit = 0;    // 0 = the gateway's default (50); clamped to 1..200 by it
    QString cursor;
};

// mintRealtimeTicket's request: organization scope (every session of the token's
// organization) unless a session is named; `since` resumes after that event id.
struct RealtimeTicketRequest {
    QString scope = QStringLiteral("organization"); // "organization" or "session"
    QString session;                                // only with scope "session"
    QStringList events;                             // empty: every event
    QString since;                                  // empty: no replay
};

// A single-use ticket for the realtime WebSocket; url already carries it.
struct RealtimeTicket {
    QString ticket;
    qint64 expiresInSeconds = 0;
    QUrl url;
};

Q_DECLARE_METATYPE(WaSession)
Q_DECLARE_METATYPE(Contact)
Q_DECLARE_METATYPE(ContactDetail)
Q_DECLARE_METATYPE(Group)
Q_DECLARE_METATYPE(GroupMember)
