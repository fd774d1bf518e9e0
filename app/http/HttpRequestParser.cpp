#include "http/HttpRequestParser.h"

namespace {

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (const char c : s) {
        if (!HttpRequestParser::isTokenChar(c))
            return false;
    }
    return true;
}

QByteArrayView trimOws(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

// Calls f(token) for each comma-separated element of a header list value.
template <typename F>
void forEachListItem(QByteArrayView value, F f)
{
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype end = value.indexOf(',', start);
        if (end < 0)
            end = value.size();
        const QByteArrayView item = trimOws(value.sliced(start, end - start));
        if (!item.isEmpty())
            f(item);
        start = end + 1;
    }
}

bool equalsNoCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

// One Content-Length field more; false when it is not a number or disagrees with what was
// seen (repeated or listed values are tolerated only when they all agree).
bool addContentLength(QByteArrayView value, bool *seen, qint64 *length)
{
    bool bad = value.isEmpty();
    forEachListItem(value, [&](QByteArrayView item) {
        qint64 n = 0;
        for (const char c : item) {
            if (c < '0' || c > '9') {
                bad = true;
                return;
            }
            n = qMin(n * 10 + (c - '0'), qint64(1) << 40); // saturate: still "too large"
        }
        if (*seen && n != *length)
            bad = true;
        *seen = true;
        *length = n;
    });
    return !bad;
}

} // namespace

HttpRequestParser::HttpRequestParser(const HttpLimits &limits)
    : m_limits(limits)
{
}

HttpRequestParser::Result HttpRequestParser::fail(int status, const char *message)
{
    m_errorStatus = status;
    m_errorMessage = QString::fromLatin1(message);
    return Result::Error;
}

void HttpRequestParser::reset()
{
    m_request = HttpRequest();
    m_scanFrom = m_skip = m_headSize = m_bodySize = 0;
    m_started = m_headDone = m_expectContinue = m_continueSent = false;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest r = std::move(m_request);
    reset();
    return r;
}

HttpRequestParser::Result HttpRequestParser::feed(QByteArrayView input, qsizetype *consumed)
{
    *consumed = 0;
    if (!m_headDone) {
        // RFC 9112 2.2: blank lines before a request line are ignored (still counted).
        while (m_skip < input.size() && (input[m_skip] == '\r' || input[m_skip] == '\n'))
            ++m_skip;
        m_started = !input.isEmpty();
        const QByteArrayView rest = input.sliced(m_skip);
        if (m_skip > m_limits.maxHeadBytes)
            return fail(431, "request head too large");
        // Every method starts with a token character: TLS handshakes and other protocols
        // are turned away at once instead of waiting for a blank line that never comes.
        if (!rest.isEmpty() && !HttpRequestParser::isTokenChar(rest[0]))
            return fail(400, "not an HTTP request");

        // Find the blank line ending the head; resume where the last search stopped.
        qsizetype end = -1;
        qsizetype pos = m_scanFrom;
        while (end < 0) {
            const qsizetype nl = rest.indexOf('\n', pos);
            if (nl < 0) {
                m_scanFrom = rest.size();
                break;
            }
            if (nl + 1 < rest.size() && rest[nl + 1] == '\n') {
                end = nl + 2;
            } else if (nl + 2 < rest.size() && rest[nl + 1] == '\r' && rest[nl + 2] == '\n') {
                end = nl + 3;
            } else if (nl + 2 >= rest.size()) {
                m_scanFrom = nl; // not enough bytes yet to tell
                break;
            } else {
                pos = nl + 1;
            }
        }
        if (end < 0) {
            if (rest.size() > m_limits.maxHeadBytes)
                return fail(431, "request head too large");
            return Result::NeedMore;
        }
        if (end > m_limits.maxHeadBytes)
            return fail(431, "request head too large");
        if (parseHead(rest.first(end)) == Result::Error)
            return Result::Error;
        if (checkFraming() == Result::Error)
            return Result::Error;
        m_headSize = m_skip + end;
        m_headDone = true;
    }
    if (input.size() - m_headSize < m_bodySize)
        return Result::NeedMore;
    if (m_bodySize > 0)
        m_request.body = input.sliced(m_headSize, m_bodySize).toByteArray();
    *consumed = m_headSize + m_bodySize;
    return Result::Complete;
}

