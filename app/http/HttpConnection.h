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
    // Accepted without a slot: its first request must be admitted, and within
    // HttpLimits::probationTimeoutMs, or the connection is closed.
    void startProbation();
    // One of its requests passed HttpRequestHandler::admit().
    bool isAdmitted() const { return m_admitted; }
    // Any byte came from the client.
    bool hasReceived() const { return m_received; }
    // Handles at once what the client already sent (or its leaving), without waiting for
    // the event loop, so a refused request or a closed client frees its slot right away.
    void readNow();

    static qint64 nowMs();

Q_SIGNALS:
    // The socket is gone; the owner deletes this object (later).
    void closed(HttpConnection *connection);
    // A request was refused by HttpRequestHandler::admit(); the connection closes at once.
    void refusedAtAdmission();

private:
    struct Pending {
        quint64 sequence = 0;
        bool ready = false;
        bool closeAfter = false;
        bool headOnly = false;
        bool keepAlive = true;
        bool http10 = false;
        bool logged = true; // one debug line per answer, except refusals at admission
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
    void startRequest(HttpRequest request, qsizetype start); // start: its first byte in m_in
    void keepRequestUnread();
    // HttpRequestHandler::SocketTaker: the socket, rolled back to the request's first byte.
    QTcpSocket *detachSocket(qsizetype requestStart);
    void answer(Pending &pending, const HttpResponse &response);
    void refuse(int status, const QString &message); // parser-level error: answer, then close
    // Answers it, then closes at once (no lingering) with nothing read after it.
    void answerAndClose(Pending &pending, const HttpResponse &response);
    void logAnswer(const Pending &pending, int status) const;
    void flushAnswers();
    void beginClose();
    void finishClose();
    void startLinger();
    void checkProbation(qint64 now);
    void discardInput();
    void detachResponders();

    QTcpSocket *m_socket; // null once handed over by an upgrade
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    HttpServer *m_server;
    const HttpLimits m_limits;
    const QMessageLogger::CategoryFunction m_log;
    HttpRequestParser m_parser;
    QByteArray m_in;
    qsizetype m_inPos = 0;
    qsizetype m_txStart = -1; // where in m_in the socket's read transaction began, or -1
    std::deque<Pending> m_pending;
    quint64 m_nextSequence = 1;
    Phase m_phase = Phase::Open;
    bool m_inputDone = false;  // an answer that closes is queued: parse nothing more
    bool m_processing = false; // guards processInput against re-entry
    bool m_received = false;
    bool m_admitted = false;
    bool m_onProbation = false;
    bool m_closeAtOnce = false; // refused at admission or on probation: no lingering close
    qint64 m_probationUntilMs = 0;
    qint64 m_lastActivityMs = 0;
    qint64 m_requestStartMs = -1; // first byte of the request being received, or -1
    qint64 m_lingerUntilMs = 0;
};
