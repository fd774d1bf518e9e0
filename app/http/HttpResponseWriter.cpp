#include "http/HttpResponseWriter.h"

#include "http/HttpRequestParser.h"

#include <QDateTime>
#include <QLocale>

#include <ctime>

namespace {

// RFC 9110 IMF-fixdate, rebuilt at most once per second per thread.
QByteArrayView httpDate()
{
    thread_local std::time_t cachedSecond = 0;
    thread_local QByteArray cached;
    const std::time_t now = std::time(nullptr);
    if (now != cachedSecond) {
        cachedSecond = now;
        cached = QLocale::c()
                     .toString(QDateTime::fromSecsSinceEpoch(qint64(now), Qt::UTC),
                               QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                     .toLatin1();
    }
    return cached;
}

// No CR, LF or other controls: a value must never be able to start a new header.
bool isCleanValue(QByteArrayView value)
{
    for (const char c : value) {
        if ((uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7F)
            return false;
    }
    return true;
}

bool equalsLower(QByteArrayView name, QByteArrayView lower)
{
    return name.size() == lower.size() && name.compare(lower, Qt::CaseInsensitive) == 0;
}

void appendNumber(QByteArray &out, qsizetype n)
{
    char digits[24];
    int i = sizeof(digits);
    do {
        digits[--i] = char('0' + n % 10);
        n /= 10;
    } while (n > 0);
    out.append(digits + i, qsizetype(sizeof(digits)) - i);
}

} // namespace

namespace HttpResponseWriter {
namespace {

// Status line and the headers the server itself owns.
void appendHead(QByteArray &out, int status, QByteArrayView contentType, bool bodyAllowed,
                qsizetype bodySize, QByteArrayView requestId, const Frame &frame)
{
    out.append("HTTP/1.1 ");
    appendNumber(out, status);
    out.append(' ');
    out.append(reasonPhrase(status));
    out.append("\r\n");
    if (!contentType.isEmpty()) {
        out.append("Content-Type: ");
        out.append(contentType);
        out.append("\r\n");
    }
    if (bodyAllowed) {
        out.append("Content-Length: ");
        appendNumber(out, bodySize);
        out.append("\r\n");
    }
    out.append("X-Request-Id: ");
    out.append(requestId);
    out.append("\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nDate: ");
    out.append(httpDate());
    out.append("\r\n");
    if (!frame.keepAlive)
        out.append("Connection: close\r\n");
    else if (frame.http10)
        out.append("Connection: keep-alive\r\n");
}

// The handler's own headers, minus those that could break framing or open CORS.
void appendHandlerHeaders(QByteArray &out, const HttpResponse &r,
                          QMessageLogger::CategoryFunction log)
{
    for (const auto &h : r.headers) {
        if (isReservedHeader(h.first, h.second)) {
            if (!equalsLower(h.first, "x-request-id") && !equalsLower(h.first, "content-type"))
                qCWarning(log) << "dropped reserved response header" << h.first;
            continue;
        }
        out.append(h.first);
        out.append(": ");
        out.append(h.second);
        out.append("\r\n");
    }
}

} // namespace
} // namespace HttpResponseWriter

QByteArrayView HttpResponseWriter::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 417:
        return "Expectation Failed";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "";
    }
}

bool HttpResponseWriter::isReservedHeader(QByteArrayView name, QByteArrayView value)
{
    if (name.isEmpty())
        return true;
    for (const char c : name) {
        if (!HttpRequestParser::isTokenChar(c))
            return true;
    }
    if (!isCleanValue(value))
        return true;
    if (name.size() > 15 && name.first(15).compare("access-control-", Qt::CaseInsensitive) == 0)
        return true;
    static constexpr const char *reserved[] = {
        "content-length", "transfer-encoding",      "connection",    "keep-alive",   "upgrade",
        "date",           "x-content-type-options", "cache-control", "content-type", "x-request-id",
        "trailer",
    };
    for (const char *r : reserved) {
        if (equalsLower(name, QByteArrayView(r)))
            return true;
    }
    return false;
}

QByteArray HttpResponseWriter::serialize(const HttpResponse &r, const Frame &frame)
{
    const int status = (r.status >= 100 && r.status <= 999) ? r.status : 500;
    const bool bodyAllowed = status != 204 && status != 304 && status >= 200;
    const QByteArrayView body = bodyAllowed ? QByteArrayView(r.body) : QByteArrayView();

    QByteArrayView requestId = frame.requestId;
    QByteArrayView contentType = r.contentType;
    for (const auto &h : r.headers) {
        // The two headers a handler may legitimately replace, once their bytes are clean.
        if (!isCleanValue(h.second) || h.second.isEmpty())
            continue;
        if (equalsLower(h.first, "x-request-id"))
            requestId = h.second;
        else if (equalsLower(h.first, "content-type"))
            contentType = h.second;
    }
    if (contentType.isEmpty() && !body.isEmpty())
        contentType = "application/json";

    QByteArray out;
    out.reserve(256 + body.size());
    appendHead(out, status, bodyAllowed ? contentType : QByteArrayView(), bodyAllowed, body.size(),
               requestId, frame);
    appendHandlerHeaders(out, r, frame.log);
    out.append("\r\n");
    if (!frame.headOnly)
        out.append(body);
    return out;
}
