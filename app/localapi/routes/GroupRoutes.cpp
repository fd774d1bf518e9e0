#include "localapi/routes/GroupRoutes.h"

#include "cache/CacheReader.h"
#include "gateway/GatewayJson.h"
#include "localapi/LocalApiBackend.h"
#include "localapi/LocalApiRouter.h"
#include "localapi/LocalApiRoutesCommon.h"
#include <QJsonArray>

using namespace LocalApiRoutesCommon;

namespace {

HttpResponse listGroups(CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                        const HttpRequest &)
{
    const std::optional<QList<CachedGroup>> groups = reader.groups(info.session.session.id);
    if (!groups)
        return cacheFailure(reader.lastError());
    QJsonArray data;
    for (const CachedGroup &g : *groups)
        data.append(GatewayJson::fromGroup(g.group));
    return withSyncedAt(HttpResponse::json(QJsonObject{{QStringLiteral("data"), data}}),
                        info.syncedAt());
}

// {gid} checked and found; nullopt means `*answer` holds the error to send.
std::optional<CachedGroup> findGroup(CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                                     const HttpRequest &r, HttpResponse *answer)
{
    const QString gid = r.param(u"gid");
    if (!isGroupJid(gid)) {
        *answer = validationError(
            QStringLiteral("gid must be a group JID like 120363041234567890@g.us"),
            QJsonArray{fieldError(QStringLiteral("path.gid"),
                                  QStringLiteral("expected a group JID"), gid)});
        return std::nullopt;
    }
    std::optional<CachedGroup> g = reader.group(info.session.session.id, gid);
    if (!g)
        *answer = reader.lastError().isEmpty() ? LocalApiErrors::error(
                      404, QLatin1String("not_found"), QStringLiteral("group not found"))
                                               : cacheFailure(reader.lastError());
    return g;
}

HttpResponse getGroup(CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                      const HttpRequest &r)
{
    HttpResponse answer;
    const std::optional<CachedGroup> g = findGroup(reader, info, r, &answer);
    if (!g)
        return answer;
    return withSyncedAt(HttpResponse::json(GatewayJson::fromGroup(g->group)),
                        info.lastCompleteSyncAt ? info.lastCompleteSyncAt : OptInt(g->syncedAt));
}

HttpResponse listMembers(CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                         const HttpRequest &r)
{
    HttpResponse answer;
    const std::optional<CachedGroup> g = findGroup(reader, info, r, &answer);
    if (!g)
        return answer;
    const std::optional<QList<CachedMember>> members = reader.members(info.session.session.id,
                                                                      g->group.groupJid);
    if (!members)
        return cacheFailure(reader.lastError());
    QJsonArray data;
    for (const CachedMember &m : *members)
        data.append(GatewayJson::fromGroupMember(m.member));
    return withSyncedAt(HttpResponse::json(QJsonObject{{QStringLiteral("data"), data}}),
                        info.syncedAt());
}

} // namespace

void GroupRoutes::add(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend)
{
    const QString root = QStringLiteral("/api/v1/sessions");
    router.get(root + QStringLiteral("/{session}/groups"), sessionRoute(backend, listGroups));
    router.get(root + QStringLiteral("/{session}/groups/{gid}"), sessionRoute(backend, getGroup));
    router.get(root + QStringLiteral("/{session}/groups/{gid}/members"),
               sessionRoute(backend, listMembers));
}
