#pragma once

#include <QTcpServer>

#include <functional>

// The simulator's TCP listener. QtHttpServer 6.4 upgrades a WebSocket request by itself, before
// handleRequest() sees it, so it cannot refuse an upgrade with an HTTP answer the way the
// gateway does (401 for a bad ticket). This listener reads each new connection's request head
// without consuming it: an upgrade goes to `onUpgrade` with the socket untouched, anything else
// is handed to the QAbstractHttpServer bound to it.
namespace sim {

class RealtimeListener : public QTcpServer
{
public:
    using UpgradeHandler = std::function<void(QTcpSocket *socket, const QByteArray &target)>;

    RealtimeListener(UpgradeHandler onUpgrade, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void sniff(QTcpSocket *socket);

    UpgradeHandler m_onUpgrade;
};

} // namespace sim
