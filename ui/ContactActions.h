#pragma once

#include "gateway/GatewayError.h"

#include <QObject>
#include <QPointer>

class GatewayClient;
class ProfileCache;
class QWidget;
class SignInController;

// Block and unblock, the console's only writes to WhatsApp: confirmation for Block, one
// action in flight at a time, a sentence for every outcome, and an audit entry for each.
class ContactActions : public QObject
{
    Q_OBJECT
public:
    enum class Action {
        Block,
        Unblock
    };

    explicit ContactActions(QWidget *window);

    void setSignIn(SignInController *signIn) { m_signIn = signIn; }
    void setCache(ProfileCache *cache) { m_cache = cache; }
    bool isBusy() const { return m_busy; }

    // Block asks first (window-modal, no nested event loop); unblock runs at once.
    void block(const QString &sessionId, const QString &lid, const QString &name);
    void unblock(const QString &sessionId, const QString &lid);

    // What a person reads for an outcome (known codes phrased for support staff).
    static QString outcomeText(Action action, const GatewayError &error);

Q_SIGNALS:
    void busyChanged(bool busy, const QString &text);
    void finished(bool ok, const QString &message);
    // The gateway answered (true) or could not be reached (false).
    void reachabilityChanged(bool reachable);

private:
    void run(Action action, const QString &sessionId, const QString &lid);
    void record(Action action, const QString &sessionId, const QString &lid,
                const GatewayError &error, const QString &requestId);

    QPointer<QWidget> m_window;
    QPointer<SignInController> m_signIn;
    ProfileCache *m_cache = nullptr;
    bool m_busy = false;
};
