#include "localapi/PathCodec.h"

#include <QVarLengthArray>

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// RFC 3986 pchar without '%' (escapes are checked separately): unreserved, sub-delims, ':' '@'.
bool isPathChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case ':':
    case '@':
        return true;
    default:
        return false;
    }
}

bool isQueryChar(char c)
{
    return isPathChar(c) || c == '/' || c == '?';
}

bool fail(QString *error, const char *reason)
{
    if (error)
        *error = QString::fromLatin1(reason);
    return false;
}

} // namespace

bool PathCodec::isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra;
        unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            if (c == 0xE0)
                lo = 0xA0; // overlong
            else if (c == 0xED)
                hi = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            if (c == 0xF0)
                lo = 0x90; // overlong
            else if (c == 0xF4)
                hi = 0x8F; // above U+10FFFF
        } else {
            return false; // continuation byte, C0/C1 overlong lead, or F5..FF
        }
        if (end - p <= extra)
            return false;
        if (p[1] < lo || p[1] > hi)
            return false;
        for (int i = 2; i <= extra; ++i) {
            if (p[i] < 0x80 || p[i] > 0xBF)
                return false;
        }
        p += extra + 1;
    }
    return true;
}

bool PathCodec::decodeComponent(QByteArrayView encoded, QString *out, QString *error,
                                bool plusIsSpace)
{
    // Decoded bytes are never more than encoded ones; short components stay on the stack.
    QVarLengthArray<char, 256> decoded(encoded.size());
    char *bytes = decoded.data();
    qsizetype size = 0;
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        char c = encoded[i];
        if (c == '%') {
            if (i + 2 >= encoded.size())
                return fail(error, "truncated percent-escape");
            const int h = hexValue(encoded[i + 1]);
            const int l = hexValue(encoded[i + 2]);
            if (h < 0 || l < 0)
                return fail(error, "invalid percent-escape");
            c = char(h * 16 + l);
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            c = ' ';
        }
        if (uchar(c) < 0x20 || uchar(c) == 0x7F)
            return fail(error, "control character");
        bytes[size++] = c;
    }
    if (!isValidUtf8(QByteArrayView(bytes, size)))
        return fail(error, "invalid UTF-8");
    if (out)
        *out = QString::fromUtf8(bytes, size);
    return true;
}

bool PathCodec::validatePath(QByteArrayView path, QString *error)
{
    if (path.isEmpty() || path[0] != '/')
        return fail(error, "path must start with '/'");
    qsizetype start = 1;
    while (start <= path.size()) {
        qsizetype end = path.indexOf('/', start);
        if (end < 0)
            end = path.size();
        const QByteArrayView segment = path.sliced(start, end - start);
        bool escaped = false;
        for (const char c : segment) {
            if (c == '%')
                escaped = true;
            else if (!isPathChar(c))
                return fail(error, "character not allowed in a path");
        }
        if (escaped) {
            QString decoded;
            if (!decodeComponent(segment, &decoded, error))
                return false;
            if (decoded == QLatin1String(".") || decoded == QLatin1String(".."))
                return fail(error, "dot segment");
        } else if (segment == ".." || segment == ".") {
            return fail(error, "dot segment");
        }
        start = end + 1;
    }
    return true;
}

bool PathCodec::decodeQuery(QByteArrayView query, QList<QPair<QString, QString>> *out,
                            QString *error)
{
    for (const char c : query) {
        if (c != '%' && !isQueryChar(c))
            return fail(error, "character not allowed in a query");
    }
    qsizetype start = 0;
    while (start <= query.size()) {
        qsizetype end = query.indexOf('&', start);
        if (end < 0)
            end = query.size();
        const QByteArrayView part = query.sliced(start, end - start);
        if (!part.isEmpty()) {
            const qsizetype eq = part.indexOf('=');
            QString key, value;
            if (!decodeComponent(eq < 0 ? part : part.first(eq), &key, error, true))
                return false;
            if (eq >= 0 && !decodeComponent(part.sliced(eq + 1), &value, error, true))
                return false;
            if (out)
                out->append({key, value});
        }
        start = end + 1;
    }
    return true;
}
