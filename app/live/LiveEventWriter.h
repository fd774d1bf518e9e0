#pragma once

#include "cache/WriteContext.h"
#include "live/LiveEvent.h"

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

class CacheDatabase;

// A (session id, LID or group JID) pair.
using SessionItem = QPair<QString, QString>;

// What one batch of realtime events changed in the cache, for the models to refresh in
// place, and what the caller still has to fetch.
struct LiveChanges {
    QString lastEventId; // the resume point now stored in the cache
    qint64 lastEventAt = 0;
    int applied = 0;           // events that changed something
    int ignored = 0;           // kinds the cache does not mirror, unknown sessions, no-op payloads
    QStringList sessions;      // any change in these sessions
    QStringList sessionStatus; // sessions whose status changed
    QList<SessionItem> contacts; // contacts whose name or memberships changed
    QList<SessionItem> groups;   // groups whose fields or members changed
    // LIDs first seen in a `join`: fetch them with getContact and store the answer with
    // CacheWriter::storeContactDetail.
    QList<SessionItem> contactsToFetch;
    // Groups a phone JID joined or left that the cache cannot map to a LID: their members
    // need listing again.
    QList<SessionItem> groupsToResync;

    bool isEmpty() const { return lastEventId.isEmpty(); }
};

// Applies realtime events to a profile's cache, on the ReadWrite connection's own thread
// (a BackgroundWriter job, see LiveApplier): contact names (the name and the search index's
// queue, through the same triggers a sync's change fires), memberships joined and left,
// roles promoted (admin) and demoted (member), group subject, description and flags, and
// session status. Each batch is one transaction that also stores the last event id
// (CacheMeta::kLiveLastEventId), so a restart resumes where the cache is.
//
// Applying an event twice leaves the same rows: the replay after a reconnect is harmless.
class LiveEventWriter
{
public:
    explicit LiveEventWriter(CacheDatabase &db);

    // nullopt and lastError() when the batch could not be written (nothing was).
    std::optional<LiveChanges> apply(const QList<LiveEvent> &events);
    QString lastError() const { return m_ctx.lastError(); }

    // The stored resume point, empty when none; nullopt when it cannot be read.
    static std::optional<QString> lastEventId(CacheDatabase &db, QString *error);

private:
    bool applyOne(const LiveEvent &event, LiveChanges &changes);
    std::optional<bool> applyContact(qint64 sid, const LiveEvent &event, LiveChanges &changes);
    std::optional<bool> applyGroup(qint64 sid, const LiveEvent &event, LiveChanges &changes);
    std::optional<bool> applyGroupFields(qint64 sid, const LiveEvent &event);
    std::optional<bool> applyMembers(qint64 sid, const LiveEvent &event, LiveChanges &changes);
    std::optional<bool> applyStatus(qint64 sid, const LiveEvent &event);
    // The LID behind a JID: itself for a LID, the contact's for a known phone JID, else empty.
    std::optional<QString> lidOf(qint64 sid, const QString &jid);
    std::optional<bool> knowsContact(qint64 sid, const QString &lid);
    bool setRole(qint64 sid, const QString &group, const QString &lid, const QString &role,
                 bool overwrite, qint64 at);
    bool removeMember(qint64 sid, const QString &group, const QString &lid);
    std::optional<qint64> generation(qint64 sid, SyncKind kind);

    WriteContext m_ctx;
};

Q_DECLARE_METATYPE(LiveChanges)
