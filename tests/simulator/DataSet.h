#pragma once

#include "Ids.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <vector>

// The simulator's stored data: orgs, sessions, contacts, groups and memberships. Rows are small
// fixed structs of indexes and flags (a million contacts fit in ~16 MB); every string is built
// on demand from the seed and the word pools (DataText.cpp).
namespace sim {

constexpr qint64 kDataEpoch = 1672531200; // 2023-01-01T00:00:00Z: first sighting of anything
constexpr qint64 kDataNow = 1751328000;   // 2025-07-01T00:00:00Z: "now" of the generated data
constexpr quint16 kNone = 0xFFFF;

struct Contact {
    enum Flag : quint8 {
        HasName = 1,
        HasPhone = 2,
        Dm = 4,
        Business = 8,
        Removed = 16
    };
    quint32 firstSeen = 0; // unix seconds
    quint32 updated = 0;
    quint16 session = 0;
    quint16 first = kNone; // pools::firstNames()
    quint16 last = kNone;  // pools::lastNames()
    quint8 deco = 0;       // low nibble: honorific, high nibble: emoji
    quint8 flags = 0;
    bool has(Flag f) const { return flags & f; }
};

struct Group {
    enum Flag : quint16 {
        HasSubject = 1,
        HasDescription = 2,
        HasOwner = 4,
        AnnounceKnown = 8,
        Announce = 16,
        LockedKnown = 32,
        Locked = 64,
        HasCreated = 128,
        CountKnown = 256,
    };
    quint32 firstSeen = 0, updated = 0, createdWa = 0; // unix seconds
    quint32 memBegin = 0, memEnd = 0;                  // its memberships, sorted by contact index
    quint32 liveMembers = 0;
    quint16 session = 0;
    quint16 flags = 0;
    quint16 subject = 0;
    quint16 description = 0;
    quint8 subjectNumber = 0;
    bool has(Flag f) const { return flags & f; }
};

struct Membership {
    enum Role : quint8 {
        Member,
        Admin,
        SuperAdmin
    };
    enum Tag : quint8 {
        NoTag,
        NameTag,
        PhoneTag
    };
    quint32 group = 0, contact = 0;
    quint32 firstSeen = 0, lastSeen = 0; // unix seconds
    quint8 role = Member;
    quint8 tag = NoTag;
    bool removed = false;
};

struct Org {
    QString id;
    bool foreign = false;
};

struct Session {
    QString id;
    int org = 0;
    QString status;
    int label = -1; // pools::sessionLabels(), -1: no label
    int gateway = 0;
    QString createdBy;                                        // empty: created by an api-key
    qint64 createdAt = 0, updatedAt = 0, lastConnectedAt = 0; // ms, 0: never connected
    bool admin = false, autoRead = false, presenceTyping = true;
    int ratePerMin = 20, ratePerHour = 600;

    quint32 contactBegin = 0, contactEnd = 0;
    QList<quint32> extraContacts; // added by mutations, ascending, all above contactEnd
    quint32 groupBegin = 0, groupEnd = 0;
    qint64 liveContacts = 0, liveMemberships = 0;
    QSet<quint32> blocked;
    quint32 mutations = 0;
};

// What realtime events changed that the generated rows cannot express: free text, ids of
// contacts first seen in an event, memberships added after generation (Events.cpp).
struct Overlay {
    QHash<quint32, QString> contactName;                 // contact -> name
    QHash<quint32, QByteArray> contactLid, contactPhone; // contact -> digits
    QHash<QByteArray, quint32> lidContact, phoneContact; // key(digits, session) -> contact
    QHash<quint32, QString> groupSubject, groupDescription;
    QHash<quint32, QList<quint32>> groupMembers;   // group -> added memberships, by contact
    QHash<quint32, QList<quint32>> contactMembers; // contact -> added memberships

    // The same person may turn up in several sessions, each with a contact row of its own.
    static QByteArray key(QByteArrayView digits, int session)
    {
        return digits.toByteArray() + ':' + QByteArray::number(session);
    }
};

struct GenParams {
    quint64 seed = 1;
    int sessions = 2, foreignSessions = 1, disconnected = 0;
    qint64 contacts = 500, groups = 20, members = 1500;
};

class DataSet
{
public:
    explicit DataSet(const GenParams &params); // generates everything (DataGenerator.cpp)

    quint64 seed() const { return m_seed; }
    const Ids &ids() const { return m_ids; }

    QList<Org> orgs;
    QList<Session> sessions;
    std::vector<Contact> contacts;
    std::vector<Group> groups;
    std::vector<Membership> memberships;
    std::vector<quint32> contactMemOffsets; // CSR: memberships of contact i are
    std::vector<quint32> contactMems;       // contactMems[offsets[i] .. offsets[i+1])

    static const QStringList &statuses();
    static bool isPaired(const QString &status);

    int sessionIndex(const QString &id) const { return m_sessionIndex.value(id, -1); }

    // Lookups inside one session; -1 when absent or removed.
    qint64 contactByLidDigits(int session, QByteArrayView digits) const;
    qint64 contactByPhone(int session, QByteArrayView digits) const;
    qint64 groupByDigits(int session, QByteArrayView digits) const;
    bool isLive(qint64 contact, int session) const;
    // Memberships of a contact (removed ones included; callers skip them): the generated ones,
    // then those added later by events.
    std::pair<const quint32 *, const quint32 *> membershipsOf(quint32 contact) const;
    const QList<quint32> &addedMembershipsOf(quint32 contact) const;
    const QList<quint32> &addedMembersOf(quint32 group) const; // ascending contact

    // Text, built on demand (DataText.cpp).
    int cultureOf(quint32 contact) const;
    int phonePlanOf(quint32 contact) const;
    QByteArray lid(quint32 contact) const;   // "...@lid"
    QByteArray phone(quint32 contact) const; // digits, empty when unknown
    void appendName(QString &out, quint32 contact) const;
    QString name(quint32 contact) const; // empty when unknown
    QString businessName(quint32 contact) const;
    QByteArray groupJid(quint32 group) const; // "...@g.us"
    QString groupSubject(quint32 group) const;
    QString groupDescription(quint32 group) const;
    QByteArray groupOwnerJid(quint32 group) const; // empty when unknown
    QString memberTag(quint32 membership) const;   // empty when absent
    QString about(quint32 contact) const;
    QString pictureUrl(quint32 contact, QByteArray *id) const; // empty: no picture

    // A fresh contact row for index i of a session (also used by mutations).
    Contact makeContact(quint32 i, int session, bool dmOnly) const;
    void renameContact(quint32 contact, quint64 variant, qint64 nowSec);

    Overlay overlay;

private:
    quint64 m_seed;
    Ids m_ids;
    QHash<QString, int> m_sessionIndex;

    friend class DataGenerator;
};

} // namespace sim
