#include "RealtimeListener.h"

#include <QTcpSocket>

namespace sim {

namespace {

constexpr qsizetype kMaxHead = 16 * 1024;

// The request target when `head` is a WebSocket upgrade ("Upgrade: websocket"), else empty.
QByteArray upgradeTarget(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine[0] != "GET")
        return {};
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "upgrade"
            && line.mid(colon + 1).trimmed().toLower() == "websocket")
            return requestLine[1];
    }
    return {};
}

} // namespace

RealtimeListener::RealtimeListener(UpgradeHandler onUpgrade, QObject *parent)
    : QTcpServer(parent)
    , m_onUpgrade(std::move(onUpgrade))
{
}

void RealtimeListener::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { sniff(socket); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

void RealtimeListener::sniff(QTcpSocket *socket)
{
    const QByteArray head = socket->peek(kMaxHead);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0 && head.size() < kMaxHead)
        return; // the head is not complete yet
    disconnect(socket, nullptr, this, nullptr);
    disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    const QByteArray target = end < 0 ? QByteArray() : upgradeTarget(head.left(end));
    if (!target.isEmpty()) {
        m_onUpgrade(socket, target);
        return;
    }
    // QtHttpServer takes it from here, from the first byte (nothing was consumed).
    addPendingConnection(socket);
    Q_EMIT newConnection();
    Q_EMIT socket->readyRead();
}

} // namespace sim
