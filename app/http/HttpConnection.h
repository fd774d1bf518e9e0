#pragma once

#include "http/HttpLimits.h"
#include "http/HttpRequestParser.h"
#include "http/HttpResponder.h"
#include "http/HttpResponse.h"

#include <QByteArray>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QObject>

#include <deque>
#include <memory>

class HttpServer;
class QTcpSocket;

// One client connection: reads and parses requests (pipelined ones too), hands them to the
// server's HttpRequestHandler, and writes the answers strictly in request order, whether handlers
// answer at once or later through a HttpResponder. Enforces the per-connection limits: head and
// body size (via the parser), request deadline (slowloris), idle keep-alive timeout, handler
// timeout, a cap on unanswered pipelined requests (reading pauses, TCP pushes back), and a short
// lingering close so an error answer reaches a client that is still sending.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    // Takes the socket over; limits, handler, request ids and log come from the server.
    HttpConnection(QTcpSocket *socket, HttpServer *server);
    ~HttpConnection() override;

    // Called periodically by the server: applies every deadline.
    void checkTimeouts();
    // Answer for request `sequence` (HttpResponder, queued onto this thread).
    void deliver(quint64 sequence, const HttpResponse &response);
    // Its responder was dropped unanswered: the handler's 500.
    void deliverDropped(quint64 sequence);
    // Immediate close, nothing more is written (server shutdown).
    void abort();

    static qint64 nowMs();

Q_SIGNALS:
    // The socket is gone; the owner deletes this object (later).
    void closed(HttpConnection *connection);

private:
    struct Pending {
        quint64 sequence = 0;
        bool ready = false;
        bool closeAfter = false;
        bool headOnly = false;
        bool keepAlive = true;
        bool http10 = false;
        int status = 0;
        qint64 startNs = 0;
        qint64 deadlineMs = 0;
        QByteArray method;
        QByteArray path;
        QByteArray requestId;
        QByteArray bytes;
        std::weak_ptr<HttpDetail::ResponderState> responder;
    };
    enum class Phase {
        Open,
        Closing,
        Lingering,
        Dead
    };

    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void processInput();
    bool readMore();
    void startRequest(HttpRequest request);
    void answer(Pending &pending, const HttpResponse &response);
    void refuse(int status, const QString &message); // parser-level error: answer, then close
    void flushAnswers();
    void beginClose();
    void startLinger();
    void discardInput();
    void detachResponders();

    QTcpSocket *m_socket;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    HttpServer *m_server;
    const HttpLimits m_limits;
    const QMessageLogger::CategoryFunction m_log;
    HttpRequestParser m_parser;
    QByteArray m_in;
    qsizetype m_inPos = 0;
    std::deque<Pending> m_pending;
    quint64 m_nextSequence = 1;
    Phase m_phase = Phase::Open;
    bool m_inputDone = false;  // an answer that closes is queued: parse nothing more
    bool m_processing = false; // guards processInput against re-entry
    qint64 m_lastActivityMs = 0;
    qint64 m_requestStartMs = -1; // first byte of the request being received, or -1
    qint64 m_lingerUntilMs = 0;
};
