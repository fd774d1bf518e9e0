#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// One HTTP/1.1 answer, built by the handlers and written to the socket by SimServer, which
// may delay, cut or corrupt it on the way (fault injection).
namespace sim {

struct Response {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    bool close = false; // close the connection after this answer

    Response &header(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
};

struct FieldError {
    QString location; // "query.limit", "path.lid"
    QString message;
    QString value;
};

Response jsonResponse(int status, const QByteArray &body);
Response noContent();
// The contract's envelope {"error":{"code","message","details"?}}; the status follows the code.
Response errorResponse(const char *code, const QString &message);
Response validationError(const QString &message, const QList<FieldError> &errors = {});
int statusForCode(const char *code);

// Status line, headers and body. Content-Length always states the full body.
QByteArray serializeHead(const Response &r, const QByteArray &requestId, bool close);

} // namespace sim
