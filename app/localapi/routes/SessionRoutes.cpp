#include "localapi/routes/SessionRoutes.h"

#include "cache/CacheReader.h"
#include "gateway/GatewayJson.h"
#include "localapi/LocalApiBackend.h"
#include "localapi/LocalApiRouter.h"
#include "localapi/LocalApiRoutesCommon.h"
#include <QJsonArray>

#include <algorithm>

using namespace LocalApiRoutesCommon;

namespace {

HttpResponse listSessions(LocalApiBackend &backend)
{
    CacheReader *reader = backend.reader();
    if (!reader)
        return cacheUnavailable();
    QList<CachedSession> sessions = reader->sessions();
    if (!reader->lastError().isEmpty())
        return cacheFailure(reader->lastError());
    // Newest first, as the gateway lists them.
    std::stable_sort(sessions.begin(), sessions.end(),
                     [](const CachedSession &a, const CachedSession &b) {
                         return a.session.createdAt > b.session.createdAt;
                     });
    QJsonArray data;
    OptInt newest;
    for (const CachedSession &s : sessions) {
        // Sessions added by hand have no stored details: they are not the gateway's rows.
        if (!s.listed)
            continue;
        data.append(GatewayJson::fromSession(s.session));
        if (s.syncedAt && (!newest || *s.syncedAt > *newest))
            newest = s.syncedAt;
    }
    return withSyncedAt(HttpResponse::json(QJsonObject{{QStringLiteral("data"), data}}), newest);
}

HttpResponse getSession(CacheReader &, const LocalApiBackend::SessionInfo &info,
                        const HttpRequest &)
{
    if (!info.session.listed)
        return LocalApiErrors::error(
            404, QLatin1String("not_found"),
            QStringLiteral("session details not stored (the session was added by hand)"));
    return withSyncedAt(HttpResponse::json(GatewayJson::fromSession(info.session.session)),
                        info.syncedAt());
}

} // namespace

void SessionRoutes::add(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend)
{
    const QString root = QStringLiteral("/api/v1/sessions");
    router.get(root, [backend](const HttpRequest &) { return listSessions(*backend); });
    router.get(root + QStringLiteral("/{session}"), sessionRoute(backend, getSession));
}
