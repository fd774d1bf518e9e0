#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>

// What a handler answers: status, body (JSON or empty) and extra headers. The server adds
// Content-Length, X-Request-Id, X-Content-Type-Options, Cache-Control, Date and Connection
// itself and drops any handler header that would clash with them or open CORS.
struct HttpResponse {
    int status = 200;
    QByteArray body;
    QByteArray contentType; // empty: application/json when there is a body
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(const QJsonObject &object, int status = 200);
    static HttpResponse json(const QJsonArray &array, int status = 200);
    // Already serialized JSON (e.g. cached), sent as is.
    static HttpResponse rawJson(const QByteArray &json, int status = 200);
    static HttpResponse noContent(); // 204, empty body
    // E.g. an upstream X-Request-Id for a forwarded call replaces the generated one.
    HttpResponse &setHeader(const QByteArray &name, const QByteArray &value);
};
