#include "Api.h"

#include "ApiJson.h"
#include "DataSet.h"
#include "Faults.h"
#include "Ids.h"
#include "JsonWriter.h"

#include <QDateTime>

namespace sim {

namespace {

Caps requiredCap(Op op)
{
    switch (op) {
    case Op::ListSessions:
    case Op::GetSession:
        return CapManage;
    case Op::BlockContact:
    case Op::UnblockContact:
        return CapSend;
    default:
        return CapRead;
    }
}

} // namespace

Api::Api(DataSet &data, const Auth &auth, Faults &faults)
    : m_data(data)
    , m_auth(auth)
    , m_faults(faults)
{
}

Response Api::handle(const ApiCall &call)
{
    const Route &r = call.route;
    if (r.op == Op::NoRoute)
        return errorResponse("not_found",
                             QStringLiteral("no route for %1 %2")
                                 .arg(QString::fromLatin1(call.method),
                                      QString::fromLatin1(call.encodedPath.left(200))));
    Principal who;
    QString problem;
    if (!m_auth.authenticate(call.authorization, call.apiKey, QDateTime::currentSecsSinceEpoch(),
                             &who, &problem))
        return errorResponse("unauthorized", problem);

    int s = -1;
    if (r.op != Op::ListSessions) {
        s = r.sessionOk ? m_data.sessionIndex(r.session) : -1;
        if (s < 0 || m_data.sessions[s].org != who.org) // another org's session looks absent
            return errorResponse("not_found", QStringLiteral("session not found"));
    }
    // Per session on session routes, per org elsewhere (as the gateway counts).
    const QString bucket = s >= 0 ? m_data.sessions[s].id : QStringLiteral("org:%1").arg(who.org);
    if (m_faults.rateLimited(bucket)) {
        Response rl = errorResponse(
            "rate_limited", QStringLiteral("too many requests for this session; slow down"));
        if (m_faults.config().retryAfter > 0)
            rl.header("Retry-After", QByteArray::number(m_faults.config().retryAfter));
        return rl;
    }
    const Caps need = requiredCap(r.op);
    if (!(who.caps & need))
        return errorResponse(
            "forbidden",
            QStringLiteral("this credential lacks the %1 capability").arg(capsToString(need)));
    if (!r.itemOk)
        return validationError(
            QStringLiteral("path parameter is not valid percent-encoded UTF-8"),
            {{QStringLiteral("path"), QStringLiteral("invalid encoding"), QString()}});
    if (!call.badQueryParam.isEmpty())
        return validationError(
            QStringLiteral("query parameter is not valid percent-encoded UTF-8"),
            {{QStringLiteral("query"), QStringLiteral("invalid encoding"), call.badQueryParam}});

    switch (r.op) {
    case Op::ListSessions:
        return listSessions(call, who);
    case Op::GetSession:
        return getSession(s, call);
    case Op::ListContacts:
        return listContacts(s, call);
    case Op::GetContact:
        return getContact(s, call);
    case Op::BlockContact:
    case Op::UnblockContact:
    case Op::GetContactPicture:
    case Op::GetContactAbout:
        return liveAction(s, call);
    case Op::ListGroups:
        return listGroups(s, call);
    case Op::GetGroup:
    case Op::ListGroupMembers:
        return groupOrMembers(s, call);
    case Op::NoRoute:
        break;
    }
    return errorResponse("internal", QStringLiteral("unhandled operation"));
}

Response Api::listSessions(const ApiCall &call, const Principal &who) const
{
    JsonWriter w(call.explicitNulls);
    w.beginObject().key("data").beginArray();
    for (int s = 0; s < m_data.sessions.size(); ++s)
        if (m_data.sessions[s].org == who.org)
            json::session(w, m_data, s);
    w.endArray().endObject();
    return jsonResponse(200, w.take());
}

Response Api::getSession(int s, const ApiCall &call) const
{
    JsonWriter w(call.explicitNulls);
    json::session(w, m_data, s);
    return jsonResponse(200, w.take());
}

Response Api::listGroups(int s, const ApiCall &call) const
{
    const Session &ss = m_data.sessions[s];
    JsonWriter w(call.explicitNulls);
    w.beginObject().key("data").beginArray();
    for (quint32 g = ss.groupBegin; g < ss.groupEnd; ++g)
        json::group(w, m_data, g);
    w.endArray().endObject();
    return jsonResponse(200, w.take());
}

Response Api::groupOrMembers(int s, const ApiCall &call) const
{
    QByteArray digits;
    if (!Ids::userPart(call.route.item, QLatin1String("g.us"), &digits))
        return validationError(
            QStringLiteral("gid must be a group JID like 120363041234567890@g.us"),
            {{QStringLiteral("path.gid"), QStringLiteral("expected a group JID"),
              call.route.item}});
    const qint64 g = m_data.groupByDigits(s, digits);
    if (g < 0)
        return errorResponse("not_found", QStringLiteral("group not found"));
    JsonWriter w(call.explicitNulls);
    if (call.route.op == Op::GetGroup) {
        json::group(w, m_data, quint32(g));
        return jsonResponse(200, w.take());
    }
    const Group &gr = m_data.groups[size_t(g)];
    w.beginObject().key("data").beginArray();
    for (quint32 m = gr.memBegin; m < gr.memEnd; ++m)
        if (!m_data.memberships[m].removed)
            json::member(w, m_data, m);
    for (quint32 m : m_data.addedMembersOf(quint32(g)))
        if (!m_data.memberships[m].removed)
            json::member(w, m_data, m);
    w.endArray().endObject();
    return jsonResponse(200, w.take());
}

} // namespace sim
