#pragma once

#include "http/HttpRequestHandler.h"
#include "localapi/LocalApiGuard.h"
#include "localapi/LocalApiRouter.h"

#include <memory>
#include <optional>

// The local API behind the HTTP server: takes one parsed request through the checks, in this
// order, then to its handler. admit(): Host (403) -> not from a browser (403); handle(): path
// well-formed (400) -> route lookup: unknown path (404 "route not found") / method (405 with
// Allow and no body), before any credential as on the gateway -> token unless the route is
// public (401) -> bad parameter or query (400) -> handler. Every error body, the server's own
// included, is the gateway's envelope (LocalApiErrors). A client's own X-Request-Id is
// echoed; otherwise the server's is sent. One dispatcher per server thread; no sockets.
class LocalApiDispatcher : public HttpRequestHandler
{
public:
    LocalApiDispatcher(std::shared_ptr<const LocalApiRouter> router, const LocalApiGuard &guard);

    std::optional<HttpResponse> admit(const HttpRequest &request) override;
    std::optional<HttpResponse> handle(HttpRequest &request,
                                       const ResponderFactory &makeResponder) override;
    // A GET upgrade goes to its route's upgrade handler after the same checks as handle();
    // anything else is handled as a plain request.
    std::optional<HttpResponse> upgrade(HttpRequest &request, const ResponderFactory &makeResponder,
                                        const SocketTaker &takeSocket) override;
    HttpResponse errorResponse(int status, const QString &message) const override;

    // The client's X-Request-Id when the gateway would keep it (trimmed, 1-128 visible ASCII
    // characters), else empty.
    static QByteArray clientRequestId(const HttpRequest &request);

private:
    std::optional<HttpResponse> route(HttpRequest &request, const ResponderFactory &makeResponder,
                                      const SocketTaker *takeSocket = nullptr);

    std::shared_ptr<const LocalApiRouter> m_router;
    LocalApiGuard m_guard;
};
