#include "localapi/routes/ContactRoutes.h"

#include "actions/ContactActionService.h"
#include "cache/CacheReader.h"
#include "cache/ContactCursor.h"
#include "gateway/GatewayClient.h"
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

HttpResponse listContacts(const QByteArray &cursorKey, CacheReader &reader,
                          const LocalApiBackend::SessionInfo &info, const HttpRequest &r)
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
    return withSyncedAt(HttpResponse::rawJson(LocalApiJson::contactPage(out)), info.syncedAt());
}

HttpResponse getContact(CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                        const HttpRequest &r)
{
    const QString lid = r.param(u"lid");
    if (!isLid(lid))
        return validationError(QStringLiteral("lid must look like 205227043110953@lid"),
                               QJsonArray{fieldError(QStringLiteral("path.lid"),
                                                     QStringLiteral("expected a LID"), lid)});
    const std::optional<CachedContactDetail> detail = reader.contact(info.session.session.id, lid);
    if (!detail)
        return reader.lastError().isEmpty() ? LocalApiErrors::error(
                   404, QLatin1String("not_found"), QStringLiteral("contact not found"))
                                            : cacheFailure(reader.lastError());
    // The identity is only known once getContact's answer was stored; until then it is left
    // out (the contract allows that) rather than served as zeros.
    ContactDetail out = detail->detail;
    if (!detail->contact.identityId)
        out.identity.reset();
    return withSyncedAt(HttpResponse::rawJson(LocalApiJson::contactDetail(out)),
                        info.lastCompleteSyncAt ? info.lastCompleteSyncAt
                                                : OptInt(detail->contact.syncedAt));
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

} // namespace

void ContactRoutes::add(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend)
{
    const QString root = QStringLiteral("/api/v1/sessions");
    const QByteArray key = backend->cursorKey();
    router.get(
        root + QStringLiteral("/{session}/contacts"),
        sessionRoute(backend,
                     [key](CacheReader &reader, const LocalApiBackend::SessionInfo &info,
                           const HttpRequest &r) { return listContacts(key, reader, info, r); }));
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
