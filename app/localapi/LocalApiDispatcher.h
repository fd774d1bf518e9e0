#pragma once

#include "http/HttpRequest.h"
#include "http/HttpResponder.h"
#include "http/HttpResponse.h"
#include "localapi/LocalApiGuard.h"
#include "localapi/LocalApiRouter.h"

#include <QByteArray>
#include <QRandomGenerator>

#include <functional>
#include <memory>
#include <optional>

// Takes one parsed request through the checks, in this order, then to its handler:
// Host (403) -> not from a browser (403) -> path well-formed (400) -> route lookup ->
// token unless the route is public (401, also for unknown paths so they reveal nothing)
// -> unknown path (404) / method (405 + Allow) / bad parameter or query (400) -> handler.
// One dispatcher per server thread; it has no sockets.
class LocalApiDispatcher
{
public:
    using ResponderFactory = std::function<HttpResponder()>;

    LocalApiDispatcher(std::shared_ptr<const LocalApiRouter> router, const LocalApiGuard &guard);

    // The answer, or nothing when an async handler took a responder from makeResponder.
    std::optional<HttpResponse> dispatch(HttpRequest &request,
                                         const ResponderFactory &makeResponder) const;

    // 32 hex digits, unique enough to find one request in logs.
    QByteArray newRequestId();

private:
    std::shared_ptr<const LocalApiRouter> m_router;
    LocalApiGuard m_guard;
    QRandomGenerator64 m_ids;
};
