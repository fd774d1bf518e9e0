#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringView>

// One parsed HTTP request as a handler sees it. Path parameters and query items are
// already percent-decoded and validated (see PathCodec); headers keep their raw bytes.
struct HttpRequest {
    QByteArray method;     // "GET", "POST", "HEAD" (HEAD is served by GET routes)
    QByteArray path;       // still percent-encoded, as received, without the query
    QByteArray query;      // still percent-encoded, without the '?'
    int httpMinor = 1;     // HTTP/1.<minor>
    bool keepAlive = true; // the client keeps the connection for another request
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-case, in arrival order
    QByteArray body;
    QHostAddress peerAddress;
    quint16 peerPort = 0;
    QByteArray requestId; // the X-Request-Id the response will carry unless overridden

    QList<QPair<QString, QString>> pathParams; // {name} -> decoded segment text
    QList<QPair<QString, QString>> queryItems; // decoded, in order; '+' is a space

    // First value of a header (name in lower case), or a null array.
    QByteArray header(QByteArrayView lowerName) const;
    bool hasHeader(QByteArrayView lowerName) const;
    QString param(QStringView name) const;
    bool hasQueryItem(QStringView name) const;
    QString queryItem(QStringView name, const QString &fallback = {}) const;
    // Parses the body as one JSON object; false with a reason otherwise.
    bool jsonObjectBody(QJsonObject *out, QString *error) const;
};
