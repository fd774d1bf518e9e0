#pragma once

#include "http/HttpResponse.h"
#include "http/HttpServerConfig.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QLoggingCategory>

// Turns a HttpResponse into the bytes of one HTTP/1.1 response (head and body in one
// buffer, so the connection writes it with a single call). Adds the headers every answer
// carries and filters handler headers that could break framing or open CORS.
namespace HttpResponseWriter {

struct Frame {
    QByteArrayView requestId; // used unless the response sets X-Request-Id itself
    bool headOnly = false;    // HEAD: same head, no body
    bool keepAlive = true;
    bool http10 = false; // HTTP/1.0 client: keep-alive must be said explicitly
    QMessageLogger::CategoryFunction log = lcHttp; // where dropped headers are reported
};

QByteArray serialize(const HttpResponse &response, const Frame &frame);

// "OK", "Not Found", ... (empty for unknown codes, which is still valid HTTP).
QByteArrayView reasonPhrase(int status);

// True for handler headers the server refuses to pass on (framing, security, CORS, bad bytes).
bool isReservedHeader(QByteArrayView name, QByteArrayView value);

} // namespace HttpResponseWriter
