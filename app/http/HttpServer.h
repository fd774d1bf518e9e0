#pragma once

#include "localapi/LocalApiConfig.h"
#include "localapi/LocalApiRouter.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

class HttpConnection;
class LocalApiDispatcher;
class QTcpServer;
class QTcpSocket;

// The local API's HTTP/1.1 server on loopback only (127.0.0.1 and/or [::1]). Accepts up to
// maxConnections clients (more get a 503 envelope and are closed, the others keep being
// served), refuses non-loopback peers, and sweeps every connection's deadlines on one timer.
// Lives on whichever thread creates it; HttpServerThread runs it on its own thread.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    HttpServer(const LocalApiConfig &config, std::shared_ptr<const LocalApiRouter> router,
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

Q_SIGNALS:
    void listening(const QUrl &url);
    void failed(const QString &reason);

private:
    bool fail(const QString &reason);
    void acceptPending(QTcpServer *listener);
    void rejectBusy(QTcpSocket *socket);
    void onConnectionClosed(HttpConnection *connection);
    void sweep();

    const LocalApiConfig m_config;
    std::shared_ptr<const LocalApiRouter> m_router;
    std::unique_ptr<LocalApiDispatcher> m_dispatcher;
    QList<QTcpServer *> m_listeners;
    QList<HttpConnection *> m_connections;
    QTimer m_sweepTimer;
    QUrl m_url;
    quint16 m_port = 0;
    QByteArray m_busyAnswer;
};
