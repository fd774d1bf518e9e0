#pragma once

#include "http/HttpRequestHandler.h"
#include "localapi/LocalApiGuard.h"
#include "localapi/LocalApiRouter.h"

#include <memory>
#include <optional>

// The local API behind the HTTP server: takes one parsed request through the checks, in this
// order, then to its handler. admit(): Host (403) -> not from a browser (403); handle(): path
// well-formed (400) -> route lookup -> token unless the route is public (401, also for
// unknown paths so they reveal nothing) -> unknown path (404) / method (405 + Allow) / bad
// parameter or query (400) -> handler. Every error, the server's own included, is the
// gateway's envelope (LocalApiErrors). One dispatcher per server thread; it has no sockets.
class LocalApiDispatcher : public HttpRequestHandler
{
public:
    LocalApiDispatcher(std::shared_ptr<const LocalApiRouter> router, const LocalApiGuard &guard);

    std::optional<HttpResponse> admit(const HttpRequest &request) override;
    std::optional<HttpResponse> handle(HttpRequest &request,
                                       const ResponderFactory &makeResponder) override;
    HttpResponse errorResponse(int status, const QString &message) const override;

private:
    std::shared_ptr<const LocalApiRouter> m_router;
    LocalApiGuard m_guard;
};
