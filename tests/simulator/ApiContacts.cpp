// Contacts: the only paged list and one contact's detail.
#include "Api.h"

#include "ApiJson.h"
#include "DataSet.h"
#include "JsonWriter.h"

#include <algorithm>
#include <optional>

namespace sim {

namespace {

constexpr qint64 kDefaultLimit = 50;
constexpr qint64 kMaxLimit = 200;

// Go's strconv.ParseInt(s, 10, 64): an optional sign, ASCII digits, nothing else.
bool parseGoInt(const QString &text, qint64 *out)
{
    const qsizetype start = text.startsWith(QLatin1Char('+')) || text.startsWith(QLatin1Char('-'));
    if (text.size() <= start)
        return false;
    for (qsizetype i = start; i < text.size(); ++i)
        if (text[i] < QLatin1Char('0') || text[i] > QLatin1Char('9'))
            return false;
    bool ok = false;
    *out = text.toLongLong(&ok);
    return ok;
}

// Go's strconv.ParseUint(s, 10, 64): no sign at all.
bool parseCursor(const QString &text, quint64 *out)
{
    if (text.isEmpty() || text.startsWith(QLatin1Char('+')) || text.startsWith(QLatin1Char('-')))
        return false;
    for (const QChar ch : text)
        if (ch < QLatin1Char('0') || ch > QLatin1Char('9'))
            return false;
    bool ok = false;
    *out = text.toULongLong(&ok);
    return ok;
}

// One of the gateway's eight ListContacts queries: a membership filter plus the name search.
class ContactFilter
{
public:
    ContactFilter(const DataSet &d, Folder &folder, const QString &q, int source)
        : m_d(d)
        , m_folder(folder)
        , m_source(source)
    {
        if (!q.isEmpty())
            m_pattern.emplace(folder, q);
    }

    bool matches(quint32 c)
    {
        const Contact &row = m_d.contacts[c];
        if (row.has(Contact::Removed))
            return false;
        if (m_source == 1 && !row.has(Contact::Dm))
            return false;
        if (m_source == 0 && !inAGroup(c))
            return false;
        if (!m_pattern)
            return true;
        if (!row.has(Contact::HasName)) // NULL LIKE '%…%' is not true
            return false;
        m_name.clear();
        m_d.appendName(m_name, c);
        m_folded.clear();
        m_folder.append(m_folded, m_name);
        return m_pattern->matches(m_folded);
    }

private:
    bool inAGroup(quint32 c) const
    {
        const auto [begin, end] = m_d.membershipsOf(c);
        return std::any_of(begin, end, [this](quint32 m) { return !m_d.memberships[m].removed; });
    }

    const DataSet &m_d;
    Folder &m_folder;
    std::optional<LikePattern> m_pattern;
    int m_source;
    QString m_name, m_folded; // reused buffers: no allocation per row
};

} // namespace

QStringList Api::contactQueryErrors(const ApiCall &call, ContactQuery *out)
{
    QStringList errors;
    const QString source = call.query.value(QStringLiteral("source"));
    if (source == QLatin1String("dm"))
        out->source = 1;
    else if (source == QLatin1String("group"))
        out->source = 0;
    else if (!source.isEmpty())
        errors << QStringLiteral("expected value to be one of \"dm, group\" (query.source: %1)")
                      .arg(source);
    const QString limitText = call.query.value(QStringLiteral("limit"));
    qint64 limit = 0;
    if (!limitText.isEmpty() && !parseGoInt(limitText, &limit))
        errors << QStringLiteral("invalid integer (query.limit: %1)").arg(limitText);
    out->limit = limit == 0 ? kDefaultLimit : std::clamp<qint64>(limit, 1, kMaxLimit);
    return errors;
}

Response Api::listContacts(int s, const ApiCall &call, const ContactQuery &q) const
{
    const Session &ss = m_data.sessions[s];
    quint64 afterId = 0; // contact index + 1: the identity id
    const QString cursorText = call.query.value(QStringLiteral("cursor"));
    if (!cursorText.isEmpty() && !parseCursor(cursorText, &afterId))
        return errorResponse("validation_error", QStringLiteral("invalid cursor"));
    const qint64 after = qint64(std::min<quint64>(afterId, quint64(1) << 40)) - 1;

    // `group` wins over `source`; it is not validated, an unknown one lists nobody.
    const QString groupJid = call.query.value(QStringLiteral("group"));
    const qint64 group = groupJid.isEmpty() ? -1 : m_data.groupByJid(s, groupJid);
    ContactFilter filter(m_data, m_folder, call.query.value(QStringLiteral("q")),
                         groupJid.isEmpty() ? q.source : -1);
    QList<quint32> page;
    auto take = [&](quint32 c) {
        if (qint64(c) > after && filter.matches(c))
            page << c;
        return page.size() < q.limit;
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
    } else if (groupJid.isEmpty()) {
        bool more = true;
        for (quint32 c = quint32(std::clamp<qint64>(after + 1, ss.contactBegin, ss.contactEnd));
             more && c < ss.contactEnd; ++c)
            more = take(c);
        for (qsizetype k = 0; more && k < ss.extraContacts.size(); ++k)
            more = take(ss.extraContacts[k]);
    }

    JsonWriter w(call.explicitNulls);
    w.beginObject().key("data").beginArray();
    for (quint32 c : page)
        json::contact(w, m_data, c);
    w.endArray();
    if (page.size() == q.limit) // a full page always has a next one, maybe empty
        w.field("nextCursor", QByteArray::number(qint64(page.back()) + 1));
    w.endObject();
    return jsonResponse(200, w.take());
}

Response Api::getContact(int s, const ApiCall &call) const
{
    // {lid} is not validated: any string is looked up as a stored LID, a phone JID finds none.
    // Unlike the gateway, only this session's contacts are found.
    const qint64 c = m_data.contactByLid(s, call.route.item);
    if (c < 0)
        return errorResponse("not_found", QStringLiteral("identity not found"));
    JsonWriter w(call.explicitNulls);
    json::contactDetail(w, m_data, quint32(c));
    return jsonResponse(200, w.take());
}

} // namespace sim
