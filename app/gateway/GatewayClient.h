#pragma once

#include "gateway/GatewayCall.h"
#include "gateway/GatewayError.h"
#include "gateway/GatewayTypes.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

// The typed outcome of one operation: a value, or an error; always the request id.
template <typename T>
struct GatewayResult {
    std::optional<T> value;
    GatewayError error;
    QString requestId;
    int httpStatus = 0;
    bool ok() const { return value.has_value(); }
};

// 204 answers (block, unblock) carry no value.
struct NoContent {};

// The gateway's operations the console uses, as typed asynchronous calls over one
// QNetworkAccessManager. Each call takes a context object and a handler: the handler runs
// on the client's thread, once, unless the context is gone by then. Used alike by the GUI,
// the sync engine and the local API server (one client per thread).
//
// Identifiers are checked before sending (a LID must be digits@lid, ...); a bad one comes
// back as an InvalidArgument error, asynchronously like every other result.
class GatewayClient : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Handler = std::function<void(const GatewayResult<T> &)>;

    explicit GatewayClient(QObject *parent = nullptr);
    ~GatewayClient() override;

    // The gateway's base URL (e.g. https://gw.example.com) and the token for it. The token
    // is sent only to this origin and never logged.
    void setEndpoint(const QUrl &baseUrl, const QString &token);
    QUrl baseUrl() const { return m_baseUrl; }
    bool hasEndpoint() const { return m_baseUrl.isValid() && !m_authorization.isEmpty(); }

    void setOptions(const GatewayCallOptions &options) { m_options = options; }
    GatewayCallOptions options() const { return m_options; }

    GatewayRequest listSessions(QObject *context, Handler<Page<WaSession>> handler);
    GatewayRequest getSession(const QString &session, QObject *context, Handler<WaSession> handler);
    GatewayRequest listContacts(const QString &session, const ContactQuery &query, QObject *context,
                                Handler<Page<Contact>> handler);
    GatewayRequest getContact(const QString &session, const QString &lid, QObject *context,
                              Handler<ContactDetail> handler);
    GatewayRequest blockContact(const QString &session, const QString &jid, QObject *context,
                                Handler<NoContent> handler);
    GatewayRequest unblockContact(const QString &session, const QString &jid, QObject *context,
                                  Handler<NoContent> handler);
    GatewayRequest getContactPicture(const QString &session, const QString &jid, QObject *context,
                                     Handler<ProfilePicture> handler);
    GatewayRequest getContactAbout(const QString &session, const QString &jid, QObject *context,
                                   Handler<QString> handler);
    GatewayRequest listGroups(const QString &session, QObject *context,
                              Handler<Page<Group>> handler);
    GatewayRequest getGroup(const QString &session, const QString &gid, QObject *context,
                            Handler<Group> handler);
    GatewayRequest listGroupMembers(const QString &session, const QString &gid, QObject *context,
                                    Handler<Page<GroupMember>> handler);
    // POST /api/v1/realtime/ticket (capability `events`): a single-use ticket for the
    // realtime WebSocket. A ticket whose url is not on the gateway's own host and port (ws
    // for http, wss for https) is refused as an InvalidResponse: nothing connects elsewhere.
    GatewayRequest mintRealtimeTicket(const RealtimeTicketRequest &request, QObject *context,
                                      Handler<RealtimeTicket> handler);

Q_SIGNALS:
    // The gateway answered 401: the token expired or was revoked. The UI offers to sign in again.
    void unauthorized();
    // Every finished call says whether the gateway answered at all (any HTTP status: true)
    // or could not be reached (false); calls refused before sending say nothing.
    void reachabilityObserved(bool reachable);

private:
    // Decodes a 2xx body into T; returns nullopt and says why otherwise.
    template <typename T>
    using Decoder = std::function<std::optional<T>(const QByteArray &body, QString *error)>;

    template <typename T>
    GatewayRequest send(GatewayCall::Spec spec, const QString &invalidArgument, QObject *context,
                        Decoder<T> decode, Handler<T> handler, const QByteArray &body = {});

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QByteArray m_authorization;
    GatewayCallOptions m_options;
};
