#include "Events.h"

#include "DataSet.h"
#include "Ids.h"
#include "JsonWriter.h"

#include <QJsonArray>

#include <algorithm>

namespace sim {

namespace {

constexpr qsizetype kMaxText = 1024;
const char *const kLists[] = {"join", "leave", "promote", "demote"};

struct Jid {
    QString text;
    QByteArray digits;
    bool phone = false;
};

Response bad(const QString &message)
{
    return errorResponse("validation_error", message);
}

bool parseJid(const QJsonValue &v, Jid *out)
{
    out->text = v.toString();
    out->phone = Ids::userPart(out->text, QLatin1String("s.whatsapp.net"), &out->digits);
    return out->phone || Ids::userPart(out->text, QLatin1String("lid"), &out->digits);
}

qint64 contactOf(const DataSet &d, int s, const Jid &jid)
{
    return jid.phone ? d.contactByPhone(s, jid.digits) : d.contactByLidDigits(s, jid.digits);
}

// Optional string members: false with *error for another type or an overlong text.
bool optionalText(const QJsonObject &p, const char *key, Response *error)
{
    const QJsonValue v = p.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().size() <= kMaxText))
        return true;
    *error = bad(QStringLiteral("payload.%1 must be a string of at most %2 characters")
                     .arg(QLatin1String(key))
                     .arg(kMaxText));
    return false;
}

void copyText(JsonWriter &w, const QJsonObject &p, const char *key)
{
    const QJsonValue v = p.value(QLatin1String(key));
    if (v.isString())
        w.field(key, v.toString());
}

qint64 findGroup(const DataSet &d, int s, const QJsonObject &p, Response *error)
{
    QByteArray digits;
    const QString jid = p.value(QLatin1String("groupJid")).toString();
    if (!Ids::userPart(jid, QLatin1String("g.us"), &digits)) {
        *error = bad(QStringLiteral("payload.groupJid must be a group JID like "
                                    "120363041234567890@g.us"));
        return -1;
    }
    const qint64 g = d.groupByDigits(s, digits);
    if (g < 0)
        *error = errorResponse("not_found", QStringLiteral("group not found"));
    return g;
}

qint64 findMembership(const DataSet &d, quint32 g, quint32 c)
{
    const Group &gr = d.groups[g];
    const Membership *base = d.memberships.data();
    const Membership *it = std::partition_point(base + gr.memBegin, base + gr.memEnd,
                                                [c](const Membership &m) { return m.contact < c; });
    if (it != base + gr.memEnd && it->contact == c)
        return it - base;
    for (quint32 m : d.addedMembersOf(g))
        if (d.memberships[m].contact == c)
            return m;
    return -1;
}

quint32 addContact(DataSet &d, int s, const Jid &jid, qint64 nowSec)
{
    const quint32 c = quint32(d.contacts.size());
    Contact row;
    row.session = quint16(s);
    row.firstSeen = row.updated = quint32(nowSec);
    if (jid.phone)
        row.flags |= Contact::HasPhone;
    d.contacts.push_back(row);
    Session &ss = d.sessions[s];
    ss.extraContacts << c;
    ++ss.liveContacts;
    const QByteArray key = Overlay::key(jid.digits, s);
    if (jid.phone) {
        d.overlay.contactPhone.insert(c, jid.digits);
        d.overlay.phoneContact.insert(key, c);
    } else {
        d.overlay.contactLid.insert(c, jid.digits);
        d.overlay.lidContact.insert(key, c);
    }
    return c;
}

void join(DataSet &d, int s, quint32 g, const Jid &jid, qint64 nowSec)
{
    qint64 c = contactOf(d, s, jid);
    if (c < 0)
        c = addContact(d, s, jid, nowSec);
    qint64 mi = findMembership(d, g, quint32(c));
    if (mi >= 0 && !d.memberships[size_t(mi)].removed)
        return;
    if (mi < 0) {
        mi = qint64(d.memberships.size());
        Membership m;
        m.group = g;
        m.contact = quint32(c);
        m.firstSeen = quint32(nowSec);
        d.memberships.push_back(m);
        QList<quint32> &members = d.overlay.groupMembers[g];
        const auto at = std::partition_point(members.begin(), members.end(), [&](quint32 x) {
            return d.memberships[x].contact < quint32(c);
        });
        members.insert(at, quint32(mi));
        d.overlay.contactMembers[quint32(c)] << quint32(mi);
    }
    Membership &m = d.memberships[size_t(mi)];
    m.removed = false;
    m.role = Membership::Member;
    m.lastSeen = quint32(nowSec);
    ++d.groups[g].liveMembers;
    ++d.sessions[s].liveMemberships;
}

