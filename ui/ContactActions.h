#pragma once

#include <QObject>
#include <QPointer>

class ContactActionService;
class GatewayClient;
class QWidget;

// The window's side of block and unblock: confirmation for Block, one action in flight at a
// time, and the outcome's sentence. Sending and auditing are the ContactActionService's, the
// same the local API uses.
class ContactActions : public QObject
{
    Q_OBJECT
public:
    explicit ContactActions(QWidget *window);

    // Both from the signed-in profile's services (null when signed out); not owned.
    void setService(ContactActionService *service, GatewayClient *client);
    bool isBusy() const { return m_busy; }

    // Block asks first (window-modal, no nested event loop); unblock runs at once.
    void block(const QString &sessionId, const QString &lid, const QString &name);
    void unblock(const QString &sessionId, const QString &lid);

Q_SIGNALS:
    void busyChanged(bool busy, const QString &text);
    void finished(bool ok, const QString &message);

private:
    void run(bool block, const QString &sessionId, const QString &lid);

    QPointer<QWidget> m_window;
    QPointer<ContactActionService> m_service;
    QPointer<GatewayClient> m_client;
    bool m_busy = false;
};
