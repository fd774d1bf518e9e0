#include "SyncBar.h"

#include "DisplayText.h"
#include "gateway/GatewayReachability.h"
#include "sync/SyncService.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

SyncBar::SyncBar(QWidget *parent)
    : QWidget(parent)
{
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("syncText"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("syncProgress"));
    m_bar->setAccessibleName(tr("Sync progress"));
    m_bar->setMaximumWidth(180);
    m_bar->setTextVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("syncCancel"));
    m_cancel->setAccessibleName(tr("Cancel sync"));
    m_offline = new QLabel(tr("Offline: the gateway is unreachable; showing the cache"), this);
    m_offline->setObjectName(QStringLiteral("offlineLabel"));
    // Colours of its own on both sides: readable on light and dark palettes alike.
    m_offline->setStyleSheet(
        QStringLiteral("QLabel { background: #f8d9d6; color: #7a1f17; font-weight: bold; "
                       "border-radius: 3px; padding: 1px 6px; }"));
    m_offline->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_offline);
    layout->addWidget(m_text);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->hide();
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &SyncBar::cancel);
}

void SyncBar::setService(SyncService *service)
{
    if (m_service)
        m_service->disconnect(this);
    m_service = service;
    m_bar->hide();
    m_cancel->hide();
    m_text->clear();
    if (!service)
        return;
    connect(service, &SyncService::started, this, &SyncBar::onStarted);
    connect(service, &SyncService::progress, this, &SyncBar::onProgress);
    connect(service, &SyncService::finished, this, &SyncBar::onFinished);
    if (service->isRunning())
        onStarted(service->runningSession());
}

void SyncBar::setReachability(GatewayReachability *reachability)
{
    if (m_reachability)
        m_reachability->disconnect(this);
    m_reachability = reachability;
    setReachable(true);
    if (!reachability)
        return;
    // Queued: clients on other threads (a sync's, the local API's) report too.
    connect(reachability, &GatewayReachability::changed, this, &SyncBar::setReachable,
            Qt::QueuedConnection);
    if (const auto known = reachability->state().reachable)
        setReachable(*known);
}

void SyncBar::onStarted(const QString &sessionId)
{
    m_text->setText(tr("Syncing %1…").arg(sessionId));
    m_bar->setRange(0, 0);
    m_bar->show();
    m_cancel->show();
    m_cancel->setEnabled(true);
}

void SyncBar::cancel()
{
    m_cancel->setEnabled(false);
    if (m_service)
        m_service->cancel();
}

bool SyncBar::isRunning() const
{
    return m_service && m_service->isRunning();
}

void SyncBar::setReachable(bool reachable)
{
    m_reachable = reachable;
    m_offline->setVisible(!reachable);
}

void SyncBar::onProgress(const SyncProgress &p)
{
    if (p.total > 0) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(qBound(qint64(0), p.done * 1000 / p.total, qint64(1000))));
        m_text->setText(
            tr("Syncing %1: %2 of %3")
                .arg(p.phase, DisplayText::number(p.done), DisplayText::number(p.total)));
    } else {
        m_bar->setRange(0, 0);
        m_text->setText(tr("Syncing %1: %2").arg(p.phase, DisplayText::number(p.done)));
    }
}

void SyncBar::onFinished(const SyncOutcome &o)
{
    m_bar->hide();
    m_cancel->hide();
    QString message;
    switch (o.status) {
    case SyncOutcome::Status::Completed:
        message = tr("Synced %1 contacts, %2 groups")
                      .arg(DisplayText::number(o.contacts), DisplayText::number(o.groups));
        break;
    case SyncOutcome::Status::Cancelled:
        message = tr("Sync cancelled");
        break;
    case SyncOutcome::Status::Failed:
        message = tr("Sync failed: %1").arg(o.message);
        break;
    case SyncOutcome::Status::Refused:
        message = tr("Sync not started: %1").arg(o.message);
        break;
    }
    m_text->setText(message);
    Q_EMIT finished(o, message);
}
