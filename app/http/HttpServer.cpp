#include "http/HttpServer.h"

#include "http/HttpConnection.h"
#include "http/HttpResponseWriter.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>

Q_LOGGING_CATEGORY(lcHttp, "gc.http", QtWarningMsg)

namespace {
constexpr int kListenBacklog = 256; // bursts of connects are accepted, then judged
constexpr qint64 kRefusalSummaryMs = 5000;
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
    const int shortest = std::min({l.idleTimeoutMs, l.requestTimeoutMs, l.handlerTimeoutMs,
                                   l.lingerTimeoutMs, l.probationTimeoutMs});
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
    logRefusals(true);
    m_sweepTimer.stop();
    qDeleteAll(m_listeners);
    m_listeners.clear();
    const QList<HttpConnection *> connections = std::exchange(m_connections, {})
        + std::exchange(m_probation, {});
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
        const bool slot = hasGeneralSlot();
        if (!slot && !makeProbationRoom()) {
            rejectBusy(socket);
            continue;
        }
        auto *connection = new HttpConnection(socket, this);
        connect(connection, &HttpConnection::closed, this, &HttpServer::onConnectionClosed);
        connect(connection, &HttpConnection::refusedAtAdmission, this,
                [this] { noteRefusal(false); });
        if (slot) {
            m_connections.append(connection);
        } else {
            m_probation.append(connection);
            connection->startProbation();
        }
        // What the client already sent is judged now: a refused request closes before the
        // next connection is accepted.
        connection->readNow();
    }
}

bool HttpServer::hasGeneralSlot() const
{
    const HttpLimits &l = m_config.limits;
    if (m_connections.size() >= l.maxConnections)
        return false;
    const qsizetype admitted = std::count_if(
        m_connections.cbegin(), m_connections.cend(),
        [](const HttpConnection *c) { return c->isAdmitted(); });
    const int reserved = std::clamp(l.reservedConnections, 0, l.maxConnections);
    return m_connections.size() - admitted < l.maxConnections - reserved;
}

bool HttpServer::makeProbationRoom()
{
    if (m_probation.size() < m_config.limits.maxOnProbation)
        return true;
    // Full: the connection silent the longest gives way (a client that means it has sent
    // its request by now); none silent, the newcomer gets the busy answer.
    for (HttpConnection *connection : std::as_const(m_probation)) {
        if (!connection->hasReceived()) {
            noteRefusal(true);
            connection->abort(); // closed(): leaves m_probation
            return true;
        }
    }
    return false;
}

bool HttpServer::grantSlot(HttpConnection *connection)
{
    if (m_connections.size() >= m_config.limits.maxConnections) {
        // Slots whose client already left, or sent a request to refuse, are freed first.
        const QList<HttpConnection *> connections = m_connections; // readNow() may close one
        for (HttpConnection *c : connections)
            c->readNow();
    }
    if (m_connections.size() >= m_config.limits.maxConnections) {
        noteRefusal(true);
        return false;
    }
    m_probation.removeOne(connection);
    m_connections.append(connection);
    return true;
}

void HttpServer::rejectBusy(QTcpSocket *socket)
{
    // Answer at once without reading anything, then close; the socket is gone as soon as
    // the few bytes are out. Served clients are not affected.
    noteRefusal(true);
    socket->setParent(this);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->write(m_busyAnswer);
    socket->disconnectFromHost();
    if (socket->state() == QAbstractSocket::UnconnectedState)
        socket->deleteLater();
}

void HttpServer::noteRefusal(bool busy)
{
    if (m_refused == 0 && m_busy == 0)
        m_refusedSinceMs = HttpConnection::nowMs();
    ++(busy ? m_busy : m_refused);
    logRefusals(false);
}

void HttpServer::logRefusals(bool force)
{
    if (m_refused == 0 && m_busy == 0)
        return;
    const qint64 elapsed = HttpConnection::nowMs() - m_refusedSinceMs;
    if (elapsed < kRefusalSummaryMs && !force)
        return;
    // "refused 120 connections for Host/Origin and 3 as too many at once in the last 5.0s"
    QString text = QStringLiteral("refused ");
    if (m_refused > 0)
        text += QStringLiteral("%1 connections for Host/Origin").arg(m_refused);
    if (m_busy > 0)
        text += (m_refused > 0 ? QStringLiteral(" and %1") : QStringLiteral("%1 connections"))
                    .arg(m_busy)
            + QLatin1String(" as too many at once");
    qCWarning(m_config.log).noquote()
        << text + QStringLiteral(" in the last %1s").arg(double(elapsed) / 1000.0, 0, 'f', 1);
    m_refused = m_busy = 0;
}

void HttpServer::onConnectionClosed(HttpConnection *connection)
{
    if (!m_connections.removeOne(connection))
        m_probation.removeOne(connection);
    connection->deleteLater();
}

void HttpServer::sweep()
{
    logRefusals(false);
    // checkTimeouts() may close a connection, which edits the lists: iterate a copy.
    const QList<HttpConnection *> connections = m_connections + m_probation;
    for (HttpConnection *connection : connections)
        connection->checkTimeouts();
}
