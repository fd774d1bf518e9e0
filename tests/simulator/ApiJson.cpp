#include "ApiJson.h"

#include "DataSet.h"
#include "JsonWriter.h"
#include "NamePools.h"

#include <algorithm>

namespace sim::json {

namespace {

// Epoch milliseconds with a stable, non-zero millisecond part.
qint64 ms(quint32 seconds, quint32 row)
{
    return qint64(seconds) * 1000 + qint64(row % 997);
}

} // namespace

const char *roleName(quint8 role)
{
    switch (role) {
    case Membership::Admin:
        return "admin";
    case Membership::SuperAdmin:
        return "superadmin";
    default:
        return "member";
    }
}

void session(JsonWriter &w, const DataSet &d, int si)
{
    const Session &s = d.sessions[si];
    const bool paired = DataSet::isPaired(s.status);
    const QByteArray phone = paired ? d.ids().sessionPhone(quint32(si)) : QByteArray();
    w.beginObject()
        .field("id", s.id)
        .field("organizationId", d.orgs[s.org].id)
        .field("gatewayId", pools::gatewayIds().at(s.gateway))
        .field("status", s.status)
        .optString("label", s.label < 0 ? QString() : pools::sessionLabels().at(s.label))
        .optUtf8("phoneNumber", phone)
        .optUtf8("waJid", paired ? phone + "@s.whatsapp.net" : QByteArray())
        .optUtf8("waLid", paired ? d.ids().sessionLid(quint32(si)) + "@lid" : QByteArray())
        .flag("isAdminSession", s.admin)
        .flag("autoRead", s.autoRead)
        .flag("presenceTyping", s.presenceTyping)
        .field("ratePerMin", s.ratePerMin)
        .field("ratePerHour", s.ratePerHour)
        .optString("createdByUserId", s.createdBy)
        .optNumber("lastConnectedAt", s.lastConnectedAt > 0, s.lastConnectedAt)
        .field("createdAt", s.createdAt)
        .field("updatedAt", s.updatedAt)
        .endObject();
}

void contact(JsonWriter &w, const DataSet &d, quint32 c)
{
    w.beginObject()
        .field("lid", d.lid(c))
        .optString("name", d.name(c))
        .optUtf8("phoneNumber", d.phone(c))
        .optString("businessName", d.businessName(c))
        .field("source", QByteArray(d.contacts[c].has(Contact::Dm) ? "dm" : "group"))
        .endObject();
}

void contactDetail(JsonWriter &w, const DataSet &d, quint32 c)
{
    const Contact &row = d.contacts[c];
    w.beginObject().flag("dm", row.has(Contact::Dm)).key("groups");
    bool any = false;
    auto write = [&](quint32 mi) {
        const Membership &m = d.memberships[mi];
        if (m.removed)
            return;
        if (!any)
            w.beginArray();
        any = true;
        w.beginObject()
            .field("jid", d.groupJid(m.group))
            .optString("name", d.groupSubject(m.group))
            .field("role", QByteArray(roleName(m.role)))
            .optString("tag", d.memberTag(mi))
            .field("lastSeen", ms(m.lastSeen, mi))
            .endObject();
    };
    const auto [begin, end] = d.membershipsOf(c);
    std::for_each(begin, end, write);
    for (quint32 mi : d.addedMembershipsOf(c))
        write(mi);
    if (any)
        w.endArray();
    else
        w.null(); // the contract allows null: a contact seen in no group
    const QByteArray phone = d.phone(c);
    w.key("identity")
        .beginObject()
        .field("id", qint64(c) + 1)
        .field("lid", d.lid(c))
        .optString("name", d.name(c))
        .optUtf8("phoneNumber", phone)
        .optUtf8("phoneJid", phone.isEmpty() ? phone : phone + "@s.whatsapp.net")
        .optString("businessName", d.businessName(c))
        .field("firstSeenAt", ms(row.firstSeen, c))
        .field("updatedAt", ms(row.updated, c))
        .endObject();
    w.endObject();
}

void group(JsonWriter &w, const DataSet &d, quint32 g)
{
    const Group &row = d.groups[g];
    w.beginObject()
        .field("id", qint64(g) + 1)
        .field("groupJid", d.groupJid(g))
        .optString("subject", d.groupSubject(g))
        .optString("description", d.groupDescription(g))
        .optUtf8("ownerJid", d.groupOwnerJid(g))
        .optFlag("isAnnounce", row.has(Group::AnnounceKnown), row.has(Group::Announce))
        .optFlag("isLocked", row.has(Group::LockedKnown), row.has(Group::Locked))
        .optNumber("participantCount", row.has(Group::CountKnown), row.liveMembers)
        .optNumber("createdAtWa", row.has(Group::HasCreated), ms(row.createdWa, g))
        .field("firstSeenAt", ms(row.firstSeen, g))
        .field("updatedAt", ms(row.updated, g))
        .endObject();
}

void member(JsonWriter &w, const DataSet &d, quint32 mi)
{
    const Membership &m = d.memberships[mi];
    w.beginObject()
        .field("id", qint64(mi) + 1)
        .field("sessionId", d.sessions[d.groups[m.group].session].id)
        .field("groupJid", d.groupJid(m.group))
        .field("lid", d.lid(m.contact))
        .field("role", QByteArray(roleName(m.role)))
        .optString("tag", d.memberTag(mi))
        .field("firstSeenAt", ms(m.firstSeen, mi))
        .field("lastSeenAt", ms(m.lastSeen, mi))
        .endObject();
}

} // namespace sim::json
