#include "http/HttpServer.h"

#include "core/Logging.h"
#include "http/HttpConnection.h"
#include "http/HttpResponseWriter.h"
#include "localapi/LocalApiDispatcher.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>

namespace {
constexpr int kListenBacklog = 256; // bursts of connects are accepted, then judged
constexpr int kMinTokenBytes = 32;
} // namespace

HttpServer::HttpServer(const LocalApiConfig &config, std::shared_ptr<const LocalApiRouter> router,
                       QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_router(std::move(router))
    , m_sweepTimer(this)
{
    connect(&m_sweepTimer, &QTimer::timeout, this, &HttpServer::sweep);
}

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::fail(const QString &reason)
{
    close();
    qCWarning(lcLocalApi).noquote() << "local API not started:" << reason;
    Q_EMIT failed(reason);
    return false;
}

bool HttpServer::listen()
{
    if (isListening())
        return true;
    if (!m_router)
        return fail(QStringLiteral("no router"));
    if (m_config.token.size() < kMinTokenBytes)
        return fail(QStringLiteral("the local API token is missing or too short"));
    if (!m_config.listenIPv4 && !m_config.listenIPv6)
        return fail(QStringLiteral("neither IPv4 nor IPv6 loopback selected"));

    QList<QHostAddress> addresses;
    if (m_config.listenIPv4)
        addresses.append(QHostAddress(QHostAddress::LocalHost));
    if (m_config.listenIPv6)
        addresses.append(QHostAddress(QHostAddress::LocalHostIPv6));
    quint16 port = m_config.port;
    for (const QHostAddress &address : addresses) {
        auto *listener = new QTcpServer(this);
        listener->setListenBacklogSize(kListenBacklog);
        if (!listener->listen(address, port)) {
            const QString reason = QStringLiteral("cannot listen on %1 port %2: %3")
                                       .arg(address.toString())
                                       .arg(port)
                                       .arg(listener->errorString());
            delete listener;
            return fail(reason);
        }
        port = listener->serverPort(); // the second address takes the port the first one got
        connect(listener, &QTcpServer::newConnection, this,
                [this, listener] { acceptPending(listener); });
        m_listeners.append(listener);
    }
    m_port = port;
    m_dispatcher = std::make_unique<LocalApiDispatcher>(m_router,
                                                        LocalApiGuard(m_config.token, port));
    m_busyAnswer = HttpResponseWriter::serialize(
        HttpResponse::error(503, QLatin1String("gateway_unavailable"),
                            QStringLiteral("too many connections to the local API")),
        {"-", false, false, false});

    const HttpLimits &l = m_config.limits;
    const int shortest = std::min(
        {l.idleTimeoutMs, l.requestTimeoutMs, l.handlerTimeoutMs, l.lingerTimeoutMs});
    m_sweepTimer.start(std::clamp(shortest / 4, 10, 1000));

    m_url.setScheme(QStringLiteral("http"));
    m_url.setHost(m_config.listenIPv4 ? QStringLiteral("127.0.0.1") : QStringLiteral("::1"));
    m_url.setPort(port);
    qCInfo(lcLocalApi).noquote() << "local API listening on" << m_url.toString();
    Q_EMIT listening(m_url);
    return true;
}

void HttpServer::close()
{
    m_sweepTimer.stop();
    qDeleteAll(m_listeners);
    m_listeners.clear();
    const QList<HttpConnection *> connections = std::exchange(m_connections, {});
    qDeleteAll(connections); // destructors abort the sockets and detach pending responders
    m_dispatcher.reset();
}

void HttpServer::acceptPending(QTcpServer *listener)
{
    while (QTcpSocket *socket = listener->nextPendingConnection()) {
        if (!socket->peerAddress().isLoopback()) {
            // Cannot happen on a loopback bind; never serve anyone else if it ever does.
            qCWarning(lcLocalApi) << "refused non-loopback peer";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        if (m_connections.size() >= m_config.limits.maxConnections) {
            rejectBusy(socket);
            continue;
        }
        auto *connection = new HttpConnection(socket, m_dispatcher.get(), m_config.limits, this);
        connect(connection, &HttpConnection::closed, this, &HttpServer::onConnectionClosed);
        m_connections.append(connection);
    }
}

void HttpServer::rejectBusy(QTcpSocket *socket)
{
    // Answer at once without reading anything, then close; the socket is gone as soon as
    // the few bytes are out. Served clients are not affected.
    qCDebug(lcLocalApi) << "connection limit reached: 503";
    socket->setParent(this);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->write(m_busyAnswer);
    socket->disconnectFromHost();
    if (socket->state() == QAbstractSocket::UnconnectedState)
        socket->deleteLater();
}

void HttpServer::onConnectionClosed(HttpConnection *connection)
{
    m_connections.removeOne(connection);
    connection->deleteLater();
}

void HttpServer::sweep()
{
    // checkTimeouts() may close a connection, which edits m_connections: iterate a copy.
    const QList<HttpConnection *> connections = m_connections;
    for (HttpConnection *connection : connections)
        connection->checkTimeouts();
}
