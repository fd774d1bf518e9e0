#include "localapi/routes/GroupRoutes.h"

#include "cache/CacheReader.h"
#include "gateway/GatewayJson.h"
#include "localapi/LocalApiBackend.h"
#include "localapi/LocalApiRouter.h"
#include "localapi/LocalApiRoutesCommon.h"
#include <QJsonArray>

#include <algorithm>

using namespace LocalApiRoutesCommon;

namespace {

// The gateway lists groups and members by id.
template <typename T, typename IdOf>
void sortById(QList<T> &items, IdOf idOf)
{
    std::stable_sort(items.begin(), items.end(),
                     [&idOf](const T &a, const T &b) { return idOf(a) < idOf(b); });
}

HttpResponse listGroups(CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                        const HttpRequest &)
{
    std::optional<QList<CachedGroup>> groups = reader.groups(info.session.session.id);
    if (!groups)
        return cacheFailure(reader.lastError());
    sortById(*groups, [](const CachedGroup &g) { return g.group.id; });
    QJsonArray data;
    for (const CachedGroup &g : *groups)
        data.append(GatewayJson::fromGroup(g.group));
    return withSyncedAt(HttpResponse::json(QJsonObject{{QStringLiteral("data"), data}}),
                        info.syncedAt());
}

// {gid} is looked up as given, never judged: what the session does not have is not found.
HttpResponse getGroup(CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                      const HttpRequest &r)
{
    const std::optional<CachedGroup> g = reader.group(info.session.session.id, r.param(u"gid"));
    if (!g)
        return reader.lastError().isEmpty() ? LocalApiErrors::error(
                   404, QLatin1String("not_found"), QStringLiteral("group not found"))
                                            : cacheFailure(reader.lastError());
    return withSyncedAt(HttpResponse::json(GatewayJson::fromGroup(g->group)),
                        info.lastCompleteSyncAt ? info.lastCompleteSyncAt : OptInt(g->syncedAt));
}

// Members of a group the session does not have: none (200), as the gateway answers.
HttpResponse listMembers(CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                         const HttpRequest &r)
{
    std::optional<QList<CachedMember>> members = reader.members(info.session.session.id,
                                                                r.param(u"gid"));
    if (!members)
        return cacheFailure(reader.lastError());
    sortById(*members, [](const CachedMember &m) { return m.member.id; });
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
