#include "localapi/LocalApiJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace {

constexpr qint64 kExactInDouble = qint64(1) << 53; // GatewayJson writes numbers as doubles

// Qt's own text for one value: the fallback for what the fast paths leave to Qt.
void appendByQt(QByteArray &out, const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    out.append(array.constData() + 1, array.size() - 2); // without the brackets
}

void appendNumber(QByteArray &out, qint64 value)
{
    if (value < -kExactInDouble || value > kExactInDouble) {
        appendByQt(out, double(value));
        return;
    }
    char digits[24];
    int at = sizeof(digits);
    quint64 magnitude = value < 0 ? quint64(-value) : quint64(value);
    do {
        digits[--at] = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    if (value < 0)
        digits[--at] = '-';
    out.append(digits + at, qsizetype(sizeof(digits)) - at);
}

bool hasLoneSurrogate(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            return true;
    }
    return false;
}

bool isPlainAscii(char16_t c)
{
    return c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\';
}

void appendAscii(QByteArray &out, const char16_t *text, qsizetype size)
{
    const qsizetype at = out.size();
    out.resize(at + size);
    char *to = out.data() + at;
    for (qsizetype i = 0; i < size; ++i)
        to[i] = char(text[i]);
}

void appendEscaped(QByteArray &out, char16_t c)
{
    static constexpr char hex[] = "0123456789abcdef";
    switch (c) {
    case u'"':
        out.append("\\\"");
        return;
    case u'\\':
        out.append("\\\\");
        return;
    case u'\b':
        out.append("\\b");
        return;
    case u'\f':
        out.append("\\f");
        return;
    case u'\n':
        out.append("\\n");
        return;
    case u'\r':
        out.append("\\r");
        return;
    case u'\t':
        out.append("\\t");
        return;
    default: {
        const char escape[] = {'\\', 'u', '0', '0', hex[(c >> 4) & 0xF], hex[c & 0xF]};
        out.append(escape, sizeof(escape));
    }
    }
}

// A JSON string as Qt writes it: ", \ and controls escaped, everything else as UTF-8.
void appendString(QByteArray &out, QStringView text)
{
    const qsizetype start = out.size();
    const char16_t *chars = text.utf16();
    const qsizetype size = text.size();
    out.append('"');
    qsizetype i = 0;
    while (i < size) {
        qsizetype end = i;
        while (end < size && isPlainAscii(chars[end]))
            ++end;
        if (end > i) {
            appendAscii(out, chars + i, end - i);
        } else if (chars[i] < 0x80) {
            appendEscaped(out, chars[i]);
            ++end;
        } else {
            while (end < size && chars[end] >= 0x80)
                ++end;
            const QStringView run = text.sliced(i, end - i);
            if (hasLoneSurrogate(run)) {
                out.truncate(start);
                appendByQt(out, text.toString());
                return;
            }
            out.append(run.toUtf8());
        }
        i = end;
    }
    out.append('"');
}

// Members of one JSON object, given in QJsonObject's order (keys sorted).
class Object
{
public:
    explicit Object(QByteArray &out)
        : m_out(out)
    {
        m_out.append('{');
    }
    ~Object() { m_out.append('}'); }
    Object(const Object &) = delete;
    Object &operator=(const Object &) = delete;

    // The caller writes the value.
    QByteArray &key(const char *name)
    {
        if (!m_first)
            m_out.append(',');
        m_first = false;
        m_out.append('"');
        m_out.append(name);
        m_out.append("\":");
        return m_out;
    }
    void text(const char *name, const QString &value) { appendString(key(name), value); }
    void text(const char *name, const OptString &value)
    {
        if (value)
            text(name, *value);
    }
    void number(const char *name, qint64 value) { appendNumber(key(name), value); }

private:
    QByteArray &m_out;
    bool m_first = true;
};

void appendGroup(QByteArray &out, const ContactGroup &g)
{
    Object o(out);
    o.text("jid", g.jid);
    o.number("lastSeen", g.lastSeen);
    o.text("name", g.name);
    o.text("role", g.role);
    o.text("tag", g.tag);
}

void appendIdentity(QByteArray &out, const Identity &i)
{
    Object o(out);
    o.text("businessName", i.businessName);
    o.number("firstSeenAt", i.firstSeenAt);
    o.number("id", i.id);
    o.text("lid", i.lid);
    o.text("name", i.name);
    o.text("phoneJid", i.phoneJid);
    o.text("phoneNumber", i.phoneNumber);
    o.number("updatedAt", i.updatedAt);
}

void appendContact(QByteArray &out, const Contact &c)
{
    Object o(out);
    o.text("businessName", c.businessName);
    o.text("lid", c.lid);
    o.text("name", c.name);
    o.text("phoneNumber", c.phoneNumber);
    o.text("source", c.source);
}

} // namespace

QByteArray LocalApiJson::contactDetail(const ContactDetail &detail)
{
    QByteArray out;
    out.reserve(256 + 160 * detail.groups.size());
    {
        Object o(out);
        o.key("dm").append(detail.dm ? "true" : "false");
        QByteArray &groups = o.key("groups");
        groups.append('[');
        for (qsizetype i = 0; i < detail.groups.size(); ++i) {
            if (i > 0)
                groups.append(',');
            appendGroup(groups, detail.groups.at(i));
        }
        groups.append(']');
        if (detail.identity)
            appendIdentity(o.key("identity"), *detail.identity);
    }
    return out;
}

QByteArray LocalApiJson::contactPage(const Page<Contact> &page)
{
    QByteArray out;
    out.reserve(64 + 128 * page.items.size());
    {
        Object o(out);
        QByteArray &data = o.key("data");
        data.append('[');
        for (qsizetype i = 0; i < page.items.size(); ++i) {
            if (i > 0)
                data.append(',');
            appendContact(data, page.items.at(i));
        }
        data.append(']');
        if (page.hasMore())
            o.text("nextCursor", page.nextCursor);
    }
    return out;
}
