#include "HttpResponse.h"

#include "JsonWriter.h"

#include <cstring>

namespace sim {

namespace {

struct CodeStatus {
    const char *code;
    int status;
};

// The contract's code -> status table (ErrorDetail.code).
const CodeStatus kCodes[] = {
    {"validation_error", 400}, {"unauthorized", 401},    {"forbidden", 403},
    {"not_found", 404},        {"conflict", 409},        {"rate_limited", 429},
    {"internal", 500},         {"not_implemented", 501}, {"gateway_unavailable", 503},
};

const char *reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 409:
        return "Conflict";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

Response envelope(const char *code, const QString &message, const QList<FieldError> *errors)
{
    JsonWriter w;
    w.beginObject()
        .key("error")
        .beginObject()
        .field("code", QByteArray(code))
        .field("message", message);
    if (errors && !errors->isEmpty()) {
        w.key("details").beginObject().key("errors").beginArray();
        for (const FieldError &e : *errors) {
            w.beginObject().field("location", e.location).field("message", e.message);
            // Echo at most a prefix of hostile values; the point is to say where, not to mirror.
            w.field("value", e.value.left(200));
            w.endObject();
        }
        w.endArray().endObject();
    }
    w.endObject().endObject();
    Response r = jsonResponse(statusForCode(code), w.take());
    if (r.status == 401)
        r.header("WWW-Authenticate", "Bearer");
    return r;
}

} // namespace

int statusForCode(const char *code)
{
    for (const CodeStatus &c : kCodes)
        if (std::strcmp(c.code, code) == 0)
            return c.status;
    return 500;
}

Response jsonResponse(int status, const QByteArray &body)
{
    Response r;
    r.status = status;
    r.body = body;
    return r;
}

Response noContent()
{
    Response r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

Response errorResponse(const char *code, const QString &message)
{
    return envelope(code, message, nullptr);
}

Response validationError(const QString &message, const QList<FieldError> &errors)
{
    return envelope("validation_error", message, &errors);
}

QByteArray serializeHead(const Response &r, const QByteArray &requestId, bool close)
{
    QByteArray h;
    h.reserve(256);
    h += "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reason(r.status) + "\r\n";
    if (!r.contentType.isEmpty())
        h += "Content-Type: " + r.contentType + "\r\n";
    if (r.status != 204) // a 204 carries no body and must not announce one
        h += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    h += "X-Request-Id: " + requestId + "\r\n";
    for (const auto &kv : r.headers)
        h += kv.first + ": " + kv.second + "\r\n";
    h += close ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    h += "\r\n";
    return h;
}

} // namespace sim
