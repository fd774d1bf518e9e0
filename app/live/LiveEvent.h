#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// One event of the gateway's realtime feed (an envelope of openapi.yaml's webhooks.event
// schemas), with the payload fields the console uses. Fields a payload leaves out are
// nullopt (or empty lists): "unchanged", never "cleared".
struct LiveEvent {
    QString id;    // the resume cursor (`since`)
    QString event; // contact.update, group.update, group.participant, session.status, ...
    QString session;
    QString organization;
    qint64 timestamp = 0; // epoch ms
    QByteArray raw;       // the envelope exactly as received, to pass on byte for byte

    // contact.update
    QString jid; // the LID or the phone JID
    std::optional<QString> pushName;
    std::optional<QString> fullName;
    std::optional<QString> firstName;

    // group.update, group.participant
    QString groupJid;
    std::optional<QString> subject;
    std::optional<QString> description;
    std::optional<bool> isAnnounce;
    std::optional<bool> isLocked;
    QStringList join;
    QStringList leave;
    QStringList promote;
    QStringList demote;

    // session.status
    QString status;

    bool isContactUpdate() const { return event == QLatin1String("contact.update"); }
    bool isGroupEvent() const
    {
        return event == QLatin1String("group.update")
            || event == QLatin1String("group.participant");
    }
    bool isSessionStatus() const { return event == QLatin1String("session.status"); }
    // The name the contact is listed under after this update: the address book's full name
    // first, then the push name, then the first name.
    std::optional<QString> displayName() const;
};

// One text frame of the realtime WebSocket.
struct LiveFrame {
    enum class Kind {
        Connected, // heartbeatSeconds, timestamp
        Ping,      // timestamp
        Event,     // event: any envelope, kinds the console has no use for (auth.qr) included
    };
    Kind kind = Kind::Ping;
    qint64 timestamp = 0;
    int heartbeatSeconds = 0;
    LiveEvent event;
};

namespace LiveFrames {

// Frames larger than this are refused unread.
constexpr qint64 kMaxFrameBytes = 1024 * 1024;

// Parses one frame; nullopt and *error (a sentence with the JSON path) when it is not JSON,
// not an object, or breaks the contract (an envelope without id, a payload of the wrong
// shape, a list of JIDs that holds something else).
std::optional<LiveFrame> parse(const QByteArray &frame, QString *error);

} // namespace LiveFrames

Q_DECLARE_METATYPE(LiveEvent)
