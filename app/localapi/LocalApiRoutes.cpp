#include "localapi/LocalApiRoutes.h"

#include "cache/CacheReader.h"
#include "cache/ContactCursor.h"
#include "gateway/GatewayJson.h"
#include "localapi/LocalApiBackend.h"
#include "localapi/LocalApiJson.h"
#include "localapi/LocalApiRouter.h"
#include "localapi/LocalApiRoutesCommon.h"

#include <QJsonArray>

using namespace LocalApiRoutesCommon;

namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

using SessionHandler = std::function<LocalApiResponse(
    CacheReader &, const LocalApiBackend::SessionInfo &, const LocalApiRequest &)>;

// Wraps a handler of one session's data: cache open, session known, then the handler.
LocalApiRouter::Handler sessionRoute(std::shared_ptr<LocalApiBackend> backend,
                                     SessionHandler handler)
{
    return [backend = std::move(backend), handler = std::move(handler)](const LocalApiRequest &r) {
        CacheReader *reader = backend->reader();
        if (!reader)
            return cacheUnavailable();
        // Until the next commit the answer to the same target is the same bytes.
        const QByteArray target = r.query.isEmpty() ? r.path : r.path + '?' + r.query;
        const qint64 version = backend->dataVersion();
        if (std::optional<LocalApiResponse> stored = backend->storedAnswers().find(target, version))
            return *stored;
        LocalApiBackend::ReadSnapshot snapshot(*backend);
        QString error;
        const std::optional<LocalApiBackend::SessionInfo> s = backend->sessionInfo(
            r.param(u"session"), &error);
        if (!s)
            return error.isEmpty() ? LocalApiResponse::error(404, QLatin1String("not_found"),
                                                             QStringLiteral("session not found"))
                                   : cacheFailure(error);
        LocalApiResponse answer = handler(*reader, *s, r);
        if (answer.status == 200)
            backend->storedAnswers().store(target, version, answer);
        return answer;
    };
}

LocalApiResponse listSessions(LocalApiBackend &backend)
{
    CacheReader *reader = backend.reader();
    if (!reader)
        return cacheUnavailable();
    const QList<CachedSession> sessions = reader->sessions();
    if (!reader->lastError().isEmpty())
        return cacheFailure(reader->lastError());
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
    return withSyncedAt(LocalApiResponse::json(QJsonObject{{QStringLiteral("data"), data}}),
                        newest);
}

LocalApiResponse getSession(CacheReader &, const LocalApiBackend::SessionInfo &info,
                            const LocalApiRequest &)
{
    if (!info.session.listed)
        return LocalApiResponse::error(
            404, QLatin1String("not_found"),
            QStringLiteral("session details not stored (the session was added by hand)"));
    return withSyncedAt(LocalApiResponse::json(GatewayJson::fromSession(info.session.session)),
                        info.syncedAt());
}

LocalApiResponse listContacts(const QByteArray &cursorKey, CacheReader &reader,
                              const LocalApiBackend::SessionInfo &info, const LocalApiRequest &r)
{
    QJsonArray errors;
    ContactQuery query;
    query.text = r.queryItem(u"q");
    query.source = r.queryItem(u"source");
    if (!query.source.isEmpty() && query.source != QLatin1String("dm")
        && query.source != QLatin1String("group"))
        errors.append(fieldError(QStringLiteral("query.source"),
                                 QStringLiteral("expected one of dm, group"), query.source));
    query.groupJid = r.queryItem(u"group");
    if (!query.groupJid.isEmpty() && !isGroupJid(query.groupJid))
        errors.append(fieldError(QStringLiteral("query.group"),
                                 QStringLiteral("expected a group JID"), query.groupJid));
    int limit = kDefaultLimit;
    const QString limitText = r.queryItem(u"limit");
    if (!limitText.isEmpty()) {
        bool ok = false;
        const qint64 value = limitText.toLongLong(&ok);
        if (!ok)
            errors.append(fieldError(QStringLiteral("query.limit"),
                                     QStringLiteral("expected an integer"), limitText));
        limit = int(std::clamp<qint64>(value, 1, kMaxLimit));
    }
    const ContactFilter filter = ContactFilter::fromQuery(info.session.session.id, query);
    const QString scope =
        QStringList{info.session.session.id, query.text, query.source, query.groupJid}.join(u'\n');
    const QString sealed = r.queryItem(u"cursor");
    QString cursor;
    if (!sealed.isEmpty()) {
        const std::optional<QString> opened = openCursor(cursorKey, scope, sealed);
        if (opened && ContactCursor::decode(*opened, filter.sort, filter.order))
            cursor = *opened;
    }
    if (!sealed.isEmpty() && cursor.isEmpty())
        errors.append(fieldError(QStringLiteral("query.cursor"),
                                 QStringLiteral("invalid or foreign cursor"), sealed));
    if (!errors.isEmpty())
        return validationError(QStringLiteral("invalid query parameters"), errors);

    const std::optional<ContactPage> page = reader.contacts(filter, cursor, limit);
    if (!page)
        return cacheFailure(reader.lastError());
    Page<Contact> out;
    out.items.reserve(page->rows.size());
    for (const CachedContact &c : page->rows)
        out.items << c.contact;
    if (page->hasMore())
        out.nextCursor = sealCursor(cursorKey, scope, page->nextCursor);
    return withSyncedAt(LocalApiResponse::rawJson(LocalApiJson::contactPage(out)), info.syncedAt());
}

