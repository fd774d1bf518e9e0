#include "http/HttpServer.h"

#include "http/HttpConnection.h"
#include "http/HttpResponseWriter.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>

Q_LOGGING_CATEGORY(lcHttp, "gc.http", QtWarningMsg)

namespace {
constexpr int kListenBacklog = 256; // bursts of connects are accepted, then judged
} // namespace

HttpServer::HttpServer(const HttpServerConfig &config, HttpHandlerFactory makeHandler,
                       QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_makeHandler(std::move(makeHandler))
    , m_ids(QRandomGenerator::system()->generate64())
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
    Q_EMIT failed(reason);
    return false;
}

QByteArray HttpServer::newRequestId()
{
    static constexpr char hex[] = "0123456789abcdef";
    QByteArray id(32, Qt::Uninitialized);
    char *out = id.data();
    for (int half = 0; half < 2; ++half) {
        quint64 v = m_ids.generate64();
        for (int i = 0; i < 16; ++i, v >>= 4)
            *out++ = hex[v & 0xF];
    }
    return id;
}

bool HttpServer::listen()
{
    if (isListening())
        return true;
    if (!m_makeHandler)
        return fail(QStringLiteral("no request handler"));
    if (!m_config.listenIPv4 && !m_config.listenIPv6)
        return fail(QStringLiteral("neither IPv4 nor IPv6 loopback selected"));
    if (!bind())
        return false;
    QString error;
    m_handler = m_makeHandler(m_port, &error);
    if (!m_handler)
        return fail(error.isEmpty() ? QStringLiteral("no request handler") : error);

    HttpResponseWriter::Frame busy;
    busy.requestId = "-";
    busy.keepAlive = false;
    busy.log = m_config.log;
    m_busyAnswer = HttpResponseWriter::serialize(
        m_handler->errorResponse(503, QStringLiteral("too many connections")), busy);

    const HttpLimits &l = m_config.limits;
    const int shortest = std::min(
        {l.idleTimeoutMs, l.requestTimeoutMs, l.handlerTimeoutMs, l.lingerTimeoutMs});
    m_sweepTimer.start(std::clamp(shortest / 4, 10, 1000));

    m_url.setScheme(QStringLiteral("http"));
    m_url.setHost(m_config.listenIPv4 ? QStringLiteral("127.0.0.1") : QStringLiteral("::1"));
    m_url.setPort(m_port);
    Q_EMIT listening(m_url);
    return true;
}

bool HttpServer::bind()
{
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
    return true;
}

void HttpServer::close()
{
    m_sweepTimer.stop();
    qDeleteAll(m_listeners);
    m_listeners.clear();
    const QList<HttpConnection *> connections = std::exchange(m_connections, {});
    qDeleteAll(connections); // destructors abort the sockets and detach pending responders
    m_handler.reset();
}

void HttpServer::acceptPending(QTcpServer *listener)
{
    while (QTcpSocket *socket = listener->nextPendingConnection()) {
        if (!socket->peerAddress().isLoopback()) {
            // Cannot happen on a loopback bind; never serve anyone else if it ever does.
            qCWarning(m_config.log) << "refused non-loopback peer";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        if (m_connections.size() >= m_config.limits.maxConnections) {
            rejectBusy(socket);
            continue;
        }
        auto *connection = new HttpConnection(socket, this);
        connect(connection, &HttpConnection::closed, this, &HttpServer::onConnectionClosed);
        m_connections.append(connection);
    }
}

void HttpServer::rejectBusy(QTcpSocket *socket)
{
    // Answer at once without reading anything, then close; the socket is gone as soon as
    // the few bytes are out. Served clients are not affected.
    qCDebug(m_config.log) << "connection limit reached: 503";
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