HttpRequestParser::Result HttpRequestParser::parseHead(QByteArrayView head)
{
    bool first = true;
    qsizetype start = 0;
    while (start < head.size()) {
        qsizetype nl = head.indexOf('\n', start);
        QByteArrayView line = head.sliced(start, nl - start);
        start = nl + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break; // the blank line: end of head
        if (line.contains('\r'))
            return fail(400, "bare CR in request head");
        if (first) {
            if (parseRequestLine(line) == Result::Error)
                return Result::Error;
            first = false;
        } else if (parseHeaderLine(line) == Result::Error) {
            return Result::Error;
        }
    }
    return first ? fail(400, "missing request line") : Result::NeedMore;
}

HttpRequestParser::Result HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0)
        return fail(400, "malformed request line");
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);

    if (method.size() > 32 || !isToken(method))
        return fail(400, "malformed method");
    if (version == "HTTP/1.1") {
        m_request.httpMinor = 1;
    } else if (version == "HTTP/1.0") {
        m_request.httpMinor = 0;
    } else if (version.size() == 8 && version.startsWith("HTTP/") && version[6] == '.') {
        return fail(505, "only HTTP/1.0 and HTTP/1.1 are supported");
    } else {
        return fail(400, "malformed HTTP version");
    }
    // Origin form only: no absolute URLs (proxy style), no '*', no fragments, no raw bytes
    // outside visible ASCII. Escapes and path characters are checked later by PathCodec.
    if (target.isEmpty() || target[0] != '/')
        return fail(400, "request target must be a path");
    for (const char c : target) {
        if (uchar(c) <= 0x20 || uchar(c) >= 0x7F || c == '#')
            return fail(400, "character not allowed in the request target");
    }
    const qsizetype q = target.indexOf('?');
    m_request.method = method.toByteArray();
    m_request.path = (q < 0 ? target : target.first(q)).toByteArray();
    if (q >= 0)
        m_request.query = target.sliced(q + 1).toByteArray();
    return Result::NeedMore;
}

HttpRequestParser::Result HttpRequestParser::parseHeaderLine(QByteArrayView line)
{
    if (line[0] == ' ' || line[0] == '\t')
        return fail(400, "folded header lines are not accepted");
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon)))
        return fail(400, "malformed header name"); // includes whitespace before the colon
    const QByteArrayView value = trimOws(line.sliced(colon + 1));
    for (const char c : value) {
        if ((uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7F)
            return fail(400, "control character in a header value");
    }
    if (m_request.headers.size() >= m_limits.maxHeaderCount)
        return fail(431, "too many header fields");
    if (m_request.headers.isEmpty())
        m_request.headers.reserve(12);
    m_request.headers.append({line.first(colon).toByteArray().toLower(), value.toByteArray()});
    return Result::NeedMore;
}

HttpRequestParser::Result HttpRequestParser::checkFraming()
{
    int hosts = 0;
    bool chunked = false, transferEncoding = false, sawLength = false, close = false,
         keepAlive = false;
    qint64 length = 0;
    for (const auto &h : m_request.headers) {
        const QByteArray &name = h.first;
        if (name == "content-length") {
            if (!addContentLength(h.second, &sawLength, &length))
                return fail(400, "invalid Content-Length");
        } else if (name == "transfer-encoding") {
            transferEncoding = true;
            forEachListItem(h.second, [&](QByteArrayView item) {
                if (equalsNoCase(item, "chunked"))
                    chunked = true;
            });
        } else if (name == "host") {
            ++hosts;
        } else if (name == "connection") {
            forEachListItem(h.second, [&](QByteArrayView item) {
                close = close || equalsNoCase(item, "close");
                keepAlive = keepAlive || equalsNoCase(item, "keep-alive");
            });
        } else if (name == "expect") {
            if (!equalsNoCase(h.second, "100-continue"))
                return fail(417, "only 'Expect: 100-continue' is understood");
            m_expectContinue = true;
        }
    }
    if (hosts > 1 || (hosts == 0 && m_request.httpMinor == 1))
        return fail(400, "exactly one Host header is required");
    // Both framings at once is the classic smuggling vector: refuse, never pick one.
    if (transferEncoding && sawLength)
        return fail(400, "both Transfer-Encoding and Content-Length");
    if (chunked)
        return fail(411, "chunked request bodies are not accepted; send Content-Length");
    if (transferEncoding)
        return fail(400, "unsupported Transfer-Encoding");
    if (length > m_limits.maxBodyBytes)
        return fail(413, "request body too large");
    m_bodySize = qsizetype(length);
    m_expectContinue = m_expectContinue && m_bodySize > 0;
    m_request.keepAlive = m_request.httpMinor == 1 ? !close : (keepAlive && !close);
    return Result::NeedMore;
}

bool HttpRequestParser::isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}
