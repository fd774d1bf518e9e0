#include "ContactActions.h"

#include "ProfileCache.h"
#include "auth/SignInController.h"
#include "cache/AuditLog.h"
#include "gateway/GatewayClient.h"

#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

Q_LOGGING_CATEGORY(lcActions, "gc.ui.actions")

ContactActions::ContactActions(QWidget *window)
    : QObject(window)
    , m_window(window)
{
}

void ContactActions::block(const QString &sessionId, const QString &lid, const QString &name)
{
    if (m_busy)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Block contact"),
                                tr("Block %1 on session %2?\n\nThey will no longer be able to "
                                   "message this WhatsApp number.")
                                    .arg(name.isEmpty() ? lid : name, sessionId),
                                QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("blockConfirmation"));
    QPushButton *confirm = box->addButton(tr("Block"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, sessionId, lid] {
        if (box->clickedButton() == static_cast<QAbstractButton *>(confirm))
            run(Action::Block, sessionId, lid);
    });
    box->open();
}

void ContactActions::unblock(const QString &sessionId, const QString &lid)
{
    if (!m_busy)
        run(Action::Unblock, sessionId, lid);
}

void ContactActions::run(Action action, const QString &sessionId, const QString &lid)
{
    GatewayClient *client = m_signIn ? m_signIn->client() : nullptr;
    if (!client || !client->hasEndpoint()) {
        Q_EMIT finished(false, tr("Sign in first: no gateway to send this to."));
        return;
    }
    m_busy = true;
    Q_EMIT busyChanged(true, action == Action::Block ? tr("Blocking…") : tr("Unblocking…"));
    auto done = [this, action, sessionId, lid](const GatewayResult<NoContent> &r) {
        m_busy = false;
        record(action, sessionId, lid, r.error, r.requestId);
        const bool unreachable = r.error.kind == GatewayError::Kind::Network
            || r.error.kind == GatewayError::Kind::Timeout;
        Q_EMIT reachabilityChanged(!unreachable);
        Q_EMIT busyChanged(false, QString());
        Q_EMIT finished(r.ok(), outcomeText(action, r.error));
    };
    if (action == Action::Block)
        client->blockContact(sessionId, lid, this, done);
    else
        client->unblockContact(sessionId, lid, this, done);
}

void ContactActions::record(Action action, const QString &sessionId, const QString &lid,
                            const GatewayError &error, const QString &requestId)
{
    if (!m_cache)
        return;
    AuditEntry e;
    e.profile = m_cache->profile();
    e.sessionId = sessionId;
    e.contact = lid;
    e.action = action == Action::Block ? QStringLiteral("block") : QStringLiteral("unblock");
    e.result = !error.isError()                 ? QStringLiteral("ok")
        : error.kind == GatewayError::Kind::Api ? error.code
                                                : toString(error.kind);
    e.requestId = requestId.isEmpty() ? error.requestId : requestId;
    e.origin = AuditOrigin::Console;
    if (error.isError())
        e.detail = error.describe();
    if (!m_cache->audit().append(e))
        qCWarning(lcActions) << "audit entry not written:" << m_cache->audit().lastError();
}

QString ContactActions::outcomeText(Action action, const GatewayError &error)
{
    const bool block = action == Action::Block;
    const QString id = error.requestId.isEmpty() ? QString()
                                                 : tr(" (request %1)").arg(error.requestId);
    if (!error.isError())
        return block ? tr("Blocked.") : tr("Unblocked.");
    if (error.hasCode(QLatin1String("not_implemented")))
        return tr("Not done: the session is not connected to WhatsApp, so it cannot %1 anyone.")
                   .arg(block ? tr("block") : tr("unblock"))
            + id;
    if (error.hasCode(QLatin1String("forbidden")))
        return tr("Not done: this token may not send (it lacks the \"send\" capability).") + id;
    if (error.hasCode(QLatin1String("not_found")))
        return tr("Not done: the gateway does not know this session or contact.") + id;
    if (error.kind == GatewayError::Kind::Network || error.kind == GatewayError::Kind::Timeout) {
        QString text = tr("Not done: the gateway is unreachable.");
        if (error.outcomeUnknown)
            text += QLatin1Char(' ')
                + tr("The request may have reached it; check before retrying.");
        return text;
    }
    return tr("Not done: %1").arg(error.describe());
}
