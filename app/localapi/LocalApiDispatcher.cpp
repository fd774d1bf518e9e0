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

std::optional<HttpResponse> LocalApiDispatcher::admit(const HttpRequest &request)
{
    if (auto refused = m_guard.checkHost(request))
        return refused;
    return m_guard.checkNotBrowser(request);
}

HttpResponse LocalApiDispatcher::errorResponse(int status, const QString &message) const
{
    return LocalApiErrors::error(status, message);
}

std::optional<HttpResponse> LocalApiDispatcher::handle(HttpRequest &request,
                                                       const ResponderFactory &makeResponder)
{
    QString error;
    if (!PathCodec::validatePath(request.path, &error))
        return LocalApiErrors::error(400, QLatin1String("validation_error"),
                                     QStringLiteral("invalid path: %1").arg(error));

    const LocalApiRouter::Match match = m_router->match(request.method, request.path,
                                                        &request.pathParams);
    if (!match.publicPath) {
        if (auto refused = m_guard.checkToken(request))
            return refused;
    }
    switch (match.kind) {
    case LocalApiRouter::Match::Kind::NotFound:
        return LocalApiErrors::error(404, QLatin1String("not_found"),
                                     QStringLiteral("no such path"));
    case LocalApiRouter::Match::Kind::MethodNotAllowed: {
        HttpResponse r = LocalApiErrors::error(
            405, QLatin1String("validation_error"),
            QStringLiteral("method not allowed here; allowed: %1")
                .arg(QString::fromLatin1(match.allow)));
        r.setHeader("Allow", match.allow);
        return r;
    }
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
