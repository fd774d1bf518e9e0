#include "ContactActions.h"

#include "actions/ContactActionService.h"
#include "gateway/GatewayClient.h"

#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

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
            run(true, sessionId, lid);
    });
    box->open();
}

void ContactActions::unblock(const QString &sessionId, const QString &lid)
{
    if (!m_busy)
        run(false, sessionId, lid);
}

void ContactActions::setService(ContactActionService *service, GatewayClient *client)
{
    m_service = service;
    m_client = client;
    if (m_busy) {
        // The answer to the action in flight went with the old profile's client.
        m_busy = false;
        Q_EMIT busyChanged(false, QString());
    }
}

void ContactActions::run(bool block, const QString &sessionId, const QString &lid)
{
    if (!m_service || !m_client || !m_client->hasEndpoint()) {
        Q_EMIT finished(false, tr("Sign in first: no gateway to send this to."));
        return;
    }
    m_busy = true;
    Q_EMIT busyChanged(true, block ? tr("Blocking…") : tr("Unblocking…"));
    m_service->run(m_client, block ? ContactAction::Block : ContactAction::Unblock, sessionId, lid,
                   AuditOrigin::Console, this, [this](const ContactActionResult &result) {
                       m_busy = false;
                       Q_EMIT busyChanged(false, QString());
                       Q_EMIT finished(result.ok(), ContactActionService::outcomeText(result));
                   });
}
