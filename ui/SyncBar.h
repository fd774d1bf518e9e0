#pragma once

#include "sync/SyncTypes.h"

#include <QPointer>
#include <QWidget>

class GatewayReachability;
class QLabel;
class QProgressBar;
class QPushButton;
class SyncService;

// The status bar's sync and reachability: shows the progress of whichever sync the profile's
// SyncService runs (started from the window, the local API or a schedule) with Cancel, and
// says "offline" when the gateway cannot be reached (the cache keeps serving).
class SyncBar : public QWidget
{
    Q_OBJECT
public:
    explicit SyncBar(QWidget *parent = nullptr);

    // Both may be null (signed out); not owned.
    void setService(SyncService *service);
    void setReachability(GatewayReachability *reachability);
    void cancel();
    bool isRunning() const;
    void setReachable(bool reachable);
    bool isReachable() const { return m_reachable; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *offlineLabel() const { return m_offline; }

Q_SIGNALS:
    void finished(const SyncOutcome &outcome, const QString &message);

private:
    void onStarted(const QString &sessionId);
    void onProgress(const SyncProgress &p);
    void onFinished(const SyncOutcome &o);

    QPointer<SyncService> m_service;
    QPointer<GatewayReachability> m_reachability;
    QLabel *m_text;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    QLabel *m_offline;
    bool m_reachable = true;
};
