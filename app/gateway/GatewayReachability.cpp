#include "gateway/GatewayReachability.h"

#include "gateway/GatewayClient.h"

#include <QDateTime>

GatewayReachability::GatewayReachability(QObject *parent)
    : QObject(parent)
{
}

void GatewayReachability::note(bool reachable)
{
    bool flipped = false;
    {
        QMutexLocker lock(&m_mutex);
        flipped = m_state.reachable != reachable;
        m_state.reachable = reachable;
        m_state.at = QDateTime::currentMSecsSinceEpoch();
    }
    if (flipped)
        Q_EMIT changed(reachable);
}

GatewayReachability::State GatewayReachability::state() const
{
    QMutexLocker lock(&m_mutex);
    return m_state;
}

void GatewayReachability::watch(GatewayClient *client)
{
    connect(client, &GatewayClient::reachabilityObserved, this, &GatewayReachability::note,
            Qt::DirectConnection);
}
