#include "Api.h"

#include "ApiJson.h"
#include "DataSet.h"
#include "Faults.h"
#include "Ids.h"
#include "JsonWriter.h"

#include <QDateTime>

#include <algorithm>

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
    if (r.op == Op::NoRoute) // chi answers before any middleware: no credentials needed
        return r.allowed.isEmpty() ? errorResponse("not_found", QStringLiteral("route not found"))
                                   : methodNotAllowed(r.allowed);
    Principal who;
    if (!m_auth.authenticate(call.authorization, call.apiKey, QDateTime::currentSecsSinceEpoch(),
                             &who))
        return errorResponse("unauthorized", QStringLiteral("missing or invalid credentials"));
    const Caps need = requiredCap(r.op);
    if (!(who.caps & need))
        return errorResponse(
            "forbidden", QStringLiteral("missing required capability: %1").arg(capsToString(need)));
    ContactQuery contactQuery;
    if (r.op == Op::ListContacts) {
        const QStringList errors = contactQueryErrors(call, &contactQuery);
        if (!errors.isEmpty())
            return validationError(QStringLiteral("validation failed"), errors);
    }
    int s = -1;
    if (r.op != Op::ListSessions) {
        s = r.sessionOk ? m_data.sessionIndex(r.session) : -1;
        if (s < 0 || m_data.sessions[s].org != who.org) // another org's session looks absent
            return errorResponse("not_found", QStringLiteral("session not found"));
    }
    // Per session on session routes, per org elsewhere.
    const QString bucket = s >= 0 ? m_data.sessions[s].id : QStringLiteral("org:%1").arg(who.org);
    if (m_faults.rateLimited(bucket)) {
        Response rl = errorResponse(
            "rate_limited", QStringLiteral("too many requests for this session; slow down"));
        if (m_faults.config().retryAfter > 0)
            rl.header("Retry-After", QByteArray::number(m_faults.config().retryAfter));
        return rl;
    }

    switch (r.op) {
    case Op::ListSessions:
        return listSessions(call, who);
    case Op::GetSession:
        return getSession(s, call);
    case Op::ListContacts:
        return listContacts(s, call, contactQuery);
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
    return errorResponse("internal", QStringLiteral("internal server error"));
}

Response Api::listSessions(const ApiCall &call, const Principal &who) const
{
    QList<int> rows;
    for (int s = 0; s < m_data.sessions.size(); ++s)
        if (m_data.sessions[s].org == who.org)
            rows << s;
    // ORDER BY created_at DESC
    std::stable_sort(rows.begin(), rows.end(), [this](int a, int b) {
        return m_data.sessions[a].createdAt > m_data.sessions[b].createdAt;
    });
    JsonWriter w(call.explicitNulls);
    w.beginObject().key("data").beginArray();
    for (int s : rows)
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
    // {gid} is not validated: any string is looked up.
    const qint64 g = m_data.groupByJid(s, call.route.item);
    JsonWriter w(call.explicitNulls);
    if (call.route.op == Op::GetGroup) {
        if (g < 0)
            return errorResponse("not_found", QStringLiteral("group not found"));
        json::group(w, m_data, quint32(g));
        return jsonResponse(200, w.take());
    }
    w.beginObject().key("data").beginArray();
    if (g >= 0) {
        const Group &gr = m_data.groups[size_t(g)];
        for (quint32 m = gr.memBegin; m < gr.memEnd; ++m)
            if (!m_data.memberships[m].removed)
                json::member(w, m_data, m);
        for (quint32 m : m_data.addedMembersOf(quint32(g)))
            if (!m_data.memberships[m].removed)
                json::member(w, m_data, m);
    }
    w.endArray().endObject();
    return jsonResponse(200, w.take());
}

} // namespace sim
