#include "JsonWriter.h"

namespace sim {

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.isEmpty()) {
        if (!m_first.back())
            m_out += ',';
        m_first.back() = false;
    }
}

JsonWriter &JsonWriter::beginObject()
{
    beforeValue();
    m_out += '{';
    m_first.append(true);
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out += '}';
    m_first.removeLast();
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    beforeValue();
    m_out += '[';
    m_first.append(true);
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out += ']';
    m_first.removeLast();
    return *this;
}

JsonWriter &JsonWriter::key(const char *name)
{
    beforeValue();
    m_out += '"';
    m_out += name;
    m_out += "\":";
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(const QString &s)
{
    const QByteArray u = s.toUtf8();
    return utf8(u);
}

JsonWriter &JsonWriter::utf8(const QByteArray &s)
{
    beforeValue();
    escape(s.constData(), s.size());
    return *this;
}

JsonWriter &JsonWriter::value(qint64 n)
{
    beforeValue();
    m_out += QByteArray::number(n);
    return *this;
}

JsonWriter &JsonWriter::real(double d)
{
    beforeValue();
    m_out += QByteArray::number(d, 'g', 12);
    return *this;
}

JsonWriter &JsonWriter::boolean(bool b)
{
    beforeValue();
    m_out += b ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::null()
{
    beforeValue();
    m_out += "null";
    return *this;
}

void JsonWriter::escape(const char *s, qsizetype n)
{
    static const char hex[] = "0123456789abcdef";
    m_out += '"';
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        switch (c) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        case '\t':
            m_out += "\\t";
            break;
        default:
            if (c < 0x20) {
                m_out += "\\u00";
                m_out += hex[c >> 4];
                m_out += hex[c & 0xf];
            } else {
                m_out += char(c); // UTF-8 passes through untouched
            }
        }
    }
    m_out += '"';
}

} // namespace sim
