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

// An HTTP/1.1 server on loopback only (127.0.0.1 and/or [::1]). Refuses non-loopback peers,
// sweeps every connection's deadlines on one timer, and once listening asks its factory for
// the handler every request then goes to.
//
// It serves up to maxConnections connections at once (slots). reservedConnections of them
// are kept for connections with an admitted request (HttpRequestHandler::admit): a new
// connection finding the other slots taken is accepted on probation, holding no slot, and
// takes a reserved one only once its first request is admitted (else it is closed; a busy
// 503 if every slot is taken). A request refused at admission (e.g. a web page looping
// over host names that resolve to 127.0.0.1) is answered and its connection closed at once,
// so refused traffic never holds a reserved slot; refusals are counted into one warning
// at most every 5 s instead of a line each.
//
// Lives on whichever thread creates it; HttpServerThread runs it on its own thread.
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
    // Open connections, those on probation included.
    int connectionCount() const { return int(m_connections.size() + m_probation.size()); }
    int probationCount() const { return int(m_probation.size()); }

    // For its connections.
    const HttpLimits &limits() const { return m_config.limits; }
    QMessageLogger::CategoryFunction log() const { return m_config.log; }
    HttpRequestHandler &handler() const { return *m_handler; }
    // 32 hex digits, unique enough to find one request in logs.
    QByteArray newRequestId();
    // A connection on probation had a request admitted: false if every slot is taken.
    bool grantSlot(HttpConnection *connection);

Q_SIGNALS:
    void listening(const QUrl &url);
    void failed(const QString &reason);

private:
    bool fail(const QString &reason);
    bool bind();
    void acceptPending(QTcpServer *listener);
    bool hasGeneralSlot() const;
    bool makeProbationRoom();
    void rejectBusy(QTcpSocket *socket);
    void onConnectionClosed(HttpConnection *connection);
    void sweep();
    // Refusals are summed up, never logged one by one (a page can make thousands a second).
    void noteRefusal(bool busy);
    void logRefusals(bool force);

    const HttpServerConfig m_config;
    HttpHandlerFactory m_makeHandler;
    std::unique_ptr<HttpRequestHandler> m_handler;
    QRandomGenerator64 m_ids;
    QList<QTcpServer *> m_listeners;
    QList<HttpConnection *> m_connections; // holding a slot
    QList<HttpConnection *> m_probation;   // oldest first
    QTimer m_sweepTimer;
    QUrl m_url;
    quint16 m_port = 0;
    QByteArray m_busyAnswer;
    qint64 m_refused = 0; // at admission, since m_refusedSinceMs
    qint64 m_busy = 0;    // too many connections, since m_refusedSinceMs
    qint64 m_refusedSinceMs = 0;
};