// Reads the four JID lists; for leave/promote/demote each JID must be a current member.
bool readLists(const DataSet &d, int s, quint32 g, const QJsonObject &p, QList<Jid> lists[4],
               Response *error)
{
    for (int k = 0; k < 4; ++k) {
        const QJsonValue v = p.value(QLatin1String(kLists[k]));
        if (v.isUndefined() || v.isNull())
            continue;
        if (!v.isArray()) {
            *error = bad(
                QStringLiteral("payload.%1 must be a list of JIDs").arg(QLatin1String(kLists[k])));
            return false;
        }
        for (const QJsonValue &item : v.toArray()) {
            Jid jid;
            if (!parseJid(item, &jid)) {
                *error = bad(QStringLiteral("payload.%1 holds %2, not a LID or a phone JID")
                                 .arg(QLatin1String(kLists[k]), item.toString().left(100)));
                return false;
            }
            const qint64 c = contactOf(d, s, jid);
            const qint64 mi = c < 0 ? -1 : findMembership(d, g, quint32(c));
            if (k > 0 && (mi < 0 || d.memberships[size_t(mi)].removed)) {
                *error = errorResponse(
                    "not_found", QStringLiteral("%1 is not a member of the group").arg(jid.text));
                return false;
            }
            lists[k] << jid;
        }
    }
    if (lists[0].isEmpty() && lists[1].isEmpty() && lists[2].isEmpty() && lists[3].isEmpty()) {
        *error = bad(QStringLiteral("payload needs one of join, leave, promote, demote"));
        return false;
    }
    return true;
}

bool groupParticipant(DataSet &d, int s, const QJsonObject &p, qint64 nowMs, JsonWriter &w,
                      Response *error)
{
    const qint64 g = findGroup(d, s, p, error);
    QList<Jid> lists[4];
    if (g < 0 || !optionalText(p, "sender", error) || !readLists(d, s, quint32(g), p, lists, error))
        return false;
    const qint64 nowSec = nowMs / 1000;
    for (const Jid &jid : lists[0])
        join(d, s, quint32(g), jid, nowSec);
    for (int k = 1; k < 4; ++k) {
        for (const Jid &jid : lists[k]) {
            const qint64 mi = findMembership(d, quint32(g), quint32(contactOf(d, s, jid)));
            Membership &m = d.memberships[size_t(mi)];
            if (k == 1 && !m.removed) {
                m.removed = true;
                --d.groups[size_t(g)].liveMembers;
                --d.sessions[s].liveMemberships;
            } else if (k == 2 && m.role == Membership::Member) {
                m.role = Membership::Admin;
            } else if (k == 3 && m.role == Membership::Admin) {
                m.role = Membership::Member;
            }
        }
    }
    d.groups[size_t(g)].updated = quint32(nowSec);
    w.beginObject().field("groupJid", p.value(QLatin1String("groupJid")).toString());
    for (int k = 0; k < 4; ++k) {
        if (lists[k].isEmpty())
            continue;
        w.key(kLists[k]).beginArray();
        for (const Jid &jid : lists[k])
            w.value(jid.text);
        w.endArray();
    }
    copyText(w, p, "sender");
    w.field("timestamp", nowMs).endObject();
    return true;
}

