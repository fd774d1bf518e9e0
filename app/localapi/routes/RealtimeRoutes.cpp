#include "localapi/routes/RealtimeRoutes.h"

#include "cache/CacheReader.h"
#include "localapi/LocalApiBackend.h"
#include "localapi/LocalApiRouter.h"
#include "localapi/LocalApiRoutesCommon.h"
#include "localapi/LocalRealtimeHub.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace LocalApiRoutesCommon;

namespace {

const QString kRealtimePath = QStringLiteral("/api/v1/realtime");

HttpResponse unavailable()
{
    return LocalApiErrors::error(503, QLatin1String("gateway_unavailable"),
                                 QStringLiteral("the realtime feed is not available"));
}

HttpResponse unauthorized(const QString &why)
{
    return LocalApiErrors::error(401, QLatin1String("unauthorized"), why);
}

// The body's fields, typed as the gateway's ticket request; false when one is of the wrong
// type or the body is not a JSON object (an empty body or null is every event of the org).
bool readTicketBody(const QByteArray &body, QJsonObject *req)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty() || trimmed == "null")
        return true;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *req = doc.object();
    const QJsonValue events = req->value(QLatin1String("events"));
    bool ok = events.isUndefined() || events.isNull() || events.isArray();
    for (const QJsonValue &e : events.toArray())
        ok = ok && e.isString();
    for (const char *key : {"scope", "session", "since"}) {
        const QJsonValue v = req->value(QLatin1String(key));
        ok = ok && (v.isUndefined() || v.isNull() || v.isString());
    }
    return ok;
}

// The gateway's filter: the names joined by ',' and split again; "*" anywhere means all, and
// a list of nothing but blanks matches nothing.
void readEvents(const QJsonArray &events, LocalRealtimeTicket *t)
{
    bool star = false;
    for (const QJsonValue &e : events) {
        for (const QString &part : e.toString().split(QLatin1Char(','))) {
            const QString name = part.trimmed();
            star = star || name == QLatin1String("*");
            if (!name.isEmpty() && name != QLatin1String("*"))
                t->events.insert(name);
        }
    }
    t->allEvents = events.isEmpty() || star;
}

// 404 when the session is not in the cache, a cache error, or nullopt.
std::optional<HttpResponse> checkSession(LocalApiBackend &backend, const QString &session)
{
    if (!backend.reader())
        return cacheUnavailable();
    QString error;
    if (backend.sessionInfo(session, &error))
        return std::nullopt;
    if (!error.isEmpty())
        return cacheFailure(error);
    return LocalApiErrors::error(404, QLatin1String("not_found"),
                                 QStringLiteral("session not found"));
}

HttpResponse mintTicket(LocalApiBackend &backend, LocalRealtime &realtime, const HttpRequest &r)
{
    LocalRealtimeHub *hub = realtime.hub();
    if (!hub)
        return unavailable();
    QJsonObject req;
    if (!readTicketBody(r.body, &req))
        return validationError(QStringLiteral("invalid ticket request body"));
    LocalRealtimeTicket ticket;
    ticket.since = req.value(QLatin1String("since")).toString();
    readEvents(req.value(QLatin1String("events")).toArray(), &ticket);
    const QString scope = req.value(QLatin1String("scope")).toString();
    if (scope == QLatin1String("session")) {
        ticket.session = req.value(QLatin1String("session")).toString();
        if (ticket.session.isEmpty())
            return validationError(QStringLiteral("session is required for scope=session"));
        if (auto refused = checkSession(backend, ticket.session))
            return *refused;
    } else if (!scope.isEmpty() && scope != QLatin1String("organization")) {
        return validationError(QStringLiteral("scope must be one of session|organization"));
    }
    const QString id = hub->mint(ticket);
    if (id.isEmpty())
        return LocalApiErrors::error(429, QLatin1String("rate_limited"),
                                     QStringLiteral("too many unused tickets"));
    // The Host was checked (LocalApiGuard): it names this server.
    const QString url = QStringLiteral("ws://") + QString::fromLatin1(r.header("host"))
        + kRealtimePath + QStringLiteral("?ticket=") + id;
    return HttpResponse::json(
        QJsonObject{{QStringLiteral("ticket"), id},
                    {QStringLiteral("expiresInSeconds"), realtime.options().ticketSeconds},
                    {QStringLiteral("url"), url}},
        201);
}

// Why the request's ticket is refused, or empty with *ticket set (spent either way).
QString redeem(LocalRealtimeHub &hub, const HttpRequest &r, LocalRealtimeTicket *ticket)
{
    return hub.redeem(r.queryItem(u"ticket"), ticket);
}

HttpResponse plainGet(LocalRealtime &realtime, const HttpRequest &r)
{
    LocalRealtimeHub *hub = realtime.hub();
    if (!hub)
        return unavailable();
    LocalRealtimeTicket ticket;
    const QString refused = redeem(*hub, r, &ticket);
    if (!refused.isEmpty())
        return unauthorized(refused);
    return LocalApiErrors::error(426, QLatin1String("validation_error"),
                                 QStringLiteral("this is a WebSocket: send an upgrade request"));
}

std::optional<HttpResponse> upgrade(LocalRealtime &realtime, const HttpRequest &r,
                                    const HttpRequestHandler::SocketTaker &takeSocket)
{
    if (r.header("upgrade").trimmed().compare("websocket", Qt::CaseInsensitive) != 0)
        return plainGet(realtime, r);
    LocalRealtimeHub *hub = realtime.hub();
    if (!hub)
        return unavailable();
    LocalRealtimeTicket ticket;
    const QString refused = redeem(*hub, r, &ticket);
    if (!refused.isEmpty())
        return unauthorized(refused);
    if (!hub->hasRoom())
        return LocalApiErrors::error(503, QLatin1String("gateway_unavailable"),
                                     QStringLiteral("too many realtime connections (at most %1)")
                                         .arg(hub->options().maxConnections));
    QTcpSocket *socket = takeSocket();
    if (!socket)
        return validationError(
            QStringLiteral("an upgrade must be the only request under way on its connection"));
    hub->accept(socket, ticket);
    return std::nullopt;
}

} // namespace

void RealtimeRoutes::add(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend,
                         std::shared_ptr<LocalRealtime> realtime)
{
    router.post(QStringLiteral("/api/v1/realtime/ticket"),
                [backend, realtime](const HttpRequest &r) {
                    return realtime ? mintTicket(*backend, *realtime, r) : unavailable();
                });
    // The ticket is the credential here, as on the gateway.
    router.get(
        kRealtimePath,
        [realtime](const HttpRequest &r) {
            return realtime ? plainGet(*realtime, r) : unavailable();
        },
        LocalApiRouter::Access::Public);
    router.setUpgrade(kRealtimePath,
                      [realtime](const HttpRequest &r, const HttpRequestHandler::SocketTaker &take)
                          -> std::optional<HttpResponse> {
                          if (!realtime)
                              return unavailable();
                          return upgrade(*realtime, r, take);
                      });
}
