// Contacts: the only paged list, one contact's detail, and the live actions.
#include "Api.h"

#include "ApiJson.h"
#include "Cursor.h"
#include "DataSet.h"
#include "JsonWriter.h"

#include <algorithm>

namespace sim {

namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

// The contact filters of listContacts. `q` matches the name case-insensitively and, when it
// looks like a number ("+62 812-3"), the phone digits and the LID digits.
class ContactFilter
{
public:
    ContactFilter(const DataSet &d, const QString &q, int source)
        : m_d(d)
        , m_q(q)
        , m_source(source)
    {
        QString digits = q;
        for (const char *suffix : {"@lid", "@s.whatsapp.net"})
            if (digits.endsWith(QLatin1String(suffix)))
                digits.chop(qsizetype(qstrlen(suffix)));
        for (const QChar ch : digits) {
            if (ch.isDigit() && ch.unicode() < 128)
                m_digits += char(ch.unicode());
            else if (!QStringLiteral(" +-().").contains(ch)) {
                m_digits.clear();
                break;
            }
        }
    }

    bool matches(quint32 c)
    {
        const Contact &row = m_d.contacts[c];
        if (row.has(Contact::Removed))
            return false;
        if (m_source >= 0 && row.has(Contact::Dm) != (m_source == 1))
            return false;
        if (m_q.isEmpty())
            return true;
        m_name.clear();
        m_d.appendName(m_name, c);
        if (m_name.contains(m_q, Qt::CaseInsensitive))
            return true;
        return !m_digits.isEmpty()
            && (m_d.phone(c).contains(m_digits) || m_d.ids().lidDigits(c).contains(m_digits));
    }

private:
    const DataSet &m_d;
    QString m_q;
    QByteArray m_digits;
    int m_source;   // -1 any, 0 group, 1 dm
    QString m_name; // reused buffer: no allocation per row
};

} // namespace

Response Api::listContacts(int s, const ApiCall &call) const
{
    const Session &ss = m_data.sessions[s];
    QList<FieldError> errors;
    qint64 limit = kDefaultLimit;
    const QString limitText = call.query.value(QStringLiteral("limit"));
    if (!limitText.isEmpty()) {
        bool ok = false;
        limit = limitText.toLongLong(&ok);
        if (!ok)
            errors << FieldError{QStringLiteral("query.limit"),
                                 QStringLiteral("expected an integer"), limitText};
        limit = std::clamp<qint64>(limit, 1, kMaxLimit);
    }
    const QString source = call.query.value(QStringLiteral("source"));
    int sourceFilter = -1;
    if (source == QLatin1String("dm"))
        sourceFilter = 1;
    else if (source == QLatin1String("group"))
        sourceFilter = 0;
    else if (!source.isEmpty())
        errors << FieldError{QStringLiteral("query.source"),
                             QStringLiteral("expected one of dm, group"), source};
    const QString groupText = call.query.value(QStringLiteral("group"));
    qint64 group = -1;
    if (!groupText.isEmpty()) {
        QByteArray digits;
        if (!Ids::userPart(groupText, QLatin1String("g.us"), &digits))
            errors << FieldError{QStringLiteral("query.group"),
                                 QStringLiteral("expected a group JID"), groupText};
        else if ((group = m_data.groupByDigits(s, digits)) < 0)
            group = -2; // well-formed but not a group of this session: an empty list
    }
    const QString cursorText = call.query.value(QStringLiteral("cursor"));
    qint64 after = -1;
    if (!cursorText.isEmpty()) {
        quint32 row = 0;
        if (cursor::decode(m_data.seed(), s, cursorText, &row))
            after = row;
        else
            errors << FieldError{QStringLiteral("query.cursor"),
                                 QStringLiteral("invalid or foreign cursor"), cursorText};
    }
    if (!errors.isEmpty())
        return validationError(QStringLiteral("invalid query parameters"), errors);

    ContactFilter filter(m_data, call.query.value(QStringLiteral("q")), sourceFilter);
    QList<quint32> page;
    auto take = [&](quint32 c) {
        if (qint64(c) > after && filter.matches(c))
            page << c;
        return page.size() <= limit; // one extra row tells whether a next page exists
    };
    if (group >= 0) {
        const Group &g = m_data.groups[size_t(group)];
        const Membership *base = m_data.memberships.data();
        const Membership *it = std::partition_point(
            base + g.memBegin, base + g.memEnd,
            [after](const Membership &m) { return qint64(m.contact) <= after; });
        // Members added by events come in a list of their own, merged in contact order.
        const QList<quint32> &added = m_data.addedMembersOf(quint32(group));
        auto ai = std::partition_point(added.begin(), added.end(),
                                       [&](quint32 m) { return qint64(base[m].contact) <= after; });
        while (it != base + g.memEnd || ai != added.end()) {
            const bool fromAdded = it == base + g.memEnd
                || (ai != added.end() && base[*ai].contact < it->contact);
            const Membership &m = fromAdded ? base[*ai++] : *it++;
            if (!m.removed && !take(m.contact))
                break;
        }
    } else if (group == -1) {
        bool more = true;
        for (quint32 c = quint32(std::max<qint64>(ss.contactBegin, after + 1));
             more && c < ss.contactEnd; ++c)
            more = take(c);
        for (qsizetype k = 0; more && k < ss.extraContacts.size(); ++k)
            more = take(ss.extraContacts[k]);
    }

    const bool hasMore = page.size() > limit;
    if (hasMore)
        page.resize(limit);
    JsonWriter w(call.explicitNulls);
    w.beginObject().key("data").beginArray();
    for (quint32 c : page)
        json::contact(w, m_data, c);
    w.endArray();
    if (hasMore) // absent on the last page
        w.field("nextCursor", cursor::encode(m_data.seed(), s, page.back()));
    w.endObject();
    return jsonResponse(200, w.take());
}

