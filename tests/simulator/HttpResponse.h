#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

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

Response jsonResponse(int status, const QByteArray &body);
Response noContent();
// The contract's envelope {"error":{"code","message","details"?}}; the status follows the code.
Response errorResponse(const char *code, const QString &message);
// 400 validation_error; `errors` become details.errors, huma's "message (location: value)" lines.
Response validationError(const QString &message, const QStringList &errors = {});
// chi's answer to a known path with another method: an empty body and the Allow header.
Response methodNotAllowed(const QList<QByteArray> &allowed);
int statusForCode(const char *code);

// Status line, headers and body. Content-Length always states the full body.
QByteArray serializeHead(const Response &r, const QByteArray &requestId, bool close);

} // namespace sim
