#include "actions/ContactActionService.h"

#include "cache/BackgroundWriter.h"
#include "gateway/GatewayClient.h"

ContactActionService::ContactActionService(const QString &profile, BackgroundWriter *writer,
                                           QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_writer(writer)
{
}

QString ContactActionService::actionName(ContactAction action)
{
    return action == ContactAction::Block ? QStringLiteral("block") : QStringLiteral("unblock");
}

void ContactActionService::run(GatewayClient *client, ContactAction action,
                               const QString &sessionId, const QString &jid, AuditOrigin origin,
                               QObject *context, Done done)
{
    const bool hasContext = context != nullptr;
    QPointer<QObject> guard(context);
    auto answer = [this, origin, hasContext, guard, done](const ContactActionResult &result) {
        Q_EMIT performed(result, origin);
        if (!hasContext || guard)
            done(result);
    };
    auto sent = [this, client, action, sessionId, jid, origin,
                 answer](const GatewayResult<NoContent> &r) {
        ContactActionResult result;
        result.action = action;
        result.sessionId = sessionId;
        result.jid = jid;
        result.error = r.error;
        result.requestId = r.requestId.isEmpty() ? r.error.requestId : r.requestId;
        result.error.requestId = result.requestId;
        if (!result.error.hasCode(QLatin1String("internal"))) {
            finish(client, result, origin, answer);
            return;
        }
        // One read to tell "still connecting" from a real failure; without `manage` the
        // answer is a 403 and the sentence stays the general one.
        client->getSession(
            sessionId, client,
            [this, client, result, origin, answer](const GatewayResult<WaSession> &s) mutable {
                if (s.ok())
                    result.sessionStatus = s.value->status;
                finish(client, result, origin, answer);
            });
    };
    // The client's own context keeps the audit entry written even when `context` is gone.
    if (action == ContactAction::Block)
        client->blockContact(sessionId, jid, client, sent);
    else
        client->unblockContact(sessionId, jid, client, sent);
}

void ContactActionService::finish(GatewayClient *client, const ContactActionResult &result,
                                  AuditOrigin origin,
                                  const std::function<void(const ContactActionResult &)> &answer)
{
    // Answered once the audit entry is committed: a crash never loses an answered action.
    if (m_writer)
        m_writer->appendAudit(auditEntry(result, origin), client,
                              [result, answer](bool) { answer(result); });
    else
        answer(result);
}

AuditEntry ContactActionService::auditEntry(const ContactActionResult &result,
                                            AuditOrigin origin) const
{
    AuditEntry e;
    e.profile = m_profile;
    e.sessionId = result.sessionId;
    e.contact = result.jid;
    e.action = actionName(result.action);
    const GatewayError &error = result.error;
    e.result = !error.isError()                 ? QStringLiteral("ok")
        : error.kind == GatewayError::Kind::Api ? error.code
                                                : toString(error.kind);
    e.requestId = result.requestId;
    e.origin = origin;
    if (error.isError())
        e.detail = result.sessionStatus.isEmpty()
            ? error.describe()
            : tr("%1 Session status: %2.").arg(error.describe(), result.sessionStatus);
    return e;
}

QString ContactActionService::outcomeText(const ContactActionResult &result)
{
    const bool block = result.action == ContactAction::Block;
    const GatewayError &error = result.error;
    const QString id = result.requestId.isEmpty() ? QString()
                                                  : tr(" (request %1)").arg(result.requestId);
    if (!error.isError())
        return block ? tr("Blocked.") : tr("Unblocked.");
    if (error.hasCode(QLatin1String("not_implemented")))
        return tr("Not done: the session is not connected to WhatsApp, so it cannot %1 anyone.")
                   .arg(block ? tr("block") : tr("unblock"))
            + id;
    if (error.hasCode(QLatin1String("internal"))
        && result.sessionStatus == QLatin1String("starting"))
        return tr("Not done: the session is still connecting to WhatsApp; try again once it is "
                  "connected.")
            + id;
    if (error.hasCode(QLatin1String("internal"))
        && result.sessionStatus == QLatin1String("scan_qr_code"))
        return tr("Not done: the session is waiting to be paired (its QR code has not been "
                  "scanned); try again once it is connected.")
            + id;
    if (error.hasCode(QLatin1String("forbidden")))
        return tr("Not done: this token may not send (it lacks the \"send\" capability).") + id;
    if (error.hasCode(QLatin1String("not_found")))
        return tr("Not done: the gateway does not know this session or contact.") + id;
    if (error.isUnreachable()) {
        QString text = tr("Not done: the gateway is unreachable.");
        if (error.outcomeUnknown)
            text += QLatin1Char(' ')
                + tr("The request may have reached it; check before retrying.");
        return text;
    }
    return tr("Not done: %1").arg(error.describe());
}
