#include "localapi/LocalApiGuard.h"

#include "localapi/LocalApiErrors.h"
#include "localapi/LocalApiToken.h"

namespace {

QByteArrayView trimmed(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

// The credential the client presented, chosen as the gateway chooses an API key: a non-empty
// x-api-key wins; otherwise "Authorization: Bearer <token>" (any other scheme is ignored).
// A null view when there is none.
QByteArrayView presentedToken(const QByteArray &authorization, const QByteArray &apiKey)
{
    if (!trimmed(apiKey).isEmpty())
        return trimmed(apiKey);
    const QByteArrayView auth = trimmed(authorization);
    if (auth.size() > 7 && auth.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0
        && !trimmed(auth.sliced(7)).isEmpty())
        return trimmed(auth.sliced(7));
    return {};
}

} // namespace

LocalApiGuard::LocalApiGuard(const QByteArray &token, quint16 port)
    : m_token(token)
{
    const QByteArray p = ":" + QByteArray::number(port);
    m_hosts = {"127.0.0.1" + p, "localhost" + p, "[::1]" + p};
    if (port == 80) // clients leave the default port out
        m_hosts += {"127.0.0.1", "localhost", "[::1]"};
}

std::optional<HttpResponse> LocalApiGuard::checkHost(const HttpRequest &request) const
{
    const QByteArray host = request.header("host");
    for (const QByteArray &allowed : m_hosts) {
        if (host.size() == allowed.size() && host.compare(allowed, Qt::CaseInsensitive) == 0)
            return std::nullopt;
    }
    return LocalApiErrors::error(
        403, QLatin1String("forbidden"),
        QStringLiteral("Host must be 127.0.0.1, localhost or [::1] with this server's port"));
}

std::optional<HttpResponse> LocalApiGuard::checkNotBrowser(const HttpRequest &request) const
{
    const QByteArray fetchSite = request.header("sec-fetch-site");
    if (request.hasHeader("origin") || (!fetchSite.isNull() && fetchSite != "none")) {
        return LocalApiErrors::error(403, QLatin1String("forbidden"),
                                     QStringLiteral("requests from web pages are not accepted"));
    }
    return std::nullopt;
}

std::optional<HttpResponse> LocalApiGuard::checkToken(const HttpRequest &request) const
{
    const QByteArray authorization = request.header("authorization");
    const QByteArray apiKey = request.header("x-api-key");
    const QByteArrayView presented = presentedToken(authorization, apiKey);
    if (!presented.isNull() && LocalApiToken::equals(presented, m_token))
        return std::nullopt;
    HttpResponse r = LocalApiErrors::error(401, QLatin1String("unauthorized"),
                                           QStringLiteral("missing or invalid credentials"));
    r.setHeader("WWW-Authenticate", "Bearer realm=\"gateway-console-local-api\"");
    return r;
}
