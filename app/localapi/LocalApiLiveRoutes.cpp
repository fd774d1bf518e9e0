// Forwarded live actions (block/unblock) and the console-only extras under /api/v1/console.
#include "actions/ContactActionService.h"
#include "cache/AuditLog.h"
#include "cache/CacheReader.h"
#include "gateway/GatewayClient.h"
#include "gateway/GatewayReachability.h"
#include "localapi/LocalApiBackend.h"
#include "localapi/LocalApiRouter.h"
#include "localapi/LocalApiRoutes.h"
#include "localapi/LocalApiRoutesCommon.h"

#include <QFile>
#include <QJsonArray>
#include <QPointer>

using namespace LocalApiRoutesCommon;

namespace {

QJsonValue optJson(const OptInt &v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}

// The gateway's error as the local caller sees it: the gateway's own status, code, message
// and request id; problems reaching it become 503 gateway_unavailable.
HttpResponse fromGatewayError(const GatewayError &e)
{
    HttpResponse out;
    if (e.kind == GatewayError::Kind::Api && e.httpStatus == 401) {
        // The console's own gateway token was refused: not the local caller's fault.
        out = LocalApiErrors::error(
            503, QLatin1String("gateway_unavailable"),
            QStringLiteral(
                "the gateway refused the console's sign-in; sign in again in the console"));
    } else if (e.kind == GatewayError::Kind::Api && e.httpStatus >= 400) {
        const QByteArray code = e.code.toLatin1();
        out = LocalApiErrors::error(e.httpStatus, QLatin1String(code), e.message, e.details);
    } else if (e.kind == GatewayError::Kind::InvalidArgument) {
        out = validationError(e.message, {});
    } else {
        out = LocalApiErrors::error(
            503, QLatin1String("gateway_unavailable"),
            QStringLiteral("the gateway could not be reached: %1").arg(e.message));
    }
    if (!e.requestId.isEmpty())
        out.setHeader("X-Request-Id", e.requestId.toLatin1());
    return out;
}

void forward(const std::shared_ptr<LocalApiBackend> &backend, ContactAction action,
             const HttpRequest &r, const HttpResponder &responder)
{
    const QString session = r.param(u"session");
    const QString jid = r.param(u"jid");
    if (!isContactJid(jid))
        return responder.send(validationError(
            QStringLiteral("jid must be a LID (…@lid) or a phone JID (…@s.whatsapp.net)"),
            QJsonArray{fieldError(QStringLiteral("path.jid"),
                                  QStringLiteral("expected a LID or phone JID"), jid)}));
    GatewayClient *client = backend->client();
    ContactActionService *actions = backend->actions();
    if (!client || !client->hasEndpoint() || !actions)
        return responder.send(
            LocalApiErrors::error(503, QLatin1String("gateway_unavailable"),
                                  QStringLiteral("the console is not signed in to a gateway")));
    actions->run(client, action, session, jid, AuditOrigin::LocalApi, backend->threadContext(),
                 [responder](const ContactActionResult &result) {
                     if (!result.ok())
                         return responder.send(fromGatewayError(result.error));
                     HttpResponse ok = HttpResponse::noContent();
                     if (!result.requestId.isEmpty())
                         ok.setHeader("X-Request-Id", result.requestId.toLatin1());
                     responder.send(ok);
                 });
}

HttpResponse health(LocalApiBackend &backend)
{
    const GatewayReachability::State gw = backend.reachability().state();
    QJsonObject gateway{
        {QStringLiteral("reachable"),
         gw.reachable ? QJsonValue(*gw.reachable) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("checkedAt"),
         gw.at > 0 ? QJsonValue(double(gw.at)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("signedIn"), backend.client() && backend.client()->hasEndpoint()}};
    QJsonArray sessions;
    CacheReader *reader = backend.reader();
    if (reader) {
        for (const CachedSession &s : reader->sessions()) {
            QJsonObject o{
                {QStringLiteral("id"), s.session.id},
                {QStringLiteral("lastSyncAt"), optJson(reader->lastCompleteSyncAt(s.session.id))}};
            if (s.listed)
                o.insert(QStringLiteral("status"), s.session.status);
            sessions.append(o);
        }
    }
    return HttpResponse::json(QJsonObject{
        {QStringLiteral("gateway"), gateway},
        {QStringLiteral("cache"), QJsonObject{{QStringLiteral("available"), reader != nullptr}}},
        {QStringLiteral("sessions"), sessions}});
}

void triggerSync(const std::shared_ptr<LocalApiBackend> &backend, const HttpRequest &r,
                 const HttpResponder &responder)
{
    const QString session = r.param(u"session");
    QObject *context = backend->syncContext();
    if (!context || !backend->syncTrigger())
        return responder.send(
            LocalApiErrors::error(501, QLatin1String("not_implemented"),
                                  QStringLiteral("this console cannot start syncs")));
    // The owner's sync lives on its own thread: ask it there, answer from there.
    LocalApiBackend::SyncTrigger trigger = backend->syncTrigger();
    QMetaObject::invokeMethod(
        context,
        [trigger, session, responder] {
            QString why;
            if (trigger(session, &why))
                responder.send(HttpResponse::json(
                    QJsonObject{{QStringLiteral("sessionId"), session},
                                {QStringLiteral("status"), QStringLiteral("started")}},
                    202));
            else
                responder.send(LocalApiErrors::error(409, QLatin1String("conflict"), why));
        },
        Qt::QueuedConnection);
}

HttpResponse auditList(LocalApiBackend &backend, const HttpRequest &r)
{
    AuditLog *audit = backend.audit();
    if (!audit)
        return cacheUnavailable();
    AuditLog::Query query;
    query.sessionId = r.queryItem(u"session");
    QJsonArray errors;
    const auto number = [&](QStringView name, qint64 low, qint64 high, qint64 fallback) {
        const QString text = r.queryItem(name);
        if (text.isEmpty())
            return fallback;
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        if (!ok)
            errors.append(fieldError(QStringLiteral("query.") + name.toString(),
                                     QStringLiteral("expected an integer"), text));
        return std::clamp(v, low, high);
    };
    query.limit = int(number(u"limit", 1, 1000, 100));
    query.beforeId = number(u"before", 0, std::numeric_limits<qint64>::max(), 0);
    if (!errors.isEmpty())
        return validationError(QStringLiteral("invalid query parameters"), errors);
    const std::optional<QList<AuditEntry>> entries = audit->list(query);
    if (!entries)
        return cacheFailure(audit->lastError());
    QJsonArray data;
    for (const AuditEntry &e : *entries) {
        data.append(QJsonObject{{QStringLiteral("id"), double(e.id)},
                                {QStringLiteral("at"), double(e.at)},
                                {QStringLiteral("profile"), e.profile},
                                {QStringLiteral("sessionId"), e.sessionId},
                                {QStringLiteral("contact"), e.contact},
                                {QStringLiteral("action"), e.action},
                                {QStringLiteral("result"), e.result},
                                {QStringLiteral("requestId"), e.requestId},
                                {QStringLiteral("origin"), AuditLog::originName(e.origin)},
                                {QStringLiteral("detail"), e.detail}});
    }
    QJsonObject out{{QStringLiteral("data"), data}};
    if (entries->size() == query.limit && !entries->isEmpty())
        out.insert(QStringLiteral("nextCursor"), QString::number(entries->last().id));
    return HttpResponse::json(out);
}

} // namespace

void LocalApiForwardRoutes::add(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend)
{
    const QString base = QStringLiteral("/api/v1/sessions/{session}/contacts/{jid}/");
    for (const ContactAction action : {ContactAction::Block, ContactAction::Unblock}) {
        router.postAsync(base + ContactActionService::actionName(action),
                         [backend, action](const HttpRequest &r, HttpResponder responder) {
                             forward(backend, action, r, responder);
                         });
    }
}

void LocalApiConsoleRoutes::add(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend)
{
    const QString base = QStringLiteral("/api/v1/console/");
    router.get(base + QStringLiteral("health"),
               [backend](const HttpRequest &) { return health(*backend); });
    router.postAsync(base + QStringLiteral("sessions/{session}/sync"),
                     [backend](const HttpRequest &r, HttpResponder responder) {
                         triggerSync(backend, r, responder);
                     });
    router.get(base + QStringLiteral("audit"),
               [backend](const HttpRequest &r) { return auditList(*backend, r); });
}

QByteArray LocalApiOpenApiRoute::document()
{
    QFile file(QStringLiteral(":/localapi/openapi.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void LocalApiOpenApiRoute::add(LocalApiRouter &router)
{
    const QByteArray doc = document();
    router.get(
        QStringLiteral("/api/v1/openapi.json"),
        [doc](const HttpRequest &) {
            if (doc.isEmpty())
                return LocalApiErrors::error(500, QLatin1String("internal"),
                                             QStringLiteral("the description is missing"));
            return HttpResponse::rawJson(doc);
        },
        LocalApiRouter::Access::Public);
}
