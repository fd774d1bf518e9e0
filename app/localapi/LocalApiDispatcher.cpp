#include "localapi/LocalApiDispatcher.h"

#include "core/Logging.h"
#include "localapi/LocalApiErrors.h"
#include "localapi/PathCodec.h"

#include <exception>

LocalApiDispatcher::LocalApiDispatcher(std::shared_ptr<const LocalApiRouter> router,
                                       const LocalApiGuard &guard)
    : m_router(std::move(router))
    , m_guard(guard)
{
}

namespace {

std::optional<HttpResponse> withRequestId(std::optional<HttpResponse> response,
                                          const QByteArray &id)
{
    if (response && !id.isEmpty())
        response->setHeader("X-Request-Id", id);
    return response;
}

} // namespace

QByteArray LocalApiDispatcher::clientRequestId(const HttpRequest &request)
{
    const QByteArray id = request.header("x-request-id").trimmed();
    if (id.isEmpty() || id.size() > 128)
        return {};
    for (const char c : id) {
        if (c < 0x21 || c > 0x7e)
            return {};
    }
    return id;
}

std::optional<HttpResponse> LocalApiDispatcher::admit(const HttpRequest &request)
{
    if (auto refused = m_guard.checkHost(request))
        return withRequestId(refused, clientRequestId(request));
    return withRequestId(m_guard.checkNotBrowser(request), clientRequestId(request));
}

HttpResponse LocalApiDispatcher::errorResponse(int status, const QString &message) const
{
    return LocalApiErrors::error(status, message);
}

std::optional<HttpResponse> LocalApiDispatcher::handle(HttpRequest &request,
                                                       const ResponderFactory &makeResponder)
{
    // Asynchronous handlers set it themselves (clientRequestId()).
    return withRequestId(route(request, makeResponder), clientRequestId(request));
}

std::optional<HttpResponse> LocalApiDispatcher::upgrade(HttpRequest &request,
                                                        const ResponderFactory &makeResponder,
                                                        const SocketTaker &takeSocket)
{
    return withRequestId(route(request, makeResponder, &takeSocket), clientRequestId(request));
}

std::optional<HttpResponse> LocalApiDispatcher::route(HttpRequest &request,
                                                      const ResponderFactory &makeResponder,
                                                      const SocketTaker *takeSocket)
{
    QString error;
    if (!PathCodec::validatePath(request.path, &error))
        return LocalApiErrors::error(400, QLatin1String("validation_error"),
                                     QStringLiteral("invalid path: %1").arg(error));

    const LocalApiRouter::Match match = m_router->match(request.method, request.path,
                                                        &request.pathParams);
    switch (match.kind) {
    case LocalApiRouter::Match::Kind::NotFound:
        return LocalApiErrors::error(404, QLatin1String("not_found"),
                                     QStringLiteral("route not found"));
    case LocalApiRouter::Match::Kind::MethodNotAllowed: {
        // The gateway's router (chi) answers 405 with Allow and an empty body.
        HttpResponse r;
        r.status = 405;
        r.setHeader("Allow", match.allow);
        return r;
    }
    default:
        break;
    }
    if (!match.publicPath) {
        if (auto refused = m_guard.checkToken(request))
            return refused;
    }
    switch (match.kind) {
    case LocalApiRouter::Match::Kind::NotFound:
    case LocalApiRouter::Match::Kind::MethodNotAllowed:
        break;
    case LocalApiRouter::Match::Kind::BadParameter:
        return LocalApiErrors::error(400, QLatin1String("validation_error"),
                                     QStringLiteral("invalid path parameter: %1").arg(match.error));
    case LocalApiRouter::Match::Kind::Found:
        break;
    }
    if (!request.query.isEmpty()
        && !PathCodec::decodeQuery(request.query, &request.queryItems, &error))
        return LocalApiErrors::error(400, QLatin1String("validation_error"),
                                     QStringLiteral("invalid query: %1").arg(error));

    // A throwing handler must cost one 500, not the server thread.
    try {
        if (takeSocket && match.route->upgradeHandler && request.method == "GET")
            return match.route->upgradeHandler(request, *takeSocket);
        if (match.route->asyncHandler) {
            match.route->asyncHandler(request, makeResponder());
            return std::nullopt;
        }
        return match.route->handler(request);
    } catch (const std::exception &e) {
        qCWarning(lcLocalApi) << "handler threw for" << match.route->pattern << e.what();
    } catch (...) {
        qCWarning(lcLocalApi) << "handler threw for" << match.route->pattern;
    }
    return LocalApiErrors::error(500, QLatin1String("internal"), QStringLiteral("internal error"));
}