bool groupUpdate(DataSet &d, int s, const QJsonObject &p, qint64 nowMs, JsonWriter &w,
                 Response *error)
{
    const qint64 g = findGroup(d, s, p, error);
    if (g < 0 || !optionalText(p, "subject", error) || !optionalText(p, "description", error)
        || !optionalText(p, "sender", error))
        return false;
    for (const char *k : {"isAnnounce", "isLocked"}) {
        const QJsonValue v = p.value(QLatin1String(k));
        if (!v.isUndefined() && !v.isNull() && !v.isBool()) {
            *error = bad(QStringLiteral("payload.%1 must be true or false").arg(QLatin1String(k)));
            return false;
        }
    }
    Group &gr = d.groups[size_t(g)];
    w.beginObject().field("groupJid", p.value(QLatin1String("groupJid")).toString());
    if (p.value(QLatin1String("subject")).isString()) {
        d.overlay.groupSubject.insert(quint32(g), p.value(QLatin1String("subject")).toString());
        gr.flags |= Group::HasSubject;
        copyText(w, p, "subject");
    }
    if (p.value(QLatin1String("description")).isString()) {
        d.overlay.groupDescription.insert(quint32(g),
                                          p.value(QLatin1String("description")).toString());
        gr.flags |= Group::HasDescription;
        copyText(w, p, "description");
    }
    const std::pair<const char *, Group::Flag> bools[] = {{"isAnnounce", Group::Announce},
                                                          {"isLocked", Group::Locked}};
    for (const auto &[key, flag] : bools) {
        const QJsonValue v = p.value(QLatin1String(key));
        if (!v.isBool())
            continue;
        gr.flags |= flag == Group::Announce ? Group::AnnounceKnown : Group::LockedKnown;
        gr.flags = v.toBool() ? (gr.flags | flag) : (gr.flags & ~quint16(flag));
        w.flag(key, v.toBool());
    }
    copyText(w, p, "sender");
    w.field("timestamp", nowMs).endObject();
    gr.updated = quint32(nowMs / 1000);
    return true;
}

bool contactUpdate(DataSet &d, int s, const QJsonObject &p, qint64 nowMs, JsonWriter &w,
                   Response *error)
{
    Jid jid;
    if (!parseJid(p.value(QLatin1String("jid")), &jid)) {
        *error = bad(QStringLiteral("payload.jid must be a LID (…@lid) or a phone JID "
                                    "(…@s.whatsapp.net)"));
        return false;
    }
    for (const char *k : {"pushName", "fullName", "firstName"})
        if (!optionalText(p, k, error))
            return false;
    const qint64 c = contactOf(d, s, jid);
    if (c < 0) {
        *error = errorResponse("not_found", QStringLiteral("contact not found"));
        return false;
    }
    Contact &row = d.contacts[size_t(c)];
    for (const char *k : {"fullName", "pushName", "firstName"}) { // the address book wins
        const QString name = p.value(QLatin1String(k)).toString();
        if (!name.isEmpty()) {
            d.overlay.contactName.insert(quint32(c), name);
            row.flags |= Contact::HasName;
            break;
        }
    }
    row.updated = quint32(nowMs / 1000);
    w.beginObject().field("jid", jid.text);
    for (const char *k : {"pushName", "fullName", "firstName"})
        copyText(w, p, k);
    w.endObject();
    return true;
}

bool sessionStatus(DataSet &d, int s, const QJsonObject &p, qint64 nowMs, JsonWriter &w,
                   Response *error)
{
    const QString status = p.value(QLatin1String("status")).toString();
    if (!DataSet::statuses().contains(status)) {
        *error = bad(QStringLiteral("payload.status must be one of %1")
                         .arg(DataSet::statuses().join(QLatin1String(", "))));
        return false;
    }
    Session &ss = d.sessions[s];
    ss.status = status;
    ss.updatedAt = nowMs;
    if (status == QLatin1String("working"))
        ss.lastConnectedAt = nowMs;
    w.beginObject().field("status", status).endObject();
    return true;
}

} // namespace

const QStringList &eventNames()
{
    static const QStringList names = {
        QStringLiteral("contact.update"), QStringLiteral("group.update"),
        QStringLiteral("group.participant"), QStringLiteral("session.status")};
    return names;
}

bool applyEvent(DataSet &d, int session, const QString &event, const QJsonObject &payload,
                qint64 nowMs, EventChange *out, Response *error)
{
    using Apply = bool (*)(DataSet &, int, const QJsonObject &, qint64, JsonWriter &, Response *);
    const Apply handlers[] = {contactUpdate, groupUpdate, groupParticipant, sessionStatus};
    const qsizetype kind = eventNames().indexOf(event);
    if (kind < 0) {
        *error = bad(
            QStringLiteral("event must be one of %1").arg(eventNames().join(QLatin1String(", "))));
        return false;
    }
    JsonWriter w;
    if (!handlers[kind](d, session, payload, nowMs, w, error))
        return false;
    out->event = event.toLatin1();
    out->payload = w.take();
    return true;
}

} // namespace sim
