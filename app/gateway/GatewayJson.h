#pragma once

#include "gateway/GatewayError.h"
#include "gateway/GatewayTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <optional>

// Decoders from the gateway's JSON to the typed structs, and encoders back (the local API
// serves the same shapes). Decoders never throw or crash on hostile input: they return
// std::nullopt and say what was wrong, with the JSON path, in *error.
// Encoders leave unknown optional fields out, as the published schemas expect.
namespace GatewayJson {

std::optional<WaSession> toSession(const QJsonValue &value, QString *error,
                                   const QString &path = QStringLiteral("$"));
std::optional<Contact> toContact(const QJsonValue &value, QString *error,
                                 const QString &path = QStringLiteral("$"));
std::optional<Identity> toIdentity(const QJsonValue &value, QString *error,
                                   const QString &path = QStringLiteral("$"));
std::optional<ContactGroup> toContactGroup(const QJsonValue &value, QString *error,
                                           const QString &path = QStringLiteral("$"));
std::optional<ContactDetail> toContactDetail(const QJsonValue &value, QString *error,
                                             const QString &path = QStringLiteral("$"));
std::optional<Group> toGroup(const QJsonValue &value, QString *error,
                             const QString &path = QStringLiteral("$"));
std::optional<GroupMember> toGroupMember(const QJsonValue &value, QString *error,
                                         const QString &path = QStringLiteral("$"));
std::optional<ProfilePicture> toProfilePicture(const QJsonValue &value, QString *error,
                                               const QString &path = QStringLiteral("$"));
std::optional<QString> toAbout(const QJsonValue &value, QString *error,
                               const QString &path = QStringLiteral("$"));

// mintRealtimeTicket's 201 answer; the url must be ws:// or wss:// (GatewayClient then
// checks that it points at the gateway's own host and port).
std::optional<RealtimeTicket> toRealtimeTicket(const QJsonValue &value, QString *error,
                                               const QString &path = QStringLiteral("$"));

// The error envelope {"error": {"code", "message", "details"}} of an answer with an error
// status: fills e's code, message (at most 1000 characters) and details from body. Without a
// usable envelope (a proxy's HTML 502, say) the code is the contract's one for e->httpStatus.
void readErrorEnvelope(const QByteArray &body, GatewayError *e);

std::optional<Page<WaSession>> toSessionPage(const QJsonValue &value, QString *error);
std::optional<Page<Contact>> toContactPage(const QJsonValue &value, QString *error);
std::optional<Page<Group>> toGroupPage(const QJsonValue &value, QString *error);
std::optional<Page<GroupMember>> toGroupMemberPage(const QJsonValue &value, QString *error);

QJsonObject fromSession(const WaSession &s);
QJsonObject fromContact(const Contact &c);
QJsonObject fromIdentity(const Identity &i);
QJsonObject fromContactGroup(const ContactGroup &g);
QJsonObject fromContactDetail(const ContactDetail &d);
QJsonObject fromGroup(const Group &g);
QJsonObject fromGroupMember(const GroupMember &m);
// The body of POST /api/v1/realtime/ticket: empty fields left out.
QJsonObject fromRealtimeTicketRequest(const RealtimeTicketRequest &request);

// {"data": [...], "nextCursor": "..."} with nextCursor left out on the last page.
template <typename T, typename Encoder>
QJsonObject fromPage(const Page<T> &page, Encoder encode)
{
    QJsonArray data;
    for (const T &item : page.items)
        data.append(encode(item));
    QJsonObject out{{QStringLiteral("data"), data}};
    if (page.hasMore())
        out.insert(QStringLiteral("nextCursor"), page.nextCursor);
    return out;
}

} // namespace GatewayJson
