#include "cache/EncodedRows.h"

#include "cache/CacheKeys.h"
#include "cache/SearchText.h"

#include <QHash>

#include <limits>

TextBuffer::Ref TextBuffer::append(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() > std::numeric_limits<qint32>::max() - m_bytes.size()) {
        m_overflowed = true;
        return {};
    }
    const Ref ref{qint32(m_bytes.size()), qint32(utf8.size())};
    m_bytes.append(utf8);
    return ref;
}

TextBuffer::Ref TextBuffer::add(const QString &text)
{
    return text.isNull() ? Ref{} : append(SearchText::clean(text));
}

TextBuffer::Ref TextBuffer::add(const OptString &text)
{
    // A value that is there is text, even when empty (clean() hands back "" for it).
    return text ? append(SearchText::clean(*text)) : Ref{};
}

TextBuffer::Ref TextBuffer::addFolded(const OptString &text)
{
    if (!text)
        return {};
    const QString key = SearchText::fold(*text);
    return key.isEmpty() ? Ref{} : append(key);
}

TextBuffer::Ref TextBuffer::addNameKey(const OptString &name, const OptString &businessName)
{
    return append(CacheKeys::nameKey(name, businessName).toString());
}

std::string_view TextBuffer::view(Ref ref) const
{
    if (ref.isNull())
        return {};
    // Never a null pointer for a value that is there: SQLite would store NULL, not "".
    return {m_bytes.constData() + ref.offset, size_t(ref.size)};
}

EncodedContacts EncodedContacts::from(const QList<Contact> &page)
{
    EncodedContacts out;
    out.rows.reserve(page.size());
    for (const Contact &c : page) {
        EncodedContact row;
        row.lid = c.lid.isEmpty() ? TextBuffer::Ref{} : out.text.add(c.lid);
        row.dm = c.source == QLatin1String("dm");
        row.name = out.text.add(c.name);
        row.phone = out.text.add(c.phoneNumber);
        row.businessName = out.text.add(c.businessName);
        row.nameKey = out.text.addNameKey(c.name, c.businessName);
        row.businessNameKey = out.text.addFolded(c.businessName);
        out.rows.append(row);
    }
    return out;
}

EncodedMembers EncodedMembers::from(const QString &groupJid, const QList<GroupMember> &members)
{
    EncodedMembers out;
    out.groupJid = groupJid.isEmpty() ? TextBuffer::Ref{} : out.text.add(groupJid);
    out.rows.reserve(members.size());
    // Nearly every member has one of three roles: each is stored once per list.
    QHash<QString, TextBuffer::Ref> roles;
    for (const GroupMember &m : members) {
        EncodedMember row;
        row.lid = m.lid.isEmpty() ? TextBuffer::Ref{} : out.text.add(m.lid);
        const QString role = m.role.isEmpty() ? QStringLiteral("member") : m.role;
        auto known = roles.constFind(role);
        if (known == roles.constEnd())
            known = roles.insert(role, out.text.add(role));
        row.role = *known;
        row.tag = out.text.add(m.tag);
        row.tagKey = out.text.addFolded(m.tag);
        row.gatewayId = qMax<qint64>(m.id, 0);
        row.firstSeenAt = qMax<qint64>(m.firstSeenAt, 0);
        row.lastSeenAt = qMax<qint64>(m.lastSeenAt, 0);
        out.rows.append(row);
    }
    return out;
}
