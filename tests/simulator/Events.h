#pragma once

#include "HttpResponse.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// The changes realtime events describe, applied to the stored data so later REST reads show
// them (POST /_sim/events and the --events-per-second stream). Each kind takes the payload of
// its schema in the contract and publishes the same payload:
//   contact.update     {jid, pushName?, fullName?, firstName?}: the contact's name becomes the
//                      first of fullName, pushName, firstName given (the address book wins).
//   group.update       {groupJid, subject?, description?, isAnnounce?, isLocked?, sender?}
//   group.participant  {groupJid, join?, leave?, promote?, demote?, sender?}: JID lists; a
//                      join of a JID the session does not know creates a contact (source group)
//   session.status     {status}
// A JID is a LID (…@lid) or a phone JID (…@s.whatsapp.net). Checks run before any change:
// malformed input is 400, an unknown contact, group or (for leave/promote/demote) member 404.
namespace sim {

class DataSet;

struct EventChange {
    QByteArray event;   // the event name
    QByteArray payload; // the JSON payload to publish
};

// False with *error set when nothing was changed.
bool applyEvent(DataSet &d, int session, const QString &event, const QJsonObject &payload,
                qint64 nowMs, EventChange *out, Response *error);

const QStringList &eventNames();

} // namespace sim
