#include "gateway/GatewayJson.h"

#include "gateway/JsonFieldReader.h"

#include <QJsonArray>

namespace GatewayJson {

namespace {

template <typename T, typename Fill>
std::optional<T> decodeObject(const QJsonValue &value, QString *error, const QString &path,
                              Fill fill)
{
    if (!value.isObject()) {
        if (error)
            *error = QStringLiteral("%1 is not an object").arg(path);
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    JsonFieldReader r(object, path);
    T out;
    fill(r, out);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return out;
}

// The list envelope: data is required but may be null (an empty list); nextCursor absent, "" or
// null all mean "no more pages".
template <typename T, typename Decode>
std::optional<Page<T>> decodePage(const QJsonValue &value, QString *error, Decode decode)
{
    if (!value.isObject()) {
        if (error)
            *error = QStringLiteral("$ is not an object");
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    const QJsonValue data = object.value(QLatin1String("data"));
    if (data.isUndefined()) {
        if (error)
            *error = QStringLiteral("$.data is missing");
        return std::nullopt;
    }
    if (!data.isArray() && !data.isNull()) {
        if (error)
            *error = QStringLiteral("$.data is not an array");
        return std::nullopt;
    }
    Page<T> page;
    const QJsonArray items = data.toArray();
    page.items.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        std::optional<T> item = decode(items.at(i), error, QStringLiteral("$.data[%1]").arg(i));
        if (!item)
            return std::nullopt;
        page.items.append(std::move(*item));
    }
    const QJsonValue cursor = object.value(QLatin1String("nextCursor"));
    if (cursor.isString())
        page.nextCursor = cursor.toString();
    else if (!cursor.isNull() && !cursor.isUndefined()) {
        if (error)
            *error = QStringLiteral("$.nextCursor is not a string");
        return std::nullopt;
    }
    return page;
}

// The code the contract pairs with a status, for error answers that lack the envelope.
QString codeForStatus(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("validation_error");
    case 401:
        return QStringLiteral("unauthorized");
    case 403:
        return QStringLiteral("forbidden");
    case 404:
        return QStringLiteral("not_found");
    case 409:
        return QStringLiteral("conflict");
    case 429:
        return QStringLiteral("rate_limited");
    case 501:
        return QStringLiteral("not_implemented");
    case 503:
        return QStringLiteral("gateway_unavailable");
    default:
        return QStringLiteral("internal");
    }
}

void putOptional(QJsonObject &o, const char *key, const OptString &v)
{
    if (v)
        o.insert(QLatin1String(key), *v);
}
void putOptional(QJsonObject &o, const char *key, const OptInt &v)
{
    if (v)
        o.insert(QLatin1String(key), double(*v));
}
void putOptional(QJsonObject &o, const char *key, const OptBool &v)
{
    if (v)
        o.insert(QLatin1String(key), *v);
}

} // namespace

std::optional<WaSession> toSession(const QJsonValue &value, QString *error, const QString &path)
{
    return decodeObject<WaSession>(value, error, path, [](JsonFieldReader &r, WaSession &s) {
        s.id = r.requiredString("id");
        s.organizationId = r.requiredString("organizationId");
        s.gatewayId = r.requiredString("gatewayId");
        s.status = r.requiredString("status");
        s.isAdminSession = r.requiredBool("isAdminSession");
        s.autoRead = r.requiredBool("autoRead");
        s.presenceTyping = r.requiredBool("presenceTyping");
        s.ratePerMin = r.requiredInt("ratePerMin");
        s.ratePerHour = r.requiredInt("ratePerHour");
        s.createdAt = r.requiredInt("createdAt");
        s.updatedAt = r.requiredInt("updatedAt");
        s.label = r.optionalString("label");
        s.phoneNumber = r.optionalString("phoneNumber");
        s.waJid = r.optionalString("waJid");
        s.waLid = r.optionalString("waLid");
        s.createdByUserId = r.optionalString("createdByUserId");
        s.lastConnectedAt = r.optionalInt("lastConnectedAt");
    });
}

std::optional<Contact> toContact(const QJsonValue &value, QString *error, const QString &path)
{
    return decodeObject<Contact>(value, error, path, [](JsonFieldReader &r, Contact &c) {
        c.lid = r.requiredString("lid");
        c.source = r.requiredString("source");
        c.name = r.optionalString("name");
        c.phoneNumber = r.optionalString("phoneNumber");
        c.businessName = r.optionalString("businessName");
    });
}

std::optional<Identity> toIdentity(const QJsonValue &value, QString *error, const QString &path)
{
    return decodeObject<Identity>(value, error, path, [](JsonFieldReader &r, Identity &i) {
        i.id = r.requiredInt("id");
        i.lid = r.requiredString("lid");
        i.firstSeenAt = r.requiredInt("firstSeenAt");
        i.updatedAt = r.requiredInt("updatedAt");
        i.name = r.optionalString("name");
        i.phoneNumber = r.optionalString("phoneNumber");
        i.phoneJid = r.optionalString("phoneJid");
        i.businessName = r.optionalString("businessName");
    });
}

std::optional<ContactGroup> toContactGroup(const QJsonValue &value, QString *error,
                                           const QString &path)
{
    return decodeObject<ContactGroup>(value, error, path, [](JsonFieldReader &r, ContactGroup &g) {
        g.jid = r.requiredString("jid");
        g.role = r.requiredString("role");
        g.lastSeen = r.requiredInt("lastSeen");
        g.name = r.optionalString("name");
        g.tag = r.optionalString("tag");
    });
}

std::optional<ContactDetail> toContactDetail(const QJsonValue &value, QString *error,
                                             const QString &path)
{
    if (!value.isObject()) {
        if (error)
            *error = QStringLiteral("%1 is not an object").arg(path);
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    JsonFieldReader r(object, path);
    ContactDetail d;
    d.dm = r.requiredBool("dm");
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    const QJsonValue groups = object.value(QLatin1String("groups"));
    if (!groups.isArray() && !groups.isNull() && !groups.isUndefined()) {
        if (error)
            *error = QStringLiteral("%1.groups is not an array").arg(path);
        return std::nullopt;
    }
    const QJsonArray list = groups.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        auto g = toContactGroup(list.at(i), error,
                                QStringLiteral("%1.groups[%2]").arg(path).arg(i));
        if (!g)
            return std::nullopt;
        d.groups.append(std::move(*g));
    }
    const QJsonValue identity = object.value(QLatin1String("identity"));
    if (!identity.isUndefined() && !identity.isNull()) {
        d.identity = toIdentity(identity, error, path + QStringLiteral(".identity"));
        if (!d.identity)
            return std::nullopt;
    }
    return d;
}

std::optional<Group> toGroup(const QJsonValue &value, QString *error, const QString &path)
{
    return decodeObject<Group>(value, error, path, [](JsonFieldReader &r, Group &g) {
        g.id = r.requiredInt("id");
        g.groupJid = r.requiredString("groupJid");
        g.firstSeenAt = r.requiredInt("firstSeenAt");
        g.updatedAt = r.requiredInt("updatedAt");
        g.subject = r.optionalString("subject");
        g.description = r.optionalString("description");
        g.ownerJid = r.optionalString("ownerJid");
        g.isAnnounce = r.optionalBool("isAnnounce");
        g.isLocked = r.optionalBool("isLocked");
        g.participantCount = r.optionalInt("participantCount");
        g.createdAtWa = r.optionalInt("createdAtWa");
    });
}

std::optional<GroupMember> toGroupMember(const QJsonValue &value, QString *error,
                                         const QString &path)
{
    return decodeObject<GroupMember>(value, error, path, [](JsonFieldReader &r, GroupMember &m) {
        m.id = r.requiredInt("id");
        m.sessionId = r.requiredString("sessionId");
        m.groupJid = r.requiredString("groupJid");
        m.lid = r.requiredString("lid");
        m.role = r.requiredString("role");
        m.firstSeenAt = r.requiredInt("firstSeenAt");
        m.lastSeenAt = r.requiredInt("lastSeenAt");
        m.tag = r.optionalString("tag");
    });
}

std::optional<ProfilePicture> toProfilePicture(const QJsonValue &value, QString *error,
                                               const QString &path)
{
    return decodeObject<ProfilePicture>(value, error, path,
                                        [](JsonFieldReader &r, ProfilePicture &p) {
                                            p.id = r.optionalString("id");
                                            p.url = r.optionalString("url");
                                        });
}

std::optional<QString> toAbout(const QJsonValue &value, QString *error, const QString &path)
{
    return decodeObject<QString>(value, error, path, [](JsonFieldReader &r, QString &about) {
        about = r.requiredString("about");
    });
}

std::optional<RealtimeTicket> toRealtimeTicket(const QJsonValue &value, QString *error,
                                               const QString &path)
{
    return decodeObject<RealtimeTicket>(
        value, error, path, [](JsonFieldReader &r, RealtimeTicket &t) {
            t.ticket = r.requiredString("ticket");
            t.expiresInSeconds = r.requiredInt("expiresInSeconds");
            const QString url = r.requiredString("url");
            if (!r.ok())
                return;
            t.url = QUrl(url, QUrl::StrictMode);
            const QString scheme = t.url.scheme();
            if (t.ticket.isEmpty())
                r.fail(QStringLiteral("%1.ticket is empty").arg(r.path()));
            else if (!t.url.isValid() || t.url.host().isEmpty()
                     || (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")))
                r.fail(QStringLiteral("%1.url is not a ws:// or wss:// URL").arg(r.path()));
        });
}

QJsonObject fromRealtimeTicketRequest(const RealtimeTicketRequest &request)
{
    QJsonObject o{{QStringLiteral("scope"), request.scope}};
    if (!request.session.isEmpty())
        o.insert(QStringLiteral("session"), request.session);
    if (!request.events.isEmpty())
        o.insert(QStringLiteral("events"), QJsonArray::fromStringList(request.events));
    if (!request.since.isEmpty())
        o.insert(QStringLiteral("since"), request.since);
    return o;
}

void readErrorEnvelope(const QByteArray &body, GatewayError *e)
{
    const QJsonObject envelope =
        QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    e->code = envelope.value(QLatin1String("code")).toString();
    e->message = envelope.value(QLatin1String("message")).toString().left(1000);
    e->details = envelope.value(QLatin1String("details")).toObject();
    if (e->code.isEmpty()) {
        e->code = codeForStatus(e->httpStatus);
        e->message =
            QStringLiteral("HTTP %1 without the gateway's error envelope").arg(e->httpStatus);
    }
}

std::optional<Page<WaSession>> toSessionPage(const QJsonValue &value, QString *error)
{
    return decodePage<WaSession>(value, error, &toSession);
}

std::optional<Page<Contact>> toContactPage(const QJsonValue &value, QString *error)
{
    return decodePage<Contact>(value, error, &toContact);
}

std::optional<Page<Group>> toGroupPage(const QJsonValue &value, QString *error)
{
    return decodePage<Group>(value, error, &toGroup);
}

std::optional<Page<GroupMember>> toGroupMemberPage(const QJsonValue &value, QString *error)
{
    return decodePage<GroupMember>(value, error, &toGroupMember);
}

QJsonObject fromSession(const WaSession &s)
{
    QJsonObject o{{QStringLiteral("id"), s.id},
                  {QStringLiteral("organizationId"), s.organizationId},
                  {QStringLiteral("gatewayId"), s.gatewayId},
                  {QStringLiteral("status"), s.status},
                  {QStringLiteral("isAdminSession"), s.isAdminSession},
                  {QStringLiteral("autoRead"), s.autoRead},
                  {QStringLiteral("presenceTyping"), s.presenceTyping},
                  {QStringLiteral("ratePerMin"), double(s.ratePerMin)},
                  {QStringLiteral("ratePerHour"), double(s.ratePerHour)},
                  {QStringLiteral("createdAt"), double(s.createdAt)},
                  {QStringLiteral("updatedAt"), double(s.updatedAt)}};
    putOptional(o, "label", s.label);
    putOptional(o, "phoneNumber", s.phoneNumber);
    putOptional(o, "waJid", s.waJid);
    putOptional(o, "waLid", s.waLid);
    putOptional(o, "createdByUserId", s.createdByUserId);
    putOptional(o, "lastConnectedAt", s.lastConnectedAt);
    return o;
}

QJsonObject fromContact(const Contact &c)
{
    QJsonObject o{{QStringLiteral("lid"), c.lid}, {QStringLiteral("source"), c.source}};
    putOptional(o, "name", c.name);
    putOptional(o, "phoneNumber", c.phoneNumber);
    putOptional(o, "businessName", c.businessName);
    return o;
}

QJsonObject fromIdentity(const Identity &i)
{
    QJsonObject o{{QStringLiteral("id"), double(i.id)},
                  {QStringLiteral("lid"), i.lid},
                  {QStringLiteral("firstSeenAt"), double(i.firstSeenAt)},
                  {QStringLiteral("updatedAt"), double(i.updatedAt)}};
    putOptional(o, "name", i.name);
    putOptional(o, "phoneNumber", i.phoneNumber);
    putOptional(o, "phoneJid", i.phoneJid);
    putOptional(o, "businessName", i.businessName);
    return o;
}

QJsonObject fromContactGroup(const ContactGroup &g)
{
    QJsonObject o{{QStringLiteral("jid"), g.jid},
                  {QStringLiteral("role"), g.role},
                  {QStringLiteral("lastSeen"), double(g.lastSeen)}};
    putOptional(o, "name", g.name);
    putOptional(o, "tag", g.tag);
    return o;
}

QJsonObject fromContactDetail(const ContactDetail &d)
{
    QJsonArray groups;
    for (const ContactGroup &g : d.groups)
        groups.append(fromContactGroup(g));
    QJsonObject o{{QStringLiteral("dm"), d.dm}, {QStringLiteral("groups"), groups}};
    if (d.identity)
        o.insert(QStringLiteral("identity"), fromIdentity(*d.identity));
    return o;
}

QJsonObject fromGroup(const Group &g)
{
    QJsonObject o{{QStringLiteral("id"), double(g.id)},
                  {QStringLiteral("groupJid"), g.groupJid},
                  {QStringLiteral("firstSeenAt"), double(g.firstSeenAt)},
                  {QStringLiteral("updatedAt"), double(g.updatedAt)}};
    putOptional(o, "subject", g.subject);
    putOptional(o, "description", g.description);
    putOptional(o, "ownerJid", g.ownerJid);
    putOptional(o, "isAnnounce", g.isAnnounce);
    putOptional(o, "isLocked", g.isLocked);
    putOptional(o, "participantCount", g.participantCount);
    putOptional(o, "createdAtWa", g.createdAtWa);
    return o;
}

QJsonObject fromGroupMember(const GroupMember &m)
{
    QJsonObject o{{QStringLiteral("id"), double(m.id)},
                  {QStringLiteral("sessionId"), m.sessionId},
                  {QStringLiteral("groupJid"), m.groupJid},
                  {QStringLiteral("lid"), m.lid},
                  {QStringLiteral("role"), m.role},
                  {QStringLiteral("firstSeenAt"), double(m.firstSeenAt)},
                  {QStringLiteral("lastSeenAt"), double(m.lastSeenAt)}};
    putOptional(o, "tag", m.tag);
    return o;
}

} // namespace GatewayJson
