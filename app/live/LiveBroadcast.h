#pragma once

#include "live/LiveEvent.h"

#include <QByteArray>
#include <QHash>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QString>

#include <deque>
#include <memory>
#include <optional>

// One event frame the console passes on to local apps: the envelope's bytes as they go on the
// wire, and what a subscriber filters on.
struct BroadcastFrame {
    quint64 seq = 0; // publication order, from 1; contiguous in the log
    QString id;      // the envelope's id: what a local client gives as `since`
    QString event;
    QString session;
    QByteArray json;
};

// The last frames published, oldest first, shared with the threads that replay them
// (every member is thread-safe). A frame whose id is kept already is refused: a gateway
// replay repeating an event does not reach local clients twice.
class LiveBroadcastLog
{
public:
    explicit LiveBroadcastLog(int capacity);

    // Assigns frame->seq; false (nothing kept) when its id is kept already.
    bool append(BroadcastFrame *frame);

    struct Replay {
        QList<BroadcastFrame> frames; // after `since`, oldest first
        quint64 lastSeq = 0;          // the newest kept now: later ones are still to come
    };
    // `since` empty: nothing to replay. An id no longer (or never) kept replays every frame
    // kept, as the gateway does for an unknown id.
    Replay after(const QString &since) const;
    quint64 lastSeq() const;
    int size() const;

private:
    const int m_capacity;
    mutable QMutex m_mutex;
    std::deque<BroadcastFrame> m_frames;
    QHash<QString, quint64> m_seqOfId;
    quint64 m_seq = 0;
};

// console.sync: a sync of one session started, finished, failed or was cancelled.
struct ConsoleSyncNote {
    enum class Phase {
        Started,
        Finished,
        Failed,
        Cancelled
    };
    QString session;
    Phase phase = Phase::Started;
    std::optional<qint64> contacts; // finished: what the cache now holds
    std::optional<qint64> groups;
    QString message; // failed, cancelled: for a person
};

// console.audit: one live action (block, unblock) and its result, as the audit log has it.
struct ConsoleAuditNote {
    QString session;
    QString action; // "block", "unblock"
    QString jid;
    QString result; // "ok" or the error's code
    QString requestId;
    QString origin; // "console", "local-api"
};

// The console's fan-out point for local apps: the realtime feed's envelopes (byte for byte)
// and the console's own console.sync / console.audit envelopes go through publish(), which
// keeps the last 1,000 in a log for replay (`since`) and emits published() for the local
// API's server thread (a queued connection: it fans out there).
//
// Ids: gateway envelopes keep the gateway's id; the console's own get "con_" + a monotonic
// ULID. A local client's `since` is any id it saw, of either kind: the log is ordered by
// publication, so the replay is what was published after that frame, whatever its kind.
//
//   LiveBroadcast broadcast;                     // owned by the composition root
//   connect(&feed, &RealtimeFeed::eventReceived, &broadcast,
//           qOverload<const LiveEvent &>(&LiveBroadcast::publish));
//   broadcast.publishSync({session, ConsoleSyncNote::Phase::Started});
class LiveBroadcast : public QObject
{
    Q_OBJECT
public:
    static constexpr int kLogCapacity = 1000; // the gateway's replay limit

    explicit LiveBroadcast(QObject *parent = nullptr);
    ~LiveBroadcast() override;

    // The "organization" of the console's own envelopes (left out while empty).
    void setOrganization(const QString &organization) { m_organization = organization; }

    // One event envelope, exactly as it goes on the wire. False, nothing published, when it is
    // not a JSON object with a non-empty string id, event and session, or its id was
    // published already.
    bool publish(const QByteArray &frame);
    // A parsed gateway event: its raw envelope (LiveEvent::raw) is sent unchanged.
    bool publish(const LiveEvent &event);
    // Builds and publishes the console's own envelopes; returns the id.
    QString publishSync(const ConsoleSyncNote &note);
    QString publishAudit(const ConsoleAuditNote &note);

    // The envelopes, as publishSync/publishAudit send them (gateway shape:
    // {"schema":"v1","id","event","session","organization"?,"timestamp","payload"}).
    // Each call makes a new id (given in *id when asked).
    QByteArray syncEnvelope(const ConsoleSyncNote &note, QString *id = nullptr);
    QByteArray auditEnvelope(const ConsoleAuditNote &note, QString *id = nullptr);
    static QString phaseName(ConsoleSyncNote::Phase phase);

    std::shared_ptr<const LiveBroadcastLog> log() const { return m_log; }

Q_SIGNALS:
    void published(const BroadcastFrame &frame);

private:
    bool publishFrame(BroadcastFrame frame);
    QString nextId();
    QByteArray envelope(const QString &event, const QString &session, const QByteArray &payload,
                        QString *id);

    std::shared_ptr<LiveBroadcastLog> m_log;
    QString m_organization;
    qint64 m_lastIdMs = 0;
    quint64 m_idHi = 0;
    quint64 m_idLo = 0;
};

Q_DECLARE_METATYPE(BroadcastFrame)
