#include "localapi/routes/ContactRoutes.h"

#include "actions/ContactActionService.h"
#include "cache/CacheReader.h"
#include "gateway/GatewayClient.h"
#include "gateway/GatewayJson.h"
#include "localapi/LocalApiBackend.h"
#include "localapi/LocalApiDispatcher.h"
#include "localapi/LocalApiJson.h"
#include "localapi/LocalApiRouter.h"
#include "localapi/LocalApiRoutesCommon.h"
#include <QJsonArray>

#include <algorithm>

using namespace LocalApiRoutesCommon;

namespace {
constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;
// listContacts' query values, checked as the gateway's huma input is ({group} is not checked:
// an unknown group lists nothing).
std::optional<HttpResponse> checkListQuery(const HttpRequest &r)
{
    QStringList errors;
    const QString source = r.queryItem(u"source");
    if (!source.isEmpty() && source != QLatin1String("dm") && source != QLatin1String("group"))
        errors << fieldError(QStringLiteral("query.source"),
                             QStringLiteral("expected value to be one of \"dm, group\""), source);
    const QString limit = r.queryItem(u"limit");
    if (!limit.isEmpty() && !parseInteger(limit))
        errors << fieldError(QStringLiteral("query.limit"), QStringLiteral("invalid integer"),
                             limit);
    if (errors.isEmpty())
        return std::nullopt;
    return validationFailed(errors);
}

// Absent or 0: 50; otherwise clamped to 1..200.
int pageLimit(const HttpRequest &r)
{
    const qint64 value = parseInteger(r.queryItem(u"limit")).value_or(0);
    return value == 0 ? kDefaultLimit : int(std::clamp<qint64>(value, 1, kMaxLimit));
}

HttpResponse contactPage(const QList<CachedContact> &rows, const QString &nextCursor,
                         OptInt syncedAt)
{
    Page<Contact> out;
    out.items.reserve(rows.size());
    for (const CachedContact &c : rows)
        out.items << c.contact;
    out.nextCursor = nextCursor;
    return withSyncedAt(HttpResponse::rawJson(LocalApiJson::contactPage(out)), syncedAt);
}

HttpResponse listContacts(const QByteArray &cursorKey, CacheReader &reader,
                          const LocalApiBackend::SessionInfo &info, const HttpRequest &r)
{
    ContactQuery query;
    query.text = r.queryItem(u"q");
    query.groupJid = r.queryItem(u"group");
    // One filter, as on the gateway: a group wins over the source.
    if (query.groupJid.isEmpty())
        query.source = r.queryItem(u"source");
    const int limit = pageLimit(r);
    const QString scope =
        QStringList{info.session.session.id, query.text, query.source, query.groupJid}.join(u'\n');
    const QString sealed = r.queryItem(u"cursor");
    qint64 after = 0;
    if (!sealed.isEmpty()) {
        // Sealed: a cursor is good for the query it came from only, and reveals no row id.
        const std::optional<QString> opened = openCursor(cursorKey, scope, sealed);
        bool ok = false;
        after = opened ? opened->toLongLong(&ok) : 0;
        if (!ok || after <= 0)
            return validationError(QStringLiteral("invalid cursor"));
    }
    const std::optional<ContactPage> page = reader.gatewayContacts(info.session.session.id, query,
                                                                   after, limit);
    if (!page)
        return cacheFailure(reader.lastError());
    // A full page always says where to go on, as the gateway's does.
    const QString next = page->hasMore() ? sealCursor(cursorKey, scope, page->nextCursor)
                                         : QString();
    return contactPage(page->rows, next, info.syncedAt());
}

// {lid} is looked up as given: whatever the session does not have is "identity not found".
HttpResponse getContact(CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                        const HttpRequest &r)
{
    const std::optional<CachedContactDetail> detail = reader.contact(info.session.session.id,
                                                                     r.param(u"lid"));
    if (!detail)
        return reader.lastError().isEmpty() ? LocalApiErrors::error(
                   404, QLatin1String("not_found"), QStringLiteral("identity not found"))
                                            : cacheFailure(reader.lastError());
    return withSyncedAt(HttpResponse::rawJson(LocalApiJson::contactDetail(detail->detail)),
                        info.lastCompleteSyncAt ? info.lastCompleteSyncAt
                                                : OptInt(detail->contact.syncedAt));
}

// What the gateway answers a live action it cannot start, in its order of checks: the
// session (404), its WhatsApp client (501: none while stopped, logged out or failed), the
// jid (400). Used when the console's client refused the request before sending it.
HttpResponse refusedLocally(LocalApiBackend &backend, const QString &session, const QString &jid)
{
    QString error;
    const std::optional<LocalApiBackend::SessionInfo> info = backend.reader()
        ? backend.sessionInfo(session, &error)
        : std::nullopt;
    if (backend.reader() && !info && error.isEmpty())
        return LocalApiErrors::error(404, QLatin1String("not_found"),
                                     QStringLiteral("session not found"));
    static const QStringList kNoClient{QStringLiteral("stopped"), QStringLiteral("logged_out"),
                                       QStringLiteral("failed")};
    if (info && kNoClient.contains(info->session.session.status))
        return LocalApiErrors::error(
            501, QLatin1String("not_implemented"),
            QStringLiteral("live WhatsApp client is not available for this session"));
    return validationError(QStringLiteral("invalid jid: %1").arg(jid));
}

// The gateway's error as the local caller sees it: the gateway's own status, code, message
// and details; problems reaching it become 503 gateway_unavailable.
HttpResponse fromGatewayError(LocalApiBackend &backend, const ContactActionResult &result)
{
    const GatewayError &e = result.error;
    if (e.kind == GatewayError::Kind::Api && e.httpStatus == 401) {
        // The console's own gateway token was refused: not the local caller's fault.
        return LocalApiErrors::error(
            503, QLatin1String("gateway_unavailable"),
            QStringLiteral(
                "the gateway refused the console's sign-in; sign in again in the console"));
    }
    if (e.kind == GatewayError::Kind::Api && e.httpStatus >= 400) {
        const QByteArray code = e.code.toLatin1();
        return LocalApiErrors::error(e.httpStatus, QLatin1String(code), e.message, e.details);
    }
    if (e.kind == GatewayError::Kind::InvalidArgument)
        return refusedLocally(backend, result.sessionId, result.jid);
    return LocalApiErrors::error(
        503, QLatin1String("gateway_unavailable"),
        QStringLiteral("the gateway could not be reached: %1").arg(e.message));
}

// The jid goes to the gateway as given: the gateway judges it (after the session), and its
// answer is relayed. The caller's own X-Request-Id wins over the gateway's.
void forward(const std::shared_ptr<LocalApiBackend> &backend, ContactAction action,
             const HttpRequest &r, const HttpResponder &responder)
{
    const QString session = r.param(u"session");
    const QString jid = r.param(u"jid");
    GatewayClient *client = backend->client();
    ContactActionService *actions = backend->actions();
    if (!client || !client->hasEndpoint() || !actions)
        return responder.send(
            LocalApiErrors::error(503, QLatin1String("gateway_unavailable"),
                                  QStringLiteral("the console is not signed in to a gateway")));
    const QByteArray ownId = LocalApiDispatcher::clientRequestId(r);
    actions->run(client, action, session, jid, AuditOrigin::LocalApi, backend->threadContext(),
                 [backend, responder, ownId](const ContactActionResult &result) {
                     HttpResponse out = result.ok() ? HttpResponse::noContent()
                                                    : fromGatewayError(*backend, result);
                     const QByteArray id = ownId.isEmpty() ? result.requestId.toLatin1() : ownId;
                     if (!id.isEmpty())
                         out.setHeader("X-Request-Id", id);
                     responder.send(out);
                 });
}

} // namespace

void ContactRoutes::add(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend)
{
    const QString root = QStringLiteral("/api/v1/sessions");
    const QByteArray key = backend->cursorKey();
    router.get(root + QStringLiteral("/{session}/contacts"),
               sessionRoute(
                   backend,
                   [key](CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                         const HttpRequest &r) { return listContacts(key, reader, info, r); },
                   checkListQuery));
    router.get(root + QStringLiteral("/{session}/contacts/{lid}"),
               sessionRoute(backend, getContact));
    const QString base = root + QStringLiteral("/{session}/contacts/{jid}/");
    for (const ContactAction action : {ContactAction::Block, ContactAction::Unblock}) {
        router.postAsync(base + ContactActionService::actionName(action),
                         [backend, action](const HttpRequest &r, HttpResponder responder) {
                             forward(backend, action, r, responder);
                         });
    }
}
