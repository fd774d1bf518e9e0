#include "localapi/routes/ConsoleRoutes.h"

#include "cache/AuditLog.h"
#include "cache/CacheReader.h"
#include "gateway/GatewayClient.h"
#include "gateway/GatewayReachability.h"
#include "localapi/LocalApiBackend.h"
#include "localapi/LocalApiRouter.h"
#include "localapi/LocalApiRoutesCommon.h"
#include <QJsonArray>

using namespace LocalApiRoutesCommon;

namespace {

QJsonValue optJson(const OptInt &v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
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
    QStringList errors;
    const auto number = [&](QStringView name, qint64 low, qint64 high, qint64 fallback) {
        const QString text = r.queryItem(name);
        if (text.isEmpty())
            return fallback;
        const std::optional<qint64> v = parseInteger(text);
        if (!v)
            errors << fieldError(QStringLiteral("query.") + name.toString(),
                                 QStringLiteral("invalid integer"), text);
        return std::clamp(v.value_or(fallback), low, high);
    };
    query.limit = int(number(u"limit", 1, 1000, 100));
    query.beforeId = number(u"before", 0, std::numeric_limits<qint64>::max(), 0);
    if (!errors.isEmpty())
        return validationFailed(errors);
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

void ConsoleRoutes::add(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend)
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
