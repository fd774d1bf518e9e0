#include "localapi/LocalRealtimeHub.h"

#include "core/Logging.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

namespace {

constexpr qsizetype kMaxTickets = 1024;
constexpr int kHandshakeMs = 10000;
constexpr int kAbortAfterCloseMs = 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString controlFrame(const char *event, int heartbeatSeconds = -1)
{
    QString text =
        QStringLiteral("{\"event\":\"%1\",\"timestamp\":%2").arg(QLatin1String(event)).arg(nowMs());
    if (heartbeatSeconds >= 0)
        text += QStringLiteral(",\"heartbeatSeconds\":%1").arg(heartbeatSeconds);
    return text + QLatin1Char('}');
}

// "rt_" + 24 random bytes, URL-safe base64 without padding, as the gateway's tickets.
QString newTicketId()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 6);
    return QStringLiteral("rt_")
        + QString::fromLatin1(
               bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

LocalRealtimeHub::LocalRealtimeHub(const LocalRealtimeOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_server(QStringLiteral("gateway-console"), QWebSocketServer::NonSecureMode)
{
    m_options.heartbeatSeconds = qMax(1, m_options.heartbeatSeconds);
    m_server.setHandshakeTimeout(kHandshakeMs);
    connect(&m_server, &QWebSocketServer::newConnection, this, &LocalRealtimeHub::onNewConnection);
    if (m_options.broadcast) {
        m_log = m_options.broadcast->log();
        // Published on the broadcast's thread, fanned out on this one.
        connect(m_options.broadcast, &LiveBroadcast::published, this,
                &LocalRealtimeHub::onPublished, Qt::QueuedConnection);
    }
}

LocalRealtimeHub::~LocalRealtimeHub()
{
    const QList<QWebSocket *> sockets = m_clients.keys();
    m_clients.clear();
    for (QWebSocket *ws : sockets) {
        ws->disconnect(this);
        ws->abort();
        delete ws;
    }
    for (const Handshake &h : std::as_const(m_handshakes))
        delete h.socket.data();
}

QString LocalRealtimeHub::mint(LocalRealtimeTicket ticket)
{
    if (m_tickets.size() >= kMaxTickets)
        m_tickets.removeIf([now = nowMs()](auto it) { return it.value().expiresMs <= now; });
    if (m_tickets.size() >= kMaxTickets)
        return {};
    ticket.expiresMs = nowMs() + qint64(m_options.ticketSeconds) * 1000;
    const QString id = newTicketId();
    m_tickets.insert(id, ticket);
    return id;
}

QString LocalRealtimeHub::redeem(const QString &id, LocalRealtimeTicket *ticket)
{
    if (id.isEmpty())
        return QStringLiteral("missing ticket");
    const auto it = m_tickets.constFind(id);
    if (it == m_tickets.cend())
        return QStringLiteral("invalid or expired ticket");
    *ticket = *it;
    m_tickets.erase(it);
    if (ticket->expiresMs <= nowMs())
        return QStringLiteral("invalid or expired ticket");
    return {};
}

QString LocalRealtimeHub::peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char('#') + QString::number(port);
}

void LocalRealtimeHub::purgeHandshakes()
{
    const qint64 now = nowMs();
    m_handshakes.removeIf([now](auto it) {
        const Handshake &h = it.value();
        return !h.socket || h.socket->state() != QAbstractSocket::ConnectedState
            || h.deadlineMs <= now;
    });
}

bool LocalRealtimeHub::hasRoom()
{
    purgeHandshakes();
    return m_clients.size() + m_handshakes.size() < m_options.maxConnections;
}

void LocalRealtimeHub::accept(QTcpSocket *socket, const LocalRealtimeTicket &ticket)
{
    m_handshakes.insert(peerKey(socket->peerAddress(), socket->peerPort()),
                        {socket, ticket, nowMs() + kHandshakeMs + 1000});
    m_server.handleConnection(socket);
    Q_EMIT socket->readyRead(); // the upgrade request is buffered already
}

void LocalRealtimeHub::onNewConnection()
{
    while (QWebSocket *ws = m_server.nextPendingConnection()) {
        const auto it = m_handshakes.constFind(peerKey(ws->peerAddress(), ws->peerPort()));
        if (it == m_handshakes.cend()) { // not one of ours: cannot happen, never served
            ws->abort();
            ws->deleteLater();
            continue;
        }
        const LocalRealtimeTicket ticket = it->ticket;
        m_handshakes.erase(it);
        attach(ws, ticket);
    }
}

void LocalRealtimeHub::attach(QWebSocket *ws, const LocalRealtimeTicket &ticket)
{
    connect(ws, &QWebSocket::disconnected, this, [this, ws] {
        m_clients.remove(ws);
        ws->deleteLater();
    });
    if (!ticket.allEvents && ticket.events.isEmpty()) { // a filter that matches nothing
        ws->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("no event matches"));
        return;
    }
    m_clients.insert(ws, {ticket, 0});
    send(ws, controlFrame("connected", m_options.heartbeatSeconds));
    if (m_log) {
        const LiveBroadcastLog::Replay replay = m_log->after(ticket.since);
        if (const auto it = m_clients.find(ws); it != m_clients.end())
            it->floor = replay.lastSeq;
        for (const BroadcastFrame &frame : replay.frames) {
            if (!m_clients.contains(ws))
                return; // dropped as too slow
            if (ticket.matches(frame))
                send(ws, QString::fromUtf8(frame.json));
        }
    }
    auto *heartbeat = new QTimer(ws);
    connect(heartbeat, &QTimer::timeout, this, [this, ws] {
        if (m_clients.contains(ws))
            send(ws, controlFrame("ping"));
    });
    heartbeat->start(m_options.heartbeatSeconds * 1000);
}

void LocalRealtimeHub::onPublished(const BroadcastFrame &frame)
{
    if (m_clients.isEmpty())
        return;
    QString text; // converted once, for the first client that wants it
    const QList<QWebSocket *> sockets = m_clients.keys(); // send() may drop one
    for (QWebSocket *ws : sockets) {
        const auto it = m_clients.constFind(ws);
        if (it == m_clients.cend() || frame.seq <= it->floor || !it->ticket.matches(frame))
            continue;
        if (text.isNull())
            text = QString::fromUtf8(frame.json);
        send(ws, text);
    }
}

void LocalRealtimeHub::send(QWebSocket *ws, const QString &text)
{
    ws->sendTextMessage(text);
    if (ws->bytesToWrite() > m_options.maxPendingBytes)
        drop(ws,
             QStringLiteral("too slow: over %1 bytes waiting to be sent")
                 .arg(m_options.maxPendingBytes));
}

void LocalRealtimeHub::drop(QWebSocket *ws, const QString &why)
{
    // Nothing more is queued for it; a reader that does not read the close frame either is
    // cut off shortly after.
    m_clients.remove(ws);
    qCInfo(lcLocalApi).noquote() << "realtime client dropped:" << why;
    ws->close(QWebSocketProtocol::CloseCodePolicyViolated, why);
    QTimer::singleShot(kAbortAfterCloseMs, ws, [ws] { ws->abort(); });
}

LocalRealtime::LocalRealtime(const LocalRealtimeOptions &options)
    : m_options(options)
{
}

LocalRealtime::~LocalRealtime() = default;

void LocalRealtime::openOnThread()
{
    m_hub = std::make_unique<LocalRealtimeHub>(m_options);
}

void LocalRealtime::closeOnThread()
{
    m_hub.reset();
}