Response Api::getContact(int s, const ApiCall &call) const
{
    QByteArray digits;
    if (!Ids::userPart(call.route.item, QLatin1String("lid"), &digits))
        return validationError(
            QStringLiteral("lid must look like 205227043110953@lid"),
            {{QStringLiteral("path.lid"), QStringLiteral("expected a LID"), call.route.item}});
    const qint64 c = m_data.contactByLidDigits(s, digits);
    if (c < 0)
        return errorResponse("not_found", QStringLiteral("contact not found"));
    JsonWriter w(call.explicitNulls);
    json::contactDetail(w, m_data, quint32(c));
    return jsonResponse(200, w.take());
}

Response Api::liveAction(int s, const ApiCall &call)
{
    Session &ss = m_data.sessions[s];
    const QString &jid = call.route.item;
    const Op op = call.route.op;
    QByteArray digits;
    qint64 contact = -1, group = -1;
    if (Ids::userPart(jid, QLatin1String("lid"), &digits))
        contact = m_data.contactByLidDigits(s, digits);
    else if (Ids::userPart(jid, QLatin1String("s.whatsapp.net"), &digits))
        contact = m_data.contactByPhone(s, digits);
    else if (op == Op::GetContactPicture && Ids::userPart(jid, QLatin1String("g.us"), &digits))
        group = m_data.groupByDigits(s, digits);
    if (digits.isEmpty())
        return validationError(
            QStringLiteral("jid must be a LID (…@lid) or a phone JID (…@s.whatsapp.net)"),
            {{QStringLiteral("path.jid"), QStringLiteral("expected a user JID"), jid}});
    if (ss.status != QLatin1String("working"))
        return errorResponse(
            "not_implemented",
            QStringLiteral(
                "session is not connected (status %1); live actions need a working session")
                .arg(ss.status));
    if (contact < 0 && group < 0)
        return errorResponse("not_found", QStringLiteral("contact not found"));

    switch (op) {
    case Op::BlockContact:
        ss.blocked.insert(quint32(contact));
        return noContent();
    case Op::UnblockContact:
        ss.blocked.remove(quint32(contact));
        return noContent();
    case Op::GetContactAbout: {
        JsonWriter w;
        w.beginObject().field("about", m_data.about(quint32(contact))).endObject();
        return jsonResponse(200, w.take());
    }
    default: {
        QByteArray id;
        const QString url = m_data.pictureUrl(
            group >= 0 ? quint32(0x80000000u | quint32(group)) : quint32(contact), &id);
        if (url.isEmpty())
            return errorResponse("not_found",
                                 QStringLiteral("no profile picture visible for this JID"));
        JsonWriter w;
        w.beginObject().field("id", id).field("url", url).endObject();
        return jsonResponse(200, w.take());
    }
    }
}

} // namespace sim
