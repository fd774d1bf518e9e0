#include "gateway/GatewayClient.h"

#include "gateway/GatewayJson.h"
#include "gateway/GatewayPaths.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QTimer>

namespace {

std::optional<QJsonValue> parseJson(const QByteArray &body, QString *error)
{
    if (body.trimmed().isEmpty()) {
        *error = QStringLiteral("the answer is empty");
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not JSON (%1 at byte %2)")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

// Adapts a JSON decoder (GatewayJson::to*) to the raw body the call delivers.
template <typename T, typename Fn>
std::function<std::optional<T>(const QByteArray &, QString *)> fromJson(Fn fn)
{
    return [fn](const QByteArray &body, QString *error) -> std::optional<T> {
        const std::optional<QJsonValue> json = parseJson(body, error);
        if (!json)
            return std::nullopt;
        return fn(*json, error);
    };
}

std::optional<NoContent> expectNoContent(const QByteArray &, QString *)
{
    return NoContent{};
}

QString firstProblem(std::initializer_list<QString> problems)
{
    for (const QString &p : problems)
        if (!p.isEmpty())
            return p;
    return {};
}

QUrl realtimeTicketUrl(const QUrl &base)
{
    QString path = base.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    QUrl url = base;
    url.setPath(path + QStringLiteral("/api/v1/realtime/ticket"), QUrl::StrictMode);
    url.setQuery(QString());
    return url;
}

// The WebSocket a ticket names must be the gateway itself: same host and port, and TLS
// exactly when the gateway's address uses it.
bool isGatewaysOwnSocket(const QUrl &base, const QUrl &socket)
{
    const bool tls = base.scheme() == QLatin1String("https");
    const QString expected = tls ? QStringLiteral("wss") : QStringLiteral("ws");
    return socket.scheme() == expected
        && socket.host().compare(base.host(), Qt::CaseInsensitive) == 0
        && socket.port(tls ? 443 : 80) == base.port(tls ? 443 : 80);
}

} // namespace

GatewayClient::GatewayClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    // Cookies are not part of the contract; never keep any between calls.
    m_nam->setCookieJar(nullptr);
}

GatewayClient::~GatewayClient() = default;

void GatewayClient::setEndpoint(const QUrl &baseUrl, const QString &token)
{
    QUrl base = baseUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    m_baseUrl = base;
    m_authorization = token.isEmpty() ? QByteArray()
                                      : QByteArrayLiteral("Bearer ") + token.trimmed().toUtf8();
}

template <typename T>
GatewayRequest GatewayClient::send(GatewayCall::Spec spec, const QString &invalidArgument,
                                   QObject *context, Decoder<T> decode, Handler<T> handler,
                                   const QByteArray &body)
{
    const bool hasContext = context != nullptr;
    QPointer<QObject> guard(context);
    auto finish = [this, hasContext, guard, decode, handler](const RawReply &raw) {
        if (raw.httpStatus > 0 || raw.error.isUnreachable())
            Q_EMIT reachabilityObserved(raw.httpStatus > 0);
        if (hasContext && !guard)
            return;
        GatewayResult<T> result;
        result.requestId = raw.requestId;
        result.httpStatus = raw.httpStatus;
        result.error = raw.error;
        if (!raw.error.isError()) {
            QString why;
            result.value = decode(raw.body, &why);
            if (!result.value) {
                result.error = GatewayError::make(GatewayError::Kind::InvalidResponse, why);
                result.error.httpStatus = raw.httpStatus;
                result.error.requestId = raw.requestId;
            }
        }
        if (result.error.hasCode(QLatin1String("unauthorized")))
            Q_EMIT unauthorized();
        handler(result);
    };

    QString refusal = invalidArgument;
    if (refusal.isEmpty() && !m_baseUrl.isValid())
        refusal = tr("No gateway address is set.");
    else if (refusal.isEmpty() && m_authorization.isEmpty())
        refusal = tr("No token is set for this gateway.");
    if (!refusal.isEmpty()) {
        // Results are always asynchronous, refusals included, so callers need one code path.
        RawReply raw;
        raw.error = GatewayError::make(GatewayError::Kind::InvalidArgument, refusal);
        QTimer::singleShot(0, hasContext ? context : this, [finish, raw] { finish(raw); });
        return {};
    }

    auto *call = new GatewayCall(m_nam, std::move(spec), m_authorization, m_options, finish, this);
    call->setRequestBody(body);
    if (hasContext && context != this)
        connect(context, &QObject::destroyed, call, &GatewayCall::cancel);
    call->start();
    return GatewayRequest(call);
}

GatewayRequest GatewayClient::listSessions(QObject *context, Handler<Page<WaSession>> handler)
{
    return send<Page<WaSession>>({"GET", GatewayPaths::sessionsUrl(m_baseUrl, {}), true}, {},
                                 context, fromJson<Page<WaSession>>(&GatewayJson::toSessionPage),
                                 std::move(handler));
}

GatewayRequest GatewayClient::getSession(const QString &session, QObject *context,
                                         Handler<WaSession> handler)
{
    return send<WaSession>({"GET", GatewayPaths::sessionsUrl(m_baseUrl, {session}), true},
                           GatewayPaths::checkSessionId(session), context,
                           fromJson<WaSession>([](const QJsonValue &v, QString *e) {
                               return GatewayJson::toSession(v, e);
                           }),
                           std::move(handler));
}

GatewayRequest GatewayClient::listContacts(const QString &session, const ContactQuery &query,
                                           QObject *context, Handler<Page<Contact>> handler)
{
    GatewayPaths::QueryItems q;
    if (!query.text.isEmpty())
        q.append({QStringLiteral("q"), query.text});
    if (!query.source.isEmpty())
        q.append({QStringLiteral("source"), query.source});
    if (!query.groupJid.isEmpty())
        q.append({QStringLiteral("group"), query.groupJid});
    if (query.limit > 0)
        q.append({QStringLiteral("limit"), QString::number(query.limit)});
    if (!query.cursor.isEmpty())
        q.append({QStringLiteral("cursor"), query.cursor});

    const bool sourceOk = query.source.isEmpty() || query.source == QLatin1String("dm")
        || query.source == QLatin1String("group");
    const QString problem = firstProblem(
        {GatewayPaths::checkSessionId(session), GatewayPaths::checkQueryText(query.text),
         sourceOk ? QString() : tr("The source filter must be dm or group."),
         query.groupJid.isEmpty() ? QString() : GatewayPaths::checkGroupJid(query.groupJid),
         query.cursor.size() > 4096 ? tr("The page cursor is too long.") : QString()});
    return send<Page<Contact>>(
        {"GET", GatewayPaths::sessionsUrl(m_baseUrl, {session, QStringLiteral("contacts")}, {}, q),
         true},
        problem, context, fromJson<Page<Contact>>(&GatewayJson::toContactPage), std::move(handler));
}

GatewayRequest GatewayClient::getContact(const QString &session, const QString &lid,
                                         QObject *context, Handler<ContactDetail> handler)
{
    return send<ContactDetail>(
        {"GET", GatewayPaths::sessionsUrl(m_baseUrl, {session, QStringLiteral("contacts"), lid}),
         true},
        firstProblem({GatewayPaths::checkSessionId(session), GatewayPaths::checkLid(lid)}), context,
        fromJson<ContactDetail>(
            [](const QJsonValue &v, QString *e) { return GatewayJson::toContactDetail(v, e); }),
        std::move(handler));
}

GatewayRequest GatewayClient::blockContact(const QString &session, const QString &jid,
                                           QObject *context, Handler<NoContent> handler)
{
    return send<NoContent>(
        {"POST",
         GatewayPaths::sessionsUrl(
             m_baseUrl, {session, QStringLiteral("contacts"), jid, QStringLiteral("block")}),
         false},
        firstProblem({GatewayPaths::checkSessionId(session), GatewayPaths::checkLiveJid(jid)}),
        context, &expectNoContent, std::move(handler));
}

GatewayRequest GatewayClient::unblockContact(const QString &session, const QString &jid,
                                             QObject *context, Handler<NoContent> handler)
{
    return send<NoContent>(
        {"POST",
         GatewayPaths::sessionsUrl(
             m_baseUrl, {session, QStringLiteral("contacts"), jid, QStringLiteral("unblock")}),
         false},
        firstProblem({GatewayPaths::checkSessionId(session), GatewayPaths::checkLiveJid(jid)}),
        context, &expectNoContent, std::move(handler));
}

GatewayRequest GatewayClient::getContactPicture(const QString &session, const QString &jid,
                                                QObject *context, Handler<ProfilePicture> handler)
{
    return send<ProfilePicture>(
        {"GET",
         GatewayPaths::sessionsUrl(
             m_baseUrl, {session, QStringLiteral("contacts"), jid, QStringLiteral("picture")}),
         true},
        firstProblem({GatewayPaths::checkSessionId(session), GatewayPaths::checkLiveJid(jid)}),
        context, fromJson<ProfilePicture>([](const QJsonValue &v, QString *e) {
            return GatewayJson::toProfilePicture(v, e);
        }),
        std::move(handler));
}

GatewayRequest GatewayClient::getContactAbout(const QString &session, const QString &jid,
                                              QObject *context, Handler<QString> handler)
{
    return send<QString>(
        {"GET",
         GatewayPaths::sessionsUrl(
             m_baseUrl, {session, QStringLiteral("contacts"), jid, QStringLiteral("about")}),
         true},
        firstProblem({GatewayPaths::checkSessionId(session), GatewayPaths::checkLiveJid(jid)}),
        context, fromJson<QString>([](const QJsonValue &v, QString *e) {
            return GatewayJson::toAbout(v, e);
        }),
        std::move(handler));
}

GatewayRequest GatewayClient::listGroups(const QString &session, QObject *context,
                                         Handler<Page<Group>> handler)
{
    return send<Page<Group>>(
        {"GET", GatewayPaths::sessionsUrl(m_baseUrl, {session, QStringLiteral("groups")}), true},
        GatewayPaths::checkSessionId(session), context,
        fromJson<Page<Group>>(&GatewayJson::toGroupPage), std::move(handler));
}

GatewayRequest GatewayClient::getGroup(const QString &session, const QString &gid, QObject *context,
                                       Handler<Group> handler)
{
    return send<Group>(
        {"GET", GatewayPaths::sessionsUrl(m_baseUrl, {session, QStringLiteral("groups"), gid}),
         true},
        firstProblem({GatewayPaths::checkSessionId(session), GatewayPaths::checkGroupJid(gid)}),
        context,
        fromJson<Group>([](const QJsonValue &v, QString *e) { return GatewayJson::toGroup(v, e); }),
        std::move(handler));
}

GatewayRequest GatewayClient::listGroupMembers(const QString &session, const QString &gid,
                                               QObject *context, Handler<Page<GroupMember>> handler)
{
    return send<Page<GroupMember>>(
        {"GET",
         GatewayPaths::sessionsUrl(
             m_baseUrl, {session, QStringLiteral("groups"), gid, QStringLiteral("members")}),
         true},
        firstProblem({GatewayPaths::checkSessionId(session), GatewayPaths::checkGroupJid(gid)}),
        context, fromJson<Page<GroupMember>>(&GatewayJson::toGroupMemberPage), std::move(handler));
}

GatewayRequest GatewayClient::mintRealtimeTicket(const RealtimeTicketRequest &request,
                                                 QObject *context, Handler<RealtimeTicket> handler)
{
    QString problem;
    if (request.scope != QLatin1String("organization") && request.scope != QLatin1String("session"))
        problem = tr("The realtime scope must be organization or session.");
    else if (request.scope == QLatin1String("session"))
        problem = GatewayPaths::checkSessionId(request.session);
    else if (request.since.size() > 256)
        problem = tr("The event id to resume after is too long.");
    const QUrl base = m_baseUrl;
    auto decode = [base](const QByteArray &body, QString *error) -> std::optional<RealtimeTicket> {
        const std::optional<RealtimeTicket> ticket = fromJson<RealtimeTicket>(
            [](const QJsonValue &v, QString *e) { return GatewayJson::toRealtimeTicket(v, e); })(
            body, error);
        if (ticket && !isGatewaysOwnSocket(base, ticket->url)) {
            *error = QStringLiteral("the realtime URL points at %1, not at the gateway")
                         .arg(ticket->url.host());
            return std::nullopt;
        }
        return ticket;
    };
    // Minting again after a lost answer only leaves an unused ticket to expire.
    const QByteArray body = QJsonDocument(GatewayJson::fromRealtimeTicketRequest(request))
                                .toJson(QJsonDocument::Compact);
    return send<RealtimeTicket>({"POST", realtimeTicketUrl(m_baseUrl), true}, problem, context,
                                decode, std::move(handler), body);
}
