#pragma once

#include "sync/SyncTypes.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class SignInController;
class SyncService;

// The status bar's sync and reachability: runs a sync of one session through SyncService
// (with its own GatewayClient configured by the sign-in), shows progress with Cancel, and
// says "offline" when the gateway cannot be reached (the cache keeps serving).
class SyncBar : public QWidget
{
    Q_OBJECT
public:
    SyncBar(SignInController *signIn, QWidget *parent = nullptr);
    ~SyncBar() override;

    // False (and a message via finished) when not signed in or a sync is running.
    bool start(const QString &databasePath, const QString &sessionId);
    void cancel();
    bool isRunning() const;
    void setReachable(bool reachable);
    bool isReachable() const { return m_reachable; }
    SyncService *service() const { return m_service; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *offlineLabel() const { return m_offline; }

Q_SIGNALS:
    void finished(const SyncOutcome &outcome, const QString &message);

private:
    void onProgress(const SyncProgress &p);
    void onFinished(const SyncOutcome &o);

    SignInController *m_signIn;
    SyncService *m_service;
    QLabel *m_text;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    QLabel *m_offline;
    bool m_reachable = true;
};
