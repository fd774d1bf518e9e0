#pragma once

#include "http/HttpRequestHandler.h"
#include "http/HttpServerConfig.h"

#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

#include <memory>

class HttpConnection;
class QTcpServer;
class QTcpSocket;

// An HTTP/1.1 server on loopback only (127.0.0.1 and/or [::1]). Accepts up to
// maxConnections clients (more get a 503 and are closed, the others keep being served),
// refuses non-loopback peers, and sweeps every connection's deadlines on one timer. Once
// listening it asks its factory for the handler every request then goes to. Lives on
// whichever thread creates it; HttpServerThread runs it on its own thread.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    HttpServer(const HttpServerConfig &config, HttpHandlerFactory makeHandler,
               QObject *parent = nullptr);
    ~HttpServer() override;

    // Emits listening(url) or failed(reason), and returns whether it listens.
    bool listen();
    // Stops listening and drops every connection at once.
    void close();

    bool isListening() const { return !m_listeners.isEmpty(); }
    QUrl url() const { return m_url; }
    quint16 port() const { return m_port; }
    int connectionCount() const { return int(m_connections.size()); }

    // For its connections.
    const HttpLimits &limits() const { return m_config.limits; }
    QMessageLogger::CategoryFunction log() const { return m_config.log; }
    HttpRequestHandler &handler() const { return *m_handler; }
    // 32 hex digits, unique enough to find one request in logs.
    QByteArray newRequestId();

Q_SIGNALS:
    void listening(const QUrl &url);
    void failed(const QString &reason);

private:
    bool fail(const QString &reason);
    bool bind();
    void acceptPending(QTcpServer *listener);
    void rejectBusy(QTcpSocket *socket);
    void onConnectionClosed(HttpConnection *connection);
    void sweep();

    const HttpServerConfig m_config;
    HttpHandlerFactory m_makeHandler;
    std::unique_ptr<HttpRequestHandler> m_handler;
    QRandomGenerator64 m_ids;
    QList<QTcpServer *> m_listeners;
    QList<HttpConnection *> m_connections;
    QTimer m_sweepTimer;
    QUrl m_url;
    quint16 m_port = 0;
    QByteArray m_busyAnswer;
};
