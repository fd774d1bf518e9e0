#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QPair>
#include <QString>

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
    // The gateway's envelope: {"error":{"code","message","details"?}}.
    static HttpResponse error(int status, QLatin1String code, const QString &message,
                              const QJsonObject &details = {});
    // error() with the contract code that matches the status (400 -> validation_error, ...).
    static HttpResponse error(int status, const QString &message);

    // E.g. the gateway's X-Request-Id for a forwarded call replaces the generated one.
    HttpResponse &setHeader(const QByteArray &name, const QByteArray &value);
};

namespace LocalApiErrors {
// The contract's code for a status: validation_error for every 4xx it has no code for
// (405, 408, 411, 413, 417, 431) and for 505; internal for other 5xx.
QLatin1String codeForStatus(int status);
} // namespace LocalApiErrors
