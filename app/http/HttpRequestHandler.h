#pragma once

#include "http/HttpRequest.h"
#include "http/HttpResponder.h"
#include "http/HttpResponse.h"

#include <QString>

class QTcpSocket;

#include <functional>
#include <memory>
#include <optional>

// All the server asks of the application behind it, in the manner of qBittorrent's
// IRequestHandler: the server reads, parses, limits and writes; the handler decides what
// each request gets and what the server's own error answers say. One handler per server,
// called on the server's thread only.
class HttpRequestHandler
{
public:
    using ResponderFactory = std::function<HttpResponder()>;
    // Detaches the connection's socket from the server and hands it over (see upgrade()), or
    // returns null when it cannot be (another request of the connection is still unanswered,
    // or the request was not read from a clean start); the handler then answers instead.
    using SocketTaker = std::function<QTcpSocket *()>;

    virtual ~HttpRequestHandler() = default;

    // First, for every request: may it be served at all (e.g. does its Host name this
    // server, does it come from a web page)? A refusal is answered, then the connection is
    // closed at once; only connections whose requests were admitted may hold the server's
    // reserved slots (HttpLimits::reservedConnections).
    virtual std::optional<HttpResponse> admit(const HttpRequest &request) = 0;

    // An admitted request: its answer, or nothing when an asynchronous handler took a
    // responder from makeResponder and answers through it later.
    virtual std::optional<HttpResponse> handle(HttpRequest &request,
                                               const ResponderFactory &makeResponder) = 0;

    // An admitted request with an `Upgrade` header (e.g. a WebSocket handshake). As handle(),
    // it answers (a refusal before any upgrade, as plain HTTP) or answers later; or it calls
    // takeSocket() and returns nullopt: the socket is then the handler's (no parent, no
    // signal connected, on the server's thread), positioned at the request's first byte so a
    // protocol library (QWebSocketServer::handleConnection) reads the request itself; the
    // server forgets the connection and frees its slot. Default: handle().
    virtual std::optional<HttpResponse> upgrade(HttpRequest &request,
                                                const ResponderFactory &makeResponder,
                                                const SocketTaker &takeSocket)
    {
        Q_UNUSED(takeSocket);
        return handle(request, makeResponder);
    }

    // The body of the server's own answers: malformed or oversized requests (400, 411, 413,
    // 417, 431, 505), requests not received in time (408), too many connections or a
    // handler silent too long (503), a responder dropped unanswered (500).
    virtual HttpResponse errorResponse(int status, const QString &message) const = 0;
};

// Makes the server's handler once it listens, on the server's thread (the handler may need
// the port, e.g. to check Host). Returns null with *error set to refuse to serve.
using HttpHandlerFactory =
    std::function<std::unique_ptr<HttpRequestHandler>(quint16 port, QString *error)>;