LocalApiResponse getContact(CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                            const LocalApiRequest &r)
{
    const QString lid = r.param(u"lid");
    if (!isLid(lid))
        return validationError(QStringLiteral("lid must look like 205227043110953@lid"),
                               QJsonArray{fieldError(QStringLiteral("path.lid"),
                                                     QStringLiteral("expected a LID"), lid)});
    const std::optional<CachedContactDetail> detail = reader.contact(info.session.session.id, lid);
    if (!detail)
        return reader.lastError().isEmpty() ? LocalApiResponse::error(
                   404, QLatin1String("not_found"), QStringLiteral("contact not found"))
                                            : cacheFailure(reader.lastError());
    // The identity is only known once getContact's answer was stored; until then it is left
    // out (the contract allows that) rather than served as zeros.
    ContactDetail out = detail->detail;
    if (!detail->contact.identityId)
        out.identity.reset();
    return withSyncedAt(LocalApiResponse::rawJson(LocalApiJson::contactDetail(out)),
                        info.lastCompleteSyncAt ? info.lastCompleteSyncAt
                                                : OptInt(detail->contact.syncedAt));
}

LocalApiResponse listGroups(CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                            const LocalApiRequest &)
{
    const std::optional<QList<CachedGroup>> groups = reader.groups(info.session.session.id);
    if (!groups)
        return cacheFailure(reader.lastError());
    QJsonArray data;
    for (const CachedGroup &g : *groups)
        data.append(GatewayJson::fromGroup(g.group));
    return withSyncedAt(LocalApiResponse::json(QJsonObject{{QStringLiteral("data"), data}}),
                        info.syncedAt());
}

// {gid} checked and found; nullopt means `*answer` holds the error to send.
std::optional<CachedGroup> findGroup(CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                                     const LocalApiRequest &r, LocalApiResponse *answer)
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
        *answer = reader.lastError().isEmpty() ? LocalApiResponse::error(
                      404, QLatin1String("not_found"), QStringLiteral("group not found"))
                                               : cacheFailure(reader.lastError());
    return g;
}

LocalApiResponse getGroup(CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                          const LocalApiRequest &r)
{
    LocalApiResponse answer;
    const std::optional<CachedGroup> g = findGroup(reader, info, r, &answer);
    if (!g)
        return answer;
    return withSyncedAt(LocalApiResponse::json(GatewayJson::fromGroup(g->group)),
                        info.lastCompleteSyncAt ? info.lastCompleteSyncAt : OptInt(g->syncedAt));
}

LocalApiResponse listMembers(CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                             const LocalApiRequest &r)
{
    LocalApiResponse answer;
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
    return withSyncedAt(LocalApiResponse::json(QJsonObject{{QStringLiteral("data"), data}}),
                        info.syncedAt());
}

} // namespace

void LocalApiRoutes::addStored(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend)
{
    const QString root = QStringLiteral("/api/v1/sessions");
    router.get(root, [backend](const LocalApiRequest &) { return listSessions(*backend); });
    router.get(root + QStringLiteral("/{session}"), sessionRoute(backend, getSession));
    const QByteArray key = backend->cursorKey();
    router.get(root + QStringLiteral("/{session}/contacts"),
               sessionRoute(
                   backend,
                   [key](CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                         const LocalApiRequest &r) { return listContacts(key, reader, info, r); }));
    router.get(root + QStringLiteral("/{session}/contacts/{lid}"),
               sessionRoute(backend, getContact));
    router.get(root + QStringLiteral("/{session}/groups"), sessionRoute(backend, listGroups));
    router.get(root + QStringLiteral("/{session}/groups/{gid}"), sessionRoute(backend, getGroup));
    router.get(root + QStringLiteral("/{session}/groups/{gid}/members"),
               sessionRoute(backend, listMembers));
}

std::shared_ptr<LocalApiRouter> makeLocalApiRouter(std::shared_ptr<LocalApiBackend> backend)
{
    auto router = std::make_shared<LocalApiRouter>();
    LocalApiRoutes::addStored(*router, backend);
    LocalApiForwardRoutes::add(*router, backend);
    LocalApiConsoleRoutes::add(*router, backend);
    LocalApiOpenApiRoute::add(*router);
    return router;
}
